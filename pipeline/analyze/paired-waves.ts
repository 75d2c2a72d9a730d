/**
 * Overlap-aware comparison of two microdata waves: the units (kommuner, offices) with exactly one
 * respondent of the group in each wave are paired through the crosswalk, and the top-2 indicator
 * is compared within the pairs with McNemar's exact test. Stated as such next to the independent-
 * samples z-test, which uses everyone.
 */
import type { Db } from '../core/db.ts';
import { all, ident, tableExists } from '../core/db.ts';
import { domainCondition, variableInfo, type Domain } from './metadata.ts';
import { mcnemarExact, type PairedTable } from './stats/mcnemar.ts';
import type { TestResult } from './stats/test-result.ts';
import { laterUnitSql, UNITS } from './units.ts';

export async function pairedShareTest(
  db: Db,
  options: { survey: string; question: string; by: string; groupCode: number; where?: Domain; earlier: string; later: string },
): Promise<TestResult | null> {
  const u = UNITS[options.survey];
  if (!u) return null;
  const [a, b] = [await variableInfo(db, options.survey, options.earlier, options.question), await variableInfo(db, options.survey, options.later, options.question)];
  if (!a.top2.length || !b.top2.length) return null;
  const withCrosswalk = await tableExists(db, u.crosswalk);
  const q = ident(options.question);
  const answered = (codes: number[]) => `${q} IN (${codes.join(', ')})`;
  const subst = (info: typeof a) => info.codes.filter((c) => !c.is_dont_know).map((c) => c.code);
  const side = (wave: '$earlier' | '$later', info: typeof a, unit: string) =>
    `SELECT ${unit} AS unit, any_value(CASE WHEN ${answered(info.top2)} THEN 1 ELSE 0 END) AS y FROM ${ident(`stg_${options.survey}__responses`)} r
     WHERE wave = ${wave} AND ${ident(options.by)} = ${options.groupCode} AND ${domainCondition(options.where)} AND ${answered(subst(info))} AND r.${u.column} IS NOT NULL
     GROUP BY 1 HAVING count(*) = 1`;
  const [t] = await all<PairedTable>(
    db,
    `WITH a AS (${side('$earlier', a, laterUnitSql(u, withCrosswalk))}), b AS (${side('$later', b, `r.${u.column}`)})
     SELECT count(*) FILTER (WHERE a.y = 1 AND b.y = 1)::INTEGER AS both, count(*) FILTER (WHERE a.y = 1 AND b.y = 0)::INTEGER AS lost,
            count(*) FILTER (WHERE a.y = 0 AND b.y = 1)::INTEGER AS gained, count(*) FILTER (WHERE a.y = 0 AND b.y = 0)::INTEGER AS neither
     FROM a JOIN b USING (unit)`,
    { earlier: options.earlier, later: options.later },
  );
  if (!t || t.both + t.lost + t.gained + t.neither < 2) return null;
  const test = mcnemarExact(t, [options.later, options.earlier]);
  return { ...test, design: 'srs', note: `${test.note} (${u.name} med ett svar i gruppen hvert år${withCrosswalk ? ', koblet med koblingstabellen' : ''})` };
}
