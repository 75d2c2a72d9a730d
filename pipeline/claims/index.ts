/**
 * Claims re-checked: claims.md is read as data and every claim about the ordfører/rådmann survey
 * (and its 2011 baseline) is evaluated on the newest wave in the warehouse — by the check grammar
 * where the check is written in it, by a named evaluator (special.ts) where it is not.
 * Statuses: holds / does not hold / not checkable; `interp` claims that fail are "verbal claim not
 * supported at threshold", `repro` claims are shown side by side and never asserted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIGURES } from '../../schemas/figures.ts';
import type { Db } from '../core/db.ts';
import { NotEstimable } from '../core/errors.ts';
import { ClaimContext, K_SURVEY, MissingData, OR_SURVEY } from './context.ts';
import { evaluateGrammar, type Outcome } from './grammar.ts';
import { parseClaims, type Claim } from './parse.ts';
import { SPECIAL } from './special.ts';

export type ClaimStatus = 'holds' | 'does_not_hold' | 'not_checkable' | 'not_supported_at_threshold' | 'side_by_side';

export interface ClaimResult {
  id: string;
  figures: string[];
  kind: Claim['kind'];
  scope: Claim['scope'];
  flags: Claim['flags'];
  quote: string;
  check: string;
  wave: string;
  status: ClaimStatus;
  /** Whether the computed value meets the check (also for `repro` claims, which are not asserted). */
  meets: boolean | null;
  computed: string;
  note: string;
  /** `grammar` (the check as written), `special` (a named evaluator) or `none`. */
  method: 'grammar' | 'special' | 'none';
}

/** The bundled copy of spec/claims.md (schemas/spec/README.md). */
export const CLAIMS_FILE = fileURLToPath(new URL('../../schemas/spec/claims.md', import.meta.url));
const OR_FIGURES = new Set(FIGURES.filter((f) => f.survey === 'ordforer_radmann').map((f) => f.id));

/** Claims about the ordfører/rådmann survey or its 2011 baseline (alone or next to the office survey). */
export function isOrClaim(c: Claim): boolean {
  if (c.checks.some((k) => /^OR20/.test(k.wave.trim()))) return true; // e.g. C104–C106, OR answers under the office figure F17
  return c.figures.some((f) => OR_FIGURES.has(f)) && (c.checks.length === 0 || c.checks.some((k) => /OR20|^report/.test(k.wave)));
}

/** The survey a claim is about, for its wave in the claims table. */
function surveyOf(c: Claim): string {
  return isOrClaim(c) ? OR_SURVEY : K_SURVEY;
}

function combine(outcomes: Outcome[]): Outcome {
  const computed = outcomes.map((o) => o.computed).filter(Boolean).join(' · ');
  const note = outcomes.map((o) => o.note).filter(Boolean).join(' · ');
  if (outcomes.some((o) => o.ok === null)) return { ok: null, computed, note };
  return { ok: outcomes.every((o) => o.ok), computed, note };
}

function notCheckable(e: unknown): Outcome {
  if (e instanceof MissingData || e instanceof NotEstimable) return { ok: null, computed: '', note: e.message };
  throw e;
}

function statusOf(c: Claim, o: Outcome): ClaimStatus {
  if (o.ok === null) return 'not_checkable';
  if (c.flags.includes('repro')) return 'side_by_side';
  if (o.ok) return 'holds';
  return c.flags.includes('interp') ? 'not_supported_at_threshold' : 'does_not_hold';
}

export async function evaluateClaim(ctx: ClaimContext, c: Claim): Promise<ClaimResult> {
  const special = SPECIAL[c.id];
  let outcome: Outcome;
  let method: ClaimResult['method'] = 'none';
  if (special) {
    outcome = await special(ctx).catch(notCheckable);
    method = 'special';
  } else {
    const parts = await Promise.all(c.checks.map((k) => evaluateGrammar(ctx, k).catch(notCheckable)));
    if (parts.length > 0 && parts.every((p) => p !== null)) {
      outcome = combine(parts as Outcome[]);
      method = 'grammar';
    } else outcome = { ok: null, computed: '', note: 'sjekken er ikke skrevet i grammatikken og har ingen egen evaluator' };
  }
  const notes = [outcome.note, c.flags.includes('noncomp') ? 'ikke direkte sammenlignbare spørsmål – vises bare med denne merknaden' : '', c.flags.includes('conflict') ? 'i konflikt med en annen påstand i kilden (figures.md §10)' : ''].filter(Boolean);
  return { id: c.id, figures: c.figures, kind: c.kind, scope: c.scope, flags: c.flags, quote: c.quote, check: c.check, wave: ctx.waves[surveyOf(c)] ?? '', status: statusOf(c, outcome), meets: outcome.ok, computed: outcome.computed, note: notes.join(' · '), method };
}

/**
 * Every claim on the newest waves, or with `back: 1` on the waves before them (for "what changed
 * since the last report"; a survey with only one wave keeps it).
 */
export async function checkClaims(db: Db, options: { claimsFile?: string; back?: number } = {}): Promise<ClaimResult[]> {
  const ctx = await ClaimContext.open(db, options.back ?? 0);
  if (!ctx) return [];
  // Every claim; those about a survey that is not loaded come out as not checkable.
  const claims = parseClaims(readFileSync(options.claimsFile ?? CLAIMS_FILE, 'utf8'));
  const out: ClaimResult[] = [];
  for (const c of claims) out.push(await evaluateClaim(ctx, c));
  return out;
}
