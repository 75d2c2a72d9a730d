/**
 * Builds the warehouse of the bundled demo data (raw/) in a temporary folder and opens it
 * read-only; `waves` keeps only those wave folders (e.g. the 2019 waves the R references and the
 * claims of the source are about), the published baselines always.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../pipeline/core/db.ts';
import { runPipeline } from '../../pipeline/run.ts';

export async function openDemoWarehouse(label: string, options: { waves?: string[] } = {}): Promise<{ db: Db; close: () => void; outDir: string }> {
  const root = mkdtempSync(join(tmpdir(), `survey-${label}-`));
  const outDir = join(root, 'out');
  let rawDir = 'raw';
  if (options.waves) {
    rawDir = join(root, 'raw');
    cpSync('raw/baselines', join(rawDir, 'baselines'), { recursive: true });
    for (const survey of readdirSync('raw').filter((d) => d !== 'baselines' && d !== 'crosswalks')) {
      for (const wave of options.waves) if (existsSync(join('raw', survey, wave))) cpSync(join('raw', survey, wave), join(rawDir, survey, wave), { recursive: true });
    }
  }
  await runPipeline({ rawDir, outDir });
  return { ...(await openDb(join(outDir, 'survey.duckdb'), { readOnly: true })), outDir };
}
