/** Tabell 1 as printed: B, Std. Error, Beta, t and Sig. per term, then R², adjusted R², F and n. */
import { fmtInt, fmtNumber, fmtP } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { escapeHtml } from '../../pipeline/report/escape.ts';

export interface TermLabel {
  term: string;
  label: string;
}

export function regressionTable(rows: ResultRow[], labels: Map<string, string>): { html: string; csv: unknown[][] } {
  const terms = [...new Set(rows.filter((r) => r.measure === 'b').map((r) => r.category))];
  const get = (term: string, measure: string) => rows.find((r) => r.category === term && r.measure === measure);
  const model = (measure: string) => rows.find((r) => r.measure === measure);
  const f = rows.find((r) => r.measure === 'test' && r.test === 'ols_f');
  const body = terms.map((term) => {
    const b = get(term, 'b');
    const cells = [labels.get(term) ?? (term === '(Intercept)' ? 'Konstant' : term), fmtNumber(b?.value, 3), fmtNumber(get(term, 'se')?.value, 3), fmtNumber(get(term, 'beta')?.value, 3), fmtNumber(b?.statistic, 2), fmtP(b?.p)];
    return cells;
  });
  const tr = (cells: string[], th = false) => `<tr>${cells.map((c, i) => (i === 0 || th ? `<th scope="${th ? 'col' : 'row'}">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`;
  const header = ['', 'B (ustandardisert)', 'Std. feil', 'Beta (standardisert)', 't', 'Sig.'];
  const footer = [
    ['R²', fmtNumber(model('r2')?.value, 3)],
    ['Justert R²', fmtNumber(model('adj_r2')?.value, 3)],
    [`F(${fmtInt(f?.df1)}, ${fmtInt(f?.df2)})`, `${fmtNumber(f?.statistic, 2)}, p ${fmtP(f?.p).startsWith('<') ? fmtP(f?.p) : `= ${fmtP(f?.p)}`}`],
    ['n (fullstendige svar)', fmtInt(f?.n)],
  ];
  const html = `<table class="data regression"><thead>${tr(header, true)}</thead><tbody>${body.map((c) => tr(c)).join('')}${footer.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td colspan="5">${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`;
  const csv = [['term', 'b', 'se', 'beta', 't', 'p'], ...terms.map((t) => [t, get(t, 'b')?.value, get(t, 'se')?.value, get(t, 'beta')?.value ?? '', get(t, 'b')?.statistic, get(t, 'b')?.p]), ['r2', model('r2')?.value], ['adj_r2', model('adj_r2')?.value], ['F', f?.statistic, f?.df1, f?.df2, f?.p], ['n', f?.n]];
  return { html, csv };
}
