/**
 * `trend`: an item's top-2 share per wave and group — microdata waves from the warehouse, earlier
 * waves from the published baselines — with a two-proportion z-test between consecutive waves
 * within each group. Baselines that are not the same question, or whose n is unknown, are shown
 * but never tested (exports.md §4.1).
 */
import { GROUPS, groupForCode } from '../../schemas/groups.ts';
import type { Db } from '../core/db.ts';
import { answerCounts, summariseGroup } from './compare.ts';
import { publishedBaselines } from './published.ts';
import { designOf, type Design } from '../../schemas/designs.ts';
import { PipelineError } from '../core/errors.ts';
import { comparableBetween } from './comparability.ts';
import { pairedShareTest } from './paired-waves.ts';
import { designCompare } from './design-compare.ts';
import { variableInfo, wavesOf, type Domain } from './metadata.ts';
import { total } from './stats/freq.ts';
import type { TestResult } from './stats/test-result.ts';
import { countFromPercent, z2prop } from './stats/z-2prop.ts';

export interface TrendPoint {
  group: string;
  label: string;
  wave: string;
  n: number | null;
  n_kind: 'exact' | 'upper_bound' | 'unknown';
  pct_top2: number;
  /** `microdata`, or the baseline's `stated` / `approximate` / `illustrative`. */
  value_source: 'microdata' | 'stated' | 'approximate' | 'illustrative';
  comparability: 'same_question' | 'not_directly_comparable' | 'different_question';
  baseline_id: string | null;
  note: string | null;
  /** Design-based 95 % interval (percent) and design effect of a microdata share (cluster designs). */
  design?: { ci_low: number; ci_high: number; deff: number };
}

export interface TrendTest extends TestResult {
  group: string;
  /** Labels the report must show with the test (approximate or illustrative baseline, bound as n). */
  labels: string[];
}

export interface Trend {
  survey: string;
  question: string;
  by: string;
  groups: TrendPoint[];
  tests: TrendTest[];
  /** Pairs that were not tested, and why. */
  not_tested: Array<{ group: string; waves: [string, string]; reason: string }>;
  source_model: string;
}

export const VALUE_SOURCE_LABELS: Record<string, string> = {
  approximate: 'omtrentlig sammenligningsverdi',
  illustrative: 'Illustrativ verdi – tallet finnes ikke i kilden',
};

interface BaselineRecord {
  baseline_id: string;
  wave: string;
  group_code: string;
  value: number;
  n: number | null;
  n_kind: TrendPoint['n_kind'];
  value_source: TrendPoint['value_source'];
  comparability: TrendPoint['comparability'];
  comparability_note: string | null;
}

export async function trendByGroup(db: Db, options: { survey: string; question: string; by: string; where?: Domain; design?: Design }): Promise<Trend> {
  const surveyDesign = designOf(options.survey);
  const design = options.design ?? surveyDesign.default;
  if (design === 'cluster' && !surveyDesign.cluster) throw new PipelineError(`trend: ${options.survey} has no cluster design (its respondents are independent); use --design srs`);
  const points: TrendPoint[] = [];
  /** The code of `by` each microdata group stands for (the paired test selects on it). */
  const codeOfGroup = new Map<string, number>();
  for (const wave of await wavesOf(db, options.survey)) {
    const info = await variableInfo(db, options.survey, wave, options.question).catch(() => null);
    if (!info || info.top2.length === 0) continue;
    const counts = await answerCounts(db, info, options.by, options.where);
    const codes = [...counts.keys()].sort((a, b) => a - b);
    const d = design === 'cluster' ? await designCompare(db, info, options.by, codes, codes.map(String), options.where, surveyDesign.cluster!) : null;
    for (const [code, f] of [...counts].sort((a, b) => a[0] - b[0])) {
      const g = groupForCode(options.survey, options.by, code);
      const s = summariseGroup(f, info, code, g?.code ?? String(code), g?.label ?? String(code));
      if (s.n === 0 || total(f) === 0 || s.pct_top2 === null) continue;
      codeOfGroup.set(s.group, code);
      const e = d?.groups.get(code)?.top2;
      points.push({
        group: s.group, label: s.label, wave, n: s.n, n_kind: 'exact', pct_top2: s.pct_top2, value_source: 'microdata', comparability: 'same_question', baseline_id: null, note: null,
        ...(e ? { design: { ci_low: 100 * e.ci_low, ci_high: 100 * e.ci_high, deff: e.deff } } : {}),
      });
    }
  }
  const baselines = (await publishedBaselines(db))
    .filter((b) => b.survey === options.survey && b.variable === options.question && b.measure === 'pct_top2')
    .map((b) => b as unknown as BaselineRecord);
  // Published numbers describe whole groups; within a domain there is nothing to compare with.
  for (const b of options.where ? [] : baselines) {
    const g = GROUPS.find((x) => x.code === b.group_code && x.survey === options.survey);
    if (!g || (g.variable !== null && g.variable !== options.by)) continue;
    points.push({ group: g.code, label: g.label, wave: b.wave, n: b.n, n_kind: b.n_kind, pct_top2: b.value, value_source: b.value_source, comparability: b.comparability, baseline_id: b.baseline_id, note: b.comparability_note || null });
  }
  points.sort((a, b) => a.group.localeCompare(b.group) || a.wave.localeCompare(b.wave));
  const tests: TrendTest[] = [];
  const notTested: Trend['not_tested'] = [];
  for (const group of [...new Set(points.map((p) => p.group))]) {
    const series = points.filter((p) => p.group === group);
    for (let i = 1; i < series.length; i++) {
      const [a, b] = [series[i - 1]!, series[i]!];
      const waves: [string, string] = [a.wave, b.wave];
      // Two microdata waves: the codebooks' links decide (comparability.ts).
      const gate = a.value_source === 'microdata' && b.value_source === 'microdata' ? await comparableBetween(db, options.survey, options.question, a.wave, b.wave) : null;
      const reason =
        gate && !gate.comparable
          ? `ikke sammenlignbart: ${gate.reason} – vises bare med merknad`
          : a.comparability !== 'same_question' || b.comparability !== 'same_question'
            ? 'ikke samme spørsmål – vises bare med merknad'
            : a.n === null || b.n === null || a.n_kind === 'unknown' || b.n_kind === 'unknown'
              ? 'n ukjent'
              : null;
      if (reason) {
        notTested.push({ group, waves, reason });
        continue;
      }
      // Baselines give a percent; the count is reconstructed as round(pct × n / 100).
      const xa = countFromPercent(a.pct_top2, a.n!);
      const xb = countFromPercent(b.pct_top2, b.n!);
      const labels = [a, b].flatMap((p) => [
        ...(VALUE_SOURCE_LABELS[p.value_source] ? [VALUE_SOURCE_LABELS[p.value_source]!] : []),
        ...(p.n_kind === 'upper_bound' ? [`n for ${p.wave} er en øvre grense`] : []),
      ]);
      // The later wave first, so that a positive statistic means an increase.
      // A published value carries no design information, so the test treats both waves as simple random samples.
      const test = z2prop(xb, b.n!, xa, a.n!, [b.wave, a.wave]);
      // Two microdata waves are tested as independent samples; units that answered both are not paired here.
      const kind = gate ? 'mikrodata mot mikrodata, testet som to uavhengige utvalg' : 'mot publisert tall';
      tests.push({ ...test, note: [test.note, kind, gate?.reason].filter(Boolean).join('; '), design: 'srs', group, labels: [...new Set(labels)] });
      // The same change within the units that answered both waves (overlap-aware).
      const code = codeOfGroup.get(group);
      if (gate && code !== undefined) {
        const paired = await pairedShareTest(db, { survey: options.survey, question: options.question, by: options.by, groupCode: code, where: options.where, earlier: a.wave, later: b.wave });
        if (paired) tests.push({ ...paired, note: [paired.note, gate.reason].filter(Boolean).join('; '), group, labels: [] });
      }
    }
  }
  return { survey: options.survey, question: options.question, by: options.by, groups: points, tests, not_tested: notTested, source_model: 'answer_counts + stg_baselines__published' };
}
