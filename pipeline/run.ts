/**
 * The one command: ingest → validate → load → analyze → report. Everything is written to a
 * temporary folder beside `out/` and switched in at the end, so a run that fails or is killed
 * half-way leaves the previous `out/` as it was.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyzeWave } from './analyze/index.ts';
import { spreadsheetSafeSql, toSpreadsheetCsv } from './core/csv.ts';
import { literal, openDb } from './core/db.ts';
import { PipelineError } from './core/errors.ts';
import { formatIssue, type Issue } from './core/issues.ts';
import { Manifest } from './core/manifest.ts';
import { folderWriter } from './core/writer.ts';
import { ingestWave } from './ingest/index.ts';
import { loadWave } from './load/index.ts';
import { renderReport } from './report/index.ts';
import { firstIssues } from './validate/issues-table.ts';
import { validateWave } from './validate/index.ts';

/** DuckDB memory for ingest, validate and load (measured: the 100× wave then peaks at ~800 MB RSS). */
const WORK_MEMORY = '400MB';

export interface RunOptions {
  rawDir: string;
  outDir: string;
  /** Values from fewer respondents are hidden in the report (default 5; the warehouse keeps them). */
  minCell?: number;
}

export interface RunSummary {
  /** The output folder as given (for messages). */
  outDir: string;
  manifest: Manifest;
  /** Wall time per stage and the process's peak resident memory so far at the stage's end. */
  timings: Array<{ stage: string; ms: number; peakRssMb: number }>;
  /** The first findings, for the terminal; all of them are in `validation_issues.csv`. */
  issues: Issue[];
  issueTotals: { errors: number; warnings: number };
}

export interface RunEffects {
  now: () => number;
  /** Peak resident set size of the process so far, in MiB. */
  peakRssMb: () => number;
}

const processEffects: RunEffects = { now: () => performance.now(), peakRssMb: () => process.resourceUsage().maxRSS / 1024 };

/** Whether a process with this id is running (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary folders of runs that were killed half-way (their process is gone) are removed. */
function removeStaleRuns(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const prefixes = ['tmp', 'old'].map((kind) => `${basename(outDir)}.${kind}-`);
  for (const name of readdirSync(parent)) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    const pid = prefix ? Number(name.slice(prefix.length)) : Number.NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export async function runPipeline(options: RunOptions, effects: RunEffects = processEffects): Promise<RunSummary> {
  const outDir = resolve(options.outDir);
  removeStaleRuns(outDir);
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  const writer = folderWriter(tmpDir);
  const timings: RunSummary['timings'] = [];
  const timed = async <T>(stage: string, f: () => Promise<T>): Promise<T> => {
    const start = effects.now();
    try {
      return await f();
    } finally {
      timings.push({ stage, ms: effects.now() - start, peakRssMb: effects.peakRssMb() });
    }
  };
  try {
    // The work database holds every row as text and typed until load; past WORK_MEMORY it spills
    // to the run's temporary folder, so a 200 000-respondent wave stays under 1 GB of memory.
    mkdirSync(join(tmpDir, '.spill'), { recursive: true });
    const work = await openDb(':memory:', { memoryLimit: WORK_MEMORY, spillDir: join(tmpDir, '.spill') });
    let loaded;
    let issues: Issue[];
    let issueTotals: RunSummary['issueTotals'];
    try {
      const ingested = await timed('ingest', () => ingestWave({ rawDir: options.rawDir }, { db: work.db }));
      const validated = await timed('validate', () => validateWave(ingested, { db: work.db }));
      loaded = await timed('load', () => loadWave(validated, { db: work.db, warehousePath: writer.path('survey.duckdb') }));
      issues = await firstIssues(work.db, 20);
      const totals = (await work.db.runAndReadAll(`SELECT count(*) FILTER (WHERE severity = 'error'), count(*) FILTER (WHERE severity = 'warning') FROM issues`)).getRows()[0] as bigint[];
      issueTotals = { errors: Number(totals[0]), warnings: Number(totals[1]) };
      const failed = loaded.audit.filter((a) => a.failed);
      if (failed.length > 0) {
        const fileIssues = (await firstIssues(work.db, 1000)).filter((i) => i.row === null && i.severity === 'error');
        throw new PipelineError(`input unusable: ${failed.map((f) => f.file).join(', ')}\n${fileIssues.map(formatIssue).join('\n')}`, 1);
      }
      // Every finding, written by DuckDB itself: a file with a million findings never becomes JS objects.
      await work.db.run(
        `COPY (SELECT file, "row", column_name, code, severity, ${spreadsheetSafeSql('expected')} AS expected, ${spreadsheetSafeSql('found')} AS found, ${spreadsheetSafeSql('message')} AS message FROM issues ORDER BY file, "row" NULLS FIRST, column_name, code)
         TO ${literal(writer.path('validation_issues.csv'))} (FORMAT csv, HEADER true)`,
      );
    } finally {
      work.close();
      rmSync(join(tmpDir, '.spill'), { recursive: true, force: true });
    }
    const quarantineFiles = new Map<string, string>();
    for (const q of loaded.quarantine) {
      const path = `quarantine/${q.file}.csv`;
      writer.write(path, toSpreadsheetCsv(q.header, q.rows));
      quarantineFiles.set(q.file, path);
    }
    const wh = await openDb(writer.path('survey.duckdb'));
    let analyzed;
    let reported;
    try {
      analyzed = await timed('analyze', () => analyzeWave({ warehouse: loaded.warehouse }, { db: wh.db }));
      reported = await timed('report', () => renderReport({ outDir: 'report', minCell: options.minCell }, { db: wh.db, writer }));
    } finally {
      wh.close();
    }
    const sum = (k: 'rows_read' | 'rows_loaded' | 'rows_quarantined') => loaded.audit.reduce((a, f) => a + f[k], 0);
    const manifest = Manifest.parse({
      files: loaded.audit.map((a) => ({ ...a, quarantine_file: quarantineFiles.get(a.file) ?? null })),
      waves: loaded.waves.map((w) => ({ survey: w.survey, wave: w.wave, instrument: w.instrument, simulated: w.simulatedMarkers.length > 0, simulated_markers: w.simulatedMarkers })),
      totals: { rows_read: sum('rows_read'), rows_loaded: sum('rows_loaded'), rows_quarantined: sum('rows_quarantined') },
      outputs: { warehouse: 'survey.duckdb', report: 'report/index.html', results: analyzed.results, figures: analyzed.figures, min_cell: reported.minCell, hidden_small_cells: reported.hidden.length },
    });
    writer.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    const old = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmpDir, outDir);
    rmSync(old, { recursive: true, force: true });
    return { outDir: options.outDir, manifest, timings, issues, issueTotals };
  } catch (e) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw e;
  }
}
