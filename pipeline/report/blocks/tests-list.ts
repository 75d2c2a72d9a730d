/**
 * The tests under a figure, grouped by item when the figure has several: every test row of the
 * figure (whatever its name) and every comparison that was deliberately not tested, with why.
 */
import type { ResultRow } from '../../analyze/results.ts';
import { escapeHtml } from '../escape.ts';
import { TEST_ORDER, nameGroups, testLine } from '../tests-text.ts';

const rank = (test: string) => (TEST_ORDER.includes(test) ? TEST_ORDER.indexOf(test) : TEST_ORDER.length);

export function testsSection(rows: ResultRow[], labels: Map<string, string>, groupLabels: Map<string, string>): string {
  const listed = rows.filter((r) => (r.measure === 'test' && r.test !== 'ols_f') || r.measure === 'not_tested');
  if (listed.length === 0) return '';
  const keyOf = (r: ResultRow) => `${r.variable}|${r.category}`;
  const keys = [...new Set(listed.map(keyOf))];
  const fisher = new Set(listed.filter((r) => r.test === 'fisher_exact').map((r) => `${keyOf(r)}|${r.wave}|${r.comparison}`));
  const groups = keys.map((key) => {
    const mine = listed
      .filter((r) => keyOf(r) === key)
      .sort((a, b) => a.wave.localeCompare(b.wave) || b.measure.localeCompare(a.measure) || rank(a.test) - rank(b.test) || a.test.localeCompare(b.test) || a.comparison.localeCompare(b.comparison));
    const items = mine.map((r) =>
      r.measure === 'not_tested'
        ? `<li>${r.comparison.includes('→') ? 'Endring, ' : ''}${escapeHtml(nameGroups(r.comparison, groupLabels))}: ikke testet (${escapeHtml(r.note)}).</li>`
        : testLine(r, groupLabels, { fisherShown: fisher.has(`${keyOf(r)}|${r.wave}|${r.comparison}`) }),
    );
    const [variable, category] = key.split('|') as [string, string];
    const heading = keys.length > 1 ? `<p class="test-item">${escapeHtml(labels.get(variable) ?? variable)}${category ? ` (${escapeHtml(category)})` : ''}</p>` : '';
    return `${heading}<ul>${items.join('')}</ul>`;
  });
  return `<div class="tests"><p>Tester (tosidige, α = 0,05). p er rå p-verdi; Holm-justert p er justert for alle testene av samme slag i figuren (Levenes test, en forutsetningstest, er ikke med; Games-Howell er allerede justert for alle par). Differanser og effektstørrelser har 95 % konfidensintervall.</p>${groups.join('')}</div>`;
}
