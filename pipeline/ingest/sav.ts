/**
 * SPSS system files (.sav, and .zsav) read with sav-reader 2.0.8 into the text cells every
 * reader hands to ingest (sheet.ts; exports.md §2.5): codes as digits, user-missing values kept
 * as their codes (9 stays 9), system-missing as '', date formats as ISO local time, strings
 * decoded with the file's own character encoding.
 *
 * sav-reader is used through its public classes, with repairs made on each reader instance
 * (no patch of the package), because the pinned 2.0.8 gets these wrong:
 * - it silently loses every case after the first in bytecode-compressed files written by
 *   ReadStat (R haven, Python pyreadstat), and a file cut inside a case can end in
 *   system-missing cells instead of an error: see `repairCaseBoundaries`;
 * - it decodes every string as UTF-8, 8 bytes at a time, so a non-Unicode file loses æøå and a
 *   UTF-8 character that straddles two 8-byte segments is broken: see `keepBytes`;
 * - it keeps no character code when the file has no encoding record (haven writes none): see
 *   `characterCode`;
 * - it cannot read .zsav: see `zsavAsSav`.
 * The cases read are always checked against the case count of the file header.
 */
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { BLANK_CHARS } from './csv-file.ts';
import { numberText, wallClockText, type ReadFailure, type SheetRead, type SheetRow } from './sheet.ts';

type SavReaderModule = typeof import('sav-reader', { with: { 'resolution-mode': 'require' } });
// sav-reader is CommonJS only (its exports map has no "import" condition).
const { SavBufferReader } = createRequire(import.meta.url)('sav-reader') as SavReaderModule;
type SavReader = InstanceType<typeof SavBufferReader>;
type CommandReader = SavReader['reader'];
type SysVar = SavReader['meta']['sysvars'][number];

/** The fields of sav-reader's header record used here (its type is `any`). */
interface SavHeader {
  compressed: boolean;
  n_cases: number;
  encoding?: string;
}

/** Seconds from the SPSS epoch (1582-10-14 00:00) to 1970-01-01 00:00. */
const SPSS_EPOCH_TO_UNIX = 12_219_379_200;
/** Print format types that hold seconds since the SPSS epoch (DATE, DATETIME, ADATE, JDATE, MOYR, QYR, WKYR, EDATE, SDATE, YMDHMS). TIME, DTIME and MTIME are durations, WKDAY and MONTH small integers: they stay numbers. */
const DATE_FORMATS = new Set([20, 22, 23, 24, 28, 29, 30, 38, 39, 41]);
/** System-missing as an uncompressed file stores it (-DBL_MAX). */
const SYSMIS = -Number.MAX_VALUE;
const BLANK_CELL = new RegExp(`^[${BLANK_CHARS}]*$`);

/** Bytecode compression: code 0 is padding, 252 marks the end of the data. */
const CODE_PADDING = 0;
const CODE_END = 252;

export async function readSav(bytes: Uint8Array, file: string): Promise<SheetRead | ReadFailure> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = buf.subarray(0, 4).toString('latin1');
  if (magic !== '$FL2' && magic !== '$FL3') return unreadable(file, printable(buf.subarray(0, 20)), 'den begynner ikke som en SPSS-fil');
  let sav = buf;
  if (magic === '$FL3') {
    try {
      sav = await zsavAsSav(buf);
    } catch (err) {
      return unreadable(file, reason(err), 'de ZLIB-komprimerte dataene kan ikke pakkes ut; lagre filen som .sav (i SPSS eller PSPP) og prøv igjen');
    }
  }
  let dictionary: Dictionary | ReadFailure;
  try {
    dictionary = await readDictionary(sav, file);
  } catch (err) {
    return unreadable(file, reason(err), 'variabelbeskrivelsene er skadet eller avkortet');
  }
  if ('code' in dictionary) return dictionary;
  const { reader, nCases, encoding, vars } = dictionary;

  const cases = await readCases(reader, vars, encoding, nCases);
  if ('error' in cases) {
    return unreadable(file, reason(cases.error), `dataene er skadet eller avkortet; lesingen stoppet i tilfelle ${cases.read + 1}${nCases >= 0 ? ` av ${nCases}` : ''}`);
  }
  // n_cases is -1 when the writer did not know it; then there is nothing to compare with.
  if (nCases >= 0 && cases.read !== nCases) {
    return {
      code: 'E_FILE_UNREADABLE',
      expected: `${nCases} tilfeller (antallet i filhodet)`,
      found: `${cases.read} tilfeller`,
      message: `${file} er avkortet eller skadet: filhodet oppgir ${nCases} tilfeller, men ${cases.read < nCases ? 'bare ' : ''}${cases.read} ble lest.`,
    };
  }
  return { header: vars.map((v) => text(v.name, encoding)), rows: cases.rows, emptyRowsSkipped: cases.emptyRowsSkipped, encoding, sheet: null, findings: [], ...labelsOf(reader, encoding) };
}

const printable = (bytes: Buffer) => bytes.toString('latin1').replace(/[^\x20-\x7e]/g, '?');
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 80);

interface Dictionary {
  reader: SavReader;
  /** Cases in the file header, -1 when unknown. */
  nCases: number;
  encoding: string;
  vars: SysVar[];
}

/** Opens the file and reads its dictionary (variables, labels, encoding); the reader is left at the first case. */
async function readDictionary(buf: Buffer, file: string): Promise<Dictionary | ReadFailure> {
  const reader = new SavBufferReader(buf);
  keepBytes(reader.reader, 'latin1');
  await reader.open();
  const header = reader.meta.header as SavHeader;
  const declared = header.encoding ?? characterCode(buf.subarray(0, reader.meta.firstRecordPosition));
  const encoding = fileEncoding(declared);
  if (encoding === null) {
    return { code: 'E_ENCODING', expected: 'UTF-8 eller en kjent tegntabell (f.eks. windows-1252)', found: String(declared), message: `Tegnsettet i ${file} støttes ikke.` };
  }
  const vars = reader.meta.sysvars;
  if (vars.length === 0) return unreadable(file, '0 variabler', 'den har ingen variabler');
  keepBytes(reader.reader, 'private-use');
  if (header.compressed) repairCaseBoundaries(reader.reader);
  return { reader, nCases: header.n_cases, encoding, vars };
}

type Cases = { read: number; rows: SheetRow[]; emptyRowsSkipped: number } | { read: number; error: unknown };

async function readCases(reader: SavReader, vars: SysVar[], encoding: string, nCases: number): Promise<Cases> {
  const cellOf = vars.map((v) => cellReader(v, encoding));
  const rows: SheetRow[] = [];
  let read = 0;
  let emptyRowsSkipped = 0;
  try {
    for (;;) {
      const record = (await reader.readNextRow(true)) as Record<string, unknown> | null;
      if (record === null) break;
      read++;
      const cells = vars.map((v, i) => cellOf[i]!(record[v.name]));
      if (cells.every((c) => BLANK_CELL.test(c))) emptyRowsSkipped++;
      else rows.push({ row: read + 1, cells });
    }
  } catch (error) {
    return { read, error };
  }
  return { read, rows, emptyRowsSkipped };
}

/** Value labels of numeric variables (string variables' labels have no code) and variable labels. */
function labelsOf(reader: SavReader, encoding: string): Pick<SheetRead, 'valueLabels' | 'variableLabels'> {
  const valueLabels: SheetRead['valueLabels'] = new Map();
  for (const set of reader.meta.valueLabels) {
    const entries = set.entries.filter((e): e is { val: number; label: string } => typeof e.val === 'number');
    if (entries.length === 0) continue;
    for (const name of set.appliesToNames ?? []) {
      valueLabels.set(text(name, encoding), entries.map((e) => ({ code: e.val, label: text(e.label, encoding) })));
    }
  }
  const variableLabels: SheetRead['variableLabels'] = new Map();
  for (const v of reader.meta.sysvars) if (v.label) variableLabels.set(text(v.name, encoding), text(v.label, encoding));
  return { valueLabels, variableLabels };
}

function unreadable(file: string, found: string, why: string): ReadFailure {
  return { code: 'E_FILE_UNREADABLE', expected: 'en SPSS-fil (.sav eller .zsav)', found, message: `${file} kan ikke leses som SPSS-fil: ${why}.` };
}

/** The machine integer info record (type 7, subtype 3, 8 fields of 4 bytes); its last field is the character code. */
const INTEGER_INFO = Buffer.from([7, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0]);

/**
 * The code page of the machine integer info record, for files without an encoding record
 * (ReadStat, hence R haven, writes none; nor did SPSS before version 16), which sav-reader reads
 * past without keeping. The dictionary's other binary fields are doubles (missing values, value
 * labels), which cannot hold these 16 bytes unless they are denormal numbers.
 */
function characterCode(dictionary: Buffer): number | undefined {
  const at = dictionary.indexOf(INTEGER_INFO, 176);
  return at < 0 || at + 48 > dictionary.length ? undefined : dictionary.readInt32LE(at + 44);
}

/**
 * The file's encoding as iconv-lite names it: from the encoding record (a name), else the
 * character code (a Windows code page number: 65001 is UTF-8, 2 and 3 are "ASCII", which SPSS
 * wrote for the system's code page), else Windows-1252, the code page of Norwegian Windows.
 */
function fileEncoding(declared: string | number | undefined): string | null {
  if (declared === 65001) return 'utf-8';
  if (declared === undefined || declared === 1252 || declared === 2 || declared === 3) return 'windows-1252';
  if (typeof declared === 'number') declared = declared >= 28591 && declared <= 28606 ? `iso-8859-${declared - 28590}` : `cp${declared}`;
  const name = declared.trim().toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (name === 'cp1252' || name === 'windows-1252') return 'windows-1252';
  return iconv.encodingExists(name) ? name : null;
}

function decode(bytes: Buffer, encoding: string): string {
  return encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, encoding);
}

/** A dictionary string (name, label), read one character per byte. */
const text = (latin1: string, encoding: string) => decode(Buffer.from(latin1, 'latin1'), encoding);

/** How one variable's value becomes cell text. */
function cellReader(v: SysVar, encoding: string): (value: unknown) => string {
  if (v.type === 1) return (value) => (typeof value === 'string' ? decode(trimPadding(bytesOfCell(value)), encoding) : '');
  const isDate = DATE_FORMATS.has(v.printFormat.type);
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value === SYSMIS) return '';
    return (isDate ? isoDateTime(value) : null) ?? numberText(value);
  };
}

/** SPSS wall-clock seconds (no zone: the clock reading is the local time). */
const isoDateTime = (seconds: number) => wallClockText((seconds - SPSS_EPOCH_TO_UNIX) * 1000);

/**
 * Makes the instance's `readString` keep every byte. sav-reader decodes each string as UTF-8
 * (and a string value 8 bytes at a time), which loses Windows-1252 text and any character split
 * across two segments. With one character per byte, decoding happens here once the whole value
 * is assembled. The dictionary is read as Latin-1, the form sav-reader itself gives long names
 * and long-string value labels, so that its name lookups still match. Cell values use the
 * private-use characters U+E000–U+E0FF instead, because `readNextRow` right-trims each string
 * with JavaScript's `trimEnd()`, which would also eat a trailing 0xA0 byte (the end of «à» in
 * UTF-8); it still trims the spaces sav-reader itself writes for all-blank segments.
 */
function keepBytes(reader: CommandReader, form: 'latin1' | 'private-use'): void {
  reader.readString = async (len: number, trimEnd = false) => {
    if (len < 1) return '';
    const bytes = await reader.readBytes(len);
    const text = form === 'latin1' ? bytes.toString('latin1') : String.fromCharCode(...Array.from(bytes, (b) => 0xe000 + b));
    return trimEnd ? text.replace(/ +$/, '') : text;
  };
}

/** The bytes of a cell string made under `keepBytes(…, 'private-use')`. */
function bytesOfCell(value: string): Buffer {
  const out = Buffer.alloc(value.length);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xe000 && c <= 0xe0ff) out[i] = c - 0xe000;
    else if (c === 0x20) out[i] = c; // an all-blank segment
    // sav-reader appends "null" for a string segment with a numeric compression code.
    else throw new Error('ugyldig komprimert tekstverdi');
  }
  return out;
}

/** SPSS pads string values with spaces to the variable's width. */
function trimPadding(bytes: Buffer): Buffer {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0x20) end--;
  return bytes.subarray(0, end);
}

/**
 * Bytecode-compressed data is a stream of 8-byte blocks of command codes, each followed by the
 * raw values its codes call for; code 0 is padding. SPSS and PSPP carry a block over from one
 * case to the next, but ReadStat starts every case with a new block and pads the last one with
 * zeros. sav-reader's end-of-data check (`peekByte`, before each case) looks for the next
 * non-zero code in the current block and, when there is none, returns `undefined`, which
 * `readNextRow` takes for the end of the file: a ReadStat file stops after its first case,
 * without an error. The replacement skips the padding and looks at the next block instead; code
 * 252 (end of data) before a case also ends the data, as in SPSS. Inside a case, a missing block
 * or code 252 means the file is cut short: sav-reader read it as system-missing, here it is an
 * error.
 */
function repairCaseBoundaries(reader: CommandReader): void {
  reader.peekByte = async () => {
    if (reader.commandPointer > 0) {
      const next = reader.commandBuffer.subarray(reader.commandPointer).find((code) => code !== CODE_PADDING);
      if (next !== undefined) return next === CODE_END ? endOfData() : next;
      reader.commandPointer = 0; // only padding left in this block
    }
    const block = await reader.reader.peek(8);
    if (block.length === 0) return endOfData();
    const next = block.find((code) => code !== CODE_PADDING);
    return next === CODE_END ? endOfData() : (block[0] as number);
  };
  reader.getCommandCode = async () => {
    if (reader.commandPointer === 0) {
      reader.commandBuffer = await reader.reader.read(8);
      if (reader.commandBuffer.length !== 8) throw new Error('dataene slutter midt i et tilfelle');
    }
    const code = reader.commandBuffer[reader.commandPointer] as number;
    reader.commandPointer = (reader.commandPointer + 1) % 8;
    if (code === CODE_END) throw new Error('slutten av dataene kommer midt i et tilfelle');
    return code;
  };
}

/** What `readNextRow` reads as the end of the data. */
const endOfData = () => undefined as unknown as number;

/**
 * A .zsav is a .sav whose bytecode-compressed data is cut into zlib blocks: a header of three
 * offsets after the dictionary, the blocks, and a trailer listing them. sav-reader refuses it
 * ("ZLIB compressed data not supported"), so the blocks are inflated and put behind the same
 * dictionary, marked as an ordinary compressed file ($FL2, compression 1).
 */
async function zsavAsSav(zsav: Buffer): Promise<Buffer> {
  if (zsav.length < 176) throw new Error('filhodet er avkortet');
  const dictionary = Buffer.from(zsav);
  dictionary.write('$FL2', 0, 'latin1');
  dictionary.writeInt32LE(1, 72);
  const probe = new SavBufferReader(dictionary);
  keepBytes(probe.reader, 'latin1');
  await probe.open();
  const start = probe.meta.firstRecordPosition;
  const offset = (at: number) => Number(zsav.readBigInt64LE(at));
  const [zheader, ztrailer, ztrailerLength] = [offset(start), offset(start + 8), offset(start + 16)];
  if (zheader !== start || ztrailer + ztrailerLength !== zsav.length) throw new Error('ZLIB-hodet stemmer ikke');
  const blockCount = zsav.readInt32LE(ztrailer + 20);
  if (ztrailerLength !== 24 + 24 * blockCount) throw new Error('ZLIB-tilhenget stemmer ikke');
  const blocks: Buffer[] = [];
  for (let i = 0; i < blockCount; i++) {
    const entry = ztrailer + 24 + 24 * i;
    const [compressedAt, uncompressedSize, compressedSize] = [offset(entry + 8), zsav.readInt32LE(entry + 16), zsav.readInt32LE(entry + 20)];
    const block = inflateSync(zsav.subarray(compressedAt, compressedAt + compressedSize));
    if (block.length !== uncompressedSize) throw new Error(`ZLIB-blokk ${i + 1} har feil lengde`);
    blocks.push(block);
  }
  return Buffer.concat([dictionary.subarray(0, start), ...blocks]);
}
