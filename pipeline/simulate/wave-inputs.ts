/**
 * What a simulated wave is made from, found by its id: the codebook and targets of the wave, its
 * kommune frame (the bundled list for the classification year, else the synthetic frame), and the
 * previous wave its codebook links to (`previous`), whose units the wave follows up.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Codebook } from '../../schemas/codebook.ts';
import { WaveTargets } from '../../schemas/simulation.ts';
import { PipelineError } from '../core/errors.ts';
import { bundledKommuner, type Kommune } from '../core/kommuner.ts';
import { loadCodebook } from '../ingest/discover.ts';
import { syntheticFrame } from './synthetic-reform.ts';

export function readTargets(survey: string, wave: string): WaveTargets {
  const path = new URL(`../../schemas/simulation/${survey}-${wave}.targets.json`, import.meta.url);
  if (!existsSync(path)) throw new PipelineError(`no simulation targets for ${survey} ${wave} (schemas/simulation/${survey}-${wave}.targets.json)`);
  return WaveTargets.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The kommune classification year of a wave: its fieldwork year (`2023b` → 2023). */
export function classificationYear(wave: string): number {
  return Number(wave.slice(0, 4));
}

export type FrameKind = 'bundled' | 'synthetic' | 'given';

export interface KommuneFrame {
  kommuner: Kommune[];
  kind: FrameKind;
}

/** The invited kommuner: given ones, the bundled list for the year, or the synthetic frame of that year. */
export function kommuneFrameFor(year: number, given?: Kommune[]): KommuneFrame {
  if (given) return { kommuner: given, kind: 'given' };
  const bundled = bundledKommuner(year);
  return bundled ? { kommuner: bundled, kind: 'bundled' } : { kommuner: syntheticFrame(year), kind: 'synthetic' };
}

export interface WaveInputs {
  survey: string;
  wave: string;
  codebook: Codebook;
  targets: WaveTargets;
}

/** The previous wave a codebook links to (`previous`: `survey/wave`), with its codebook and targets; null without a link. */
export function previousWave(codebook: Codebook): WaveInputs | null {
  if (!codebook.previous) return null;
  const [survey, wave] = codebook.previous.split('/') as [string, string];
  if (survey !== codebook.survey) throw new PipelineError(`codebook ${codebook.survey}/${codebook.wave}: previous ${codebook.previous} is another survey`);
  return { survey, wave, codebook: loadCodebook(codebook.previous), targets: readTargets(survey, wave) };
}
