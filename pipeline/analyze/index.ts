/**
 * Analyze: warehouse → `results`, one row per number the report shows. Each figure of
 * schemas/figures.ts is computed by its recipe for every wave with data; p-values of the tests
 * within a figure get Holm's adjustment.
 */
import { FIGURES, type FigureDef } from '../../schemas/figures.ts';
import type { Db } from '../core/db.ts';
import { meansByGroup } from './figures/means-by-group.ts';
import { regression } from './figures/regression.ts';
import { top2Trend } from './figures/top2-trend.ts';
import { wavesOf } from './metadata.ts';
import { holm, writeResults, type ResultRow } from './results.ts';

export interface Analyzed {
  results: number;
  figures: string[];
}

/** One query at a time: a DuckDB connection runs statements in sequence. */
async function sequential<T, R>(items: T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}

async function figureRows(db: Db, fig: FigureDef): Promise<ResultRow[]> {
  const waves = await wavesOf(db, fig.survey);
  if (waves.length === 0) return [];
  switch (fig.recipe) {
    case 'top2_trend':
      return top2Trend(db, fig);
    case 'means_by_group':
      return (await sequential(waves, (w) => meansByGroup(db, fig, w))).flat();
    case 'ols':
      return (await sequential(waves, (w) => regression(db, fig, w))).flat();
  }
}

export async function analyzeWave(_input: { warehouse: string }, effects: { db: Db; schema?: string }): Promise<Analyzed> {
  const schema = effects.schema ?? 'main';
  const rows: ResultRow[] = [];
  const figures: string[] = [];
  for (const fig of FIGURES) {
    const figRows = await figureRows(effects.db, fig);
    if (figRows.length === 0) continue;
    const tests = figRows.filter((r) => r.measure === 'test' && r.p !== null && Number.isFinite(r.p) && r.test !== 'levene');
    const adjusted = holm(tests.map((t) => t.p as number));
    tests.forEach((t, i) => (t.p_adj = adjusted[i] ?? null));
    rows.push(...figRows);
    figures.push(fig.id);
  }
  await writeResults(effects.db, schema, rows);
  return { results: rows.length, figures };
}
