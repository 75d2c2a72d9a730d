/**
 * Named evaluators for the checks that the grammar (grammar.ts) does not cover: orderings over
 * many items, 2011 shares in categories the 2011 report did not print, the Tabell 1 model, the
 * sample/disposition file, and the arithmetic of numbers printed in the report. Each computes
 * from the warehouse (or, for `report` claims, from the printed numbers) — none returns a
 * fixed verdict.
 */
import { kommunePairs, serviceQuestion, type KommunePairs } from '../analyze/kommune-pairs.ts';
import { regress } from '../analyze/regress.ts';
import { chisq } from '../analyze/stats/chisq.ts';
import { pUpperF } from '../analyze/stats/distributions.ts';
import { z2prop } from '../analyze/stats/z-2prop.ts';
import { MissingData, OR_SURVEY, type ClaimContext } from './context.ts';
import { earlierValue } from './grammar.ts';
import { measureOf, type Measure } from './measures.ts';
import { KONTOR_SPECIAL } from './special-kontor.ts';
import { TOP2, cat, f1, now, within, type Special } from './values.ts';

const INNFLYTELSE = ['navfylke', 'radmann', 'navkontor', 'kommunalsjef', 'ordforer', 'folkevalgte'];

function valueOf(v: { value: number } | null, what: string): number {
  if (!v) throw new MissingData(`ingen svar: ${what}`);
  return v.value;
}

async function then(ctx: ClaimContext, variable: string, group: string, m: Measure = TOP2): Promise<number> {
  const v = await earlierValue(ctx, variable, group, m);
  if (!v) throw new MissingData(`ingen publisert 2011-verdi for ${variable} (${group})`);
  return v.value;
}

async function influence(ctx: ClaimContext, group: string, wave: '2011' | 'now'): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const i of INNFLYTELSE) out[i] = wave === 'now' ? await now(ctx, `innflytelse_${i}`, group) : await then(ctx, `innflytelse_${i}`, group);
  return out;
}

function ranks(values: Record<string, number>): Record<string, number> {
  const sorted = Object.keys(values).sort((a, b) => values[b]! - values[a]!);
  return Object.fromEntries(sorted.map((k, i) => [k, i + 1]));
}

/** Spearman's ρ of two rankings without ties: 1 − 6 Σd² / (n(n² − 1)). */
function spearman(a: Record<string, number>, b: Record<string, number>): number {
  const [ra, rb] = [ranks(a), ranks(b)];
  const keys = Object.keys(a);
  const d2 = keys.reduce((s, k) => s + (ra[k]! - rb[k]!) ** 2, 0);
  return 1 - (6 * d2) / (keys.length * (keys.length ** 2 - 1));
}

/** Kommuner where both ordfører (rolle 1) and rådmann (rolle 2) answered, with their Q15 services. */
async function pairsOf(ctx: ClaimContext): Promise<KommunePairs> {
  const services = await serviceQuestion(ctx.db, OR_SURVEY, ctx.wave, 'tjenester_');
  return kommunePairs(ctx.db, { survey: OR_SURVEY, wave: ctx.wave, roles: [1, 2], services });
}

const rho = (group: string): Special => async (ctx) => {
  const r = spearman(await influence(ctx, group, '2011'), await influence(ctx, group, 'now'));
  return { ok: r >= 0.6, computed: `ρ = ${r.toFixed(2)}` };
};

const maxN = (group: string, bound2019: number, bound2011: number): Special => async (ctx) => {
  const ns = await Promise.all(INNFLYTELSE.map(async (i) => valueOf(measureOf(await ctx.answers(`innflytelse_${i}`, group), { name: 'n' }), `innflytelse_${i}`)));
  const b = await Promise.all(INNFLYTELSE.map((i) => ctx.baseline('2011', `innflytelse_${i}`, group, 'pct_top2')));
  const n11 = Math.max(...b.map((x) => x?.n ?? 0));
  return { ok: Math.max(...ns) <= bound2019 && n11 <= bound2011, computed: `største n per spørsmål ${Math.max(...ns)}; 2011: ${n11}` };
};

/** 2011 distribution of Figur 11 (illustrative, `vet ikke` included) summed over codes. */
async function f11(ctx: ClaimContext, group: string, codes: string[], base: 'incl' | 'excl'): Promise<number> {
  const cats = await ctx.baselineCategories('2011', 'partnerskapsmote_frekvens', group);
  const sum = codes.reduce((a, c) => a + (cats.get(c) ?? 0), 0);
  return base === 'incl' ? sum : (100 * sum) / (100 - (cats.get('9') ?? 0));
}

const PF = 'partnerskapsmote_frekvens';

async function sampleCount(ctx: ClaimContext, where: string, params: Record<string, string | number> = {}, expr = 'count(*)'): Promise<number> {
  const rows = await ctx.query<{ n: number }>(`SELECT ${expr}::DOUBLE AS n FROM stg_${OR_SURVEY}__sample WHERE sample_wave = $wave AND status <> 'removed' AND ${where}`, params);
  return rows[0]?.n ?? 0;
}

async function t2(ctx: ClaimContext, group: string, measure: string): Promise<number> {
  const rows = await ctx.query<{ value: number }>(`SELECT value FROM results WHERE figure_id = 'T2' AND wave = $wave AND group_code = $g AND measure = $m`, { g: group, m: measure });
  if (!rows[0]) throw new MissingData(`Tabell 2 har ikke ${measure} for ${group}`);
  return rows[0].value;
}

/** Kommuner by how many of their ordfører and rådmann answered (self-reported role). */
async function kommuneRoles(ctx: ClaimContext): Promise<{ one: number; both: number; any: number }> {
  const rows = await ctx.query<{ one: number; both: number; any: number }>(
    `WITH k AS (SELECT kommunenr, count(DISTINCT rolle) FILTER (WHERE rolle IN (1, 2)) AS roles FROM stg_${OR_SURVEY}__responses WHERE wave = $wave GROUP BY kommunenr)
     SELECT count(*) FILTER (WHERE roles = 1)::INTEGER AS one, count(*) FILTER (WHERE roles = 2)::INTEGER AS both, count(*)::INTEGER AS any FROM k`,
  );
  return rows[0]!;
}

async function tableOne(ctx: ClaimContext) {
  return regress(ctx.db, { survey: OR_SURVEY, wave: ctx.wave, y: 'samarbeid_fungerer', x: ['partnerskap_likeverdige'] });
}

export const SPECIAL: Record<string, Special> = {
  ...KONTOR_SPECIAL,
  C002: async (ctx) => {
    const v = await influence(ctx, 'ordforer', '2011');
    const [adm, pol] = [Math.min(v.navfylke!, v.radmann!, v.navkontor!, v.kommunalsjef!), Math.max(v.ordforer!, v.folkevalgte!)];
    return { ok: adm > pol, computed: `minste administrative ${adm} > største politiske ${pol}` };
  },
  C003: rho('ordforer'),
  C017: rho('radmann'),
  C004: async (ctx) => {
    const [a, b] = [await influence(ctx, 'ordforer', '2011'), await influence(ctx, 'ordforer', 'now')];
    const d = INNFLYTELSE.map((i) => [i, Math.abs(b[i]! - a[i]!)] as const).sort((x, y) => y[1] - x[1]);
    const top = new Set([d[0]![0], d[1]![0]]);
    return { ok: top.has('navkontor') && top.has('radmann') && d[1]![1] > d[2]![1], computed: d.map(([i, x]) => `${i} ${f1(x)}`).join(', ') };
  },
  C008: maxN('ordforer', 101, 161),
  C018: maxN('radmann', 157, 218),
  C009: async (ctx) => {
    const parts: string[] = [];
    let ok = true;
    for (const g of ['ordforer', 'radmann']) {
      const [a, b] = [await influence(ctx, g, '2011'), await influence(ctx, g, 'now')];
      const adm = [(a.radmann! + a.kommunalsjef!) / 2, (b.radmann! + b.kommunalsjef!) / 2];
      const pol = [(a.ordforer! + a.folkevalgte!) / 2, (b.ordforer! + b.folkevalgte!) / 2];
      ok &&= adm[1]! < adm[0]! && pol[1]! < pol[0]!;
      parts.push(`${g}: administrativ ${f1(adm[0]!)} → ${f1(adm[1]!)}, politisk ${f1(pol[0]!)} → ${f1(pol[1]!)}`);
    }
    return { ok, computed: parts.join('; ') };
  },
  C059: async (ctx) => {
    const m: Measure = { name: 'pct_bottom2' };
    const d = await Promise.all(['ordforer', 'radmann'].map(async (g) => (await then(ctx, 'tilbakemelding_innbyggere', g, m)) - (await now(ctx, 'tilbakemelding_innbyggere', g, m))));
    return { ok: d[0]! > 0 && d[0]! > d[1]!, computed: `nedgang ordfører ${f1(d[0]!)}, rådmann ${f1(d[1]!)} prosentpoeng` };
  },
  C062: async (ctx) => {
    const n = await Promise.all(['ordforer', 'radmann'].map(async (g) => valueOf(measureOf(await ctx.answers('tilbakemelding_innbyggere', g), { name: 'n' }), 'tilbakemelding_innbyggere')));
    const b = await Promise.all(['ordforer', 'radmann'].map((g) => ctx.baseline('2011', 'tilbakemelding_innbyggere', g, 'pct_top2')));
    return { ok: n[0] === 104 && n[1] === 156 && b[0]?.n === 155 && b[1]?.n === 207, computed: `n ${n.join(' / ')}; 2011: ${b.map((x) => x?.n ?? 'ukjent').join(' / ')}` };
  },
  C064: async (ctx) => {
    const x = await f11(ctx, 'ordforer', ['9'], 'incl');
    return { ok: within('∈ (33.3, 38.3]', x), computed: `2011 «vet ikke» ${f1(x)} % (illustrativ fordeling)` };
  },
  C065: async (ctx) => {
    const [a, b] = [await f11(ctx, 'ordforer', ['9'], 'incl'), await now(ctx, PF, 'ordforer', cat([9]))];
    return { ok: b > a, computed: `«vet ikke» 2011 ${f1(a)} → ${f1(b)} %` };
  },
  C066: async (ctx) => {
    const a = await ctx.answers(PF, 'radmann');
    const groups = [[1, 2], [3, 4], [5, 6]].map((codes) => valueOf(measureOf(a, cat(codes), 'excl_dk'), PF));
    return { ok: groups[1]! > groups[0]! && groups[1]! > groups[2]!, computed: `sjeldnere enn årlig ${f1(groups[0]!)}, 1–2 ganger ${f1(groups[1]!)}, oftere ${f1(groups[2]!)} % (uten «vet ikke»)` };
  },
  C068: async (ctx) => {
    const [incl, excl] = [await f11(ctx, 'radmann', ['4', '5', '6'], 'incl'), await f11(ctx, 'radmann', ['4', '5', '6'], 'excl')];
    return { ok: within('∈ [40, 45)', incl) && within('∈ [40, 45)', excl), computed: `2011 to eller flere per år ${f1(incl)} % (med «vet ikke») / ${f1(excl)} % (uten)` };
  },
  C069: async (ctx) => {
    const d = [(await now(ctx, PF, 'radmann', cat([4, 5, 6]), 'excl_dk')) - (await f11(ctx, 'radmann', ['4', '5', '6'], 'excl')), (await now(ctx, PF, 'radmann', cat([4, 5, 6]))) - (await f11(ctx, 'radmann', ['4', '5', '6'], 'incl'))];
    return { ok: d.every((x) => x <= -10), computed: `endring ${f1(d[0]!)} (uten «vet ikke») / ${f1(d[1]!)} (med) prosentpoeng` };
  },
  C071: async (ctx) => {
    const x19 = await now(ctx, PF, 'or_alle', cat([1, 2]), 'excl_dk');
    const x11 = Math.max(...(await Promise.all(['ordforer', 'radmann'].map((g) => f11(ctx, g, ['1', '2'], 'excl')))));
    return { ok: x19 > x11, computed: `sjeldnere enn årlig 2019 ${f1(x19)} % vs 2011 høyeste gruppe ${f1(x11)} %` };
  },
  C072: async (ctx) => {
    const x19 = await now(ctx, PF, 'or_alle', cat([4, 5, 6]), 'excl_dk');
    const x11 = Math.min(...(await Promise.all(['ordforer', 'radmann'].map((g) => f11(ctx, g, ['4', '5', '6'], 'excl')))));
    return { ok: x19 < x11, computed: `to eller flere per år 2019 ${f1(x19)} % vs 2011 laveste gruppe ${f1(x11)} %` };
  },
  C077: async (ctx) => {
    const [a, b] = [await now(ctx, 'uformell_kontakt_frekvens', 'radmann', cat([4, 5, 6])), await now(ctx, 'uformell_kontakt_frekvens', 'radmann', cat([3]))];
    return { ok: a > b, computed: `to ganger i året eller oftere ${f1(a)} % > én gang i året ${f1(b)} %` };
  },
  C079: async (ctx) => {
    const options = (await ctx.variables('pm_deltar_*')).filter((v) => !v.endsWith('_vet_ikke'));
    const values = await Promise.all(options.map(async (o) => [o, await now(ctx, o, 'or_alle', { name: 'pct_ticked' })] as const));
    const top = [...values].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([o]) => o);
    return { ok: top.includes('pm_deltar_radmann') && top.includes('pm_deltar_kommunalsjef'), computed: values.map(([o, v]) => `${o.replace('pm_deltar_', '')} ${f1(v)}`).join(', ') };
  },
  C104: async (ctx) => {
    const k = await pairsOf(ctx);
    const t = k.tests.find((x) => x.name === 't_paired');
    const w = k.tests.find((x) => x.name === 'wilcoxon_signed_rank');
    if (k.mean_difference === null || !t || !w) throw new MissingData('for få kommuner der både ordfører og rådmann har telt tjenestene');
    return {
      ok: k.mean_difference > 0,
      computed: `ordfører − rådmann ${k.mean_difference.toFixed(2)} tjenester i ${k.n_counted} kommunepar; parvis t = ${t.statistic.toFixed(2)}, p = ${t.p.toPrecision(3)}; Wilcoxon p = ${w.p.toPrecision(3)}`,
    };
  },
  C105: async (ctx) => {
    const k = await pairsOf(ctx);
    if (k.n_sets_compared === 0) throw new MissingData('ingen kommunepar der begge har svart på tjenestespørsmålet');
    const pct = (100 * k.n_sets_differ) / k.n_sets_compared;
    return { ok: pct >= 50, computed: `ulike avkrysninger i ${k.n_sets_differ} av ${k.n_sets_compared} kommunepar (${f1(pct)} %)` };
  },
  C106: async (ctx) => {
    // Counted by kommunenummer as the source counts kommuner (C295); Oslo's bydeler pair within each bydel.
    const [roles, k] = [await kommuneRoles(ctx), await pairsOf(ctx)];
    return { ok: roles.both === 38, computed: `${roles.both} kommuner med svar fra både ordfører og rådmann (${k.n_kommuner_begge} enheter når Oslos bydeler telles hver for seg)` };
  },
  C116: async (ctx) => {
    const [a, b] = [await now(ctx, 'tjenester_behov', 'or_alle', cat([1])), await now(ctx, 'tjenester_behov', 'or_alle', cat([3]))];
    const [or, el] = [await now(ctx, 'tjenester_behov', 'or_alle', cat([1, 2])), await now(ctx, 'tjenester_behov', 'enhetsleder', cat([1, 2]))];
    return { ok: a > b && or > el, computed: `ordførere og rådmenn: flere ${f1(a)} % > færre ${f1(b)} %; flere eller som i dag ${f1(or)} % mot enhetsledere ${f1(el)} %` };
  },
  C140: async (ctx) => {
    const d = (await now(ctx, 'likeverdighet', 'radmann', cat([1, 2]))) - (await now(ctx, 'likeverdighet', 'radmann', cat([3])));
    return { ok: d >= 10, computed: `statlig dominans minus likeverdig: ${f1(d)} prosentpoeng` };
  },
  C149: async (ctx) => {
    const parts: string[] = [];
    let ok = true;
    for (const g of ['ordforer', 'radmann']) {
      const [a, b] = [(await ctx.baseline('2011', 'statlig_dominans_2011', g, 'pct_top2'))?.value, await now(ctx, 'likeverdighet', g, cat([1, 2]))];
      if (a === undefined) return { ok: null, computed: 'ingen publisert 2011-verdi' };
      ok &&= b < a;
      parts.push(`${g}: 2011 «statlig dominans» ${a} → 2019 «staten dominerer» ${f1(b)} %`);
    }
    return { ok, computed: parts.join('; ') };
  },
  C166: async (ctx) => {
    const r = await tableOne(ctx);
    const c = r.coefficients.find((k) => k.term === 'partnerskap_likeverdige')!;
    const ok = within('∈ [.245, .255)', c.b) && within('∈ [.0445, .0455)', c.se) && within('∈ [.335, .345)', c.beta ?? 0) && c.p < 0.0005;
    return { ok, computed: `B ${c.b.toFixed(3)}, SE ${c.se.toFixed(4)}, Beta ${(c.beta ?? 0).toFixed(3)}, p ${c.p.toPrecision(2)} (kilden: B .25, SE .045, Beta .34)` };
  },
  C167: async (ctx) => {
    const r = await tableOne(ctx);
    return { ok: within('∈ [.1175, .1185)', r.r2), computed: `R² ${r.r2.toFixed(4)} (kilden: .118)` };
  },
  C168: async (ctx) => {
    const r = await tableOne(ctx);
    return { ok: r.f.df2 === 241 && within('∈ [32.265, 32.275)', r.f.statistic), computed: `F(${r.f.df1}, ${r.f.df2}) = ${r.f.statistic.toFixed(2)} (kilden: F(1, 241) = 32.27)` };
  },
  C169: async (ctx) => {
    const r = await tableOne(ctx);
    const c = r.coefficients.find((k) => k.term === 'partnerskap_likeverdige')!;
    return { ok: c.b > 0 && r.f.p < 0.001, computed: `B ${c.b.toFixed(3)}, F-test p ${r.f.p.toPrecision(2)}` };
  },
  C170: async () => {
    const [lo, hi] = [(0.1175 / 0.8825) * 241, (0.1185 / 0.8815) * 241];
    return { ok: lo <= 32.27 && 32.27 <= hi, computed: `R²/(1 − R²)·241 ∈ [${lo.toFixed(2)}, ${hi.toFixed(2)}] ∋ 32,27` };
  },
  C171: async () => ({ ok: 0.335 ** 2 <= 0.118 && 0.118 <= 0.345 ** 2, computed: `Beta² ∈ [${(0.335 ** 2).toFixed(4)}, ${(0.345 ** 2).toFixed(4)}] ∋ ,118` }),
  C172: async () => {
    const [lo, hi] = [(0.245 / 0.0455) ** 2, (0.255 / 0.0445) ** 2];
    return { ok: lo <= 32.27 && 32.27 <= hi, computed: `(B/SE)² ∈ [${lo.toFixed(2)}, ${hi.toFixed(2)}] ∋ 32,27` };
  },
  C173: async () => {
    const p = pUpperF(32.27, 1, 241);
    return { ok: p < 0.001 && p.toFixed(3) === '0.000', computed: `P(F(1, 241) ≥ 32,27) = ${p.toPrecision(2)}` };
  },
  C262: async () => {
    const t = chisq([[75, 26], [124, 33]], ['ordforer', 'radmann']);
    return { ok: t.p >= 0.05 && Math.abs(t.statistic - 0.78) < 0.005, computed: `χ²(1) = ${t.statistic.toFixed(2)}, p = ${t.p.toFixed(2)}` };
  },
  C263: async () => {
    const [o, r] = [z2prop(75, 101, 84, 150, ['2019', '2011']), z2prop(124, 157, 144, 208, ['2019', '2011'])];
    return { ok: Math.abs(o.statistic - 2.94) < 0.005 && Math.abs(r.statistic - 2.09) < 0.005, computed: `ordfører z = ${o.statistic.toFixed(2)}, p = ${o.p.toFixed(3)}; rådmann z = ${r.statistic.toFixed(2)}, p = ${r.p.toFixed(3)}` };
  },
  C274: async (ctx) => {
    const v = await Promise.all(['mal_flere_i_arbeid', 'mal_service_tilpasset'].flatMap((variable) => ['ordforer', 'radmann'].map((g) => ctx.baseline('2011', variable, g, 'pct_top2'))));
    const same = v[0]?.value === v[2]?.value && v[0]?.n === v[2]?.n && v[1]?.value === v[3]?.value && v[1]?.n === v[3]?.n;
    return { ok: same, computed: `F41 2011: ${v[0]?.value} % (n ${v[0]?.n}), ${v[1]?.value} % (n ${v[1]?.n}); F42 2011: ${v[2]?.value} % (n ${v[2]?.n}), ${v[3]?.value} % (n ${v[3]?.n})` };
  },
  C275: async () => {
    const [o, r] = [z2prop(70, 101, 84, 150, ['2019', '2011']), z2prop(108, 157, 144, 208, ['2019', '2011'])];
    const c = chisq([[70, 31], [108, 49]], ['ordforer', 'radmann']);
    const ok = Math.abs(o.statistic - 2.12) < 0.005 && Math.abs(r.statistic + 0.09) < 0.005 && Math.abs(c.statistic - 0.01) < 0.005;
    return { ok, computed: `ordfører z = ${o.statistic.toFixed(2)} (p ${o.p.toFixed(3)}); rådmann z = ${r.statistic.toFixed(2)} (p ${r.p.toFixed(2)}); χ²(1) = ${c.statistic.toFixed(2)}, p = ${c.p.toFixed(2)}` };
  },
  C285: async (ctx) => {
    const [a, b, m] = [await now(ctx, 'mal_flere_i_arbeid', 'or_alle'), await now(ctx, 'mal_service_tilpasset', 'or_alle'), await now(ctx, 'sosiale_tjenester_ivaretatt', 'or_alle', { name: 'mean' })];
    return { ok: a > 50 && b > 50 && m > 3, computed: `${f1(a)} %, ${f1(b)} %, gjennomsnitt ${m.toFixed(2)}` };
  },
  C286: async (ctx) => {
    const n = [await sampleCount(ctx, `gruppe = 'radmann'`), await sampleCount(ctx, `gruppe = 'ordforer'`), await sampleCount(ctx, 'true')];
    return { ok: n[0] === 436 && n[1] === 436 && n[2] === 872, computed: `utsendt ${n.join(' / ')}` };
  },
  C287: async (ctx) => {
    const n = await sampleCount(ctx, 'true', {}, 'count(DISTINCT kommunenr)');
    return { ok: n === 422, computed: `${n} kommuner` };
  },
  C288: async (ctx) => {
    const [r, o, b] = [await sampleCount(ctx, `kommunenr = '0301' AND gruppe = 'radmann'`), await sampleCount(ctx, `kommunenr = '0301' AND gruppe = 'ordforer'`), await sampleCount(ctx, `kommunenr = '0301'`, {}, 'count(DISTINCT bydel)')];
    return { ok: r === 15 && o === 15 && b === 15, computed: `Oslo: ${r} rådmenn, ${o} ordførere, ${b} bydeler` };
  },
  C289: async (ctx) => {
    const [r, o] = [await sampleCount(ctx, `kommunenr = '1201' AND gruppe = 'radmann'`), await sampleCount(ctx, `kommunenr = '1201' AND gruppe = 'ordforer'`)];
    return { ok: r === 1 && o === 1, computed: `Bergen: ${r} rådmann, ${o} ordfører` };
  },
  C290: async (ctx) => {
    const n = await sampleCount(ctx, `status = 'bounced'`);
    return { ok: n === 27, computed: `${n} avviste adresser` };
  },
  C291: async (ctx) => {
    const n = await sampleCount(ctx, 'true', {}, 'max(purringer)');
    return { ok: n === 3, computed: `høyeste antall purringer ${n}` };
  },
  C292: async (ctx) => {
    const n = [await t2(ctx, 'radmann', 'answered'), await t2(ctx, 'ordforer', 'answered'), await t2(ctx, 'annet', 'answered'), await t2(ctx, 'or_alle', 'answered')];
    return { ok: n.join() === '158,106,4,268', computed: `besvart ${n.join(' / ')}` };
  },
  C293: async (ctx) => {
    const r = [await t2(ctx, 'radmann', 'response_rate'), await t2(ctx, 'ordforer', 'response_rate'), await t2(ctx, 'or_alle', 'response_rate')];
    return { ok: within('∈ [35.5, 36.5)', r[0]!) && within('∈ [23.5, 24.5)', r[1]!) && within('∈ [30.5, 31.5)', r[2]!), computed: `svarprosent ${r.map(f1).join(' / ')}` };
  },
  C294: async (ctx) => {
    const [k, n] = [(await kommuneRoles(ctx)).any, (await ctx.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM stg_${OR_SURVEY}__responses WHERE wave = $wave`))[0]!.n];
    return { ok: k === 218 && n === 272, computed: `${k} kommuner, ${n} personer` };
  },
  C295: async (ctx) => {
    const p = await kommuneRoles(ctx);
    return { ok: p.one === 179 && p.both === 38, computed: `én av rollene ${p.one}, begge ${p.both}` };
  },
  C296: async (ctx) => {
    const rows = await ctx.query<{ gruppe: string; n: number }>(
      `SELECT s.gruppe, count(*)::INTEGER AS n FROM stg_${OR_SURVEY}__responses r JOIN stg_${OR_SURVEY}__sample s ON s.resp_id = r.resp_id AND s.sample_wave = r.wave WHERE r.wave = $wave AND r.kommunenr = '0301' GROUP BY ALL`,
    );
    const n = (g: string) => rows.find((r) => r.gruppe === g)?.n ?? 0;
    return { ok: n('radmann') === 7 && n('ordforer') === 9, computed: `Oslo: ${n('radmann')} bydelsdirektører, ${n('ordforer')} ledere for bydelsutvalg` };
  },
  C297: async () => {
    const r = [158 / 436, 106 / 436, 268 / 872].map((x) => Math.round(100 * x));
    return { ok: r.join() === '36,24,31' && 436 + 436 === 872 && 158 + 106 + 4 === 268, computed: `avrundet ${r.join(' / ')} %` };
  },
  C298: async () => ({ ok: 272 - 268 === 4, computed: '272 − 268 = 4' }),
  C299: async () => ({ ok: 218 - (179 + 38) === 1, computed: '218 − (179 + 38) = 1' }),
  C300: async () => ({ ok: 422 - 1 + 15 === 436, computed: '422 − 1 + 15 = 436' }),
};
