import { describe, expect, it } from 'vitest';
import { fmtNumber, fmtP, fmtPercent } from '../../pipeline/core/format.ts';
import { spreadsheetSafe, spreadsheetSafeSql, toSpreadsheetCsv } from '../../pipeline/core/csv.ts';
import { all, openDb } from '../../pipeline/core/db.ts';
import { escapeHtml } from '../../pipeline/report/escape.ts';

const CELLS = ['=HYPERLINK("http://x","y")', '@SUM(A1)', '+47 99 88 77 66', '-2+3+cmd|\' /C calc\'!A0', '\t=1', '\r=1', 'Ordfører', '-3', '-1,5', '+0.25', '1e-3', '-', '', "'=1"];

describe('escaping', () => {
  it('escapes text from the data before it reaches HTML', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">&\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
  });
  it('defuses spreadsheet formulas in CSV text cells and leaves numbers and plain text alone', () => {
    expect(CELLS.map(spreadsheetSafe)).toEqual([
      '\'=HYPERLINK("http://x","y")', "'@SUM(A1)", "'+47 99 88 77 66", "'-2+3+cmd|' /C calc'!A0", "'\t=1", "'\r=1", 'Ordfører', '-3', '-1,5', '+0.25', '1e-3', "'-", '', "'=1",
    ]);
    expect(toSpreadsheetCsv(['a', 'b'], [['=1+1', -2]])).toBe("a,b\n'=1+1,-2\n");
  });
  it('applies the same rule in SQL for the files DuckDB writes', async () => {
    const { db, close } = await openDb(':memory:');
    try {
      const rows = await all<{ safe: string }>(db, `SELECT ${spreadsheetSafeSql('c')} AS safe FROM (SELECT unnest($cells) AS c, generate_subscripts($cells, 1) AS i) ORDER BY i`.replaceAll('$cells', `[${CELLS.map((c) => `'${c.replaceAll("'", "''")}'`).join(', ')}]`));
      expect(rows.map((r) => r.safe)).toEqual(CELLS.map(spreadsheetSafe));
    } finally {
      close();
    }
  });
});

describe('nb-NO numbers', () => {
  it('uses decimal comma, non-breaking grouping, Unicode minus and «< 0,001»', () => {
    expect(fmtNumber(3.14159, 2)).toBe('3,14');
    expect(fmtNumber(-3.96, 2)).toBe('−3,96');
    expect(fmtNumber(1234.5, 1)).toBe('1\u00a0234,5');
    expect(fmtPercent(74.257)).toBe('74\u00a0%');
    expect(fmtP(0.0004)).toBe('< 0,001');
    expect(fmtP(0.0512)).toBe('0,051');
    expect(fmtNumber(null)).toBe('–');
  });
});
