/** Reads a CSV export (variant A or B) into a header and rows of text cells, deciding encoding and delimiter. */
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

export function parseCsv(bytes: Uint8Array, options: { encoding?: Encoding; delimiter?: Delimiter } = {}): ParsedCsv | CsvFailure {
  const decoded = decodeBytes(bytes, options.encoding);
  if (decoded === null) {
    return { code: 'E_ENCODING', expected: `gyldig ${options.encoding}`, found: 'ugyldige byte-sekvenser', message: 'Filen kan ikke dekodes med tegnsettet som wave.json angir.' };
  }
  if (hasMojibake(decoded.text)) {
    const sample = /.{0,20}Ã[¥¸¦…˜†].{0,20}/.exec(decoded.text)?.[0] ?? '';
    return { code: 'E_ENCODING', expected: 'norske tegn (æ, ø, å) lest riktig', found: sample, message: 'Filen inneholder UTF-8 lest som Windows-1252 («Ã¥», «Ã¸»); den er lagret med feil tegnsett.' };
  }
  const delimiter = options.delimiter ?? detectDelimiter(decoded.text);
  if (delimiter === 'ambiguous') {
    const firstLine = decoded.text.split(/\r?\n/, 1)[0] ?? '';
    return { code: 'E_DELIMITER_AMBIGUOUS', expected: 'ett tydelig skilletegn (komma, semikolon eller tabulator) i overskriftsraden', found: firstLine, message: 'Skilletegnet kan ikke avgjøres; oppgi "delimiter" i wave.json.' };
  }
  const parsed = Papa.parse<string[]>(decoded.text, { delimiter, header: false, skipEmptyLines: false, newline: undefined });
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
    if (cells.every((c) => c.trim() === '')) emptyRowsSkipped++;
    else rows.push({ row: i + 2, cells });
  });
  return { header, rows, emptyRowsSkipped, encoding: decoded.encoding, delimiter, mixedEncoding: decoded.mixed };
}
