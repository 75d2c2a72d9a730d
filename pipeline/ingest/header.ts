/** Header normalisation (exports.md §2.1/§2.2): trim, strip BOM, lower-case, then the vendor column map. */
export interface HeaderPlan {
  /** Normalised column names kept, in file order. */
  columns: string[];
  /** Per kept column, the index of its cell in a row. */
  sourceIndex: number[];
  duplicates: string[];
  /** Trailing columns with an empty name that were ignored. */
  trailingEmpty: number;
  renamed: Array<{ from: string; to: string }>;
}

/** Control characters (NUL, line breaks …) never belong in a column name; they are dropped. */
const CONTROL = /[\u0000-\u001f\u007f]/g;

export function normaliseName(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(CONTROL, ' ').trim().toLowerCase();
}

/** Names the raw and typed tables use themselves; a column of the file so named is renamed. */
const RESERVED = new Set(['_row', '_fields', '_file']);

export function planHeader(header: string[], columnMap: Map<string, string>): HeaderPlan {
  let last = header.length;
  while (last > 0 && normaliseName(header[last - 1] ?? '') === '') last--;
  const columns: string[] = [];
  const sourceIndex: number[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const renamed: HeaderPlan['renamed'] = [];
  for (let i = 0; i < last; i++) {
    const original = normaliseName(header[i] ?? '');
    const mapped = columnMap.get(original);
    if (mapped) renamed.push({ from: header[i] ?? '', to: mapped });
    const plain = mapped ?? (original === '' ? `kolonne_${i + 1}` : original);
    const name = RESERVED.has(plain) ? `${plain}_kolonne_${i + 1}` : plain;
    if (seen.has(name)) duplicates.push(name);
    seen.add(name);
    columns.push(name);
    sourceIndex.push(i);
  }
  return { columns, sourceIndex, duplicates, trailingEmpty: header.length - last, renamed };
}
