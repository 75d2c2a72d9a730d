import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv, type ParsedCsv } from '../../pipeline/ingest/csv-file.ts';
import { detectDelimiter } from '../../pipeline/ingest/delimiter.ts';
import { planHeader } from '../../pipeline/ingest/header.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const ok = (r: ReturnType<typeof parseCsv>): ParsedCsv => {
  if ('code' in r) throw new Error(r.message);
  return r;
};

describe('encoding (exports.md §2.5)', () => {
  it('reads UTF-8 with and without BOM, and the BOM never reaches a header', () => {
    const withBom = ok(parseCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('resp_id,kommune\nA,Tromsø\n')])));
    expect(withBom.header).toEqual(['resp_id', 'kommune']);
    expect(withBom.rows[0]!.cells).toEqual(['A', 'Tromsø']);
    expect(withBom.encoding).toBe('utf-8');
  });
  it('decodes Windows-1252 (Norwegian Excel) including € and typographic quotes', () => {
    const bytes = iconv.encode('resp_id;merknad\r\nA;«Bodø» – 5 € „ok“\r\n', 'win1252');
    const r = ok(parseCsv(bytes));
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.rows[0]!.cells[1]).toBe('«Bodø» – 5 € „ok“');
  });
  it('reads a Windows-1252 body behind a UTF-8 BOM and says so', () => {
    const r = ok(parseCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...iconv.encode('a;b\r\nø;å\r\n', 'win1252')])));
    expect(r.mixedEncoding).toBe(true);
    expect(r.rows[0]!.cells).toEqual(['ø', 'å']);
  });
  it('rejects mojibake (UTF-8 read as Windows-1252 and saved again)', () => {
    const r = parseCsv(utf8('resp_id,kommune\nA,TromsÃ¸\n'));
    expect('code' in r && r.code).toBe('E_ENCODING');
  });
});

describe('rows', () => {
  it('numbers rows as the file does (header = 1) and skips completely empty rows, counting them', () => {
    const r = ok(parseCsv(utf8('a,b\n1,2\n,\n3,"multi\nline"\n')));
    expect(r.rows.map((x) => x.row)).toEqual([2, 4]);
    expect(r.emptyRowsSkipped).toBe(1);
    expect(r.rows[1]!.cells[1]).toBe('multi\nline');
  });
});

describe('delimiter', () => {
  it('takes the most frequent delimiter outside quotes in the header line', () => {
    expect(detectDelimiter('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b,c')).toBe('ambiguous');
  });
});

describe('header', () => {
  it('trims, lower-cases, applies the vendor map and finds duplicates', () => {
    const plan = planHeader([' Respondent ID', 'Q1_1', 'ROLLE', 'rolle', '', ''], new Map([['respondent id', 'resp_id'], ['q1_1', 'innflytelse_navfylke']]));
    expect(plan.columns).toEqual(['resp_id', 'innflytelse_navfylke', 'rolle', 'rolle']);
    expect(plan.duplicates).toEqual(['rolle']);
    expect(plan.trailingEmpty).toBe(2);
  });
});
