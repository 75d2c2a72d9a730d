/**
 * Effect sizes with 95 % intervals where one is defined.
 * - cohenD: pooled-SD d (R: (mean(x) − mean(y)) / sqrt(((nx−1)var(x) + (ny−1)var(y)) / (nx+ny−2)))
 *   with the Hedges–Olkin normal-approximation interval d ± z·sqrt((n1+n2)/(n1 n2) + d²/(2(n1+n2))).
 *   The exact noncentral-t interval is not used: the one maintained JS noncentral t found (jstat
 *   1.9.6) is ~1e-6 relative off R's pt(ncp = ) near its 2.5 % tails.
 * - etaSquared: SS_between / SS_total of the classic one-way ANOVA (R: from anova(lm(y ~ g))).
 * - cramersV: sqrt(X² / (N (min(r, c) − 1))) with X² as chisq.test(correct = FALSE), after the
 *   same dropping of empty rows and columns as chisq.ts; named phi (unsigned) for a 2×2 table.
 * - newcombe: Newcombe's hybrid score interval for p1 − p2 (his method 10, no continuity
 *   correction), built from the two Wilson intervals.
 */
import { anovaParts } from './anova.ts';
import { chisq } from './chisq.ts';
import { qnorm } from './distributions.ts';
import { summarize, type Freq } from './freq.ts';
import { wilson } from './intervals.ts';
import type { EffectSize } from './test-result.ts';

export function cohenD(a: Freq, b: Freq): EffectSize {
  const x = summarize(a);
  const y = summarize(b);
  const pooled = Math.sqrt(((x.n - 1) * x.variance + (y.n - 1) * y.variance) / (x.n + y.n - 2));
  const d = (x.mean - y.mean) / pooled;
  const se = Math.sqrt((x.n + y.n) / (x.n * y.n) + (d * d) / (2 * (x.n + y.n)));
  const half = qnorm(0.975) * se;
  return { name: 'cohen_d', value: d, ci_low: d - half, ci_high: d + half };
}

export function etaSquared(groups: Freq[]): EffectSize {
  const a = anovaParts(groups);
  return { name: 'eta_squared', value: a.ssBetween / (a.ssBetween + a.ssWithin) };
}

export function cramersV(table: number[][]): EffectSize {
  const x2 = chisq(table, table.map((_, i) => String(i)));
  const rows = table.filter((r) => r.some((c) => c > 0));
  const cols = (rows[0] ?? []).filter((_, j) => rows.some((r) => (r[j] as number) > 0)).length;
  const n = rows.reduce((s, r) => s + r.reduce((t, c) => t + c, 0), 0);
  const m = Math.min(rows.length, cols);
  const value = m > 1 ? Math.sqrt(x2.statistic / (n * (m - 1))) : Number.NaN;
  return { name: rows.length === 2 && cols === 2 ? 'phi' : 'cramers_v', value };
}

export function newcombe(x1: number, n1: number, x2: number, n2: number): EffectSize {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const w1 = wilson(x1, n1);
  const w2 = wilson(x2, n2);
  const d = p1 - p2;
  return {
    name: 'risk_difference',
    value: d,
    ci_low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    ci_high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}
