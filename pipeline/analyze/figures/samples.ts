/**
 * Tabell 3 from the office frame, the sample file and the responses (exports.md §3.5): per sample
 * its units (offices; for the census the unit leaders invited), the offices that declined, the
 * offices with answers, and its respondents counted both ways questionnaire-kontor.md §3 allows
 * — by invitation route and by office membership — so the reader sees which reproduces the
 * printed table. Below it: the overlaps between the samples, the distinct offices, and the sum of
 * the per-sample respondents against the unique respondents (figures.md I28, I30).
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import type { Db } from '../../core/db.ts';
import { all, tableExists } from '../../core/db.ts';
import { responsesTable } from '../metadata.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { ResultRow } from '../results.ts';
import { answeredCondition } from './disposition.ts';
import { baseRow, resultId } from './common.ts';

export const SAMPLE_LABELS: Record<string, string> = {
  utvalg_tilfeldig: 'Tilfeldig trekk fra samtlige Nav-kontor i Norge',
  utvalg_oppfolging: 'Oppfølgingskontor',
  utvalg_case: 'Casekontor',
  utvalg_alle_el: 'Enhetsledere ved samtlige Nav-kontor',
};

const MEASURES = ['units', 'units_declined', 'units_with_answers', 'respondents_route', 'respondents_office'] as const;

export async function samples(db: Db, fig: FigureOf<'samples'>, wave: string): Promise<ResultRow[]> {
  const offices = `stg_${fig.survey}__offices`;
  const sample = `stg_${fig.survey}__sample`;
  if (!(await tableExists(db, offices)) || !(await tableExists(db, sample))) return [];
  const answered = await answeredCondition(db, fig.survey, wave);
  const rows = await all<Record<string, number | string>>(db, sqlTemplate('office_samples', { offices, sample, responses: responsesTable(fig.survey) }, { answered }), { wave });
  const base = baseRow(fig, wave, '', 'office_samples');
  const out: ResultRow[] = [];
  const push = (group: string, measure: string, value: number, note = '') =>
    out.push({ ...base, result_id: resultId(fig, wave, group, measure), group_code: group, group_label: SAMPLE_LABELS[group] ?? group, measure, value, n: value, note });
  for (const r of rows) for (const m of MEASURES) push(String(r.sample), m, Number(r[m]));
  // Overlaps and totals straight from the frame and the answers.
  const [overlap] = await all<Record<string, number>>(
    db,
    `SELECT count(*) FILTER (WHERE utvalg_tilfeldig = 1 AND utvalg_oppfolging = 1)::INTEGER AS tilfeldig_oppfolging,
            count(*) FILTER (WHERE utvalg_tilfeldig = 1 AND utvalg_case = 1)::INTEGER AS tilfeldig_case,
            count(*) FILTER (WHERE utvalg_oppfolging = 1 AND utvalg_case = 1)::INTEGER AS oppfolging_case,
            count(*) FILTER (WHERE utvalg_tilfeldig = 1 AND utvalg_oppfolging = 1 AND utvalg_case = 1)::INTEGER AS alle_tre,
            count(*) FILTER (WHERE utvalg_tilfeldig = 1 OR utvalg_oppfolging = 1 OR utvalg_case = 1)::INTEGER AS distinct_offices
     FROM ${offices} WHERE frame_wave = $wave`,
    { wave },
  );
  for (const [k, v] of Object.entries(overlap ?? {})) push('overlap', k, v);
  const [unique] = await all<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM ${responsesTable(fig.survey)} WHERE wave = $wave AND (${answered})`, { wave });
  push('total', 'unique_respondents', unique?.n ?? 0, 'unike respondenter som har svart på minst ett spørsmål');
  push('total', 'sum_respondents_route', rows.reduce((a, r) => a + Number(r.respondents_route), 0), 'summen av respondentene per utvalg (etter invitasjonsvei)');
  return out;
}
