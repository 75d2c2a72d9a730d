/**
 * Evaluates a check written in the grammar of claims.md §1 on the data: one wave, the earlier
 * published wave, or the change between them; groups one at a time, `each(…)`, `A vs B` or
 * `A; B`; items by name, list, `prefix_*` or `prefix_{a, b}`; an expectation that is an interval,
 * a bound, a direction, a difference, an ordering or a test. Checks outside this grammar return
 * null and are handled by named evaluators (special.ts).
 */
import { chisq } from '../analyze/stats/chisq.ts';
import { substantive } from '../analyze/compare.ts';
import { welchT } from '../analyze/stats/t-welch.ts';
import { comparePaired } from '../analyze/paired.ts';
import { OR_SURVEY, type ClaimContext } from './context.ts';
import type { CheckFields } from './parse.ts';
import { measureOf, parseMeasure, show, type Base, type Measure, type MeasureValue } from './measures.ts';

export interface Outcome {
  /** true/false, or null when the data to check it are not there. */
  ok: boolean | null;
  computed: string;
  note?: string;
}

type Mode = 'single' | 'each' | 'vs' | 'list';
const strip = (s: string) => s.replace(/\[[^\]]*\]/g, '').replace(/\([^)]*\)/g, '').trim();

export function parseGroups(text: string): { mode: Mode; groups: string[] } {
  const t = strip(text);
  const each = /^each\(([^)]*)\)/.exec(text.trim());
  if (each) return { mode: 'each', groups: each[1]!.split(',').map((g) => g.trim()) };
  if (t.includes(' vs ')) return { mode: 'vs', groups: t.split(' vs ').map((g) => g.trim()) };
  if (t.includes(';')) return { mode: 'list', groups: t.split(';').map((g) => g.trim()) };
  return { mode: 'single', groups: [t] };
}

async function expandVariables(ctx: ClaimContext, text: string): Promise<{ mode: 'one' | 'many' | 'vs'; variables: string[] }> {
  const t = strip(text).replace(/^each /, '');
  if (t.includes(' vs ')) return { mode: 'vs', variables: t.split(' vs ').map((v) => v.trim()) };
  const brace = /^(\w+)\{([^}]*)\}$/.exec(t);
  if (brace) return { mode: 'many', variables: brace[2]!.split(',').map((s) => `${brace[1]}${s.trim()}`) };
  if (t.endsWith('*')) return { mode: 'many', variables: await ctx.variables(t) };
  const list = t.split(',').map((v) => v.trim()).filter(Boolean);
  return { mode: list.length > 1 ? 'many' : 'one', variables: list };
}

interface Bound {
  test: (x: number) => boolean;
  text: string;
}

/** `∈ [a, b)`, `< x`, `≥ x`, `= x` (− as minus). */
export function parseBound(text: string): Bound | null {
  const t = text.replaceAll('−', '-').trim();
  const iv = /^∈ ([[(])\s*(-?[\d.]+),\s*(-?[\d.]+)\s*([\])])$/.exec(t);
  if (iv) {
    const [lo, hi] = [Number(iv[2]), Number(iv[3])];
    const loOk = (x: number) => (iv[1] === '[' ? x >= lo : x > lo);
    const hiOk = (x: number) => (iv[4] === ']' ? x <= hi : x < hi);
    return { test: (x) => loOk(x) && hiOk(x), text };
  }
  const cmp = /^([<>≤≥=])\s*(-?[\d.]+)$/.exec(t);
  if (!cmp) return null;
  const v = Number(cmp[2]);
  const f = { '<': (x: number) => x < v, '>': (x: number) => x > v, '≤': (x: number) => x <= v, '≥': (x: number) => x >= v, '=': (x: number) => x === v }[cmp[1] as '<'];
  return { test: f, text };
}

/** Value of the earlier published wave; derived from its published distribution or pooled by n when not stated. */
async function earlier(ctx: ClaimContext, variable: string, group: string, m: Measure): Promise<{ value: number; n: number | null; source: string } | null> {
  const name = m.name === 'pct_cat' ? 'pct_cat' : m.name;
  const direct = await ctx.baseline('2011', variable, group, name, m.name === 'pct_cat' ? m.codes.join(',') : '');
  // A published bound («under 1/3») is not a value: use the published distribution if there is one.
  const isBound = direct !== null && direct.qualifier !== null && !['exact', 'ca', 'rank_only'].includes(direct.qualifier);
  const cats = await ctx.baselineCategories('2011', variable, group);
  if (direct && !(isBound && cats.size > 0)) return { value: direct.value, n: direct.n, source: direct.value_source };
  if (cats.size > 0 && (m.name === 'pct_top2' || m.name === 'pct_bottom2')) {
    const known = 100 - (cats.get('9') ?? 0);
    const codes = m.name === 'pct_top2' ? ['4', '5'] : ['1', '2'];
    return { value: (100 * codes.reduce((a, c) => a + (cats.get(c) ?? 0), 0)) / known, n: null, source: 'illustrative' };
  }
  if (group === 'or_alle') {
    const parts = await Promise.all(['ordforer', 'radmann'].map((g) => earlier(ctx, variable, g, m)));
    if (parts.every((p) => p && p.n)) {
      const n = parts.reduce((a, p) => a + p!.n!, 0);
      return { value: parts.reduce((a, p) => a + p!.value * p!.n!, 0) / n, n, source: parts.map((p) => p!.source).join('+') };
    }
  }
  return null;
}

async function testPasses(ctx: ClaimContext, text: string, groups: string[], variables: string[], m: Measure, base: Base): Promise<Outcome | null> {
  const t = /(t_welch|chisq|t-test)\s+p\s*([<≥])\s*(\.\d+)/.exec(text);
  if (!t) return null;
  const alpha = Number(t[3]);
  const parts: string[] = [];
  let ok = true;
  for (const variable of variables) {
    const [a, b] = await Promise.all(groups.map((g) => ctx.answers(variable, g)));
    let p: number;
    if (t[1] === 'chisq') {
      const [va, vb] = [measureOf(a!, m, base), measureOf(b!, m, base)];
      if (!va || !vb) return { ok: null, computed: 'ingen data' };
      p = chisq([[va.k, va.n - va.k], [vb.k, vb.n - vb.k]], groups).p;
    } else p = welchT(substantive(a!.freq, a!.info), substantive(b!.freq, b!.info), [groups[0]!, groups[1]!]).p;
    ok &&= t[2] === '<' ? p < alpha : p >= alpha;
    parts.push(`${t[1] === 'chisq' ? 'kji-kvadrat' : 'Welch t'} p = ${p.toPrecision(3)}`);
  }
  return { ok, computed: parts.join('; ') };
}

/** The paired t-test of two items within one group's respondents, as text beside the claim. */
async function pairedText(ctx: ClaimContext, first: string, second: string, group: string): Promise<string> {
  const c = await comparePaired(ctx.db, { survey: OR_SURVEY, wave: ctx.wave, question: first, pairedWith: second, by: 'rolle' });
  const t = c.tests.find((x) => x.group === group && x.name === 't_paired');
  const n = c.groups.find((x) => x.group === group)?.n_pairs ?? 0;
  return t ? `parvis t: differanse ${t.estimate?.toFixed(2)}, t = ${t.statistic.toFixed(2)}, p = ${t.p.toPrecision(3)} (${n} par)` : 'parvis t: for få par';
}

export async function earlierValue(ctx: ClaimContext, variable: string, group: string, m: Measure) {
  return earlier(ctx, variable, group, m);
}

export async function evaluateGrammar(ctx: ClaimContext, c: CheckFields): Promise<Outcome | null> {
  if (/K20\d\d|office|kontor/.test(c.wave)) return { ok: null, computed: '', note: 'krever kontorundersøkelsen, som ikke er lastet' };
  const trend = c.wave.includes('→');
  const baselineOnly = !trend && /^OR2011$/.test(c.wave.trim());
  if (!trend && !baselineOnly && !/^OR2019( responses)?$/.test(c.wave.trim())) return null;
  const parsed = parseMeasure(c.measure);
  if (!parsed || !c.expectation) return null;
  const { measure: m } = parsed;
  const base = parseMeasure(`${c.measure} ${c.variables}`)?.base ?? parsed.base;
  const g = parseGroups(c.groups);
  const vars = await expandVariables(ctx, c.variables);
  if (vars.variables.length === 0) return null;
  const [expectation, nPart] = c.expectation.replace(/\s+\(.*\)$/, '').trim().split(/,\s*n\s*=\s*/);
  if (expectation === undefined) return null;
  const now = async (variable: string, group: string): Promise<MeasureValue | null> => measureOf(await ctx.answers(variable, group), m, base);

  // 1. An expectation that is a test on its own (`chisq p ≥ .05`).
  if (g.mode === 'vs' && /^(t_welch|chisq|t-test)\s+p/.test(expectation)) return testPasses(ctx, expectation, g.groups, vars.variables, m, base);

  // 2. A bound on each value: `∈ [a, b)`, `> 50`, `each ≤ 3.25`, `= 101; = 157`.
  const bounds = expectation.replace(/^each /, '').split(';').map((s) => parseBound(s.replace(/^each /, '')));
  if (!trend && bounds.every(Boolean) && g.mode !== 'vs') {
    const parts: string[] = [];
    let ok = true;
    for (const [i, group] of g.groups.entries()) {
      const bound = bounds.length > 1 ? bounds[i]! : bounds[0]!;
      for (const variable of vars.variables) {
        if (baselineOnly) {
          const b = await earlier(ctx, variable, group, m);
          if (!b) return { ok: null, computed: 'ingen publisert verdi' };
          ok &&= bound.test(b.value) && (nPart === undefined || b.n === Number(nPart));
          parts.push(`${group} ${variable} 2011: ${b.value} (${b.source})${nPart === undefined ? '' : `, n ${b.n ?? 'ukjent'}`}`);
        } else {
          const v = await now(variable, group);
          if (!v) return { ok: null, computed: `${group} ${variable}: ingen data` };
          ok &&= bound.test(v.value);
          parts.push(`${group}${vars.variables.length > 1 ? ` ${variable}` : ''}: ${show(m, v)}`);
        }
      }
    }
    return { ok, computed: parts.join('; ') };
  }

  // 3. An ordering of items: `rank: a > b > c` (the stated ranks too, for a published wave).
  const rank = /^rank:\s*(.*)$/.exec(expectation);
  if (rank && g.mode === 'single') {
    const order = rank[1]!.split('>').map((s) => s.trim());
    const entries: Array<{ suffix: string; value: number; stated: number | null }> = [];
    for (const suffix of order) {
      const variable = vars.variables.find((v) => v.endsWith(`_${suffix}`));
      if (!variable) return null;
      const value = baselineOnly ? (await earlier(ctx, variable, g.groups[0]!, m))?.value : (await now(variable, g.groups[0]!))?.value;
      if (value === undefined) return { ok: null, computed: `${suffix}: ingen verdi` };
      const stated = baselineOnly ? ((await ctx.baseline('2011', variable, g.groups[0]!, 'rank'))?.value ?? null) : null;
      entries.push({ suffix, value, stated });
    }
    const descending = entries.every((e, i) => i === 0 || entries[i - 1]!.value > e.value);
    const statedOrder = entries.every((e, i) => i === 0 || e.stated === null || (entries[i - 1]!.stated ?? 0) < e.stated);
    return { ok: descending && statedOrder, computed: entries.map((e) => `${e.suffix} ${e.value.toFixed(1)}${e.stated === null ? '' : ` (rang ${e.stated})`}`).join(' > ') };
  }

  // 4. Change over waves: `2019 > 2011`, `2019 − 2011 ≤ −10`, `|2019 − 2011| ≤ 5`.
  if (trend) {
    const rule = /^(\|)?2019 − 2011\|?\s*([<>≤≥])\s*(−?[\d.]+)$/.exec(expectation) ?? /^2019 ([<>]) 2011$/.exec(expectation);
    if (!rule) return null;
    const parts: string[] = [];
    let ok = true;
    for (const group of g.groups) {
      for (const variable of vars.variables) {
        const [v, b] = [await now(variable, group), await earlier(ctx, variable, group, m)];
        if (!v || !b) return { ok: null, computed: `${group} ${variable}: ${v ? 'ingen publisert verdi for 2011' : 'ingen data'}` };
        const d = v.value - b.value;
        let pass: boolean;
        if (rule.length === 2) pass = rule[1] === '>' ? d > 0 : d < 0;
        else {
          const x = rule[1] ? Math.abs(d) : d;
          const bound = parseBound(`${rule[2]} ${rule[3]}`);
          if (!bound) return null;
          pass = bound.test(x);
        }
        ok &&= pass;
        parts.push(`${group}: 2011 ${b.value.toFixed(1)} (${b.source}) → ${v.value.toFixed(1)} (Δ ${d.toFixed(1)})`);
      }
    }
    return { ok, computed: parts.join('; ') };
  }

  // 5. Between two groups or two items: `radmann > ordforer [on each item]`, `|difference| ≥ 0.2`, `radmann − ordforer ≥ 10`.
  const pair = g.mode === 'vs' ? g.groups : vars.mode === 'vs' ? vars.variables : null;
  if (!pair || pair.length !== 2) return null;
  const value = async (side: string, variable: string, group: string) => (g.mode === 'vs' ? now(variable, side) : now(side, group));
  const targets = g.mode === 'vs' ? vars.variables.map((v) => ({ variable: v, group: '' })) : g.groups.map((gr) => ({ variable: '', group: gr }));
  const nameOf = (word: string) => pair.find((p) => p === word || p.endsWith(`_${word}`)) ?? null;
  const dir = /^(\w+)\s*([<>])\s*(\w+)(?: on each(?: item)?)?$/.exec(expectation);
  const diff = /^(\|difference\||(\w+) − (\w+))\s*([≥≤])\s*(−?[\d.]+)$/.exec(expectation);
  if (!dir && !diff) return null;
  const parts: string[] = [];
  let ok = true;
  for (const t of targets) {
    const [left, right] = dir ? [nameOf(dir[1]!), nameOf(dir[3]!)] : diff![2] ? [nameOf(diff![2]!), nameOf(diff![3]!)] : [pair[0]!, pair[1]!];
    if (!left || !right) return null;
    const [a, b] = [await value(left, t.variable, t.group), await value(right, t.variable, t.group)];
    if (!a || !b) return { ok: null, computed: 'ingen data' };
    const d = a.value - b.value;
    if (dir) ok &&= dir[2] === '>' ? d > 0 : d < 0;
    else ok &&= parseBound(`${diff![4]} ${diff![5]}`)!.test(diff![2] ? d : Math.abs(d));
    parts.push(`${t.variable || t.group}: ${left} ${show(m, a)} vs ${right} ${show(m, b)}`);
    // Two items of the same respondents: show the within-respondent test (claims.md: `t_paired` shown).
    if (vars.mode === 'vs' && m.name === 'mean') parts.push(await pairedText(ctx, left, right, t.group));
  }
  if (c.test && g.mode === 'vs') {
    const [left, right] = dir ? [nameOf(dir[1]!)!, nameOf(dir[3]!)!] : [pair[0]!, pair[1]!];
    const t = await testPasses(ctx, c.test, [left, right], vars.variables, m, base);
    if (!t) return null;
    return { ok: t.ok === null ? null : ok && t.ok, computed: `${parts.join('; ')}; ${t.computed}` };
  }
  return { ok, computed: parts.join('; ') };
}
