/**
 * The switchboard: parse flags, call one library function, print, map errors to exit codes.
 * No SQL, statistics or file walking here.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareGroups } from './analyze/compare.ts';
import { regress } from './analyze/regress.ts';
import { TEST_NAMES, type TestName, type TestResult } from './analyze/stats/test-result.ts';
import { comparePaired } from './analyze/paired.ts';
import { Design } from '../schemas/designs.ts';
import { trendByGroup } from './analyze/trend.ts';
import { checkClaims } from './claims/index.ts';
import { openDb } from './core/db.ts';
import { PipelineError } from './core/errors.ts';
import { folderWriter } from './core/writer.ts';
import { printPdf } from './report/pdf.ts';
import { claimsText, comparisonText, jsonText, pairedText, regressionText, runText, timingsJson, trendText } from './cli-output.ts';
import { runPipeline } from './run.ts';
import { simulateWave } from './simulate/index.ts';

const HELP: Record<string, string> = {
  main: `Usage: npm run survey -- <command> [options]

Commands:
  pipeline   run ingest → validate → load → analyze → report on raw/ (also: npm run pipeline)
  simulate   write a simulated raw export of one wave
  compare    compare an item between groups within one wave
  trend      an item's top-2 share over waves, per group, with z-tests between waves
  regress    OLS regression within one wave
  claims     re-check the report's claims (spec/claims.md) on the newest wave in a warehouse
  pdf        print a built report to PDF with headless Chromium

Run "npm run survey -- <command> --help" for the options of a command.`,
  pipeline: `Usage: npm run pipeline -- [--raw DIR] [--out DIR] [--min-cell N] [--timings FILE] [--debug]
  --raw DIR       folder with <survey>/<wave>/ exports and baselines/ (default raw)
  --out DIR       output folder, replaced only when the run succeeds (default out)
  --min-cell N    hide values (and the tests that involve them) computed from fewer than N respondents in
                  the report, its CSVs and prose; the warehouse keeps every number (default 5; 1 shows all)
  --timings FILE  also write per stage the wall time and peak memory as JSON (npm run bench reads it)
Exit 0 when the outputs were produced (quarantined rows included); 1 when an input is unusable.`,
  simulate: `Usage: npm run survey -- simulate --survey S --wave W [--seed N] [--scale F] [--out DIR]
  Writes DIR/<survey>/<wave>/: the response file(s), sample.csv, for the office survey offices.csv, and
  wave.json; same seed, same bytes (default seed 1, out raw). Any wave with a codebook and simulation
  targets (2019, 2023); a wave whose codebook has a previous one also writes the crosswalks to DIR/crosswalks/.
  --scale F   office survey only: F times the employees (invited, answering, fieldwork events), the
              census of unit leaders as it is (benchmarks, a full employee survey; default 1)`,
  compare: `Usage: npm run survey -- compare --db FILE --survey S --wave W --question VAR --by VAR [--groups CODES]
                   [--where V=CODES] [--design srs|cluster] [--paired-with VAR] [--test NAME] [--json]
  Per group n, mean, sd, top-2 share and distribution, and the tests for the measure: for two groups
  student_t, welch_t, levene, mann_whitney; for three or more anova_f, welch_anova, kruskal_wallis,
  games_howell (every pair), levene; on the distribution chisq, and fisher_exact when an expected count
  is below 5. Each test carries its effect size (cohen_d, eta_squared, cramers_v, rank_biserial …),
  differences their 95 % interval.
  --groups 1,2       keep only those codes of --by (groups without answers are left out of the tests)
  --where V=CODES    only respondents in this domain, e.g. --where stilling=1 (unit leaders); several: stilling=1;ansettelse=2
  --design D         srs (independent respondents) or cluster (the office survey's design: respondents
                     clustered in offices; default for kontor): adds design-based SE, 95 % interval and
                     design effect per group and the tests svy_t / svy_wald_f and svy_chisq (Rao-Scott)
  --paired-with VAR  compare --question with VAR within the same respondents instead: per group and
                     pooled the mean difference (question − VAR), t_paired and wilcoxon_signed_rank
  --test NAME        print only that test (an unknown name, or one not computed here, exits 2)`,
  trend: `Usage: npm run survey -- trend --db FILE --survey S --question VAR --by VAR [--where V=CODES] [--design srs|cluster] [--test z_2prop] [--json]
  Top-2 share per wave (microdata and published baselines) and group; z-tests between consecutive waves,
  never on rows that are not comparable (published notes; between microdata waves the codebook links)
  or whose n is unknown; between two microdata waves also McNemar's exact test within the kommuner or
  offices with one respondent of the group in both waves (paired through raw/crosswalks/). With --design cluster (default for kontor)
  each microdata share also gets its design-based 95 % interval and design effect; the z-tests against
  published values treat both waves as simple random samples (a published value has no design).`,
  regress: `Usage: npm run survey -- regress --db FILE --survey S --wave W --y VAR --x VAR[,VAR...] [--design srs|cluster] [--test ols_f] [--json]
  OLS with B, SE, Beta, t, p, R², adjusted R² and the F-test; with --design cluster (default for kontor)
  also the design-based SE, t, p (R: svyglm) and the Wald F (svy_ols_f).`,
  pdf: `Usage: npm run survey -- pdf [--report DIR] [--out FILE]
  Prints DIR/utskrift.html (the whole report on one page) to an A4 PDF with headless Chromium
  (/usr/bin/chromium, or the CHROMIUM environment variable; apt-get install chromium).
  --report DIR  a built report folder (default out/report)
  --out FILE    the PDF to write (default DIR/rapport.pdf)
  Fails (exit 1) when the page requests anything but local files or raises an error. Unlike the
  HTML, the PDF is not byte-identical between runs: Chromium writes the time of printing into it.`,
  claims: `Usage: npm run survey -- claims --db FILE [--json]
  Every claim of spec/claims.md (both surveys, their published waves) evaluated on the newest waves: holds, does not
  hold, not checkable; interp claims that fail are "verbal claim not supported at threshold", repro
  claims are shown side by side and never asserted. Exit 0 whatever the statuses.`,
};

const OPTIONS = {
  help: { type: 'boolean' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  raw: { type: 'string' },
  report: { type: 'string' },
  timings: { type: 'string' },
  'min-cell': { type: 'string' },
  out: { type: 'string' },
  db: { type: 'string' },
  survey: { type: 'string' },
  wave: { type: 'string' },
  seed: { type: 'string' },
  scale: { type: 'string' },
  question: { type: 'string' },
  by: { type: 'string' },
  groups: { type: 'string' },
  'paired-with': { type: 'string' },
  where: { type: 'string' },
  design: { type: 'string' },
  y: { type: 'string' },
  x: { type: 'string' },
  test: { type: 'string' },
} as const;

function parseMinCell(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new PipelineError(`--min-cell: expected a whole number of respondents ≥ 1, got "${raw}"`);
  return n;
}

function parseScale(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new PipelineError(`--scale: expected a positive number, got "${raw}"`);
  return scale;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function need(values: Values, ...names: Array<keyof Values>): void {
  const missing = names.filter((n) => values[n] === undefined);
  if (missing.length) throw new PipelineError(`missing option${missing.length > 1 ? 's' : ''}: ${missing.map((m) => `--${m}`).join(', ')}`);
}

async function withDb<T>(file: string, f: (db: Awaited<ReturnType<typeof openDb>>['db']) => Promise<T>): Promise<T> {
  const { db, close } = await openDb(file, { readOnly: true }).catch((e: Error) => {
    throw new PipelineError(`cannot open database ${file}: ${e.message}`);
  });
  try {
    return await f(db);
  } finally {
    close();
  }
}

/** `--where stilling=1` or `stilling=1,2;ansettelse=2`: a domain of codebook codes. */
function parseWhere(s: string | undefined): Record<string, number[]> | undefined {
  if (s === undefined) return undefined;
  const out: Record<string, number[]> = {};
  for (const part of s.split(';').filter(Boolean)) {
    const m = /^\s*([a-z][a-z0-9_]*)\s*=\s*([0-9,\s]+)$/.exec(part);
    if (!m) throw new PipelineError(`invalid --where: ${part} (expected variable=codes, e.g. stilling=1 or stilling=1,2;ansettelse=2)`);
    out[m[1]!] = parseCodes(m[2])!;
  }
  return out;
}

function parseDesign(s: string | undefined): Design | undefined {
  if (s === undefined) return undefined;
  const parsed = Design.safeParse(s);
  if (!parsed.success) throw new PipelineError(`invalid --design ${s} (srs or cluster)`);
  return parsed.data;
}

function parseCodes(s: string | undefined): number[] | undefined {
  if (s === undefined) return undefined;
  const codes = s.split(',').map((x) => Number(x.trim()));
  if (codes.some((c) => !Number.isInteger(c))) throw new PipelineError(`invalid --groups: ${s} (expected codes such as 1,2)`);
  return codes;
}

/** `--test NAME`: keep only that test; an unknown name or a test that does not apply is an option error. */
function pickTests<T extends { tests: TestResult[] }>(result: T, name: string | undefined): T {
  if (name === undefined) return result;
  if (!TEST_NAMES.includes(name as TestName)) throw new PipelineError(`unknown --test ${name} (one of ${TEST_NAMES.join(', ')})`);
  const tests = result.tests.filter((t) => t.name === name);
  if (tests.length === 0) throw new PipelineError(`--test ${name} does not apply here (computed: ${[...new Set(result.tests.map((t) => t.name))].join(', ') || 'none'})`);
  return { ...result, tests };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const command = positionals[0] ?? 'help';
  if (values.help || command === 'help') {
    console.log(HELP[command] ?? HELP.main);
    return 0;
  }
  const print = (json: unknown, text: (v: never) => string) => console.log(values.json ? jsonText(json) : text(json as never));
  switch (command) {
    case 'pipeline': {
      const summary = await runPipeline({ rawDir: values.raw ?? 'raw', outDir: values.out ?? 'out', minCell: parseMinCell(values['min-cell']) });
      console.log(runText(summary));
      if (values.timings) writeFileSync(values.timings, `${JSON.stringify(timingsJson(summary), null, 2)}\n`);
      return 0;
    }
    case 'simulate': {
      need(values, 'survey', 'wave');
      const result = simulateWave({ survey: values.survey!, wave: values.wave!, seed: Number(values.seed ?? 1), scale: parseScale(values.scale) }, { writer: folderWriter(values.out ?? 'raw') });
      console.log(`Wrote ${result.files.join(', ')} (${result.invited} invited, ${result.respondents} response rows)`);
      for (const n of result.notes) console.log(`  note: ${n}`);
      return 0;
    }
    case 'compare':
      need(values, 'db', 'survey', 'wave', 'question', 'by');
      if (values['paired-with'] !== undefined) {
        const options = { survey: values.survey!, wave: values.wave!, question: values.question!, pairedWith: values['paired-with'], by: values.by!, groups: parseCodes(values.groups) };
        print(pickTests(await withDb(values.db!, (db) => comparePaired(db, options)), values.test), pairedText);
        return 0;
      }
      print(pickTests(await withDb(values.db!, (db) => compareGroups(db, { survey: values.survey!, wave: values.wave!, question: values.question!, by: values.by!, groups: parseCodes(values.groups), where: parseWhere(values.where), design: parseDesign(values.design) })), values.test), comparisonText);
      return 0;
    case 'trend':
      need(values, 'db', 'survey', 'question', 'by');
      print(pickTests(await withDb(values.db!, (db) => trendByGroup(db, { survey: values.survey!, question: values.question!, by: values.by!, where: parseWhere(values.where), design: parseDesign(values.design) })), values.test), trendText);
      return 0;
    case 'regress':
      need(values, 'db', 'survey', 'wave', 'y', 'x');
      print(pickTests(await withDb(values.db!, (db) => regress(db, { survey: values.survey!, wave: values.wave!, y: values.y!, x: values.x!.split(',').map((s) => s.trim()), design: parseDesign(values.design) })), values.test), regressionText);
      return 0;
    case 'claims':
      need(values, 'db');
      print(await withDb(values.db!, (db) => checkClaims(db)), claimsText);
      return 0;
    case 'pdf': {
      const pdf = await printPdf({ reportDir: values.report ?? 'out/report', outFile: values.out });
      console.log(`Wrote ${pdf.outFile} (${pdf.pages} pages)`);
      return 0;
    }
    default:
      throw new PipelineError(`unknown command: ${command}\n\n${HELP.main}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof PipelineError) {
      console.error(`error: ${e.message}`);
      process.exit(e.exitCode);
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`error: ${e.message}\n\n${HELP.main}`);
      process.exit(2);
    }
    console.error(process.argv.includes('--debug') ? e : `internal error: ${(e as Error).message} (run with --debug for the stack)`);
    process.exit(70);
  },
);
