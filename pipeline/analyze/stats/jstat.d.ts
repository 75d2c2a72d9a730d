/** The part of jstat 1.9.6 (no bundled types) that studentized-range.ts uses. */
declare module 'jstat' {
  interface JStat {
    tukey: {
      cdf(q: number, nmeans: number, df: number): number;
      inv(p: number, nmeans: number, df: number): number;
    };
    gammaln(x: number): number;
  }
  const jStat: JStat;
  export default jStat;
}
