/** The optional per-wave manifest `wave.json` (exports.md §6). */
import { z } from 'zod';

export const WaveManifest = z
  .object({
    survey: z.string().optional(),
    wave: z.string().optional(),
    fieldwork: z.string().optional(),
    vendor: z.string().optional(),
    codebook_version: z.string().optional(),
    codebook: z.string().regex(/^[a-z_]+\/\d{4}[a-z]?$/).optional(),
    kommune_classification_year: z.number().int().optional(),
    encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).optional(),
    delimiter: z.enum([',', ';', '\t']).optional(),
    sheet: z.string().optional(),
    recode: z.record(z.string(), z.record(z.string(), z.number().int())).optional(),
    count_partial: z.boolean().default(true),
    simulated: z.boolean().default(false),
    /** Written by the simulator: how to make the same files again. */
    simulation: z.object({ seed: z.number().int(), targets: z.string(), kommune_frame: z.enum(['bundled', 'synthetic', 'given']) }).optional(),
  })
  .strict();
export type WaveManifest = z.infer<typeof WaveManifest>;
