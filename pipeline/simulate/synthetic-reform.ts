/**
 * A synthetic frame for the kommune structure of 2020–2023 (356 kommuner in 11 counties), derived
 * from the synthetic 2019 frame as the 2020 reform changed the real one: counties merged and
 * renumbered, 66 kommuner merged into a neighbour in the same new county, and kommuner of the
 * merged counties renumbered within them. Which kommuner merge is drawn with a fixed seed, so the
 * frame, and the crosswalk from 2019, is the same for every simulated wave and survey. The counties
 * keep their real 2020 number, name and kommune count; the kommuner the spec names keep their real
 * 2020 numbers (Oslo 0301, Bergen 4601, Kristiansand 4204, Tromsø 5401, Bodø 1804, Ringerike 3007,
 * Kragerø 3814); every other kommune is «Simulert kommune NNNN», never SSB's. Used for simulated
 * data only. The 2024 county split is not modelled.
 */
import type { Kommune } from '../core/kommuner.ts';
import { PipelineError } from '../core/errors.ts';
import { createRng } from '../core/rng.ts';
import { syntheticKommuner } from './synthetic-kommuner.ts';

/** The 2020 counties: number, name, the 2019 counties they were made of, and their kommuner in 2020. */
const COUNTIES_2020: Array<{ fylkesnr: string; fylke: string; from: string[]; kommuner: number }> = [
  { fylkesnr: '03', fylke: 'Oslo', from: ['03'], kommuner: 1 },
  { fylkesnr: '11', fylke: 'Rogaland', from: ['11'], kommuner: 23 },
  { fylkesnr: '15', fylke: 'Møre og Romsdal', from: ['15'], kommuner: 26 },
  { fylkesnr: '18', fylke: 'Nordland', from: ['18'], kommuner: 41 },
  { fylkesnr: '30', fylke: 'Viken', from: ['01', '02', '06'], kommuner: 51 },
  { fylkesnr: '34', fylke: 'Innlandet', from: ['04', '05'], kommuner: 46 },
  { fylkesnr: '38', fylke: 'Vestfold og Telemark', from: ['07', '08'], kommuner: 23 },
  { fylkesnr: '42', fylke: 'Agder', from: ['09', '10'], kommuner: 25 },
  { fylkesnr: '46', fylke: 'Vestland', from: ['12', '14'], kommuner: 43 },
  { fylkesnr: '50', fylke: 'Trøndelag', from: ['50'], kommuner: 38 },
  { fylkesnr: '54', fylke: 'Troms og Finnmark', from: ['19', '20'], kommuner: 39 },
];

/** The named kommuner: 2019 number → real 2020 number. They never merge into another kommune. */
export const NAMED_2020: Record<string, string> = { '0301': '0301', '1201': '4601', '1001': '4204', '1902': '5401', '1804': '1804', '0605': '3007', '0815': '3814' };

/** The seed of the merger draw: fixed, so that every wave and survey gets the same frame. */
const REFORM_SEED = 2020;

export interface ReformFrame {
  kommuner: Kommune[];
  /** 2019 kommunenr → 2020 kommunenr, one entry per 2019 kommune. */
  from2019: Map<string, string>;
}

let cached: ReformFrame | null = null;

/** The synthetic 2020–2023 frame and its crosswalk from the synthetic 2019 frame. */
export function syntheticReform(): ReformFrame {
  cached ??= deriveReform(syntheticKommuner());
  return cached;
}

function deriveReform(frame2019: Kommune[]): ReformFrame {
  const rng = createRng(REFORM_SEED);
  const kommuner: Kommune[] = [];
  const from2019 = new Map<string, string>();
  for (const county of COUNTIES_2020) {
    const members = frame2019.filter((k) => county.from.includes(k.fylkesnr)).sort((a, b) => a.kommunenr.localeCompare(b.kommunenr));
    const merging = members.length - county.kommuner;
    if (merging < 0) throw new Error(`synthetic reform: ${county.fylke} has ${members.length} kommuner in 2019, fewer than ${county.kommuner}`);
    const absorbed = new Set(rng.shuffle(members.filter((k) => !(k.kommunenr in NAMED_2020)).map((k) => k.kommunenr)).slice(0, merging));
    const survivors = members.filter((k) => !absorbed.has(k.kommunenr));
    // A merged kommune joins the nearest survivor by number in its own 2019 county (numbers run
    // roughly along the coast and valleys), else in the new county: a neighbour, as in 2020.
    const hostOf = new Map<string, Kommune>();
    for (const k of members) {
      if (!absorbed.has(k.kommunenr)) continue;
      const sameOld = survivors.filter((s) => s.fylkesnr === k.fylkesnr);
      const pool = sameOld.length ? sameOld : survivors;
      const distance = (s: Kommune) => Math.abs(Number(s.kommunenr) - Number(k.kommunenr));
      hostOf.set(k.kommunenr, pool.reduce((best, s) => (distance(s) < distance(best) ? s : best)));
    }
    const newNumber = numberSurvivors(county, survivors);
    for (const s of survivors) {
      const nr = newNumber.get(s.kommunenr)!;
      kommuner.push({ kommunenr: nr, kommune: s.kommunenr in NAMED_2020 ? s.kommune : `Simulert kommune ${nr}`, fylkesnr: county.fylkesnr, fylke: county.fylke });
    }
    for (const k of members) from2019.set(k.kommunenr, newNumber.get((hostOf.get(k.kommunenr) ?? k).kommunenr)!);
  }
  kommuner.sort((a, b) => a.kommunenr.localeCompare(b.kommunenr));
  if (kommuner.length !== 356) throw new Error(`synthetic reform: ${kommuner.length} kommuner, expected 356`);
  return { kommuner, from2019 };
}

/**
 * A county that kept its number keeps its kommuner's numbers (a merged kommune takes its host's);
 * a new county numbers its kommuner NN01, NN02 … in the order of their 2019 numbers, the named
 * kommuner taking their real 2020 numbers.
 */
function numberSurvivors(county: (typeof COUNTIES_2020)[number], survivors: Kommune[]): Map<string, string> {
  if (county.from.length === 1 && county.from[0] === county.fylkesnr) return new Map(survivors.map((s) => [s.kommunenr, s.kommunenr]));
  const reserved = new Set(survivors.filter((s) => s.kommunenr in NAMED_2020).map((s) => NAMED_2020[s.kommunenr]!));
  const free = Array.from({ length: survivors.length }, (_, i) => `${county.fylkesnr}${String(i + 1).padStart(2, '0')}`).filter((nr) => !reserved.has(nr));
  let next = 0;
  return new Map(survivors.map((s) => [s.kommunenr, NAMED_2020[s.kommunenr] ?? free[next++]!]));
}

/** The kommune structure a classification year belongs to: 2019 (before the 2020 reform) or 2020. */
function structureOf(year: number): 2019 | 2020 {
  if (year < 2020) return 2019;
  if (year <= 2023) return 2020;
  throw new PipelineError(`no synthetic kommune frame for ${year}: the 2024 county split is not modelled (bundle schemas/reference/kommuner-${year}.csv instead)`);
}

/** The synthetic frame for a classification year. */
export function syntheticFrame(year: number): Kommune[] {
  return structureOf(year) === 2019 ? syntheticKommuner() : syntheticReform().kommuner;
}

/** The synthetic crosswalk between two classification years: every `from` kommune's number in `to`. */
export function syntheticCrosswalk(from: number, to: number): Map<string, string> {
  const [a, b] = [structureOf(from), structureOf(to)];
  if (a === b) return new Map(syntheticFrame(from).map((k) => [k.kommunenr, k.kommunenr]));
  if (a === 2019 && b === 2020) return syntheticReform().from2019;
  throw new PipelineError(`no synthetic kommune crosswalk from ${from} back to ${to}`);
}
