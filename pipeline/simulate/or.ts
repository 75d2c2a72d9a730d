/**
 * The ordfører/rådmann wave: code export (CSV variant A), sample/disposition file and `wave.json`,
 * reproducing Vedlegg D (Tabell 2) with answers built from the wave's simulation targets.
 */
import type { Codebook } from '../../schemas/codebook.ts';
import type { Fieldwork, WaveTargets } from '../../schemas/simulation.ts';
import { toCsv } from '../core/csv.ts';
import type { Kommune } from '../core/kommuner.ts';
import { createRng, type Rng } from '../core/rng.ts';
import type { Writer } from '../core/writer.ts';
import { generateAnswers, type AnswerRespondent, type Partition } from './answers.ts';
import { kommuneCrosswalkCsv } from './crosswalks.ts';
import { addDays, fieldworkOf, seasonOf } from './fieldwork.ts';
import { buildFrame, type Invitee } from './frame.ts';
import { allocateRespondents, type Allocation, type PanelTendency, type SimRespondent } from './respondents.ts';
import { syntheticCrosswalk } from './synthetic-reform.ts';
import { classificationYear, kommuneFrameFor, previousWave, type FrameKind } from './wave-inputs.ts';
import type { Simulated } from './index.ts';

const ROLLE_ANNET = ['Kommunaldirektør', 'Varaordfører', 'Kommunalsjef for helse og velferd', 'Assisterende rådmann'];
const TJENESTER_ANNET = ['Flyktningtjenesten', 'Arbeidstrening i kommunal regi', 'Frivilligsentralen', 'Kvalifisering for unge', 'Økonomisk rådgivning til barnefamilier'];

export function timestamp(rng: Rng, date: string): string {
  const h = 8 + rng.int(9);
  const m = rng.int(60);
  const s = rng.int(60);
  return `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Ordfører, rådmann and «annet» in that order; «annet» answers like rådmenn where it has no target of its own. */
const orPartition: Partition = (respondents, byGroup, kind) =>
  ['ordforer', 'radmann', 'annet']
    .filter((g) => byGroup[g] || byGroup.radmann)
    .map((g) => {
      const fallback = kind === 'single' ? { ...byGroup.radmann!, n: undefined, dont_know: 0 } : byGroup.radmann!;
      return { key: g, members: respondents.filter((r) => r.group === g), target: byGroup[g] ?? (fallback as typeof byGroup[string]) };
    });

function answerRespondent(r: SimRespondent): AnswerRespondent {
  return { id: r.invitee.resp_id, group: r.group, cluster: null, stopAfter: r.stopAfter, empty: r.empty, fixed: { kommunenr: r.invitee.kommune.kommunenr } };
}

/** The units of an ordfører/rådmann wave before any answer: who was invited and who answered. */
export interface OrDraw {
  invitees: Invitee[];
  allocation: Allocation;
  /** The wave's random source, positioned after the draw (the answers continue with it). */
  rng: Rng;
  fieldwork: Fieldwork;
  year: number;
  frameKind: FrameKind;
  /** The previous wave's kommuner in this wave's numbers, when the wave follows one on synthetic frames. */
  crosswalk: { fromYear: number; map: Map<string, string> } | null;
  notes: string[];
}

/**
 * Draws the invited and answering units of a wave. A wave whose codebook follows a previous one
 * (`previous`) draws that wave first with the same seed, so the kommuner that answered it — mapped
 * to this wave's numbers — can be likelier to answer again (`previous_answered_weight`).
 */
export function drawOrWave(wave: string, seed: number, codebook: Codebook, targets: WaveTargets, kommuner?: Kommune[]): OrDraw {
  const fieldwork = fieldworkOf('ordforer_radmann', targets);
  const year = classificationYear(wave);
  const frame = kommuneFrameFor(year, kommuner);
  const invitees = buildFrame(frame.kommuner, fieldwork.id_prefix);
  const notes: string[] = [];
  let panel: PanelTendency | undefined;
  let crosswalk: OrDraw['crosswalk'] = null;
  const previous = previousWave(codebook);
  if (previous) {
    const before = drawOrWave(previous.wave, seed, previous.codebook, previous.targets);
    if (frame.kind === 'synthetic' && before.frameKind === 'synthetic') {
      const map = syntheticCrosswalk(before.year, year);
      crosswalk = before.year === year ? null : { fromYear: before.year, map };
      const answered = new Set(before.allocation.respondents.filter((r) => !r.empty).map((r) => map.get(r.invitee.kommune.kommunenr)!));
      panel = { answered, weight: fieldwork.previous_answered_weight };
    } else {
      notes.push(`${wave}: no synthetic crosswalk to ${previous.wave} (kommune frames ${before.frameKind} and ${frame.kind}); answering kommuner drawn without regard to the previous wave`);
    }
  }
  const rng = createRng(seed);
  const allocation = allocateRespondents(invitees, rng, { ...fieldwork.ordforer_radmann!, start: fieldwork.start }, panel);
  return { invitees, allocation, rng, fieldwork, year, frameKind: frame.kind, crosswalk, notes };
}

export function simulateOrdforerRadmann(options: { wave: string; seed: number; kommuner?: Kommune[] }, codebook: Codebook, targets: WaveTargets, effects: { writer: Writer }): Simulated {
  const survey = 'ordforer_radmann';
  const draw = drawOrWave(options.wave, options.seed, codebook, targets, options.kommuner);
  const { invitees, rng, fieldwork } = draw;
  const { respondents, dispositions } = draw.allocation;
  const { answers, notes } = generateAnswers(respondents.map(answerRespondent), codebook, targets, rng, orPartition);
  const dispositionOf = new Map(dispositions.map((d) => [d.invitee.resp_id, d]));
  const fallbackDate = addDays(fieldwork.start, 9);

  const background = (r: SimRespondent): Record<string, string> => {
    const d = dispositionOf.get(r.invitee.resp_id)!;
    const complete = d.status === 'answered';
    const date = d.dato_svar ?? fallbackDate;
    const start = timestamp(rng, date);
    return {
      resp_id: r.invitee.resp_id,
      rolle: String(r.rolle),
      rolle_annet_tekst: r.rolle === 3 ? ROLLE_ANNET[rng.int(ROLLE_ANNET.length)]! : '',
      kommunenr: r.invitee.kommune.kommunenr,
      kommune: r.invitee.kommune.kommune,
      bydel: r.invitee.bydel ?? '',
      fylkesnr: r.invitee.kommune.fylkesnr,
      fylke: r.invitee.kommune.fylke,
      svar_status: complete ? '1' : '2',
      start_tid: start,
      slutt_tid: complete ? start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`) : '',
    };
  };

  const header = codebook.variables.map((v) => v.name);
  const rows = respondents.map((r) => {
    const bg = background(r);
    const a = answers.get(r.invitee.resp_id)!;
    return header.map((name) => {
      if (name in bg) return bg[name];
      if (name === 'tjenester_annet_tekst') return a.get('tjenester_annet') === 1 ? TJENESTER_ANNET[rng.int(TJENESTER_ANNET.length)] : '';
      const value = a.get(name);
      return value === null || value === undefined ? '' : String(value);
    });
  });
  const dir = `${survey}/${options.wave}`;
  effects.writer.write(`${dir}/responses.csv`, toCsv(header, rows));
  const sampleHeader = ['resp_id', 'survey', 'wave', 'gruppe', 'kommunenr', 'kommune', 'bydel', 'navn', 'epost', 'status', 'purringer', 'runde_lagt_til', 'erstatter_resp_id', 'dato_invitert', 'dato_svar'];
  const sampleRows = dispositions.map((d) => [
    d.invitee.resp_id, survey, options.wave, d.invitee.gruppe, d.invitee.kommune.kommunenr, d.invitee.kommune.kommune, d.invitee.bydel ?? '',
    d.invitee.navn, d.invitee.epost, d.status, d.purringer, 1, '', fieldwork.start, d.dato_svar ?? '',
  ]);
  effects.writer.write(`${dir}/sample.csv`, toCsv(sampleHeader, sampleRows));
  const manifest = { survey: survey, wave: options.wave, fieldwork: seasonOf(fieldwork.start), vendor: 'simulert', codebook_version: `${options.wave}.1`, kommune_classification_year: draw.year, count_partial: true, simulated: true, simulation: { seed: options.seed, targets: `schemas/simulation/${survey}-${options.wave}.targets.json`, kommune_frame: draw.frameKind } };
  effects.writer.write(`${dir}/wave.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  const files = [`${dir}/responses.csv`, `${dir}/sample.csv`, `${dir}/wave.json`];
  if (draw.crosswalk) {
    const cw = kommuneCrosswalkCsv(draw.crosswalk.fromYear, draw.year, draw.crosswalk.map);
    effects.writer.write(cw.path, cw.content);
    files.push(cw.path);
  }
  return { files, respondents: respondents.length, invited: invitees.length, notes: [...draw.notes, ...notes] };
}
