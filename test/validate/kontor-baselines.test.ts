/**
 * The office-survey (kontor) rows of the published-baseline file (exports.md §4): every row passes
 * the loader's zod schema, the stated/approximate rows are exactly those of §4.3 for K2015, K2014,
 * K2010 and K2007, and the illustrative rows meet the constraints of §4.4 (F28, F29, F30, F37, F40,
 * F44) — distributions sum to 100, and every claim a row lists holds on the baseline values.
 */
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BaselineRow } from '../../schemas/baseline.ts';

const FILE = new URL('../../raw/baselines/published_baselines.csv', import.meta.url);
const CLAIMS = new URL('../../schemas/spec/claims.md', import.meta.url);
const SEED = new URL('../../../shared/seeds/003_c7a86fef464bbd1b.txt', import.meta.url);

/** The ordfører/rådmann 2011 rows the file held before the kontor rows were added. */
const OR_ROWS = 64;

const raw = Papa.parse<Record<string, string>>(readFileSync(FILE, 'utf8'), { header: true, skipEmptyLines: true });
// As pipeline/validate/baselines.ts: cells trimmed, then the zod schema of exports.md §4.1.
const parsed = raw.data.map((r) => BaselineRow.safeParse(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, (v ?? '').trim()]))));
const rows = parsed.flatMap((p) => (p.success ? [p.data] : []));
const kontor = rows.filter((r) => r.survey === 'kontor');

const stated = kontor.filter((r) => r.value_source !== 'illustrative');
const illustrative = kontor.filter((r) => r.value_source === 'illustrative');
const find = (f: Partial<BaselineRow>) => kontor.filter((r) => Object.entries(f).every(([k, v]) => r[k as keyof BaselineRow] === v));
const one = (f: Partial<BaselineRow>) => {
  const hit = find(f);
  expect(hit, JSON.stringify(f)).toHaveLength(1);
  return hit[0]!;
};
/** Illustrative pct_cat distribution of one cell: category → value. */
const dist = (figure: string, group: string) => new Map(illustrative.filter((r) => r.figure === figure && r.group === group && r.measure === 'pct_cat').map((r) => [r.category, r.value]));
const sum = (m: Map<string, number>, cats: string[]) => cats.reduce((s, c) => s + (m.get(c) ?? 0), 0);

describe('the whole file', () => {
  it('parses without CSV errors and every row passes the schema', () => {
    expect(raw.errors).toEqual([]);
    const bad = parsed.flatMap((p, i) => (p.success ? [] : [`row ${i + 2}: ${p.error.issues.map((x) => `${String(x.path[0])} ${x.message}`).join('; ')}`]));
    expect(bad).toEqual([]);
  });

  it('has unique baseline_ids', () => {
    const ids = rows.map((r) => r.baseline_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the ordfører/rådmann 2011 rows (count unchanged, all before the kontor rows)', () => {
    expect(rows.filter((r) => r.survey === 'ordforer_radmann')).toHaveLength(OR_ROWS);
    expect(rows.slice(0, OR_ROWS).every((r) => r.survey === 'ordforer_radmann' && r.wave === '2011')).toBe(true);
    expect(rows.slice(OR_ROWS).every((r) => r.survey === 'kontor')).toBe(true);
  });
});

describe('kontor rows: columns and conventions', () => {
  it('use only the earlier waves of §4.1 and name no source the report does not name', () => {
    expect(kontor.length).toBeGreaterThan(0);
    for (const r of kontor) {
      expect(['2015', '2014', '2010', '2007', 'unknown']).toContain(r.wave);
      expect(r.source, r.baseline_id).toMatch(/^ikke oppgitt \(/);
      expect(r.reported_in, r.baseline_id).toMatch(/^Hellang mfl\. 2020, (tekst til )?Figur \d+/);
      expect(r.baseline_id, r.baseline_id).toMatch(new RegExp(`^K(${r.wave === 'unknown' ? 'ukjent' : r.wave})-${r.figure}-`));
      // The report gives no n for any earlier office wave: no test may be computed.
      expect([r.n, r.n_kind], r.baseline_id).toEqual([null, 'unknown']);
    }
  });

  it('stated/approximate rows quote the report with a line number and hold value in [value_low, value_high]', () => {
    for (const r of stated) {
      expect(r.quote, r.baseline_id).toMatch(/^L\d{4}: \S/);
      expect(r.reported_in, r.baseline_id).toContain(r.quote.slice(0, 5));
      expect(r.value_low, r.baseline_id).not.toBeNull();
      expect(r.value_high, r.baseline_id).not.toBeNull();
      expect(r.value).toBeGreaterThanOrEqual(r.value_low!);
      expect(r.value).toBeLessThanOrEqual(r.value_high!);
    }
  });

  it.skipIf(!existsSync(SEED))('quotes are verbatim sentences of the numbered line of the report', () => {
    const lines = readFileSync(SEED, 'utf8').split('\n');
    for (const r of stated) {
      const m = /^L(\d{4}): (.*)$/s.exec(r.quote)!;
      expect(lines[Number(m[1]) - 1], r.baseline_id).toContain(m[2]);
    }
  });

  it('illustrative rows carry no quote and say in the note why the value was chosen', () => {
    for (const r of illustrative) {
      expect(r.quote, r.baseline_id).toBe('');
      expect(r.reported_in, r.baseline_id).toMatch(/bilde mangler|ikke gjengitt/);
      expect(r.comparability_note, r.baseline_id).toMatch(/illustrativ/i);
    }
  });

  it('comparability follows figures.md §9', () => {
    const expected: Record<string, string> = { F28: 'same_question', F29: 'not_directly_comparable', F30: 'same_question', F37: 'different_question', F40: 'different_question', F44: 'not_directly_comparable' };
    for (const r of kontor) expect([r.baseline_id, r.comparability]).toEqual([r.baseline_id, expected[r.figure]]);
    for (const r of kontor.filter((x) => x.comparability !== 'same_question')) expect(r.comparability_note, r.baseline_id).not.toBe('');
    for (const r of kontor.filter((x) => x.figure === 'F30')) expect(r.comparability_note).toMatch(/ordlyden i 2014 er ukjent/);
  });

  it('every claim a row lists exists in claims.md and is about that figure', () => {
    const text = readFileSync(CLAIMS, 'utf8');
    const figuresOf = new Map([...text.matchAll(/^### (C\d{3}) · ([^·]+) ·/gm)].map((m) => [m[1]!, m[2]!.split(',').map((s) => s.trim())]));
    for (const r of kontor) {
      for (const id of r.claims.split(';').filter(Boolean)) {
        expect(figuresOf.get(id), `${r.baseline_id}: ${id}`).toContain(r.figure);
      }
    }
  });

  it('every baseline claim on K2015/K2014/K2010/K2007 is served by at least one row', () => {
    const text = readFileSync(CLAIMS, 'utf8');
    const uses = [...text.matchAll(/^### (C\d{3}) · [^\n]*\n(?:- [^\n]*\n)*?- Check: `(K20(?:15|14|10|07))/gm)].map((m) => m[1]!);
    expect(uses).toEqual(expect.arrayContaining(['C181', 'C182', 'C183', 'C190', 'C224', 'C248', 'C249', 'C250', 'C251']));
    const served = new Set(kontor.flatMap((r) => r.claims.split(';')));
    for (const id of uses) expect(served.has(id), id).toBe(true);
    // trend claims that read an earlier-wave value
    for (const id of ['C184', 'C185', 'C191', 'C192', 'C193', 'C252']) expect(served.has(id), id).toBe(true);
  });
});

describe('kontor rows: the stated/approximate values of exports.md §4.3', () => {
  // wave, figure, variable, group, measure, category, value, [low, high], qualifier, value_source, line, claim
  const TABLE: Array<[string, string, string, string, string, string, number, number, number, string, string, string, string]> = [
    ['2015', 'F28', 'hovedoppgaver_omrade', 'kommunal', 'pct_cat', '4;5', 80, 80, 100, 'over', 'approximate', 'L1991', 'C181'],
    ['2015', 'F28', 'hovedoppgaver_omrade', 'statlig', 'pct_cat', '1;2', 90, 87, 93, 'ca', 'approximate', 'L1991', 'C182'],
    ['2015', 'F28', 'hovedoppgaver_omrade', 'kontor_alle', 'pct_cat', '3', 11, 8, 14, 'ca', 'approximate', 'L1991', 'C183'],
    ['2014', 'F29', 'teamarbeid_grad4_2014', 'kontor_alle', 'pct_cat', '3;4', 83, 82.5, 83.5, 'exact', 'stated', 'L2005', 'C190'],
    ['2010', 'F37', 'endring2010_*', 'veileder', 'mean', '', 2.5, 1, 2.5, 'under', 'approximate', 'L2102', 'C224'],
    ['2007', 'F40', 'savner2007_nav', 'kontor_alle', 'rank', '', 1, 1, 1, 'rank_only', 'stated', 'L2130', 'C248'],
    ['2007', 'F40', 'savner2007_kommunale', 'kontor_alle', 'rank', '', 2, 2, 2, 'rank_only', 'stated', 'L2130', 'C248'],
    ['2007', 'F40', 'savner2007_arbeidsgivere', 'kontor_alle', 'rank', '', 3, 3, 3, 'rank_only', 'stated', 'L2130', 'C248'],
    ['2007', 'F40', 'savner2007_arbeidsgivere', 'kontor_alle', 'pct_ticked', '', 15, 14.5, 15.5, 'exact', 'stated', 'L2132', 'C249'],
    ['2007', 'F40', 'savner2007_kommunale', 'kontor_alle', 'pct_ticked', '', 20, 17, 23, 'ca', 'approximate', 'L2132', 'C250'],
    ['2007', 'F40', 'savner2007_helse', 'kontor_alle', 'pct_ticked', '', 20, 17, 23, 'ca', 'approximate', 'L2132', 'C251'],
  ];

  it.each(TABLE)('%s %s %s %s %s [%s] = %s', (wave, figure, variable, group, measure, category, value, low, high, qualifier, source, line, claim) => {
    const r = one({ wave, figure, variable, group, measure: measure as BaselineRow['measure'], category, value_source: source as BaselineRow['value_source'] });
    expect([r.value, r.value_low, r.value_high, r.qualifier]).toEqual([value, low, high, qualifier]);
    expect(r.quote.startsWith(`${line}: `)).toBe(true);
    expect(r.claims.split(';')).toContain(claim);
  });

  it('holds exactly these stated/approximate kontor rows', () => {
    expect(stated).toHaveLength(TABLE.length);
  });

  it('the F29 row is the example row of §4.2', () => {
    const r = one({ baseline_id: 'K2014-F29-alle' });
    expect(r).toMatchObject({ source: 'ikke oppgitt (kontorsurvey 2014; de 57 oppfølgingskontorene)', reported_in: 'Hellang mfl. 2020, tekst til Figur 29, L2005', scale_points: 4, scale_labels: '1=Ikke i det hele tatt;4=I stor grad', base: 'unknown', comparability: 'not_directly_comparable', comparability_note: '4-delt skala, jf. fotnote 10 (L2007)' });
  });
});

describe('kontor rows: the illustrative cells of exports.md §4.4', () => {
  it('only the figures of §4.4 have illustrative kontor rows', () => {
    expect([...new Set(illustrative.map((r) => r.figure))].sort()).toEqual(['F28', 'F29', 'F30', 'F37', 'F40', 'F44']);
  });

  it('every illustrative distribution sums to 100 ± 0.5 per group, with shares in [0, 100]', () => {
    const cells = new Map<string, number>();
    for (const r of illustrative.filter((x) => x.measure === 'pct_cat')) {
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.value).toBeLessThanOrEqual(100);
      const key = `${r.wave} ${r.figure} ${r.variable} ${r.group}`;
      cells.set(key, (cells.get(key) ?? 0) + r.value);
    }
    expect([...cells.keys()].sort()).toEqual(['2014 F29 teamarbeid_grad4_2014 kontor_alle', '2014 F30 team_sammensetning kontor_alle', '2015 F28 hovedoppgaver_omrade kommunal', '2015 F28 hovedoppgaver_omrade statlig']);
    for (const [key, total] of cells) expect(Math.abs(total - 100), `${key}: ${total}`).toBeLessThanOrEqual(0.5);
  });

  it('F28 2015 distributions per ansettelse reproduce the approximate shares (C181–C183) and leave room for the trends (C184, C185)', () => {
    const statlig = dist('F28', 'statlig');
    const kommunal = dist('F28', 'kommunal');
    for (const d of [statlig, kommunal]) expect(new Set(d.keys())).toEqual(new Set(['1', '2', '3', '4', '5', '6']));
    expect(sum(kommunal, ['4', '5'])).toBeGreaterThan(80); // C181 (80, 100]
    expect(sum(statlig, ['1', '2'])).toBeGreaterThanOrEqual(87); // C182 [87, 93]
    expect(sum(statlig, ['1', '2'])).toBeLessThanOrEqual(93);
    // C183 is pooled over ansettelse; with both groups in [8, 14] every mix of the two is too.
    for (const d of [statlig, kommunal]) {
      expect(sum(d, ['3'])).toBeGreaterThanOrEqual(8);
      expect(sum(d, ['3'])).toBeLessThanOrEqual(14);
      expect(sum(d, ['3'])).toBeLessThan(24); // C185: 24 % in 2019 (L1991)
    }
    // C184 against the 2019 levels: statlig own area ca. 70, kommunal ca. 55 (L1985, L1991).
    expect(sum(statlig, ['1', '2'])).toBeGreaterThan(73);
    expect(sum(kommunal, ['4', '5'])).toBeGreaterThan(58);
    // Fewer work mainly in the other employer's area than in 2019 (5 % statlig, 18 % kommunal, L1985).
    expect(sum(statlig, ['4', '5'])).toBeLessThan(5);
    expect(sum(kommunal, ['1', '2'])).toBeLessThan(18);
    // ... and the bounds of the same cell's approximate rows hold too.
    for (const r of find({ figure: 'F28', value_source: 'approximate' }).filter((x) => x.group !== 'kontor_alle')) {
      const share = sum(dist('F28', r.group), r.category.split(';'));
      expect(share).toBeGreaterThanOrEqual(r.value_low!);
      expect(share).toBeLessThanOrEqual(r.value_high!);
    }
  });

  it('F29 2014 full 4-point distribution has top two = 83 (C190) and is within 5 points of 2019 (C191)', () => {
    const d = dist('F29', 'kontor_alle');
    expect(new Set(d.keys())).toEqual(new Set(['1', '2', '3', '4']));
    const top2 = sum(d, ['3', '4']);
    expect(top2).toBeGreaterThanOrEqual(82.5);
    expect(top2).toBeLessThan(83.5);
    expect(Math.abs(79 - top2)).toBeLessThanOrEqual(5); // 79 % in 2019 (L2005)
    for (const r of find({ figure: 'F29' })) expect([r.scale_points, r.scale_labels]).toEqual([4, '1=Ikke i det hele tatt;4=I stor grad']);
  });

  it('F30 2014 team composition: mixed teams below the 2019 share the claims describe (C192–C194)', () => {
    const d = dist('F30', 'kontor_alle');
    expect(new Set(d.keys())).toEqual(new Set(['1', '2', '3', '9']));
    // C194: 2019 mixed teams ≥ 75 (veiledere); C193 needs 2014 < 2019, C192 the reverse for only-one-employer teams.
    expect(sum(d, ['3'])).toBeLessThan(75);
    expect(sum(d, ['1', '2'])).toBeGreaterThan(100 - 75);
    expect(sum(d, ['3'])).toBeGreaterThan(50); // most teams were already mixed in 2014
    for (const r of find({ figure: 'F30' })) expect(r.base).toBe('filtered:i_team=1');
  });

  it('F37 2010 means per partner are all ≤ 2.5 (C224)', () => {
    const means = illustrative.filter((r) => r.figure === 'F37');
    expect(means.length).toBeGreaterThanOrEqual(2);
    for (const r of means) {
      expect(r).toMatchObject({ wave: '2010', group: 'veileder', measure: 'mean' });
      expect(r.variable).toMatch(/^endring2010_[a-z_]+$/);
      expect(r.value).toBeGreaterThanOrEqual(1);
      expect(r.value).toBeLessThanOrEqual(2.5);
    }
  });

  it('F40 2007: savner2007_nav is the largest option (> 20) and the ranking nav > kommunale > arbeidsgivere holds (C248)', () => {
    const ticked = new Map(find({ figure: 'F40', measure: 'pct_ticked' }).map((r) => [r.variable, r]));
    const nav = ticked.get('savner2007_nav')!;
    expect(nav.value_source).toBe('illustrative');
    expect(nav.value).toBeGreaterThan(20);
    // largest even at the upper bound of every approximate option
    for (const r of ticked.values()) if (r !== nav) expect(nav.value, r.variable).toBeGreaterThan(r.value_high ?? r.value);
    const k = ticked.get('savner2007_kommunale')!;
    const a = ticked.get('savner2007_arbeidsgivere')!;
    expect(nav.value).toBeGreaterThan(k.value);
    expect(k.value_low!).toBeGreaterThan(a.value_high!);
    for (const r of illustrative.filter((x) => x.figure === 'F40')) expect(r.value).toBeLessThanOrEqual(100);
  });

  it('F44 means are illustrative, wave unknown, on the 4-point scale', () => {
    const means = kontor.filter((r) => r.figure === 'F44');
    expect(means.map((r) => r.variable).sort()).toEqual(['mal4_effektiv_forvaltning', 'mal4_flere_i_arbeid', 'mal4_service_tilpasset']);
    for (const r of means) {
      expect(r).toMatchObject({ wave: 'unknown', measure: 'mean', value_source: 'illustrative', scale_points: 4, claims: '' });
      expect(r.value).toBeGreaterThanOrEqual(1);
      expect(r.value).toBeLessThanOrEqual(4);
    }
  });
});
