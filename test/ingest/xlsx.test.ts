/**
 * The .xlsx reader on files written by real tools (test/fixtures/formats/make-xlsx.R with
 * openxlsx; make-xlsx.ts with exceljs for what openxlsx cannot write): the demo wave reads as its
 * CSV does, cells follow sheet.ts, and broken workbooks are file errors, never exceptions.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectCsv, parseInspected } from '../../pipeline/ingest/csv-file.ts';
import { loadCodebook } from '../../pipeline/ingest/discover.ts';
import type { ReadFailure, SheetRead } from '../../pipeline/ingest/sheet.ts';
import { numberText } from '../../pipeline/ingest/sheet.ts';
import { readXlsx, wallClock } from '../../pipeline/ingest/xlsx.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url));

async function read(name: string, options: { sheet?: string } = {}): Promise<SheetRead> {
  const r = await readXlsx(fixture(name), name, options);
  if ('code' in r) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

async function failure(bytes: Uint8Array, name: string, options: { sheet?: string } = {}): Promise<ReadFailure> {
  const r = await readXlsx(bytes, name, options);
  if (!('code' in r)) throw new Error(`${name} was read`);
  return r;
}

let demoRead: Promise<SheetRead> | undefined;
/** The demo workbook is the one large fixture: read once. */
const demo = () => (demoRead ??= read('demo-ordforer_radmann-2019.xlsx'));

/** The rows as `row: cells`, for one readable comparison. */
const table = (r: SheetRead) => r.rows.map((row) => [row.row, ...row.cells]);

/** A datetime in any form the pipeline accepts (schemas/kinds/datetime.ts), as ISO `YYYY-MM-DDTHH:MM:SS`. */
function isoDatetime(text: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const nb = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!iso && !nb) return text;
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : [nb![3], nb![2], nb![1]];
  const [h = '00', mi = '00', s = '00'] = (iso ?? nb)!.slice(4).map((x) => x ?? undefined);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

describe('the demo wave as a vendor .xlsx reads as its CSV', () => {
  it('same header, same rows, same cells (kommunenr lost its leading zero; datetimes in ISO form)', async () => {
    const xlsx = await demo();
    const inspected = inspectCsv(readFileSync(new URL('../../raw/ordforer_radmann/2019/responses.csv', import.meta.url)));
    if ('code' in inspected) throw new Error(inspected.message);
    const csv = parseInspected(inspected);
    if ('code' in csv) throw new Error(csv.message);

    expect(xlsx.sheet).toBe('Data');
    expect(xlsx.header).toEqual(csv.header);
    expect(xlsx.rows.map((r) => r.row)).toEqual(csv.rows.map((r) => r.row));
    expect(xlsx.emptyRowsSkipped).toBe(csv.emptyRowsSkipped);
    expect(xlsx.findings).toEqual([]);
    expect(xlsx.encoding).toBeNull();

    const datetimes = new Set(loadCodebook('ordforer_radmann/2019').variables.filter((v) => v.kind === 'datetime').map((v) => v.name));
    expect([...datetimes].sort()).toEqual(['slutt_tid', 'start_tid']);
    const xlsxColumn = new Map(xlsx.header.map((name, i) => [name, i]));
    const mismatches: string[] = [];
    let compared = 0;
    csv.rows.forEach((csvRow, i) => {
      const xlsxRow = xlsx.rows[i]!;
      csv.header.forEach((name, j) => {
        let want = (csvRow.cells[j] ?? '').trim();
        let got = (xlsxRow.cells[xlsxColumn.get(name)!] ?? '').trim();
        if (name === 'kommunenr') got = got.padStart(4, '0');
        if (datetimes.has(name) && got !== '') {
          // The reader writes the first form the pipeline accepts: %Y-%m-%dT%H:%M:%S.
          if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(got)) mismatches.push(`row ${csvRow.row} ${name}: not ISO: ${got}`);
          want = isoDatetime(want);
        }
        compared++;
        if (got !== want) mismatches.push(`row ${csvRow.row} ${name}: csv «${want}» xlsx «${got}»`);
      });
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(csv.rows.length).toBe(272);
    expect(compared).toBe(272 * csv.header.length);
  });

  it('kommunenr is a number in the file: 0101 reads as 101 (validation pads it, W_PADDED)', async () => {
    const xlsx = await demo();
    const column = xlsx.header.indexOf('kommunenr');
    expect(xlsx.rows[0]!.cells[column]).toBe('101');
    expect(xlsx.rows[0]!.cells[xlsx.header.indexOf('fylkesnr')]).toBe('01');
  });
});

describe('cells (sheet.ts)', () => {
  it('openxlsx cells: numbers stored as text stay text, TRUE/FALSE are 1/0, dates are wall-clock ISO', async () => {
    const r = await read('types.xlsx');
    expect(r.header).toEqual(['resp_id', 'kode_tekst', 'kode_tall', 'flervalg_a', 'flervalg_b', 'dato', 'start_tid', 'merknad', 'formel', 'lenke']);
    expect(table(r)).toEqual([
      // 2019-03-31T02:30 does not exist in Oslo (the clocks jump to 03:00): no zone conversion.
      [2, 'R-01', '03', '3', '1', '0', '2019-04-03T00:00:00', '2019-04-03T10:15:00', '  med blanke  ', '', 'Nettside'],
      [3, 'R-02', '3', '2.5', '0', '1', '', '2019-03-31T02:30:00', 'Bodø – «sitat»', '', ''],
      [4, 'R-03', '3.0', '-0.125', '', '', '2019-12-31T00:00:00', '', '', '', ''],
    ]);
    expect(r.emptyRowsSkipped).toBe(0);
    expect(r.valueLabels.size + r.variableLabels.size).toBe(0);
  });

  it('a formula without a cached result (openxlsx writes none) is missing, with a warning', async () => {
    const r = await read('types.xlsx');
    expect(r.findings).toEqual([
      {
        severity: 'warning',
        code: 'W_XLSX_FORMULA_NO_VALUE',
        row: 2,
        column: 'formel',
        expected: 'en lagret verdi for formelen',
        found: '=C2*2',
        message: 'Formelen har ingen lagret verdi (filen er ikke beregnet i Excel) og leses som manglende.',
      },
    ]);
  });

  it('cached formula results (0 and FALSE too), rich text, hyperlinks, escaped line breaks', async () => {
    const r = await read('exceljs-cells.xlsx');
    expect(r.header).toEqual(['resp_id', 'feil', 'formel_tall', 'formel_tekst', 'formel_logisk', 'formel_dato', 'formel_feil', 'delt_formel', 'rik_tekst', 'lenke', 'linjeskift']);
    const [first, second] = table(r);
    expect(first).toEqual([2, 'X-01', '', '-1', 'Bodø', '1', '2019-04-03T10:15:00', '', '6', 'Svært fornøyd', 'Nettside', 'linje 1\r\nlinje 2 med _x0041_']);
    expect(second).toEqual([3, 'X-02', '', '0', '', '0', '', '', '8', '', 'Rik lenke', '']);
    expect(r.rows.map((row) => row.cells[2])).toEqual(['-1', '0', '1', '2', '3', '4', '5']);
  });

  it('error cells, plain or as a formula result, are missing with W_XLSX_ERROR_CELL', async () => {
    const r = await read('exceljs-cells.xlsx');
    const errors = r.findings.filter((f) => f.code === 'W_XLSX_ERROR_CELL');
    expect(errors.map((f) => [f.row, f.column, f.found])).toEqual([
      [2, 'feil', '#N/A'],
      [2, 'formel_feil', '#DIV/0!'],
      [3, 'feil', '#NULL!'],
      [4, 'feil', '#VALUE!'],
      [5, 'feil', '#DIV/0!'],
      [6, 'feil', '#REF!'],
      [7, 'feil', '#NAME?'],
      [8, 'feil', '#NUM!'],
    ]);
    expect(errors.every((f) => f.severity === 'warning' && f.message === `Cellen har Excel-feilverdien «${f.found}» og leses som manglende.`)).toBe(true);
    expect(r.findings).toHaveLength(errors.length);
  });

  it('a workbook on the 1904 date system gives the same wall clock', async () => {
    expect(table(await read('date1904.xlsx'))).toEqual([[2, 'D-01', '2019-04-03T10:15:30']]);
  });

  it('numbers are written in decimals, never in exponent notation', () => {
    expect([3, 2.5, -0.125, -0, 1e-7, -1.5e-8, 1e21, 0.1 + 0.2].map(numberText)).toEqual(['3', '2.5', '-0.125', '0', '0.0000001', '-0.000000015', '1000000000000000000000', '0.30000000000000004']);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = numberText(x);
        return /^-?\d+(\.\d+)?$/.test(text) && Number(text) === (x === 0 ? 0 : x);
      }),
    );
  });

  it('datetimes are rounded to the second; an impossible date is shown as read', () => {
    expect(wallClock(new Date(Date.UTC(2019, 3, 3, 10, 15, 29, 999)))).toBe('2019-04-03T10:15:30');
    expect(wallClock(new Date(Date.UTC(2019, 3, 3, 10, 15, 30, 400)))).toBe('2019-04-03T10:15:30');
    expect(wallClock(new Date(Number.NaN))).toBe('Invalid Date');
  });
});

describe('rows', () => {
  it('row numbers are the sheet rows around empty rows, absent ones included; trailing empty rows are not rows', async () => {
    const r = await read('empty-rows.xlsx');
    expect(r.header).toEqual(['resp_id', 'a', 'b']);
    // Row 3 is absent from the file, 5 holds only blanks, 6 only formatting; 9–11 trail the data.
    expect(table(r)).toEqual([
      [2, 'E-02', '1', '2'],
      [4, 'E-04', '3', ''],
      [7, 'E-07', '5', '6', '', 'utenfor'],
      [8, 'E-08', '', '8'],
    ]);
    expect(r.emptyRowsSkipped).toBe(3);
    expect(r.findings).toEqual([]);
  });
});

describe('sheets (exports.md §2.5)', () => {
  it('reads «Data» after an empty first sheet', async () => {
    expect((await demo()).sheet).toBe('Data');
  });

  it('prefers Rådata to DATASET, wherever they are, and ignores case', async () => {
    const r = await read('radata.xlsx');
    expect(r.sheet).toBe('Rådata');
    expect(table(r)).toEqual([[2, 'S-01', '1'], [3, 'S-02', '2']]);
  });

  it('reads the sheet it is asked for (case-insensitive), even one that is not data', async () => {
    expect((await read('radata.xlsx', { sheet: 'dataset' })).sheet).toBe('DATASET');
    const cover = await read('radata.xlsx', { sheet: 'Forside' });
    expect(cover.header).toEqual(['Eksport fra spørreundersøkelsen, se arket Rådata.']);
    expect(cover.rows).toEqual([]);
  });

  it('falls back to the first sheet', async () => {
    expect((await read('empty-rows.xlsx')).sheet).toBe('Ark1');
  });

  it('a sheet that does not exist is a file error naming the sheets there are', async () => {
    const f = await failure(fixture('radata.xlsx'), 'radata.xlsx', { sheet: 'Svar' });
    expect(f.code).toBe('E_FILE_UNREADABLE');
    expect(f.found).toBe('«Forside», «DATASET», «Rådata»');
    expect(f.message).toBe('Arbeidsboken har ikke arket «Svar»; arkene er «Forside», «DATASET», «Rådata».');
  });

  it('a sheet without a header row is a file error', async () => {
    const f = await failure(fixture('demo-ordforer_radmann-2019.xlsx'), 'demo.xlsx', { sheet: 'Info' });
    expect(f).toMatchObject({ code: 'E_FILE_UNREADABLE', found: '(tom rad 1)' });
  });
});

describe('file errors', () => {
  it('merged cells in the header or the data are E_XLSX_MERGED, naming the ranges', async () => {
    const f = await failure(fixture('merged.xlsx'), 'merged.xlsx');
    expect(f.code).toBe('E_XLSX_MERGED');
    expect(f.found).toBe('A1:B1, B3:B4');
    expect(f.message).toContain('A1:B1, B3:B4');
  });

  it('a CSV renamed to .xlsx, a truncated workbook, an encrypted one and empty bytes are unreadable', async () => {
    const garbage = await failure(fixture('garbage.xlsx'), 'raw/x/garbage.xlsx');
    expect(garbage).toMatchObject({ code: 'E_FILE_UNREADABLE', message: '«garbage.xlsx» er ikke en Excel-arbeidsbok.' });
    expect(garbage.found).toContain('resp_id,rolle');
    const truncated = await failure(fixture('truncated.xlsx'), 'truncated.xlsx');
    expect(truncated).toMatchObject({ code: 'E_FILE_UNREADABLE', expected: 'en hel .xlsx-fil' });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await failure(ole, 'kryptert.xlsx')).message).toContain('passordbeskyttet');
    expect((await failure(new Uint8Array(), 'tom.xlsx')).code).toBe('E_FILE_UNREADABLE');
  });

  it('never throws on damaged bytes', async () => {
    const whole = fixture('radata.xlsx');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: whole.length - 1 }), fc.integer({ min: 0, max: 255 }), async (at, byte) => {
        const damaged = new Uint8Array(whole);
        damaged[at] = byte;
        for (const bytes of [damaged, whole.subarray(0, at)]) {
          const r = await readXlsx(bytes, 'damaged.xlsx', {});
          if ('code' in r ? r.code !== 'E_FILE_UNREADABLE' : !Array.isArray(r.rows)) return false;
        }
        return true;
      }),
      { numRuns: 60, seed: 1 },
    );
  });
});
