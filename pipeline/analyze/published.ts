/**
 * The published baselines (`stg_baselines__published`, a few hundred rows) read once per
 * connection: trends and the claims look values up item by item, and a query per lookup would
 * cost more than the lookup.
 */
import type { Db } from '../core/db.ts';
import { all } from '../core/db.ts';

export interface PublishedRow {
  baseline_id: string;
  survey: string;
  wave: string;
  variable: string;
  group_code: string;
  measure: string;
  category: string | null;
  value: number;
  n: number | null;
  n_kind: string;
  value_source: string;
  comparability: string;
  comparability_note: string | null;
  qualifier: string | null;
}

const cache = new WeakMap<Db, Promise<PublishedRow[]>>();

export function publishedBaselines(db: Db): Promise<PublishedRow[]> {
  let hit = cache.get(db);
  if (!hit) {
    hit = all<PublishedRow>(
      db,
      `SELECT baseline_id, survey, wave, variable, group_code, measure, category, value, n, n_kind, value_source, comparability, comparability_note, qualifier
       FROM stg_baselines__published ORDER BY survey, wave, group_code, variable, measure, category`,
    );
    cache.set(db, hit);
    hit.catch(() => cache.delete(db));
  }
  return hit;
}

/** Stated values before approximate ones before illustrative ones (a claim is checked against the best). */
export function bySourceQuality(a: PublishedRow, b: PublishedRow): number {
  const rank = (s: string) => (s === 'stated' ? 0 : s === 'approximate' ? 1 : 2);
  return rank(a.value_source) - rank(b.value_source);
}
