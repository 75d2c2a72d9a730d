/**
 * The synthetic 2020–2023 kommune frame: derived from the synthetic 2019 frame as the 2020 reform
 * changed the real one (356 kommuner in 11 counties, 66 merged into a neighbour in the same new
 * county), the named kommuner at their real 2020 numbers, and the bundled crosswalk
 * (raw/crosswalks/kommuner-2019-2023.csv) covering every 2019 kommune, labelled as simulated.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { syntheticKommuner } from '../../pipeline/simulate/synthetic-kommuner.ts';
import { syntheticCrosswalk, syntheticFrame, syntheticReform } from '../../pipeline/simulate/synthetic-reform.ts';

const COUNTY_OF_2019: Record<string, string> = {
  '01': '30', '02': '30', '06': '30', '03': '03', '04': '34', '05': '34', '07': '38', '08': '38', '09': '42', '10': '42',
  '11': '11', '12': '46', '14': '46', '15': '15', '18': '18', '19': '54', '20': '54', '50': '50',
};
const COUNTIES_2020 = { '03': 'Oslo', '11': 'Rogaland', '15': 'Møre og Romsdal', '18': 'Nordland', '30': 'Viken', '34': 'Innlandet', '38': 'Vestfold og Telemark', '42': 'Agder', '46': 'Vestland', '50': 'Trøndelag', '54': 'Troms og Finnmark' };
const NAMED = [['0301', '0301', 'Oslo'], ['1201', '4601', 'Bergen'], ['1001', '4204', 'Kristiansand'], ['1902', '5401', 'Tromsø'], ['1804', '1804', 'Bodø'], ['0605', '3007', 'Ringerike'], ['0815', '3814', 'Kragerø']];

const frame2019 = syntheticKommuner();
const { kommuner, from2019 } = syntheticReform();
const csv = Papa.parse<Record<string, string>>(readFileSync('raw/crosswalks/kommuner-2019-2023.csv', 'utf8'), { header: true, skipEmptyLines: true });

describe('the synthetic 2023 frame', () => {
  it('has 356 kommuner in the 11 counties of 2020, with their names and unique four-digit numbers', () => {
    expect(kommuner).toHaveLength(356);
    expect(new Set(kommuner.map((k) => k.kommunenr)).size).toBe(356);
    for (const k of kommuner) {
      expect(k.kommunenr, k.kommunenr).toMatch(/^\d{4}$/);
      expect(k.kommunenr.slice(0, 2), k.kommunenr).toBe(k.fylkesnr);
      expect(COUNTIES_2020[k.fylkesnr as keyof typeof COUNTIES_2020], k.kommunenr).toBe(k.fylke);
    }
    expect(Object.fromEntries(Object.keys(COUNTIES_2020).map((f) => [f, kommuner.filter((k) => k.fylkesnr === f).length]))).toEqual({
      '03': 1, '11': 23, '15': 26, '18': 41, '30': 51, '34': 46, '38': 23, '42': 25, '46': 43, '50': 38, '54': 39,
    });
  });

  it('gives the named kommuner their real 2020 numbers and keeps every other name synthetic', () => {
    for (const [old, now, name] of NAMED) {
      expect(from2019.get(old!), name).toBe(now);
      expect(kommuner.find((k) => k.kommunenr === now)?.kommune, name).toBe(name);
    }
    const named = new Set(NAMED.map((n) => n[1]));
    for (const k of kommuner.filter((x) => !named.has(x.kommunenr))) expect(k.kommune).toBe(`Simulert kommune ${k.kommunenr}`);
  });

  it('merges 66 kommuner into a kommune of the same new county; counties that kept their number keep the numbers of unmerged kommuner', () => {
    expect(from2019.size).toBe(422);
    const size = new Map<string, number>();
    for (const now of from2019.values()) size.set(now, (size.get(now) ?? 0) + 1);
    // Each 2023 kommune made of k 2019 kommuner absorbed k − 1 of them.
    expect([...size.values()].reduce((sum, k) => sum + k - 1, 0)).toBe(66);
    expect(Math.max(...size.values())).toBeGreaterThanOrEqual(3);
    for (const [old, now] of from2019) expect(now.slice(0, 2), old).toBe(COUNTY_OF_2019[old.slice(0, 2)]);
    for (const k of frame2019.filter((x) => ['11', '15', '18', '50', '03'].includes(x.fylkesnr))) {
      const sharing = [...from2019].filter(([, n]) => n === from2019.get(k.kommunenr));
      if (sharing.length === 1) expect(from2019.get(k.kommunenr), k.kommunenr).toBe(k.kommunenr);
    }
  });

  it('is the frame of the classification years 2020–2023, the 2019 frame before; the 2024 split is not modelled', () => {
    expect(syntheticFrame(2023)).toEqual(kommuner);
    expect(syntheticFrame(2020)).toEqual(kommuner);
    expect(syntheticFrame(2019)).toEqual(frame2019);
    expect(syntheticCrosswalk(2019, 2023)).toBe(from2019);
    expect(syntheticCrosswalk(2021, 2023).get('4601')).toBe('4601');
    expect(() => syntheticFrame(2024)).toThrow(/2024/);
    expect(() => syntheticCrosswalk(2023, 2019)).toThrow();
  });
});

describe('raw/crosswalks/kommuner-2019-2023.csv', () => {
  it('has one row per 2019 kommune, to a 2023 kommune of the frame, in the documented columns', () => {
    expect(csv.meta.fields).toEqual(['from_year', 'from_kommunenr', 'to_year', 'to_kommunenr', 'source']);
    expect(csv.data).toHaveLength(422);
    expect(new Set(csv.data.map((r) => r.from_kommunenr))).toEqual(new Set(frame2019.map((k) => k.kommunenr)));
    const numbers = new Set(kommuner.map((k) => k.kommunenr));
    for (const r of csv.data) {
      expect([r.from_year, r.to_year]).toEqual(['2019', '2023']);
      expect(numbers.has(r.to_kommunenr!), r.to_kommunenr).toBe(true);
      expect(r.to_kommunenr).toBe(from2019.get(r.from_kommunenr!));
    }
    expect(new Set(csv.data.map((r) => r.to_kommunenr)).size).toBe(356);
  });

  it('says the simulator made it, never that it is SSB’s', () => {
    for (const r of csv.data) expect(r.source).toBe('simulert: avledet av simulatoren fra den syntetiske 2019-rammen');
    expect(readFileSync('raw/crosswalks/kommuner-2019-2023.csv', 'utf8')).not.toMatch(/SSB/i);
  });
});
