/** Tabell 1 as printed: B, Std. Error, Beta, t and Sig. per term, then R², adjusted R², F and n. */
import { fmtInt, fmtNumber, fmtP } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { escapeHtml } from '../../pipeline/report/escape.ts';

export function regressionTable(rows: ResultRow[], labels: Map<string, string>): string {
  const terms = [...new Set(rows.filter((r) => r.measure === 'b').map((r) => r.category))];
  const get = (term: string, measure: string) => rows.find((r) => r.category === term && r.measure === measure);
  const model = (measure: string) => rows.find((r) => r.measure === measure);
  const f = rows.find((r) => r.measure === 'test' && r.test === 'ols_f');
  const body = terms.map((term) => {
    const b = get(term, 'b');
    return [labels.get(term) ?? (term === '(Intercept)' ? 'Konstant' : term), fmtNumber(b?.value, 3), fmtNumber(get(term, 'se')?.value, 3), fmtNumber(get(term, 'beta')?.value, 3), fmtNumber(b?.statistic, 2), fmtP(b?.p)];
  });
  const tr = (cells: string[], th = false) => `<tr>${cells.map((c, i) => (i === 0 || th ? `<th scope="${th ? 'col' : 'row'}">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`;
  const header = ['', 'B (ustandardisert)', 'Std. feil', 'Beta (standardisert)', 't', 'Sig.'];
  const p = fmtP(f?.p);
  const footer = [
    ['R²', fmtNumber(model('r2')?.value, 3)],
    ['Justert R²', fmtNumber(model('adj_r2')?.value, 3)],
    [`F(${fmtInt(f?.df1)}, ${fmtInt(f?.df2)})`, `${fmtNumber(f?.statistic, 2)}, p ${p.startsWith('<') ? p : `= ${p}`}`],
    ['n (fullstendige svar)', fmtInt(f?.n)],
  ];
  return `<table class="data regression"><caption>Avhengig variabel: ${escapeHtml(labels.get(rows[0]?.variable ?? '') ?? rows[0]?.variable ?? '')}</caption><thead>${tr(header, true)}</thead><tbody>${body.map((c) => tr(c)).join('')}${footer.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td colspan="5">${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`;
}
