/** Chart colours: colour-blind safe (Okabe–Ito) and apart in grey print. */
import { describe, expect, it } from 'vitest';
import { CATEGORY_COLORS, COLORS, OKABE_ITO, textColorOn } from '../../notebooks/components/plot.ts';

/** CIE L* (lightness as grey print shows it) of an sRGB colour. */
function lightness(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

describe('colours', () => {
  it('answer categories are Okabe–Ito colours whose neighbours differ in lightness by at least 8 L*', () => {
    for (const c of CATEGORY_COLORS) expect(OKABE_ITO as readonly string[]).toContain(c);
    const steps = CATEGORY_COLORS.slice(1).map((c, i) => Math.abs(lightness(c) - lightness(CATEGORY_COLORS[i]!)));
    expect(Math.min(...steps)).toBeGreaterThanOrEqual(8);
  });

  it('the two groups of the mayors survey stay apart in grey (ordfører and rådmann)', () => {
    expect(Math.abs(lightness(COLORS.early) - lightness(COLORS.late))).toBeGreaterThan(20);
  });

  it('labels inside segments take the text colour with the better contrast', () => {
    expect(textColorOn('#0072B2')).toBe('#ffffff');
    expect(textColorOn('#F0E442')).toBe('#000000');
  });
});
