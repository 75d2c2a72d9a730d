/** Finds the wave folders under `raw/` (`<survey>/<wave>/`) and the files each holds (exports.md §1). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Codebook } from '../../schemas/codebook.ts';
import { WaveManifest } from '../../schemas/wave-manifest.ts';
import { PipelineError } from '../core/errors.ts';

export interface WaveFolder {
  survey: string;
  wave: string;
  /** Path relative to the raw folder, e.g. `ordforer_radmann/2019`. */
  dir: string;
  manifest: WaveManifest;
  codebook: Codebook;
  /** `survey/wave` of the codebook used (the wave's own, or the one `wave.json` names). */
  codebookId: string;
  responseFiles: string[];
  sampleFile: string | null;
  /** The office frame (`offices.csv`, office survey only). */
  officesFile: string | null;
  columnMapFile: string | null;
}

/** Response exports of a wave: every `responses*` file in a format of exports.md §2.5. */
const RESPONSE_FILE = /^responses.*\.(csv|xlsx|sav|zsav)$/i;

const CODEBOOK_DIR = new URL('../../schemas/codebooks/', import.meta.url);

export function loadCodebook(id: string): Codebook {
  const [survey, wave] = id.split('/');
  const path = new URL(`${survey}-${wave}.json`, CODEBOOK_DIR);
  if (!existsSync(path)) throw new PipelineError(`no codebook for ${id}: expected schemas/codebooks/${survey}-${wave}.json`);
  const parsed = Codebook.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new PipelineError(`invalid codebook ${id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function readManifest(path: string): WaveManifest {
  if (!existsSync(path)) return WaveManifest.parse({});
  const parsed = WaveManifest.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new PipelineError(`invalid ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function discoverWaves(rawDir: string): WaveFolder[] {
  if (!existsSync(rawDir)) throw new PipelineError(`raw folder not found: ${rawDir}`);
  const waves: WaveFolder[] = [];
  for (const survey of readdirSync(rawDir).sort()) {
    if (survey === 'baselines' || survey === 'crosswalks' || !statSync(join(rawDir, survey)).isDirectory()) continue;
    for (const wave of readdirSync(join(rawDir, survey)).sort()) {
      const abs = join(rawDir, survey, wave);
      if (!statSync(abs).isDirectory()) continue;
      const manifest = readManifest(join(abs, 'wave.json'));
      const codebookId = manifest.codebook ?? `${survey}/${wave}`;
      const files = readdirSync(abs).sort();
      const responseFiles = files.filter((f) => RESPONSE_FILE.test(f)).map((f) => `${survey}/${wave}/${f}`);
      if (responseFiles.length === 0) throw new PipelineError(`${survey}/${wave}: no responses*.csv, responses*.xlsx or responses*.sav file`);
      const oneOf = (name: string) => {
        const found = files.filter((f) => new RegExp(`^${name}\\.(csv|xlsx)$`, 'i').test(f));
        if (found.length > 1) throw new PipelineError(`${survey}/${wave}: both ${found.join(' and ')}; keep one`);
        return found[0] ? `${survey}/${wave}/${found[0]}` : null;
      };
      waves.push({
        survey,
        wave,
        dir: `${survey}/${wave}`,
        manifest,
        codebook: loadCodebook(codebookId),
        codebookId,
        responseFiles,
        sampleFile: oneOf('sample'),
        officesFile: oneOf('offices'),
        columnMapFile: files.includes('column_map.csv') ? `${survey}/${wave}/column_map.csv` : null,
      });
    }
  }
  if (waves.length === 0) throw new PipelineError(`no wave folders (<survey>/<wave>/) under ${rawDir}`);
  return waves;
}
