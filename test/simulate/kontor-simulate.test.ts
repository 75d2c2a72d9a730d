/**
 * The office-survey simulator: same seed → the same bytes, the bundled demo in raw/kontor is its
 * output, and Vedlegg D's counts hold (Tabell 3 and 4, the fieldwork of L2790–L2792), with
 * answers correlated within offices.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { memoryWriter } from '../../pipeline/core/writer.ts';
import { simulateWave } from '../../pipeline/simulate/index.ts';

const run = (seed: number) => {
  const writer = memoryWriter();
  simulateWave({ survey: 'kontor', wave: '2019', seed }, { writer });
  return writer.files;
};
const files = run(1);
const csv = (name: string) => Papa.parse<Record<string, string>>(String(files.get(`kontor/2019/${name}`)), { header: true, skipEmptyLines: true }).data;
const offices = csv('offices.csv');
const sample = csv('sample.csv');
const leaders = csv('responses-enhetsledere.csv');
const staff = csv('responses-ansatte.csv');
const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;

describe('determinism', () => {
  it('the same seed gives byte-identical files, another seed different ones', () => {
    const again = run(1);
    for (const [name, content] of files) expect(again.get(name), name).toBe(content);
    expect(run(2).get('kontor/2019/responses-ansatte.csv')).not.toBe(files.get('kontor/2019/responses-ansatte.csv'));
  });
  it('the bundled demo data in raw/kontor is the output of seed 1', () => {
    for (const [name, content] of files) expect(readFileSync(`raw/${name}`, 'utf8'), `raw/${name}`).toBe(content);
  });
});

describe('Tabell 3: the office samples', () => {
  const flag = (o: Record<string, string>, f: string) => o[f] === '1';
  it('315 offices; 100 drawn, 57 follow-up (17 also drawn), 6 case offices (1 drawn, 2 follow-up); 143 distinct', () => {
    expect(offices).toHaveLength(315);
    expect(count(offices, (o) => flag(o, 'utvalg_tilfeldig'))).toBe(100);
    expect(count(offices, (o) => flag(o, 'utvalg_oppfolging'))).toBe(57);
    expect(count(offices, (o) => flag(o, 'utvalg_oppfolging') && flag(o, 'utvalg_tilfeldig'))).toBe(17);
    expect(count(offices, (o) => flag(o, 'utvalg_case'))).toBe(6);
    expect(count(offices, (o) => flag(o, 'utvalg_case') && flag(o, 'utvalg_tilfeldig'))).toBe(1);
    expect(count(offices, (o) => flag(o, 'utvalg_case') && flag(o, 'utvalg_oppfolging'))).toBe(2);
    expect(count(offices, (o) => flag(o, 'utvalg_tilfeldig') || flag(o, 'utvalg_oppfolging') || flag(o, 'utvalg_case'))).toBe(143);
  });
  it('13 drawn offices and 1 follow-up office declined', () => {
    expect(count(offices, (o) => flag(o, 'utvalg_tilfeldig') && o.deltar === '0')).toBe(13);
    expect(count(offices, (o) => flag(o, 'utvalg_oppfolging') && o.deltar === '0')).toBe(1);
  });
  it('employees answered from 124 offices: 952 drawn, 804 follow-up, 187 case (counted per sample)', () => {
    const answered = staff.filter((r) => r.stilling !== '');
    expect(new Set(answered.map((r) => r.kontor_id)).size).toBe(124);
    expect(count(answered, (r) => r.utvalg_tilfeldig === '1')).toBe(952);
    expect(count(answered, (r) => r.utvalg_oppfolging === '1')).toBe(804);
    expect(count(answered, (r) => r.utvalg_case === '1')).toBe(187);
  });
  it('315 unit leaders invited at 315 offices; 220 answered, naming 218 offices', () => {
    const census = sample.filter((s) => s.gruppe === 'enhetsleder_census');
    expect(census).toHaveLength(315);
    expect(new Set(census.map((s) => s.kontor_id)).size).toBe(315);
    expect(leaders).toHaveLength(220);
    expect(new Set(leaders.map((r) => r.kontor_id)).size).toBe(218);
  });
});

describe('Tabell 4 and the fieldwork', () => {
  const invited = sample.filter((s) => s.status !== 'removed');
  it('invited 315 leaders and 4372 others (4687); 220 and 1525 answered (1745)', () => {
    expect(count(invited, (s) => s.gruppe === 'enhetsleder_census')).toBe(315);
    expect(count(invited, (s) => s.gruppe === 'andre')).toBe(4372);
    const answered = (g: string) => count(sample, (s) => s.gruppe === g && s.status === 'answered') + count([...leaders, ...staff], (r) => r.svar_status === '2' && r.stilling !== '' && sample.find((s) => s.resp_id === r.resp_id)?.gruppe === g);
    expect([answered('enhetsleder_census'), answered('andre')]).toEqual([220, 1525]);
  });
  it('90 absent, 45 returned, 94 removed in round 1, 5 added in round 2', () => {
    expect(count(sample, (s) => s.status === 'absent')).toBe(90);
    expect(count(sample, (s) => s.status === 'bounced')).toBe(45);
    expect(count(sample, (s) => s.status === 'removed')).toBe(94);
    expect(count(sample, (s) => s.runde_lagt_til === '2')).toBe(5);
  });
  it('marks the data as simulated and keeps personal data fictitious', () => {
    expect([...leaders, ...staff].every((r) => r.resp_id!.startsWith('SIM-'))).toBe(true);
    expect(sample.every((s) => s.epost!.endsWith('.invalid'))).toBe(true);
    expect(JSON.parse(String(files.get('kontor/2019/wave.json'))).simulated).toBe(true);
  });
});

describe('answers', () => {
  it('are correlated within offices: the between-office share of variance is well above zero', () => {
    // One-way ANOVA estimate of the intra-class correlation of an item answered by everyone.
    const rows = staff.filter((r) => /^[1-5]$/.test(r.team_forstaelse ?? ''));
    const byOffice = new Map<string, number[]>();
    for (const r of rows) byOffice.set(r.kontor_id!, [...(byOffice.get(r.kontor_id!) ?? []), Number(r.team_forstaelse)]);
    const groups = [...byOffice.values()].filter((g) => g.length > 1);
    const all = groups.flat();
    const grand = all.reduce((a, b) => a + b, 0) / all.length;
    const ssb = groups.reduce((a, g) => a + g.length * ((g.reduce((x, y) => x + y, 0) / g.length - grand) ** 2), 0);
    const ssw = groups.reduce((a, g) => { const m = g.reduce((x, y) => x + y, 0) / g.length; return a + g.reduce((x, y) => x + (y - m) ** 2, 0); }, 0);
    const k = groups.length;
    const n0 = (all.length - groups.reduce((a, g) => a + g.length ** 2, 0) / all.length) / (k - 1);
    const msb = ssb / (k - 1);
    const msw = ssw / (all.length - k);
    const icc = (msb - msw) / (msb + (n0 - 1) * msw);
    expect(icc).toBeGreaterThan(0.05);
  });
  it('route the unit-leader questions to unit leaders only: the staff file does not have them', () => {
    expect(Object.keys(staff[0]!)).not.toContain('pm_agenda_navleder');
    expect(Object.keys(leaders[0]!)).toContain('pm_agenda_navleder');
  });
});
