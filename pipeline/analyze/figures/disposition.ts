/**
 * Tabell 2 and 4 from the sample/disposition file, never from the response file alone (exports.md
 * §3.5): invited (bounced included; removed before sending excluded), bounced, answered (completed,
 * plus partial with at least one answer) and the report's response rate — Tabell 2's numerators by
 * the self-reported role (denominators by the invited group, «annet» in the total only), Tabell 4's
 * by the invited group (the unit-leader census and the office samples) — next to the
 * net rate and the AAPOR Standard Definitions rates computed by invited group:
 *   RR1 = I / (I + P + R + NC + O), RR2 = (I + P) / (I + P + R + NC + O),
 *   COOP1 = I / (I + P + R + O),    COOP2 = (I + P) / (I + P + R + O),
 * with I completed, P partial with answers, R refused or broken off without answers, NC not
 * reached (no reply, bounced, absent). Every invitee is known to be eligible (a named mayor or
 * chief executive), so there is no unknown-eligibility term.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import { GRUPPE_LABELS, GRUPPER, TOTAL_GROUP } from '../../../schemas/disposition.ts';
import { GROUPS, groupForCode } from '../../../schemas/groups.ts';
import type { Db } from '../../core/db.ts';
import { all, ident, tableExists } from '../../core/db.ts';
import { responsesTable } from '../metadata.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { ResultRow } from '../results.ts';
import { baseRow, resultId } from './common.ts';

interface Cell {
  gruppe: string;
  status: string;
  reported: number | null;
  has_answer: boolean;
  n: number;
}

export interface DispositionCounts {
  invited: number;
  bounced: number;
  absent: number;
  completed: number;
  partial: number;
  broken_off: number;
  refused: number;
  no_reply: number;
}

export function aapor(c: DispositionCounts): { rr1: number; rr2: number; coop1: number; coop2: number } {
  const I = c.completed;
  const P = c.partial;
  const R = c.refused + c.broken_off;
  const NC = c.no_reply + c.bounced + c.absent;
  return { rr1: I / (I + P + R + NC), rr2: (I + P) / (I + P + R + NC), coop1: I / (I + P + R), coop2: (I + P) / (I + P + R) };
}

function countsOf(cells: Cell[]): DispositionCounts {
  const sum = (f: (c: Cell) => boolean) => cells.filter(f).reduce((a, c) => a + c.n, 0);
  return {
    invited: sum((c) => c.status !== 'removed'),
    bounced: sum((c) => c.status === 'bounced'),
    absent: sum((c) => c.status === 'absent'),
    completed: sum((c) => c.status === 'answered'),
    partial: sum((c) => c.status === 'partial' && c.has_answer),
    broken_off: sum((c) => c.status === 'partial' && !c.has_answer),
    refused: sum((c) => c.status === 'refused'),
    no_reply: sum((c) => c.status === 'invited'),
  };
}

/**
 * SQL that is true for a response with at least one answer to a question (exports.md §3.5): any
 * coded item outside the background block (questions B…) that is not empty.
 */
export async function answeredCondition(db: Db, survey: string, wave: string): Promise<string> {
  const rows = await all<{ variable: string }>(
    db,
    `SELECT variable FROM dim_variables WHERE survey = $survey AND wave = $wave AND question NOT LIKE 'B%' AND kind IN ('likert', 'categorical', 'multi') ORDER BY variable`,
    { survey, wave },
  );
  return rows.map((r) => `${ident(r.variable)} IS NOT NULL`).join(' OR ') || 'false';
}

export async function disposition(db: Db, fig: FigureOf<'disposition'>, wave: string): Promise<ResultRow[]> {
  const sampleTable = `stg_${fig.survey}__sample`;
  if (!(await tableExists(db, sampleTable))) return [];
  const answered = await answeredCondition(db, fig.survey, wave);
  const sql = sqlTemplate('disposition_counts', { responses: responsesTable(fig.survey), sample: sampleTable, by: fig.by }, { answered });
  const cells = await all<Cell>(db, sql, { wave });
  if (cells.length === 0) return [];
  const base = baseRow(fig, wave, fig.by, 'disposition_counts');
  const rows: ResultRow[] = [];
  const push = (group: string, measure: string, value: number, n: number | null, note = '') =>
    rows.push({ ...base, result_id: resultId(fig, wave, group, measure), group_code: group, group_label: GRUPPE_LABELS[group] ?? GROUPS.find((g) => g.code === group)?.label ?? group, measure, value, n, note });
  const invitedGroups = GRUPPER[fig.survey] ?? [];
  // «Besvarte»: completed, and (wave.json `count_partial`, default true) partial with an answer.
  const countPartial = (await all<{ p: boolean | null }>(db, `SELECT count_partial AS p FROM dim_waves WHERE survey = $survey AND wave = $wave`, { survey: fig.survey, wave }))[0]?.p ?? true;
  const isAnswer = (c: Cell) => c.status === 'answered' || (countPartial && c.status === 'partial' && c.has_answer);
  const reportedGroup = (c: Cell) => (c.reported === null ? null : (groupForCode(fig.survey, fig.by, c.reported)?.code ?? String(c.reported)));
  const total = TOTAL_GROUP[fig.survey] ?? 'alle';
  const byReported = fig.numerator === 'reported';
  for (const group of [...invitedGroups, total]) {
    const mine = group === total ? cells : cells.filter((c) => c.gruppe === group);
    const counts = countsOf(mine);
    // Tabell 2's numerator: answers by self-reported role, «annet» only in the total; Tabell 4's: by invited group.
    const answers = (group === total ? cells : cells.filter((c) => (byReported ? reportedGroup(c) === group : c.gruppe === group))).filter(isAnswer).reduce((a, c) => a + c.n, 0);
    push(group, 'invited', counts.invited, counts.invited);
    push(group, 'bounced', counts.bounced, counts.invited);
    push(group, 'absent', counts.absent, counts.invited);
    push(group, 'answered', answers, counts.invited, group === total ? (byReported ? 'alle svar, også «annet»' : 'alle svar') : byReported ? 'etter oppgitt rolle' : 'etter invitert gruppe');
    push(group, 'response_rate', (100 * answers) / counts.invited, counts.invited, 'besvarte / utsendte (rapportens definisjon)');
    const net = counts.invited - counts.bounced - counts.absent;
    push(group, 'net_response_rate', (100 * answers) / net, net, 'besvarte / (utsendte − avviste − fravær)');
    const r = aapor(counts);
    push(group, 'aapor_rr1', 100 * r.rr1, counts.invited, 'AAPOR RR1, etter invitert gruppe');
    push(group, 'aapor_rr2', 100 * r.rr2, counts.invited, 'AAPOR RR2, etter invitert gruppe');
    push(group, 'aapor_coop1', 100 * r.coop1, counts.invited - counts.no_reply - counts.bounced - counts.absent, 'AAPOR COOP1');
    push(group, 'aapor_coop2', 100 * r.coop2, counts.invited - counts.no_reply - counts.bounced - counts.absent, 'AAPOR COOP2');
    for (const [k, v] of Object.entries(counts)) if (k !== 'invited' && k !== 'bounced' && k !== 'absent') push(group, `n_${k}`, v, counts.invited);
  }
  if (!byReported) return rows;
  const annet = cells.filter((c) => isAnswer(c) && reportedGroup(c) !== null && !invitedGroups.includes(reportedGroup(c)!)).reduce((a, c) => a + c.n, 0);
  push('annet', 'answered', annet, null, 'svarte med en annen rolle enn de ble invitert som');
  return rows;
}
