/**
 * The validation contract of exports.md §5, code by code: for every error and warning code a
 * fixture (a small wave with one thing broken) and the finding it must raise, named by file, row
 * and column as the code's level requires. Every run also keeps rows read = loaded + quarantined.
 * The fixtures are the tiny ordfører/rådmann wave (test/fixtures/or-tiny) or the demo office wave,
 * each with one edit, written to a temporary folder.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, openDb, type Db } from '../../pipeline/core/db.ts';
import { formatIssue, type Issue } from '../../pipeline/core/issues.ts';
import { ingestWave } from '../../pipeline/ingest/index.ts';
import { loadWave } from '../../pipeline/load/index.ts';
import { validateWave } from '../../pipeline/validate/index.ts';

/** The codes of exports.md §5 with the level each is reported at. */
const CONTRACT: Record<string, 'file' | 'row' | 'cell'> = {
  E_FILE_UNREADABLE: 'file', E_ENCODING: 'file', E_DELIMITER_AMBIGUOUS: 'file', E_HEADER_DUPLICATE: 'file', E_HEADER_MISSING_REQUIRED: 'file', E_XLSX_MERGED: 'file',
  E_ID_MISSING: 'row', E_ID_DUPLICATE: 'row', E_CODE_INVALID: 'cell', E_MULTI_VALUE: 'cell', E_LABEL_UNKNOWN: 'cell', E_LABEL_CODE_MISMATCH: 'cell',
  E_KOMMUNENR_INVALID: 'cell', E_KONTOR_UNKNOWN: 'cell', E_DATETIME_INVALID: 'cell', E_FLAG_CONFLICT: 'cell', E_STATUS_INVALID: 'cell',
  W_COLUMN_ABSENT: 'file', W_UNKNOWN_COLUMN: 'file', W_ROUTING: 'cell', W_MULTI_EXCLUSIVE: 'cell', W_PADDED: 'cell', W_FYLKE_MISMATCH: 'cell',
  W_ENCODING_MIXED: 'file', W_SAV_LABEL: 'file', W_PII_REDACTED: 'cell', W_NOT_IN_SAMPLE: 'row', W_DISPOSITION_NO_RESPONSE: 'row', W_ROLE_MISMATCH: 'row',
};

type Table = string[][];
const OR = 'ordforer_radmann/2019';
const KONTOR = 'kontor/2019';

interface Case {
  code: string;
  /** Tells cases of the same code apart. */
  variant?: string;
  base: 'or' | 'kontor';
  /** The file the finding names (relative to raw/). */
  file: string;
  edit: (raw: string) => void;
  /** For cell findings: the column named. */
  column?: string;
}

const readTable = (path: string): Table => Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const writeTable = (path: string, t: Table) => writeFileSync(path, `${Papa.unparse(t)}\n`);
/** Edits one CSV of the wave as a table: header row 0, data from row 1. */
function editCsv(raw: string, file: string, f: (t: Table, col: (name: string) => number) => void): void {
  const path = join(raw, file);
  const t = readTable(path);
  f(t, (name) => {
    const i = t[0]!.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  });
  writeTable(path, t);
}
const setCell = (raw: string, file: string, row: number, column: string, value: string) => editCsv(raw, file, (t, col) => void (t[row]![col(column)] = value));
const addColumn = (raw: string, file: string, name: string, value: (row: number) => string) => editCsv(raw, file, (t) => t.forEach((r, i) => r.push(i === 0 ? name : value(i))));
const ORR = `${OR}/responses.csv`;
const FORMATS = 'test/fixtures/formats';
const ORS = `${OR}/sample.csv`;
const KE = `${KONTOR}/responses-enhetsledere.csv`;

const CASES: Case[] = [
  { code: 'E_FILE_UNREADABLE', base: 'or', file: `${OR}/responses-del2.csv`, edit: (raw) => mkdirSync(join(raw, OR, 'responses-del2.csv')) },
  { code: 'E_FILE_UNREADABLE', variant: 'xlsx', base: 'or', file: `${OR}/responses-del2.xlsx`, edit: (raw) => copyFileSync(`${FORMATS}/garbage.xlsx`, join(raw, OR, 'responses-del2.xlsx')) },
  { code: 'E_FILE_UNREADABLE', variant: 'sav', base: 'or', file: `${OR}/responses-del2.sav`, edit: (raw) => writeFileSync(join(raw, OR, 'responses-del2.sav'), readFileSync(`${FORMATS}/label-mismatch.sav`).subarray(0, 700)) },
  { code: 'E_XLSX_MERGED', base: 'or', file: `${OR}/responses-del2.xlsx`, edit: (raw) => copyFileSync(`${FORMATS}/merged.xlsx`, join(raw, OR, 'responses-del2.xlsx')) },
  {
    code: 'W_SAV_LABEL',
    base: 'or',
    file: `${OR}/responses.sav`,
    column: 'pm_fungerer',
    edit: (raw) => {
      rmSync(join(raw, ORR));
      copyFileSync(`${FORMATS}/label-mismatch.sav`, join(raw, OR, 'responses.sav'));
    },
  },
  { code: 'E_ENCODING', base: 'or', file: ORR, edit: (raw) => setCell(raw, ORR, 2, 'tjenester_annet_tekst', 'BarnevernstjenestÃ¸n') },
  { code: 'E_DELIMITER_AMBIGUOUS', base: 'or', file: `${OR}/responses-del2.csv`, edit: (raw) => writeFileSync(join(raw, OR, 'responses-del2.csv'), 'resp_id,rolle;kommunenr\nT-900,1;1001\n') },
  { code: 'E_HEADER_DUPLICATE', base: 'or', file: ORR, edit: (raw) => editCsv(raw, ORR, (t) => void (t[0]![2] = 'Rolle')) },
  { code: 'E_HEADER_MISSING_REQUIRED', base: 'or', file: ORR, edit: (raw) => editCsv(raw, ORR, (t) => void (t[0]![1] = 'rolle_x')) },
  { code: 'E_ID_MISSING', base: 'or', file: ORR, edit: (raw) => setCell(raw, ORR, 3, 'resp_id', '') },
  { code: 'E_ID_DUPLICATE', base: 'or', file: ORR, edit: (raw) => editCsv(raw, ORR, (t, col) => void t.push(t[1]!.map((c, i) => (i === col('pm_fungerer') ? '1' : c)))) },
  { code: 'E_CODE_INVALID', base: 'or', file: ORR, column: 'pm_fungerer', edit: (raw) => setCell(raw, ORR, 1, 'pm_fungerer', '7') },
  { code: 'E_MULTI_VALUE', base: 'or', file: ORR, column: 'pm_deltar_ordforer', edit: (raw) => setCell(raw, ORR, 1, 'pm_deltar_ordforer', '2') },
  { code: 'E_LABEL_UNKNOWN', base: 'or', file: ORR, column: 'pm_fungerer', edit: (raw) => setCell(raw, ORR, 1, 'pm_fungerer', 'Ganske bra') },
  { code: 'E_LABEL_CODE_MISMATCH', base: 'or', file: ORR, column: 'pm_fungerer', edit: (raw) => setCell(raw, ORR, 1, 'pm_fungerer', '2 - Svært godt') },
  { code: 'E_KOMMUNENR_INVALID', base: 'or', file: ORR, column: 'kommunenr', edit: (raw) => setCell(raw, ORR, 1, 'kommunenr', '9999') },
  { code: 'E_KONTOR_UNKNOWN', base: 'kontor', file: KE, column: 'kontor_id', edit: (raw) => setCell(raw, KE, 1, 'kontor_id', '9998') },
  { code: 'E_DATETIME_INVALID', base: 'or', file: ORR, column: 'start_tid', edit: (raw) => addColumn(raw, ORR, 'start_tid', (i) => (i === 1 ? 'i går kveld' : '2019-04-03T10:15:00')) },
  { code: 'E_FLAG_CONFLICT', base: 'kontor', file: KE, column: 'utvalg_alle_el', edit: (raw) => editCsv(raw, KE, (t, col) => void (t[1]![col('utvalg_alle_el')] = t[1]![col('utvalg_alle_el')] === '1' ? '0' : '1')) },
  { code: 'E_STATUS_INVALID', base: 'or', file: ORS, column: 'status', edit: (raw) => setCell(raw, ORS, 1, 'status', 'kanskje') },
  { code: 'W_COLUMN_ABSENT', base: 'or', file: ORR, column: 'innflytelse_navfylke', edit: () => {} },
  { code: 'W_UNKNOWN_COLUMN', base: 'or', file: ORR, column: 'ekstra_kolonne', edit: (raw) => addColumn(raw, ORR, 'ekstra_kolonne', () => 'x') },
  { code: 'W_ROUTING', base: 'or', file: ORR, column: 'vert_foretrukket', edit: (raw) => editCsv(raw, ORR, (t, col) => void ((t[1]![col('vert_samarbeid')] = '3'), (t[1]![col('vert_foretrukket')] = '1'))) },
  { code: 'W_MULTI_EXCLUSIVE', base: 'or', file: ORR, column: 'pm_deltar_vet_ikke', edit: (raw) => editCsv(raw, ORR, (t, col) => void ((t[1]![col('pm_deltar_ordforer')] = '1'), (t[1]![col('pm_deltar_vet_ikke')] = '1'))) },
  { code: 'W_PADDED', base: 'kontor', file: KE, column: 'kontor_id', edit: (raw) => editCsv(raw, KE, (t, col) => void (t[1]![col('kontor_id')] = String(Number(t[1]![col('kontor_id')])))) },
  { code: 'W_FYLKE_MISMATCH', base: 'or', file: ORR, column: 'fylkesnr', edit: (raw) => addColumn(raw, ORR, 'fylkesnr', (i) => (i === 1 ? '03' : '')) },
  {
    code: 'W_ENCODING_MIXED',
    base: 'or',
    file: ORR,
    edit: (raw) => {
      const path = join(raw, ORR);
      const text = readFileSync(path, 'utf8').replace('Flyktningtjenesten', 'Flyktningtjenesten på Ås');
      writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'windows-1252')]));
    },
  },
  { code: 'W_PII_REDACTED', base: 'or', file: ORR, column: 'tjenester_annet_tekst', edit: (raw) => setCell(raw, ORR, 2, 'tjenester_annet_tekst', 'Spør kari@eksempel.invalid') },
  { code: 'W_NOT_IN_SAMPLE', base: 'or', file: ORR, column: 'resp_id', edit: (raw) => setCell(raw, ORR, 1, 'resp_id', 'T-999') },
  { code: 'W_DISPOSITION_NO_RESPONSE', base: 'or', file: ORS, column: 'status', edit: (raw) => editCsv(raw, ORR, (t) => void t.splice(1, 1)) },
  { code: 'W_ROLE_MISMATCH', base: 'or', file: ORR, column: 'rolle', edit: (raw) => setCell(raw, ORR, 1, 'rolle', '2') },
];

const root = mkdtempSync(join(tmpdir(), 'survey-codes-'));
const keyOf = (c: Case) => `${c.code}${c.variant ? `-${c.variant}` : ''}`;
const results = new Map<string, { issues: Issue[]; accounting: Array<{ file: string; read: number; loaded: number; quarantined: number }> }>();

/** A copy of the base wave with the case's edit. */
function fixture(c: Case): string {
  const raw = join(root, keyOf(c), 'raw');
  if (c.base === 'or') cpSync('test/fixtures/or-tiny/raw', raw, { recursive: true });
  else {
    mkdirSync(join(raw, KONTOR), { recursive: true });
    for (const f of ['offices.csv', 'sample.csv', 'wave.json', 'responses-enhetsledere.csv']) copyFileSync(join('raw', KONTOR, f), join(raw, KONTOR, f));
  }
  c.edit(raw);
  return raw;
}

/** Ingest, validate and load as the pipeline does; every finding and the row accounting. */
async function check(rawDir: string, dir: string): Promise<{ issues: Issue[]; accounting: Array<{ file: string; read: number; loaded: number; quarantined: number }> }> {
  const { db, close } = await openDb(':memory:');
  try {
    const ingested = await ingestWave({ rawDir }, { db });
    const validated = await validateWave(ingested, { db });
    const loaded = await loadWave(validated, { db, warehousePath: join(dir, 'survey.duckdb') });
    const issues = (await all<Record<string, unknown>>(db, `SELECT * FROM issues`)).map((r) => ({
      severity: r.severity as Issue['severity'], code: String(r.code), file: String(r.file), row: (r.row as number | null) ?? null, column: (r.column_name as string | null) ?? null,
      expected: String(r.expected), found: String(r.found), message: String(r.message),
    }));
    return { issues, accounting: loaded.audit.map((a) => ({ file: a.file, read: a.rows_read, loaded: a.rows_loaded, quarantined: a.rows_quarantined })) };
  } finally {
    close();
  }
}

let db: Db | undefined;
beforeAll(async () => {
  await Promise.all(
    CASES.map(async (c) => {
      const raw = fixture(c);
      results.set(keyOf(c), await check(raw, join(root, keyOf(c))));
    }),
  );
}, 120_000);
afterAll(() => db && undefined);

describe('every code of the validation contract', () => {
  it('has a case here (the list is exports.md §5)', () => {
    const spec = '../shared/spec/exports.md';
    if (existsSync(spec)) {
      const section = readFileSync(spec, 'utf8').split('## 5. Validation contract')[1]!.split('## 6.')[0]!;
      const named = new Set([...section.matchAll(/`([EW]_[A-Z_]+)`/g)].map((m) => m[1]!));
      expect([...named].sort()).toEqual(Object.keys(CONTRACT).sort());
    }
    const covered = new Set(CASES.map((c) => c.code));
    expect(Object.keys(CONTRACT).filter((c) => !covered.has(c))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${keyOf(c)}: raised on ${c.file}${c.column ? `, column ${c.column}` : ''}, with row and column as its level requires`, () => {
      const { issues, accounting } = results.get(keyOf(c))!;
      const mine = issues.filter((i) => i.code === c.code);
      expect(mine.length, `${c.code} not raised; got ${[...new Set(issues.map((i) => i.code))].join(', ')}`).toBeGreaterThan(0);
      const hit = mine.find((i) => i.file === c.file && (c.column === undefined || i.column === c.column));
      expect(hit, JSON.stringify(mine.slice(0, 3))).toBeDefined();
      const level = CONTRACT[c.code];
      if (level !== 'file') expect(hit!.row, c.code).toBeGreaterThan(1);
      if (level === 'cell' || c.column) expect(hit!.column, c.code).toBe(c.column);
      const line = formatIssue(hit!);
      expect(line).toContain(c.file);
      if (hit!.row !== null) expect(line).toContain(`rad ${hit!.row}`);
      if (hit!.column !== null) expect(line).toContain(`kolonne ${hit!.column}`);
      expect(hit!.expected.length).toBeGreaterThan(0);
      expect(hit!.message).toMatch(/\.$/);
      for (const a of accounting) expect(a.read, a.file).toBe(a.loaded + a.quarantined);
    });
  }
});
