/**
 * The measures of the check grammar (figures.md §1.3) computed from a group's answer counts:
 * mean, pct_top2 and pct_bottom2 without "Vet ikke"; pct_cat{codes} with "Vet ikke" in the base
 * unless the check says otherwise (`[base: codes ≠ 9]`); pct_ticked among those who answered the
 * question; n = substantive answers.
 */
import { substantive } from '../analyze/compare.ts';
import { countIn, summarize, total } from '../analyze/stats/freq.ts';
import type { Answers } from './context.ts';

export type Base = 'default' | 'incl_dk' | 'excl_dk';

export type Measure =
  | { name: 'mean' }
  | { name: 'pct_top2' }
  | { name: 'pct_bottom2' }
  | { name: 'pct_cat'; codes: number[] }
  | { name: 'pct_ticked' }
  | { name: 'n' };

export interface MeasureValue {
  value: number;
  /** Numerator and denominator of a share; n for a mean. */
  k: number;
  n: number;
}

export function parseMeasure(text: string): { measure: Measure; base: Base } | null {
  const base: Base = /\[base:[^\]]*incl/.test(text) || /codes [^)]*and 9/.test(text) ? 'incl_dk' : /\[base:[^\]]*(≠ 9|excl|codes 1–\d)/.test(text) || /9 removed/.test(text) ? 'excl_dk' : 'default';
  const t = text.replace(/\[[^\]]*\]/g, '').replace(/\([^)]*\)/g, '').trim();
  const cat = /^pct_cat\{([\d,\s]+)\}/.exec(t);
  if (cat) return { measure: { name: 'pct_cat', codes: cat[1]!.split(',').map((c) => Number(c.trim())) }, base };
  for (const name of ['mean', 'pct_top2', 'pct_bottom2', 'pct_ticked'] as const) if (t === name || t.startsWith(`${name} `)) return { measure: { name }, base };
  if (/^n\b/.test(t)) return { measure: { name: 'n' }, base };
  return null;
}

export function measureOf(a: Answers, m: Measure, base: Base = 'default'): MeasureValue | null {
  const sub = substantive(a.freq, a.info);
  const nSub = total(sub);
  const share = (k: number, n: number): MeasureValue | null => (n > 0 ? { value: (100 * k) / n, k, n } : null);
  switch (m.name) {
    case 'mean':
      return nSub > 0 ? { value: summarize(sub).mean, k: nSub, n: nSub } : null;
    case 'pct_top2':
      return share(countIn(sub, a.info.top2), nSub);
    case 'pct_bottom2': {
      const codes = a.info.codes.filter((c) => !c.is_dont_know).map((c) => c.code).sort((x, y) => x - y).slice(0, 2);
      return share(countIn(sub, codes), nSub);
    }
    case 'pct_cat': {
      const f = base === 'excl_dk' ? sub : a.freq;
      return share(countIn(f, m.codes), total(f));
    }
    case 'pct_ticked':
      return share(countIn(a.freq, [1]), total(a.freq));
    case 'n': {
      const n = base === 'incl_dk' ? total(a.freq) : nSub;
      return { value: n, k: n, n };
    }
  }
}

/** Percent-point or scale display of a measure value. */
export function show(m: Measure, v: MeasureValue | null): string {
  if (!v) return 'ingen data';
  if (m.name === 'n') return String(v.value);
  if (m.name === 'mean') return `${v.value.toFixed(2)} (n ${v.n})`;
  return `${v.value.toFixed(1)} % (${v.k}/${v.n})`;
}
