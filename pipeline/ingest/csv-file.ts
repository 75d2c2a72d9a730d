/**
 * A CSV export (variant A or B): its encoding and delimiter are decided here (exports.md §2.5),
 * and its rows are read by one of two readers that give the same raw table — DuckDB's read_csv
 * (duckdb-csv.ts, the default: fast and never holds the rows in JavaScript) and papaparse
 * (`parseCsv`, the reference, and the fallback for files the two would read differently).
 */
import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import { decodeBytes, hasMojibake, type Encoding } from './decode.ts';
import { detectDelimiter, type Delimiter } from './delimiter.ts';

export interface ParsedCsv {
  header: string[];
  /** Data rows with their 1-based row number in the file (header = 1). */
  rows: Array<{ row: number; cells: string[] }>;
  emptyRowsSkipped: number;
  encoding: Encoding;
  delimiter: Delimiter;
  mixedEncoding: boolean;
}

export type CsvFailure = { code: 'E_ENCODING' | 'E_DELIMITER_AMBIGUOUS' | 'E_FILE_UNREADABLE'; expected: string; found: string; message: string };

/** What is known of a file before its rows are read. */
export interface InspectedCsv {
  encoding: Encoding;
  delimiter: Delimiter;
  mixedEncoding: boolean;
  /** The file as UTF-8 without a byte-order mark (the bytes themselves when they were UTF-8). */
  utf8: Buffer;
  /** True when `utf8` is the file's own bytes after any BOM (DuckDB can read the file itself). */
  isOwnBytes: boolean;
  header: string[];
}

/** Cells that are empty or only blanks: such a row is skipped and counted (both readers agree on the set). */
export const BLANK_CHARS = ' \t\n\r\f';
const BLANK_CELL = /^[ \t\n\r\f]*$/;

const MOJIBAKE_BYTES = ['Ã¥', 'Ã¸', 'Ã¦', 'Ã…', 'Ã˜', 'Ã†'].map((s) => Buffer.from(s, 'utf8'));

function mojibakeFailure(text: string): CsvFailure {
  const sample = /.{0,20}Ã[¥¸¦…˜†].{0,20}/.exec(text)?.[0] ?? '';
  return { code: 'E_ENCODING', expected: 'norske tegn (æ, ø, å) lest riktig', found: sample, message: 'Filen inneholder UTF-8 lest som Windows-1252 («Ã¥», «Ã¸»); den er lagret med feil tegnsett.' };
}

const firstLine = (text: string) => text.split(/\r?\n/, 1)[0] ?? '';

/** The header record: the first record of the file (quoted line breaks allowed). */
function headerOf(text: string, delimiter: Delimiter): string[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, preview: 1 });
  return (parsed.data[0] as string[] | undefined) ?? [];
}

/**
 * Decides encoding and delimiter and reads the header, without decoding a UTF-8 file as a whole
 * (Buffer.isUtf8 and byte searches are enough, and are fast on a 100 MB export).
 */
export function inspectCsv(bytes: Uint8Array, options: { encoding?: Encoding; delimiter?: Delimiter } = {}): InspectedCsv | CsvFailure {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasUtf8Bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = hasUtf8Bom ? buf.subarray(3) : buf;
  const utf16 = buf[0] === 0xff && buf[1] === 0xfe ? true : buf[0] === 0xfe && buf[1] === 0xff;
  if ((options.encoding === undefined || options.encoding === 'utf-8') && !utf16 && isUtf8(body)) {
    if (MOJIBAKE_BYTES.some((m) => body.includes(m))) return mojibakeFailure(body.toString('utf8'));
    const head = body.subarray(0, 1 << 16).toString('utf8');
    const delimiter = options.delimiter ?? detectDelimiter(head);
    if (delimiter === 'ambiguous') return ambiguous(head);
    return { encoding: 'utf-8', delimiter, mixedEncoding: false, utf8: body, isOwnBytes: true, header: headerOf(head, delimiter) };
  }
  const decoded = decodeBytes(bytes, options.encoding);
  if (decoded === null) {
    return { code: 'E_ENCODING', expected: `gyldig ${options.encoding}`, found: 'ugyldige byte-sekvenser', message: 'Filen kan ikke dekodes med tegnsettet som wave.json angir.' };
  }
  if (hasMojibake(decoded.text)) return mojibakeFailure(decoded.text);
  const delimiter = options.delimiter ?? detectDelimiter(decoded.text);
  if (delimiter === 'ambiguous') return ambiguous(decoded.text);
  return { encoding: decoded.encoding, delimiter, mixedEncoding: decoded.mixed, utf8: Buffer.from(decoded.text, 'utf8'), isOwnBytes: false, header: headerOf(decoded.text, delimiter) };
}

function ambiguous(text: string): CsvFailure {
  return { code: 'E_DELIMITER_AMBIGUOUS', expected: 'ett tydelig skilletegn (komma, semikolon eller tabulator) i overskriftsraden', found: firstLine(text), message: 'Skilletegnet kan ikke avgjøres; oppgi "delimiter" i wave.json.' };
}

/** The reference reader: every record through papaparse, as JavaScript arrays. */
export function parseCsv(bytes: Uint8Array, options: { encoding?: Encoding; delimiter?: Delimiter } = {}): ParsedCsv | CsvFailure {
  const inspected = inspectCsv(bytes, options);
  if ('code' in inspected) return inspected;
  return parseInspected(inspected);
}

export function parseInspected(inspected: InspectedCsv): ParsedCsv | CsvFailure {
  const text = inspected.utf8.toString('utf8');
  const parsed = Papa.parse<string[]>(text, { delimiter: inspected.delimiter, header: false, skipEmptyLines: false, newline: undefined });
  const records = parsed.data;
  // A trailing newline gives one last empty record; it is not a row of the file.
  if (records.length > 0 && records.at(-1)?.length === 1 && records.at(-1)?.[0] === '') records.pop();
  if (records.length === 0) {
    return { code: 'E_FILE_UNREADABLE', expected: 'en overskriftsrad', found: '(tom fil)', message: 'Filen er tom.' };
  }
  const [header, ...body] = records as [string[], ...string[][]];
  const rows: ParsedCsv['rows'] = [];
  let emptyRowsSkipped = 0;
  body.forEach((cells, i) => {
    if (cells.every((c) => BLANK_CELL.test(c))) emptyRowsSkipped++;
    else rows.push({ row: i + 2, cells });
  });
  return { header, rows, emptyRowsSkipped, encoding: inspected.encoding, delimiter: inspected.delimiter, mixedEncoding: inspected.mixedEncoding };
}
