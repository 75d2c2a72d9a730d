/**
 * The same demo wave delivered in every format of exports.md §2.5, as codes and as labels — CSV
 * variant A (UTF-8, `,`) and B (Windows-1252, `;`, CRLF), .xlsx and .sav — loads to identical
 * tables: the same respondents, the same typed values, the same results.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, openDb, type Db } from '../../pipeline/core/db.ts';
import { runPipeline, type RunSummary } from '../../pipeline/run.ts';

const FIXTURES = 'test/fixtures/formats';
const VARIANTS: Record<string, string | null> = {
  codes: null,
  'codes-b': 'demo-ordforer_radmann-2019-codes-b.csv',
  labels: 'demo-ordforer_radmann-2019-labels.csv',
  'labels-a': 'demo-ordforer_radmann-2019-labels-a.csv',
  xlsx: 'demo-ordforer_radmann-2019.xlsx',
  'labels-xlsx': 'demo-ordforer_radmann-2019-labels.xlsx',
  sav: 'demo-ordforer_radmann-2019.sav',
  'labels-sav': 'demo-ordforer_radmann-2019-labels.sav',
};

interface Built {
  summary: RunSummary;
  db: Db;
  close: () => void;
}
const built = new Map<string, Built>();
const root = mkdtempSync(join(tmpdir(), 'survey-formats-'));

/** A raw folder with the demo ordfører/rådmann wave, its responses file swapped for `file`. */
function rawWith(name: string, file: string | null): string {
  const raw = join(root, name, 'raw');
  const wave = join(raw, 'ordforer_radmann', '2019');
  mkdirSync(wave, { recursive: true });
  cpSync('raw/baselines', join(raw, 'baselines'), { recursive: true });
  for (const f of ['sample.csv', 'wave.json']) copyFileSync(join('raw/ordforer_radmann/2019', f), join(wave, f));
  if (file === null) copyFileSync('raw/ordforer_radmann/2019/responses.csv', join(wave, 'responses.csv'));
  else copyFileSync(join(FIXTURES, file), join(wave, `responses${file.slice(file.lastIndexOf('.'))}`));
  return raw;
}

beforeAll(async () => {
  for (const [name, file] of Object.entries(VARIANTS)) {
    const outDir = join(root, name, 'out');
    const summary = await runPipeline({ rawDir: rawWith(name, file), outDir });
    built.set(name, { summary, ...(await openDb(join(outDir, 'survey.duckdb'), { readOnly: true })) });
  }
}, 120_000);

afterAll(() => {
  for (const b of built.values()) b.close();
});

async function responses(db: Db): Promise<Array<Record<string, unknown>>> {
  return all(db, `SELECT * EXCLUDE (_file) FROM stg_ordforer_radmann__responses ORDER BY resp_id`);
}

describe('every format loads the demo wave to the same tables', () => {
  const codes = () => built.get('codes')!;
  for (const name of Object.keys(VARIANTS).filter((n) => n !== 'codes')) {
    it(`${name}: same rows read, loaded and quarantined as the codes CSV`, () => {
      const [a, b] = [codes().summary.manifest.files, built.get(name)!.summary.manifest.files].map((files) => files.filter((f) => f.role === 'responses').map((f) => [f.rows_read, f.rows_loaded, f.rows_quarantined]));
      expect(b).toEqual(a);
    });

    it(`${name}: identical typed responses`, async () => {
      const [a, b] = [await responses(codes().db), await responses(built.get(name)!.db)];
      expect(b.length).toBe(a.length);
      for (const [i, row] of a.entries()) expect(b[i], String(row.resp_id)).toEqual(row);
    });

    it(`${name}: identical results (every number of the report)`, async () => {
      const q = `SELECT result_id, value, n, p FROM results ORDER BY result_id`;
      expect(await all(built.get(name)!.db, q)).toEqual(await all(codes().db, q));
    });
  }

  it('the labels export is read as labels, column by column, in Windows-1252 with ;', () => {
    const f = built.get('labels')!.summary.manifest.files.find((x) => x.role === 'responses')!;
    expect(f.encoding).toBe('windows-1252');
    expect(f.delimiter).toBe(';');
    expect(f.label_columns).toContain('innflytelse_navfylke');
    expect(f.label_columns).toContain('pm_deltar_ordforer');
    expect(f.errors).toEqual({});
  });

  it('every label export is read as labels, and every codes export as codes', () => {
    for (const [name, b] of built) {
      const f = b.summary.manifest.files.find((x) => x.role === 'responses')!;
      if (name.startsWith('labels')) expect(f.label_columns, name).toEqual(expect.arrayContaining(['innflytelse_navfylke', 'pm_deltar_ordforer', 'rolle']));
      else expect(f.label_columns, name).toEqual([]);
    }
  });

  it('the .xlsx is read from its Data sheet, kommunenr that lost its leading zero padded back (W_PADDED)', () => {
    const f = built.get('xlsx')!.summary.manifest.files.find((x) => x.role === 'responses')!;
    expect(f).toMatchObject({ format: 'xlsx', sheet: 'Data', errors: {} });
    expect(f.warnings.W_PADDED).toBeGreaterThan(0);
  });

  it('the .sav keeps «Vet ikke» (9, declared user-missing) as an answer and reads its labels without complaint', () => {
    const f = built.get('sav')!.summary.manifest.files.find((x) => x.role === 'responses')!;
    expect(f).toMatchObject({ format: 'sav', errors: {} });
    expect(f.warnings.W_SAV_LABEL ?? 0).toBe(0);
    // Its variable labels are the codebook's item texts, so none is listed as worded otherwise.
    expect(f.question_texts_differing).toEqual([]);
  });
});
