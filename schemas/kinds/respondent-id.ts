/** Vendor respondent id: 1–40 characters `[A-Za-z0-9_-]`; numeric ids lose a trailing `.0`. Duplicates are a table-level rule (validate). */
import { invalidCell } from './coded.ts';
import type { Kind } from './kind.ts';

export const respondentId: Kind = {
  sqlType: 'VARCHAR',
  defaultMeasure: 'none',
  typed: (v, ctx) => {
    const cell = ctx.cell(v.name);
    const cleaned = `regexp_replace(${cell}, '^([0-9]+)[.,]0+$', '\\1')`;
    return `CASE WHEN regexp_full_match(${cleaned}, '[A-Za-z0-9_-]{1,40}') THEN ${cleaned} END`;
  },
  checks: (v, ctx) => [
    {
      code: 'E_ID_MISSING',
      severity: 'error',
      when: `${ctx.cell(v.name)} IS NULL`,
      expected: 'en respondent-id',
      message: 'Raden mangler respondent-id.',
    },
    invalidCell(v, ctx, 'E_CODE_INVALID', '1–40 tegn av A–Z, a–z, 0–9, _ og -', 'Respondent-id har ugyldig form.'),
  ],
};
