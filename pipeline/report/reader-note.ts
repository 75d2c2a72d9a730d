/**
 * A baseline row's comparability note as a reader sees it. The note in the data also records why
 * an illustrative value was chosen and where in the source and spec each fact comes from (line
 * numbers, claim ids, inconsistency ids); that stays in the data and the CSV, not in the prose.
 */
export function readerNote(note: string): string {
  return note
    .split(/;\s*/)
    .filter((part) => !/^illustrativ|\bC\d{3}\b/.test(part))
    .map((part) => part.replace(/\s*\((?:[^()]*\b(?:L\d{4}|figures\.md|S_[A-Z]+|I\d\d)\b[^()]*)\)/g, '').trim())
    .filter(Boolean)
    .join('; ');
}

/** Distinct reader notes of rows, empty ones left out. */
export function readerNotes(notes: string[]): string[] {
  return [...new Set(notes.map(readerNote).filter(Boolean))];
}
