/**
 * The office frame of an office-survey wave and its samples. A first wave builds the frame from
 * the kommuner: Oslo has one office per bydel; elsewhere 300 kommuner host an office (2019: 315
 * offices, L2767) and the remaining kommuner are served by a host office in their county
 * (vertskommune), so `kommuner_dekket` lists several kommuner for some offices. A later wave
 * derives its frame from the previous wave's: offices whose host kommuner merged merge into one,
 * the others keep their id. The samples are then cut from the frame as the wave's design says
 * (Tabell 3 for 2019, see fieldwork.ts); a later wave's follow-up offices are offices that took
 * part in the previous wave.
 */
import type { KontorDesign, SampleCell } from '../../schemas/simulation.ts';
import type { Kommune } from '../core/kommuner.ts';
import type { Rng } from '../core/rng.ts';
import { OSLO_BYDELER } from './frame.ts';

export interface SimOffice {
  kontor_id: string;
  kontor_navn: string;
  kommune: Kommune;
  kommuner_dekket: string[];
  random: boolean;
  followUp: boolean;
  caseOffice: boolean;
  /** null: not in an office sample (census only). */
  takesPart: boolean | null;
  /** Which of the sample cells of Tabell 3 the office is in, for allocating respondents. */
  cell: SampleCell | null;
}

export type { SampleCell };

const OSLO_BYDEL_NAMES = ['Gamle Oslo', 'Grünerløkka', 'Sagene', 'St. Hanshaugen', 'Frogner', 'Ullern', 'Vestre Aker', 'Nordre Aker', 'Bjerke', 'Grorud', 'Stovner', 'Alna', 'Østensjø', 'Nordstrand', 'Søndre Nordstrand'];

/** The 2019 frame: 315 offices, 15 of them Oslo's bydeler. */
export const KONTOR_FRAME = { offices: 315, osloOffices: 15 } as const;

const officeName = (k: Kommune) => `NAV ${k.kommune.replace(/^Simulert kommune /, 'Simulert ')}`;
const blank = (kontor_id: string, kontor_navn: string, kommune: Kommune): SimOffice => ({
  kontor_id, kontor_navn, kommune, kommuner_dekket: [kommune.kommunenr], random: false, followUp: false, caseOffice: false, takesPart: null, cell: null,
});

/** A first wave's frame: an office per Oslo bydel and per host kommune, the other kommuner served by a host in their county. */
export function buildOfficeFrame(kommuner: Kommune[], rng: Rng): SimOffice[] {
  const oslo = kommuner.find((k) => k.kommunenr === '0301');
  const others = kommuner.filter((k) => k.kommunenr !== '0301');
  const hostCount = KONTOR_FRAME.offices - (oslo ? KONTOR_FRAME.osloOffices : 0);
  const hosts = new Set(rng.shuffle(others.map((k) => k.kommunenr)).slice(0, hostCount));
  const offices: SimOffice[] = [];
  if (oslo) OSLO_BYDELER.forEach((b, i) => offices.push(blank(b, `NAV ${OSLO_BYDEL_NAMES[i]}`, oslo)));
  for (const k of others.filter((x) => hosts.has(x.kommunenr))) offices.push(blank(k.kommunenr, officeName(k), k));
  // Kommuner without an office of their own are served by a host office in the same county.
  for (const k of others.filter((x) => !hosts.has(x.kommunenr))) {
    const inCounty = offices.filter((o) => o.kommune.fylkesnr === k.fylkesnr && o.kommune.kommunenr !== '0301');
    const host = inCounty.length ? inCounty[rng.int(inCounty.length)]! : offices[offices.length - 1]!;
    host.kommuner_dekket.push(k.kommunenr);
  }
  return offices;
}

/**
 * A later wave's frame from the previous wave's offices and the kommune crosswalk: offices whose
 * host kommuner merged become one office, named after the merged kommune and identified by its
 * number; every other office keeps its id (and is named after its host kommune as it is now
 * numbered). Each kommune is covered by one office: its own, else the first that covered it.
 * Returns the offices and every previous office's id in the new frame.
 */
export function deriveOfficeFrame(previous: SimOffice[], crosswalk: Map<string, string>, kommuner: Kommune[]): { offices: SimOffice[]; ids: Map<string, string> } {
  const byNumber = new Map(kommuner.map((k) => [k.kommunenr, k]));
  const to = (nr: string) => {
    const mapped = crosswalk.get(nr);
    if (!mapped || !byNumber.has(mapped)) throw new Error(`office frame: kommune ${nr} has no counterpart in the new frame`);
    return mapped;
  };
  const groups = new Map<string, SimOffice[]>();
  for (const o of [...previous].sort((a, b) => a.kontor_id.localeCompare(b.kontor_id))) {
    // Oslo's bydel offices stay one per bydel.
    const key = o.kommune.kommunenr === '0301' ? o.kontor_id : to(o.kommune.kommunenr);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const ids = new Map<string, string>();
  const offices: SimOffice[] = [];
  for (const [key, members] of groups) {
    const first = members[0]!;
    const kommune = first.kommune.kommunenr === '0301' ? byNumber.get('0301')! : byNumber.get(key)!;
    const office = members.length === 1
      ? blank(first.kontor_id, first.kommune.kommunenr === '0301' ? first.kontor_navn : officeName(kommune), kommune)
      : blank(key, officeName(kommune), kommune);
    office.kommuner_dekket = [...new Set(members.flatMap((m) => m.kommuner_dekket.map(to)))];
    for (const m of members) ids.set(m.kontor_id, office.kontor_id);
    offices.push(office);
  }
  const hosts = new Set(offices.map((o) => o.kommune.kommunenr));
  const covered = new Set<string>();
  for (const o of [...offices].sort((a, b) => a.kontor_id.localeCompare(b.kontor_id))) {
    o.kommuner_dekket = o.kommuner_dekket.filter((k) => k === o.kommune.kommunenr || (!hosts.has(k) && !covered.has(k)));
    o.kommuner_dekket.forEach((k) => covered.add(k));
  }
  return { offices, ids };
}

/**
 * Cuts the samples from the frame: a shuffled list of offices cut into the overlap cells of the
 * design, then the declining offices of each cell. With `followUpPool` (a later wave), the cells
 * of the follow-up sample are cut first, from the pool only: the offices that took part before.
 * Returns the offices sorted by id.
 */
export function assignSamples(offices: SimOffice[], design: KontorDesign, rng: Rng, followUpPool?: Set<string>): SimOffice[] {
  const shuffled = rng.shuffle(offices);
  const mark = (o: SimOffice, cell: SampleCell) => {
    o.cell = cell;
    o.random = cell.includes('R');
    o.followUp = cell.includes('F');
    o.caseOffice = cell.includes('C');
    o.takesPart = true;
  };
  const cells = Object.entries(design.cells) as Array<[SampleCell, number]>;
  if (!followUpPool) {
    let at = 0;
    for (const [cell, count] of cells) for (const o of shuffled.slice(at, (at += count))) mark(o, cell);
  } else {
    const ordered = [...cells.filter(([c]) => c.includes('F')), ...cells.filter(([c]) => !c.includes('F'))];
    for (const [cell, count] of ordered) {
      const pool = shuffled.filter((o) => o.cell === null && (!cell.includes('F') || followUpPool.has(o.kontor_id)));
      if (pool.length < count) throw new Error(`office samples: ${count} offices wanted for cell ${cell}, ${pool.length} possible`);
      pool.slice(0, count).forEach((o) => mark(o, cell));
    }
  }
  for (const [cell, count] of Object.entries(design.declined) as Array<[SampleCell, number]>) {
    rng.shuffle(offices.filter((o) => o.cell === cell)).slice(0, count).forEach((o) => (o.takesPart = false));
  }
  for (const o of offices) o.kommuner_dekket.sort();
  return offices.sort((a, b) => a.kontor_id.localeCompare(b.kontor_id));
}
