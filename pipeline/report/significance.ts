/**
 * Significance on the chart: for every comparison a figure tests, the one test that speaks for
 * the chart's measure (design-based first in the office survey; Fisher's exact test where the
 * chi-square's expected counts are small), and a mark after the value of every group in a
 * comparison whose Holm-adjusted p is below .05. `*` marks a change since the previous wave on
 * the later wave's value; †, ‡, § … each a comparison between groups. Tests across the two
 * surveys, tests of codes read as a scale and paired tests stay in the list under the figure.
 */
import type { FigureDef } from '../../schemas/figures.ts';
import { comparedGroups } from '../analyze/figures/common.ts';
import type { ResultRow } from '../analyze/results.ts';
import { nameGroups, needsFisher, TEST_NAMES } from './tests-text.ts';

const ALPHA = 0.05;
const WAVE_MARK = '*';
const GROUP_MARKS = ['†', '‡', '§', '¶', '#', '**', '††', '‡‡'];

/** The tests that speak for each recipe's measure, best first. */
const PREFERRED: Partial<Record<FigureDef['recipe'], string[]>> = {
  shares: ['svy_t', 'z_2prop'],
  ticked: ['svy_t', 'z_2prop'],
  means: ['svy_wald_f', 'svy_t', 'welch_anova', 'welch_t'],
  distribution: ['svy_chisq', 'fisher_exact', 'chisq'],
};

export interface Significance {
  /** The marks after one value (its variable, group and wave). */
  markOf(r: ResultRow): string;
  /** One line per mark in use, for the key under the chart. */
  key: string[];
  /** Whether any comparison was tested for the chart at all. */
  tested: boolean;
  /** Whether the figure also has tests across the two surveys (listed, not marked). */
  across: boolean;
}

interface Comparison {
  comparison: string;
  mark: string;
  tests: Set<string>;
  significantIn: ResultRow[];
}


export function significanceOf(fig: FigureDef, rows: ResultRow[], groupLabels: Map<string, string>): Significance {
  const preferred = PREFERRED[fig.recipe] ?? [];
  const candidates = rows.filter((r) => r.measure === 'test' && preferred.includes(r.test) && r.category === '' && !r.note.includes('på tvers av undersøkelsene'));
  // Per item and comparison, the best test that was computed (and is not hidden as a small cell).
  const chosen = new Map<string, ResultRow>();
  const rank = (r: ResultRow) => {
    const i = preferred.indexOf(r.test);
    // A chi-square with small expected counts yields to Fisher's exact test when that exists.
    return needsFisher(r) ? preferred.length : i;
  };
  for (const r of candidates) {
    const key = `${r.variable}|${r.wave}|${r.comparison}`;
    const had = chosen.get(key);
    if (!had || rank(r) < rank(had)) chosen.set(key, r);
  }
  const comparisons = new Map<string, Comparison>();
  for (const r of chosen.values()) {
    const id = r.comparison.includes('→') ? '→' : r.comparison;
    const c = comparisons.get(id) ?? { comparison: r.comparison, mark: id === '→' ? WAVE_MARK : '', tests: new Set<string>(), significantIn: [] };
    c.tests.add(r.test);
    const p = r.p_adj ?? r.p;
    if (p !== null && p < ALPHA) c.significantIn.push(r);
    comparisons.set(id, c);
  }
  // Marks go to the comparisons with a finding, in the order the figure lists them.
  let next = 0;
  for (const c of comparisons.values()) if (!c.mark && c.significantIn.length > 0) c.mark = GROUP_MARKS[next++] ?? `(${next})`;
  const marks = new Map<string, string[]>();
  for (const c of comparisons.values())
    for (const t of c.significantIn)
      for (const g of comparedGroups(t.comparison)) {
        const key = `${t.variable}|${g}|${t.wave}`;
        marks.set(key, [...(marks.get(key) ?? []), c.mark]);
      }
  const testNames = (c: Comparison) => [...c.tests].map((t) => TEST_NAMES[t] ?? t).join(' / ');
  const key = [...comparisons.values()]
    .filter((c) => c.significantIn.length > 0)
    .map((c) =>
      c.mark === WAVE_MARK
        ? `${WAVE_MARK} Signifikant endring fra forrige bølge for gruppen (${testNames(c)}, Holm-justert p < 0,05)${c.significantIn.some((t) => /Illustrativ/.test(t.labels)) ? '. Der forrige bølge er en illustrativ verdi, er merket ikke et funn' : ''}`
        : `${c.mark} Signifikant forskjell mellom ${nameGroups(c.comparison, groupLabels).replace(/ vs /g, ' og ')}${comparedGroups(c.comparison).length > 2 ? ' (minst to av gruppene)' : ''} (${testNames(c)}, Holm-justert p < 0,05)`,
    );
  return {
    markOf: (r) => (marks.get(`${r.variable}|${r.group_code}|${r.wave}`) ?? []).join(''),
    key,
    tested: comparisons.size > 0,
    across: rows.some((r) => r.measure === 'test' && r.note.includes('på tvers av undersøkelsene')),
  };
}

/** The key as HTML-free lines: the marks in use, or that no tested difference is significant. */
export function significanceKey(s: Significance): string[] {
  if (!s.tested) return [];
  const rest = s.across ? 'testene på tvers av undersøkelsene og alle andre tester står under figuren' : 'alle tester står under figuren';
  if (s.key.length === 0) return [`Ingen merker: ingen av sammenligningene innen en undersøkelse er signifikante (Holm-justert p ≥ 0,05); ${rest}.`];
  return [...s.key, `Uten merke: ikke signifikant. Holm-justering innen figuren og bølgen; ${rest}.`];
}
