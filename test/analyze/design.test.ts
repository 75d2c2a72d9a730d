/**
 * Design-based estimates and tests for the one-stage cluster sample of Nav offices against R's
 * survey package (test/reference/design-reference.R, whose JSON and fixture are committed) to a
 * relative 1e-8. The per-cluster sums are built here as the pipeline's SQL builds them: over every
 * office of the wave, in a fixed order, with zeros where an office has no domain member.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import refJson from '../reference/design-reference.json' with { type: 'json' };
import { svyChisq, type ClusterTable } from '../../pipeline/analyze/stats/design/svy-chisq.ts';
import { svyMean } from '../../pipeline/analyze/stats/design/svy-mean.ts';
import { svyOls, type ClusterCrossProducts } from '../../pipeline/analyze/stats/design/svy-ols.ts';
import { svyProportion } from '../../pipeline/analyze/stats/design/svy-proportion.ts';
import { svyTTest } from '../../pipeline/analyze/stats/design/svy-ttest.ts';
import { svyWaldF } from '../../pipeline/analyze/stats/design/svy-wald-f.ts';
import type { DomainSums } from '../../pipeline/analyze/stats/design/domain-sums.ts';
import { expectClose, expectCoefficientsLikeR, expectSvyChisqLikeR } from '../helpers/relative.ts';

type By = Record<string, number[]>;
interface Case { var: string; missing: number[]; by: By }
interface Reference {
  fixture: { rows: number; clusters: number; degf: number };
  means: (Case & { n: number; estimate: number; se: number; df: number; ci: number[]; deff: number; degf_domain: number })[];
  proportions: (Case & { at_least: number; n: number; estimate: number; se: number; ci: number[]; df: number; deff: number })[];
  ttests: (Case & { g: string; a: number; b: number; t: number; df: number; p: number; estimate: number; ci: number[] })[];
  wald: (Case & { g: string; levels: number[]; f: number; df1: number; df2: number; p: number })[];
  chisq: { g: string; var: string; by: By; rows: number[]; cols: number[]; f: number; ndf: number; ddf: number; p: number; pearson: number; chisq_df: number; chisq_p: number }[];
  ols: (Case & { terms: string[]; n: number; b: number[]; se: number[]; t: number[]; p: number[]; df_residual: number; f: number; df1: number; df2: number; f_p: number })[];
}
const ref = refJson as unknown as Reference;

// ---- The fixture, parsed plainly: empty cells are missing answers.
type Row = { kontor_id: string } & Record<string, number | null>;
const [header, ...lines] = readFileSync(new URL('../fixtures/design/clustered.csv', import.meta.url), 'utf8').trim().split('\n');
const columns = header!.split(',');
const wave: Row[] = lines.map((line) => {
  const cells = line.split(',');
  const row: Record<string, unknown> = {};
  columns.forEach((col, i) => {
    const cell = cells[i] ?? '';
    row[col] = col === 'kontor_id' ? cell : cell === '' ? null : Number(cell);
  });
  return row as Row;
});
/** Offices in the order the SQL will use (order by kontor_id), covering the whole wave. */
const offices = [...new Set(wave.map((r) => r.kontor_id))].sort();
const officeIndex = new Map(offices.map((o, i) => [o, i]));
const K = offices.length;

const answered = (row: Row, v: string, missing: number[]) => row[v] != null && !missing.includes(row[v] as number);
const inBy = (row: Row, by: By) => Object.entries(by).every(([v, codes]) => codes.includes(row[v] as number));

/** Per-office n, Σvalue, Σvalue² over the rows of the domain; zeros for offices without any. */
function domainSums(inDomain: (r: Row) => boolean, value: (r: Row) => number): DomainSums {
  const d = { n: new Float64Array(K), sum: new Float64Array(K), sumSq: new Float64Array(K) };
  for (const r of wave) {
    if (!inDomain(r)) continue;
    const c = officeIndex.get(r.kontor_id)!;
    const y = value(r);
    d.n[c]! += 1;
    d.sum[c]! += y;
    d.sumSq[c]! += y * y;
  }
  return d;
}
const valueOf = (v: string) => (r: Row) => r[v] as number;

/** Per-office r×c counts of (row code, column code) in the domain. */
function clusterTable(g: string, v: string, by: By, rowCodes: number[], colCodes: number[]): ClusterTable {
  const cells = Array.from({ length: K }, () => new Float64Array(rowCodes.length * colCodes.length));
  for (const r of wave) {
    if (r[g] == null || r[v] == null || !inBy(r, by)) continue;
    const i = rowCodes.indexOf(r[g]!);
    const j = colCodes.indexOf(r[v]!);
    if (i < 0 || j < 0) throw new Error(`code outside the codebook: ${g}=${r[g]}, ${v}=${r[v]}`);
    cells[officeIndex.get(r.kontor_id)!]![i * colCodes.length + j]! += 1;
  }
  return { rows: rowCodes.length, cols: colCodes.length, cells };
}
/** The codebook's codes, so the table can hold levels that nobody in the domain chose. */
const CODES: Record<string, number[]> = { stilling: [1, 2, 3], ansettelse: [1, 2], z: [0, 1], y: [1, 2, 3, 4, 5, 9], y2: [1, 2, 3, 4, 5, 9] };

/** Per-office X'X and X'y of the complete cases, X = [1, terms…]. */
function crossProducts(y: string, terms: string[], inDomain: (r: Row) => boolean): ClusterCrossProducts {
  const p = terms.length + 1;
  const cp = { n: new Float64Array(K), xtx: Array.from({ length: K }, () => new Float64Array(p * p)), xty: Array.from({ length: K }, () => new Float64Array(p)) };
  for (const r of wave) {
    if (!inDomain(r)) continue;
    const c = officeIndex.get(r.kontor_id)!;
    const x = [1, ...terms.map((t) => r[t] as number)];
    cp.n[c]! += 1;
    for (let i = 0; i < p; i++) {
      cp.xty[c]![i]! += x[i]! * (r[y] as number);
      for (let j = 0; j < p; j++) cp.xtx[c]![i * p + j]! += x[i]! * x[j]!;
    }
  }
  return cp;
}

const label = (c: Case) => `${c.var}${Object.keys(c.by).length ? ` in ${JSON.stringify(c.by)}` : ''}`;

describe('the fixture', () => {
  it('is the wave R analysed: 40 offices, one of size 1, an office without stilling 3', () => {
    expect(wave.length).toBe(ref.fixture.rows);
    expect(K).toBe(ref.fixture.clusters);
    const sizes = offices.map((o) => wave.filter((r) => r.kontor_id === o).length);
    expect(Math.min(...sizes)).toBe(1);
    expect(offices.some((o) => wave.filter((r) => r.kontor_id === o).length > 1 && !wave.some((r) => r.kontor_id === o && r.stilling === 3))).toBe(true);
  });
});

describe('svyMean equals svymean(deff = "replace") with confint(df = degf(des))', () => {
  ref.means.forEach((r) => {
    it(label(r), () => {
      const m = svyMean(domainSums((row) => answered(row, r.var, r.missing) && inBy(row, r.by), valueOf(r.var)));
      expect(m.n).toBe(r.n);
      expect(m.df).toBe(r.df);
      expectClose(m.estimate, r.estimate);
      expectClose(m.se, r.se);
      expectClose(m.ci_low, r.ci[0]!);
      expectClose(m.ci_high, r.ci[1]!);
      expectClose(m.deff, r.deff);
    });
  });
  it('the design effects are clearly above 1', () => expect(Math.max(...ref.means.map((r) => r.deff))).toBeGreaterThan(3));
});

describe('svyProportion equals svyciprop(method = "logit")', () => {
  ref.proportions.forEach((r) => {
    it(`${label(r)} ≥ ${r.at_least}`, () => {
      const p = svyProportion(domainSums((row) => answered(row, r.var, r.missing) && inBy(row, r.by), (row) => ((row[r.var] as number) >= r.at_least ? 1 : 0)));
      expect(p.n).toBe(r.n);
      expect(p.df).toBe(r.df);
      // R reaches p̂ by IRLS (glm's convergence tolerance), ~1e-10 away from the exact share.
      expectClose(p.estimate, r.estimate);
      expectClose(p.se, r.se);
      expectClose(p.ci_low, r.ci[0]!);
      expectClose(p.ci_high, r.ci[1]!);
      expectClose(p.deff, r.deff);
    });
  });
});

describe('svyTTest equals svyttest(y ~ factor(g)) on the domain', () => {
  ref.ttests.forEach((r) => {
    it(`${label(r)}: ${r.g} ${r.a} vs ${r.b} (p = ${r.p.toExponential(2)})`, () => {
      const group = (code: number) => domainSums((row) => answered(row, r.var, r.missing) && row[r.g] === code && inBy(row, r.by), valueOf(r.var));
      const t = svyTTest(group(r.a), group(r.b), [String(r.a), String(r.b)]);
      // R reports mean(b) − mean(a); a TestResult reports first − second.
      expectClose(t.statistic, -r.t);
      expect(t.df).toBe(r.df);
      expectClose(t.p, r.p);
      expectClose(t.estimate, -r.estimate);
      expectClose(t.ci_low, -r.ci[1]!);
      expectClose(t.ci_high, -r.ci[0]!);
      expect(t.design).toBe('cluster');
    });
  });
});

describe('svyWaldF equals regTermTest(svyglm(y ~ factor(g)), ~factor(g))', () => {
  ref.wald.forEach((r) => {
    it(`${label(r)} by ${r.g} (p = ${r.p.toExponential(2)})`, () => {
      const groups = CODES[r.g]!.map((code) => domainSums((row) => answered(row, r.var, r.missing) && row[r.g] === code && inBy(row, r.by), valueOf(r.var)));
      const f = svyWaldF(groups, CODES[r.g]!.map(String));
      expectClose(f.statistic, r.f);
      expect(f.df1).toBe(r.df1);
      expect(f.df2).toBe(r.df2);
      expectClose(f.p, r.p);
      expect(f.groups).toEqual(r.levels.map(String));
    });
  });
});

describe('svyChisq equals svychisq (Rao–Scott F, and statistic = "Chisq")', () => {
  ref.chisq.forEach((r) => {
    it(`${r.g} × ${r.var}${Object.keys(r.by).length ? ` in ${JSON.stringify(r.by)}` : ''} (p = ${r.p.toExponential(2)})`, () => {
      const rowCodes = CODES[r.g]!;
      const x = svyChisq(clusterTable(r.g, r.var, r.by, rowCodes, CODES[r.var]!), rowCodes.map(String));
      expectSvyChisqLikeR(x, r);
      expect(x.groups).toEqual(r.rows.map(String));
    });
  });
});

describe('svyOls equals summary(svyglm(y ~ x1 + x2)) and regTermTest on all slopes', () => {
  ref.ols.forEach((r) => {
    it(`${r.var} ~ ${r.terms.join(' + ')}${Object.keys(r.by).length ? ` in ${JSON.stringify(r.by)}` : ''}`, () => {
      const complete = (row: Row) => answered(row, r.var, r.missing) && r.terms.every((t) => row[t] != null) && inBy(row, r.by);
      const m = svyOls(crossProducts(r.var, r.terms, complete), r.terms);
      expect(m.n).toBe(r.n);
      expect(m.df_residual).toBe(r.df_residual);
      expectCoefficientsLikeR(m.coefficients, r);
      expectClose(m.f.statistic, r.f);
      expect([m.f.df1, m.f.df2]).toEqual([r.df1, r.df2]);
      expectClose(m.f.p, r.f_p);
    });
  });
});

it('the reference covers a far tail (p < 1e-10)', () => {
  const ps = [...ref.ttests.map((r) => r.p), ...ref.wald.map((r) => r.p), ...ref.ols.flatMap((r) => [...r.p, r.f_p])];
  expect(Math.min(...ps)).toBeLessThan(1e-10);
});

// ---- Properties that hold whatever R says.

const fromValues = (values: number[], inDomain: boolean[] = values.map(() => true)): DomainSums => ({
  n: Float64Array.from(inDomain, (k) => (k ? 1 : 0)),
  sum: Float64Array.from(values, (y, i) => (inDomain[i] ? y : 0)),
  sumSq: Float64Array.from(values, (y, i) => (inDomain[i] ? y * y : 0)),
});
const sampleVariance = (ys: number[]) => {
  const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
  return ys.reduce((s, y) => s + (y - mean) ** 2, 0) / (ys.length - 1);
};

describe('one respondent per office', () => {
  const ys = wave.slice(0, 60).map((r) => (r.x ?? 7) as number);
  it('gives the naive SE s/√n and deff 1: K/(K − 1) · Σ(y − ȳ)²/n² = s²/n when K = n', () => {
    const m = svyMean(fromValues(ys));
    expectClose(m.se, Math.sqrt(sampleVariance(ys) / ys.length), 1e-12);
    expectClose(m.deff, 1, 1e-12);
  });
  it('for a domain of n_d of the K offices, Var = K/(K − 1) · (n_d − 1)/n_d · s²/n_d', () => {
    const inDomain = ys.map((_, i) => i % 3 !== 0);
    const dom = ys.filter((_, i) => inDomain[i]);
    const nd = dom.length;
    const m = svyMean(fromValues(ys, inDomain));
    expectClose(m.se ** 2, (ys.length / (ys.length - 1)) * ((nd - 1) / nd) * (sampleVariance(dom) / nd), 1e-12);
  });
  it('a proportion has SE² = p(1 − p)/(n − 1), not p(1 − p)/n', () => {
    const zs = wave.slice(0, 80).map((r) => r.z as number);
    const p = zs.reduce((a, b) => a + b, 0) / zs.length;
    expectClose(svyProportion(fromValues(zs)).se ** 2, (p * (1 - p)) / (zs.length - 1), 1e-12);
  });
});

describe('invariances', () => {
  const permutation = offices.map((_, i) => (i * 17 + 5) % K);
  const permute = (a: Float64Array) => Float64Array.from(permutation, (i) => a[i]!);
  const permuteSums = (d: DomainSums): DomainSums => ({ n: permute(d.n), sum: permute(d.sum), sumSq: permute(d.sumSq) });
  const byStilling = (code: number) => domainSums((r) => answered(r, 'y2', [9]) && r.stilling === code, valueOf('y2'));
  const groups = [1, 2, 3].map(byStilling);

  it('the permutation is one', () => expect(new Set(permutation).size).toBe(K));
  it('permuting the office order changes nothing', () => {
    const same = (a: number | undefined, b: number | undefined) => expectClose(a, b!, 1e-12);
    const m = svyMean(groups[0]!);
    const mp = svyMean(permuteSums(groups[0]!));
    same(mp.se, m.se);
    same(mp.deff, m.deff);
    same(svyProportion(permuteSums(domainSums((r) => r.z != null, valueOf('z')))).ci_low, svyProportion(domainSums((r) => r.z != null, valueOf('z'))).ci_low);
    same(svyTTest(permuteSums(groups[0]!), permuteSums(groups[2]!), ['1', '3']).statistic, svyTTest(groups[0]!, groups[2]!, ['1', '3']).statistic);
    same(svyWaldF(groups.map(permuteSums), ['1', '2', '3']).statistic, svyWaldF(groups, ['1', '2', '3']).statistic);
    const table = clusterTable('stilling', 'y', {}, CODES.stilling!, CODES.y!);
    same(svyChisq({ ...table, cells: permutation.map((i) => table.cells[i]!) }, ['1', '2', '3']).p, svyChisq(table, ['1', '2', '3']).p);
    const cp = crossProducts('y2', ['x', 'z'], (r) => answered(r, 'y2', [9]) && r.x != null && r.z != null);
    const cpp = { n: permute(cp.n), xtx: permutation.map((i) => cp.xtx[i]!), xty: permutation.map((i) => cp.xty[i]!) };
    same(svyOls(cpp, ['x', 'z']).coefficients[1]!.se, svyOls(cp, ['x', 'z']).coefficients[1]!.se);
  });
  it('the Wald F of two groups is the square of the design-based t', () => {
    const t = svyTTest(groups[0]!, groups[1]!, ['1', '2']);
    const f = svyWaldF([groups[0]!, groups[1]!], ['1', '2']);
    expectClose(f.statistic, t.statistic ** 2, 1e-12);
    expect(f.df2).toBe(t.df);
    expectClose(f.p, t.p, 1e-10);
  });
  it('codebook levels nobody chose are dropped, as R builds the table from the levels present', () => {
    const table = clusterTable('stilling', 'y', {}, CODES.stilling!, [...CODES.y!, 8]);
    const base = svyChisq(clusterTable('stilling', 'y', {}, CODES.stilling!, CODES.y!), ['1', '2', '3']);
    expect(svyChisq(table, ['1', '2', '3'])).toEqual(base);
  });
});
