/**
 * Simulate: writes a realistic raw export of one wave (code export, CSV variant A), its sample/
 * disposition file and a `wave.json` that marks the data as simulated. Same seed, same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadCodebook } from '../ingest/discover.ts';
import { WaveTargets } from '../../schemas/simulation.ts';
import { toCsv } from '../core/csv.ts';
import { PipelineError } from '../core/errors.ts';
import { createRng, type Rng } from '../core/rng.ts';
import type { Writer } from '../core/writer.ts';
import { generateAnswers } from './answers.ts';
import { buildFrame } from './frame.ts';
import { bundledKommuner, type Kommune } from '../core/kommuner.ts';
import { syntheticKommuner } from './synthetic-kommuner.ts';
import { allocateRespondents, type SimRespondent } from './respondents.ts';

export interface SimulateOptions {
  survey: string;
  wave: string;
  seed: number;
  /** The invited kommuner; defaults to the bundled list for the wave's year. */
  kommuner?: Kommune[];
}

export interface Simulated {
  files: string[];
  respondents: number;
  invited: number;
  notes: string[];
}

const ROLLE_ANNET = ['Kommunaldirektør', 'Varaordfører', 'Kommunalsjef for helse og velferd', 'Assisterende rådmann'];
const TJENESTER_ANNET = ['Flyktningtjenesten', 'Arbeidstrening i kommunal regi', 'Frivilligsentralen', 'Kvalifisering for unge', 'Økonomisk rådgivning til barnefamilier'];

function timestamp(rng: Rng, date: string): string {
  const h = 8 + rng.int(9);
  const m = rng.int(60);
  const s = rng.int(60);
  return `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function readTargets(survey: string, wave: string): WaveTargets {
  const path = new URL(`../../schemas/simulation/${survey}-${wave}.targets.json`, import.meta.url);
  if (!existsSync(path)) throw new PipelineError(`no simulation targets for ${survey} ${wave} (schemas/simulation/${survey}-${wave}.targets.json)`);
  return WaveTargets.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function simulateWave(options: SimulateOptions, effects: { writer: Writer }): Simulated {
  if (options.survey !== 'ordforer_radmann') throw new PipelineError(`simulate: survey ${options.survey} is not simulated yet (only ordforer_radmann)`);
  const codebook = loadCodebook(`${options.survey}/${options.wave}`);
  const targets = readTargets(options.survey, options.wave);
  const rng = createRng(options.seed);
  const bundled = bundledKommuner(Number(options.wave.slice(0, 4)));
  const kommuneFrame = options.kommuner ? 'given' : bundled ? 'bundled' : 'synthetic';
  const invitees = buildFrame(options.kommuner ?? bundled ?? syntheticKommuner());
  const { respondents, dispositions } = allocateRespondents(invitees, rng);
  const { answers, notes } = generateAnswers(respondents, codebook, targets, rng);
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
  const dir = `${options.survey}/${options.wave}`;
  effects.writer.write(`${dir}/responses.csv`, toCsv(header, rows));
  const sampleHeader = ['resp_id', 'survey', 'wave', 'gruppe', 'kommunenr', 'kommune', 'bydel', 'navn', 'epost', 'status', 'purringer', 'runde_lagt_til', 'erstatter_resp_id', 'dato_invitert', 'dato_svar'];
  const sampleRows = dispositions.map((d) => [
    d.invitee.resp_id, options.survey, options.wave, d.invitee.gruppe, d.invitee.kommune.kommunenr, d.invitee.kommune.kommune, d.invitee.bydel ?? '',
    d.invitee.navn, d.invitee.epost, d.status, d.purringer, 1, '', '2019-03-11', d.dato_svar ?? '',
  ]);
  effects.writer.write(`${dir}/sample.csv`, toCsv(sampleHeader, sampleRows));
  const manifest = { survey: options.survey, wave: options.wave, fieldwork: 'våren 2019', vendor: 'simulert', codebook_version: `${options.wave}.1`, kommune_classification_year: Number(options.wave.slice(0, 4)), count_partial: true, simulated: true, simulation: { seed: options.seed, targets: `schemas/simulation/${options.survey}-${options.wave}.targets.json`, kommune_frame: kommuneFrame } };
  effects.writer.write(`${dir}/wave.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  return { files: [`${dir}/responses.csv`, `${dir}/sample.csv`, `${dir}/wave.json`], respondents: respondents.length, invited: invitees.length, notes };
}
