/** Codebooks and waves as warehouse tables, so that every query can label what it counts. */
import type { Codebook } from '../../schemas/codebook.ts';
import type { Db } from '../core/db.ts';
import { insertRows } from '../core/db.ts';

export async function createDimensionTables(db: Db, schema: string): Promise<void> {
  await db.run(`CREATE TABLE ${schema}.dim_variables (survey VARCHAR, wave VARCHAR, variable VARCHAR, kind VARCHAR, question VARCHAR, label VARCHAR, value_set VARCHAR,
    asked_if_variable VARCHAR, asked_if_values VARCHAR, is_exclusive BOOLEAN, pii VARCHAR, figures VARCHAR, mark VARCHAR, position INTEGER,
    link_change VARCHAR, link_from VARCHAR, link_comparable BOOLEAN, link_note VARCHAR, question_text VARCHAR)`);
  await db.run(`CREATE TABLE ${schema}.dim_dropped (survey VARCHAR, wave VARCHAR, variable VARCHAR, note VARCHAR)`);
  await db.run(`CREATE TABLE ${schema}.dim_codes (survey VARCHAR, wave VARCHAR, value_set VARCHAR, code INTEGER, label VARCHAR, is_dont_know BOOLEAN, ordinal BOOLEAN, position INTEGER)`);
  await db.run(`CREATE TABLE ${schema}.dim_waves (survey VARCHAR, wave VARCHAR, instrument VARCHAR, codebook VARCHAR, is_simulated BOOLEAN, simulated_markers VARCHAR, source VARCHAR, count_partial BOOLEAN, previous_codebook VARCHAR)`);
}

/** Codebook rows keyed by the data wave (a wave may reuse an earlier wave's codebook). */
export async function insertCodebook(db: Db, schema: string, cb: Codebook, wave: string): Promise<void> {
  await insertRows(db, `${schema}.dim_variables`, cb.variables.map((v, position) => [
    cb.survey, wave, v.name, v.kind, v.question, v.label, v.value_set ?? null, v.asked_if?.variable ?? null,
    v.asked_if ? v.asked_if.in.join(';') : null, v.exclusive, v.pii, v.figures.join(';'), v.mark, position,
    v.link?.change ?? null, v.link?.from ?? null, v.link ? (v.link.comparable ?? v.link.change === 'same') : null, v.link?.note ?? null,
    cb.questions.find((q) => q.id === v.question)?.text ?? null,
  ]));
  await insertRows(db, `${schema}.dim_dropped`, cb.dropped.map((d) => [cb.survey, wave, d.variable, d.note]));
  await insertRows(db, `${schema}.dim_codes`, cb.value_sets.flatMap((set) => set.codes.map((c, position) => [cb.survey, wave, set.id, c.code, c.label, c.code === set.dont_know, set.ordinal, position])));
}
