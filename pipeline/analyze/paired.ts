/**
 * `compare --paired-with`: two items of one wave answered by the same respondents (F08's
 * fagkompetanse vs tilgjengelighet, F21's kommune vs Nav-fylke). Per group and for everyone
 * pooled: the number of pairs and the mean difference first − second, with the paired t-test and
 * the Wilcoxon signed-rank test. Both items must share a value set, so their codes mean the same.
 */
import { groupForCode } from '../../schemas/groups.ts';
import type { Db } from '../core/db.ts';
import { all, ident, literal } from '../core/db.ts';
import { PipelineError } from '../core/errors.ts';
import { responsesTable, routingCondition, variableInfo, type VariableInfo } from './metadata.ts';
import { sqlTemplate } from './sql-template.ts';
import { freqFromPairs, summarize, type Freq } from './stats/freq.ts';
import type { TestResult } from './stats/test-result.ts';
import { pairedTests } from './tests-for.ts';

export interface PairedGroup {
  group: string;
  label: string;
  /** Respondents with a substantive answer to both items. */
  n_pairs: number;
  mean_difference: number | null;
  sd_difference: number | null;
  /** Pairs whose two answers differ. */
  n_different: number;
}

export interface PairedComparison {
  survey: string;
  wave: string;
  question: string;
  paired_with: string;
  by: string;
  groups: PairedGroup[];
  /** Differences per group, parallel to `groups`. */
  differences: Freq[];
  tests: Array<TestResult & { group: string }>;
  source_model: string;
}

/** Code for "everyone" in `groups`: the pooled group of the survey when it has one. */
const POOLED: Record<string, { code: string; label: string }> = {
  ordforer_radmann: { code: 'or_alle', label: 'Ordførere og rådmenn' },
  kontor: { code: 'kontor_alle', label: 'Alle ansatte' },
};

function substantiveCondition(info: VariableInfo): string {
  return info.dontKnow === null ? 'true' : `${ident(info.variable)} <> ${literal(info.dontKnow)}`;
}

function sameScale(a: VariableInfo, b: VariableInfo): boolean {
  const codes = (i: VariableInfo) => i.codes.map((c) => `${c.code}`).join(',');
  return a.ordinal && b.ordinal && codes(a) === codes(b);
}

export async function comparePaired(db: Db, options: { survey: string; wave: string; question: string; pairedWith: string; by: string; groups?: number[] }): Promise<PairedComparison> {
  if (options.question === options.pairedWith) throw new PipelineError('compare: --paired-with must name another item than --question');
  const first = await variableInfo(db, options.survey, options.wave, options.question);
  const second = await variableInfo(db, options.survey, options.wave, options.pairedWith);
  if (!sameScale(first, second)) throw new PipelineError(`compare: ${first.variable} and ${second.variable} are not on the same ordinal scale, so their difference means nothing`);
  const sql = sqlTemplate(
    'paired_differences',
    { responses: responsesTable(options.survey), by: options.by, first: first.variable, second: second.variable },
    { substantive: `${substantiveCondition(first)} AND ${substantiveCondition(second)}`, routing: `${routingCondition(first)} AND ${routingCondition(second)}` },
  );
  const rows = await all<{ group_code: number | null; difference: number; n: number }>(db, sql, { wave: options.wave });
  const pooledPairs = new Map<number, number>();
  const byGroup = new Map<number, Array<[number, number]>>();
  for (const r of rows) {
    pooledPairs.set(r.difference, (pooledPairs.get(r.difference) ?? 0) + r.n);
    if (r.group_code !== null) byGroup.set(r.group_code, [...(byGroup.get(r.group_code) ?? []), [r.difference, r.n]]);
  }
  const codes = (options.groups ?? [...byGroup.keys()].sort((a, b) => a - b)).filter((c) => byGroup.has(c));
  const named = codes.map((code) => {
    const g = groupForCode(options.survey, options.by, code);
    return { group: g?.code ?? String(code), label: g?.label ?? String(code), f: freqFromPairs(byGroup.get(code)!) };
  });
  const pooled = POOLED[options.survey] ?? { code: 'alle', label: 'Alle' };
  const all_ = [...named, { group: pooled.code, label: pooled.label, f: freqFromPairs([...pooledPairs]) }];
  const groups = all_.map(({ group, label, f }) => {
    const s = summarize(f);
    const same = f.values.reduce((a, v, i) => (v === 0 ? a + (f.counts[i] as number) : a), 0);
    return { group, label, n_pairs: s.n, mean_difference: s.n > 0 ? s.mean : null, sd_difference: s.n > 1 ? s.sd : null, n_different: s.n - same };
  });
  const items: [string, string] = [first.variable, second.variable];
  const tests = all_.flatMap(({ group, f }) => pairedTests(f, items).map((t) => ({ ...t, design: 'srs' as const, group })));
  return { survey: options.survey, wave: options.wave, question: first.variable, paired_with: second.variable, by: options.by, groups, differences: all_.map((g) => g.f), tests, source_model: 'paired_differences' };
}
