/**
 * Exact integer allocation of a total over weighted units with upper and lower bounds: largest
 * remainder, then moving single units from units over their cap to units with room, in a fixed
 * order (deterministic). Used to spread Vedlegg D's respondent and invitation totals over offices.
 */
export function allocateBounded(total: number, weights: number[], min: number[], max: number[]): number[] {
  const floor = min.reduce((a, b) => a + b, 0);
  const ceiling = max.reduce((a, b) => a + b, 0);
  if (total < floor || total > ceiling) throw new Error(`cannot allocate ${total} within bounds [${floor}, ${ceiling}]`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map((x, i) => Math.min(max[i]!, Math.max(min[i]!, Math.floor(x))));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  // Hand out (or take back) single units, largest remainders first, respecting the bounds.
  while (left !== 0) {
    let moved = false;
    for (const [, i] of left > 0 ? order : [...order].reverse()) {
      if (left > 0 && out[i]! < max[i]!) {
        out[i]! += 1;
        left--;
        moved = true;
      } else if (left < 0 && out[i]! > min[i]!) {
        out[i]! -= 1;
        left++;
        moved = true;
      }
      if (left === 0) break;
    }
    if (!moved) throw new Error('allocation stuck');
  }
  return out;
}
