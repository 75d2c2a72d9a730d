/**
 * The codebook meta-schema. A codebook is data (`schemas/codebooks/<survey>-<wave>.json`); this
 * schema validates every codebook, and row validation is derived from it (see `schemas/kinds/`).
 */
import { z } from 'zod';

/** How much of a wording is taken from the source report (questionnaire §1). */
export const Mark = z.enum(['stated', 'stated_adapted', 'paraphrased', 'reconstructed']);

export const CodeLabel = z.object({
  code: z.number().int(),
  label: z.string().min(1),
  /** Other wordings a vendor may export for the same code (label exports, exports.md §2.4). */
  aliases: z.array(z.string().min(1)).default([]),
  mark: Mark.optional(),
});

export const ValueSet = z
  .object({
    id: z.string().regex(/^S_[A-Z0-9_]+$/),
    codes: z.array(CodeLabel).min(2),
    /** The "Vet ikke" code: an answer, never a missing value, excluded from means. */
    dont_know: z.number().int().optional(),
    /** Whether the substantive codes are ordered (means and top-2 are meaningful). */
    ordinal: z.boolean(),
    note: z.string().optional(),
  })
  .superRefine((set, ctx) => {
    const codes = set.codes.map((c) => c.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', message: `${set.id}: duplicate code` });
    if (set.dont_know !== undefined && !codes.includes(set.dont_know)) {
      ctx.addIssue({ code: 'custom', message: `${set.id}: dont_know ${set.dont_know} is not one of its codes` });
    }
  });

/** The question kinds; each has its parsing and missing-value rules in `schemas/kinds/<kind>.ts`. */
export const KindName = z.enum([
  'respondent_id',
  'kommunenr',
  'fylkesnr',
  'kontor_id',
  'flag',
  'bydel',
  'likert',
  'categorical',
  'multi',
  'text',
  'datetime',
]);

/** A routing rule: the variable is asked only when `variable` holds one of `in`. */
export const AskedIf = z.object({
  variable: z.string(),
  in: z.array(z.union([z.number().int(), z.string()])).min(1),
});

/**
 * How an item relates to the previous wave's codebook (`Codebook.previous`): asked the same way,
 * reworded, on a changed scale, or new. Trend tests run only where `comparable` holds (default:
 * true for `same`, false otherwise); everything else is shown with its note, never tested like
 * for like (pipeline/analyze/comparability.ts).
 */
export const Link = z.object({
  change: z.enum(['same', 'reworded', 'scale_changed', 'new']),
  /** The previous wave's variable name, when the item was renamed. */
  from: z.string().optional(),
  comparable: z.boolean().optional(),
  note: z.string().optional(),
});

export const Variable = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  kind: KindName,
  /** Norwegian item text or option label as shown to respondents. */
  label: z.string().min(1),
  mark: Mark,
  /** Question id (`B2`, `Q1` …) from the questionnaire; batteries and multi-selects share one. */
  question: z.string(),
  value_set: z.string().optional(),
  asked_if: AskedIf.optional(),
  /** Multi-select: ticking this option excludes every other option of the question. */
  exclusive: z.boolean().default(false),
  required: z.boolean().default(false),
  /** `direct`: names/e-mail; `possible`: free text that may contain personal data. */
  pii: z.enum(['none', 'possible', 'direct']).default('none'),
  max_length: z.number().int().positive().optional(),
  /** Earlier waves that asked the same thing (published baselines), with comparability. */
  earlier_waves: z
    .array(z.object({ wave: z.string(), comparability: z.enum(['same_question', 'not_directly_comparable', 'different_question']), note: z.string().optional() }))
    .default([]),
  figures: z.array(z.string().regex(/^(F\d\d|T\d)$/)).default([]),
  note: z.string().optional(),
  /** The link to the previous wave's item; required on every variable when the codebook has `previous`. */
  link: Link.optional(),
});

export const Question = z.object({
  id: z.string(),
  text: z.string().min(1),
  mark: Mark,
  note: z.string().optional(),
});

export const Codebook = z
  .object({
    survey: z.enum(['ordforer_radmann', 'kontor']),
    wave: z.string().regex(/^\d{4}[a-z]?$/),
    /** Instrument code as in figures.md §1.1, e.g. `OR2019`. */
    instrument: z.string().regex(/^(OR|K)\d{4}[a-z]?$/),
    title: z.string(),
    source: z.string(),
    value_sets: z.array(ValueSet),
    questions: z.array(Question),
    variables: z.array(Variable).min(1),
    /** The codebook of the previous wave this one is linked to (`survey/wave`), if any. */
    previous: z.string().regex(/^[a-z_]+\/\d{4}[a-z]?$/).optional(),
    /** Items of the previous wave no longer asked, with why. */
    dropped: z.array(z.object({ variable: z.string(), note: z.string() })).default([]),
  })
  .superRefine((cb, ctx) => {
    const sets = new Map(cb.value_sets.map((s) => [s.id, s]));
    const names = new Set<string>();
    const questions = new Set(cb.questions.map((q) => q.id));
    for (const v of cb.variables) {
      if (names.has(v.name)) ctx.addIssue({ code: 'custom', message: `duplicate variable ${v.name}` });
      names.add(v.name);
      if (!questions.has(v.question)) ctx.addIssue({ code: 'custom', message: `${v.name}: unknown question ${v.question}` });
      const needsSet = v.kind === 'likert' || v.kind === 'categorical';
      if (needsSet && !(v.value_set && sets.has(v.value_set))) {
        ctx.addIssue({ code: 'custom', message: `${v.name}: ${v.kind} needs a known value_set, got ${v.value_set}` });
      }
      if (v.kind === 'likert' && v.value_set && sets.get(v.value_set)?.ordinal === false) {
        ctx.addIssue({ code: 'custom', message: `${v.name}: likert item on non-ordinal set ${v.value_set}` });
      }
    }
    for (const v of cb.variables) {
      if (cb.previous && !v.link) ctx.addIssue({ code: 'custom', message: `${v.name}: the codebook follows ${cb.previous}, so every variable needs a link (same, reworded, scale_changed or new)` });
      if (!cb.previous && v.link) ctx.addIssue({ code: 'custom', message: `${v.name}: a link needs the codebook's previous` });
      if (v.link?.change === 'new' && v.link.comparable) ctx.addIssue({ code: 'custom', message: `${v.name}: a new item cannot be comparable with the previous wave` });
    }
    for (const d of cb.dropped) if (names.has(d.variable)) ctx.addIssue({ code: 'custom', message: `${d.variable}: listed as dropped but still a variable` });
    for (const v of cb.variables) {
      if (v.asked_if && !names.has(v.asked_if.variable)) {
        ctx.addIssue({ code: 'custom', message: `${v.name}: routing refers to unknown variable ${v.asked_if.variable}` });
      }
    }
  });

export type Codebook = z.infer<typeof Codebook>;
export type Variable = z.infer<typeof Variable>;
export type ValueSet = z.infer<typeof ValueSet>;
export type Link = z.infer<typeof Link>;
export type KindName = z.infer<typeof KindName>;
