/** Tests in words a reader can check: name, comparison, statistic, df, p and Holm-adjusted p. */
import { fmtNumber, fmtP } from '../core/format.ts';
import type { ResultRow } from '../analyze/results.ts';
import { escapeHtml } from './escape.ts';

export const TEST_NAMES: Record<string, string> = {
  student_t: 'Students t-test (lik varians)',
  welch_t: 'Welchs t-test (ulik varians)',
  levene: 'Levenes test for lik varians',
  anova_f: 'Enveis variansanalyse (F)',
  chisq: 'Pearsons kjikvadrattest',
  z_2prop: 'z-test for to andeler',
  ols_f: 'F-test for regresjonsmodellen',
};

const SYMBOL: Record<string, string> = { student_t: 't', welch_t: 't', levene: 'F', anova_f: 'F', chisq: 'χ²', z_2prop: 'z', ols_f: 'F' };

function pText(p: number | null): string {
  const s = fmtP(p);
  return s.startsWith('<') ? `p ${s}` : `p = ${s}`;
}

export function testLine(r: ResultRow, groupLabels: Map<string, string>): string {
  const comparison = r.comparison.replace(/[a-z_]+/g, (w) => groupLabels.get(w) ?? w);
  const df = r.df2 !== null && r.df1 !== null ? `df = ${fmtNumber(r.df1, 0)}, ${fmtNumber(r.df2, r.test === 'welch_t' ? 1 : 0)}` : r.df1 !== null ? `df = ${fmtNumber(r.df1, Number.isInteger(r.df1) ? 0 : 1)}` : '';
  const parts = [`${SYMBOL[r.test] ?? r.test} = ${fmtNumber(r.statistic, 2)}`, df, pText(r.p), r.p_adj !== null ? `Holm-justert ${pText(r.p_adj)}` : ''].filter(Boolean);
  const labels = r.labels ? ` <em class="label">(${escapeHtml(r.labels)})</em>` : '';
  // Say which p the verdict rests on: a raw p under .05 whose adjusted p is not is no finding.
  const raw = r.p !== null && r.p < 0.05;
  const adjusted = r.p_adj === null ? raw : r.p_adj < 0.05;
  const sig = raw && adjusted ? ' <strong class="sig">Signifikant på 5 %-nivå.</strong>' : raw ? ' <span class="sig-raw">Signifikant før, men ikke etter Holm-justering.</span>' : '';
  return `<li>${escapeHtml(TEST_NAMES[r.test] ?? r.test)}, ${escapeHtml(comparison)}: ${escapeHtml(parts.join(', '))}.${sig}${labels}</li>`;
}
