/**
 * Nav office id from the office frame (`offices.csv`, exports.md §3.4). A numeric cell that lost
 * its leading zeros in Excel or SPSS is padded to the width the frame uses when that gives a
 * match (W_PADDED); an id that is not in the frame is E_KONTOR_UNKNOWN.
 */
import { invalidCell } from './coded.ts';
import type { Kind } from './kind.ts';

export const kontorId: Kind = {
  sqlType: 'VARCHAR',
  defaultMeasure: 'none',
  typed: (v, ctx) => {
    const cleaned = `regexp_replace(${ctx.cell(v.name)}, '^([0-9]+)[.,]0+$', '\\1')`;
    if (ctx.kontorFrame === null) return `CASE WHEN regexp_full_match(${cleaned}, '[A-Za-z0-9_-]{1,40}') THEN ${cleaned} END`;
    const frame = ctx.kontorFrame;
    // As written, or left-padded with zeros to the length of a frame id it then equals. The frame's
    // ids come in as one uncorrelated list and are matched in a lambda: inside a subquery over the
    // frame, the cell's own name (`kontor_id`) would bind to the frame's column, not the cell.
    const zeroLed = `(SELECT list(kontor_id) FROM ${frame} WHERE regexp_full_match(kontor_id, '0+[0-9]*'))`;
    return `CASE WHEN ${cleaned} IN (SELECT kontor_id FROM ${frame}) THEN ${cleaned}
      WHEN regexp_full_match(${cleaned}, '[0-9]+') THEN list_min(list_filter(${zeroLed}, k -> lpad(${cleaned}, CAST(length(k) AS INTEGER), '0') = k)) END`;
  },
  checks: (v, ctx) => [
    invalidCell(v, ctx, 'E_KONTOR_UNKNOWN', ctx.kontorFrame === null ? 'et kontor-id' : 'et kontor-id som finnes i kontorrammen (offices.csv)', 'Kontoret finnes ikke i kontorrammen.'),
    {
      code: 'W_PADDED',
      severity: 'warning',
      when: `${ctx.typed(v.name)} IS NOT NULL AND ${ctx.typed(v.name)} <> regexp_replace(${ctx.cell(v.name)}, '^([0-9]+)[.,]0+$', '\\1')`,
      expected: 'kontor-id med ledende nuller som i kontorrammen',
      message: 'Kontor-id hadde mistet ledende nuller og er fylt ut slik kontorrammen skriver det.',
    },
  ],
};
