/**
 * `regress`: OLS of one item on others within a wave, complete cases ("Vet ikke" excluded
 * listwise). For a clustered survey (the office survey) the design-based fit is added: the same
 * coefficients with cluster-robust standard errors and the Wald F, as R's svyglm gives them.
 */
import { designOf, type Design } from '../../schemas/designs.ts';
import type { Db } from '../core/db.ts';
import { all, ident, literal } from '../core/db.ts';
import { NotEstimable, PipelineError } from '../core/errors.ts';
import { designClusters } from './design-compare.ts';
import { responsesTable, variableInfo } from './metadata.ts';
import { sqlTemplate } from './sql-template.ts';
import { svyOls, type SvyOlsResult } from './stats/design/svy-ols.ts';
import { ols, type OlsResult } from './stats/ols.ts';
import type { TestResult } from './stats/test-result.ts';

export interface Regression extends OlsResult {
  survey: string;
  wave: string;
  y: string;
  x: string[];
  design: Design;
  /** The design-based fit (cluster designs only). */
  design_fit?: Omit<SvyOlsResult, 'f'>;
  tests: TestResult[];
  source_model: string;
}

export async function regress(db: Db, options: { survey: string; wave: string; y: string; x: string[]; design?: Design }): Promise<Regression> {
  const names = [options.y, ...options.x];
  if (new Set(names).size !== names.length) throw new PipelineError('regress: y and x must be different variables');
  const surveyDesign = designOf(options.survey);
  const design = options.design ?? surveyDesign.default;
  if (design === 'cluster' && !surveyDesign.cluster) throw new PipelineError(`regress: ${options.survey} has no cluster design (its respondents are independent); use --design srs`);
  const infos = await Promise.all(names.map((v) => variableInfo(db, options.survey, options.wave, v)));
  const complete = infos
    .map((info) => `${ident(info.variable)} IS NOT NULL${info.dontKnow === null ? '' : ` AND ${ident(info.variable)} <> ${literal(info.dontKnow)}`}`)
    .join(' AND ');
  const table = responsesTable(options.survey);
  const cluster = design === 'cluster' ? surveyDesign.cluster! : null;
  const columns = [...(cluster ? [cluster] : []), ...names];
  const sql = sqlTemplate('joint_counts', { responses: table }, { columns: columns.map(ident).join(', '), complete: cluster ? `${complete} AND ${ident(cluster)} IS NOT NULL` : complete });
  const rows = await all<Record<string, number | string>>(db, sql, { wave: options.wave });
  if (rows.length === 0) throw new NotEstimable(`regress: no complete cases for ${names.join(', ')} in ${options.survey} ${options.wave}`);
  const weighted = (r: Record<string, number | string>) => ({ y: r[options.y] as number, x: options.x.map((x) => r[x] as number), w: r.n as number });
  const result = ols(rows.map(weighted), options.x);
  const base = { ...result, survey: options.survey, wave: options.wave, y: options.y, x: options.x, design };
  if (!cluster) return { ...base, tests: [{ ...result.f, design: 'srs' }], source_model: 'joint_counts' };
  // Per-cluster cross products over every cluster of the design (zeros where no complete case).
  const clusters = await designClusters(db, table, cluster, options.wave);
  const index = new Map(clusters.map((c, i) => [c, i]));
  const p = options.x.length + 1;
  const cp = { n: new Float64Array(clusters.length), xtx: clusters.map(() => new Float64Array(p * p)), xty: clusters.map(() => new Float64Array(p)) };
  for (const r of rows) {
    const c = index.get(String(r[cluster]))!;
    const { y, x, w } = weighted(r);
    const row = [1, ...x];
    cp.n[c]! += w;
    for (let i = 0; i < p; i++) {
      cp.xty[c]![i]! += w * row[i]! * y;
      for (let j = 0; j < p; j++) cp.xtx[c]![i * p + j]! += w * row[i]! * row[j]!;
    }
  }
  const { f, ...fit } = svyOls(cp, options.x);
  return { ...base, design_fit: fit, tests: [{ ...result.f, design: 'srs' }, { ...f, design: 'cluster' }], source_model: 'joint_counts + design_clusters' };
}
