/**
 * The claims engine on the bundled demo data: claims.md is read as data, every ordfører/rådmann
 * claim gets a status, and the statuses follow the rules of claims.md §1 (repro never asserted,
 * interp failures reported as verbal, office-survey claims not checkable until it is loaded).
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaims, CLAIMS_FILE, evaluateClaim, type ClaimResult } from '../../pipeline/claims/index.ts';
import { ClaimContext } from '../../pipeline/claims/context.ts';
import { parseBound } from '../../pipeline/claims/grammar.ts';
import { parseClaims, splitCheck, type Claim } from '../../pipeline/claims/parse.ts';
import type { Db } from '../../pipeline/core/db.ts';
import { openDemoWarehouse } from '../helpers/demo-warehouse.ts';

const claims = parseClaims(readFileSync(CLAIMS_FILE, 'utf8'));

describe('claims.md as data', () => {
  it('reads every claim with its kind, scope, flags and check (the index of claims.md §4 says 323)', () => {
    expect(claims).toHaveLength(323);
    const c = claims.find((x) => x.id === 'C255')!;
    expect(c).toMatchObject({ figures: ['F41'], kind: 'value', scope: '2019', flags: [] });
    expect(c.checks[0]).toMatchObject({ wave: 'OR2019', groups: 'ordforer', variables: 'mal_flere_i_arbeid', measure: 'pct_top2', expectation: '∈ [73.5, 74.5)', test: null });
  });
  it('is the same text as the team specification, where that is checked out next to the project', () => {
    const shared = new URL('../../../shared/spec/claims.md', import.meta.url);
    if (existsSync(shared)) expect(readFileSync(CLAIMS_FILE, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
  it('keeps absolute-value bars inside a field', () => {
    expect(splitCheck('OR2011→OR2019 | each(ordforer, radmann) | x | pct_top2 | |2019 − 2011| ≤ 5').expectation).toBe('|2019 − 2011| ≤ 5');
    expect(splitCheck('OR2019 | a vs b | x | pct_ticked | a > b | chisq p < .05').test).toBe('chisq p < .05');
  });
  it('reads intervals and bounds as claims.md §2 writes them', () => {
    const inOpen = parseBound('∈ [73.5, 74.5)')!;
    expect([inOpen.test(73.5), inOpen.test(74.5), inOpen.test(74.49)]).toEqual([true, false, true]);
    expect(parseBound('∈ (33.3, 38.3]')!.test(33.3)).toBe(false);
    expect(parseBound('≤ −10')!.test(-10)).toBe(true);
    expect(parseBound('about 5')).toBeNull();
  });
});

describe('claims re-checked on the demo data', () => {
  let db: Db;
  let close: () => void;
  let results: ClaimResult[];
  const byId = (id: string) => results.find((r) => r.id === id)!;

  beforeAll(async () => {
    ({ db, close } = await openDemoWarehouse('claims-engine', { waves: ['2019'] }));
    results = await checkClaims(db);
  });
  afterAll(() => close?.());

  it('evaluates every claim of both surveys, by the grammar or a named evaluator', () => {
    expect(results).toHaveLength(claims.length);
    const unhandled = results.filter((r) => r.method === 'none');
    expect(unhandled.map((r) => r.id)).toEqual([]);
  });

  it('every non-interp, non-repro claim holds, except where the source contradicts itself', () => {
    const asserted = results.filter((r) => !r.flags.includes('interp') && !r.flags.includes('repro') && r.status !== 'not_checkable');
    const failing = asserted.filter((r) => r.status !== 'holds').map((r) => r.id);
    // C143 contradicts C137 + C138, C271 contradicts C264 + C266, and C309 (142 offices) the
    // arithmetic of C312 (143) (figures.md I15, I23, I28): both sides cannot hold.
    expect(failing).toEqual(['C143', 'C271', 'C309']);
    for (const id of ['C137', 'C138', 'C264', 'C266', 'C312']) expect(byId(id).status).toBe('holds');
  });

  it('interp claims hold on the demo (but one side of a conflict), repro claims are shown side by side and never asserted', () => {
    const verbal = results.filter((r) => r.flags.includes('interp') && r.status !== 'not_checkable' && r.status !== 'holds');
    // C129 and C128 read «i noen grad» and «ganske stor grad» for the same means (figures.md I14).
    expect(verbal.map((r) => [r.id, r.status])).toEqual([['C129', 'not_supported_at_threshold']]);
    expect(byId('C128').status).toBe('holds');
    const repro = results.filter((r) => r.flags.includes('repro') && r.status !== 'not_checkable');
    expect(repro.length).toBeGreaterThan(10);
    expect(repro.every((r) => r.status === 'side_by_side')).toBe(true);
    expect(byId('C168').computed).toMatch(/F\(1, \d+\)/);
  });

  it('only the e-mail counts of Vedlegg D are not checkable, and they say why', () => {
    const pending = results.filter((r) => r.status === 'not_checkable');
    expect(pending.map((r) => r.id)).toEqual(['C318', 'C319']);
    for (const r of pending) expect(r.note).toMatch(/e-post.*én rad per person/);
  });

  it('can fail: a claim that contradicts the data does not hold, and an interp one is reported as verbal', async () => {
    const ctx = (await ClaimContext.open(db))!;
    const base = claims.find((c) => c.id === 'C255')!;
    const wrong: Claim = { ...base, checks: [{ ...base.checks[0]!, expectation: '∈ [10, 20)' }] };
    expect((await evaluateClaim(ctx, wrong)).status).toBe('does_not_hold');
    expect((await evaluateClaim(ctx, { ...wrong, flags: ['interp'] })).status).toBe('not_supported_at_threshold');
    const flipped: Claim = { ...base, checks: [{ ...base.checks[0]!, groups: 'ordforer vs radmann', expectation: 'ordforer > radmann' }] };
    expect((await evaluateClaim(ctx, flipped)).status).toBe('does_not_hold');
  });
});
