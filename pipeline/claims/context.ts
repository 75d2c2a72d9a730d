/**
 * What a claim can ask of the data: answer counts of an item for a group in the newest microdata
 * wave of its survey (routing-aware, "Vet ikke" kept), published baseline values of an earlier
 * wave, and the sample/disposition, frame and response tables. Only counts cross into JavaScript.
 *
 * A group is a code of figures.md §1.2 (`ordforer`, `enhetsleder`, `statlig`, `kontor_alle`, …) or
 * several joined by dots, each narrowing the last: `enhetsleder.statlig` is state-employed unit
 * leaders, `statlig.team` state employees who work in a team, `kontor` one unit-leader answer per
 * office. The groups say which survey a claim is about.
 */
import { GROUPS, type GroupDef } from '../../schemas/groups.ts';
import { answerCounts } from '../analyze/compare.ts';
import { bySourceQuality, publishedBaselines } from '../analyze/published.ts';
import { variableInfo, wavesOf, type Domain, type VariableInfo } from '../analyze/metadata.ts';
import { freqFromPairs, type Freq } from '../analyze/stats/freq.ts';
import type { Db } from '../core/db.ts';
import { all } from '../core/db.ts';

export const OR_SURVEY = 'ordforer_radmann';
export const K_SURVEY = 'kontor';

/** The wave lacks what a claim needs (an item, a group's answers, a published value): not checkable. */
export class MissingData extends Error {}

export interface Answers {
  info: VariableInfo;
  /** All answers of the group, "Vet ikke" included. */
  freq: Freq;
}

export interface BaselineValue {
  baseline_id: string;
  value: number;
  n: number | null;
  value_source: string;
  comparability: string;
  qualifier: string | null;
}

export interface ResolvedGroup {
  survey: string;
  by: string;
  /** Codes of `by` pooled into the group; null = every answer (or_alle). */
  codes: number[] | null;
  where: Domain;
}

/** `enhetsleder.statlig` → the survey, the variable and codes of the last part, the rest as a domain. */
export function resolveGroup(token: string): ResolvedGroup {
  const defs = token.split('.').map((part) => {
    const def = GROUPS.find((g) => g.code === part.trim());
    if (!def) throw new MissingData(`ukjent gruppe ${part}`);
    return def;
  });
  const survey = defs[0]!.survey;
  if (defs.some((d) => d.survey !== survey)) throw new MissingData(`gruppen ${token} blander undersøkelser`);
  const where: Record<string, number[]> = {};
  for (const d of defs.slice(0, -1)) if (d.variable !== null) where[d.variable] = d.codes;
  const last = defs.at(-1) as GroupDef;
  if (last.variable === null) return { survey, by: survey === OR_SURVEY ? 'rolle' : 'alle', codes: null, where };
  return { survey, by: last.variable, codes: last.codes, where };
}

export class ClaimContext {
  private cache = new Map<string, Answers>();
  constructor(
    readonly db: Db,
    /** The newest microdata wave of each survey in the warehouse; claims are evaluated on these. */
    readonly waves: Readonly<Record<string, string>>,
  ) {}

  /** On the newest wave of each survey, or (`back` = 1) the one before it where a survey has one. */
  static async open(db: Db, back = 0): Promise<ClaimContext | null> {
    const waves: Record<string, string> = {};
    for (const survey of [OR_SURVEY, K_SURVEY]) {
      const all = await wavesOf(db, survey);
      const w = all.at(-1 - back) ?? (back > 0 ? all.at(-1) : undefined);
      if (w) waves[survey] = w;
    }
    return Object.keys(waves).length ? new ClaimContext(db, waves) : null;
  }

  /** The ordfører/rådmann wave (the claims table's `wave`). */
  get wave(): string {
    return this.waves[OR_SURVEY] ?? this.waves[K_SURVEY] ?? '';
  }

  waveOf(survey: string): string {
    const w = this.waves[survey];
    if (!w) throw new MissingData(survey === K_SURVEY ? 'krever kontorundersøkelsen, som ikke er lastet' : 'krever ordfører/rådmann-undersøkelsen, som ikke er lastet');
    return w;
  }

  /** Answers of a group (see resolveGroup) to `variable`. */
  async answers(variable: string, group: string): Promise<Answers> {
    const key = `${variable}|${group}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const g = resolveGroup(group);
    const { info, counts } = await this.countsOf(g.survey, variable, g.by, g.where);
    const pooled = new Map<number, number>();
    for (const [code, f] of counts) {
      if (g.codes !== null && !g.codes.includes(code)) continue;
      f.values.forEach((v, i) => pooled.set(v, (pooled.get(v) ?? 0) + (f.counts[i] as number)));
    }
    const out = { info, freq: freqFromPairs([...pooled]) };
    this.cache.set(key, out);
    return out;
  }

  /** Answer counts per code of `by` within a domain (read once per connection: analyze/counts.ts). */
  private async countsOf(survey: string, variable: string, by: string, where: Domain): Promise<{ info: VariableInfo; counts: Map<number, Freq> }> {
    const wave = this.waveOf(survey);
    const info = await variableInfo(this.db, survey, wave, variable).catch(() => {
      throw new MissingData(`${variable} finnes ikke i bølge ${wave}`);
    });
    return { info, counts: await answerCounts(this.db, info, by, where) };
  }


  async variables(pattern: string, survey = OR_SURVEY): Promise<string[]> {
    const like = pattern.replaceAll('_', '\\_').replaceAll('*', '%');
    const rows = await all<{ variable: string }>(
      this.db,
      `SELECT variable FROM dim_variables WHERE survey = $s AND wave = $w AND variable LIKE $p ESCAPE '\\' AND kind <> 'derived' ORDER BY variable`,
      { s: survey, w: this.waveOf(survey), p: like },
    );
    return rows.map((r) => r.variable);
  }

  async baseline(wave: string, variable: string, group: string, measure: string, category = '', survey = OR_SURVEY): Promise<BaselineValue | null> {
    const rows = (await publishedBaselines(this.db)).filter((b) => b.survey === survey && b.wave === wave && b.variable === variable && b.group_code === group && b.measure === measure && (b.category ?? '') === category);
    const best = rows.sort(bySourceQuality)[0];
    return best ? { baseline_id: best.baseline_id, value: best.value, n: best.n, value_source: best.value_source, comparability: best.comparability, qualifier: best.qualifier } : null;
  }

  async baselineCategories(wave: string, variable: string, group: string, survey = OR_SURVEY): Promise<Map<string, number>> {
    const rows = (await publishedBaselines(this.db)).filter((b) => b.survey === survey && b.wave === wave && b.variable === variable && b.group_code === group && b.measure === 'pct_cat' && b.value_source === 'illustrative');
    return new Map(rows.map((r) => [r.category ?? '', r.value]));
  }

  /** Rows of an aggregate query over a survey's tables (sample, frame, responses); `$wave` is that survey's wave. */
  query<T>(sql: string, params: Record<string, string | number> = {}, survey = OR_SURVEY): Promise<T[]> {
    return all<T>(this.db, sql, { ...(sql.includes('$wave') ? { wave: this.waveOf(survey) } : {}), ...params });
  }
}
