/**
 * The .xlsx reader (exports.md §2.5): one worksheet as a header and rows of text cells, by the
 * rules every reader shares (sheet.ts), so that validation cannot tell it from the CSV of the same
 * data. exceljs reads the workbook from the bytes; cell notes (comments) are never read or set
 * (an exceljs advisory concerns notes).
 */
import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { truncateFound } from '../core/issues.ts';
import { BLANK_CHARS } from './csv-file.ts';
import { numberText, wallClockText, type ReadFailure, type ReaderFinding, type SheetRead, type SheetRow } from './sheet.ts';

/** Sheet names read without being asked for, in this order (compared case-insensitively). */
const PREFERRED_SHEETS = ['data', 'rådata', 'dataset'];
/** How many merged ranges a failure names. */
const MERGES_NAMED = 5;
/**
 * Parts of a sheet the reader has no use for. Data validations in particular: exceljs expands a
 * rule over a whole column into one entry per cell, which makes such files slow to open.
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'sheetProtection', 'pageSetup', 'headerFooter', 'rowBreaks', 'picture', 'drawing'];

type CellProblem = Pick<ReaderFinding, 'code' | 'expected' | 'found' | 'message'>;
interface CellRead {
  text: string;
  problem?: CellProblem;
}
interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Reads the sheet `options.sheet` names, else `Data`/`Rådata`/`Dataset`, else the first one. */
export async function readXlsx(bytes: Uint8Array, file: string, options: { sheet?: string }): Promise<SheetRead | ReadFailure> {
  const workbook = await loadWorkbook(bytes, basename(file));
  if ('code' in workbook) return workbook;
  const worksheet = chooseSheet(workbook.worksheets, options.sheet);
  if ('code' in worksheet) return worksheet;
  return readSheet(worksheet);
}

async function loadWorkbook(bytes: Uint8Array, name: string): Promise<ExcelJS.Workbook | ReadFailure> {
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE container: what Excel saves a password-protected .xlsx in, or an old .xls.
    return unreadable('en .xlsx-fil uten passord', 'kryptert .xlsx eller gammel .xls', `«${name}» er passordbeskyttet eller i det gamle .xls-formatet; lagre den uten passord som .xlsx.`);
  }
  if (!starts([0x50, 0x4b, 0x03, 0x04])) {
    const head = Buffer.from(bytes.subarray(0, 40)).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
    return unreadable('en .xlsx-fil (Excel-arbeidsbok)', head, `«${name}» er ikke en Excel-arbeidsbok.`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); at run time it wants a Node Buffer.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx["load"]>[0], { ignoreNodes: IGNORED_NODES });
  } catch (error) {
    // A damaged zip or workbook is a property of the input, not a bug: it becomes a file error.
    const found = truncateFound(error instanceof Error ? error.message : String(error));
    return unreadable('en hel .xlsx-fil', found, `«${name}» kan ikke åpnes som Excel-arbeidsbok; den er skadet eller avkortet.`);
  }
  return workbook;
}

function unreadable(expected: string, found: string, message: string): ReadFailure {
  return { code: 'E_FILE_UNREADABLE', expected, found, message };
}

function chooseSheet(worksheets: ExcelJS.Worksheet[], wanted: string | undefined): ExcelJS.Worksheet | ReadFailure {
  const key = (name: string) => name.normalize('NFC').trim().toLowerCase();
  const names = worksheets.map((w) => `«${w.name}»`).join(', ');
  if (wanted !== undefined) {
    const chosen = worksheets.find((w) => w.name === wanted) ?? worksheets.find((w) => key(w.name) === key(wanted));
    if (chosen) return chosen;
    return unreadable(`arket «${wanted}»`, names || '(ingen ark)', `Arbeidsboken har ikke arket «${wanted}»; arkene er ${names || 'ingen'}.`);
  }
  for (const preferred of PREFERRED_SHEETS) {
    const chosen = worksheets.find((w) => key(w.name) === preferred);
    if (chosen) return chosen;
  }
  return worksheets[0] ?? unreadable('minst ett regneark', '(ingen ark)', 'Arbeidsboken har ingen regneark.');
}

function readSheet(worksheet: ExcelJS.Worksheet): SheetRead | ReadFailure {
  const read = new Map<number, Map<number, CellRead>>();
  const merges = new Map<string, Range>();
  worksheet.eachRow((row, rowNumber) => {
    const cells = new Map<number, CellRead>();
    row.eachCell((cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) noteMerge(merges, cell);
      else cells.set(col, readCell(cell));
    });
    read.set(rowNumber, cells);
  });

  const holdsData = (cells: Map<number, CellRead> | undefined) => [...(cells?.values() ?? [])].some((c) => !isBlank(c.text));
  const dataRows = [...read.keys()].filter((n) => n > 1 && holdsData(read.get(n))).sort((a, b) => a - b);
  // Excel has no end of file: rows after the last one with data exist in the XML only through
  // formatting, so the data area ends at the last row that holds data.
  const lastRow = dataRows.at(-1) ?? 1;

  const inDataArea = [...merges.values()].filter((m) => m.top <= lastRow).sort((a, b) => a.top - b.top || a.left - b.left);
  if (inDataArea.length > 0) return mergedFailure(worksheet.name, inDataArea);

  const headerCells = read.get(1) ?? new Map<number, CellRead>();
  const width = lastFilledColumn(headerCells);
  if (width === 0) {
    return unreadable('en overskriftsrad i rad 1', '(tom rad 1)', `Arket «${worksheet.name}» har ingen overskriftsrad: rad 1 er tom.`);
  }
  const header = Array.from({ length: width }, (_, i) => headerCells.get(i + 1)?.text ?? '');
  const columnName = (col: number) => header[col - 1] || columnLetters(col);

  const findings: ReaderFinding[] = [];
  const report = (row: number, cells: Map<number, CellRead>, name: (col: number) => string) => {
    for (const [col, cell] of cells) if (cell.problem) findings.push({ severity: 'warning', row, column: name(col), ...cell.problem });
  };
  report(1, headerCells, columnLetters);

  // Cells beyond the last header column are kept when they hold data: the row then has more
  // cells than the header and validation reports it as shifted (E_ROW_FIELDS), as for a CSV
  // row with too many fields. Blank cells there are formatting residue and are dropped.
  const rows: SheetRow[] = dataRows.map((rowNumber) => {
    const cells = read.get(rowNumber) ?? new Map<number, CellRead>();
    const length = Math.max(width, lastFilledColumn(cells));
    report(rowNumber, cells, columnName);
    return { row: rowNumber, cells: Array.from({ length }, (_, i) => cells.get(i + 1)?.text ?? '') };
  });
  // Every row between the header and the last data row that is not a data row is an empty row,
  // whether exceljs saw it (blank or only formatted cells) or the file left it out: so row numbers
  // stay those of the sheet. Findings in such rows (a row of error values) are not reported.
  const emptyRowsSkipped = lastRow - 1 - rows.length;

  return { header, rows, emptyRowsSkipped, encoding: null, sheet: worksheet.name, findings, valueLabels: new Map(), variableLabels: new Map() };
}

function isBlank(text: string): boolean {
  for (const ch of text) if (!BLANK_CHARS.includes(ch)) return false;
  return true;
}

function lastFilledColumn(cells: Map<number, CellRead>): number {
  let last = 0;
  for (const [col, cell] of cells) if (col > last && !isBlank(cell.text)) last = col;
  return last;
}

/** A merge's non-master cells point at its top-left cell; the range is their bounding box. */
function noteMerge(merges: Map<string, Range>, cell: ExcelJS.Cell): void {
  const master = cell.master as ExcelJS.Cell | undefined;
  if (!master) return;
  const { row: top, col: left } = master.fullAddress;
  const { row, col } = cell.fullAddress;
  const range = merges.get(master.address) ?? { top, left, bottom: top, right: left };
  range.bottom = Math.max(range.bottom, row);
  range.right = Math.max(range.right, col);
  merges.set(master.address, range);
}

function mergedFailure(sheet: string, ranges: Range[]): ReadFailure {
  const named = ranges.slice(0, MERGES_NAMED).map((r) => `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`);
  const more = ranges.length > MERGES_NAMED ? ` og ${ranges.length - MERGES_NAMED} til` : '';
  return {
    code: 'E_XLSX_MERGED',
    expected: 'ingen sammenslåtte celler i overskriften eller dataene',
    found: `${named.join(', ')}${more}`,
    message: `Arket «${sheet}» har sammenslåtte celler (${named.join(', ')}${more}); opphev sammenslåingen og fyll inn verdien i hver celle.`,
  };
}

function readCell(cell: ExcelJS.Cell): CellRead {
  if (cell.type !== ExcelJS.ValueType.Formula) return valueText(cell.value);
  // `cell.value` of a formula drops a cached result that is falsy (0, FALSE, ''): exceljs 4.4
  // copies only truthy fields. `cell.result` is the cached value as read.
  const result = cell.result as ExcelJS.CellValue;
  if (result !== undefined && result !== null) return valueText(result);
  const formula = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
  const found = 'formula' in formula && formula.formula ? `=${formula.formula}` : `=(delt formel fra ${(formula as ExcelJS.CellSharedFormulaValue).sharedFormula})`;
  return {
    text: '',
    problem: {
      code: 'W_XLSX_FORMULA_NO_VALUE',
      expected: 'en lagret verdi for formelen',
      found: truncateFound(found),
      message: 'Formelen har ingen lagret verdi (filen er ikke beregnet i Excel) og leses som manglende.',
    },
  };
}

function valueText(value: ExcelJS.CellValue): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'boolean') return { text: value ? '1' : '0' };
  if (value instanceof Date) return { text: wallClock(value) };
  if ('error' in value) {
    const found = String(value.error);
    const message = `Cellen har Excel-feilverdien «${found}» og leses som manglende.`;
    return { text: '', problem: { code: 'W_XLSX_ERROR_CELL', expected: 'en verdi eller en tom celle', found, message } };
  }
  if ('richText' in value) return { text: value.richText.map((run) => run.text ?? '').join('') };
  // A hyperlink's text is a string, or rich text when the link text is formatted.
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue);
  if ('result' in value) return valueText(value.result as ExcelJS.CellValue);
  return { text: '' };
}

/**
 * An Excel date is a wall-clock serial without a zone; exceljs turns it into the Date whose UTC
 * fields are that wall clock. Those fields are the local (Europe/Oslo) time the export meant, so
 * they are written as they are, rounded to the second (the serial's binary fraction is not exact).
 */
export function wallClock(date: Date): string {
  // An out-of-range serial: its text lets validation report the cell (E_DATETIME_INVALID).
  return wallClockText(date.getTime()) ?? String(date);
}

/** 1 → A, 27 → AA. */
function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
