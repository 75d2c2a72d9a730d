/**
 * The SPSS reader on files written by real tools (test/fixtures/formats/make-sav.R with R haven,
 * make-sav.sps with PSPP): the demo wave as haven writes it reads exactly as its CSV, PSPP's
 * compressed, uncompressed and ZLIB files read alike, user-missing codes stay, system-missing is
 * empty, dates are ISO local time, Windows-1252 text is decoded, and broken files are file errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectCsv, parseInspected } from '../../pipeline/ingest/csv-file.ts';
import { readSav } from '../../pipeline/ingest/sav.ts';
import type { ReadFailure, SheetRead } from '../../pipeline/ingest/sheet.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url));
const repoFile = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url));

async function read(bytes: Uint8Array, file = 'f.sav'): Promise<SheetRead> {
  const r = await readSav(bytes, file);
  if ('code' in r) throw new Error(r.message);
  return r;
}

async function failure(bytes: Uint8Array, file = 'f.sav'): Promise<ReadFailure> {
  const r = await readSav(bytes, file);
  if (!('code' in r)) throw new Error(`read ${r.rows.length} rows of a file that should fail`);
  return r;
}

/** Rows as objects keyed by column name, '' for missing, cells trimmed. */
function byName(header: string[], rows: Array<{ row: number; cells: string[] }>) {
  return rows.map((r) => ({ row: r.row, cells: Object.fromEntries(header.map((h, i) => [h, (r.cells[i] ?? '').trim()])) }));
}

/** The date/time forms the datetime kind accepts (schemas/kinds/datetime.ts), as `YYYY-MM-DDTHH:MM:SS`. */
function isoDateTime(cell: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(cell);
  const nb = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(cell);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4] ?? '00'}:${iso[5] ?? '00'}:${iso[6] ?? '00'}`;
  if (nb) return `${nb[3]}-${nb[2]}-${nb[1]}T${nb[4] ?? '00'}:${nb[5] ?? '00'}:${nb[6] ?? '00'}`;
  return cell;
}

function demoCsv() {
  const inspected = inspectCsv(repoFile('raw/ordforer_radmann/2019/responses.csv'));
  if ('code' in inspected) throw new Error(inspected.message);
  const parsed = parseInspected(inspected);
  if ('code' in parsed) throw new Error(parsed.message);
  return parsed;
}

const codebook = JSON.parse(repoFile('schemas/codebooks/ordforer_radmann-2019.json').toString('utf8')) as {
  variables: Array<{ name: string; kind: string; label: string }>;
  value_sets: Array<{ id: string; dont_know?: number }>;
};
const datetimeColumns = new Set(codebook.variables.filter((v) => v.kind === 'datetime').map((v) => v.name));

describe('the demo wave as R haven writes it (ReadStat, bytecode-compressed)', () => {
  it('reads every case, with the same header and cell texts as the CSV it was made from', async () => {
    const csv = demoCsv();
    const sav = await read(fixture('demo-ordforer_radmann-2019.sav'));
    expect(sav.encoding).toBe('utf-8');
    expect(new Set(sav.header)).toEqual(new Set(csv.header));
    expect(sav.rows.length).toBe(csv.rows.length);
    expect(sav.rows.length).toBe(272);
    expect(sav.emptyRowsSkipped).toBe(csv.emptyRowsSkipped);
    const normalise = (rows: ReturnType<typeof byName>) =>
      rows.map((r) => ({ row: r.row, cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, datetimeColumns.has(k) ? isoDateTime(v) : v])) }));
    const fromSav = normalise(byName(sav.header, sav.rows));
    const fromCsv = normalise(byName(csv.header, csv.rows));
    fromCsv.forEach((expected, i) => expect(fromSav[i], `row ${expected.row}`).toEqual(expected));
  });

  it('keeps "Vet ikke" (9, declared user-missing) as 9 and writes datetimes in the form the datetime kind reads', async () => {
    const sav = await read(fixture('demo-ordforer_radmann-2019.sav'));
    const rows = byName(sav.header, sav.rows);
    expect(rows.filter((r) => r.cells.innflytelse_navfylke === '9').length).toBeGreaterThan(0);
    for (const r of rows) expect(r.cells.start_tid).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(rows[0]!.cells.start_tid).toBe('2019-04-04T16:24:53');
  });

  it('reads the value labels and variable labels of the codebook', async () => {
    const sav = await read(fixture('demo-ordforer_radmann-2019.sav'));
    expect(sav.valueLabels.get('innflytelse_navfylke')).toEqual([
      { code: 1, label: 'Svært liten innflytelse' },
      { code: 2, label: 'Nokså liten innflytelse' },
      { code: 3, label: 'Verken stor eller liten innflytelse' },
      { code: 4, label: 'Nokså stor innflytelse' },
      { code: 5, label: 'Svært stor innflytelse' },
      { code: 9, label: 'Vet ikke' },
    ]);
    expect(sav.valueLabels.get('rolle')?.map((e) => e.label)).toEqual(['Ordfører', 'Rådmann', 'Annet']);
    for (const v of codebook.variables) expect(sav.variableLabels.get(v.name), v.name).toBe(v.label);
  });

  it('gives a kommunenr stored as a number without its leading zero (validation pads it)', async () => {
    const csv = byName(demoCsv().header, demoCsv().rows.slice(0, 12));
    const sav = await read(fixture('demo-kommunenr-numeric.sav'));
    const rows = byName(sav.header, sav.rows);
    expect(rows.length).toBe(12);
    rows.forEach((r, i) => {
      expect(r.cells.kommunenr).toBe(String(Number(csv[i]!.cells.kommunenr)));
      expect(csv[i]!.cells.kommunenr).toMatch(/^0\d{3}$/);
      expect({ ...r.cells, kommunenr: '' }).toEqual({ ...Object.fromEntries(Object.entries(csv[i]!.cells).map(([k, v]) => [k, datetimeColumns.has(k) ? isoDateTime(v) : v])), kommunenr: '' });
    });
  });
});

describe('PSPP files', () => {
  const expectedCells = [
    { row: 2, cells: ['P01', '1', '9', '50', '2019-03-01T00:00:00', '2019-03-01T10:15:30', 'Blåbær på Ørland', '4', '2.5'] },
    { row: 3, cells: ['P02', '9', '3', '98', '2020-02-29T00:00:00', '2019-12-31T23:59:59', 'Fjellstøl og Ærø', '', '-0.125'] },
    { row: 4, cells: ['P03', '', '5', '99', '', '', 'Voilà', '5', '1000000'] },
    // Case 4 is missing throughout: skipped and counted; leading spaces of a string stay.
    { row: 6, cells: ['P05', '2', '', '97', '1582-10-15T00:00:00', '1582-10-15T00:00:00', '  innrykk og hale', '3', ''] },
  ];

  it('reads codes, user-missing values as codes (9, and 98 and 99 of a range), system-missing as empty, dates, long names', async () => {
    const sav = await read(fixture('pspp-compressed.sav'));
    expect(sav.header).toEqual(['id', 'q1', 'q2', 'inntekt', 'dato', 'tid', 'tekst', 'tilfredshet_samlet', 'belop']);
    expect(sav.rows).toEqual(expectedCells);
    expect(sav.emptyRowsSkipped).toBe(1);
    expect(sav.encoding).toBe('utf-8');
    expect(sav.sheet).toBeNull();
    expect(sav.findings).toEqual([]);
  });

  it('reads labels, a value label set shared by two variables included', async () => {
    const sav = await read(fixture('pspp-compressed.sav'));
    const grad = [
      { code: 1, label: 'Svært dårlig' },
      { code: 2, label: 'Nokså dårlig' },
      { code: 3, label: 'Verken eller' },
      { code: 4, label: 'Nokså godt' },
      { code: 5, label: 'Svært godt' },
      { code: 9, label: 'Vet ikke' },
    ];
    expect(sav.valueLabels).toEqual(new Map([['q1', grad], ['q2', grad], ['inntekt', [{ code: 98, label: 'Vil ikke svare' }, { code: 99, label: 'Vet ikke' }]]]));
    expect(sav.variableLabels.get('q1')).toBe('Hvor fornøyd er du med tjenesten?');
    expect(sav.variableLabels.get('tilfredshet_samlet')).toBe('Samlet tilfredshet');
    expect(sav.variableLabels.has('id')).toBe(false);
  });

  it('reads an uncompressed file (system-missing stored as -DBL_MAX) and a .zsav exactly as the compressed file', async () => {
    const compressed = await read(fixture('pspp-compressed.sav'));
    expect(await read(fixture('pspp-uncompressed.sav'))).toEqual(compressed);
    expect(await read(fixture('pspp.zsav'), 'f.zsav')).toEqual(compressed);
  });

  it('decodes a non-Unicode file with its code page (Windows-1252): data, variable and value labels', async () => {
    const sav = await read(fixture('pspp-windows-1252.sav'));
    expect(sav.encoding).toBe('windows-1252');
    expect(sav.rows).toEqual([
      { row: 2, cells: ['W01', 'Blåbær på Ørland', '1'] },
      { row: 3, cells: ['W02', 'Ærlig talt – «ja» koster 5 €', '9'] },
    ]);
    expect(sav.variableLabels.get('tekst')).toBe('Fritekst om tjenestene (æøå)');
    expect(sav.valueLabels.get('q1')).toEqual([{ code: 1, label: 'Svært dårlig' }, { code: 9, label: 'Vet ikke' }]);
  });
});

describe('file errors (never an exception, never a short read)', () => {
  it('a truncated file and garbage are E_FILE_UNREADABLE', async () => {
    const truncated = await failure(fixture('truncated.sav'), 'truncated.sav');
    expect(truncated.code).toBe('E_FILE_UNREADABLE');
    expect(truncated.message).toMatch(/^truncated\.sav kan ikke leses som SPSS-fil: .*tilfelle \d+ av 12/);
    expect((await failure(fixture('garbage.sav'))).code).toBe('E_FILE_UNREADABLE');
    expect((await failure(new Uint8Array(0))).code).toBe('E_FILE_UNREADABLE');
    expect((await failure(repoFile('raw/ordforer_radmann/2019/responses.csv'))).message).toMatch(/begynner ikke som en SPSS-fil/);
    const fakeMagic = Buffer.concat([Buffer.from('$FL2'), fixture('garbage.sav')]);
    expect((await failure(fakeMagic)).code).toBe('E_FILE_UNREADABLE');
  });

  it('a file cut anywhere is a file error', async () => {
    for (const name of ['pspp-compressed.sav', 'pspp-uncompressed.sav', 'pspp.zsav']) {
      const bytes = fixture(name);
      // Every cut in the data (the last 400 bytes), every third in the dictionary.
      for (let n = 0; n < bytes.length; n += n < bytes.length - 400 ? 3 : 1) {
        const r = await readSav(bytes.subarray(0, n), name);
        expect('code' in r && r.code, `${name} cut at ${n}`).toBe('E_FILE_UNREADABLE');
      }
    }
  });

  it('rows read must equal the case count of the file header', async () => {
    const withCount = (n: number) => {
      const copy = Buffer.from(fixture('demo-ordforer_radmann-2019.sav'));
      copy.writeInt32LE(n, 80); // ncases in the file header
      return copy;
    };
    const fewer = await failure(withCount(300), 'demo.sav');
    expect(fewer).toMatchObject({ code: 'E_FILE_UNREADABLE', expected: '300 tilfeller (antallet i filhodet)', found: '272 tilfeller' });
    expect(fewer.message).toBe('demo.sav er avkortet eller skadet: filhodet oppgir 300 tilfeller, men bare 272 ble lest.');
    const more = await failure(withCount(271), 'demo.sav');
    expect(more).toMatchObject({ code: 'E_FILE_UNREADABLE', expected: '271 tilfeller (antallet i filhodet)', found: '272 tilfeller' });
    expect(more.message).toBe('demo.sav er avkortet eller skadet: filhodet oppgir 271 tilfeller, men 272 ble lest.');
    expect((await read(withCount(272))).rows.length).toBe(272);
  });

  it('a header without a case count (-1, allowed by the format) reads every case', async () => {
    const copy = Buffer.from(fixture('demo-ordforer_radmann-2019.sav'));
    copy.writeInt32LE(-1, 80);
    expect((await read(copy)).rows.length).toBe(272);
  });

  it('without an encoding record (haven writes none) the character code of the integer info record decides', async () => {
    const withCode = (code: number) => {
      const copy = Buffer.from(fixture('demo-ordforer_radmann-2019.sav'));
      const info = copy.indexOf(Buffer.from([7, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0]));
      expect(copy.readInt32LE(info + 44)).toBe(65001);
      copy.writeInt32LE(code, info + 44);
      return copy;
    };
    expect((await read(withCode(1252))).encoding).toBe('windows-1252');
    expect(await readSav(withCode(4242), 'f.sav')).toMatchObject({ code: 'E_ENCODING', found: '4242' });
  });

  it('a .zsav whose ZLIB data cannot be unpacked says to save the file as .sav', async () => {
    const broken = Buffer.from(fixture('pspp.zsav'));
    broken.fill(0x55, broken.length - 200, broken.length - 100);
    const r = await failure(broken, 'f.zsav');
    expect(r.code).toBe('E_FILE_UNREADABLE');
    expect(r.message).toMatch(/lagre filen som \.sav/);
  });
});
