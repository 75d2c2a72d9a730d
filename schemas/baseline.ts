/** One row of `raw/baselines/published_baselines.csv` (exports.md §4.1). */
import { z } from 'zod';

const optionalNumber = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : Number(String(v).replace(',', '.'))), z.number().finite().nullable());

export const ValueSource = z.enum(['stated', 'approximate', 'illustrative']);
export const Comparability = z.enum(['same_question', 'not_directly_comparable', 'different_question']);

export const BaselineRow = z
  .object({
    baseline_id: z.string().min(1),
    survey: z.enum(['ordforer_radmann', 'kontor']),
    wave: z.string().regex(/^(\d{4}|unknown)$/),
    source: z.string().min(1),
    reported_in: z.string().min(1),
    figure: z.string().regex(/^(F\d\d|T\d)$/),
    variable: z.string().min(1),
    group: z.string().min(1),
    measure: z.enum(['pct_top2', 'pct_bottom2', 'pct_cat', 'pct_ticked', 'mean', 'rank']),
    category: z.string().default(''),
    value: z.preprocess((v) => Number(String(v).replace(',', '.')), z.number().finite()),
    value_low: optionalNumber,
    value_high: optionalNumber,
    qualifier: z.enum(['', 'exact', 'ca', 'nesten', 'over', 'i_overkant_av', 'under', 'i_underkant_av', 'rank_only']).default(''),
    value_source: ValueSource,
    n: z.preprocess((v) => (v === '' || v === null || v === undefined ? null : Number(v)), z.number().int().positive().nullable()),
    n_kind: z.enum(['exact', 'upper_bound', 'unknown']),
    scale_points: z.preprocess((v) => (v === '' || v === null || v === undefined ? null : Number(v)), z.number().int().min(2).max(11).nullable()),
    scale_labels: z.string().default(''),
    base: z.string().default('unknown'),
    comparability: Comparability,
    comparability_note: z.string().default(''),
    quote: z.string().default(''),
    claims: z.string().default(''),
  })
  .superRefine((row, ctx) => {
    if (row.value_source !== 'illustrative' && row.quote.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['quote'], message: 'stated/approximate rows must carry the quote they come from' });
    }
    if (row.value_low !== null && row.value_high !== null && (row.value < row.value_low || row.value > row.value_high)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `value ${row.value} outside [${row.value_low}, ${row.value_high}]` });
    }
    if (row.n_kind !== 'unknown' && row.n === null) ctx.addIssue({ code: 'custom', path: ['n'], message: `n_kind ${row.n_kind} needs an n` });
  });
export type BaselineRow = z.infer<typeof BaselineRow>;
