/**
 * Design-based Wald F test that k ≥ 3 domain means are equal, as R's
 *   regTermTest(svyglm(y ~ factor(g), subdes), ~factor(g))
 * with its defaults: method = "Wald", ddf = the model's df.residual.
 *
 * The svyglm coefficients of factor(g) are the differences m_j − m_1 of domain means, and their
 * sandwich covariance is the cluster covariance of the differences of the linearised means
 * (svy-ttest.ts gives the two-group case). regTermTest computes F = βᵀV⁻¹β / (k − 1) and
 * p = pf(F, k − 1, ddf), ddf = degf(subdes) + 1 − k = K_d − k, K_d the clusters holding any of
 * the groups. F does not depend on which level is the reference.
 *
 * Groups without members are dropped first, as factor(g) on the subset has no such level.
 */
import { pUpperF } from '../distributions.ts';
import type { TestResult } from '../test-result.ts';
import { clusterCovariance } from './cluster-variance.ts';
import { domainDf } from './degf.ts';
import { clusterCount, total, type DomainSums } from './domain-sums.ts';
import { lineariseMean } from './linearise.ts';
import { inverseQuadraticForm } from './matrix.ts';

export function svyWaldF(groups: DomainSums[], names: string[]): TestResult {
  if (groups.length !== names.length) throw new Error(`svyWaldF: ${groups.length} groups but ${names.length} names`);
  clusterCount(...groups);
  const kept = groups.map((d, i) => [d, names[i] as string] as const).filter(([d]) => total(d.n) > 0);
  const k = kept.length;
  const df1 = k - 1;
  const df2 = domainDf(...kept.map(([d]) => d.n)) + 1 - k;
  const result = { name: 'svy_wald_f', df1, df2, groups: kept.map(([, name]) => name), design: 'cluster' } as const;
  if (k < 2) return { ...result, statistic: Number.NaN, p: Number.NaN, note: 'færre enn to grupper med svar' };
  const means = kept.map(([d]) => lineariseMean(d));
  const first = means[0]!;
  const rest = means.slice(1);
  const differences = rest.map((m) => m.mean - first.mean);
  const covariance = clusterCovariance(rest.map((m) => m.influence.map((u, c) => u - (first.influence[c] as number))));
  const f = inverseQuadraticForm(covariance, differences) / df1;
  return { ...result, statistic: f, p: pUpperF(f, df1, df2) };
}
