import { describe, expect, it } from 'vitest';
import { fmtNumber, fmtP, fmtPercent } from '../../pipeline/core/format.ts';
import { escapeHtml, safeCsvText } from '../../pipeline/report/escape.ts';

describe('escaping', () => {
  it('escapes text from the data before it reaches HTML', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">&\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
  });
  it('defuses spreadsheet formulas in CSV text cells', () => {
    expect(safeCsvText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCsvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCsvText('Ordfører')).toBe('Ordfører');
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
