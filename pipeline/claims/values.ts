/** Small helpers the named evaluators share: a group's measure now, number formats, bounds. */
import type { ClaimContext } from './context.ts';
import { MissingData } from './context.ts';
import { parseBound, type Outcome } from './grammar.ts';
import { measureOf, type Measure } from './measures.ts';

export type Special = (ctx: ClaimContext) => Promise<Outcome>;

export const TOP2: Measure = { name: 'pct_top2' };
export const MEAN: Measure = { name: 'mean' };
export const TICKED: Measure = { name: 'pct_ticked' };
export const cat = (codes: number[]): Measure => ({ name: 'pct_cat', codes });
export const f1 = (x: number): string => x.toFixed(1);
export const f2 = (x: number): string => x.toFixed(2);
export const within = (bound: string, x: number): boolean => parseBound(bound)!.test(x);

/** A group's measure of an item in the newest wave of its survey (groups as context.ts reads them). */
export async function now(ctx: ClaimContext, variable: string, group: string, m: Measure = TOP2, base: 'default' | 'excl_dk' = 'default'): Promise<number> {
  const v = measureOf(await ctx.answers(variable, group), m, base);
  if (!v) throw new MissingData(`ingen svar på ${variable} fra ${group}`);
  return v.value;
}
