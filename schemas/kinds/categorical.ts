/** Nominal single choice: the full distribution is the measure. */
import { likert } from './likert.ts';
import type { Kind } from './kind.ts';

export const categorical: Kind = { ...likert, defaultMeasure: 'pct_dist' };
