/** OLS as Tabell 1 prints it: B, SE, Beta, t, p per term, R², adjusted R² and F with its df. */
import type { FigureOf } from '../../../schemas/figures.ts';
import type { Db } from '../../core/db.ts';
import { NotEstimable } from '../../core/errors.ts';
import { regress } from '../regress.ts';
import { EMPTY_RESULT, type ResultRow } from '../results.ts';
import { testRow } from './test-row.ts';

export async function regression(db: Db, fig: FigureOf<'ols'>, wave: string): Promise<ResultRow[]> {
  // A wave whose answers cannot estimate the model has no table; the report says so.
  const r = await regress(db, { survey: fig.survey, wave, y: fig.y, x: fig.x }).catch((e: unknown) => {
    if (e instanceof NotEstimable) return null;
    throw e;
  });
  if (r === null) return [];
  const base = { ...EMPTY_RESULT, figure_id: fig.id, survey: fig.survey, wave, variable: fig.y, source_model: r.source_model, n: r.n, df2: r.f.df2 ?? null };
  const rows: ResultRow[] = r.coefficients.flatMap((c) => [
    { ...base, result_id: `${fig.id}/${wave}/${c.term}/b`, category: c.term, measure: 'b', value: c.b, statistic: c.t, p: c.p, test: 't' },
    { ...base, result_id: `${fig.id}/${wave}/${c.term}/se`, category: c.term, measure: 'se', value: c.se },
    ...(c.beta === null ? [] : [{ ...base, result_id: `${fig.id}/${wave}/${c.term}/beta`, category: c.term, measure: 'beta', value: c.beta }]),
  ]);
  rows.push({ ...base, result_id: `${fig.id}/${wave}/model/r2`, measure: 'r2', value: r.r2 }, { ...base, result_id: `${fig.id}/${wave}/model/adj_r2`, measure: 'adj_r2', value: r.adj_r2 });
  rows.push(testRow(base, fig.id, wave, r.f, 'modell'));
  return rows;
}
