/**
 * The office-survey wave: the office frame (`offices.csv`), the person-level disposition file
 * (`sample.csv`), two response files as the vendor delivers them (the unit-leader census and the
 * office staff, exports.md §2.6; the staff file lacks the unit-leader-only questions) and
 * `wave.json`. Answers come from the wave's simulation targets with office-level clustering.
 */
import type { Codebook, Variable } from '../../schemas/codebook.ts';
import type { WaveTargets } from '../../schemas/simulation.ts';
import { toCsv } from '../core/csv.ts';
import { PipelineError } from '../core/errors.ts';
import { bundledKommuner, type Kommune } from '../core/kommuner.ts';
import { createRng } from '../core/rng.ts';
import type { Writer } from '../core/writer.ts';
import { generateAnswers, type AnswerRespondent, type Partition } from './answers.ts';
import type { Simulated } from './index.ts';
import { buildOffices } from './kontor-offices.ts';
import { allocateKontorPeople, KONTOR_PEOPLE, scaledPeople, type KontorRespondent } from './kontor-people.ts';
import { timestamp } from './or.ts';
import { syntheticKommuner } from './synthetic-kommuner.ts';

const STILLING = { 1: 'enhetsleder', 2: 'mellomleder', 3: 'veileder' } as const;
const ANSETTELSE = { 1: 'statlig', 2: 'kommunal' } as const;
const UTDANNING = { 1: 'utd_sosial_helse', 2: 'utd_annen' } as const;
/** Every target key an office respondent can have, most specific first; the generation order. */
const KEY_ORDER = [
  ...Object.values(STILLING).flatMap((s) => Object.values(ANSETTELSE).flatMap((a) => Object.values(UTDANNING).map((u) => `${s}.${a}.${u}`))),
  ...Object.values(STILLING).flatMap((s) => Object.values(ANSETTELSE).map((a) => `${s}.${a}`)),
  ...Object.values(STILLING),
  ...Object.values(ANSETTELSE),
  'alle',
];
const TJENESTER_ANNET = ['Flyktningtjenesten', 'Arbeidstrening i kommunal regi', 'Frivilligsentralen', 'Kvalifisering for unge'];

/**
 * A respondent's answers follow the most specific target its group has: `veileder.kommunal.utd_annen`,
 * then `veileder.kommunal`, `veileder`, `kommunal`, `alle`.
 */
const kontorPartition: Partition = (respondents, byGroup) => {
  const groups = new Map<string, AnswerRespondent[]>();
  for (const r of respondents) {
    const [stilling, ansettelse] = r.group.split('.');
    const key = [r.group, `${stilling}.${ansettelse}`, stilling, ansettelse, 'alle'].find((k) => k !== undefined && byGroup[k]);
    if (!key) continue;
    const members = groups.get(key);
    if (members) members.push(r);
    else groups.set(key, [r]);
  }
  return KEY_ORDER.filter((k) => groups.has(k)).map((k) => ({ key: k, members: groups.get(k)!, target: byGroup[k]! }));
};

function answerRespondent(r: KontorRespondent): AnswerRespondent {
  return {
    id: r.invitee.resp_id,
    group: `${STILLING[r.stilling]}.${ANSETTELSE[r.ansettelse]}.${UTDANNING[r.utdanning]}`,
    cluster: r.office.kontor_id,
    stopAfter: r.stopAfter,
    empty: r.empty,
    fixed: { stilling: r.stilling, ansettelse: r.ansettelse, utdanning: r.utdanning },
  };
}

/** Questions only unit leaders get (routed on stilling = 1, directly or through such a question). */
function leaderOnly(codebook: Codebook): Set<string> {
  const only = new Set<string>();
  for (const v of codebook.variables) {
    const rule = v.asked_if;
    if (rule && ((rule.variable === 'stilling' && rule.in.every((x) => x === 1)) || only.has(rule.variable))) only.add(v.name);
  }
  return only;
}

export function simulateKontor(options: { wave: string; seed: number; kommuner?: Kommune[]; scale?: number }, codebook: Codebook, targets: WaveTargets, effects: { writer: Writer }): Simulated {
  if (!targets.population) throw new PipelineError('simulate kontor: the targets need a `population` section');
  const rng = createRng(options.seed);
  const kommuner = options.kommuner ?? bundledKommuner(Number(options.wave.slice(0, 4))) ?? syntheticKommuner();
  const kommuneFrame = options.kommuner ? 'given' : bundledKommuner(Number(options.wave.slice(0, 4))) ? 'bundled' : 'synthetic';
  const offices = buildOffices(kommuner, rng);
  const scale = options.scale ?? 1;
  const { invitees, respondents } = allocateKontorPeople(offices, targets.population, rng, scale === 1 ? KONTOR_PEOPLE : scaledPeople(scale));
  const { answers, notes } = generateAnswers(respondents.map(answerRespondent), codebook, targets, rng, kontorPartition);
  const dir = `kontor/${options.wave}`;

  const background = (r: KontorRespondent): Record<string, string> => {
    const complete = r.invitee.status === 'answered';
    const start = timestamp(rng, r.invitee.dato_svar ?? '2019-04-01');
    const described = !r.empty;
    return {
      resp_id: r.invitee.resp_id,
      kontor_id: r.office.kontor_id,
      kontor_navn: r.office.kontor_navn,
      kommunenr: r.office.kommune.kommunenr,
      fylkesnr: r.office.kommune.fylkesnr,
      fylke: r.office.kommune.fylke,
      stilling: described ? String(r.stilling) : '',
      ansettelse: described ? String(r.ansettelse) : '',
      utdanning_detalj: described ? String(r.utdanning_detalj) : '',
      utdanning: described ? String(r.utdanning) : '',
      utvalg_tilfeldig: r.office.random ? '1' : '0',
      utvalg_oppfolging: r.office.followUp ? '1' : '0',
      utvalg_case: r.office.caseOffice ? '1' : '0',
      utvalg_alle_el: r.invitee.gruppe === 'enhetsleder_census' ? '1' : '0',
      svar_status: complete ? '1' : '2',
      start_tid: start,
      slutt_tid: complete ? start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`) : '',
    };
  };
  const cell = (v: Variable, r: KontorRespondent, bg: Record<string, string>): string => {
    if (v.name in bg) return bg[v.name]!;
    const a = answers.get(r.invitee.resp_id)!;
    if (v.name === 'tjenester_annet_tekst') return a.get('tjenester_annet') === 1 ? TJENESTER_ANNET[rng.int(TJENESTER_ANNET.length)]! : '';
    const value = a.get(v.name);
    return value === null || value === undefined ? '' : String(value);
  };
  const write = (file: string, people: KontorRespondent[], variables: Variable[]) =>
    effects.writer.write(`${dir}/${file}`, toCsv(variables.map((v) => v.name), people.map((r) => {
      const bg = background(r);
      return variables.map((v) => cell(v, r, bg));
    })));
  const only = leaderOnly(codebook);
  write('responses-enhetsledere.csv', respondents.filter((r) => r.invitee.gruppe === 'enhetsleder_census'), codebook.variables);
  write('responses-ansatte.csv', respondents.filter((r) => r.invitee.gruppe === 'andre'), codebook.variables.filter((v) => !only.has(v.name)));

  const flag = (b: boolean | null) => (b ? '1' : '0');
  effects.writer.write(`${dir}/offices.csv`, toCsv(
    ['kontor_id', 'kontor_navn', 'kommunenr', 'kommuner_dekket', 'fylkesnr', 'utvalg_tilfeldig', 'utvalg_oppfolging', 'utvalg_case', 'el_invitert', 'deltar'],
    offices.map((o) => [o.kontor_id, o.kontor_navn, o.kommune.kommunenr, o.kommuner_dekket.join(';'), o.kommune.fylkesnr, flag(o.random), flag(o.followUp), flag(o.caseOffice), '1', o.takesPart === null ? '' : flag(o.takesPart)]),
  ));
  effects.writer.write(`${dir}/sample.csv`, toCsv(
    ['resp_id', 'survey', 'wave', 'gruppe', 'kommunenr', 'kontor_id', 'utvalg_alle_el', 'navn', 'epost', 'status', 'purringer', 'runde_lagt_til', 'erstatter_resp_id', 'dato_invitert', 'dato_svar'],
    invitees.map((i) => [i.resp_id, 'kontor', options.wave, i.gruppe, i.office.kommune.kommunenr, i.office.kontor_id, i.gruppe === 'enhetsleder_census' ? 1 : 0, i.navn, i.epost, i.status, i.purringer, i.runde, i.erstatter ?? '', i.dato_invitert ?? '', i.dato_svar ?? '']),
  ));
  const manifest = { survey: 'kontor', wave: options.wave, fieldwork: 'våren 2019', vendor: 'simulert', codebook_version: `${options.wave}.1`, kommune_classification_year: Number(options.wave.slice(0, 4)), count_partial: true, simulated: true, simulation: { seed: options.seed, ...(scale === 1 ? {} : { scale }), targets: `schemas/simulation/kontor-${options.wave}.targets.json`, kommune_frame: kommuneFrame } };
  effects.writer.write(`${dir}/wave.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  const files = ['responses-enhetsledere.csv', 'responses-ansatte.csv', 'offices.csv', 'sample.csv', 'wave.json'].map((f) => `${dir}/${f}`);
  return { files, respondents: respondents.length, invited: invitees.filter((i) => i.status !== 'removed').length, notes };
}
