/**
 * The simulated 2023 wave of both surveys, made from the 2023 codebooks and targets alone: same
 * seed → the same bytes (the bundled raw/*\/2023 and raw/crosswalks are seed 1), simulated markers
 * distinct from 2019's, every kommune invited in the 2023 numbering, answering kommuner overlapping
 * partly with 2019, offices linked to 2019 through the crosswalk, and the 2023 questionnaire's
 * changes (new module routed on Ja, scales with their new codes, dropped and renamed columns).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { memoryWriter } from '../../pipeline/core/writer.ts';
import { simulateWave } from '../../pipeline/simulate/index.ts';
import { syntheticReform } from '../../pipeline/simulate/synthetic-reform.ts';

const run = (survey: string, seed: number) => {
  const writer = memoryWriter();
  const result = simulateWave({ survey, wave: '2023', seed }, { writer });
  return { files: writer.files, result };
};
const or = run('ordforer_radmann', 1);
const kontor = run('kontor', 1);
const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
const file = (files: Map<string, string | Uint8Array>, name: string) => parse(String(files.get(name)));
const raw = (name: string) => parse(readFileSync(`raw/${name}`, 'utf8'));
const BACKGROUND = new Set(['resp_id', 'rolle', 'rolle_annet_tekst', 'kommunenr', 'kommune', 'bydel', 'fylkesnr', 'fylke', 'svar_status', 'start_tid', 'slutt_tid']);
const answeredSomething = (r: Record<string, string>) => Object.entries(r).some(([k, v]) => v !== '' && !BACKGROUND.has(k));
const kommuner2023 = new Set(syntheticReform().kommuner.map((k) => k.kommunenr));

describe('determinism', () => {
  it.each([['ordforer_radmann', or], ['kontor', kontor]] as const)('%s: the same seed gives byte-identical files, another seed different ones', (survey, first) => {
    const again = run(survey, 1);
    expect([...again.files.keys()]).toEqual([...first.files.keys()]);
    for (const [name, content] of first.files) expect(again.files.get(name), name).toBe(content);
    const other = run(survey, 2).files;
    const responses = survey === 'kontor' ? 'kontor/2023/responses-ansatte.csv' : 'ordforer_radmann/2023/responses.csv';
    expect(other.get(responses)).not.toBe(first.files.get(responses));
  });

  it('the bundled 2023 waves and crosswalks in raw/ are the output of seed 1, and both surveys write the same kommune crosswalk', () => {
    for (const { files } of [or, kontor]) for (const [name, content] of files) expect(readFileSync(`raw/${name}`, 'utf8'), `raw/${name}`).toBe(content);
    expect(or.files.get('crosswalks/kommuner-2019-2023.csv')).toBe(kontor.files.get('crosswalks/kommuner-2019-2023.csv'));
  });

  it('leaves the 2019 wave as it was: simulating 2019 still gives the bundled 2019 files', () => {
    for (const survey of ['ordforer_radmann', 'kontor']) {
      const writer = memoryWriter();
      simulateWave({ survey, wave: '2019', seed: 1 }, { writer });
      for (const [name, content] of writer.files) expect(readFileSync(`raw/${name}`, 'utf8'), name).toBe(content);
    }
  });
});

describe('ordfører/rådmann 2023', () => {
  const sample = file(or.files, 'ordforer_radmann/2023/sample.csv');
  const responses = file(or.files, 'ordforer_radmann/2023/responses.csv');
  const manifest = JSON.parse(String(or.files.get('ordforer_radmann/2023/wave.json')));

  it('invites the ordfører and rådmann of every 2023 kommune (Oslo per bydel)', () => {
    expect(new Set(sample.map((s) => s.kommunenr))).toEqual(kommuner2023);
    expect(sample.filter((s) => s.gruppe === 'ordforer')).toHaveLength(370);
    expect(sample.filter((s) => s.gruppe === 'radmann')).toHaveLength(370);
    expect(sample.filter((s) => s.kommunenr === '0301')).toHaveLength(30);
    for (const s of sample) expect(s.wave).toBe('2023');
  });

  it('is marked simulated, with resp_ids of its own and the 2023 classification year', () => {
    expect(manifest).toMatchObject({ wave: '2023', simulated: true, kommune_classification_year: 2023, fieldwork: 'våren 2023', simulation: { seed: 1, targets: 'schemas/simulation/ordforer_radmann-2023.targets.json', kommune_frame: 'synthetic' } });
    for (const r of [...sample, ...responses]) expect(r.resp_id).toMatch(/^SIM-OR23-\d{4}$/);
    const ids2019 = new Set(raw('ordforer_radmann/2019/sample.csv').map((s) => s.resp_id));
    expect(sample.some((s) => ids2019.has(s.resp_id!))).toBe(false);
  });

  it('answering kommuner overlap partly with 2019 (through the crosswalk), more than chance would give', () => {
    const cw = new Map(raw('crosswalks/kommuner-2019-2023.csv').map((r) => [r.from_kommunenr!, r.to_kommunenr!]));
    const then = new Set(raw('ordforer_radmann/2019/responses.csv').filter(answeredSomething).map((r) => cw.get(r.kommunenr!)!));
    const now = new Set(responses.filter(answeredSomething).map((r) => r.kommunenr!));
    const both = [...now].filter((k) => then.has(k)).length;
    expect(both / now.size).toBeGreaterThan(then.size / kommuner2023.size + 0.05);
    expect(both).toBeLessThan(now.size);
  });

  it('follows the 2023 questionnaire: dropped items gone, the new module asked only after Ja, the 7-point contact scale', () => {
    const header = Object.keys(responses[0]!);
    expect(header).not.toContain('vert_foretrukket');
    expect(header).not.toContain('apningstid_resultat');
    for (const r of responses.filter((x) => x.sosent_samarbeid !== '1')) {
      for (const v of ['sosent_tilskudd', 'sosent_leverandor', 'sosent_sysselsetting', 'sosent_utvikling', 'sosent_vet_ikke', 'sosent_fungerer']) expect(r[v], v).toBe('');
    }
    const yes = responses.filter((x) => x.sosent_samarbeid === '1');
    expect(yes.length).toBeGreaterThan(30);
    expect(yes.filter((r) => r.sosent_utvikling === '1').length).toBeGreaterThan(yes.filter((r) => r.sosent_sysselsetting === '1').length);
    expect(new Set(responses.map((r) => r.uformell_kontakt_frekvens))).toContain('7');
    expect(responses.filter((r) => r.sosent_samarbeid !== '').length / responses.filter(answeredSomething).length).toBeGreaterThan(0.9);
  });
});

describe('kontor 2023', () => {
  const offices = file(kontor.files, 'kontor/2023/offices.csv');
  const offices2019 = raw('kontor/2019/offices.csv');
  const crosswalk = file(kontor.files, 'crosswalks/kontor-2019-2023.csv');
  const sample = file(kontor.files, 'kontor/2023/sample.csv');
  const leaders = file(kontor.files, 'kontor/2023/responses-enhetsledere.csv');
  const staff = file(kontor.files, 'kontor/2023/responses-ansatte.csv');

  it('maps every 2019 office to a 2023 office; offices of merged kommuner merge, the others keep their id', () => {
    expect(crosswalk).toHaveLength(offices2019.length);
    expect(new Set(crosswalk.map((r) => r.from_kontor_id))).toEqual(new Set(offices2019.map((o) => o.kontor_id)));
    const ids = new Set(offices.map((o) => o.kontor_id));
    expect(new Set(crosswalk.map((r) => r.to_kontor_id))).toEqual(ids);
    const into = new Map<string, string[]>();
    for (const r of crosswalk) into.set(r.to_kontor_id!, [...(into.get(r.to_kontor_id!) ?? []), r.from_kontor_id!]);
    for (const [to, from] of into) {
      if (from.length === 1) expect(to).toBe(from[0]);
      else expect(offices.find((o) => o.kontor_id === to)!.kommunenr).toBe(to);
    }
    expect([...into.values()].filter((f) => f.length > 1).length).toBeGreaterThan(10);
    for (const r of crosswalk) expect(r.source).toMatch(/^simulert: avledet av simulatoren/);
  });

  it('has offices in 2023 kommuner, every kommune covered by one office', () => {
    for (const o of offices) expect(kommuner2023.has(o.kommunenr!), o.kontor_id).toBe(true);
    const covered = offices.flatMap((o) => o.kommuner_dekket!.split(';'));
    expect(new Set(covered)).toEqual(kommuner2023);
    expect(covered.filter((k) => k !== '0301')).toHaveLength(kommuner2023.size - 1);
  });

  it('draws 100 random, 60 follow-up and 6 case offices; the follow-up offices took part in 2019', () => {
    const count = (flag: string) => offices.filter((o) => o[flag] === '1').length;
    expect([count('utvalg_tilfeldig'), count('utvalg_oppfolging'), count('utvalg_case')]).toEqual([100, 60, 6]);
    const tookPart = new Set(offices2019.filter((o) => o.deltar === '1').map((o) => crosswalk.find((r) => r.from_kontor_id === o.kontor_id)!.to_kontor_id));
    for (const o of offices.filter((x) => x.utvalg_oppfolging === '1')) expect(tookPart.has(o.kontor_id!), o.kontor_id).toBe(true);
  });

  it('invites every unit leader (census) and marks everyone simulated with 2023 ids', () => {
    expect(sample.filter((s) => s.gruppe === 'enhetsleder_census')).toHaveLength(offices.length);
    for (const r of [...sample, ...leaders, ...staff]) expect(r.resp_id).toMatch(/^SIM-K23-\d{5}$/);
    const ids = new Set(offices.map((o) => o.kontor_id));
    for (const s of sample) expect(ids.has(s.kontor_id!), s.resp_id).toBe(true);
    expect(JSON.parse(String(kontor.files.get('kontor/2023/wave.json')))).toMatchObject({ simulated: true, kommune_classification_year: 2023, simulation: { seed: 1, kommune_frame: 'synthetic' } });
  });

  it('asks the new module of unit leaders only, and puts the changed items on their 2023 codes', () => {
    expect(Object.keys(staff[0]!)).not.toContain('sosent_samarbeid');
    expect(Object.keys(leaders[0]!)).toContain('sosent_samarbeid');
    for (const r of leaders.filter((x) => x.sosent_samarbeid !== '1')) expect(r.sosent_leverandor).toBe('');
    expect(new Set(staff.map((r) => r.team_fornoyd))).toContain('5');
    expect(Object.keys(staff[0]!)).toContain('samarbeid_frekv_arbeidsliv');
    expect(Object.keys(staff[0]!)).not.toContain('samarbeid_frekv_arbeidsgivere');
  });
});
