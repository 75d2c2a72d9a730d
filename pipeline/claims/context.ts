/**
 * What a claim can ask of the data: answer counts of an item per group in the newest microdata
 * wave (routing-aware, "Vet ikke" kept), published baseline values of an earlier wave, and the
 * sample/disposition and response tables. Only counts cross into JavaScript.
 */
import { GROUPS } from '../../schemas/groups.ts';
import { answerCounts } from '../analyze/compare.ts';
import { variableInfo, wavesOf, type VariableInfo } from '../analyze/metadata.ts';
import { freqFromPairs, type Freq } from '../analyze/stats/freq.ts';
import type { Db } from '../core/db.ts';
import { all } from '../core/db.ts';

export const OR_SURVEY = 'ordforer_radmann';

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

export class ClaimContext {
  private cache = new Map<string, Answers>();
  private counts = new Map<string, Promise<{ info: VariableInfo; counts: Map<number, Freq> }>>();
  constructor(
    readonly db: Db,
    /** The microdata wave the claims are evaluated on (the newest one). */
    readonly wave: string,
  ) {}

  static async open(db: Db): Promise<ClaimContext | null> {
    const waves = await wavesOf(db, OR_SURVEY);
    return waves.length ? new ClaimContext(db, waves.at(-1)!) : null;
  }

  /** Answers of `group` (ordforer, radmann, annet, or or_alle = every respondent) to `variable`. */
  async answers(variable: string, group: string): Promise<Answers> {
    const key = `${variable}|${group}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const { info, counts } = await this.countsOf(variable);
    const def = GROUPS.find((g) => g.survey === OR_SURVEY && g.code === group);
    if (!def) throw new Error(`unknown group ${group}`);
    const pooled = new Map<number, number>();
    for (const [code, f] of counts) {
      if (def.variable !== null && !def.codes.includes(code)) continue;
      f.values.forEach((v, i) => pooled.set(v, (pooled.get(v) ?? 0) + (f.counts[i] as number)));
    }
    const out = { info, freq: freqFromPairs([...pooled]) };
    this.cache.set(key, out);
    return out;
  }

  /** Answer counts per role code, one query per item. */
  private countsOf(variable: string): Promise<{ info: VariableInfo; counts: Map<number, Freq> }> {
    let hit = this.counts.get(variable);
    if (!hit) {
      hit = (async () => {
        const info = await variableInfo(this.db, OR_SURVEY, this.wave, variable).catch(() => {
          throw new MissingData(`${variable} finnes ikke i bølge ${this.wave}`);
        });
        return { info, counts: await answerCounts(this.db, info, 'rolle') };
      })();
      this.counts.set(variable, hit);
    }
    return hit;
  }

  async variables(pattern: string): Promise<string[]> {
    const like = pattern.replaceAll('_', '\\_').replaceAll('*', '%');
    const rows = await all<{ variable: string }>(this.db, `SELECT variable FROM dim_variables WHERE survey = $s AND wave = $w AND variable LIKE $p ESCAPE '\\' ORDER BY variable`, { s: OR_SURVEY, w: this.wave, p: like });
    return rows.map((r) => r.variable);
  }

  async baseline(wave: string, variable: string, group: string, measure: string, category = ''): Promise<BaselineValue | null> {
    const rows = await all<BaselineValue>(
      this.db,
      `SELECT baseline_id, value, n, value_source, comparability, qualifier FROM stg_baselines__published
       WHERE survey = $s AND wave = $w AND variable = $v AND group_code = $g AND measure = $m AND coalesce(category, '') = $c
       ORDER BY CASE value_source WHEN 'stated' THEN 0 WHEN 'approximate' THEN 1 ELSE 2 END`,
      { s: OR_SURVEY, w: wave, v: variable, g: group, m: measure, c: category },
    );
    return rows[0] ?? null;
  }

  async baselineCategories(wave: string, variable: string, group: string): Promise<Map<string, number>> {
    const rows = await all<{ category: string; value: number }>(
      this.db,
      `SELECT category, value FROM stg_baselines__published WHERE survey = $s AND wave = $w AND variable = $v AND group_code = $g AND measure = 'pct_cat' AND value_source = 'illustrative'`,
      { s: OR_SURVEY, w: wave, v: variable, g: group },
    );
    return new Map(rows.map((r) => [r.category, r.value]));
  }

  /** Rows of an aggregate query over the wave's tables (sample, responses); values bound. */
  query<T>(sql: string, params: Record<string, string | number> = {}): Promise<T[]> {
    return all<T>(this.db, sql, { wave: this.wave, ...params });
  }
}
