/** `regress`: OLS of one item on others within a wave, complete cases ("Vet ikke" excluded listwise). */
import type { Db } from '../core/db.ts';
import { all, ident, literal } from '../core/db.ts';
import { PipelineError } from '../core/errors.ts';
import { responsesTable, variableInfo } from './metadata.ts';
import { sqlTemplate } from './sql-template.ts';
import { ols, type OlsResult } from './stats/ols.ts';

export interface Regression extends OlsResult {
  survey: string;
  wave: string;
  y: string;
  x: string[];
  tests: OlsResult['f'][];
  source_model: string;
}

export async function regress(db: Db, options: { survey: string; wave: string; y: string; x: string[] }): Promise<Regression> {
  const names = [options.y, ...options.x];
  if (new Set(names).size !== names.length) throw new PipelineError('regress: y and x must be different variables');
  const infos = await Promise.all(names.map((v) => variableInfo(db, options.survey, options.wave, v)));
  const complete = infos
    .map((info) => `${ident(info.variable)} IS NOT NULL${info.dontKnow === null ? '' : ` AND ${ident(info.variable)} <> ${literal(info.dontKnow)}`}`)
    .join(' AND ');
  const sql = sqlTemplate('joint_counts', { responses: responsesTable(options.survey) }, { columns: names.map(ident).join(', '), complete });
  const rows = await all<Record<string, number>>(db, sql, { wave: options.wave });
  if (rows.length === 0) throw new PipelineError(`regress: no complete cases for ${names.join(', ')} in ${options.survey} ${options.wave}`);
  const result = ols(
    rows.map((r) => ({ y: r[options.y] as number, x: options.x.map((x) => r[x] as number), w: r.n as number })),
    options.x,
  );
  return { ...result, survey: options.survey, wave: options.wave, y: options.y, x: options.x, tests: [result.f], source_model: 'joint_counts' };
}
