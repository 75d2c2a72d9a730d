/**
 * Coded columns before typing (exports.md §2.3–§2.4): the manifest's recodes, and label exports.
 * Per column the cells decide: a column whose written cells are all numbers is a code column
 * (an invalid number stays E_CODE_INVALID); a column with any text cell is a label column, where
 * every text cell must be a codebook label or alias of the item's value set (after NFC, trimming,
 * collapsing blanks, case folding and normalising dashes and quotes), optionally with its code
 * (`5 - I svært stor grad`, `5. …`, `… (5)`) that must agree. Unknown labels are E_LABEL_UNKNOWN
 * naming the nearest codebook label; disagreeing codes E_LABEL_CODE_MISMATCH. Multi-select label
 * columns accept the option's label, 1, Valgt, Ja, X (ticked) and 0, Ikke valgt, Nei (not ticked).
 * The result is one SQL expression per decoded column for the normalised view: the cell as the
 * code it stands for, so that validation and typing see codes whatever the export wrote.
 */
import type { Codebook, Variable } from '../../schemas/codebook.ts';
import { valueSetOf } from '../../schemas/kinds/coded.ts';
import type { WaveManifest } from '../../schemas/wave-manifest.ts';
import type { Db } from '../core/db.ts';
import { ident, literal } from '../core/db.ts';
import { type Issue, truncateFound } from '../core/issues.ts';
import { insertFindings } from './issues-table.ts';
import { normalisedCell } from './normalise.ts';

const DASHES = '‐‑‒–—―−';
const QUOTES_SINGLE = '‘’‚‛`´';
const QUOTES_DOUBLE = '“”„‟«»';

/** The matching key of a label in JavaScript; `labelKeySql` is the same in SQL. */
export function labelKey(text: string): string {
  let s = text.normalize('NFC');
  for (const d of DASHES) s = s.replaceAll(d, '-');
  for (const q of QUOTES_SINGLE) s = s.replaceAll(q, "'");
  for (const q of QUOTES_DOUBLE) s = s.replaceAll(q, '"');
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function labelKeySql(expr: string): string {
  const from = DASHES + QUOTES_SINGLE + QUOTES_DOUBLE;
  const to = '-'.repeat(DASHES.length) + "'".repeat(QUOTES_SINGLE.length) + '"'.repeat(QUOTES_DOUBLE.length);
  return `lower(trim(regexp_replace(translate(nfc_normalize(${expr}), ${literal(from)}, ${literal(to)}), '\\s+', ' ', 'g')))`;
}

const TICKED = ['1', 'valgt', 'ja', 'x'];
const NOT_TICKED = ['0', 'ikke valgt', 'nei'];

/** A number as the code cells write it (`3`, `3.0`, `3,0`). */
const numeric = (cell: string) => `try_cast(replace(${cell}, ',', '.') AS DOUBLE)`;
/** Code-prefixed labels: `5 - label`, `5. label`, `5) label`, `5: label`, and `label (5)`. */
const PREFIXED = `'^(\\d+)\\s*[-.:)]\\s*(.+)$'`;
const SUFFIXED = `'^(.+?)\\s*\\((\\d+)\\)$'`;

function mapLiteral(entries: Array<[string, number]>): string {
  return `MAP {${entries.map(([k, v]) => `${literal(k)}: ${v}`).join(', ')}}`;
}

interface Decoded {
  /** SQL over the raw table's cell for the normalised view, per decoded column. */
  expressions: Map<string, string>;
  /** Columns read as labels (for the load log). */
  labelColumns: string[];
}

/** The recode of a variable: the manifest's own entry, else `*` for items with a «Vet ikke» code. */
function recodeOf(v: Variable, codebook: Codebook, manifest: WaveManifest): Map<number, number> {
  const out = new Map<number, number>();
  const set = v.value_set ? valueSetOf(v, codebook) : null;
  const general = set?.dont_know !== undefined ? (manifest.recode?.['*'] ?? {}) : {};
  for (const [from, to] of Object.entries({ ...general, ...(manifest.recode?.[v.name] ?? {}) })) out.set(Number(from), to);
  return out;
}

/** The cell with the manifest's recodes applied (as text, so the kinds parse it as before). */
function recodedCell(cell: string, recode: Map<number, number>): string {
  if (recode.size === 0) return cell;
  return `CASE ${[...recode].map(([from, to]) => `WHEN ${numeric(cell)} = ${from} THEN '${to}'`).join(' ')} ELSE ${cell} END`;
}

/** The coded columns of a file (single choice with a value set, and multi-select options). */
export function codedColumns(codebook: Codebook, present: Set<string>): Variable[] {
  return codebook.variables.filter((v) => present.has(v.name) && (v.value_set !== undefined || v.kind === 'multi'));
}

/** The manifest's recodes as normalised-view expressions (no scan needed). */
export function recodeExpressions(codebook: Codebook, manifest: WaveManifest, present: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of codedColumns(codebook, present)) {
    const recode = recodeOf(v, codebook, manifest);
    if (recode.size) out.set(v.name, recodedCell(normalisedCell(v.name), recode));
  }
  return out;
}

/**
 * Reads `suspects` (coded columns with cells that did not type as codes) as label columns where
 * they hold text, inserting the label findings; returns the expressions of every decoded column.
 */
export async function decodeLabelColumns(db: Db, input: { codebook: Codebook; manifest: WaveManifest; table: string; file: string; suspects: Variable[] }): Promise<Decoded> {
  const { codebook, manifest } = input;
  const expressions = recodeExpressions(codebook, manifest, new Set(input.suspects.map((v) => v.name)));
  if (input.suspects.length === 0) return { expressions, labelColumns: [] };
  const coded = input.suspects;
  // Which of them hold any text that is not a number.
  const texts = await db.runAndReadAll(
    `SELECT ${coded.map((v, i) => `count(*) FILTER (WHERE ${normalisedCell(v.name)} IS NOT NULL AND ${numeric(normalisedCell(v.name))} IS NULL) AS c${i}`).join(', ')} FROM ${ident(input.table)}`,
  );
  const hasText = (texts.getRows()[0] ?? []).map((n) => Number(n) > 0);
  const labelColumns: string[] = [];
  for (const [i, v] of coded.entries()) {
    const cell = normalisedCell(v.name);
    const recode = recodeOf(v, codebook, manifest);
    if (!hasText[i]) continue;
    labelColumns.push(v.name);
    if (v.kind === 'multi') {
      const ticked = [labelKey(v.label), ...TICKED];
      const key = labelKeySql(cell);
      expressions.set(v.name, `CASE WHEN ${cell} IS NULL THEN NULL WHEN list_contains(${listLiteral(ticked)}, ${key}) THEN '1' WHEN list_contains(${listLiteral(NOT_TICKED)}, ${key}) THEN '0' ELSE ${cell} END`);
      continue;
    }
    const set = valueSetOf(v, codebook);
    const entries: Array<[string, number]> = set.codes.flatMap((c) => [c.label, ...c.aliases].map((l) => [labelKey(l), c.code] as [string, number]));
    const map = mapLiteral(entries);
    const plain = `${map}[${labelKeySql(cell)}]`;
    const prefixed = `${map}[${labelKeySql(`regexp_extract(${cell}, ${PREFIXED}, 2)`)}]`;
    const prefixCode = `try_cast(regexp_extract(${cell}, ${PREFIXED}, 1) AS INTEGER)`;
    const suffixed = `${map}[${labelKeySql(`regexp_extract(${cell}, ${SUFFIXED}, 1)`)}]`;
    const suffixCode = `try_cast(regexp_extract(${cell}, ${SUFFIXED}, 2) AS INTEGER)`;
    // The code a label cell stands for (NULL when unknown or when its written code disagrees).
    const fromLabel = `coalesce(${plain}, CASE WHEN ${prefixed} = ${prefixCode} THEN ${prefixed} END, CASE WHEN ${suffixed} = ${suffixCode} THEN ${suffixed} END)`;
    expressions.set(v.name, `CASE WHEN ${cell} IS NULL THEN NULL WHEN ${numeric(cell)} IS NOT NULL THEN ${recodedCell(cell, recode)} ELSE CAST(${fromLabel} AS VARCHAR) END`);
    const labels = set.codes.map((c) => ({ code: c.code, label: c.label, keys: [c.label, ...c.aliases].map(labelKey) }));
    await insertLabelFindings(db, input, v, { cell, plain, prefixed, prefixCode, suffixed, suffixCode, labels });
  }
  return { expressions, labelColumns };
}

function listLiteral(values: string[]): string {
  return `[${values.map(literal).join(', ')}]`;
}

/**
 * SQL: the codebook label nearest to a text — the least edit distance (DuckDB's levenshtein)
 * between their matching keys, the first label on a tie — as a struct {code, label}.
 */
export function nearestLabelSql(text: string, labels: Array<{ code: number; label: string; keys: string[] }>): string {
  const values = labels.flatMap((l, i) => l.keys.map((k, j) => `(${l.code}, ${literal(l.label)}, ${literal(k)}, ${i * 1000 + j})`)).join(', ');
  return `(SELECT {'code': nl_code, 'label': nl_label} FROM (VALUES ${values}) nl(nl_code, nl_label, nl_key, nl_pos) ORDER BY levenshtein(nl_key, ${labelKeySql(text)}), nl_pos LIMIT 1)`;
}

async function insertLabelFindings(
  db: Db,
  input: { table: string; file: string },
  v: Variable,
  sql: { cell: string; plain: string; prefixed: string; prefixCode: string; suffixed: string; suffixCode: string; labels: Array<{ code: number; label: string; keys: string[] }> },
): Promise<void> {
  const { cell } = sql;
  const text = `${cell} IS NOT NULL AND ${numeric(cell)} IS NULL AND ${sql.plain} IS NULL`;
  const mismatch = `(${sql.prefixed} IS NOT NULL AND ${sql.prefixed} <> ${sql.prefixCode}) OR (${sql.suffixed} IS NOT NULL AND ${sql.suffixed} <> ${sql.suffixCode})`;
  const matched = `(${sql.prefixed} = ${sql.prefixCode}) OR (${sql.suffixed} = ${sql.suffixCode})`;
  const expected = `en svartekst fra kodeboken (${sql.labels.map((l) => `${l.code} = ${l.label}`).join('; ')})`;
  await insertFindings(
    db,
    input.file,
    `SELECT _row, ${literal(v.name)} AS column_name, 'E_LABEL_CODE_MISMATCH' AS code, 'error' AS severity, ${literal(expected)} AS expected, ${cell} AS found,
       'Koden foran eller bak svarteksten er ikke koden kodeboken gir teksten.' AS message
     FROM ${ident(input.table)} WHERE ${text} AND NOT coalesce(${matched}, false) AND coalesce(${mismatch}, false)`,
  );
  // Unknown labels, each with the codebook label nearest to it.
  await insertFindings(
    db,
    input.file,
    `SELECT _row, ${literal(v.name)} AS column_name, 'E_LABEL_UNKNOWN' AS code, 'error' AS severity, ${literal(expected)} AS expected, c AS found,
       'Ukjent svartekst; nærmest i kodeboken er «' || n.label || '» (kode ' || n.code || '). Er ordlyden riktig, legg den inn som alias i kodeboken.' AS message
     FROM (SELECT _row, c, ${nearestLabelSql('c', sql.labels)} AS n FROM (SELECT _row, ${cell} AS c FROM ${ident(input.table)} WHERE ${text} AND NOT coalesce(${matched}, false) AND NOT coalesce(${mismatch}, false)))`,
  );
}

/**
 * W_SAV_LABEL (exports.md §2.5): an SPSS file's value labels compared with the codebook, one
 * warning per variable whose labels differ (codes win; both wordings are in the finding).
 */
export function savLabelFindings(codebook: Codebook, file: string, valueLabels: Map<string, Array<{ code: number; label: string }>>): Issue[] {
  const out: Issue[] = [];
  for (const [name, entries] of valueLabels) {
    const v = codebook.variables.find((x) => x.name === name);
    if (!v?.value_set) continue;
    const set = valueSetOf(v, codebook);
    const differing = entries.filter((e) => {
      const c = set.codes.find((x) => x.code === e.code);
      return !c || ![c.label, ...c.aliases].map(labelKey).includes(labelKey(e.label));
    });
    if (differing.length === 0) continue;
    const inCodebook = (code: number) => set.codes.find((x) => x.code === code)?.label ?? '(ingen kode)';
    out.push({
      severity: 'warning',
      code: 'W_SAV_LABEL',
      file,
      row: null,
      column: name,
      expected: truncateFound(differing.map((e) => `${e.code} = «${inCodebook(e.code)}»`).join('; ')),
      found: truncateFound(differing.map((e) => `${e.code} = «${e.label}»`).join('; ')),
      message: 'SPSS-filens verdietiketter avviker fra kodeboken; kodene gjelder, og begge tekstene står her.',
    });
  }
  return out;
}

/** The file's question texts (.sav variable labels) that differ from the codebook's, for the load log. */
export function questionTextsDiffering(codebook: Codebook, variableLabels: Map<string, string>): Array<{ variable: string; file: string; codebook: string }> {
  return [...variableLabels].flatMap(([variable, text]) => {
    const v = codebook.variables.find((x) => x.name === variable);
    return v && text.trim() !== '' && labelKey(text) !== labelKey(v.label) ? [{ variable, file: text, codebook: v.label }] : [];
  });
}
