/**
 * Units that answered in both of a survey's last two waves, found through the crosswalks
 * (stg_crosswalk__kommuner / __kontor: earlier number → later number, merged units included):
 * kommuner by the role that answered (ordfører/rådmann survey), offices with any respondent
 * (office survey). Without a crosswalk row for a unit its number is taken as unchanged. These
 * are the units a paired comparison could use; the wave-over-wave tests in the figures treat the
 * two waves as independent samples and say so.
 */
import type { Db } from '../core/db.ts';
import { all } from '../core/db.ts';
import { wavesOf } from './metadata.ts';
import { EMPTY_RESULT, type ResultRow } from './results.ts';

export const OVERLAP_FIGURE = 'P1';

interface Unit {
  survey: string;
  unit: string;
  crosswalk: string;
  from: string;
  to: string;
  groups: Array<{ code: string; label: string; where: string }>;
}

const UNITS: Unit[] = [
  {
    survey: 'ordforer_radmann', unit: 'kommunenr', crosswalk: 'stg_crosswalk__kommuner', from: 'from_kommunenr', to: 'to_kommunenr',
    groups: [{ code: 'ordforer', label: 'Kommuner der ordføreren svarte', where: 'rolle = 1' }, { code: 'radmann', label: 'Kommuner der rådmannen svarte', where: 'rolle = 2' }, { code: 'alle', label: 'Kommuner med minst ett svar', where: 'true' }],
  },
  { survey: 'kontor', unit: 'kontor_id', crosswalk: 'stg_crosswalk__kontor', from: 'from_kontor_id', to: 'to_kontor_id', groups: [{ code: 'alle', label: 'Kontorer med minst ett svar', where: 'true' }] },
];

export async function overlapRows(db: Db): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const u of UNITS) {
    const waves = await wavesOf(db, u.survey);
    if (waves.length < 2) continue;
    const [earlier, later] = [waves.at(-2)!, waves.at(-1)!];
    const hasCrosswalk = (await all<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = '${u.crosswalk}'`))[0]!.n > 0;
    const yearCols = u.survey === 'kontor' ? ['from_wave', 'to_wave'] : ['from_year', 'to_year'];
    // Earlier units in the later numbering (the crosswalk's, else the same number).
    const mapped = hasCrosswalk
      ? `coalesce((SELECT min(x.${u.to}) FROM ${u.crosswalk} x WHERE x.${yearCols[0]} = $earlier AND x.${yearCols[1]} = $later AND x.${u.from} = r.${u.unit}), r.${u.unit})`
      : `r.${u.unit}`;
    for (const g of u.groups) {
      const [c] = await all<{ previous: number; newest: number; both: number; source: string | null }>(
        db,
        `WITH a AS (SELECT DISTINCT ${mapped} AS unit FROM stg_${u.survey}__responses r WHERE wave = $earlier AND ${g.where} AND r.${u.unit} IS NOT NULL),
              b AS (SELECT DISTINCT r.${u.unit} AS unit FROM stg_${u.survey}__responses r WHERE wave = $later AND ${g.where} AND r.${u.unit} IS NOT NULL)
         SELECT (SELECT count(*) FROM a)::INTEGER AS previous, (SELECT count(*) FROM b)::INTEGER AS newest, (SELECT count(*) FROM a JOIN b USING (unit))::INTEGER AS both,
                ${hasCrosswalk ? `(SELECT min(source) FROM ${u.crosswalk} WHERE ${yearCols[0]} = $earlier AND ${yearCols[1]} = $later)` : 'NULL'} AS source`,
        { earlier, later },
      );
      const base = { ...EMPTY_RESULT, figure_id: OVERLAP_FIGURE, survey: u.survey, wave: later, variable: u.unit, group_code: g.code, group_label: g.label, source_model: `stg_${u.survey}__responses + ${hasCrosswalk ? u.crosswalk : 'samme nummer'}`, comparison: `${earlier} → ${later}`, note: c!.source ? `kobling: ${c!.source}` : 'ingen koblingstabell: samme nummer i begge bølger' };
      for (const [measure, value] of [['units_previous', c!.previous], ['units_newest', c!.newest], ['units_both', c!.both]] as const) {
        rows.push({ ...base, result_id: `${OVERLAP_FIGURE}/${later}/${u.survey}/${g.code}/${measure}`, measure, value, n: value });
      }
    }
  }
  return rows;
}
