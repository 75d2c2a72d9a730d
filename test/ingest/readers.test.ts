/**
 * The two CSV readers give the same raw tables: DuckDB's read_csv (the default for large files)
 * and papaparse (the reference). Checked on the demo exports, the broken fixture, and files made
 * to trip a CSV reader: CR LF, blank lines, quoted line breaks, short and long rows, rows of
 * blanks, a BOM, Windows-1252, a trailing delimiter.
 */
import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../pipeline/core/db.ts';
import { inspectCsv, parseInspected } from '../../pipeline/ingest/csv-file.ts';
import { readCsvWithDuckDb, scanRecords } from '../../pipeline/ingest/duckdb-csv.ts';
import { ingestWave, type Ingested } from '../../pipeline/ingest/index.ts';
import { checkEmails } from '../../pipeline/ingest/pii.ts';
import { appendRows, createRawTable } from '../../pipeline/ingest/raw-table.ts';

const dbs: Array<() => void> = [];
afterAll(() => dbs.forEach((close) => close()));

async function fresh(): Promise<Db> {
  const { db, close } = await openDb(':memory:');
  dbs.push(close);
  return db;
}

async function tableRows(db: Db, table: string): Promise<unknown[][]> {
  return (await db.runAndReadAll(`SELECT * FROM "${table}" ORDER BY _row`)).getRowsJS() as unknown[][];
}

/** Both readers on one file's bytes: the raw table and the counts of each. */
async function bothReaders(bytes: Uint8Array, epost: boolean = false) {
  const dir = mkdtempSync(join(tmpdir(), 'survey-readers-'));
  const path = join(dir, 'f.csv');
  writeFileSync(path, bytes);
  const inspected = inspectCsv(bytes);
  if ('code' in inspected) throw new Error(inspected.message);
  const width = inspected.header.length;
  const names = inspected.header.map((_, i) => `k${i}`);
  const epostColumn = epost ? width - 1 : null;
  const kept = names.map((name, source) => ({ name, source })).filter((k) => k.source !== epostColumn);
  const parsed = parseInspected(inspected);
  if ('code' in parsed) throw new Error(parsed.message);
  const slowDb = await fresh();
  await createRawTable(slowDb, 't', kept.map((k) => k.name));
  await appendRows(slowDb, 't', parsed.rows, kept.map((k) => k.source));
  const fastDb = await fresh();
  const fast = await readCsvWithDuckDb(fastDb, inspected, path, 't', kept, epostColumn);
  return {
    fast,
    slow: { rowsRead: parsed.rows.length, emptyRowsSkipped: parsed.emptyRowsSkipped, piiChecks: epostColumn === null ? null : checkEmails(parsed.rows.map((r) => r.cells[epostColumn])) },
    fastRows: fast ? await tableRows(fastDb, 't') : null,
    slowRows: await tableRows(slowDb, 't'),
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('the DuckDB reader equals the papaparse reader', () => {
  const cases: Array<[string, Uint8Array]> = [
    ['CR LF, blank lines, a row of separators only, a row of blanks', utf8('a;b;c\r\n1;2;3\r\n\r\n;;\r\n  ; \t;\r\n4;5;6\r\n\r\n\r\n7;8;9\r\n')],
    ['quoted delimiters, quotes and line breaks', utf8('a,b,c\n1,"x, y","say ""hi"""\n2,"multi\nline\n\nwith a blank line",z\n')],
    ['short and long rows, a trailing delimiter', utf8('a,b,c\n1,2\n1,2,3,4\n1,2,3,\n1\n')],
    ['a BOM and no final line break', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b\nx,ø\ny,å')])],
    ['Windows-1252', iconv.encode('a;merknad\r\n1;«Bodø» – 5 € „ok“\r\n\r\n2;Tromsø\r\n', 'win1252')],
    ['missing-value tokens and whitespace around cells', utf8('a,b,c\n#NULL!, . ,\n  3 , 4,5\n')],
  ];
  for (const [name, bytes] of cases) {
    it(name, async () => {
      const r = await bothReaders(bytes);
      expect(r.fast, 'the DuckDB reader read the file').not.toBeNull();
      expect(r.fast).toEqual(r.slow);
      expect(r.fastRows).toEqual(r.slowRows);
    });
  }

  it('checks e-mail addresses alike, and neither keeps them', async () => {
    const r = await bothReaders(utf8('id,epost\n1,A@x.invalid\n2, a@x.invalid \n3,\n4,not-an-address\n5,b@y.invalid\n,\n'), true);
    expect(r.fast).toEqual(r.slow);
    expect(r.fast!.piiChecks).toEqual({ epost_empty: 1, epost_malformed: 1, epost_duplicate: 1 });
    expect(JSON.stringify(r.fastRows)).not.toMatch(/@/);
  });

  it('leaves a row with far more cells than the header, and a blank first line, to papaparse', async () => {
    expect((await bothReaders(utf8(`a,b\n1,2\n${Array.from({ length: 40 }, (_, i) => i).join(',')}\n`))).fast).toBeNull();
    expect((await bothReaders(utf8('\na,b\n1,2\n'))).fast).toBeNull();
  });

  it('scans record boundaries as RFC 4180 draws them', () => {
    expect(scanRecords(utf8('a,b\r\n\r\n1,"x\r\n\r\ny"\n\n2,3'))).toEqual({ records: 3, blanksAfter: [1, 2] });
  });
});

describe('whole waves read both ways', () => {
  const strip = (i: Ingested) => ({ ...i, waves: i.waves.map((w) => ({ ...w, files: w.files.map(({ table: _t, ...f }) => f) })), baselines: i.baselines && { ...i.baselines, table: '' }, crosswalks: i.crosswalks.map((c) => ({ ...c, table: '' })) });
  for (const rawDir of ['raw', 'test/fixtures/or-tiny/raw', 'test/fixtures/or-no-kommunenr/raw']) {
    it(rawDir, async () => {
      const fastDb = await fresh();
      const slowDb = await fresh();
      const fast = await ingestWave({ rawDir, reader: 'duckdb', duckdbMinBytes: 0 }, { db: fastDb });
      const slow = await ingestWave({ rawDir, reader: 'papaparse' }, { db: slowDb });
      expect(strip(fast)).toEqual(strip(slow));
      const files = (i: Ingested) => [...i.waves.flatMap((w) => w.files), ...(i.baselines ? [i.baselines] : []), ...i.crosswalks];
      for (const [a, b] of files(fast).map((f, k) => [f, files(slow)[k]!] as const)) {
        if (a.failed) continue;
        expect(await tableRows(fastDb, a.table), a.file).toEqual(await tableRows(slowDb, b.table));
      }
    });
  }
});
