/**
 * The office-survey codebook (`schemas/codebooks/kontor-2019.json`) against its spec,
 * `spec/questionnaire-kontor.md` §3–§4, and against the ordfører/rådmann codebook it harmonises with.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Codebook, type ValueSet, type Variable } from '../../schemas/codebook.ts';

const read = (file: string): Codebook =>
  Codebook.parse(JSON.parse(readFileSync(new URL(`../../schemas/codebooks/${file}`, import.meta.url), 'utf8')));

const kontor = read('kontor-2019.json');
const or = read('ordforer_radmann-2019.json');

const variable = (cb: Codebook, name: string): Variable => {
  const v = cb.variables.find((x) => x.name === name);
  if (!v) throw new Error(`${cb.survey}: no variable ${name}`);
  return v;
};
const valueSet = (cb: Codebook, id: string | undefined): ValueSet | undefined => cb.value_sets.find((s) => s.id === id);
/** What must agree for a harmonised column to be joinable: codes, labels, aliases, "Vet ikke", order. */
const comparable = (s: ValueSet | undefined) =>
  s && { codes: s.codes.map(({ code, label, aliases }) => ({ code, label, aliases })), dont_know: s.dont_know, ordinal: s.ordinal };

/** Every export column of questionnaire-kontor.md §3 (B1–B17) and §4 (K1–K24), in spec order. */
const SPEC_VARIABLES = [
  // §3 background, administrative and sample variables
  'resp_id', 'kontor_id', 'kontor_navn', 'kommunenr', 'fylkesnr', 'fylke', 'stilling', 'ansettelse',
  'utdanning_detalj', 'utdanning', 'utvalg_tilfeldig', 'utvalg_oppfolging', 'utvalg_case', 'utvalg_alle_el',
  'svar_status', 'start_tid', 'slutt_tid',
  // A. unit leaders only
  'innfl_kommunalt_navfylke', 'innfl_kommunalt_radmann', 'innfl_kommunalt_kommunalsjef', 'innfl_kommunalt_ordforer',
  'innfl_kommunalt_folkevalgte', 'innfl_kommunalt_navkontor',
  'apningstid_medvirket', 'apningstid_resultat', 'vert_samarbeid',
  'vert_effekt_politisk_styring', 'vert_effekt_adm_losninger', 'vert_effekt_faglig_kvalitet',
  'pm_agenda_navleder',
  'tjenester_bostotte', 'tjenester_introduksjon', 'tjenester_bosetting', 'tjenester_rus', 'tjenester_kommunale_boliger',
  'tjenester_booppfolging', 'tjenester_startlan', 'tjenester_psykisk_helse', 'tjenester_gjeldsradgivning',
  'tjenester_skjenkebevilling', 'tjenester_hjelpemidler', 'tjenester_annet', 'tjenester_annet_tekst', 'tjenester_ingen',
  'tjenester_behov', 'samkjoring_felles_plan', 'samkjoring_rapportering', 'planarbeid_kommune', 'planarbeid_navfylke',
  // B. leaders
  'partnerskap_likeverdige', 'partnerskap_loser_oppgaver', 'partnerskap_fremmer_samarbeid', 'partnerskap_merarbeid',
  'mal_effektiv_forvaltning', 'mal_service_tilpasset', 'mal_flere_i_arbeid',
  // C. all respondents
  'hovedoppgaver_omrade', 'teamarbeid_grad',
  // D. team members
  'team_sammensetning', 'team_fornoyd', 'team_mal_tydelig', 'team_mal_enig',
  'team_forstaelse', 'team_deler_ressurser', 'team_nyttige_innspill', 'team_vi_holdning', 'team_apen_nye_ideer',
  'team_kritisk_vurdering',
  // E. service level
  'samarbeid_kommunale_tjenester', 'samarbeid_statlige_tjenester',
  'samarbeid_frekv_sosiale', 'samarbeid_frekv_skole', 'samarbeid_frekv_helse', 'samarbeid_frekv_arbeidsgivere',
  'savner_samarbeid', 'savner_helse', 'savner_sosiale', 'savner_skole', 'savner_arbeidsgivere', 'savner_annet',
  'sosiale_tjenester_ivaretatt',
];

/** The harmonised items of questionnaire-kontor.md §7 (plus vert_samarbeid, same name and set). */
const HARMONISED = [
  'apningstid_medvirket', 'apningstid_resultat', 'vert_samarbeid',
  'vert_effekt_politisk_styring', 'vert_effekt_adm_losninger', 'vert_effekt_faglig_kvalitet', 'pm_agenda_navleder',
  'tjenester_bostotte', 'tjenester_introduksjon', 'tjenester_bosetting', 'tjenester_rus', 'tjenester_kommunale_boliger',
  'tjenester_booppfolging', 'tjenester_startlan', 'tjenester_psykisk_helse', 'tjenester_gjeldsradgivning',
  'tjenester_skjenkebevilling', 'tjenester_hjelpemidler', 'tjenester_annet', 'tjenester_annet_tekst', 'tjenester_ingen',
  'tjenester_behov', 'samkjoring_felles_plan', 'samkjoring_rapportering', 'planarbeid_kommune', 'planarbeid_navfylke',
  'partnerskap_likeverdige', 'partnerskap_loser_oppgaver', 'partnerskap_fremmer_samarbeid', 'partnerskap_merarbeid',
  'mal_effektiv_forvaltning', 'mal_service_tilpasset', 'mal_flere_i_arbeid',
  'samarbeid_kommunale_tjenester', 'sosiale_tjenester_ivaretatt',
];

describe('kontor-2019 codebook', () => {
  it('parses with Codebook and identifies the K2019 instrument', () => {
    expect(kontor).toMatchObject({ survey: 'kontor', wave: '2019', instrument: 'K2019' });
  });

  it('has exactly the export columns of questionnaire-kontor.md §3–§4 (81 = 17 + 64, §8)', () => {
    const names = kontor.variables.map((v) => v.name);
    expect(SPEC_VARIABLES).toHaveLength(81);
    for (const name of SPEC_VARIABLES) expect(names, name).toContain(name);
    expect([...names].sort()).toEqual([...SPEC_VARIABLES].sort());
  });

  it('requires resp_id, stilling and ansettelse; kontor_id is optional (joinable from sample.csv)', () => {
    expect(kontor.variables.filter((v) => v.required).map((v) => v.name).sort()).toEqual(['ansettelse', 'resp_id', 'stilling']);
    expect(variable(kontor, 'kontor_id')).toMatchObject({ kind: 'kontor_id', required: false });
  });

  it('routes every asked_if to a variable of the codebook, on codes that variable can hold', () => {
    const routed = kontor.variables.filter((v) => v.asked_if);
    expect(routed.length).toBeGreaterThan(0);
    for (const v of routed) {
      const target = kontor.variables.find((x) => x.name === v.asked_if!.variable);
      expect(target, `${v.name} → ${v.asked_if!.variable}`).toBeDefined();
      expect(target!.name).not.toBe(v.name);
      const set = valueSet(kontor, target!.value_set);
      if (set) for (const code of v.asked_if!.in) expect(set.codes.map((c) => c.code), `${v.name}: ${code}`).toContain(code);
    }
  });

  it('follows the routing blocks of §4', () => {
    const rule = (name: string) => variable(kontor, name).asked_if;
    expect(rule('innfl_kommunalt_navfylke')).toEqual({ variable: 'stilling', in: [1] });
    expect(rule('tjenester_ingen')).toEqual({ variable: 'stilling', in: [1] });
    expect(rule('vert_effekt_faglig_kvalitet')).toEqual({ variable: 'vert_samarbeid', in: [1] });
    expect(rule('partnerskap_merarbeid')).toEqual({ variable: 'stilling', in: [1, 2] });
    expect(rule('mal_flere_i_arbeid')).toEqual({ variable: 'stilling', in: [1, 2] });
    expect(rule('team_kritisk_vurdering')).toEqual({ variable: 'teamarbeid_grad', in: [2, 3, 4, 5] });
    expect(rule('savner_annet')).toEqual({ variable: 'savner_samarbeid', in: [1] });
    expect(rule('tjenester_annet_tekst')).toEqual({ variable: 'tjenester_annet', in: [1] });
    for (const name of ['hovedoppgaver_omrade', 'teamarbeid_grad', 'samarbeid_kommunale_tjenester', 'savner_samarbeid', 'sosiale_tjenester_ivaretatt']) {
      expect(rule(name), name).toBeUndefined();
    }
    expect(variable(kontor, 'tjenester_ingen').exclusive).toBe(true);
    expect(kontor.variables.filter((v) => v.exclusive).map((v) => v.name)).toEqual(['tjenester_ingen']);
    expect(kontor.variables.filter((v) => v.kind === 'text' && v.pii !== 'none').map((v) => v.name)).toEqual(['tjenester_annet_tekst']);
  });

  it('shares every harmonised variable with the OR codebook with an identical value set', () => {
    const orNames = new Set(or.variables.map((v) => v.name));
    const shared = kontor.variables.filter((v) => orNames.has(v.name)).map((v) => v.name);
    for (const name of HARMONISED) expect(shared, name).toContain(name);
    for (const name of shared) {
      const [k, o] = [variable(kontor, name), variable(or, name)];
      expect(k.kind, name).toBe(o.kind);
      expect(k.value_set, name).toBe(o.value_set);
      expect(comparable(valueSet(kontor, k.value_set)), name).toEqual(comparable(valueSet(or, o.value_set)));
    }
  });

  it('copies the value sets it reuses from the OR codebook unchanged', () => {
    for (const id of ['S_GRAD5', 'S_INNFL5', 'S_GOD5', 'S_GODT5', 'S_ENIG5', 'S_VERT', 'S_BEHOV3', 'S_MULTI', 'S_STATUS']) {
      expect(valueSet(kontor, id), id).toEqual(valueSet(or, id));
    }
  });

  it('records the earlier waves of §4/§5 with their comparability', () => {
    const waves = (name: string) => variable(kontor, name).earlier_waves.map(({ wave, comparability }) => ({ wave, comparability }));
    expect(waves('teamarbeid_grad')).toEqual([{ wave: '2014', comparability: 'not_directly_comparable' }]);
    expect(waves('hovedoppgaver_omrade')).toEqual([{ wave: '2015', comparability: 'same_question' }]);
    expect(waves('team_sammensetning').map((w) => w.wave)).toEqual(['2014']);
    for (const name of ['savner_helse', 'savner_arbeidsgivere']) expect(waves(name)).toEqual([{ wave: '2007', comparability: 'different_question' }]);
    for (const name of ['samarbeid_kommunale_tjenester', 'samarbeid_statlige_tjenester']) expect(waves(name)).toEqual([{ wave: '2010', comparability: 'different_question' }]);
    for (const name of ['mal_effektiv_forvaltning', 'mal_service_tilpasset', 'mal_flere_i_arbeid']) {
      expect(waves(name)).toEqual([{ wave: 'unknown', comparability: 'not_directly_comparable' }]);
    }
  });
});
