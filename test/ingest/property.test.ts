/**
 * Ingest as an attacker sees it (fast-check, seeded): random response exports — columns in any
 * order, unknown columns, cells of any text (quotes, delimiters, line breaks, e-mail addresses,
 * national id numbers, emoji), any of the three delimiters, UTF-8 with or without BOM or
 * Windows-1252 — and random bytes. Whatever comes in: no crash, every data row accounted for
 * (read = loaded + quarantined, and read = the rows written), and no e-mail address or national
 * id number anywhere under out/.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { all, ident, openDb } from '../../pipeline/core/db.ts';
import { PipelineError } from '../../pipeline/core/errors.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { filesUnder } from '../helpers/files.ts';

const BASE = 'test/fixtures/or-tiny/raw';
const RESPONSES = 'ordforer_radmann/2019/responses.csv';
const REQUIRED = ['resp_id', 'rolle', 'kommunenr'];
const COLUMNS = ['pm_fungerer', 'pm_deltar_ordforer', 'pm_deltar_radmann', 'vert_samarbeid', 'vert_foretrukket', 'tjenester_annet_tekst', 'start_tid', 'ekstra'];
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const FNR = /(?<!\d)\d{6} ?\d{5}(?!\d)/;

/** Cells a vendor, a spreadsheet or a person could write. */
const cell = fc.oneof(
  { arbitrary: fc.constantFrom('kari.nordmann@eksempel.invalid', 'fnr 01019012345', 'ring 12345678901 nå', '010190 12345'), weight: 2 },
  fc.constantFrom('', ' ', '1', '2', '3', '9', '3,0', '3.0', '#NULL!', '.', '0', '-1', '1001', 'T-001', 'T-002', 'Svært godt', '5 - Svært godt', 'Ja', 'Valgt', '2019-04-03T10:15:00', '03.04.2019 10:15', '=1+1', '"', '""', ',', ';', '\t', '\n', '\r\n', 'Æøå ÆØÅ', '😀'),
  fc.string({ maxLength: 12 }),
);

const exportFile = fc.record({
  // The required columns mostly present (else the file is refused as a whole: also tested).
  columns: fc
    .tuple(fc.shuffledSubarray(COLUMNS), fc.boolean(), fc.nat())
    .map(([rest, all, seed]) => {
      const cols = [...(all || seed % 5 ? REQUIRED : REQUIRED.slice(seed % 3)), ...rest];
      return cols.map((c, i) => ({ c, k: (seed * (i + 7)) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.c);
    }),
  rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 13 }), { maxLength: 8 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  encoding: fc.constantFrom('utf8', 'utf8-bom', 'windows-1252'),
});

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return iconv.encode(text, 'windows-1252');
}


/** Every text cell of every table in the warehouse, searched for e-mail addresses and id numbers. */
async function personalDataInWarehouse(path: string): Promise<string[]> {
  const { db, close } = await openDb(path, { readOnly: true });
  try {
    const columns = await all<{ t: string; c: string }>(db, `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE data_type = 'VARCHAR'`);
    const found: string[] = [];
    for (const { t, c } of columns) {
      const hits = await all<{ v: string }>(db, `SELECT ${ident(c)} AS v FROM ${ident(t)} WHERE regexp_matches(${ident(c)}, $email) OR regexp_matches(${ident(c)}, $fnr) LIMIT 1`, { email: EMAIL.source, fnr: String.raw`(^|[^0-9])[0-9]{6} ?[0-9]{5}([^0-9]|$)` });
      if (hits.length) found.push(`personal data in the warehouse, ${t}.${c}: ${hits[0]!.v}`);
    }
    return found;
  } finally {
    close();
  }
}

const root = mkdtempSync(join(tmpdir(), 'survey-property-'));
let runs = 0;

/** The pipeline on the tiny wave with `bytes` as its responses file; what went wrong, if anything. */
async function runWith(bytes: Uint8Array): Promise<{ problems: string[]; rowsRead: number | null }> {
  const dir = join(root, String(++runs));
  cpSync(BASE, join(dir, 'raw'), { recursive: true });
  writeFileSync(join(dir, 'raw', RESPONSES), bytes);
  const problems: string[] = [];
  let rowsRead: number | null = null;
  try {
    const summary = await runPipeline({ rawDir: join(dir, 'raw'), outDir: join(dir, 'out') });
    for (const f of summary.manifest.files) if (f.rows_read !== f.rows_loaded + f.rows_quarantined) problems.push(`${f.file}: read ${f.rows_read} ≠ ${f.rows_loaded} + ${f.rows_quarantined}`);
    rowsRead = summary.manifest.files.find((f) => f.file === RESPONSES)?.rows_read ?? null;
    for (const file of filesUnder(join(dir, 'out')).filter((f) => !f.endsWith('.duckdb')).map((f) => join(dir, 'out', f))) {
      const text = readFileSync(file, 'utf8');
      if (EMAIL.test(text)) problems.push(`e-mail address in ${file}: ${EMAIL.exec(text)![0]}`);
      if (FNR.test(text)) problems.push(`national id number in ${file}: ${FNR.exec(text)![0]}`);
    }
    problems.push(...(await personalDataInWarehouse(join(dir, 'out', 'survey.duckdb'))));
  } catch (e) {
    // An unusable input file is a clear file error (exit 1); anything else is a crash.
    if (!(e instanceof PipelineError) || !e.message.startsWith('input unusable')) problems.push(`crash: ${(e as Error).stack}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { problems, rowsRead };
}

describe('ingest under random input', () => {
  it('random exports: no crash, every row accounted for, no personal data in out/', async () => {
    await fc.assert(
      fc.asyncProperty(exportFile, async ({ columns, rows, delimiter, encoding }) => {
        const table = [columns, ...rows.map((r) => columns.map((_, i) => r[i] ?? ''))];
        const text = Papa.unparse(table, { delimiter, newline: '\r\n' }) + '\r\n';
        const { problems, rowsRead } = await runWith(encode(text, encoding));
        expect(problems).toEqual([]);
        // Rows that are not blank are all read (blank ones are skipped and counted): none lost.
        const written = rows.filter((r) => columns.some((_, i) => (r[i] ?? '').replace(/[ \t\n\r\f]/g, '') !== '')).length;
        if (rowsRead !== null) expect(rowsRead).toBe(written);
      }),
      { seed: 20261129, numRuns: 25, endOnFailure: true },
    );
  }, 240_000);

  it('random bytes: no crash, accounting holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const { problems } = await runWith(bytes);
        expect(problems).toEqual([]);
      }),
      { seed: 20261129, numRuns: 20, endOnFailure: true },
    );
  }, 120_000);
});
