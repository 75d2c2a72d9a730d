/**
 * The units a survey's respondents belong to across waves — kommuner (ordfører/rådmann survey) and
 * offices (office survey) — and the crosswalk that carries an earlier wave's unit into a later
 * wave's numbering (stg_crosswalk__kommuner / __kontor; without a row, the number is unchanged).
 */

export interface UnitKind {
  /** The responses column naming the unit. */
  column: string;
  crosswalk: string;
  from: string;
  to: string;
  fromWave: string;
  toWave: string;
  name: string;
}

export const UNITS: Record<string, UnitKind> = {
  ordforer_radmann: { column: 'kommunenr', crosswalk: 'stg_crosswalk__kommuner', from: 'from_kommunenr', to: 'to_kommunenr', fromWave: 'from_year', toWave: 'to_year', name: 'kommuner' },
  kontor: { column: 'kontor_id', crosswalk: 'stg_crosswalk__kontor', from: 'from_kontor_id', to: 'to_kontor_id', fromWave: 'from_wave', toWave: 'to_wave', name: 'kontorer' },
};

/** SQL for alias `r`'s unit in the later wave's numbering (parameters `$earlier`, `$later`). */
export function laterUnitSql(u: UnitKind, withCrosswalk: boolean, alias = 'r'): string {
  return withCrosswalk
    ? `coalesce((SELECT min(x.${u.to}) FROM ${u.crosswalk} x WHERE x.${u.fromWave} = $earlier AND x.${u.toWave} = $later AND x.${u.from} = ${alias}.${u.column}), ${alias}.${u.column})`
    : `${alias}.${u.column}`;
}
