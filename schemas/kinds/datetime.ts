/** Date and time as ISO 8601 or Norwegian `dd.mm.yyyy hh:mm[:ss]`, stored as local (Europe/Oslo) time. */
import { invalidCell } from './coded.ts';
import type { Kind } from './kind.ts';

const FORMATS = ['%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M', '%Y-%m-%d', '%d.%m.%Y'];

export const datetime: Kind = {
  sqlType: 'TIMESTAMP',
  defaultMeasure: 'none',
  typed: (v, ctx) => `try_strptime(${ctx.cell(v.name)}, [${FORMATS.map((f) => `'${f}'`).join(', ')}])`,
  checks: (v, ctx) => [invalidCell(v, ctx, 'E_DATETIME_INVALID', 'dato og tid som 2019-04-03T10:15:00 eller 03.04.2019 10:15', 'Dato/tid kan ikke tolkes.')],
};
