/** Exact counts from percentages: largest remainder, ties broken by the lower code (deterministic). */
export function largestRemainder(pct: Record<string, number>, n: number): Map<number, number> {
  const entries = Object.entries(pct)
    .map(([code, p]) => ({ code: Number(code), exact: (p * n) / 100 }))
    .sort((a, b) => a.code - b.code);
  const counts = new Map(entries.map((e) => [e.code, Math.floor(e.exact)]));
  let left = n - [...counts.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...entries].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.code - b.code);
  for (const e of byRemainder) {
    if (left <= 0) break;
    counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
    left--;
  }
  return counts;
}
