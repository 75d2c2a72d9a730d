/**
 * `compare`: one item of one wave by the groups of another variable, optionally within a domain
 * (`where`, e.g. unit leaders only) — per group n, mean, sd, top-2 share and full distribution,
 * and the tests of tests-for.ts. For a clustered survey (the office survey) the design-based
 * estimates (standard error, interval, design effect) and tests are added beside the naive ones;
 * every test says which design it assumes (`srs` or `cluster`).
 */
import { groupForCode } from '../../schemas/groups.ts';
import type { Db } from '../core/db.ts';
import { PipelineError } from '../core/errors.ts';
import { designOf, type Design } from '../../schemas/designs.ts';
import { designCompare, type DesignComparison, type DesignGroup } from './design-compare.ts';
import { countRows } from './counts.ts';
import { variableInfo, type Domain, type VariableInfo } from './metadata.ts';
import { countIn, freqFromPairs, summarize, total, type Freq } from './stats/freq.ts';
import type { TestResult } from './stats/test-result.ts';
import { meanTests, tableTests } from './tests-for.ts';

export interface GroupSummary {
  group: string;
  group_code: number;
  label: string;
  /** Substantive answers ("Vet ikke" and empty excluded). */
  n: number;
  n_dont_know: number;
  mean: number | null;
  sd: number | null;
  /** Percent (0–100) in the two highest substantive codes, among substantive answers. */
  pct_top2: number | null;
  n_top2: number | null;
  /** Every answer code with its count and percent of all answers ("Vet ikke" included). */
  distribution: Array<{ code: number; label: string; n: number; pct: number }>;
  /** Design-based mean and top-2 share (cluster designs only). */
  design?: DesignGroup;
}

export interface Comparison {
  survey: string;
  wave: string;
  question: string;
  question_label: string;
  by: string;
  groups: GroupSummary[];
  /** Answer counts per group, parallel to `groups` ("Vet ikke" included). */
  counts: Freq[];
  tests: TestResult[];
  /** `cluster` when design-based estimates and tests were added (with the number of clusters). */
  design: Design;
  clusters?: number;
  /** The design-based tests by measure (the share tests are not in `tests`, which holds the item's mean and distribution tests). */
  design_tests?: DesignComparison['tests'];
  /** The SQL model the counts came from. */
  source_model: string;
}

export interface CompareOptions {
  survey: string;
  wave: string;
  question: string;
  by: string;
  /** Restrict to these codes of `by` (e.g. ordfører and rådmann without "annet"). */
  groups?: number[];
  /** Only respondents in this domain (e.g. `{ stilling: [1] }`). */
  where?: Domain;
  /** `cluster` adds the design-based estimates and tests (default: the survey's own design). */
  design?: Design;
  /** The tests to compute (a figure of means needs no test of the distribution). */
  tests?: TestKinds;
  /** Also the design-based tests of the top-2 share (`design_tests.share`); on by default unless `tests` picks the tests. */
  shareTests?: boolean;
}

/** Answer counts per group, "Vet ikke" included (answer_counts.sql, read once per item, grouping and domain). */
export async function answerCounts(db: Db, info: VariableInfo, by: string, where?: Domain): Promise<Map<number, Freq>> {
  const rows = await countRows(db, { info, by, where });
  const pairs = new Map<number, Array<[number, number]>>();
  for (const r of rows) pairs.set(r.group_code, [...(pairs.get(r.group_code) ?? []), [r.code, r.n]]);
  return new Map([...pairs].map(([g, p]) => [g, freqFromPairs(p)]));
}

export function substantive(f: Freq, info: VariableInfo): Freq {
  const keep = f.values.map((v) => v !== info.dontKnow);
  return { values: f.values.filter((_, i) => keep[i]), counts: f.counts.filter((_, i) => keep[i]) };
}

export function summariseGroup(f: Freq, info: VariableInfo, groupCode: number, group: string, label: string): GroupSummary {
  const sub = substantive(f, info);
  const s = summarize(sub);
  const all = total(f);
  const nTop2 = info.top2.length ? countIn(sub, info.top2) : null;
  return {
    group,
    group_code: groupCode,
    label,
    n: s.n,
    n_dont_know: info.dontKnow === null ? 0 : countIn(f, [info.dontKnow]),
    mean: info.ordinal && s.n > 0 ? s.mean : null,
    sd: info.ordinal && s.n > 1 ? s.sd : null,
    pct_top2: nTop2 !== null && s.n > 0 ? (100 * nTop2) / s.n : null,
    n_top2: nTop2,
    distribution: info.codes.map((c) => {
      const n = countIn(f, [c.code]);
      return { code: c.code, label: c.label, n, pct: all > 0 ? (100 * n) / all : 0 };
    }),
  };
}

/** Which tests a comparison computes: of the mean, of the whole distribution, or both (the default). */
export type TestKinds = ReadonlyArray<'mean' | 'table'>;

export function groupTests(freqs: Freq[], names: string[], info: VariableInfo, kinds: TestKinds = ['mean', 'table']): TestResult[] {
  const subs = freqs.map((f) => substantive(f, info));
  const codes = info.codes.map((c) => c.code);
  return [
    ...(info.ordinal && kinds.includes('mean') ? meanTests(subs, names) : []),
    ...(kinds.includes('table') ? tableTests(freqs.map((f) => codes.map((c) => countIn(f, [c]))), names) : []),
  ];
}

const srs = (t: TestResult): TestResult => ({ ...t, design: 'srs' });

export async function compareGroups(db: Db, options: CompareOptions): Promise<Comparison> {
  const info = await variableInfo(db, options.survey, options.wave, options.question);
  const byInfo = await variableInfo(db, options.survey, options.wave, options.by);
  if (info.codes.length === 0) throw new PipelineError(`compare: ${options.question} is not a coded item (kind ${info.kind})`);
  const surveyDesign = designOf(options.survey);
  const design = options.design ?? surveyDesign.default;
  if (design === 'cluster' && !surveyDesign.cluster) throw new PipelineError(`compare: ${options.survey} has no cluster design (its respondents are independent); use --design srs`);
  const counts = await answerCounts(db, info, options.by, options.where);
  const codes = (options.groups ?? byInfo.codes.map((c) => c.code)).filter((c) => (counts.get(c) && total(counts.get(c)!) > 0));
  const name = (code: number) => groupForCode(options.survey, options.by, code)?.code ?? String(code);
  // Named groups keep the report's names (figures.md §1.2); others take the codebook label.
  const label = (code: number) => groupForCode(options.survey, options.by, code)?.label ?? byInfo.codes.find((c) => c.code === code)?.label ?? String(code);
  const groups = codes.map((code) => summariseGroup(counts.get(code)!, info, code, name(code), label(code)));
  // Groups without substantive answers carry no information for a test.
  const tested = codes.filter((_, i) => (groups[i]?.n ?? 0) > 0);
  const kinds = options.tests ?? ['mean', 'table'];
  const tests = groupTests(tested.map((c) => counts.get(c)!), tested.map(name), info, kinds).map(srs);
  const base = { survey: options.survey, wave: options.wave, question: options.question, question_label: info.label, by: options.by, counts: codes.map((c) => counts.get(c)!), source_model: 'answer_counts' };
  if (design !== 'cluster') return { ...base, groups, tests, design };
  const d = await designCompare(db, info, options.by, tested, tested.map(name), options.where, surveyDesign.cluster!, info.top2, [...kinds, ...((options.shareTests ?? options.tests === undefined) ? (['share'] as const) : [])]);
  const withDesign = groups.map((g) => (d.groups.has(g.group_code) ? { ...g, design: d.groups.get(g.group_code)! } : g));
  const designTests = [...(kinds.includes('mean') ? d.tests.mean : []), ...(kinds.includes('table') ? d.tests.table : [])];
  return { ...base, groups: withDesign, tests: [...tests, ...designTests], design, clusters: d.clusters, design_tests: d.tests, source_model: 'answer_counts + cluster_counts' };
}
