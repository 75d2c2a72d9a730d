/**
 * The sample/disposition file (exports.md §3): one row per invited person. Its columns are fixed
 * by the export format, so they are declared here once: typed SQL plus the finding each can raise.
 * Personal data was already dropped at ingest.
 */
import { GRUPPER, STATUS_CODES } from '../../schemas/disposition.ts';
import { literal } from '../core/db.ts';
import { flagSql, type FixedColumn } from './fixed-columns.ts';

const statusCase = (cell: string) => {
  const arms = STATUS_CODES.map(
    (s) => `WHEN lower(${cell}) IN (${literal(String(s.code))}, ${literal(s.word)}, ${literal(s.label.toLowerCase())}) THEN ${literal(s.word)}`,
  );
  return `CASE ${arms.join(' ')} END`;
};

const DATE_FORMATS = `['%Y-%m-%d', '%d.%m.%Y']`;

export function sampleColumns(survey: string): FixedColumn[] {
  const groups = GRUPPER[survey] ?? [];
  return [
    { name: 'resp_id', sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[A-Za-z0-9_-]{1,40}') THEN ${c} END`, check: { code: 'E_ID_MISSING', expected: 'en invitasjons-id (1–40 tegn A–Z, a–z, 0–9, _ og -)', message: 'Raden mangler gyldig id.' }, requiredCell: true },
    { name: 'survey', sqlType: 'VARCHAR', typed: (c) => `CASE WHEN ${c} = ${literal(survey)} THEN ${c} END`, check: { code: 'E_CODE_INVALID', expected: survey, message: 'Feil undersøkelse i utvalgsfilen.' } },
    { name: 'wave', sqlType: 'VARCHAR', typed: (c) => c },
    { name: 'gruppe', sqlType: 'VARCHAR', typed: (c) => `CASE WHEN lower(${c}) IN (${groups.map(literal).join(', ')}) THEN lower(${c}) END`, check: { code: 'E_CODE_INVALID', expected: groups.join(' eller '), message: 'Ukjent invitert gruppe.' } },
    { name: 'kommunenr', sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[0-9]{3,4}') THEN lpad(${c}, 4, '0') END`, check: { code: 'E_KOMMUNENR_INVALID', expected: 'firesifret kommunenummer', message: 'Ugyldig kommunenummer.' } },
    { name: 'kommune', sqlType: 'VARCHAR', typed: (c) => c },
    { name: 'bydel', sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '0301[0-9]{2}') THEN ${c} END`, check: { code: 'E_CODE_INVALID', expected: 'sekssifret bydelsnummer som begynner med 0301', message: 'Ugyldig bydelsnummer.' } },
    { name: 'kontor_id', sqlType: 'VARCHAR', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[A-Za-z0-9_-]{1,40}') THEN ${c} END`, check: { code: 'E_KONTOR_UNKNOWN', expected: 'et kontor-id (1–40 tegn A–Z, a–z, 0–9, _ og -)', message: 'Ugyldig kontor-id.' } },
    { name: 'utvalg_alle_el', sqlType: 'INTEGER', typed: flagSql, check: { code: 'E_CODE_INVALID', expected: '0 eller 1', message: 'Ugyldig utvalgsflagg.' } },
    { name: 'status', sqlType: 'VARCHAR', typed: statusCase, check: { code: 'E_STATUS_INVALID', expected: 'status 1–7, kodeord (answered …) eller norsk etikett', message: 'Ukjent disposisjonsstatus.' } },
    { name: 'purringer', sqlType: 'INTEGER', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[0-9]') THEN CAST(${c} AS INTEGER) END`, check: { code: 'E_CODE_INVALID', expected: 'antall purringer 0–9', message: 'Ugyldig antall purringer.' } },
    { name: 'runde_lagt_til', sqlType: 'INTEGER', typed: (c) => `CASE WHEN regexp_full_match(${c}, '[0-9]{1,2}') THEN CAST(${c} AS INTEGER) END`, check: { code: 'E_CODE_INVALID', expected: 'et heltall (runde)', message: 'Ugyldig runde.' } },
    { name: 'erstatter_resp_id', sqlType: 'VARCHAR', typed: (c) => c },
    { name: 'dato_invitert', sqlType: 'DATE', typed: (c) => `CAST(try_strptime(${c}, ${DATE_FORMATS}) AS DATE)`, check: { code: 'E_DATETIME_INVALID', expected: 'dato som 2019-03-11 eller 11.03.2019', message: 'Ugyldig dato.' } },
    { name: 'dato_svar', sqlType: 'DATE', typed: (c) => `CAST(try_strptime(${c}, ${DATE_FORMATS}) AS DATE)`, check: { code: 'E_DATETIME_INVALID', expected: 'dato som 2019-03-11 eller 11.03.2019', message: 'Ugyldig dato.' } },
  ];
}
