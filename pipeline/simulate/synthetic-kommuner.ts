/**
 * A synthetic 2019 frame for when no kommune list is bundled (the project never guesses one):
 * 422 kommuner in the 18 counties of 2019. Only the kommuner the spec itself names keep their
 * real number and name (Oslo and Bergen, Vedlegg D; the examples of exports.md); every other
 * number is synthetic and named «Simulert kommune NNNN». Used for simulated data only.
 */
import type { Kommune } from '../core/kommuner.ts';

const FYLKER: Array<[string, string, number]> = [
  ['01', 'Østfold', 18], ['02', 'Akershus', 22], ['03', 'Oslo', 1], ['04', 'Hedmark', 22], ['05', 'Oppland', 26], ['06', 'Buskerud', 21],
  ['07', 'Vestfold', 9], ['08', 'Telemark', 17], ['09', 'Aust-Agder', 15], ['10', 'Vest-Agder', 15], ['11', 'Rogaland', 26], ['12', 'Hordaland', 33],
  ['14', 'Sogn og Fjordane', 26], ['15', 'Møre og Romsdal', 36], ['18', 'Nordland', 44], ['19', 'Troms', 24], ['20', 'Finnmark', 19], ['50', 'Trøndelag', 48],
];

const NAMED: Record<string, string> = { '0301': 'Oslo', '1201': 'Bergen', '1001': 'Kristiansand', '0815': 'Kragerø', '0605': 'Ringerike', '1902': 'Tromsø', '1804': 'Bodø' };

export function syntheticKommuner(): Kommune[] {
  const out: Kommune[] = [];
  for (const [fylkesnr, fylke, count] of FYLKER) {
    const named = Object.keys(NAMED).filter((k) => k.startsWith(fylkesnr));
    const numbers = [...named];
    for (let i = 1; numbers.length < count; i++) {
      const nr = `${fylkesnr}${String(i).padStart(2, '0')}`;
      if (!numbers.includes(nr)) numbers.push(nr);
    }
    for (const nr of numbers.sort()) out.push({ kommunenr: nr, kommune: NAMED[nr] ?? `Simulert kommune ${nr}`, fylkesnr, fylke });
  }
  return out;
}
