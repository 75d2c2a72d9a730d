/**
 * The `results` table: every number the report shows, one row each, carrying what produced it
 * (figure, wave, group, measure or test, n, and the SQL model its counts came from).
 */
import { z } from 'zod';
import type { Db } from '../core/db.ts';

const num = z.number().nullable();

export const ResultRow = z.object({
  result_id: z.string(),
  figure_id: z.string(),
  survey: z.string(),
  wave: z.string(),
  variable: z.string(),
  group_code: z.string(),
  group_label: z.string(),
  /** `mean`, `sd`, `pct_top2`, `b`, `se`, `beta`, `r2`, `adj_r2`, `test`. */
  measure: z.string(),
  category: z.string(),
  value: num,
  n: num,
  ci_low: num,
  ci_high: num,
  /** Test name (`welch_t`, `z_2prop` …) on test rows. */
  test: z.string(),
  statistic: num,
  df1: num,
  df2: num,
  p: num,
  /** Holm-adjusted p within the figure. */
  p_adj: num,
  /** Effect size of a test row (`cohen_d`, `cramers_v`, `eta_squared` …) with its 95 % interval. */
  effect_name: z.string(),
  effect: num,
  effect_ci_low: num,
  effect_ci_high: num,
  /** What is compared: `ordforer vs radmann`, `2011 → 2019` … */
  comparison: z.string(),
  /** `microdata`, `stated`, `approximate`, `illustrative`. */
  value_source: z.string(),
  baseline_id: z.string(),
  /** Labels the report must show with the number (e.g. «Illustrativ verdi – …»). */
  labels: z.string(),
  source_model: z.string(),
  note: z.string(),
  /** `srs` (respondents independent) or `cluster` (office survey design) for tests; '' elsewhere. */
  design: z.string(),
  /** Design-based standard error, 95 % interval and design effect of an estimate (cluster designs). */
  design_se: num,
  design_ci_low: num,
  design_ci_high: num,
  deff: num,
});
export type ResultRow = z.infer<typeof ResultRow>;

export const EMPTY_RESULT: Omit<ResultRow, 'result_id' | 'figure_id' | 'survey' | 'wave' | 'variable' | 'measure' | 'source_model'> = {
  group_code: '', group_label: '', category: '', value: null, n: null, ci_low: null, ci_high: null, test: '', statistic: null,
  df1: null, df2: null, p: null, p_adj: null, effect_name: '', effect: null, effect_ci_low: null, effect_ci_high: null, comparison: '', value_source: 'microdata', baseline_id: '', labels: '', note: '',
  design: '', design_se: null, design_ci_low: null, design_ci_high: null, deff: null,
};

const COLUMNS = Object.keys(ResultRow.shape) as Array<keyof ResultRow>;
const NUMERIC = new Set(['value', 'n', 'ci_low', 'ci_high', 'statistic', 'df1', 'df2', 'p', 'p_adj', 'effect', 'effect_ci_low', 'effect_ci_high', 'design_se', 'design_ci_low', 'design_ci_high', 'deff']);

export async function writeResults(db: Db, schema: string, rows: ResultRow[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${schema}.results (${COLUMNS.map((c) => `${c} ${NUMERIC.has(c) ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`);
  const appender = await db.createAppender('results', schema);
  try {
    for (const row of rows) {
      // A statistic that cannot be computed (zero variance, empty group) is stored as null.
      const clean = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v]));
      const parsed = ResultRow.parse(clean);
      for (const c of COLUMNS) {
        const v = parsed[c];
        if (v === null) appender.appendNull();
        else if (typeof v === 'number') appender.appendDouble(v);
        else appender.appendVarchar(v);
      }
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}

/** Holm's step-down adjustment (R: p.adjust(method = "holm")). */
export function holm(ps: number[]): number[] {
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = Array<number>(ps.length).fill(Number.NaN);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (ps.length - rank) * p));
    out[i] = running;
  });
  return out;
}
