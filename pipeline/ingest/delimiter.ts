/** Picks the delimiter among `,` `;` tab: the one occurring most often outside quotes in the header line. */
export type Delimiter = ',' | ';' | '\t';

export function detectDelimiter(text: string): Delimiter | 'ambiguous' {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const ranked = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked as [[Delimiter, number], [Delimiter, number]];
  if (first[1] === 0) return ','; // a one-column file
  return first[1] === second[1] ? 'ambiguous' : first[0];
}
