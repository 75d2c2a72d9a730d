/**
 * Crosswalks between waves (`raw/crosswalks/kommuner-<from>-<to>.csv`, `kontor-<from>-<to>.csv`):
 * which kommune or office of an earlier wave became which of a later one (mergers, renumbering).
 * Data, never guessed: each row names its source. Columns are fixed; every row is validated and
 * accounted for like any other input.
 */
import type { Db } from '../core/db.ts';
import type { IngestedFile } from '../ingest/index.ts';
import type { FixedColumn } from './fixed-columns.ts';
import { validateFixedFile } from './fixed-file.ts';

export type CrosswalkKind = 'kommuner' | 'kontor';

const year = (name: string): FixedColumn => ({ name, sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[0-9]{4}[a-z]?') THEN ${c} END`, check: { code: 'E_CODE_INVALID', expected: 'en bølge eller et år (fire sifre)', message: `Ugyldig ${name}.` }, requiredCell: true });
const kommunenr = (name: string): FixedColumn => ({ name, sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[0-9]{3,4}') THEN lpad(${c}, 4, '0') END`, check: { code: 'E_KOMMUNENR_INVALID', expected: 'firesifret kommunenummer', message: `Ugyldig ${name}.` }, requiredCell: true });
const kontorId = (name: string): FixedColumn => ({ name, sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[A-Za-z0-9_-]{1,40}') THEN ${c} END`, check: { code: 'E_KONTOR_UNKNOWN', expected: 'et kontor-id', message: `Ugyldig ${name}.` }, requiredCell: true });
const source: FixedColumn = { name: 'source', sqlType: 'VARCHAR', typed: (c) => c, check: { code: 'E_CODE_INVALID', expected: 'kilden til koblingen (f.eks. SSB KLASS 131)', message: 'Koblingen mangler kilde; en kobling gjettes aldri.' }, requiredCell: true };

export const CROSSWALK_COLUMNS: Record<CrosswalkKind, FixedColumn[]> = {
  kommuner: [year('from_year'), kommunenr('from_kommunenr'), year('to_year'), kommunenr('to_kommunenr'), source],
  kontor: [year('from_wave'), kontorId('from_kontor_id'), year('to_wave'), kontorId('to_kontor_id'), source],
};

export function crosswalkKind(file: string): CrosswalkKind | null {
  const name = file.split('/').at(-1) ?? '';
  return name.startsWith('kommuner-') ? 'kommuner' : name.startsWith('kontor-') ? 'kontor' : null;
}

export interface ValidatedCrosswalk {
  kind: CrosswalkKind;
  file: IngestedFile;
  /** Temp table of clean rows, or null when the file failed. */
  table: string | null;
}

export async function validateCrosswalk(db: Db, f: IngestedFile, index: number): Promise<ValidatedCrosswalk | null> {
  const kind = crosswalkKind(f.file);
  if (!kind) return null;
  const columns = CROSSWALK_COLUMNS[kind];
  const table = await validateFixedFile(db, f, { what: 'Koblingstabellen', columns, required: columns.map((c) => c.name), idColumn: columns[1]!.name }, `crosswalk_clean_${index}`);
  return { kind, file: f, table };
}
