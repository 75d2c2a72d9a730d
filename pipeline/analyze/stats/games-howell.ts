/**
 * Games–Howell pairwise comparisons after a Welch ANOVA. Base R has no such function; this is the
 * textbook formula (Games & Howell 1976) with R's ptukey/qtukey: for each pair i < j,
 * t = (m_i − m_j) / se with se² = s_i²/n_i + s_j²/n_j, Welch–Satterthwaite df,
 * p = ptukey(|t|·√2, k, df, lower.tail = FALSE) with k = number of groups, and the 95 % interval
 * (m_i − m_j) ± qtukey(0.95, k, df)/√2 · se. The studentized range comes from jstat (see
 * studentized-range.ts: p agrees with R to 1e-8 relative above p ≈ 1e-5 and to ~1e-13 absolute below).
 */
import { cohenD } from './effect-sizes.ts';
import { summarize, type Freq } from './freq.ts';
import { pUpperTukey, qtukey } from './studentized-range.ts';
import { welchDifference } from './t-welch.ts';
import type { TestResult } from './test-result.ts';

export function gamesHowell(groups: Freq[], names: string[]): TestResult[] {
  const s = groups.map(summarize);
  const k = groups.length;
  const out: TestResult[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const { estimate, se, df, t } = welchDifference(s[i]!, s[j]!);
      const half = (qtukey(0.95, k, df) / Math.SQRT2) * se;
      out.push({
        name: 'games_howell',
        statistic: t,
        df,
        p: pUpperTukey(Math.abs(t) * Math.SQRT2, k, df),
        groups: [names[i] as string, names[j] as string],
        estimate,
        ci_low: estimate - half,
        ci_high: estimate + half,
        effect: cohenD(groups[i]!, groups[j]!),
      });
    }
  }
  return out;
}
