/**
 * The r×c network algorithm of Fisher's exact test (as FEXACT, Mehta & Patel 1983), for tables
 * that neither have two rows nor a few large rows (fisher-two-rows.ts handles those faster).
 */
import { FEXACT_TOL, logFactorials } from './log-factorials.ts';

/**
 * Two-sided exact p of an r×c table: the sum of P(table) = exp(K − S), S = Σ log x_ij!, over the
 * tables with these margins and S ≥ S_obs − tol. Columns are filled one at a time (a network, as
 * in FEXACT): a node is the rows' remaining room after some columns, sorted, since rows with equal
 * room are interchangeable; the paths into a node are kept as their partial sums S with
 * multiplicities. NaN when the work (paths looked at, tables of one column tried) passes maxNodes.
 */
export function exactRxC(input: number[][], maxNodes: number): number {
  // Fewer rows than columns keeps the per-column branching small; p is the same for the transpose.
  const t = input.length <= (input[0] as number[]).length ? input : (input[0] as number[]).map((_, j) => input.map((r) => r[j] as number));
  const rowSums = t.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = (t[0] as number[]).map((_, j) => t.reduce((a, r) => a + (r[j] as number), 0)).sort((a, b) => b - a);
  const n = rowSums.reduce((a, b) => a + b, 0);
  const lf = logFactorials(n);
  const sumLf = (xs: readonly number[]): number => xs.reduce((s, x) => s + (lf[x] as number), 0);
  const k = sumLf(rowSums) + sumLf(colSums) - (lf[n] as number);
  const threshold = t.reduce((s, r) => s + sumLf(r), 0) - FEXACT_TOL;
  const nCols = colSums.length;
  const restLf = colSums.map((_, j) => sumLf(colSums.slice(j)));
  const restN = colSums.map((_, j) => colSums.slice(j).reduce((a, b) => a + b, 0));

  // Bounds on the S of columns col.. given the rows' room: each column alone, spread as evenly as
  // the room allows (smallest S) or piled into the roomiest rows (largest S).
  const bounds = (col: number, room: number[]): [number, number] => {
    const up = [...room].sort((a, b) => a - b);
    const down = [...up].reverse();
    let min = 0;
    let max = 0;
    for (let j = col; j < nCols; j++) {
      let rest = colSums[j] as number;
      for (let i = 0; i < up.length; i++) {
        const left = up.length - i;
        const share = Math.floor(rest / left);
        if ((up[i] as number) <= share) {
          min += lf[up[i] as number] as number;
          rest -= up[i] as number;
        } else {
          const extra = rest - share * left;
          min += (left - extra) * (lf[share] as number) + extra * (lf[share + 1] as number);
          break;
        }
      }
      rest = colSums[j] as number;
      for (const cap of down) {
        const x = Math.min(cap, rest);
        max += lf[x] as number;
        rest -= x;
      }
    }
    return [min, max];
  };

  let work = 0;

  /** Calls back with every way to put column col's total into the rows' room, and its Σ log x!. */
  const eachColumn = (col: number, room: number[], visit: (next: number[], s: number) => void): void => {
    const next = [...room];
    const fill = (i: number, rest: number, s: number): void => {
      if (work > maxNodes) return;
      if (i === room.length - 1) {
        if (rest > (room[i] as number)) return;
        next[i] = (room[i] as number) - rest;
        visit([...next].sort((a, b) => a - b), s + (lf[rest] as number));
        return;
      }
      const roomAfter = room.slice(i + 1).reduce((a, b) => a + b, 0);
      for (let x = Math.max(0, rest - roomAfter); x <= Math.min(room[i] as number, rest); x++) {
        next[i] = (room[i] as number) - x;
        fill(i + 1, rest - x, s + (lf[x] as number));
      }
    };
    fill(0, colSums[col] as number, 0);
  };

  interface Node {
    room: number[];
    /** Partial sums S of the paths into the node (merged when equal to ~1e-11) → [S, multiplicity]. */
    paths: Map<number, [number, number]>;
  }
  const addPaths = (stage: Map<string, Node>, room: number[], paths: Array<[number, number]>, sCol: number): void => {
    const key = room.join(',');
    const node = stage.get(key) ?? { room, paths: new Map<number, [number, number]>() };
    stage.set(key, node);
    for (const [s0, w] of paths) {
      const s = s0 + sCol;
      const sKey = Math.round(s * 1e11);
      const path = node.paths.get(sKey);
      if (path) path[1] += w;
      else node.paths.set(sKey, [s, w]);
    }
  };

  let p = 0;
  let stage = new Map<string, Node>();
  addPaths(stage, [...rowSums].sort((a, b) => a - b), [[0, 1]], 0);
  for (let col = 0; col < nCols; col++) {
    const next = new Map<string, Node>();
    for (const node of stage.values()) {
      const [min, max] = bounds(col, node.room);
      // Σ Π 1/x_ij! over all completions is n'! / (Π r'_i! Π c'_j!).
      const all = (lf[restN[col] as number] as number) - sumLf(node.room) - (restLf[col] as number);
      const open: Array<[number, number]> = [];
      for (const [s, w] of node.paths.values()) {
        if (s + min >= threshold) p += w * Math.exp(k - s + all); // every completion counts
        else if (s + max >= threshold) open.push([s, w]); // else none does
      }
      work += node.paths.size;
      if (open.length === 0) continue;
      eachColumn(col, node.room, (room, sCol) => {
        work += open.length;
        addPaths(next, room, open, sCol);
      });
      if (work > maxNodes) return Number.NaN;
    }
    stage = next;
  }
  for (const node of stage.values()) for (const [s, w] of node.paths.values()) if (s >= threshold) p += w * Math.exp(k - s);
  return p;
}


