/**
 * The studentized range distribution (R: ptukey, qtukey) from jstat 1.9.6, whose tukey.cdf and
 * tukey.inv are line-by-line ports of R's ptukey.c and qtukey.c. One difference matters: jstat's
 * leading constant uses its own jStat.gammaln (a 6-term Lanczos sum, ~1e-10 relative), R uses
 * lgammafn. Every term of the integral carries exp(−lgamma(df/2)), so that error moves the whole
 * cdf by up to 1.8e-10 relative. The calls below therefore run with @stdlib's gammaln in its place
 * (restored at once, even on a throw); then the cdf agrees with R to ~6e-14 absolute, the last
 * ulp of lgamma. As in R, the upper tail is 1 − cdf, so it carries that absolute error: agreement
 * to a relative 1e-8 holds for p above ~1e-5, and below that R's own value is rounding noise too.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import jStat from 'jstat';

function withStdlibGammaln<T>(f: () => T): T {
  const own = jStat.gammaln;
  jStat.gammaln = gammaln;
  try {
    return f();
  } catch {
    return Number.NaN as T; // jstat throws where R warns "full precision may not have been achieved"
  } finally {
    jStat.gammaln = own;
  }
}

/** P(Q > q) for the range of k means with df degrees of freedom: ptukey(q, k, df, lower.tail = FALSE). */
export function pUpperTukey(q: number, k: number, df: number): number {
  if (Number.isNaN(q) || !(df >= 2) || !(k >= 2)) return Number.NaN;
  return 1 - withStdlibGammaln(() => jStat.tukey.cdf(q, k, df));
}

/** The p quantile of the studentized range: qtukey(p, k, df). */
export function qtukey(p: number, k: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df >= 2) || !(k >= 2)) return Number.NaN;
  return withStdlibGammaln(() => jStat.tukey.inv(p, k, df));
}
