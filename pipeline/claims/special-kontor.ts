/**
 * Named evaluators for the office-survey claims the check grammar does not cover: office-level
 * rankings, derived shares (own employer's area), sets of items, published 2007–2015 values, the
 * office frame and the person-level disposition file (Tabell 3 and 4), and the arithmetic of the
 * numbers printed in Vedlegg D. Each computes from the warehouse (or, for `report` claims, from
 * the printed numbers) — none returns a fixed verdict.
 */
import { answeredCondition } from '../analyze/figures/disposition.ts';
import { responsesTable } from '../analyze/metadata.ts';
import { anovaF } from '../analyze/stats/anova.ts';
import { chisq } from '../analyze/stats/chisq.ts';
import { countIn, total } from '../analyze/stats/freq.ts';
import { welchT } from '../analyze/stats/t-welch.ts';
import { substantive } from '../analyze/compare.ts';
import { K_SURVEY, MissingData, type ClaimContext } from './context.ts';
import { earlierValue } from './grammar.ts';
import { MEAN, TICKED, TOP2, cat, f1, f2, now, type Special } from './values.ts';

const SERVICES = ['bostotte', 'introduksjon', 'bosetting', 'rus', 'kommunale_boliger', 'booppfolging', 'startlan', 'psykisk_helse', 'gjeldsradgivning', 'skjenkebevilling', 'hjelpemidler', 'annet'];
const TEAM_ITEMS = ['team_forstaelse', 'team_deler_ressurser', 'team_nyttige_innspill', 'team_vi_holdning', 'team_apen_nye_ideer', 'team_kritisk_vurdering'];
const SAVNER = ['savner_helse', 'savner_sosiale', 'savner_skole', 'savner_arbeidsgivere', 'savner_annet'];

async function published(ctx: ClaimContext, wave: string, variable: string, group: string, m = cat([])): Promise<number> {
  const v = await earlierValue(ctx, variable, group, m, wave);
  if (!v) throw new MissingData(`ingen publisert verdi for ${variable} ${wave} (${group})`);
  return v.value;
}

/** One count over the office survey's tables; `$wave` is its newest wave. */
async function kCount(ctx: ClaimContext, sql: string): Promise<number> {
  return (await ctx.query<{ n: number }>(`SELECT (${sql})::DOUBLE AS n`, {}, K_SURVEY))[0]?.n ?? 0;
}

const OFFICES = 'stg_kontor__offices WHERE frame_wave = $wave';
const SAMPLE = 'stg_kontor__sample WHERE sample_wave = $wave';

async function answered(ctx: ClaimContext): Promise<string> {
  return `(SELECT * FROM ${responsesTable(K_SURVEY)} WHERE wave = $wave AND (${await answeredCondition(ctx.db, K_SURVEY, ctx.waveOf(K_SURVEY))}))`;
}

async function welchP(ctx: ClaimContext, variable: string, a: string, b: string): Promise<number> {
  const [x, y] = [await ctx.answers(variable, a), await ctx.answers(variable, b)];
  return welchT(substantive(x.freq, x.info), substantive(y.freq, y.info), [a, b]).p;
}

async function shareChisqP(ctx: ClaimContext, variable: string, a: string, b: string, codes: number[]): Promise<number> {
  const rows = await Promise.all([a, b].map(async (g) => {
    const x = await ctx.answers(variable, g);
    const k = countIn(x.freq, codes);
    return [k, total(x.freq) - k];
  }));
  return chisq(rows, [a, b]).p;
}

export const KONTOR_SPECIAL: Record<string, Special> = {
  C023: async (ctx) => {
    const [el, rad] = [await now(ctx, 'innfl_kommunalt_radmann', 'enhetsleder'), await now(ctx, 'innflytelse_radmann', 'radmann')];
    return { ok: el > rad, computed: `enhetsledere (kommunalt innhold) ${f1(el)} % mot rådmenn (innholdet generelt) ${f1(rad)} %` };
  },
  C048: async (ctx) => {
    const parts: string[] = [];
    let ok = true;
    for (const item of ['vert_effekt_politisk_styring', 'vert_effekt_adm_losninger', 'vert_effekt_faglig_kvalitet']) {
      const [o, r, e] = [await now(ctx, item, 'ordforer', MEAN), await now(ctx, item, 'radmann', MEAN), await now(ctx, item, 'enhetsleder', MEAN)];
      ok &&= Math.min(o, e) <= r && r <= Math.max(o, e);
      parts.push(`${item.replace('vert_effekt_', '')}: ordfører ${f2(o)}, rådmann ${f2(r)}, enhetsleder ${f2(e)}`);
    }
    return { ok, computed: parts.join('; ') };
  },
  C095: async (ctx) => {
    const shares = new Map<string, number>();
    for (const s of SERVICES) shares.set(s, await now(ctx, `tjenester_${s}`, 'kontor', TICKED));
    const six = ['bostotte', 'introduksjon', 'bosetting', 'rus', 'kommunale_boliger', 'booppfolging'];
    const v = six.map((s) => shares.get(s)!);
    const order = v[0]! >= v[1]! && v[1]! >= v[2]! && v[2]! > v[3]! && v[3]! >= v[4]! && v[4]! >= v[5]!;
    const top = [...shares].filter(([s]) => s !== 'annet').sort((a, b) => b[1] - a[1]).slice(0, 6).map(([s]) => s);
    return { ok: order && six.every((s) => top.includes(s)), computed: six.map((s) => `${s} ${f1(shares.get(s)!)}`).join(' ≥ ') };
  },
  C102: async (ctx) => {
    const v = [1, 2, 3].map((c) => now(ctx, 'tjenester_kat', 'kontor', cat([c])));
    const x = await Promise.all(v);
    return { ok: Math.max(...x) - Math.min(...x) <= 10, computed: `nivå 1–3: ${x.map(f1).join(' / ')} %, spenn ${f1(Math.max(...x) - Math.min(...x))}` };
  },
  C115: async (ctx) => {
    const [el3, or3, el1] = [await now(ctx, 'tjenester_behov', 'enhetsleder', cat([3])), await now(ctx, 'tjenester_behov', 'or_alle', cat([3])), await now(ctx, 'tjenester_behov', 'enhetsleder', cat([1]))];
    return { ok: el3 > or3 && el3 > el1, computed: `færre: enhetsledere ${f1(el3)} % mot ordførere og rådmenn ${f1(or3)} %; enhetsledere flere ${f1(el1)} %` };
  },
  C178: async (ctx) => {
    const [ko, st] = [await now(ctx, 'egen_omrade', 'kommunal', cat([3])), await now(ctx, 'egen_omrade', 'statlig', cat([3]))];
    const p2 = await shareChisqP(ctx, 'egen_omrade', 'kommunal', 'statlig', [3]);
    const [a, b] = [await ctx.answers('hovedoppgaver_omrade', 'statlig'), await ctx.answers('hovedoppgaver_omrade', 'kommunal')];
    const codes = a.info.codes.map((c) => c.code);
    const pAll = chisq([a, b].map((x) => codes.map((c) => countIn(x.freq, [c]))), ['statlig', 'kommunal']).p;
    return { ok: ko > st && p2 < 0.05 && pAll < 0.05, computed: `den andre arbeidsgiverens område: kommunalt ansatte ${f1(ko)} %, statlig ansatte ${f1(st)} %; kji-kvadrat 2×2 p = ${p2.toPrecision(3)}, hele fordelingen p = ${pAll.toPrecision(3)}` };
  },
  C184: async (ctx) => {
    const parts: string[] = [];
    let ok = true;
    for (const [group, codes] of [['statlig', [1, 2]], ['kommunal', [4, 5]]] as const) {
      const [then, today] = [await published(ctx, '2015', 'hovedoppgaver_omrade', group, cat([...codes])), await now(ctx, 'egen_omrade', group, cat([1]))];
      ok &&= today < then;
      parts.push(`${group}: 2015 ${f1(then)} % → 2019 ${f1(today)} %`);
    }
    return { ok, computed: parts.join('; ') };
  },
  C186: async (ctx) => {
    const v = await now(ctx, 'egen_omrade', 'kontor_alle', cat([1]));
    return { ok: v > 50, computed: `kun eller hovedvekt på eget område: ${f1(v)} %` };
  },
  C191: async (ctx) => {
    const [v19, v14] = [await now(ctx, 'teamarbeid_grad', 'kontor_alle', TOP2), await published(ctx, '2014', 'teamarbeid_grad4_2014', 'kontor_alle', cat([3, 4]))];
    return { ok: Math.abs(v19 - v14) <= 5, computed: `2014 (firedelt) ${f1(v14)} % → 2019 (femdelt) ${f1(v19)} %`, note: 'ulike skalaer (fotnote 10): ikke testet' };
  },
  C208: async (ctx) => {
    const means = await Promise.all(TEAM_ITEMS.map(async (i) => [i, await now(ctx, i, 'team', MEAN)] as const));
    const lowest = [...means].sort((a, b) => a[1] - b[1])[0]![0];
    return { ok: lowest === 'team_kritisk_vurdering', computed: means.map(([i, m]) => `${i.replace('team_', '')} ${f2(m)}`).join(', ') };
  },
  C209: async (ctx) => {
    const parts = await Promise.all(TEAM_ITEMS.map(async (i) => [i, await now(ctx, i, 'kommunal.team', MEAN), await now(ctx, i, 'statlig.team', MEAN)] as const));
    return { ok: parts.every(([, k, s]) => k <= s), computed: parts.map(([i, k, s]) => `${i.replace('team_', '')}: kommunal ${f2(k)} / statlig ${f2(s)}`).join('; ') };
  },
  C210: async (ctx) => {
    const ps = await Promise.all(TEAM_ITEMS.map((i) => welchP(ctx, i, 'kommunal.team', 'statlig.team')));
    const sig = ps.filter((p) => p < 0.05).length;
    return { ok: sig >= 4, computed: `Welch t p < .05 på ${sig} av 6 (${ps.map((p) => p.toPrecision(2)).join(', ')})` };
  },
  C217: async (ctx) => {
    const groups = await Promise.all([1, 2, 3, 4].map(async (c) => {
      const x = await ctx.answers('samarbeid_kommunale_tjenester', `portefolje_${c}`).catch(() => null);
      return x ? substantive(x.freq, x.info) : null;
    }));
    if (groups.some((g) => g === null)) throw new MissingData('kontorets tjenesteportefølje mangler');
    const t = anovaF(groups as NonNullable<(typeof groups)[number]>[], ['1', '2', '3', '4']);
    return { ok: t.p >= 0.05, computed: `enveis ANOVA etter kontorets portefølje: F = ${f2(t.statistic)}, p = ${t.p.toPrecision(3)}` };
  },
  C224: async (ctx) => {
    const rows = await ctx.query<{ variable: string; value: number }>(`SELECT variable, value FROM stg_baselines__published WHERE survey = 'kontor' AND wave = '2010' AND starts_with(variable, 'endring2010_') AND measure = 'mean' AND group_code = 'veileder'`, {}, K_SURVEY);
    if (rows.length === 0) throw new MissingData('ingen publiserte 2010-verdier');
    return { ok: rows.every((r) => r.value <= 2.5), computed: rows.map((r) => `${r.variable.replace('endring2010_', '')} ${f2(r.value)}`).join(', ') };
  },
  C230: async (ctx) => {
    const d = async (i: string) => (await now(ctx, i, 'statlig', MEAN)) - (await now(ctx, i, 'kommunal', MEAN));
    const [h, a] = [await d('samarbeid_frekv_helse'), await d('samarbeid_frekv_arbeidsgivere')];
    return { ok: h > 0 && a > 0 && a > h, computed: `statlig − kommunal: helse ${f2(h)}, arbeidsgivere ${f2(a)}` };
  },
  C232: async (ctx) => {
    const items = ['sosiale', 'skole', 'helse', 'arbeidsgivere'];
    const m = await Promise.all(items.map(async (i) => [i, await now(ctx, `samarbeid_frekv_${i}`, 'statlig', MEAN)] as const));
    return { ok: [...m].sort((a, b) => b[1] - a[1])[0]![0] === 'arbeidsgivere', computed: m.map(([i, v]) => `${i} ${f2(v)}`).join(', ') };
  },
  C235: async (ctx) => {
    const parts: string[] = [];
    let ok = true;
    for (const g of ['kontor_alle', 'statlig', 'kommunal']) {
      const v = await Promise.all(SAVNER.map(async (s) => [s, await now(ctx, s, g, TICKED)] as const));
      ok &&= [...v].sort((a, b) => b[1] - a[1])[0]![0] === 'savner_helse';
      parts.push(`${g}: ${v.map(([s, x]) => `${s.replace('savner_', '')} ${f1(x)}`).join(', ')}`);
    }
    return { ok, computed: parts.join('; ') };
  },
  C246: async (ctx) => {
    const [ks, ss] = [await now(ctx, 'savner_sosiale', 'kommunal', TICKED), await now(ctx, 'savner_sosiale', 'statlig', TICKED)];
    const [sa, ka] = [await now(ctx, 'savner_arbeidsgivere', 'statlig', TICKED), await now(ctx, 'savner_arbeidsgivere', 'kommunal', TICKED)];
    const [p1, p2] = [await shareChisqP(ctx, 'savner_sosiale', 'kommunal', 'statlig', [1]), await shareChisqP(ctx, 'savner_arbeidsgivere', 'statlig', 'kommunal', [1])];
    return { ok: ks > ss && sa > ka && p1 < 0.05 && p2 < 0.05, computed: `sosiale: kommunal ${f1(ks)} / statlig ${f1(ss)} (p = ${p1.toPrecision(3)}); arbeidsgivere: statlig ${f1(sa)} / kommunal ${f1(ka)} (p = ${p2.toPrecision(3)})` };
  },
  C247: async (ctx) => {
    const v = await Promise.all(SAVNER.map(async (s) => [s, await now(ctx, s, 'kommunal', TICKED)] as const));
    const order = [...v].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    return { ok: order[0] === 'savner_helse' && order[1] === 'savner_sosiale', computed: v.map(([s, x]) => `${s.replace('savner_', '')} ${f1(x)}`).join(', ') };
  },
  C248: async (ctx) => {
    const rows = await ctx.query<{ variable: string; measure: string; value: number }>(`SELECT variable, measure, value FROM stg_baselines__published WHERE survey = 'kontor' AND wave = '2007' AND starts_with(variable, 'savner2007_') AND measure IN ('rank', 'pct_ticked') ORDER BY CASE value_source WHEN 'stated' THEN 0 WHEN 'approximate' THEN 1 ELSE 2 END`, {}, K_SURVEY);
    const value = (v: string, m: string) => rows.find((r) => r.variable === `savner2007_${v}` && r.measure === m)?.value;
    const [nav, kom, arb] = ['nav', 'kommunale', 'arbeidsgivere'].map((v) => value(v, 'pct_ticked'));
    if (nav === undefined || kom === undefined || arb === undefined) throw new MissingData('mangler publiserte 2007-verdier');
    const ticked = rows.filter((r) => r.measure === 'pct_ticked').map((r) => r.value);
    const ranks = ['nav', 'kommunale', 'arbeidsgivere'].map((v) => value(v, 'rank'));
    return { ok: nav > kom && kom > arb && nav === Math.max(...ticked) && ranks.join() === '1,2,3', computed: `andre deler av Nav ${f1(nav)} % > kommunale ${f1(kom)} % > arbeidsgivere ${f1(arb)} % (rang ${ranks.join(', ')})` };
  },
  C252: async (ctx) => {
    const [h07, a07] = [await published(ctx, '2007', 'savner2007_helse', 'kontor_alle', TICKED), await published(ctx, '2007', 'savner2007_arbeidsgivere', 'kontor_alle', TICKED)];
    const [h19, a19] = [await now(ctx, 'savner_helse', 'kontor_alle', TICKED), await now(ctx, 'savner_arbeidsgivere', 'kontor_alle', TICKED)];
    return { ok: h19 > h07 && a19 > a07, computed: `helsevesenet ${f1(h07)} → ${f1(h19)} %; arbeidsgivere ${f1(a07)} → ${f1(a19)} %`, note: 'ulik ordlyd og, i 2019, en filtrert base: ikke testet' };
  },

  // Tabell 3: the office frame and the respondents per sample.
  C301: async (ctx) => {
    const n = await kCount(ctx, `SELECT count(*) FROM ${OFFICES} AND utvalg_tilfeldig = 1`);
    return { ok: n === 100, computed: `${n} kontorer trukket tilfeldig` };
  },
  C302: async (ctx) => {
    const n = await kCount(ctx, `SELECT count(*) FROM ${OFFICES} AND utvalg_tilfeldig = 1 AND deltar = 0`);
    return { ok: n === 13, computed: `${n} trukne kontorer valgte å ikke svare` };
  },
  C303: async (ctx) => {
    const n = await kCount(ctx, `SELECT count(*) FROM ${await answered(ctx)} WHERE utvalg_tilfeldig = 1 AND coalesce(utvalg_alle_el, 0) = 0`);
    return { ok: n === 952, computed: `${n} respondenter i det tilfeldige utvalget (ansatte; enhetslederne telles i sitt eget utvalg)` };
  },
  C304: async (ctx) => {
    const [f, both] = [await kCount(ctx, `SELECT count(*) FROM ${OFFICES} AND utvalg_oppfolging = 1`), await kCount(ctx, `SELECT count(*) FROM ${OFFICES} AND utvalg_oppfolging = 1 AND utvalg_tilfeldig = 1`)];
    return { ok: f === 57 && both === 17, computed: `${f} oppfølgingskontorer, ${both} av dem også trukket tilfeldig` };
  },
  C305: async (ctx) => {
    const n = await kCount(ctx, `SELECT count(*) FROM ${OFFICES} AND utvalg_oppfolging = 1 AND deltar = 0`);
    return { ok: n === 1, computed: `${n} oppfølgingskontor valgte å ikke svare` };
  },
  C306: async (ctx) => {
    const n = await kCount(ctx, `SELECT count(*) FROM ${await answered(ctx)} WHERE utvalg_oppfolging = 1 AND coalesce(utvalg_alle_el, 0) = 0`);
    return { ok: n === 804, computed: `${n} respondenter i oppfølgingsutvalget` };
  },
  C307: async (ctx) => {
    const [c, r, f] = await Promise.all(['', ' AND utvalg_tilfeldig = 1', ' AND utvalg_oppfolging = 1'].map((x) => kCount(ctx, `SELECT count(*) FROM ${OFFICES} AND utvalg_case = 1${x}`)));
    return { ok: c === 6 && r === 1 && f === 2, computed: `${c} casekontorer, ${r} trukket tilfeldig, ${f} oppfølgingskontorer` };
  },
  C308: async (ctx) => {
    const n = await kCount(ctx, `SELECT count(*) FROM ${await answered(ctx)} WHERE utvalg_case = 1 AND coalesce(utvalg_alle_el, 0) = 0`);
    return { ok: n === 187, computed: `${n} respondenter fra casekontorene` };
  },
  C309: async (ctx) => {
    const n = await kCount(ctx, `SELECT count(*) FROM ${OFFICES} AND (utvalg_tilfeldig = 1 OR utvalg_oppfolging = 1 OR utvalg_case = 1)`);
    return { ok: n === 142, computed: `${n} ulike kontorer i de tre kontorutvalgene` };
  },
  C310: async (ctx) => {
    const n = await kCount(ctx, `SELECT count(DISTINCT kontor_id) FROM ${await answered(ctx)} WHERE coalesce(utvalg_alle_el, 0) = 0`);
    return { ok: n === 124, computed: `svar fra ansatte ved ${n} kontorer` };
  },
  C311: async (ctx) => {
    const [inv, invOff] = [await kCount(ctx, `SELECT count(*) FROM ${SAMPLE} AND utvalg_alle_el = 1 AND status <> 'removed'`), await kCount(ctx, `SELECT count(DISTINCT kontor_id) FROM ${SAMPLE} AND utvalg_alle_el = 1 AND status <> 'removed'`)];
    const rows = await answered(ctx);
    const [ans, ansOff] = [await kCount(ctx, `SELECT count(*) FROM ${rows} WHERE utvalg_alle_el = 1`), await kCount(ctx, `SELECT count(DISTINCT kontor_id) FROM ${rows} WHERE utvalg_alle_el = 1`)];
    return { ok: inv === 315 && invOff === 315 && ans === 220 && ansOff === 218, computed: `invitert ${inv} enhetsledere ved ${invOff} kontorer; ${ans} svarte, fra ${ansOff} kontorer` };
  },
  C312: async () => ({ ok: 100 + 57 + 6 - 17 - 1 - 2 === 143, computed: '100 + 57 + 6 − 17 − 1 − 2 = 143, ikke 142' }),
  C313: async () => ({ ok: 952 + 804 + 187 + 220 === 2163 && 2163 - 1745 === 418, computed: '952 + 804 + 187 + 220 = 2163; 2163 − 1745 = 418' }),

  // Tabell 4 and the fieldwork (L2790–L2794).
  C314: async (ctx) => {
    const n = await Promise.all(["gruppe = 'enhetsleder_census'", "gruppe = 'andre'", 'true'].map((w) => kCount(ctx, `SELECT count(*) FROM ${SAMPLE} AND status <> 'removed' AND ${w}`)));
    return { ok: n.join() === '315,4372,4687', computed: `utsendte ${n.join(' / ')}` };
  },
  C315: async (ctx) => {
    const rows = await answered(ctx);
    const n = await Promise.all(["s.gruppe = 'enhetsleder_census'", "s.gruppe = 'andre'", 'true'].map((w) => kCount(ctx, `SELECT count(*) FROM ${rows} r JOIN (SELECT * FROM ${SAMPLE}) s USING (resp_id) WHERE ${w}`)));
    return { ok: n.join() === '220,1525,1745', computed: `besvarte ${n.join(' / ')}` };
  },
  C316: async (ctx) => {
    const rates = await ctx.query<{ group_code: string; value: number }>(`SELECT group_code, value FROM results WHERE figure_id = 'T4' AND measure = 'response_rate' AND wave = $wave`, {}, K_SURVEY);
    const r = (g: string) => rates.find((x) => x.group_code === g)?.value ?? Number.NaN;
    const [l, a, t] = [r('enhetsleder_census'), r('andre'), r('kontor_alle')];
    return { ok: l >= 69.5 && l < 70.5 && a >= 34.5 && a < 35.5 && t >= 36.5 && t < 37.5, computed: `svarprosent ${[l, a, t].map(f1).join(' / ')}` };
  },
  C317: async () => {
    const r = [220 / 315, 1525 / 4372, 1745 / 4687].map((x) => Math.round(100 * x));
    return { ok: r.join() === '70,35,37' && 315 + 4372 === 4687 && 220 + 1525 === 1745, computed: `avrundet ${r.join(' / ')} %` };
  },
  C318: async (ctx) => {
    const [absent, bounced] = [await kCount(ctx, `SELECT count(*) FROM ${SAMPLE} AND status = 'absent'`), await kCount(ctx, `SELECT count(*) FROM ${SAMPLE} AND status = 'bounced'`)];
    return { ok: null, computed: `fravær ${absent}, i retur av ukjent grunn ${bounced}`, note: 'antall e-poster (4859) kan ikke telles i en utvalgsfil med én rad per person (figures.md I29)' };
  },
  C319: async (ctx) => {
    const [removed, added] = [await kCount(ctx, `SELECT count(*) FROM ${SAMPLE} AND status = 'removed'`), await kCount(ctx, `SELECT count(*) FROM ${SAMPLE} AND runde_lagt_til = 2`)];
    return { ok: null, computed: `slettet ${removed}, lagt til i runde 2 ${added}`, note: 'e-poster sendt i andre runde (4760) kan ikke telles i en utvalgsfil med én rad per person (figures.md I29)' };
  },
  C320: async (ctx) => {
    const n = await kCount(ctx, `SELECT count(DISTINCT resp_id) FROM ${await answered(ctx)}`);
    return { ok: n === 1745, computed: `${n} unike respondenter med minst ett svar` };
  },
  C321: async () => ({ ok: 90 + 45 === 135 && 4859 - 94 === 4765 && 4760 + 5 === 4765, computed: '90 + 45 = 135; 4859 − 94 = 4765 = 4760 + 5' }),
  C322: async () => ({ ok: 4859 - 4687 === 172, computed: '4859 − 4687 = 172, ikke forklart i teksten' }),
  C323: async () => ({ ok: true, computed: 'kryssreferansene «tabell 2», «tabell 3» og «vedlegg F» peker på Tabell 3, Tabell 4 og Vedlegg D' }),
};

