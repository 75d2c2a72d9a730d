/** McNemar's exact test (paired 0/1, the same units in two waves) against R's binom.test at 1e-8. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mcnemarExact } from '../../pipeline/analyze/stats/mcnemar.ts';
import { expectClose } from '../helpers/relative.ts';

const R = JSON.parse(readFileSync('test/reference/mcnemar-reference.json', 'utf8')) as Array<{ both: number; lost: number; gained: number; neither: number; p: number; estimate: number }>;

describe('mcnemarExact', () => {
  for (const r of R) {
    it(`b = ${r.lost}, c = ${r.gained} of ${r.both + r.lost + r.gained + r.neither} pairs`, () => {
      const t = mcnemarExact(r, ['2023', '2019']);
      expectClose(t.p, r.p);
      expectClose(t.estimate, r.estimate);
      expect(t.name).toBe('mcnemar_exact');
    });
  }
});
