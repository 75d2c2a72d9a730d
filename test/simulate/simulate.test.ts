/**
 * The simulator: same seed → the same bytes, Vedlegg D's counts (Tabell 2), routing respected,
 * and the bundled demo data in raw/ is exactly its output.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { memoryWriter } from '../../pipeline/core/writer.ts';
import { simulateWave } from '../../pipeline/simulate/index.ts';

const run = (seed: number) => {
  const writer = memoryWriter();
  simulateWave({ survey: 'ordforer_radmann', wave: '2019', seed }, { writer });
  return writer.files;
};
const files = run(1);
const csv = (name: string) => Papa.parse<Record<string, string>>(String(files.get(`ordforer_radmann/2019/${name}`)), { header: true, skipEmptyLines: true }).data;
const responses = csv('responses.csv');
const sample = csv('sample.csv');

describe('determinism', () => {
  it('the same seed gives byte-identical files, another seed different ones', () => {
    const again = run(1);
    for (const [name, content] of files) expect(again.get(name), name).toBe(content);
    expect(run(2).get('ordforer_radmann/2019/responses.csv')).not.toBe(files.get('ordforer_radmann/2019/responses.csv'));
  });
  it('the bundled demo data in raw/ is the output of seed 1', () => {
    for (const [name, content] of files) expect(readFileSync(`raw/${name}`, 'utf8'), `raw/${name}`).toBe(content);
  });
});

describe('Vedlegg D and Tabell 2', () => {
  it('invites 436 rådmenn and 436 ordførere in 422 kommuner, Oslo per bydel, 27 bounced, at most 3 reminders', () => {
    expect(sample.filter((s) => s.gruppe === 'radmann')).toHaveLength(436);
    expect(sample.filter((s) => s.gruppe === 'ordforer')).toHaveLength(436);
    expect(new Set(sample.map((s) => s.kommunenr)).size).toBe(422);
    const oslo = sample.filter((s) => s.kommunenr === '0301');
    expect(oslo).toHaveLength(30);
    expect(new Set(oslo.map((s) => s.bydel)).size).toBe(15);
    expect(sample.filter((s) => s.status === 'bounced')).toHaveLength(27);
    expect(Math.max(...sample.map((s) => Number(s.purringer)))).toBe(3);
  });
  it('158 rådmenn, 106 ordførere and 4 «annet» answered something; 4 more started without answering', () => {
    const answered = responses.filter((r) => Object.entries(r).some(([k, v]) => v !== '' && !['resp_id', 'rolle', 'rolle_annet_tekst', 'kommunenr', 'kommune', 'bydel', 'fylkesnr', 'fylke', 'svar_status', 'start_tid', 'slutt_tid'].includes(k)));
    const byRole = (code: string) => answered.filter((r) => r.rolle === code).length;
    expect([byRole('2'), byRole('1'), byRole('3')]).toEqual([158, 106, 4]);
    expect(responses).toHaveLength(272);
  });
  it('Oslo: 7 bydelsdirektører and 9 leaders of bydelsutvalg answered; 38 kommuner have both roles', () => {
    const ids = new Map(sample.map((s) => [s.resp_id, s]));
    const oslo = responses.filter((r) => r.kommunenr === '0301' && r.svar_status !== '' && ids.get(r.resp_id));
    expect(oslo.filter((r) => ids.get(r.resp_id)!.gruppe === 'radmann')).toHaveLength(7);
    expect(oslo.filter((r) => ids.get(r.resp_id)!.gruppe === 'ordforer')).toHaveLength(9);
    const roles = new Map<string, Set<string>>();
    for (const r of responses) roles.set(r.kommunenr!, (roles.get(r.kommunenr!) ?? new Set()).add(r.rolle!));
    expect([...roles.values()].filter((s) => s.has('1') && s.has('2'))).toHaveLength(38);
  });
  it('marks the data as simulated: SIM- ids, .invalid addresses, wave.json', () => {
    expect(responses.every((r) => r.resp_id!.startsWith('SIM-'))).toBe(true);
    expect(sample.every((s) => s.epost!.endsWith('.invalid'))).toBe(true);
    expect(JSON.parse(String(files.get('ordforer_radmann/2019/wave.json'))).simulated).toBe(true);
  });
});

describe('answers', () => {
  it('respect routing: host-municipality items only where vert_samarbeid = 1', () => {
    const routed = responses.filter((r) => r.vert_samarbeid !== '1');
    for (const v of ['vert_foretrukket', 'vert_pastand_fagkompetanse', 'vert_effekt_politisk_styring']) expect(routed.every((r) => r[v] === ''), v).toBe(true);
  });
  it('hit the stated n of F41 exactly: 101 ordførere and 157 rådmenn with a substantive answer', () => {
    const n = (code: string) => responses.filter((r) => r.rolle === code && ['1', '2', '3', '4', '5'].includes(r.mal_flere_i_arbeid!)).length;
    expect([n('1'), n('2')]).toEqual([101, 157]);
  });
});
