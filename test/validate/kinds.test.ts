/** The kinds' SQL, run on a real in-memory DuckDB: each cell rule of exports.md §2.3. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../pipeline/ingest/discover.ts';
import { all, openDb, type Db } from '../../pipeline/core/db.ts';
import { createNormalisedTable } from '../../pipeline/validate/normalise.ts';
import { checkTableContext, checkTableSelect, kindContext, rowCheckParts, typedFromCheckTable } from '../../pipeline/validate/row-checks.ts';

const codebook = loadCodebook('ordforer_radmann/2019');
let db: Db;
let close: () => void;

async function check(columns: string[], rows: Array<Array<string | null>>) {
  await db.run(`CREATE OR REPLACE TABLE raw_t (_row INTEGER, _fields INTEGER, ${columns.map((c) => `"${c}" VARCHAR`).join(', ')})`);
  for (const [i, r] of rows.entries()) await db.run(`INSERT INTO raw_t VALUES (${i + 2}, ${columns.length}, ${r.map((_, j) => `$${j + 1}`).join(', ')})`, r as never);
  await createNormalisedTable(db, 'raw_t', 'norm_t', columns);
  // As validate does it: typed values beside the cells in a check table, the checks over that.
  const present = new Set(columns);
  await db.run(`CREATE OR REPLACE TABLE check_t AS SELECT ${checkTableSelect(codebook, kindContext(codebook, present, null), present)} FROM norm_t`);
  const typed = await all<Record<string, unknown>>(db, `SELECT _row, ${typedFromCheckTable(codebook)} FROM check_t ORDER BY _row`);
  const findings = rowCheckParts(codebook, checkTableContext(codebook, present, null, null), present, 'check_t').map((p) => p.sql).join(' UNION ALL ');
  const issues = await all<{ _row: number; column_name: string; code: string; found: string }>(db, `SELECT _row, column_name, code, found FROM (${findings}) ORDER BY _row, column_name, code`);
  return { typed, issues };
}

beforeAll(async () => ({ db, close } = await openDb()));
afterAll(() => close());

describe('likert', () => {
  it('accepts 3, 3.0, 3,0, " 3 " and 9; empty, #NULL! and . are missing; anything else is E_CODE_INVALID', async () => {
    const { typed, issues } = await check(['resp_id', 'pm_fungerer'], [['a', '3'], ['b', '3.0'], ['c', '3,0'], ['d', ' 3 '], ['e', '9'], ['f', ''], ['g', '#NULL!'], ['h', '.'], ['i', '6'], ['j', 'bra'], ['k', '2.5']]);
    expect(typed.map((r) => r.pm_fungerer)).toEqual([3, 3, 3, 3, 9, null, null, null, null, null, null]);
    expect(issues.filter((i) => i.code === 'E_CODE_INVALID').map((i) => i._row)).toEqual([10, 11, 12]);
  });
});

describe('multi-select', () => {
  it('an empty option is 0 when another option of the question is written, missing when all are empty', async () => {
    const cols = ['resp_id', 'pm_deltar_ordforer', 'pm_deltar_radmann', 'pm_deltar_vet_ikke'];
    const { typed, issues } = await check(cols, [['a', '1', '', ''], ['b', '', '', ''], ['c', '2', '1', ''], ['d', '1', '', '1']]);
    expect(typed.map((r) => [r.pm_deltar_ordforer, r.pm_deltar_radmann, r.pm_deltar_vet_ikke])).toEqual([[1, 0, 0], [null, null, null], [null, 1, 0], [1, 0, 1]]);
    expect(issues.map((i) => `${i._row}:${i.code}`)).toEqual(['4:E_MULTI_VALUE', '5:W_MULTI_EXCLUSIVE']);
  });
});

describe('routing', () => {
  it('an answer where the question was not asked is kept and flagged W_ROUTING', async () => {
    const { typed, issues } = await check(['resp_id', 'vert_samarbeid', 'vert_foretrukket'], [['a', '1', '1'], ['b', '3', '2'], ['c', '', '1']]);
    expect(typed.map((r) => r.vert_foretrukket)).toEqual([1, 2, 1]);
    expect(issues.map((i) => `${i._row}:${i.code}`)).toEqual(['3:W_ROUTING', '4:W_ROUTING']);
  });
});

describe('ids and places', () => {
  it('pads a 3-digit kommunenr, rejects bad ones, derives fylkesnr and flags a mismatch', async () => {
    const { typed, issues } = await check(['resp_id', 'kommunenr', 'fylkesnr'], [['a', '301', '3'], ['b', '1201', '11'], ['c', '12a1', '']]);
    expect(typed.map((r) => [r.kommunenr, r.fylkesnr])).toEqual([['0301', '03'], ['1201', '12'], [null, null]]);
    expect(issues.map((i) => `${i._row}:${i.code}`)).toEqual(['2:W_PADDED', '3:W_FYLKE_MISMATCH', '4:E_KOMMUNENR_INVALID']);
  });
  it('formats numeric ids without decimals and refuses malformed ones', async () => {
    const { typed, issues } = await check(['resp_id'], [['123.0'], ['ok_id-1'], ['har mellomrom'], ['']]);
    expect(typed.map((r) => r.resp_id)).toEqual(['123', 'ok_id-1', null, null]);
    expect(issues.map((i) => `${i._row}:${i.code}`)).toEqual(['4:E_CODE_INVALID', '5:E_ID_MISSING']);
  });
  it('parses ISO and Norwegian date-times, and refuses others', async () => {
    const { typed, issues } = await check(['resp_id', 'start_tid'], [['a', '2019-04-03T10:15:00'], ['b', '03.04.2019 10:15'], ['c', '2019-13-45 99:00']]);
    // Stored as a naive local (Europe/Oslo) timestamp; DuckDB hands it to JS as that wall time in UTC.
    expect(typed.map((r) => (r.start_tid instanceof Date ? r.start_tid.toISOString() : r.start_tid))).toEqual(['2019-04-03T10:15:00.000Z', '2019-04-03T10:15:00.000Z', null]);
    expect(issues.map((i) => `${i._row}:${i.code}`)).toEqual(['4:E_DATETIME_INVALID']);
  });
});

describe('free text', () => {
  it('replaces e-mail addresses and national id numbers, and never shows them as "found"', async () => {
    const { typed, issues } = await check(['resp_id', 'rolle', 'rolle_annet_tekst'], [['a', '3', 'Kommunalsjef, per@kommune.invalid'], ['b', '3', 'fnr 010190 12345'], ['c', '3', 'Varaordfører']]);
    expect(typed.map((r) => r.rolle_annet_tekst)).toEqual(['Kommunalsjef, [fjernet]', 'fnr [fjernet]', 'Varaordfører']);
    expect(issues.map((i) => `${i._row}:${i.code}`)).toEqual(['2:W_PII_REDACTED', '3:W_PII_REDACTED']);
    expect(issues.every((f) => f.found === '[fjernet]')).toBe(true);
  });
});
