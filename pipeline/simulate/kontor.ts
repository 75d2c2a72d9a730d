/**
 * The office-survey wave: the office frame (`offices.csv`), the person-level disposition file
 * (`sample.csv`), two response files as the vendor delivers them (the unit-leader census and the
 * office staff, exports.md §2.6; the staff file lacks the unit-leader-only questions) and
 * `wave.json`. Answers come from the wave's simulation targets with office-level clustering.
 */
import type { Codebook, Variable } from '../../schemas/codebook.ts';
import type { Fieldwork, WaveTargets } from '../../schemas/simulation.ts';
import { toCsv } from '../core/csv.ts';
import { PipelineError } from '../core/errors.ts';
import type { Kommune } from '../core/kommuner.ts';
import { createRng, type Rng } from '../core/rng.ts';
import type { Writer } from '../core/writer.ts';
import { generateAnswers, type AnswerRespondent, type Partition } from './answers.ts';
import { kommuneCrosswalkCsv, kontorCrosswalkCsv, simulatedSource } from './crosswalks.ts';
import { addDays, fieldworkOf, seasonOf } from './fieldwork.ts';
import type { Simulated } from './index.ts';
import { assignSamples, buildOfficeFrame, deriveOfficeFrame, type SimOffice } from './kontor-offices.ts';
import { allocateKontorPeople, scaledPeople, type KontorRespondent } from './kontor-people.ts';
import { timestamp } from './or.ts';
import { syntheticCrosswalk } from './synthetic-reform.ts';
import { classificationYear, kommuneFrameFor, previousWave, type FrameKind } from './wave-inputs.ts';

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

/** The office frame of a wave with its samples, before anyone is invited. */
export interface OfficeDraw {
  offices: SimOffice[];
  /** The wave's random source, positioned after the frame (invitations and answers continue with it). */
  rng: Rng;
  fieldwork: Fieldwork;
  year: number;
  frameKind: FrameKind;
  /** The previous wave's kommuner and offices in this wave's numbers and ids, when derived from it. */
  crosswalks: { fromWave: string; fromYear: number; kommuner: Map<string, string>; offices: Map<string, string> } | null;
  notes: string[];
}

/**
 * Draws the office frame and samples of a wave. A wave whose codebook follows a previous one
 * (`previous`) draws that wave's frame first with the same seed and derives its own from it through
 * the kommune crosswalk (merged kommuner, merged offices); its follow-up offices are offices that
 * took part in the previous wave.
 */
export function drawOffices(wave: string, seed: number, codebook: Codebook, targets: WaveTargets, kommuner?: Kommune[]): OfficeDraw {
  const fieldwork = fieldworkOf('kontor', targets);
  const year = classificationYear(wave);
  const frame = kommuneFrameFor(year, kommuner);
  const rng = createRng(seed);
  const design = fieldwork.kontor!.design;
  const previous = previousWave(codebook);
  const before = previous && drawOffices(previous.wave, seed, previous.codebook, previous.targets);
  if (previous && before && frame.kind === 'synthetic' && before.frameKind === 'synthetic') {
    const kommuneMap = syntheticCrosswalk(before.year, year);
    const { offices, ids } = deriveOfficeFrame(before.offices, kommuneMap, frame.kommuner);
    const tookPart = new Set(before.offices.filter((o) => o.takesPart).map((o) => ids.get(o.kontor_id)!));
    return { offices: assignSamples(offices, design, rng, tookPart), rng, fieldwork, year, frameKind: frame.kind, crosswalks: { fromWave: previous.wave, fromYear: before.year, kommuner: kommuneMap, offices: ids }, notes: [] };
  }
  const notes = previous && before ? [`${wave}: no synthetic crosswalk to ${previous.wave} (kommune frames ${before.frameKind} and ${frame.kind}); a new office frame is drawn`] : [];
  return { offices: assignSamples(buildOfficeFrame(frame.kommuner, rng), design, rng), rng, fieldwork, year, frameKind: frame.kind, crosswalks: null, notes };
}

export function simulateKontor(options: { wave: string; seed: number; kommuner?: Kommune[]; scale?: number }, codebook: Codebook, targets: WaveTargets, effects: { writer: Writer }): Simulated {
  if (!targets.population) throw new PipelineError('simulate kontor: the targets need a `population` section');
  const draw = drawOffices(options.wave, options.seed, codebook, targets, options.kommuner);
  const { offices, rng, fieldwork } = draw;
  const { design, people } = fieldwork.kontor!;
  const scale = options.scale ?? 1;
  const plan = { people: scale === 1 ? people : scaledPeople(scale, people), design, start: fieldwork.start, idPrefix: fieldwork.id_prefix };
  const { invitees, respondents } = allocateKontorPeople(offices, targets.population, rng, plan);
  const { answers, notes } = generateAnswers(respondents.map(answerRespondent), codebook, targets, rng, kontorPartition);
  const dir = `kontor/${options.wave}`;
  const fallbackDate = addDays(fieldwork.start, 14);

  const background = (r: KontorRespondent): Record<string, string> => {
    const complete = r.invitee.status === 'answered';
    const start = timestamp(rng, r.invitee.dato_svar ?? fallbackDate);
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
  const manifest = { survey: 'kontor', wave: options.wave, fieldwork: seasonOf(fieldwork.start), vendor: 'simulert', codebook_version: `${options.wave}.1`, kommune_classification_year: draw.year, count_partial: true, simulated: true, simulation: { seed: options.seed, ...(scale === 1 ? {} : { scale }), targets: `schemas/simulation/kontor-${options.wave}.targets.json`, kommune_frame: draw.frameKind } };
  effects.writer.write(`${dir}/wave.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  const files = ['responses-enhetsledere.csv', 'responses-ansatte.csv', 'offices.csv', 'sample.csv', 'wave.json'].map((f) => `${dir}/${f}`);
  const cw = draw.crosswalks;
  if (cw) {
    const written = [
      ...(cw.fromYear === draw.year ? [] : [kommuneCrosswalkCsv(cw.fromYear, draw.year, cw.kommuner)]),
      kontorCrosswalkCsv(cw.fromWave, options.wave, cw.offices, `${simulatedSource(cw.fromYear)} og kontorrammen til bølge ${cw.fromWave} med seed ${options.seed}`),
    ];
    for (const f of written) {
      effects.writer.write(f.path, f.content);
      files.push(f.path);
    }
  }
  return { files, respondents: respondents.length, invited: invitees.filter((i) => i.status !== 'removed').length, notes: [...draw.notes, ...notes] };
}
