/**
 * Kommuner where both leaders answered (questionnaire §7 `kommune_begge`): how many there are, and
 * for those with exactly one ordfører and one rådmann, the within-kommune comparison of how many
 * municipal services each says are in the Nav office (`tjenester_antall`, L1844: ordførere tend to
 * count more) — the paired t-test and Wilcoxon signed-rank test on the differences — and how
 * often their ticked sets differ (L1844 «ofte ikke er enige»).
 */
import type { Db } from '../core/db.ts';
import { all, ident, literal } from '../core/db.ts';
import { PipelineError } from '../core/errors.ts';
import { responsesTable } from './metadata.ts';
import { sqlTemplate } from './sql-template.ts';
import { freqFromPairs, summarize } from './stats/freq.ts';
import type { TestResult } from './stats/test-result.ts';
import { pairedTests } from './tests-for.ts';

/** The service options of Q15 that count, and its two exclusive answers (questionnaire §7). */
export interface ServiceQuestion {
  options: string[];
  none: string;
  dontKnow: string;
}

export interface KommunePairs {
  wave: string;
  /** Kommuner (Oslo: bydeler) with at least one answer from each role. */
  n_kommuner_begge: number;
  /** Of those, with exactly one of each role: the pairs compared. */
  n_pairs: number;
  /** Pairs where both counted their services (neither «vet ikke» nor empty). */
  n_counted: number;
  mean_difference: number | null;
  /** Counted pairs whose ticked sets differ. */
  n_sets_differ: number;
  n_sets_compared: number;
  tests: TestResult[];
  source_model: string;
}

interface Row {
  n_first: number;
  n_second: number;
  antall_first: number | null;
  antall_second: number | null;
  set_first: string | null;
  set_second: string | null;
}

/**
 * The multi-select options named `<prefix>…` in the wave's codebook: the exclusive one ending in
 * `_vet_ikke` is «vet ikke», the other exclusive one «ingen», the rest are the services counted.
 */
export async function serviceQuestion(db: Db, survey: string, wave: string, prefix: string): Promise<ServiceQuestion> {
  const rows = await all<{ variable: string; is_exclusive: boolean }>(
    db,
    `SELECT variable, is_exclusive FROM dim_variables WHERE survey = $survey AND wave = $wave AND kind = 'multi' AND starts_with(variable, $prefix) ORDER BY position`,
    { survey, wave, prefix },
  );
  const dontKnow = rows.find((r) => r.is_exclusive && r.variable.endsWith('_vet_ikke'))?.variable;
  const none = rows.find((r) => r.is_exclusive && !r.variable.endsWith('_vet_ikke'))?.variable;
  if (!dontKnow || !none) throw new PipelineError(`kommune pairs: ${survey} ${wave} has no exclusive «ingen» and «vet ikke» among ${prefix}*`);
  return { options: rows.filter((r) => !r.is_exclusive).map((r) => r.variable), none, dontKnow };
}

export async function kommunePairs(db: Db, options: { survey: string; wave: string; roles: [number, number]; services: ServiceQuestion }): Promise<KommunePairs> {
  const { options: opts, none, dontKnow } = options.services;
  if (opts.length === 0) throw new PipelineError('kommune pairs: no service options');
  const col = (v: string) => ident(v);
  const answered = [...opts, none, dontKnow].map((v) => `${col(v)} IS NOT NULL`).join(' OR ');
  const count = opts.map((v) => `coalesce(${col(v)}, 0)`).join(' + ');
  const set = `concat_ws(',', ${opts.map((v) => `CASE WHEN ${col(v)} = 1 THEN ${literal(v)} END`).join(', ')})`;
  const sql = sqlTemplate(
    'kommune_pairs',
    { responses: responsesTable(options.survey), kommunenr: 'kommunenr', bydel: 'bydel', rolle: 'rolle', vet_ikke: dontKnow, ingen: none },
    { answered: `(${answered})`, count: `(${count})`, ticked_set: set },
  );
  const rows = await all<Row>(db, sql, { wave: options.wave, first_role: options.roles[0], second_role: options.roles[1] });
  const pairs = rows.filter((r) => r.n_first === 1 && r.n_second === 1);
  const counted = pairs.filter((r) => r.antall_first !== null && r.antall_second !== null);
  const diffs = new Map<number, number>();
  for (const r of counted) diffs.set(r.antall_first! - r.antall_second!, (diffs.get(r.antall_first! - r.antall_second!) ?? 0) + 1);
  const d = freqFromPairs([...diffs]);
  const sets = pairs.filter((r) => r.set_first !== null && r.set_second !== null);
  return {
    wave: options.wave,
    n_kommuner_begge: rows.length,
    n_pairs: pairs.length,
    n_counted: counted.length,
    mean_difference: counted.length ? summarize(d).mean : null,
    n_sets_differ: sets.filter((r) => r.set_first !== r.set_second).length,
    n_sets_compared: sets.length,
    tests: pairedTests(d, ['first', 'second']),
    source_model: 'kommune_pairs',
  };
}
