/**
 * What crosses from DuckDB into JS for a design-based estimate: sums per cluster (Nav office, the
 * PSU) over ALL clusters of the wave's design, in one fixed cluster order, with zeros where a
 * cluster has no member of the domain.
 *
 * Why all clusters: in R, `subset(des, ...)` on a survey.design2 drops rows but keeps the number of
 * PSUs of the whole design (`fpc$sampsize`), and `survey:::onestrat` pads the missing clusters with
 * zero totals before taking the variance. A domain (a subgroup, or "answered the item") is thus
 * estimated within the whole wave's design; a design rebuilt from the answering rows would
 * understate the variance and get K wrong.
 */

/** Per cluster of the whole design (same order everywhere, zeros where the cluster has no domain member). */
export interface DomainSums {
  /** Number of domain members in the cluster. */
  n: Float64Array;
  /** Sum of the analysed value over the cluster's domain members. */
  sum: Float64Array;
  /** Sum of its squares (only the design effect needs it; for a 0/1 indicator it equals `sum`). */
  sumSq: Float64Array;
}

/** Number of clusters K of the whole design; throws if the arrays disagree or K < 2. */
export function clusterCount(...domains: DomainSums[]): number {
  const k = domains[0]?.n.length ?? 0;
  for (const d of domains) {
    if (d.n.length !== k || d.sum.length !== k || d.sumSq.length !== k) {
      throw new Error(`domain sums: n, sum and sumSq need one entry per cluster of the design (${k})`);
    }
  }
  if (k < 2) throw new Error(`domain sums: a cluster design needs at least 2 clusters (got ${k})`);
  return k;
}

export function total(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Number of clusters with at least one member in any of the given per-cluster counts. */
export function occupiedClusters(...counts: Float64Array[]): number {
  const k = counts[0]?.length ?? 0;
  let occupied = 0;
  for (let c = 0; c < k; c++) if (counts.some((n) => (n[c] as number) > 0)) occupied++;
  return occupied;
}
