/**
 * Simulate: writes a realistic raw export of one wave (code export, CSV variant A), its sample/
 * disposition file (and for the office survey its office frame) and a `wave.json` that marks the
 * data as simulated. Same seed, same bytes. Everything comes from the wave's codebook and targets,
 * found by id; a wave whose codebook follows a previous one (`previous`) follows up that wave's
 * units (drawn again with the same seed) and writes the crosswalks to it (`crosswalks/`).
 */
import { PipelineError } from '../core/errors.ts';
import type { Kommune } from '../core/kommuner.ts';
import type { Writer } from '../core/writer.ts';
import { loadCodebook } from '../ingest/discover.ts';
import { simulateKontor } from './kontor.ts';
import { simulateOrdforerRadmann } from './or.ts';
import { readTargets } from './wave-inputs.ts';

export interface SimulateOptions {
  survey: string;
  wave: string;
  seed: number;
  /** Office survey: this many times the employees of the wave's fieldwork (default 1). */
  scale?: number;
  /** The invited kommuner; defaults to the bundled list for the wave's year. */
  kommuner?: Kommune[];
}

export interface Simulated {
  files: string[];
  respondents: number;
  invited: number;
  notes: string[];
}

export function simulateWave(options: SimulateOptions, effects: { writer: Writer }): Simulated {
  const codebook = loadCodebook(`${options.survey}/${options.wave}`);
  const targets = readTargets(options.survey, options.wave);
  switch (options.survey) {
    case 'ordforer_radmann':
      if ((options.scale ?? 1) !== 1) throw new PipelineError('simulate: --scale applies to the office survey only (the ordfører/rådmann survey asks every kommune once)');
      return simulateOrdforerRadmann(options, codebook, targets, effects);
    case 'kontor':
      return simulateKontor(options, codebook, targets, effects);
    default:
      throw new PipelineError(`simulate: unknown survey ${options.survey} (ordforer_radmann or kontor)`);
  }
}
