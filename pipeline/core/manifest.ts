/** `out/manifest.json`: what a run read, loaded and quarantined per input file, and what it produced. */
import { z } from 'zod';

export const FileEntry = z.object({
  file: z.string(),
  role: z.string(),
  rows_read: z.number().int(),
  rows_loaded: z.number().int(),
  rows_quarantined: z.number().int(),
  empty_rows_skipped: z.number().int(),
  format: z.string(),
  sheet: z.string().nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  label_columns: z.array(z.string()),
  /** .sav: variable labels that word the question otherwise than the codebook (information only). */
  question_texts_differing: z.array(z.object({ variable: z.string(), file: z.string(), codebook: z.string() })),
  failed: z.boolean(),
  renamed_columns: z.array(z.object({ from: z.string(), to: z.string() })),
  dropped_personal_data_columns: z.array(z.string()),
  personal_data_checks: z.record(z.string(), z.number()).nullable(),
  errors: z.record(z.string(), z.number()),
  warnings: z.record(z.string(), z.number()),
  quarantine_file: z.string().nullable(),
});

export const Manifest = z.object({
  files: z.array(FileEntry),
  waves: z.array(z.object({ survey: z.string(), wave: z.string(), instrument: z.string(), simulated: z.boolean(), simulated_markers: z.array(z.string()) })),
  totals: z.object({ rows_read: z.number().int(), rows_loaded: z.number().int(), rows_quarantined: z.number().int() }),
  outputs: z.object({ warehouse: z.string(), report: z.string(), results: z.number().int(), figures: z.array(z.string()), min_cell: z.number().int(), hidden_small_cells: z.number().int() }),
});
export type Manifest = z.infer<typeof Manifest>;
