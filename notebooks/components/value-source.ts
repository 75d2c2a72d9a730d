/** How a value's origin is named: short after a bar, long in the key and the tables. */
export const SOURCE_SHORT: Record<string, string> = { stated: 'publisert', approximate: 'omtrentlig', illustrative: 'illustrativ' };

export const SOURCE_LONG: Record<string, string> = {
  microdata: 'mikrodata',
  stated: 'publisert tall',
  approximate: 'omtrentlig sammenligningsverdi',
  illustrative: 'Illustrativ verdi – tallet finnes ikke i kilden',
};

export function isMarked(valueSource: string): boolean {
  return valueSource !== 'microdata';
}

/** « (illustrativ)» after a value that is not microdata, else nothing. */
export function sourceSuffix(valueSource: string): string {
  const s = SOURCE_SHORT[valueSource] ?? (isMarked(valueSource) ? valueSource : '');
  return s ? ` (${s})` : '';
}

/** The label the report gives a value or test hidden as a small cell (pipeline/report/suppress.ts). */
export const SUPPRESSED = 'Skjult: færre enn';

export function isSuppressed(r: { labels: string }): boolean {
  return r.labels.includes(SUPPRESSED);
}

/** The suppression rule a hidden value carries («Skjult: færre enn 5 svar»), or null. */
export function suppressionRule(labels: string): string | null {
  return new RegExp(`${SUPPRESSED} \\d+ svar`).exec(labels)?.[0] ?? null;
}

/** What a chart prints where a value is missing: why it is hidden, or that there is none. */
export function emptyLabel(r: { labels: string; value: number | null }, none: string): string | null {
  if (r.value !== null) return null;
  return isSuppressed(r) ? (suppressionRule(r.labels) ?? SUPPRESSED).replace('Skjult', 'skjult') : none;
}

/** A value's text with its significance marks («76 % *»). */
export function withMark(text: string, mark: string | undefined): string {
  return mark ? `${text} ${mark}` : text;
}
