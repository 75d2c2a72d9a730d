/** Builds the warehouse of the bundled demo data (raw/) in a temporary folder and opens it read-only. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../pipeline/core/db.ts';
import { runPipeline } from '../../pipeline/run.ts';

export async function openDemoWarehouse(label: string): Promise<{ db: Db; close: () => void; outDir: string }> {
  const outDir = join(mkdtempSync(join(tmpdir(), `survey-${label}-`)), 'out');
  await runPipeline({ rawDir: 'raw', outDir });
  return { ...(await openDb(join(outDir, 'survey.duckdb'), { readOnly: true })), outDir };
}
