/**
 * Tests in words a reader can check: name, comparison, statistic, df, raw and Holm-adjusted p,
 * the difference with its interval and the effect size with its interval. Any test name works;
 * the known ones get their Norwegian name and symbol.
 */
import { fmtNumber, fmtP } from '../core/format.ts';
import type { ResultRow } from '../analyze/results.ts';
import { escapeHtml } from './escape.ts';

export const TEST_NAMES: Record<string, string> = {
  student_t: 'Students t-test (lik varians)',
  welch_t: 'Welchs t-test (ulik varians)',
  levene: 'Levenes test for lik varians',
  mann_whitney: 'Mann-Whitney U',
  kruskal_wallis: 'Kruskal-Wallis H',
  t_paired: 't-test for parede observasjoner',
  wilcoxon_signed_rank: 'Wilcoxons fortegnsrangtest',
  anova_f: 'Enveis variansanalyse (F)',
  welch_anova: 'Welchs ANOVA',
  games_howell: 'Games-Howell',
  chisq: 'Pearsons kjikvadrattest',
  fisher_exact: 'Fishers eksakte test',
  z_2prop: 'z-test for to andeler',
  mcnemar_exact: 'McNemars eksakte test (parret: enheter som svarte begge år)',
  svy_t: 'Designjustert t-test (klynger = kontor)',
  svy_wald_f: 'Designjustert Wald F-test (klynger = kontor)',
  svy_chisq: 'Rao-Scott kjikvadrattest (klynger = kontor)',
  svy_ols_f: 'Designjustert F-test for regresjonsmodellen',
  ols_f: 'F-test for regresjonsmodellen',
};

export const EFFECT_NAMES: Record<string, string> = {
  cohen_d: 'Cohens d',
  cohen_dz: 'Cohens d_z',
  cohen_h: 'Cohens h',
  eta_squared: 'eta²',
  eta_squared_h: 'eta²_H',
  cramers_v: 'Cramérs V',
  phi: 'phi',
  rank_biserial: 'rang-biseriell r',
  odds_ratio: 'oddsratio',
  risk_difference: 'differanse i andeler',
};

const SYMBOL: Record<string, string> = {
  student_t: 't',
  welch_t: 't',
  levene: 'F',
  mann_whitney: 'U',
  kruskal_wallis: 'H',
  t_paired: 't',
  wilcoxon_signed_rank: 'V',
  anova_f: 'F',
  welch_anova: 'F',
  games_howell: 't',
  chisq: 'χ²',
  z_2prop: 'z',
  mcnemar_exact: 'b',
  ols_f: 'F',
  svy_t: 't',
  svy_wald_f: 'F',
  svy_chisq: 'F',
  svy_ols_f: 'F',
};

/** Tests whose difference estimate is a difference of proportions (0–1), shown in percentage points. */
const PROPORTION_TESTS = new Set(['z_2prop', 'mcnemar_exact']);

/** The order tests are listed in under a figure; unknown tests come last, by name. */
export const TEST_ORDER = ['student_t', 'welch_t', 'levene', 'mann_whitney', 'anova_f', 'welch_anova', 'kruskal_wallis', 'games_howell', 'svy_t', 'svy_wald_f', 't_paired', 'wilcoxon_signed_rank', 'chisq', 'fisher_exact', 'svy_chisq', 'z_2prop', 'mcnemar_exact', 'ols_f', 'svy_ols_f'];

export function pText(p: number | null): string {
  const s = fmtP(p);
  return s.startsWith('<') ? `p ${s}` : `p = ${s}`;
}

function df(v: number): string {
  return fmtNumber(v, Number.isInteger(v) ? 0 : 1);
}

function interval(low: number | null, high: number | null, scale = 1, digits = 2): string {
  return low === null || high === null ? '' : ` (95 % KI ${fmtNumber(low * scale, digits)} til ${fmtNumber(high * scale, digits)})`;
}

/** Group codes in a comparison (`enhetsleder.statlig vs enhetsleder.kommunal`) → their labels. */
export function nameGroups(text: string, groupLabels: Map<string, string>): string {
  return text.replace(/[a-z_][a-z0-9_]*(\.[a-z0-9_]+)*/g, (w) => groupLabels.get(w) ?? w.split('.').map((p) => groupLabels.get(p) ?? p).join(', '));
}

function difference(r: ResultRow, comparison: string): string {
  if (r.value === null) return '';
  const pp = PROPORTION_TESTS.has(r.test);
  const scale = pp ? 100 : 1;
  const digits = pp ? 1 : 2;
  const unit = pp ? ' prosentpoeng' : '';
  const what = comparison.includes('→') ? 'endring' : r.test === 't_paired' ? 'gjennomsnittlig differanse' : `differanse (${comparison.replace(/ vs /g, ' − ').replace(/\s*\(.*\)$/, '')})`;
  return `${what} ${fmtNumber(r.value * scale, digits)}${unit}${interval(r.ci_low, r.ci_high, scale, digits)}`;
}

function effect(r: ResultRow): string {
  if (!r.effect_name || r.effect === null) return '';
  return `${EFFECT_NAMES[r.effect_name] ?? r.effect_name} = ${fmtNumber(r.effect, 2)}${interval(r.effect_ci_low, r.effect_ci_high)}`;
}

/** A chi-square whose note warns of small expected counts: Fisher's exact test is the one to read. */
export function needsFisher(r: ResultRow): boolean {
  return r.test === 'chisq' && /forvent/i.test(r.note);
}

export function testLine(r: ResultRow, groupLabels: Map<string, string>, context: { fisherShown?: boolean } = {}): string {
  const comparison = nameGroups(r.comparison, groupLabels);
  const dfText = r.df1 !== null && r.df2 !== null ? `df = ${df(r.df1)}, ${df(r.df2)}` : r.df1 !== null ? `df = ${df(r.df1)}` : '';
  const stat = r.statistic === null ? '' : `${SYMBOL[r.test] ?? 'statistikk'} = ${fmtNumber(r.statistic, 2)}`;
  const adjustedText = r.p_adj !== null ? `Holm-justert ${pText(r.p_adj)}` : r.test === 'games_howell' ? 'p justert for alle par' : '';
  const parts = [stat, dfText, pText(r.p), adjustedText, difference(r, comparison), effect(r)].filter(Boolean);
  // Say which p the verdict rests on: a raw p under .05 whose adjusted p is not is no finding.
  const raw = r.p !== null && r.p < 0.05;
  const adjusted = r.p_adj === null ? raw : r.p_adj < 0.05;
  const sig = raw && adjusted ? ' <strong class="sig">Signifikant på 5 %-nivå.</strong>' : raw ? ' <span class="sig-raw">Signifikant før, men ikke etter Holm-justering.</span>' : '';
  const fisher = needsFisher(r) ? ` <strong class="read-fisher">Små forventede antall: les Fishers eksakte test${context.fisherShown ? '' : ' (ikke beregnet i denne kjøringen)'}.</strong>` : '';
  const note = r.note ? ` <span class="test-note">(${escapeHtml(r.note)})</span>` : '';
  const labels = r.labels ? ` <em class="label">(${escapeHtml(r.labels)})</em>` : '';
  return `<li>${escapeHtml(TEST_NAMES[r.test] ?? r.test)}, ${escapeHtml(comparison)}: ${escapeHtml(parts.join(', '))}.${sig}${fisher}${note}${labels}</li>`;
}
