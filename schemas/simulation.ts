/**
 * Simulation targets for one wave: the answer distributions the simulator turns into exact counts.
 * Data, not code (`schemas/simulation/<survey>-<wave>.targets.json`), so that the numbers a demo
 * wave is built to satisfy sit next to the claims they come from.
 *
 * Semantics (pipeline/simulate): for every item and group the simulator takes the respondents who
 * were asked (routing) and are still in the survey (partial responses stop at `stop_after`), gives
 * `dont_know` of them code 9, leaves `missing` of them empty (item non-response), and spreads the
 * remaining `n` over the substantive codes by largest remainder of `pct`. Who gets which code is
 * decided by ranking respondents on `latent` (a shared per-respondent factor) plus item noise, so
 * items on the same latent correlate with strength `loading` (0 = independent, 1 = same order).
 */
import { z } from 'zod';

const Percent = z.number().min(0).max(100);

export const GroupTarget = z.object({
  /** Substantive answers (codes other than 9); the rest of the asked respondents are 9 or empty. */
  n: z.number().int().nonnegative().optional(),
  /** Number of "Vet ikke" (9) answers. */
  dont_know: z.number().int().nonnegative().default(0),
  /** "Vet ikke" as a percent of those asked, for groups whose size the targets do not fix (added to `dont_know`). */
  dont_know_pct: Percent.optional(),
  /** Percent per substantive code, keys are codes; must sum to 100 (±0.01). */
  pct: z.record(z.string().regex(/^\d+$/), Percent),
});

export const MultiGroupTarget = z.object({
  /** Respondents who answered the question (at least one option written). */
  n: z.number().int().nonnegative().optional(),
  /** Percent ticked per option variable among those who answered. */
  pct_ticked: z.record(z.string(), Percent),
});

export const ItemTarget = z.object({
  latent: z.string().default('general'),
  loading: z.number().min(0).max(1).default(0.5),
  /**
   * Group → target. Ordfører/rådmann: `ordforer`, `radmann`, `annet` (defaults to `radmann`'s).
   * Office survey: the most specific key a respondent has wins: `veileder.kommunal.utd_annen`,
   * then `veileder.kommunal`, `veileder`, `kommunal`, `alle` (stilling: enhetsleder, mellomleder,
   * veileder; ansettelse: statlig, kommunal; utdanning: utd_sosial_helse, utd_annen).
   */
  by_group: z.record(z.string(), GroupTarget),
  note: z.string().optional(),
});

export const MultiTarget = z.object({
  /** Option variables of the question, in codebook order. */
  options: z.array(z.string()).min(2),
  latent: z.string().default('general'),
  loading: z.number().min(0).max(1).default(0.3),
  by_group: z.record(z.string(), MultiGroupTarget),
  note: z.string().optional(),
});

/** Who the office survey's respondents are: shares that the simulator turns into exact counts. */
export const Population = z.object({
  /** Percent of the answering unit leaders who are municipal employees. */
  enhetsleder_kommunal: Percent,
  /** Percent of the answering office staff who are middle managers (the rest are advisers). */
  staff_mellomleder: Percent,
  /** Percent of the answering office staff who are municipal employees. */
  staff_kommunal: Percent,
  /** Percent of all respondents with social or health-professional education. */
  utdanning_sosial_helse: Percent,
});

const Count = z.number().int().nonnegative();
const SampleCell = z.enum(['R', 'F', 'C', 'RF', 'RC', 'FC']);
/** Counts per overlap cell of the office samples (R: random draw only … FC: follow-up and case). */
const CellCounts = z.object({ R: Count, F: Count, C: Count, RF: Count, RC: Count, FC: Count });

/** Who answers an ordfører/rådmann wave and what happens to the rest (Vedlegg D for 2019). */
export const OrAllocation = z.object({
  /** Oslo is surveyed per bydel: answering leaders of bydelsutvalg (as ordfører) and bydelsdirektører (as rådmann). */
  oslo_ordforer: Count,
  oslo_radmann: Count,
  /** Kommuner outside Oslo where both roles answer, only the ordfører, only the rådmann. */
  both_outside_oslo: Count,
  ordforer_only: Count,
  radmann_only: Count,
  /** Respondents answering «annet» as their role, by the group they were invited as (one kommune each). */
  annet: z.array(z.enum(['ordforer', 'radmann'])),
  /** Started without a single answer (not counted as answered). */
  empty_partials: Count,
  bounced: Count,
  refused: Count,
  /** Partial respondents per group: the last question each answered. */
  partial_stops: z.object({ ordforer: z.array(z.string()), radmann: z.array(z.string()) }),
});

/** The office samples of a kontor wave (Tabell 3 for 2019). */
export const KontorDesign = z.object({
  /** Offices per overlap cell of the random draw (R), the follow-up offices (F) and the case offices (C). */
  cells: CellCounts,
  /** Offices per cell that declined to take part. */
  declined: z.partialRecord(SampleCell, Count).default({}),
  /** Offices per cell that took part but where no employee answered. */
  silent: z.partialRecord(SampleCell, Count).default({}),
});

/** Who was invited to and answered a kontor wave (Tabell 3 and 4, L2790–L2792 for 2019). */
export const KontorPeople = z.object({
  leaders_answered: Count,
  /** Employees answering per sample cell (counted once, in their office's cell). */
  staff_answered: CellCounts,
  staff_invited: Count,
  added_in_round2: Count,
  removed: Count,
  absent: Count,
  bounced: Count,
  staff_refused: Count,
  leaders_refused: Count,
  empty_partials: Count,
  /** Partial responses that stopped late (after K21) and still count as answered. */
  partials_with_answers: z.object({ leaders: Count, staff: Count }),
  /** Municipal unit leaders answering for the office of a state leader who also answered (I11). */
  two_leader_offices: Count,
  /** Most employees invited and answering in one office. */
  max_invited: Count.default(2000),
  max_answered: Count.default(400),
});

/**
 * The fieldwork of a wave: when, the respondent id prefix, and who answers. Absent, the simulator
 * uses the 2019 fieldwork of Vedlegg D (pipeline/simulate/fieldwork.ts).
 */
export const Fieldwork = z.object({
  /** First invitation (ISO date); reminders and answers follow over the next weeks. */
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Prefix of every resp_id; `SIM-` marks the data as simulated (exports.md §6). Distinct per wave. */
  id_prefix: z.string().regex(/^SIM-[A-Z0-9]+-$/),
  /**
   * How many times likelier a unit that answered the previous wave (the codebook's `previous`) is
   * to answer again: a kommune in the ordfører/rådmann survey; 1 = no panel tendency.
   */
  previous_answered_weight: z.number().min(1).default(1),
  ordforer_radmann: OrAllocation.optional(),
  kontor: z.object({ design: KontorDesign, people: KontorPeople }).optional(),
});

export const WaveTargets = z.object({
  survey: z.string(),
  wave: z.string(),
  /** Default share of asked respondents leaving an item empty when `n` is not given. */
  item_nonresponse: z.number().min(0).max(0.5).default(0.02),
  /** Share of every latent attitude's variance that lies between clusters (offices); 0 = no clustering. */
  icc: z.number().min(0).max(0.9).default(0),
  /** `icc` for particular latents (e.g. an attitude that hardly depends on the office). */
  latent_icc: z.record(z.string(), z.number().min(0).max(0.9)).default({}),
  population: Population.optional(),
  /** Items (single choice) keyed by variable name. */
  items: z.record(z.string(), ItemTarget),
  /** Multi-select questions keyed by question id (`Q11`, `Q15`). */
  multi: z.record(z.string(), MultiTarget).default({}),
  fieldwork: Fieldwork.optional(),
});

export type WaveTargets = z.infer<typeof WaveTargets>;
export type ItemTarget = z.infer<typeof ItemTarget>;
export type GroupTarget = z.infer<typeof GroupTarget>;
export type MultiTarget = z.infer<typeof MultiTarget>;
export type Population = z.infer<typeof Population>;
export type Fieldwork = z.infer<typeof Fieldwork>;
export type OrAllocation = z.infer<typeof OrAllocation>;
export type KontorDesign = z.infer<typeof KontorDesign>;
export type KontorPeople = z.infer<typeof KontorPeople>;
export type SampleCell = z.infer<typeof SampleCell>;
