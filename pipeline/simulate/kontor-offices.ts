/**
 * The office frame of the 2019 office survey (Vedlegg D, Tabell 3): 315 Nav offices, each with a
 * unit leader in the census; a random draw of 100 offices, 57 follow-up offices (17 of them also
 * drawn) and 6 case offices (one drawn at random, two follow-up offices), so 143 distinct sample
 * offices — the text's 142 cannot be reached with these overlaps (figures.md I28). 13 drawn
 * offices and 1 follow-up office declined; 5 more drawn offices took part but no employee
 * answered, leaving 124 offices with answers from employees (L2771).
 *
 * Offices sit in the kommuner of the frame: Oslo has one office per bydel; elsewhere 300 kommuner
 * host an office and the remaining kommuner are served by a host office in their county
 * (vertskommune), so `kommuner_dekket` lists several kommuner for some offices.
 */
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

/** The overlap cells of the three office samples. */
export type SampleCell = 'R' | 'F' | 'C' | 'RF' | 'RC' | 'FC';

const OSLO_BYDEL_NAMES = ['Gamle Oslo', 'Grünerløkka', 'Sagene', 'St. Hanshaugen', 'Frogner', 'Ullern', 'Vestre Aker', 'Nordre Aker', 'Bjerke', 'Grorud', 'Stovner', 'Alna', 'Østensjø', 'Nordstrand', 'Søndre Nordstrand'];

export const KONTOR_FRAME = {
  offices: 315,
  osloOffices: 15,
  /** Offices per overlap cell: 100 = R + RF + RC, 57 = F + RF + FC, 6 = C + RC + FC. */
  cells: { R: 82, F: 38, C: 3, RF: 17, RC: 1, FC: 2 } as Record<SampleCell, number>,
  declined: { R: 13, F: 1 } as Partial<Record<SampleCell, number>>,
  /** Drawn offices that took part but where no employee answered. */
  silent: { R: 5 } as Partial<Record<SampleCell, number>>,
} as const;

export function buildOffices(kommuner: Kommune[], rng: Rng): SimOffice[] {
  const oslo = kommuner.find((k) => k.kommunenr === '0301');
  const others = kommuner.filter((k) => k.kommunenr !== '0301');
  const hostCount = KONTOR_FRAME.offices - (oslo ? KONTOR_FRAME.osloOffices : 0);
  const hosts = new Set(rng.shuffle(others.map((k) => k.kommunenr)).slice(0, hostCount));
  const offices: SimOffice[] = [];
  const office = (kontor_id: string, navn: string, kommune: Kommune): SimOffice => ({
    kontor_id, kontor_navn: navn, kommune, kommuner_dekket: [kommune.kommunenr], random: false, followUp: false, caseOffice: false, takesPart: null, cell: null,
  });
  if (oslo) OSLO_BYDELER.forEach((b, i) => offices.push(office(b, `NAV ${OSLO_BYDEL_NAMES[i]}`, oslo)));
  for (const k of others.filter((x) => hosts.has(x.kommunenr))) offices.push(office(k.kommunenr, `NAV ${k.kommune.replace(/^Simulert kommune /, 'Simulert ')}`, k));
  // Kommuner without an office of their own are served by a host office in the same county.
  for (const k of others.filter((x) => !hosts.has(x.kommunenr))) {
    const inCounty = offices.filter((o) => o.kommune.fylkesnr === k.fylkesnr && o.kommune.kommunenr !== '0301');
    const host = inCounty.length ? inCounty[rng.int(inCounty.length)]! : offices[offices.length - 1]!;
    host.kommuner_dekket.push(k.kommunenr);
  }
  // The sample cells: a shuffled list of offices cut into the cells of Tabell 3's overlaps.
  const shuffled = rng.shuffle(offices);
  let at = 0;
  for (const [cell, count] of Object.entries(KONTOR_FRAME.cells) as Array<[SampleCell, number]>) {
    for (const o of shuffled.slice(at, (at += count))) {
      o.cell = cell;
      o.random = cell.includes('R');
      o.followUp = cell.includes('F');
      o.caseOffice = cell.includes('C');
      o.takesPart = true;
    }
  }
  for (const [cell, count] of Object.entries(KONTOR_FRAME.declined) as Array<[SampleCell, number]>) {
    rng.shuffle(offices.filter((o) => o.cell === cell)).slice(0, count).forEach((o) => (o.takesPart = false));
  }
  for (const o of offices) o.kommuner_dekket.sort();
  return offices.sort((a, b) => a.kontor_id.localeCompare(b.kontor_id));
}
