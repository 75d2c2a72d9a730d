/**
 * The counts every comparison starts from — `answer_counts` (group × code) and `cluster_counts`
 * (cluster × group × code) — read once per item, group variable and domain on a connection.
 * Figures ask for many items with the same grouping; `prefetchCounts` reads them all in one query
 * (the same named models, one UNION ALL branch per item), so that a figure costs a query per
 * panel, not per item. Results are the same with or without the prefetch.
 */
import type { Db } from '../core/db.ts';
import { all, literal } from '../core/db.ts';
import { domainCondition, responsesTable, routingCondition, type Domain, type VariableInfo } from './metadata.ts';
import { sqlTemplate } from './sql-template.ts';

export interface CountRow {
  cluster_id: string | null;
  group_code: number;
  code: number;
  n: number;
}

type Model = 'answer_counts' | 'cluster_counts';

interface Request {
  info: VariableInfo;
  by: string;
  where: Domain | undefined;
  /** The cluster variable for cluster_counts. */
  cluster?: string;
}

const caches = new WeakMap<Db, Map<string, Promise<CountRow[]>>>();

function cacheOf(db: Db): Map<string, Promise<CountRow[]>> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** Forget the counts (after the analysis tables are rebuilt). */
export function clearCountsCache(db: Db): void {
  caches.delete(db);
}

const modelOf = (r: Request): Model => (r.cluster ? 'cluster_counts' : 'answer_counts');
const keyOf = (r: Request) => [modelOf(r), r.info.survey, r.info.wave, r.info.variable, r.by, domainCondition(r.where), r.cluster ?? ''].join('|');

function modelSql(r: Request): string {
  const identifiers: Record<string, string> = { responses: responsesTable(r.info.survey), by: r.by, question: r.info.variable, ...(r.cluster ? { cluster: r.cluster } : {}) };
  return sqlTemplate(modelOf(r), identifiers, { routing: routingCondition(r.info), domain: domainCondition(r.where) });
}

/** One branch per item: the model's rows tagged with the item's name. */
function batchSql(requests: Request[]): string {
  return requests
    .map((r) => `SELECT ${literal(r.info.variable)} AS variable, ${r.cluster ? 'cluster_id' : 'NULL::VARCHAR AS cluster_id'}, group_code, code, n FROM (\n${modelSql(r)}\n)`)
    .join('\nUNION ALL\n');
}

/** Rows in the models' order (cluster, group, code), whichever query read them. */
function sorted(rows: CountRow[]): CountRow[] {
  return rows.sort((a, b) => (a.cluster_id ?? '').localeCompare(b.cluster_id ?? '') || a.group_code - b.group_code || a.code - b.code);
}

/** The counts of one item (from the cache when a prefetch or an earlier call read them). */
export function countRows(db: Db, request: Request): Promise<CountRow[]> {
  const cache = cacheOf(db);
  const key = keyOf(request);
  let hit = cache.get(key);
  if (!hit) {
    hit = all<CountRow & { variable: string }>(db, batchSql([request]), { wave: request.info.wave }).then((rows) => sorted(rows.map(({ variable: _, ...row }) => row)));
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

/**
 * Reads the counts of several items of one wave with the same grouping and domain in one query.
 * `infos` must all belong to the same survey and wave.
 */
export async function prefetchCounts(db: Db, infos: VariableInfo[], by: string, where: Domain | undefined, cluster?: string): Promise<void> {
  const cache = cacheOf(db);
  const requests = infos.map((info) => ({ info, by, where, cluster })).filter((r) => !cache.has(keyOf(r)));
  if (requests.length === 0) return;
  const { survey, wave } = requests[0]!.info;
  if (requests.some((r) => r.info.survey !== survey || r.info.wave !== wave)) throw new Error('prefetchCounts: items of one survey and wave only');
  const batch = all<CountRow & { variable: string }>(db, batchSql(requests), { wave }).then((rows) => {
    const byVariable = new Map<string, CountRow[]>();
    for (const { variable, ...row } of rows) {
      const list = byVariable.get(variable);
      if (list) list.push(row);
      else byVariable.set(variable, [row]);
    }
    return byVariable;
  });
  for (const r of requests) {
    const key = keyOf(r);
    const rows = batch.then((byVariable) => sorted(byVariable.get(r.info.variable) ?? []));
    cache.set(key, rows);
    rows.catch(() => cache.delete(key));
  }
  await batch;
}

