/** nb-NO number formatting: the one formatter every report number goes through. */
const cache = new Map<string, Intl.NumberFormat>();

function formatter(digits: number): Intl.NumberFormat {
  const key = String(digits);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
    cache.set(key, f);
  }
  return f;
}

/** Formats with a fixed number of decimals; U+2212 minus as nb-NO does. `–` for missing. */
export function fmtNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return formatter(digits).format(value);
}

export function fmtPercent(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${fmtNumber(value, digits)}\u00a0%`;
}

export function fmtInt(value: number | null | undefined): string {
  return fmtNumber(value, 0);
}

/** p-values as a reader expects them: «< 0,001» below one in a thousand, else three decimals. */
export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  return p < 0.001 ? '< 0,001' : fmtNumber(p, 3);
}
