/** log(n!) tables for the exact tests, from @stdlib's gammaln. */
import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * The tolerance of R's FEXACT: a table counts as at least as extreme as the observed one when its
 * Σ log x! is at least the observed one's minus this (its log probability at most log p_obs + tol).
 */
export const FEXACT_TOL = 3.45254e-7;

/** log(n!) for n = 0..max. */
export function logFactorials(max: number): Float64Array {
  const lf = new Float64Array(max + 1);
  for (let i = 2; i <= max; i++) lf[i] = gammaln(i + 1);
  return lf;
}
