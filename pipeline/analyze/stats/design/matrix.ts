/**
 * Small dense matrices as arrays of rows. The sizes here are a few coefficients or the cells of a
 * contingency table, so plain Gaussian elimination is clear and accurate enough; no npm dependency.
 */
export type Matrix = number[][];

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => Array<number>(cols).fill(0));
}

export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

export function transpose(a: Matrix): Matrix {
  const cols = a[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => a.map((row) => row[j] as number));
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  const inner = b.length;
  const cols = b[0]?.length ?? 0;
  return a.map((row) => {
    if (row.length !== inner) throw new Error(`matrix product: ${row.length} columns against ${inner} rows`);
    const out = Array<number>(cols).fill(0);
    for (let k = 0; k < inner; k++) {
      const aik = row[k] as number;
      if (aik === 0) continue;
      const bk = b[k] as number[];
      for (let j = 0; j < cols; j++) out[j]! += aik * (bk[j] as number);
    }
    return out;
  });
}

/** Solves A X = B for a square, non-singular A (Gaussian elimination with partial pivoting). */
export function solve(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  if (b.length !== n || a.some((row) => row.length !== n)) throw new Error(`solve: A must be ${n}×${n} and B have ${n} rows`);
  const m = b[0]?.length ?? 0;
  const lhs = a.map((row) => [...row]);
  const rhs = b.map((row) => [...row]);
  const scale = Math.max(...lhs.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(lhs[r]![col]!) > Math.abs(lhs[pivot]![col]!)) pivot = r;
    // A relative threshold: the matrices here are covariance or cross-product matrices whose scale varies.
    if (!(Math.abs(lhs[pivot]![col]!) > 1e-13 * scale)) throw new Error('solve: the matrix is singular (collinear predictors or a degenerate covariance)');
    [lhs[col], lhs[pivot]] = [lhs[pivot]!, lhs[col]!];
    [rhs[col], rhs[pivot]] = [rhs[pivot]!, rhs[col]!];
    const prow = lhs[col]!;
    const prhs = rhs[col]!;
    for (let r = col + 1; r < n; r++) {
      const f = lhs[r]![col]! / prow[col]!;
      if (f === 0) continue;
      for (let j = col; j < n; j++) lhs[r]![j]! -= f * prow[j]!;
      for (let j = 0; j < m; j++) rhs[r]![j]! -= f * prhs[j]!;
    }
  }
  const x = zeros(n, m);
  for (let r = n - 1; r >= 0; r--) {
    for (let j = 0; j < m; j++) {
      let s = rhs[r]![j]!;
      for (let k = r + 1; k < n; k++) s -= lhs[r]![k]! * x[k]![j]!;
      x[r]![j] = s / lhs[r]![r]!;
    }
  }
  return x;
}

export function inverse(a: Matrix): Matrix {
  return solve(a, identity(a.length));
}

export function trace(a: Matrix): number {
  return a.reduce((s, row, i) => s + (row[i] as number), 0);
}

/** xᵀ A⁻¹ x without forming the inverse. */
export function inverseQuadraticForm(a: Matrix, x: number[]): number {
  const y = solve(a, x.map((v) => [v]));
  return x.reduce((s, v, i) => s + v * y[i]![0]!, 0);
}

/** The sub-matrix of the given rows and columns. */
export function pick(a: Matrix, rows: number[], cols: number[] = rows): Matrix {
  return rows.map((i) => cols.map((j) => a[i]![j]!));
}
