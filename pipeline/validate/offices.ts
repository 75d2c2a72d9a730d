/**
 * The office frame of the office survey (`offices.csv`, exports.md §3.4): one row per Nav office
 * the samples were drawn from, with its sample memberships. Its columns are fixed by the format.
 */
import { flagSql, type FixedColumn } from './fixed-columns.ts';

export const OFFICE_REQUIRED = ['kontor_id', 'kommunenr', 'utvalg_tilfeldig', 'utvalg_oppfolging', 'utvalg_case', 'el_invitert'] as const;

/** The sample memberships an office carries and response rows get by joining `kontor_id`. */
export const OFFICE_FLAGS = ['utvalg_tilfeldig', 'utvalg_oppfolging', 'utvalg_case'] as const;

const flag = (name: string): FixedColumn => ({ name, sqlType: 'INTEGER', typed: flagSql, check: { code: 'E_CODE_INVALID', expected: '0 eller 1', message: `Ugyldig verdi i ${name}.` } });

export const OFFICE_COLUMNS: FixedColumn[] = [
  { name: 'kontor_id', sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[A-Za-z0-9_-]{1,40}') THEN ${c} END`, check: { code: 'E_ID_MISSING', expected: 'et kontor-id (1–40 tegn A–Z, a–z, 0–9, _ og -)', message: 'Raden mangler gyldig kontor-id.' }, requiredCell: true },
  { name: 'kontor_navn', sqlType: 'VARCHAR', typed: (c) => c },
  { name: 'kommunenr', sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[0-9]{3,4}') THEN lpad(${c}, 4, '0') END`, check: { code: 'E_KOMMUNENR_INVALID', expected: 'firesifret kommunenummer', message: 'Ugyldig kommunenummer for vertskommunen.' }, requiredCell: true },
  {
    name: 'kommuner_dekket',
    sqlType: 'VARCHAR',
    typed: (c) => `CASE WHEN regexp_full_match(${c}, '[0-9]{4}(;[0-9]{4})*') THEN ${c} END`,
    check: { code: 'E_KOMMUNENR_INVALID', expected: 'firesifrede kommunenumre skilt med ;', message: 'Ugyldig liste over kommuner kontoret dekker.' },
  },
  { name: 'fylkesnr', sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[0-9]{1,2}') THEN lpad(${c}, 2, '0') END`, check: { code: 'E_CODE_INVALID', expected: 'tosifret fylkesnummer', message: 'Ugyldig fylkesnummer.' } },
  flag('utvalg_tilfeldig'),
  flag('utvalg_oppfolging'),
  flag('utvalg_case'),
  flag('el_invitert'),
  flag('deltar'),
];
