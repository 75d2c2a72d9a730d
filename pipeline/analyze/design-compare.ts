/**
 * Design-based group comparisons for a clustered survey (the office survey): per group the mean
 * and the top-2 share with their design standard errors, intervals and design effects, and the
 * design-based tests — svy_t for two groups, the Wald F for more, the Rao–Scott chi-square on the
 * distribution — as R's survey package gives them for `svydesign(ids = ~kontor_id, data = wave)`
 * with the groups and the answering respondents as domains of the whole wave's design.
 */
import type { Db } from '../core/db.ts';
import { all } from '../core/db.ts';
import { countRows } from './counts.ts';
import { responsesTable, type Domain, type VariableInfo } from './metadata.ts';
import { sqlTemplate } from './sql-template.ts';
import type { DomainSums } from './stats/design/domain-sums.ts';
import type { ClusterTable } from './stats/design/svy-chisq.ts';
import { svyChisq } from './stats/design/svy-chisq.ts';
import { svyMean, type SvyEstimate } from './stats/design/svy-mean.ts';
import { svyProportion } from './stats/design/svy-proportion.ts';
import { svyTTest } from './stats/design/svy-ttest.ts';
import { svyWaldF } from './stats/design/svy-wald-f.ts';
import type { TestName, TestResult } from './stats/test-result.ts';

export interface DesignGroup {
  mean: SvyEstimate | null;
  /** The share of the share codes (top-2, or ticked), 0–1. */
  top2: SvyEstimate | null;
}

export interface DesignComparison {
  /** Primary sampling units of the wave's design. */
  clusters: number;
  groups: Map<number, DesignGroup>;
  /** Tests of the means (svy_t, svy_wald_f), of the top-2 share (svy_t on the 0/1 indicator, svy_chisq on the 2×2) and of the distribution (svy_chisq). */
  tests: { mean: TestResult[]; share: TestResult[]; table: TestResult[] };
}

const clusterCache = new WeakMap<Db, Map<string, Promise<string[]>>>();

/** The primary sampling units of a wave's design (design_clusters.sql), read once per connection. */
export function designClusters(db: Db, table: string, cluster: string, wave: string): Promise<string[]> {
  const cache = clusterCache.get(db) ?? new Map<string, Promise<string[]>>();
  clusterCache.set(db, cache);
  const key = `${table}|${cluster}|${wave}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = all<{ cluster_id: string }>(db, sqlTemplate('design_clusters', { responses: table, cluster }), { wave }).then((rows) => rows.map((r) => r.cluster_id));
    cache.set(key, hit);
  }
  return hit;
}

/** Per cluster × group × code counts of one item, as arrays over every cluster of the design. */
export async function clusterCounts(db: Db, info: VariableInfo, by: string, where: Domain | undefined, cluster: string): Promise<{ clusters: string[]; counts: Map<number, Map<number, Float64Array>> }> {
  const table = responsesTable(info.survey);
  const clusters = await designClusters(db, table, cluster, info.wave);
  const index = new Map(clusters.map((c, i) => [c, i]));
  const rows = await countRows(db, { info, by, where, cluster });
  const counts = new Map<number, Map<number, Float64Array>>();
  for (const r of rows) {
    const byCode = counts.get(r.group_code) ?? new Map<number, Float64Array>();
    counts.set(r.group_code, byCode);
    const arr = byCode.get(r.code) ?? new Float64Array(clusters.length);
    byCode.set(r.code, arr);
    arr[index.get(r.cluster_id!)!] = r.n;
  }
  return { clusters, counts };
}

/** Per-cluster sums of f(code) over the codes kept (f = code for a mean, an indicator for a share). */
function domainSums(byCode: Map<number, Float64Array> | undefined, k: number, keep: (code: number) => boolean, f: (code: number) => number): DomainSums {
  const d = { n: new Float64Array(k), sum: new Float64Array(k), sumSq: new Float64Array(k) };
  for (const [code, counts] of byCode ?? []) {
    if (!keep(code)) continue;
    const v = f(code);
    counts.forEach((c, i) => {
      d.n[i]! += c;
      d.sum[i]! += c * v;
      d.sumSq[i]! += c * v * v;
    });
  }
  return d;
}

const withDesign = <T extends TestResult>(t: T): T => ({ ...t, design: 'cluster' });

/** `shareCodes`: the codes whose share is estimated and tested (default the top-2 codes; `[1]` for a ticked option). */
export async function designCompare(
  db: Db,
  info: VariableInfo,
  by: string,
  codes: number[],
  names: string[],
  where: Domain | undefined,
  cluster: string,
  shareCodes: readonly number[] = info.top2,
  kinds: ReadonlyArray<'mean' | 'share' | 'table'> = ['mean', 'share', 'table'],
): Promise<DesignComparison> {
  const { clusters, counts } = await clusterCounts(db, info, by, where, cluster);
  const k = clusters.length;
  const substantive = (c: number) => c !== info.dontKnow;
  const means = codes.map((g) => domainSums(counts.get(g), k, substantive, (c) => c));
  const top2 = codes.map((g) => domainSums(counts.get(g), k, substantive, (c) => (shareCodes.includes(c) ? 1 : 0)));
  const groups = new Map<number, DesignGroup>();
  codes.forEach((g, i) => {
    const n = means[i]!.n.reduce((a, b) => a + b, 0);
    groups.set(g, {
      mean: info.ordinal && n > 1 ? svyMean(means[i]!) : null,
      top2: shareCodes.length && n > 1 ? svyProportion(top2[i]!) : null,
    });
  });
  const answered = codes.map((_, i) => means[i]!.n.some((x) => x > 0));
  const tested = codes.map((_, i) => i).filter((i) => answered[i]);
  const testedNames = tested.map((i) => names[i]!);
  const safe = (name: TestName, f: () => TestResult): TestResult[] => {
    try {
      return [withDesign(f())];
    } catch (e) {
      // A singular design covariance (e.g. a group whose answers are all alike) has no test.
      return [withDesign({ name, statistic: Number.NaN, p: Number.NaN, groups: testedNames, note: `ikke beregnet: ${(e as Error).message}` })];
    }
  };
  const table = (rowsOf: (gi: number, c: number) => number[], cols: number): ClusterTable => ({
    rows: tested.length,
    cols,
    cells: Array.from({ length: k }, (_, c) => Float64Array.from(tested.flatMap((gi) => rowsOf(gi, c)))),
  });
  const tests: DesignComparison['tests'] = { mean: [], share: [], table: [] };
  if (tested.length < 2) return { clusters: k, groups, tests };
  if (info.ordinal && kinds.includes('mean')) {
    tests.mean.push(...safe(tested.length === 2 ? 'svy_t' : 'svy_wald_f', () => (tested.length === 2 ? svyTTest(means[tested[0]!]!, means[tested[1]!]!, [testedNames[0]!, testedNames[1]!]) : svyWaldF(tested.map((i) => means[i]!), testedNames))));
  }
  if (shareCodes.length && tested.length === 2 && kinds.includes('share')) {
    const [a, b] = tested as [number, number];
    tests.share.push(...safe('svy_t', () => ({ ...svyTTest(top2[a]!, top2[b]!, [names[a]!, names[b]!]), note: 'designjustert test av andelen (t-test på 0/1-indikatoren)' })));
  }
  if (shareCodes.length && kinds.includes('share')) {
    tests.share.push(...safe('svy_chisq', () => svyChisq(table((gi, c) => [top2[gi]!.sum[c]!, means[gi]!.n[c]! - top2[gi]!.sum[c]!], 2), testedNames)));
  }
  const allCodes = info.codes.map((x) => x.code);
  if (kinds.includes('table')) tests.table.push(...safe('svy_chisq', () => svyChisq(table((gi, c) => allCodes.map((code) => counts.get(codes[gi]!)?.get(code)?.[c] ?? 0), allCodes.length), testedNames)));
  return { clusters: k, groups, tests };
}
