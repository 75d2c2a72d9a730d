/**
 * A frequency table (value → count) is a sufficient statistic for every test on a coded item:
 * SQL counts the answers and only these few numbers cross into JavaScript.
 */
export interface Freq {
  values: number[];
  counts: number[];
}

export interface Summary {
  n: number;
  mean: number;
  /** Sample variance (n − 1). */
  variance: number;
  sd: number;
}

export function freqFromPairs(pairs: Array<[number, number]>): Freq {
  const sorted = [...pairs].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  return { values: sorted.map(([v]) => v), counts: sorted.map(([, c]) => c) };
}

export function summarize(f: Freq): Summary {
  let n = 0;
  let sum = 0;
  f.values.forEach((v, i) => {
    n += f.counts[i] as number;
    sum += v * (f.counts[i] as number);
  });
  const mean = n > 0 ? sum / n : Number.NaN;
  let ss = 0;
  f.values.forEach((v, i) => (ss += (f.counts[i] as number) * (v - mean) ** 2));
  const variance = n > 1 ? ss / (n - 1) : Number.NaN;
  return { n, mean, variance, sd: Math.sqrt(variance) };
}

/** Number of observations with a value in `codes`. */
export function countIn(f: Freq, codes: readonly number[]): number {
  return f.values.reduce((acc, v, i) => (codes.includes(v) ? acc + (f.counts[i] as number) : acc), 0);
}

export function total(f: Freq): number {
  return f.counts.reduce((a, b) => a + b, 0);
}
