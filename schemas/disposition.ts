/** Sample/disposition files (exports.md §3): columns, status codes and which columns are personal data. */
import { z } from 'zod';

/** Read only to validate (empty, malformed, duplicate addresses) and dropped before anything is written. */
export const SAMPLE_PII_COLUMNS = ['navn', 'epost', 'merknad'] as const;

export const SAMPLE_REQUIRED = ['resp_id', 'survey', 'wave', 'gruppe', 'kommunenr', 'epost', 'status', 'purringer'] as const;

export const DispositionStatus = z.enum(['invited', 'bounced', 'absent', 'partial', 'answered', 'refused', 'removed']);
export type DispositionStatus = z.infer<typeof DispositionStatus>;

/** Code, English word and Norwegian label of each status (§3.2); any of the three is accepted. */
export const STATUS_CODES: ReadonlyArray<{ code: number; word: DispositionStatus; label: string }> = [
  { code: 1, word: 'invited', label: 'Invitert, ikke svart' },
  { code: 2, word: 'bounced', label: 'Avvist e-post' },
  { code: 3, word: 'absent', label: 'Fravær' },
  { code: 4, word: 'partial', label: 'Delvis besvart' },
  { code: 5, word: 'answered', label: 'Besvart' },
  { code: 6, word: 'refused', label: 'Reservert' },
  { code: 7, word: 'removed', label: 'Slettet' },
];

/** How the response-rate tables name the invited groups and the total (Tabell 2 and 4). */
export const GRUPPE_LABELS: Record<string, string> = { ordforer: 'Ordfører', radmann: 'Rådmann', enhetsleder_census: 'Ledere', andre: 'Andre', or_alle: 'Totalt', kontor_alle: 'Totalt' };

/** The code of a survey's total column. */
export const TOTAL_GROUP: Record<string, string> = { ordforer_radmann: 'or_alle', kontor: 'kontor_alle' };

/** Invited groups per survey (§3.1). */
export const GRUPPER: Record<string, readonly string[]> = {
  ordforer_radmann: ['ordforer', 'radmann'],
  kontor: ['enhetsleder_census', 'andre'],
};

/** Which self-reported codes fit each invited group (W_ROLE_MISMATCH when they do not). */
export const ROLE_MATCH: Record<string, { variable: string; groups: Record<string, number[]> }> = {
  ordforer_radmann: { variable: 'rolle', groups: { ordforer: [1], radmann: [2] } },
  /** Unit leaders come through the census; the office samples invite the other employees. */
  kontor: { variable: 'stilling', groups: { enhetsleder_census: [1], andre: [2, 3] } },
};
