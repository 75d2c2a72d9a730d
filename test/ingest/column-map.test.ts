/**
 * Vendor column names (exports.md §2.2): a `column_map.csv` renames the export's columns before
 * anything else; the renamed export loads exactly as the one with codebook names, the renames are
 * in the load log, and an unmapped vendor column is reported, never loaded.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { all, openDb } from '../../pipeline/core/db.ts';
import { runPipeline } from '../../pipeline/run.ts';

const VENDOR: Record<string, string> = { resp_id: 'Respondent ID', rolle: 'Q0_Rolle', pm_fungerer: 'Q15', pm_deltar_ordforer: 'Q11_1', kommunenr: 'Bakgrunn_kommune' };

async function load(raw: string, out: string) {
  const summary = await runPipeline({ rawDir: raw, outDir: out });
  const { db, close } = await openDb(join(out, 'survey.duckdb'), { readOnly: true });
  try {
    return { summary, rows: await all(db, `SELECT * EXCLUDE (_file) FROM stg_ordforer_radmann__responses ORDER BY resp_id`) };
  } finally {
    close();
  }
}

describe('column_map.csv', () => {
  it('renames vendor columns: the same table as with codebook names, renames logged', async () => {
    const root = mkdtempSync(join(tmpdir(), 'survey-colmap-'));
    const raw = join(root, 'raw');
    cpSync('test/fixtures/or-tiny/raw', raw, { recursive: true });
    const file = join(raw, 'ordforer_radmann/2019/responses.csv');
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [header!.split(',').map((c) => VENDOR[c] ?? c).concat('Q99_ukjent').join(','), ...rest.map((l) => (l === '' ? l : `${l},x`))].join('\n'));
    writeFileSync(join(raw, 'ordforer_radmann/2019/column_map.csv'), `vendor_column,variable\n${Object.entries(VENDOR).map(([v, k]) => `${k},${v}`).join('\n')}\n`);
    const [plain, mapped] = [await load('test/fixtures/or-tiny/raw', join(root, 'plain')), await load(raw, join(root, 'mapped'))];
    expect(mapped.rows).toEqual(plain.rows);
    const f = mapped.summary.manifest.files.find((x) => x.role === 'responses')!;
    expect(f.renamed_columns).toEqual(expect.arrayContaining([{ from: 'Q15', to: 'pm_fungerer' }, { from: 'Respondent ID', to: 'resp_id' }]));
    expect(f.warnings.W_UNKNOWN_COLUMN).toBe(1);
  }, 60_000);
});
