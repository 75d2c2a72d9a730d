import { describe, expect, it } from 'vitest';
import { readerNote } from '../../pipeline/report/reader-note.ts';

describe('readerNote', () => {
  it('keeps what a reader needs and leaves source lines, claim ids and the reasons for illustrative values in the data', () => {
    const note = 'Samme figurtekst 2015 og 2019 (L1989, L1998); n 2015 ukjent, så ingen test; illustrativ fordeling på 2019-kodene (S_HOVEDOPPG 1–6): egen etats område innenfor L1991, C183';
    expect(readerNote(note)).toBe('Samme figurtekst 2015 og 2019; n 2015 ukjent, så ingen test');
    expect(readerNote('4-delt skala, jf. fotnote 10 (L2007)')).toBe('4-delt skala, jf. fotnote 10');
    expect(readerNote('ikke samme spørsmål')).toBe('ikke samme spørsmål');
  });
});
