/** exports.md §2.1: a response file without kommunenr is completed from the sample file by resp_id. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { all, openDb } from '../../pipeline/core/db.ts';
import { runPipeline } from '../../pipeline/run.ts';

it('joins kommunenr (and derives fylkesnr) from sample.csv', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'survey-kn-')), 'out');
  const summary = await runPipeline({ rawDir: 'test/fixtures/or-no-kommunenr/raw', outDir: out });
  expect(summary.manifest.files[0]).toMatchObject({ rows_read: 4, rows_loaded: 4 });
  const { db, close } = await openDb(join(out, 'survey.duckdb'), { readOnly: true });
  try {
    const rows = await all(db, `SELECT resp_id, kommunenr, fylkesnr FROM stg_ordforer_radmann__responses ORDER BY resp_id`);
    expect(rows).toEqual([
      { resp_id: 'T-001', kommunenr: '1001', fylkesnr: '10' },
      { resp_id: 'T-002', kommunenr: '1001', fylkesnr: '10' },
      { resp_id: 'T-003', kommunenr: '0815', fylkesnr: '08' },
      { resp_id: 'T-004', kommunenr: '0815', fylkesnr: '08' },
    ]);
  } finally {
    close();
  }
});
