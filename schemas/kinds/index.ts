/** The kind registry: variable kind name → its declared behaviour. */
import type { KindName } from '../codebook.ts';
import { bydel } from './bydel.ts';
import { categorical } from './categorical.ts';
import { datetime } from './datetime.ts';
import { flag } from './flag.ts';
import { fylkesnr } from './fylkesnr.ts';
import type { Kind } from './kind.ts';
import { kommunenr } from './kommunenr.ts';
import { kontorId } from './kontor-id.ts';
import { likert } from './likert.ts';
import { multi } from './multi.ts';
import { respondentId } from './respondent-id.ts';
import { text } from './text.ts';

export const kinds: Record<KindName, Kind> = {
  respondent_id: respondentId,
  kommunenr,
  fylkesnr,
  kontor_id: kontorId,
  flag,
  bydel,
  likert,
  categorical,
  multi,
  text,
  datetime,
};

export type { Kind, KindContext, CellCheck, Measure } from './kind.ts';
