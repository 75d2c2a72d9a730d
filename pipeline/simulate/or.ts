/**
 * The ordfører/rådmann wave: code export (CSV variant A), sample/disposition file and `wave.json`,
 * reproducing Vedlegg D (Tabell 2) with answers built from the wave's simulation targets.
 */
import type { Codebook } from '../../schemas/codebook.ts';
import type { WaveTargets } from '../../schemas/simulation.ts';
import { toCsv } from '../core/csv.ts';
import { bundledKommuner, type Kommune } from '../core/kommuner.ts';
import { createRng, type Rng } from '../core/rng.ts';
import type { Writer } from '../core/writer.ts';
import { generateAnswers, type AnswerRespondent, type Partition } from './answers.ts';
import { buildFrame } from './frame.ts';
import { allocateRespondents, type SimRespondent } from './respondents.ts';
import { syntheticKommuner } from './synthetic-kommuner.ts';
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

export function simulateOrdforerRadmann(options: { wave: string; seed: number; kommuner?: Kommune[] }, codebook: Codebook, targets: WaveTargets, effects: { writer: Writer }): Simulated {
  const survey = 'ordforer_radmann';
  const rng = createRng(options.seed);
  const bundled = bundledKommuner(Number(options.wave.slice(0, 4)));
  const kommuneFrame = options.kommuner ? 'given' : bundled ? 'bundled' : 'synthetic';
  const invitees = buildFrame(options.kommuner ?? bundled ?? syntheticKommuner());
  const { respondents, dispositions } = allocateRespondents(invitees, rng);
  const { answers, notes } = generateAnswers(respondents.map(answerRespondent), codebook, targets, rng, orPartition);
  const dispositionOf = new Map(dispositions.map((d) => [d.invitee.resp_id, d]));

  const background = (r: SimRespondent): Record<string, string> => {
    const d = dispositionOf.get(r.invitee.resp_id)!;
    const complete = d.status === 'answered';
    const date = d.dato_svar ?? '2019-03-20';
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
    d.invitee.navn, d.invitee.epost, d.status, d.purringer, 1, '', '2019-03-11', d.dato_svar ?? '',
  ]);
  effects.writer.write(`${dir}/sample.csv`, toCsv(sampleHeader, sampleRows));
  const manifest = { survey: survey, wave: options.wave, fieldwork: 'våren 2019', vendor: 'simulert', codebook_version: `${options.wave}.1`, kommune_classification_year: Number(options.wave.slice(0, 4)), count_partial: true, simulated: true, simulation: { seed: options.seed, targets: `schemas/simulation/${survey}-${options.wave}.targets.json`, kommune_frame: kommuneFrame } };
  effects.writer.write(`${dir}/wave.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  return { files: [`${dir}/responses.csv`, `${dir}/sample.csv`, `${dir}/wave.json`], respondents: respondents.length, invited: invitees.length, notes };
}
