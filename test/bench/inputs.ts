/**
 * Benchmark inputs: the bundled demo (1×) and simulated office waves at n× the 2019 size, with
 * bad rows injected at known places so that the benchmark can check the row accounting.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderWriter } from '../../pipeline/core/writer.ts';
import { simulateWave } from '../../pipeline/simulate/index.ts';

/** Respondents of the 2019 waves: 272 ordfører/rådmann, 220 unit leaders and 1 525 employees. */
export const SIZE_2019 = { or: 272, leaders: 220, staff: 1525 } as const;
const TOTAL_2019 = SIZE_2019.or + SIZE_2019.leaders + SIZE_2019.staff;

export interface BenchInput {
  size: number;
  rawDir: string;
  /** Rows the injection made bad, per file (each must be quarantined). */
  injected: Record<string, number>;
}

/** The office survey's employee scale that gives `size` × the 2019 respondents in all. */
export function staffScale(size: number): number {
  return (size * TOTAL_2019 - SIZE_2019.or - SIZE_2019.leaders) / SIZE_2019.staff;
}

/**
 * Breaks every `every`-th data row of a CSV written by the simulator (no quoted line breaks) in
 * one of three ways: a cell dropped (shifted row), an answer out of its scale, a date that is no
 * date. Returns the new text and how many rows were broken.
 */
export function injectBadRows(csv: string, every: number): { text: string; bad: number } {
  const lines = csv.split('\n');
  const header = lines[0]!.split(',');
  const likert = header.indexOf('partnerskap_likeverdige');
  const date = header.indexOf('start_tid');
  if (likert < 0 || date < 0) throw new Error('injectBadRows: the file lacks partnerskap_likeverdige or start_tid');
  let bad = 0;
  for (let i = every; i < lines.length; i += every) {
    if (lines[i] === '') continue;
    const cells = lines[i]!.split(',');
    const way = bad % 3;
    if (way === 0) cells.splice(likert, 1);
    else if (way === 1) cells[likert] = '7';
    else cells[date] = '31.02.2019 kl 25';
    lines[i] = cells.join(',');
    bad++;
  }
  return { text: lines.join('\n'), bad };
}

/** Writes (or reuses) the raw folder for one size under `dir`. */
export function prepareInput(size: number, dir: string, options: { every: number; fresh: boolean }): BenchInput {
  const rawDir = join(dir, `raw-${size}x`);
  const stamp = `${rawDir}.json`;
  if (!options.fresh && existsSync(stamp)) return JSON.parse(readFileSync(stamp, 'utf8')) as BenchInput;
  rmSync(rawDir, { recursive: true, force: true });
  mkdirSync(rawDir, { recursive: true });
  const injected: Record<string, number> = {};
  // The 2019 waves: the size the targets are stated for (raw/ also bundles a simulated 2023 wave).
  if (size === 1) {
    for (const part of ['ordforer_radmann/2019', 'kontor/2019', 'baselines']) cpSync(join('raw', part), join(rawDir, part), { recursive: true });
  } else {
    cpSync('raw/ordforer_radmann/2019', join(rawDir, 'ordforer_radmann/2019'), { recursive: true });
    cpSync('raw/baselines', join(rawDir, 'baselines'), { recursive: true });
    simulateWave({ survey: 'kontor', wave: '2019', seed: 1, scale: staffScale(size) }, { writer: folderWriter(rawDir) });
    const file = 'kontor/2019/responses-ansatte.csv';
    const { text, bad } = injectBadRows(readFileSync(join(rawDir, file), 'utf8'), options.every);
    writeFileSync(join(rawDir, file), text);
    injected[file] = bad;
  }
  const input: BenchInput = { size, rawDir, injected };
  writeFileSync(stamp, `${JSON.stringify(input, null, 2)}\n`);
  return input;
}
