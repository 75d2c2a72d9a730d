/**
 * Analyze: warehouse → `results`, one row per number the report shows. Each figure of
 * schemas/figures.ts is computed by its recipe for every wave with data; p-values of the tests
 * within a figure get Holm's adjustment, one family per test method (adjust.ts). The
 * claims of spec/claims.md are then re-checked on the newest wave into the `claims` table.
 */
import { FIGURES, type FigureDef } from '../../schemas/figures.ts';
import { checkClaims } from '../claims/index.ts';
import { claimChanges, writeClaimChanges } from '../claims/changes.ts';
import { writeClaims } from '../claims/table.ts';
import { all, type Db } from '../core/db.ts';
import { adjustWithinFigure } from './adjust.ts';
import { createAnalysisTables } from './derived.ts';
import { baselineOnly } from './figures/baseline.ts';
import { disposition } from './figures/disposition.ts';
import { baselineDistribution, distribution } from './figures/distribution.ts';
import { means } from './figures/means.ts';
import { prefetchFigureCounts } from './figures/prefetch.ts';
import { regression } from './figures/regression.ts';
import { samples } from './figures/samples.ts';
import { shares } from './figures/shares.ts';
import { ticked } from './figures/ticked.ts';
import { wavesOf } from './metadata.ts';
import { newItemFigures, writeFigureDefs } from './new-items.ts';
import { overlapRows } from './overlap.ts';
import { writeResults, type ResultRow } from './results.ts';

export interface Analyzed {
  results: number;
  figures: string[];
  claims: number;
}

/** One query at a time: a DuckDB connection runs statements in sequence. */
async function perWave(waves: string[], f: (wave: string) => Promise<ResultRow[]>): Promise<ResultRow[]> {
  const out: ResultRow[] = [];
  for (const wave of waves) out.push(...(await f(wave)));
  return out;
}

async function figureRows(db: Db, fig: FigureDef): Promise<ResultRow[]> {
  const waves = await wavesOf(db, fig.survey);
  if (waves.length === 0) return [];
  switch (fig.recipe) {
    case 'shares':
      return shares(db, fig);
    case 'means':
      return means(db, fig);
    case 'distribution':
      return [...(fig.baselines ? await baselineDistribution(db, fig) : []), ...(await distribution(db, fig))];
    case 'ticked':
      return ticked(db, fig);
    case 'baseline':
      return baselineOnly(db, fig);
    case 'ols':
      return perWave(waves, (w) => regression(db, fig, w));
    case 'disposition':
      return perWave(waves, (w) => disposition(db, fig, w));
    case 'samples':
      return perWave(waves, (w) => samples(db, fig, w));
  }
}

export async function analyzeWave(_input: { warehouse: string }, effects: { db: Db; schema?: string }): Promise<Analyzed> {
  const schema = effects.schema ?? 'main';
  await createAnalysisTables(effects.db, (await all<{ survey: string }>(effects.db, `SELECT DISTINCT survey FROM dim_waves ORDER BY survey`)).map((r) => r.survey));
  const generated = await newItemFigures(effects.db);
  await prefetchFigureCounts(effects.db, [...FIGURES, ...generated]);
  const rows: ResultRow[] = [];
  const figures: string[] = [];
  for (const fig of [...FIGURES, ...generated]) {
    const figRows = await figureRows(effects.db, fig);
    if (figRows.length === 0) continue;
    adjustWithinFigure(figRows);
    rows.push(...figRows);
    figures.push(fig.id);
  }
  rows.push(...(await overlapRows(effects.db)));
  await writeResults(effects.db, schema, rows);
  await writeFigureDefs(effects.db, schema, generated);
  // The claims read `results` (Tabell 2) and the warehouse, so they come last.
  const claims = await checkClaims(effects.db);
  await writeClaims(effects.db, schema, claims);
  // With an earlier microdata wave: the claims on it too, and what changed since.
  const surveys: Record<string, { previous: string; newest: string }> = {};
  for (const survey of ['ordforer_radmann', 'kontor']) {
    const waves = await wavesOf(effects.db, survey);
    if (waves.length) surveys[survey] = { previous: waves.at(-2) ?? waves.at(-1)!, newest: waves.at(-1)! };
  }
  const changes = Object.values(surveys).some((s) => s.previous !== s.newest) ? await claimChanges(effects.db, await checkClaims(effects.db, { back: 1 }), claims, surveys) : [];
  await writeClaimChanges(effects.db, schema, changes);
  return { results: rows.length, figures, claims: claims.length };
}
