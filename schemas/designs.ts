/**
 * The sampling design of each survey, for design-based inference (figures.md §1.4). The
 * ordfører/rådmann survey went to every mayor and chief executive: respondents are independent
 * (simple random sampling is the model). The office survey samples offices and surveys the
 * employees within them, so answers from one office are correlated: one-stage cluster sampling
 * with the office (`kontor_id`) as the primary sampling unit, equal weights, no strata or finite
 * population correction — R: `svydesign(ids = ~kontor_id, data = wave)`.
 */
import { z } from 'zod';

export const Design = z.enum(['srs', 'cluster']);
export type Design = z.infer<typeof Design>;

export const SurveyDesign = z.object({
  /** The primary sampling unit; null = respondents are independent. */
  cluster: z.string().nullable(),
  /** The design tests use unless the user asks for another (`--design`). */
  default: Design,
});
export type SurveyDesign = z.infer<typeof SurveyDesign>;

export const SURVEY_DESIGNS: Readonly<Record<string, SurveyDesign>> = z.record(z.string(), SurveyDesign).parse({
  ordforer_radmann: { cluster: null, default: 'srs' },
  kontor: { cluster: 'kontor_id', default: 'cluster' },
});

export function designOf(survey: string): SurveyDesign {
  return SURVEY_DESIGNS[survey] ?? { cluster: null, default: 'srs' };
}
