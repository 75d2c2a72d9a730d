/**
 * Free text and names. Text that may hold personal data has e-mail addresses and Norwegian
 * national id numbers (11 digits, also written 6+5) replaced by `[fjernet]` before load.
 */
import { routingCheck } from './coded.ts';
import type { Kind } from './kind.ts';

const EMAIL = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+`;
const NATIONAL_ID = String.raw`\b[0-9]{6} ?[0-9]{5}\b`;

export function redactSql(cell: string): string {
  return `regexp_replace(regexp_replace(${cell}, '${EMAIL}', '[fjernet]', 'g'), '${NATIONAL_ID}', '[fjernet]', 'g')`;
}

/** The same in JavaScript, for findings made outside SQL. */
export function redactText(value: string): string {
  return value.replace(new RegExp(EMAIL, 'g'), '[fjernet]').replace(new RegExp(NATIONAL_ID, 'g'), '[fjernet]');
}

export const text: Kind = {
  sqlType: 'VARCHAR',
  defaultMeasure: 'none',
  typed: (v, ctx) => (v.pii === 'none' ? ctx.cell(v.name) : redactSql(ctx.cell(v.name))),
  checks: (v, ctx) => [
    ...(v.pii === 'none'
      ? []
      : [
          {
            code: 'W_PII_REDACTED' as const,
            severity: 'warning' as const,
            when: `${ctx.cell(v.name)} IS NOT NULL AND ${ctx.typed(v.name)} <> ${ctx.cell(v.name)}`,
            expected: 'fritekst uten e-postadresser eller fødselsnummer',
            message: 'Personopplysninger i fritekst er erstattet med [fjernet] før lasting.',
            found: `'[fjernet]'`,
          },
        ]),
    ...routingCheck(v, ctx),
  ],
};
