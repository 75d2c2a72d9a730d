/** Group and n texts shared by the blocks: ranges of n, and the placeholder of a pending group. */
import type { ResultRow } from '../../analyze/results.ts';
import { fmtInt } from '../../core/format.ts';

/** Office-survey groups in the plural, as a placeholder names them. */
const PLURAL: Record<string, string> = {
  enhetsleder: 'Enhetsledere',
  mellomleder: 'Mellomledere',
  veileder: 'Veiledere og andre',
  ledere: 'Ledere (enhets- og mellomledere)',
};

export function pendingText(r: ResultRow): { group: string; status: string } {
  return { group: `${PLURAL[r.group_code] ?? r.group_label} (kontorundersøkelsen)`, status: 'kommer når kontorundersøkelsen er lastet' };
}

export function pendingRows(rows: ResultRow[]): ResultRow[] {
  return rows.filter((r) => r.measure === 'pending');
}

/** «74», «40–42» when the items differ, «ukjent» when no n is known. */
export function nRange(ns: Array<number | null>): string {
  const known = ns.filter((n): n is number => n !== null);
  if (known.length === 0) return 'ukjent';
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return lo === hi ? fmtInt(lo) : `${fmtInt(lo)}–${fmtInt(hi)}`;
}

/** Groups in the order they first appear, with their label. */
export function groupsOf(rows: ResultRow[]): Array<{ code: string; label: string }> {
  return [...new Map(rows.filter((r) => r.group_code).map((r) => [r.group_code, r.group_label])).entries()].map(([code, label]) => ({ code, label }));
}

/** Per group: «Ordfører: n = 74», the n of every row of the group (a range when items differ). */
export function nPerGroup(rows: ResultRow[]): string {
  const groups = groupsOf(rows);
  return `n: ${groups.map((g) => `${g.label} ${nRange(rows.filter((r) => r.group_code === g.code).map((r) => r.n))}`).join(' · ')}`;
}
