/**
 * claims.md as data: every `### Cnnn · figures · kind · scope · flags` entry with its quotes and
 * its check line, and each backticked check split into the fields of the check grammar (§1):
 * `WAVE | GROUP(S) | VARIABLE(S) | MEASURE [base] | EXPECTATION [| TEST]`.
 */
import { z } from 'zod';

export const CLAIM_KINDS = ['value', 'direction', 'rank', 'sig', 'nonsig', 'stat', 'n', 'count', 'rate', 'arith'] as const;
export const CLAIM_SCOPES = ['2019', 'trend', 'baseline', 'design', 'report'] as const;
export const CLAIM_FLAGS = ['interp', 'repro', 'noncomp', 'conflict'] as const;

export const CheckFields = z.object({
  raw: z.string(),
  wave: z.string(),
  groups: z.string(),
  variables: z.string(),
  measure: z.string(),
  expectation: z.string(),
  test: z.string().nullable(),
});
export type CheckFields = z.infer<typeof CheckFields>;

export const Claim = z.object({
  id: z.string().regex(/^C\d{3}$/),
  figures: z.array(z.string().regex(/^(F\d\d|T\d)$/)).min(1),
  kind: z.enum(CLAIM_KINDS),
  scope: z.enum(CLAIM_SCOPES),
  flags: z.array(z.enum(CLAIM_FLAGS)),
  quote: z.string(),
  /** The whole check line, backticks and remarks included, as written. */
  check: z.string(),
  /** Each backticked check, split into the grammar's fields (the remaining text is a remark). */
  checks: z.array(CheckFields),
});
export type Claim = z.infer<typeof Claim>;

/** Splits one backticked check on the top-level `|` separators (not `|x|` absolute values). */
export function splitCheck(raw: string): CheckFields {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    // A field separator is ` | `; `|Δ|` and `|2019 − 2011|` are absolute values.
    if (ch === '|' && raw[i - 1] === ' ' && raw[i + 1] === ' ') {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  const [wave = '', groups = '', variables = '', measure = '', expectation = '', ...rest] = parts;
  // Short checks (`pct_cat{4,5,6} > pct_cat{3}`) leave later fields empty; the evaluator decides.
  return CheckFields.parse({ raw, wave, groups, variables, measure, expectation, test: rest.length ? rest.join(' | ') : null });
}

export function parseClaims(markdown: string): Claim[] {
  const claims: Claim[] = [];
  const blocks = markdown.split(/^### (?=C\d{3} · )/m).slice(1);
  for (const block of blocks) {
    const lines = block.split('\n');
    const header = lines[0]!.split(' · ').map((s) => s.trim());
    const [id, figures, kind, scope, ...flags] = header;
    const quote = lines.filter((l) => l.startsWith('- Quote:')).map((l) => l.slice('- Quote:'.length).trim()).join(' ');
    const checkLine = lines.find((l) => l.startsWith('- Check:'))?.slice('- Check:'.length).trim() ?? '';
    const checks = [...checkLine.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((c) => c.includes('|')).map(splitCheck);
    claims.push(Claim.parse({ id, figures: figures!.split(',').map((f) => f.trim()), kind, scope, flags, quote, check: checkLine, checks }));
  }
  return claims;
}
