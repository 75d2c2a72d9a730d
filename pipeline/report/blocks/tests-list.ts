/**
 * The tests under a figure, grouped by item when the figure has several: every test row of the
 * figure (whatever its name) and every comparison that was deliberately not tested, with why.
 */
import type { ResultRow } from '../../analyze/results.ts';
import { isSuppressed } from '../../../notebooks/components/value-source.ts';
import { escapeHtml } from '../escape.ts';
import { TEST_NAMES, TEST_ORDER, nameGroups, testLine } from '../tests-text.ts';

/**
 * The test a reader should look at first for each kind of comparison: Welch's t and Welch's ANOVA
 * (robust to unequal variances), the chi-square or Fisher's exact test for tables, the design-based
 * tests of the office survey, the wave-over-wave z-test and the paired t-test.
 */
const PRIMARY = new Set(['welch_t', 'welch_anova', 'chisq', 'fisher_exact', 'z_2prop', 'mcnemar_exact', 't_paired', 'svy_t', 'svy_wald_f', 'svy_chisq']);

const rank = (test: string) => (TEST_ORDER.includes(test) ? TEST_ORDER.indexOf(test) : TEST_ORDER.length);

export function testsSection(rows: ResultRow[], labels: Map<string, string>, groupLabels: Map<string, string>): string {
  const listed = rows.filter((r) => (r.measure === 'test' && r.test !== 'ols_f') || r.measure === 'not_tested');
  if (listed.length === 0) return '';
  const keyOf = (r: ResultRow) => `${r.variable}|${r.category}`;
  const keys = [...new Set(listed.map(keyOf))];
  // Tests of the same groups stay together, in the order the groups first appear in the figure.
  const order = [...new Set(rows.filter((r) => r.group_code).map((r) => r.group_code))];
  const comparisonRank = (r: ResultRow) => {
    const first = r.comparison.split(/ vs | \(|: /)[0]!.replace(/ .*$/, '');
    const at = order.indexOf(first);
    return (r.comparison.split(' vs ').length > 2 ? 0.5 : 0) + (at < 0 ? order.length : at) + (r.note.includes('på tvers av undersøkelsene') ? 1000 : 0);
  };
  // With several microdata waves, each test says which wave it is from (a change names both).
  const manyWaves = new Set(listed.map((r) => r.wave)).size > 1;
  const withWave = (r: ResultRow, li: string) => (manyWaves && !r.comparison.includes('→') ? li.replace(/^<li>/, `<li><span class="wave">${escapeHtml(r.wave)}:</span> `) : li);
  const fisher = new Set(listed.filter((r) => r.test === 'fisher_exact').map((r) => `${keyOf(r)}|${r.wave}|${r.comparison}`));
  const groups = keys.map((key) => {
    const mine = listed
      .filter((r) => keyOf(r) === key)
      .sort((a, b) => a.wave.localeCompare(b.wave) || b.measure.localeCompare(a.measure) || comparisonRank(a) - comparisonRank(b) || rank(a.test) - rank(b.test) || a.test.localeCompare(b.test) || a.comparison.localeCompare(b.comparison));
    const line = (r: ResultRow) => withWave(r, lineOf(r));
    const lineOf = (r: ResultRow) =>
      isSuppressed(r)
        ? `<li>${escapeHtml(TEST_NAMES[r.test] ?? r.test)}, ${escapeHtml(nameGroups(r.comparison, groupLabels))}: ikke vist (${escapeHtml(r.labels.toLowerCase())}).</li>`
        : r.measure === 'not_tested'
        ? `<li>${r.comparison.includes('→') ? 'Endring, ' : ''}${escapeHtml(nameGroups(r.comparison, groupLabels))}: ikke testet (${escapeHtml(r.note)}).</li>`
        : testLine(r, groupLabels, { fisherShown: fisher.has(`${keyOf(r)}|${r.wave}|${r.comparison}`) });
    // The test to read first stays in view; the other views of the same question open on request.
    const primary = mine.filter((r) => r.measure === 'not_tested' || PRIMARY.has(r.test));
    const secondary = mine.filter((r) => !primary.includes(r));
    const more = secondary.length
      ? `<details class="more-tests"><summary>Flere tester (${escapeHtml([...new Set(secondary.map((r) => TEST_NAMES[r.test] ?? r.test))].join(', '))})</summary><ul>${secondary.map(line).join('')}</ul></details>`
      : '';
    const [variable, category] = key.split('|') as [string, string];
    const heading = keys.length > 1 ? `<p class="test-item">${escapeHtml(labels.get(variable) ?? variable)}${category ? ` (${escapeHtml(category)})` : ''}</p>` : '';
    return `${heading}<ul>${primary.map(line).join('')}</ul>${more}`;
  });
  return `<div class="tests"><p>Tester (tosidige, α = 0,05). p er rå p-verdi; Holm-justert p er justert for alle testene av samme slag i figuren og bølgen (Levenes test, en forutsetningstest, er ikke med; Games-Howell er allerede justert for alle par). Differanser og effektstørrelser har 95 % konfidensintervall.</p>${groups.join('')}</div>`;
}
