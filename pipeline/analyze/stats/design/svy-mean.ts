/**
 * Design-based mean of a domain, as R's
 *   svymean(~y, subset(des, <domain>), deff = "replace")
 *   confint(<that>, df = degf(subset(des, <domain>)))
 * for `des <- svydesign(ids = ~kontor_id, data = wave)`.
 *
 * - SE: linearised ratio (linearise.ts), variance over all K clusters (cluster-variance.ts).
 * - Interval: `survey:::tconfint`, estimate ± qt(0.975, df) · SE, with df = degf of the domain's
 *   design, K_d − 1 (degf.ts) — the df svyciprop uses for a share of the same domain, so means and
 *   shares of one group get the same t quantile (confint's own default is df = Inf).
 * - deff: V / (s²/N_d), s² with the N_d − 1 denominator (svyvar). That is `deff = "replace"`. With no
 *   weights R takes the sum of the weights (N_d) as the population size, so `deff = TRUE`
 *   (without-replacement SRS variance · (N − n)/N) divides by zero and reports Inf.
 */
import { qt } from '../distributions.ts';
import { clusterVariance } from './cluster-variance.ts';
import { domainDf } from './degf.ts';
import { total, type DomainSums } from './domain-sums.ts';
import { lineariseMean } from './linearise.ts';

/** A design-based estimate with its 95 % interval and design effect. */
export interface SvyEstimate {
  estimate: number;
  se: number;
  /** Degrees of freedom of the t quantile used for the interval. */
  df: number;
  ci_low: number;
  ci_high: number;
  /** Design effect: the design variance over the with-replacement SRS variance s²/n. */
  deff: number;
  /** Respondents in the domain. */
  n: number;
}

/** Design variance over s²/N_d, the with-replacement SRS variance of a mean of N_d respondents. */
export function designEffect(d: DomainSums, mean: number, n: number, variance: number): number {
  const sumSquares = total(d.sumSq) - mean * total(d.sum);
  return variance / (sumSquares / (n - 1) / n);
}

export function svyMean(d: DomainSums): SvyEstimate {
  const df = domainDf(d.n);
  const { n, mean, influence } = lineariseMean(d);
  const variance = clusterVariance(influence);
  const se = Math.sqrt(variance);
  const half = qt(0.975, df) * se;
  return { estimate: mean, se, df, ci_low: mean - half, ci_high: mean + half, deff: designEffect(d, mean, n, variance), n };
}
