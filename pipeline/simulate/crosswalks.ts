/**
 * Crosswalks between a simulated wave and the previous one, written as data beside the waves
 * (`raw/crosswalks/`): every kommune of the previous classification year with its number in this
 * one, and every office of the previous wave with its id in this one. They say that the simulator
 * made them, never that they are SSB's or the directorate's.
 */
import { toCsv } from '../core/csv.ts';

/** The `source` of a simulated crosswalk from the synthetic frame of `fromYear`. */
export function simulatedSource(fromYear: number): string {
  return `simulert: avledet av simulatoren fra den syntetiske ${fromYear}-rammen`;
}

export function kommuneCrosswalkCsv(fromYear: number, toYear: number, map: Map<string, string>, source = simulatedSource(fromYear)): { path: string; content: string } {
  const rows = [...map].sort((a, b) => a[0].localeCompare(b[0])).map(([from, to]) => [fromYear, from, toYear, to, source]);
  return { path: `crosswalks/kommuner-${fromYear}-${toYear}.csv`, content: toCsv(['from_year', 'from_kommunenr', 'to_year', 'to_kommunenr', 'source'], rows) };
}

export function kontorCrosswalkCsv(fromWave: string, toWave: string, map: Map<string, string>, source: string): { path: string; content: string } {
  const rows = [...map].sort((a, b) => a[0].localeCompare(b[0])).map(([from, to]) => [fromWave, from, toWave, to, source]);
  return { path: `crosswalks/kontor-${fromWave}-${toWave}.csv`, content: toCsv(['from_wave', 'from_kontor_id', 'to_wave', 'to_kontor_id', 'source'], rows) };
}
