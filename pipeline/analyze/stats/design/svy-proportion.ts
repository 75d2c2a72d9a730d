/**
 * Design-based proportion of a domain with a logit interval, as R's
 *   svyciprop(~I(z == 1), subset(des, <domain>), method = "logit")
 * (its default df = degf(design) of the subset design = K_d − 1, see degf.ts), and its design
 * effect as svymean(~as.numeric(z == 1), <same>, deff = "replace") reports it.
 *
 * svyciprop fits svyglm(z ~ 1, family = quasibinomial) and takes expit of the Wald interval of the
 * intercept. The intercept is logit(p̂) and its sandwich SE is SE(p̂) / (p̂(1 − p̂)), so the
 * interval is expit(logit(p̂) ± qt(0.975, df) · SE(p̂) / (p̂(1 − p̂))), and the SE reported is that
 * of svymean. (R reaches p̂ by IRLS, so its estimate differs from the exact p̂ by ~1e-10.)
 */
import { qt } from '../distributions.ts';
import { clusterVariance } from './cluster-variance.ts';
import { domainDf } from './degf.ts';
import { clusterCount, type DomainSums } from './domain-sums.ts';
import { lineariseMean } from './linearise.ts';
import { designEffect, type SvyEstimate } from './svy-mean.ts';

const logit = (p: number): number => Math.log(p / (1 - p));
const expit = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * `d` holds the per-cluster sums of a 0/1 indicator over the domain (sum = sumSq = count of 1s).
 * At p̂ = 0 or 1 the logit interval does not exist (R's glm diverges there); the interval is NaN.
 */
export function svyProportion(d: DomainSums): SvyEstimate {
  clusterCount(d);
  const df = domainDf(d.n);
  const { n, mean: p, influence } = lineariseMean(d);
  const variance = clusterVariance(influence);
  const se = Math.sqrt(variance);
  const inside = p > 0 && p < 1;
  const half = inside ? (qt(0.975, df) * se) / (p * (1 - p)) : Number.NaN;
  return {
    estimate: p,
    se,
    df,
    ci_low: expit(logit(p) - half),
    ci_high: expit(logit(p) + half),
    deff: designEffect(d, p, n, variance),
    n,
  };
}
