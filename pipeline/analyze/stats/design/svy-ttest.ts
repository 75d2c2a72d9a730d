/**
 * Design-based two-group t-test of domain means, as R's
 *   svyttest(y ~ factor(g), subset(des, g %in% c(a, b) & !is.na(y)))
 * which fits svyglm(y ~ factor(g)) and tests the group coefficient, the difference of the two
 * domain means. Its sandwich influence per cluster is u_c = e_a,c/N_a − e_b,c/N_b (e the residuals
 * from the own group's mean), so the covariance of the two means within a cluster is counted.
 *
 * df = the svyglm's df.residual = degf(subset design) + 1 − 2 = K_ab − 2, K_ab the clusters with
 * a member of a or b; the p-value and the interval (confint.svyglm, Wald with t quantile) use it.
 *
 * Sign: R's estimate is the coefficient of the second level, mean(b) − mean(a). Here, as in every
 * TestResult, the estimate is first − second, mean(a) − mean(b): t and the interval flip sign.
 */
import { pTwoSidedT, qt } from '../distributions.ts';
import type { TestResult } from '../test-result.ts';
import { clusterVariance } from './cluster-variance.ts';
import { domainDf } from './degf.ts';
import { clusterCount, type DomainSums } from './domain-sums.ts';
import { lineariseMean } from './linearise.ts';

export function svyTTest(a: DomainSums, b: DomainSums, groups: [string, string]): TestResult {
  clusterCount(a, b);
  const x = lineariseMean(a);
  const y = lineariseMean(b);
  const influence = x.influence.map((u, c) => u - (y.influence[c] as number));
  const se = Math.sqrt(clusterVariance(influence));
  const df = domainDf(a.n, b.n) - 1;
  const estimate = x.mean - y.mean;
  const t = estimate / se;
  const half = df > 0 ? qt(0.975, df) * se : Number.NaN;
  return {
    name: 'svy_t',
    statistic: t,
    df,
    p: pTwoSidedT(t, df),
    groups,
    estimate,
    ci_low: estimate - half,
    ci_high: estimate + half,
    design: 'cluster',
  };
}
