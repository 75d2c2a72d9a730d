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
