/**
 * `npm run bench`: the whole pipeline at 1×, 10× and 100× the 2019 size, each run in a fresh
 * process as an analyst runs it (`node bin/survey.mjs pipeline`), against the floor
 * of DuckDB's bare `read_csv` of the same files. Prints per stage the median wall time, the peak
 * resident memory and rows per second, checks the targets of issue 7 and the row accounting
 * (bad rows injected at 10× and 100×), and writes `out/bench/latest.json`.
 *
 *   npm run bench -- [--sizes 1,10,100] [--runs 3] [--fresh]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareInput, type BenchInput } from './inputs.ts';

interface Timings {
  stages: Array<{ stage: string; ms: number; peak_rss_mb: number }>;
  totals: { rows_read: number; rows_loaded: number; rows_quarantined: number };
  files: Array<{ file: string; rows_read: number; rows_loaded: number; rows_quarantined: number }>;
  figures: number;
}

interface Run {
  wallMs: number;
  timings: Timings;
}

const DIR = 'out/bench';
const STAGES = ['ingest', 'validate', 'load', 'analyze', 'report'];
const LOAD_STAGES = ['ingest', 'validate', 'load'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** `node ARGS` in a fresh process (TypeScript entry points through tsx), timed from spawn to exit. */
function node(args: string[]): { stdout: string; ms: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, args[0]!.endsWith('.ts') ? ['--import', 'tsx', ...args] : args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
  return { stdout: r.stdout, ms };
}

function runPipelineOnce(input: BenchInput, i: number): Run {
  const out = join(DIR, `out-${input.size}x`);
  const timingsFile = join(DIR, `timings-${input.size}x-${i}.json`);
  // As `npm run pipeline` runs it (bin/survey.mjs, the bundled CLI).
  const { ms } = node(['bin/survey.mjs', 'pipeline', '--raw', input.rawDir, '--out', out, '--timings', timingsFile]);
  return { wallMs: ms, timings: JSON.parse(readFileSync(timingsFile, 'utf8')) as Timings };
}

/** Rows read = loaded + quarantined for every file, and every injected bad row quarantined. */
function checkAccounting(input: BenchInput, t: Timings): string[] {
  const problems: string[] = [];
  for (const f of t.files) {
    if (f.rows_read !== f.rows_loaded + f.rows_quarantined) problems.push(`${f.file}: read ${f.rows_read} ≠ loaded ${f.rows_loaded} + quarantined ${f.rows_quarantined}`);
  }
  for (const [file, bad] of Object.entries(input.injected)) {
    const f = t.files.find((x) => x.file === file);
    if (!f) problems.push(`${file}: not in the run's files`);
    else if (f.rows_quarantined !== bad) problems.push(`${file}: ${bad} bad rows injected, ${f.rows_quarantined} quarantined`);
  }
  return problems;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' }, fresh: { type: 'boolean' } } });
  const sizes = (values.sizes ?? '1,10,100').split(',').map(Number);
  const runs = Number(values.runs ?? 3);
  mkdirSync(DIR, { recursive: true });
  const results = [];
  const problems: string[] = [];
  for (const size of sizes) {
    const prepStart = performance.now();
    const input = prepareInput(size, DIR, { every: 1000, fresh: values.fresh ?? false });
    console.error(`${size}×: input ready in ${fmt(performance.now() - prepStart)} ms (${input.rawDir})`);
    const floors: number[] = [];
    const pipelineRuns: Run[] = [];
    for (let i = 0; i < runs; i++) {
      floors.push((JSON.parse(node(['test/bench/floor.ts', input.rawDir]).stdout) as { ms: number }).ms);
      pipelineRuns.push(runPipelineOnce(input, i));
      console.error(`  run ${i + 1}/${runs}: pipeline ${fmt(pipelineRuns.at(-1)!.wallMs)} ms wall, floor ${fmt(floors.at(-1)!)} ms`);
    }
    for (const r of pipelineRuns) problems.push(...checkAccounting(input, r.timings).map((p) => `${size}×: ${p}`));
    const t = pipelineRuns[0]!.timings;
    const respondents = t.files.filter((f) => /responses[^/]*\.csv$/.test(f.file)).reduce((a, f) => a + f.rows_read, 0);
    const stage = (name: string) => ({
      ms: median(pipelineRuns.map((r) => r.timings.stages.find((s) => s.stage === name)!.ms)),
      peakRssMb: median(pipelineRuns.map((r) => r.timings.stages.find((s) => s.stage === name)!.peak_rss_mb)),
    });
    const stages = Object.fromEntries(STAGES.map((s) => [s, stage(s)]));
    const loadMs = LOAD_STAGES.reduce((a, s) => a + stages[s]!.ms, 0);
    results.push({
      size,
      respondents,
      rowsRead: t.totals.rows_read,
      quarantined: t.totals.rows_quarantined,
      figures: t.figures,
      wallMs: median(pipelineRuns.map((r) => r.wallMs)),
      peakRssMb: Math.max(...pipelineRuns.map((r) => Math.max(...r.timings.stages.map((s) => s.peak_rss_mb)))),
      floorMs: median(floors),
      loadMs,
      stages,
      runs,
    });
  }

  const lines = ['| size | respondents | rows read | stage | wall (ms) | peak RSS (MB) | rows/s |', '|---|---:|---:|---|---:|---:|---:|'];
  for (const r of results) {
    for (const s of STAGES) {
      const st = r.stages[s]!;
      lines.push(`| ${r.size}× | ${fmt(r.respondents)} | ${fmt(r.rowsRead)} | ${s} | ${fmt(st.ms)} | ${fmt(st.peakRssMb)} | ${fmt(r.rowsRead / (st.ms / 1000))} |`);
    }
    lines.push(`| ${r.size}× | | | **whole run, Node start included** | **${fmt(r.wallMs)}** | **${fmt(r.peakRssMb)}** | ${fmt(r.rowsRead / (r.wallMs / 1000))} |`);
    lines.push(`| ${r.size}× | | | DuckDB bare read_csv (floor) | ${fmt(r.floorMs)} | | ${fmt(r.rowsRead / (r.floorMs / 1000))} |`);
  }
  const bySize = new Map(results.map((r) => [r.size, r]));
  const targets: Array<{ target: string; measured: string; met: boolean }> = [];
  const demo = bySize.get(1);
  if (demo) {
    targets.push({ target: '2019-size demo (both surveys, whole report) < 3 s wall', measured: `${fmt(demo.wallMs / 1000, 2)} s`, met: demo.wallMs < 3000 });
    const perChart = demo.stages.report!.ms / demo.figures;
    targets.push({ target: 'report build < 10 ms per chart', measured: `${fmt(perChart, 1)} ms (${demo.figures} figures and tables)`, met: perChart < 10 });
  }
  const big = bySize.get(100);
  if (big) {
    targets.push({ target: '200,000 respondents end to end < 20 s', measured: `${fmt(big.wallMs / 1000, 1)} s (${fmt(big.respondents)} respondents)`, met: big.wallMs < 20000 });
    targets.push({ target: 'peak RSS < 1 GB at 100×', measured: `${fmt(big.peakRssMb)} MB`, met: big.peakRssMb < 1024 });
    targets.push({ target: 'ingest + validate + load ≤ 2× bare read_csv at 100×', measured: `${fmt(big.loadMs)} ms / ${fmt(big.floorMs)} ms = ${fmt(big.loadMs / big.floorMs, 2)}×`, met: big.loadMs <= 2 * big.floorMs });
  }
  lines.push('', '| target | measured | met |', '|---|---|---|');
  for (const t of targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
  lines.push('', problems.length ? `Row accounting: ${problems.length} problems:\n${problems.map((p) => `  ${p}`).join('\n')}` : `Row accounting: rows read = loaded + quarantined in every file of every run; every injected bad row quarantined (${results.map((r) => `${r.size}×: ${fmt(r.quarantined)}`).join(', ')}).`);
  const text = lines.join('\n');
  console.log(text);
  writeFileSync(join(DIR, 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, results, targets, problems }, null, 2)}\n`);
  writeFileSync(join(DIR, 'latest.md'), `${text}\n`);
  return problems.length ? 1 : 0;
}

process.exitCode = await main();
