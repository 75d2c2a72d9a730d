/**
 * Degrees of freedom of a one-stage cluster design without strata, as R's survey package counts
 * them (survey 4.1-1).
 *
 * - `degf(des)` = number of PSUs − number of strata = K − 1 for the whole wave.
 * - `degf(subset(des, ...))` counts only the PSUs that still hold a row of the subset
 *   (`survey:::degf.survey.design2` looks at the clusters of the rows kept), so a domain gets
 *   K_d − 1, with K_d the clusters holding at least one domain member. The variance, by contrast,
 *   still uses all K clusters (see domain-sums.ts).
 * - svyglm's `df.residual` = degf(design) + 1 − (number of coefficients) = K_d − p; svyttest and
 *   regTermTest (default ddf) use it.
 * - svyciprop's default `df = degf(design)` on the subset design: K_d − 1.
 * - svychisq's `nu` = K_d − 1 (clusters of the subset design), its denominator df = d₀ · nu.
 */
import { occupiedClusters } from './domain-sums.ts';

/** degf() of `subset(des, domain)`: clusters holding a domain member, minus one. */
export function domainDf(...counts: Float64Array[]): number {
  return occupiedClusters(...counts) - 1;
}
