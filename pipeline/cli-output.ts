/** Plain-text renderings of command results for the terminal (the `--json` form is the contract). */
import type { Comparison } from './analyze/compare.ts';
import type { PairedComparison } from './analyze/paired.ts';
import type { Regression } from './analyze/regress.ts';
import type { TestResult } from './analyze/stats/test-result.ts';
import type { Trend } from './analyze/trend.ts';
import type { ClaimResult } from './claims/index.ts';
import type { RunSummary } from './run.ts';
import { formatIssue } from './core/issues.ts';

const num = (v: number | null | undefined, d = 3) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));
const pad = (s: string, w: number) => s.padEnd(w);

export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}

function testLines(tests: TestResult[]): string[] {
  return tests.map((t) => {
    const df = t.df !== undefined ? `df=${num(t.df, 2)}` : t.df1 !== undefined ? `df=${num(t.df1, 0)},${num(t.df2, 2)}` : '';
    return `  ${pad(`${t.name}${t.design === 'cluster' ? ' [cluster]' : ''}`, 10)} ${pad(t.groups.join(' vs '), 28)} stat=${num(t.statistic, 4)} ${df} p=${t.p < 1e-4 ? t.p.toExponential(3) : num(t.p, 4)}${t.note ? `  (${t.note})` : ''}`;
  });
}

export function comparisonText(c: Comparison): string {
  const cluster = c.design === 'cluster';
  const lines = [
    `${c.survey} ${c.wave}: ${c.question} («${c.question_label}») by ${c.by}${cluster ? `; design: clusters (${c.clusters} PSUs)` : ''}`,
    `  ${pad('group', 12)} ${pad('n', 5)} ${pad('mean', 7)} ${pad('sd', 7)} ${pad('top2 %', 7)} ${pad('vet ikke', 9)}${cluster ? 'design SE  deff   top2 deff' : ''}`,
  ];
  for (const g of c.groups) {
    const d = g.design ? `${pad(num(g.design.mean?.se, 4), 10)} ${pad(num(g.design.mean?.deff, 2), 6)} ${num(g.design.top2?.deff, 2)}` : '';
    lines.push(`  ${pad(g.group, 12)} ${pad(String(g.n), 5)} ${pad(num(g.mean), 7)} ${pad(num(g.sd), 7)} ${pad(num(g.pct_top2, 1), 7)} ${pad(String(g.n_dont_know), 9)}${d}`);
  }
  return [...lines, 'tests:', ...testLines(c.tests)].join('\n');
}

export function pairedText(c: PairedComparison): string {
  const lines = [`${c.survey} ${c.wave}: ${c.question} − ${c.paired_with} within respondents, by ${c.by}`, `  ${pad('group', 12)} ${pad('pairs', 6)} ${pad('mean diff', 10)} ${pad('sd', 7)} differ`];
  for (const g of c.groups) lines.push(`  ${pad(g.group, 12)} ${pad(String(g.n_pairs), 6)} ${pad(num(g.mean_difference), 10)} ${pad(num(g.sd_difference), 7)} ${g.n_different}`);
  return [...lines, 'tests:', ...c.tests.map((t) => `${testLines([t])[0]}  [${t.group}]`)].join('\n');
}

export function trendText(t: Trend): string {
  const lines = [`${t.survey}: ${t.question} by ${t.by} (top-2 share per wave)`];
  for (const p of t.groups) lines.push(`  ${pad(p.group, 10)} ${p.wave}  ${pad(num(p.pct_top2, 1), 6)} n=${p.n ?? '?'}${p.n_kind === 'upper_bound' ? ' (upper bound)' : ''}  ${p.value_source}${p.design ? `  design 95% CI ${num(p.design.ci_low, 1)}–${num(p.design.ci_high, 1)}, deff ${num(p.design.deff, 2)}` : ''}`);
  lines.push('tests:', ...t.tests.map((x) => `${testLines([x])[0]}  [${x.group}]${x.labels.length ? ` ${x.labels.join('; ')}` : ''}`));
  for (const n of t.not_tested) lines.push(`  not tested ${n.group} ${n.waves.join('→')}: ${n.reason}`);
  return lines.join('\n');
}

export function regressionText(r: Regression): string {
  const lines = [`${r.survey} ${r.wave}: OLS ${r.y} ~ ${r.x.join(' + ')}  (n = ${r.n})`, `  ${pad('term', 26)} ${pad('B', 9)} ${pad('SE', 9)} ${pad('Beta', 9)} ${pad('t', 9)} p`];
  for (const c of r.coefficients) lines.push(`  ${pad(c.term, 26)} ${pad(num(c.b, 4), 9)} ${pad(num(c.se, 4), 9)} ${pad(num(c.beta, 4), 9)} ${pad(num(c.t, 3), 9)} ${c.p < 1e-4 ? c.p.toExponential(3) : num(c.p, 4)}`);
  lines.push(`  R² = ${num(r.r2, 4)}, adjusted R² = ${num(r.adj_r2, 4)}`);
  if (r.design_fit) {
    lines.push(`design-based (clusters; df ${r.design_fit.df_residual}):`);
    for (const c of r.design_fit.coefficients) lines.push(`  ${pad(c.term, 26)} ${pad(num(c.b, 4), 9)} ${pad(num(c.se, 4), 9)} ${pad('', 9)} ${pad(num(c.t, 3), 9)} ${c.p < 1e-4 ? c.p.toExponential(3) : num(c.p, 4)}`);
  }
  lines.push(...testLines(r.tests));
  return lines.join('\n');
}

export function runText(s: RunSummary): string {
  const lines = ['Files (rows read = loaded + quarantined):'];
  for (const f of s.manifest.files) {
    lines.push(`  ${pad(f.file, 46)} read ${pad(String(f.rows_read), 5)} loaded ${pad(String(f.rows_loaded), 5)} quarantined ${f.rows_quarantined}${f.empty_rows_skipped ? ` (empty rows skipped: ${f.empty_rows_skipped})` : ''}`);
  }
  const t = s.manifest.totals;
  lines.push(`  total: read ${t.rows_read} = loaded ${t.rows_loaded} + quarantined ${t.rows_quarantined}`);
  lines.push(`Findings: ${s.issueTotals.errors} errors, ${s.issueTotals.warnings} warnings (all in ${s.outDir}/validation_issues.csv)`);
  for (const i of s.issues.filter((i) => i.severity === 'error').slice(0, 10)) lines.push(`  ${formatIssue(i)}`);
  const simulated = s.manifest.waves.filter((w) => w.simulated);
  if (simulated.length) lines.push(`Simulated data: ${simulated.map((w) => `${w.survey} ${w.wave}`).join(', ')} (the report says so on every page)`);
  lines.push(`Report: ${s.outDir}/${s.manifest.outputs.report} (${s.manifest.outputs.figures.join(', ')}); warehouse: ${s.outDir}/${s.manifest.outputs.warehouse}`);
  lines.push(`Time per stage: ${s.timings.map((x) => `${x.stage} ${Math.round(x.ms)} ms`).join(', ')}; total ${Math.round(s.timings.reduce((a, x) => a + x.ms, 0))} ms`);
  return lines.join('\n');
}

/** What `pipeline --timings FILE` writes: per stage wall time and peak memory, and the row accounting. */
export function timingsJson(s: RunSummary) {
  return {
    stages: s.timings.map((t) => ({ stage: t.stage, ms: t.ms, peak_rss_mb: t.peakRssMb })),
    totals: s.manifest.totals,
    files: s.manifest.files.map((f) => ({ file: f.file, rows_read: f.rows_read, rows_loaded: f.rows_loaded, rows_quarantined: f.rows_quarantined })),
    figures: s.manifest.outputs.figures.length,
  };
}

const STATUS_TEXT: Record<ClaimResult['status'], string> = {
  holds: 'holds',
  does_not_hold: 'does not hold',
  not_checkable: 'not checkable',
  not_supported_at_threshold: 'verbal claim not supported at threshold',
  side_by_side: 'side by side (repro, not asserted)',
};

export function claimsText(results: ClaimResult[]): string {
  const lines = results.map((r) => `${pad(r.id, 5)} ${pad(r.figures.join(','), 9)} ${pad(STATUS_TEXT[r.status], 40)} ${r.computed}${r.note ? `  [${r.note}]` : ''}`);
  const tally = new Map<string, number>();
  for (const r of results) tally.set(STATUS_TEXT[r.status], (tally.get(STATUS_TEXT[r.status]) ?? 0) + 1);
  const counts = [...tally].map(([k, n]) => `${n} ${k}`);
  return [...lines, '', `${results.length} claims on wave ${results[0]?.wave ?? '–'}: ${counts.join(', ')}`].join('\n');
}
