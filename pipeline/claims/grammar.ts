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
import { countIn } from '../analyze/stats/freq.ts';
import { OR_SURVEY, resolveGroup, type ClaimContext } from './context.ts';
import type { CheckFields } from './parse.ts';
import { measureOf, parseMeasure, show, type Base, type Measure, type MeasureValue } from './measures.ts';

export interface Outcome {
  /** true/false, or null when the data to check it are not there. */
  ok: boolean | null;
  computed: string;
  note?: string;
}

type Mode = 'single' | 'each' | 'vs' | 'list' | 'pairs' | 'set';
const strip = (s: string) => s.replace(/\[[^\]]*\]/g, '').replace(/\([^)]*\)/g, '').trim();

/**
 * The group field as group tokens (context.ts): `enhetsleder: statlig vs kommunal` →
 * `enhetsleder.statlig vs enhetsleder.kommunal`; `statlig [team members]` → `statlig.team`;
 * `veileder with i_team = 1` → `veileder.team`; `offices` and `enhetsleder [office level]` →
 * `kontor` (one unit-leader answer per office). `[routed]` notes need nothing: routing is applied.
 */
export function normalizeGroups(text: string): string {
  const team = /\[team members\]/.test(text);
  let t = text
    .replace(/enhetsleder \[office level[^\]]*\]/g, 'kontor')
    .replace(/\boffices\b/g, 'kontor')
    .replace(/\bteam members\b/g, 'team')
    .replace(/(\w+) with i_team = 1/g, '$1.team');
  t = t.replace(/\[[^\]]*\]/g, '').replace(/(?<!each)\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
  const prefixed = /^(\w+)\s*:\s*(.*)$/.exec(t);
  if (prefixed) t = prefixed[2]!.split(' vs ').map((g) => `${prefixed[1]}.${g.trim()}`).join(' vs ');
  if (team) t = t.replace(/\b([a-z_]+(?:\.[a-z_]+)*)\b/g, (w) => (['each', 'vs', 'and'].includes(w) || w.endsWith('team') ? w : `${w}.team`));
  return t;
}

export function parseGroups(text: string): { mode: Mode; groups: string[] } {
  const t = normalizeGroups(text);
  const each = /^each\(([^)]*)\)/.exec(t);
  if (each) return { mode: 'each', groups: each[1]!.split(',').map((g) => g.trim()) };
  if (t.includes(' vs ') && t.includes(', ')) return { mode: 'pairs', groups: t.split(', ') };
  if (t.includes(' vs ')) return { mode: 'vs', groups: t.split(' vs ').map((g) => g.trim()) };
  if (t.includes(';')) return { mode: 'list', groups: t.split(';').map((g) => g.trim()) };
  if (t.includes(', ')) return { mode: 'set', groups: t.split(', ').map((g) => g.trim()) };
  return { mode: 'single', groups: [t] };
}

async function expandVariables(ctx: ClaimContext, text: string, survey: string): Promise<{ mode: 'one' | 'many' | 'vs'; variables: string[] }> {
  const t = strip(text).replace(/^each /, '');
  if (t.includes(' vs ')) return { mode: 'vs', variables: t.split(' vs ').map((v) => v.trim()) };
  const brace = /^(\w+)\{([^}]*)\}$/.exec(t);
  if (brace) return { mode: 'many', variables: brace[2]!.split(',').map((s) => `${brace[1]}${s.trim()}`) };
  if (t.endsWith('*')) return { mode: 'many', variables: await ctx.variables(t, survey) };
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

/**
 * Value of the earlier published wave; from a stated value, else derived from the published (or
 * illustrative) distribution, or pooled by n when not stated. The group's survey picks the file rows.
 */
async function earlier(ctx: ClaimContext, variable: string, group: string, m: Measure, wave = '2011'): Promise<{ value: number; n: number | null; source: string } | null> {
  const survey = resolveGroup(group).survey;
  // Published team figures describe the team members of all employees (base filtered on i_team).
  group = group === 'team' ? 'kontor_alle' : group;
  const name = m.name === 'pct_cat' ? 'pct_cat' : m.name;
  const categoryKeys = m.name === 'pct_cat' ? [m.codes.join(','), m.codes.join(';')] : [''];
  let direct = null;
  for (const key of categoryKeys) direct ??= await ctx.baseline(wave, variable, group, name, key, survey);
  // A published bound («under 1/3») is not a value: use the published distribution if there is one.
  const isBound = direct !== null && direct.qualifier !== null && !['exact', 'ca', 'rank_only'].includes(direct.qualifier);
  const cats = await ctx.baselineCategories(wave, variable, group, survey);
  if (direct && !(isBound && cats.size > 0)) return { value: direct.value, n: direct.n, source: direct.value_source };
  if (cats.size > 0 && m.name === 'pct_cat') {
    return { value: m.codes.reduce((a, c) => a + (cats.get(String(c)) ?? 0), 0), n: null, source: 'illustrative' };
  }
  if (cats.size > 0 && (m.name === 'pct_top2' || m.name === 'pct_bottom2')) {
    const known = 100 - (cats.get('9') ?? 0);
    const points = cats.has('5') ? 5 : 4;
    const codes = m.name === 'pct_top2' ? [String(points - 1), String(points)] : ['1', '2'];
    return { value: (100 * codes.reduce((a, c) => a + (cats.get(c) ?? 0), 0)) / known, n: null, source: 'illustrative' };
  }
  if (group === 'or_alle') {
    const parts = await Promise.all(['ordforer', 'radmann'].map((g) => earlier(ctx, variable, g, m, wave)));
    if (parts.every((p) => p && p.n)) {
      const n = parts.reduce((a, p) => a + p!.n!, 0);
      return { value: parts.reduce((a, p) => a + p!.value * p!.n!, 0) / n, n, source: parts.map((p) => p!.source).join('+') };
    }
  }
  return null;
}

/**
 * A test whose p is part of the claim: `t_welch p < .05`, `chisq p ≥ .05 for each`, or a bare
 * `p < .05` (Welch's t for means, the chi-square for shares). A chi-square on `pct_dist` uses the
 * whole distribution, «Vet ikke» included; on a share, the 2×2 of in and out of the share.
 */
async function testPasses(ctx: ClaimContext, text: string, groups: string[], variables: string[], m: Measure | null, base: Base): Promise<Outcome | null> {
  const threshold = /p\s*([<≥])\s*(\.\d+)/.exec(text);
  if (!threshold || groups.length !== 2) return null;
  const named = /(t_welch|chisq|t-test)/.exec(text)?.[1];
  const kind = named === 'chisq' || (!named && m?.name !== 'mean') ? 'chisq' : 't';
  const alpha = Number(threshold[2]);
  const parts: string[] = [];
  let ok = true;
  for (const variable of variables) {
    const [a, b] = await Promise.all(groups.map((g) => ctx.answers(variable, g)));
    let p: number;
    if (kind === 'chisq' && (m === null || m.name === 'mean')) {
      // The whole distribution: «Vet ikke» included for a distribution, left out beside a mean (its 2×k).
      const codes = a!.info.codes.filter((c) => m === null || !c.is_dont_know).map((c) => c.code);
      p = chisq([a!, b!].map((x) => codes.map((c) => countIn(x.freq, [c]))), groups).p;
    } else if (kind === 'chisq') {
      const [va, vb] = [measureOf(a!, m!, base), measureOf(b!, m!, base)];
      if (!va || !vb) return { ok: null, computed: 'ingen data' };
      p = chisq([[va.k, va.n - va.k], [vb.k, vb.n - vb.k]], groups).p;
    } else p = welchT(substantive(a!.freq, a!.info), substantive(b!.freq, b!.info), [groups[0]!, groups[1]!]).p;
    ok &&= threshold[1] === '<' ? p < alpha : p >= alpha;
    parts.push(`${variables.length > 1 ? `${variable}: ` : ''}${kind === 'chisq' ? 'kji-kvadrat' : 'Welch t'} p = ${p.toPrecision(3)}`);
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

/** Orderings and spreads over a set of groups (or pairs of groups), item by item. */
async function compareSet(g: { mode: Mode; groups: string[] }, variables: string[], expectation: string, value: (variable: string, group: string) => Promise<number | null>): Promise<Outcome | null> {
  const parts: string[] = [];
  let ok = true;
  for (const variable of variables) {
    if (g.mode === 'pairs') {
      const each = /^(\w+) ([<>]) each$/.exec(expectation);
      if (!each) return null;
      for (const pair of g.groups) {
        const [a, b] = pair.split(' vs ').map((x) => x.trim()) as [string, string];
        const [va, vb] = [await value(variable, a), await value(variable, b)];
        if (va === null || vb === null) return { ok: null, computed: 'ingen data' };
        const [mine, other] = a === each[1] ? [va, vb] : [vb, va];
        ok &&= each[2] === '>' ? mine > other : mine < other;
        parts.push(`${a} ${va.toFixed(2)} vs ${b} ${vb.toFixed(2)}`);
      }
      continue;
    }
    const values = new Map<string, number>();
    for (const group of g.groups) {
      const v = await value(variable, group);
      if (v === null) return { ok: null, computed: `${group}: ingen data` };
      values.set(group, v);
    }
    const sorted = [...values].sort((a, b) => b[1] - a[1]);
    const extreme = /^(\w+) (highest|lowest)(?: of the \w+)?(?: on both)?(?:, (\w+) (highest|lowest))?$/.exec(expectation);
    const spread = /^max − min ≤ ([\d.]+)$/.exec(expectation);
    if (extreme) {
      const holds = (name: string, which: string) => (which === 'highest' ? sorted[0]![0] : sorted.at(-1)![0]) === name;
      ok &&= holds(extreme[1]!, extreme[2]!) && (!extreme[3] || holds(extreme[3], extreme[4]!));
    } else if (spread) {
      ok &&= sorted[0]![1] - sorted.at(-1)![1] <= Number(spread[1]);
    } else {
      // Chains such as `enhetsleder > radmann > ordforer` or `veileder < mellomleder < enhetsleder, and veileder < ordforer`.
      const chains = expectation.split(/,\s*(?:and\s+)?/).map((chain) => chain.trim().split(/\s*([<>])\s*/));
      if (chains.some((c) => c.length < 3 || c.some((x, i) => (i % 2 === 0 ? !values.has(x) : !['<', '>'].includes(x))))) return null;
      for (const chain of chains) for (let i = 1; i < chain.length; i += 2) {
        const [a, b] = [values.get(chain[i - 1]!)!, values.get(chain[i + 1]!)!];
        ok &&= chain[i] === '>' ? a > b : a < b;
      }
    }
    parts.push(`${variables.length > 1 ? `${variable}: ` : ''}${sorted.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(' > ')}`);
  }
  return { ok, computed: parts.join('; ') };
}

export async function earlierValue(ctx: ClaimContext, variable: string, group: string, m: Measure, wave = '2011') {
  return earlier(ctx, variable, group, m, wave);
}

/** The microdata waves a check is about (`OR2019`, `K2019 responses`, `OR2019+K2019`), or the earlier wave of a trend or a published value. */
function waveOf(text: string): { trend: boolean; baselineOnly: boolean; earlierWave: string } | null {
  const t = text.trim();
  const trend = /^(OR|K)(\d{4})→(OR|K)2019$/.exec(t);
  if (trend) return { trend: true, baselineOnly: false, earlierWave: trend[2]! };
  const published = /^(OR2011|K2015|K2014|K2010|K2007)$/.exec(t);
  if (published) return { trend: false, baselineOnly: true, earlierWave: published[1]!.replace(/^\D+/, '') };
  if (/^(OR2019|K2019)( responses)?$|^OR2019\+K2019$/.test(t)) return { trend: false, baselineOnly: false, earlierWave: '2011' };
  return null;
}

export async function evaluateGrammar(ctx: ClaimContext, c: CheckFields): Promise<Outcome | null> {
  const w = waveOf(c.wave);
  if (!w) return null;
  const { trend, baselineOnly, earlierWave } = w;
  const distribution = /^pct_dist\b/.test(c.measure.trim());
  const parsed = distribution ? { measure: null, base: 'default' as const } : parseMeasure(c.measure);
  if (!parsed || !c.expectation) return null;
  if (parsed.measure === null) {
    // A whole distribution has no single value: only its test can be checked.
    const g = parseGroups(c.groups);
    if (g.mode !== 'vs') return null;
    const vars = await expandVariables(ctx, c.variables, resolveGroup(g.groups[0]!).survey);
    return testPasses(ctx, `${c.expectation} ${c.test ?? ''}`, g.groups, vars.variables, null, 'default');
  }
  const { measure: m } = parsed;
  const base = parseMeasure(`${c.measure} ${c.variables}`)?.base ?? parsed.base;
  const g = parseGroups(c.groups);
  const survey = resolveGroup(g.mode === 'pairs' ? g.groups[0]!.split(' vs ')[0]!.trim() : g.groups[0]!).survey;
  const vars = await expandVariables(ctx, c.variables, survey);
  if (vars.variables.length === 0) return null;
  const [expectation, nPart] = c.expectation.replace(/\s+\(.*\)$/, '').trim().split(/,\s*n\s*=\s*/);
  if (expectation === undefined) return null;
  const now = async (variable: string, group: string): Promise<MeasureValue | null> => measureOf(await ctx.answers(variable, group), m, base);

  // 1. An expectation that is a test on its own (`chisq p ≥ .05`), or a difference read from its test (`differ | chisq p < .05`).
  if (g.mode === 'vs' && /^(t_welch|chisq|t-test)\s+p/.test(expectation)) return testPasses(ctx, expectation, g.groups, vars.variables, m, base);
  if (g.mode === 'vs' && expectation === 'differ' && c.test) return testPasses(ctx, c.test, g.groups, vars.variables, m, base);

  // 1b. Several groups compared at once: `mellomleder highest`, `max − min ≤ 0.5`, `a > b > c`, `enhetsleder > each`.
  if (g.mode === 'set' || g.mode === 'pairs') return compareSet(g, vars.variables, expectation, async (variable, group) => (await now(variable, group))?.value ?? null);

  // 2. A bound on each value: `∈ [a, b)`, `> 50`, `each ≤ 3.25`, `= 101; = 157`.
  const bounds = expectation.replace(/^each /, '').split(';').map((s) => parseBound(s.replace(/^each /, '')));
  if (!trend && bounds.every(Boolean) && g.mode !== 'vs') {
    const parts: string[] = [];
    let ok = true;
    for (const [i, group] of g.groups.entries()) {
      const bound = bounds.length > 1 ? bounds[i]! : bounds[0]!;
      for (const variable of vars.variables) {
        if (baselineOnly) {
          const b = await earlier(ctx, variable, group, m, earlierWave);
          if (!b) return { ok: null, computed: 'ingen publisert verdi' };
          ok &&= bound.test(b.value) && (nPart === undefined || b.n === Number(nPart));
          parts.push(`${group} ${variable} ${earlierWave}: ${b.value} (${b.source})${nPart === undefined ? '' : `, n ${b.n ?? 'ukjent'}`}`);
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
      const value = baselineOnly ? (await earlier(ctx, variable, g.groups[0]!, m, earlierWave))?.value : (await now(variable, g.groups[0]!))?.value;
      if (value === undefined) return { ok: null, computed: `${suffix}: ingen verdi` };
      const stated = baselineOnly ? ((await ctx.baseline(earlierWave, variable, g.groups[0]!, 'rank', '', survey))?.value ?? null) : null;
      entries.push({ suffix, value, stated });
    }
    const descending = entries.every((e, i) => i === 0 || entries[i - 1]!.value > e.value);
    const statedOrder = entries.every((e, i) => i === 0 || e.stated === null || (entries[i - 1]!.stated ?? 0) < e.stated);
    return { ok: descending && statedOrder, computed: entries.map((e) => `${e.suffix} ${e.value.toFixed(1)}${e.stated === null ? '' : ` (rang ${e.stated})`}`).join(' > ') };
  }

  // 4. Change over waves: `2019 > 2011`, `2019 − 2011 ≤ −10`, `|2019 − 2011| ≤ 5`.
  if (trend) {
    const rule = /^(\|)?2019 − \d{4}\|?\s*([<>≤≥])\s*(−?[\d.]+)$/.exec(expectation) ?? /^2019 ([<>]) \d{4}$/.exec(expectation);
    if (!rule) return null;
    const parts: string[] = [];
    let ok = true;
    for (const group of g.groups) {
      for (const variable of vars.variables) {
        const [v, b] = [await now(variable, group), await earlier(ctx, variable, group, m, earlierWave)];
        if (!v || !b) return { ok: null, computed: `${group} ${variable}: ${v ? `ingen publisert verdi for ${earlierWave}` : 'ingen data'}` };
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
        parts.push(`${group}: ${earlierWave} ${b.value.toFixed(1)} (${b.source}) → ${v.value.toFixed(1)} (Δ ${d.toFixed(1)})`);
      }
    }
    return { ok, computed: parts.join('; ') };
  }

  // 5. Between two groups or two items: `radmann > ordforer [on each item]`, `|difference| ≥ 0.2`, `radmann − ordforer ≥ 10`.
  const pair = g.mode === 'vs' ? g.groups : vars.mode === 'vs' ? vars.variables : null;
  if (!pair || pair.length !== 2) return null;
  const value = async (side: string, variable: string, group: string) => (g.mode === 'vs' ? now(variable, side) : now(side, group));
  const targets = g.mode === 'vs' ? vars.variables.map((v) => ({ variable: v, group: '' })) : g.groups.map((gr) => ({ variable: '', group: gr }));
  const nameOf = (word: string) => pair.find((p) => p === word || p.endsWith(`_${word}`) || p.split('.').includes(word)) ?? null;
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
