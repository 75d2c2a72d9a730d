/**
 * What changed since the last report: every claim's status on the newest wave next to its status
 * on the wave before, read as one of a few changes a reader can act on. Claims whose items are not
 * comparable between the two waves (codebook links, analyze/comparability.ts) say so instead of
 * comparing statuses. Written to the `claim_changes` table for the report's first page.
 */
import { FIGURES } from '../../schemas/figures.ts';
import { comparableBetween } from '../analyze/comparability.ts';
import { figureItems } from '../analyze/figures/common.ts';
import type { Db } from '../core/db.ts';
import { insertRows } from '../core/db.ts';
import type { ClaimResult } from './index.ts';

export type Change = 'still_holds' | 'reversed' | 'no_longer_holds' | 'no_longer_significant' | 'now_holds' | 'still_not' | 'not_comparable' | 'not_checkable' | 'side_by_side';

export const CHANGE_LABEL: Record<Change, string> = {
  reversed: 'Snudd',
  no_longer_holds: 'Holder ikke lenger',
  no_longer_significant: 'Ikke lenger støttet ved terskelen',
  now_holds: 'Holder nå',
  not_comparable: 'Ikke sammenlignbar',
  still_holds: 'Holder fortsatt',
  still_not: 'Holder fortsatt ikke',
  side_by_side: 'Vist side om side (ikke testet)',
  not_checkable: 'Kan ikke sjekkes',
};

/** The order the page lists changes in: what a reader must notice first. */
export const CHANGE_ORDER = Object.keys(CHANGE_LABEL) as Change[];

export interface ClaimChange {
  id: string;
  figures: string;
  quote: string;
  previous_wave: string;
  previous_status: string;
  newest_wave: string;
  newest_status: string;
  change: Change;
  note: string;
}

function changeOf(kind: string, before: ClaimResult['status'], now: ClaimResult['status']): Change {
  if (before === 'side_by_side' || now === 'side_by_side') return 'side_by_side';
  if (now === 'not_checkable') return before === 'not_checkable' ? 'not_checkable' : 'not_comparable';
  if (before === 'not_checkable') return now === 'holds' ? 'now_holds' : 'still_not';
  if (before === 'holds') {
    if (now === 'holds') return 'still_holds';
    if (now === 'not_supported_at_threshold') return 'no_longer_significant';
    return kind === 'direction' ? 'reversed' : 'no_longer_holds';
  }
  return now === 'holds' ? 'now_holds' : 'still_not';
}

/** The items a claim rests on: the variables of its figures. */
function itemsOf(figures: string[]): Array<{ survey: string; variable: string }> {
  return FIGURES.filter((f) => figures.includes(f.id)).flatMap((f) => figureItems(f).map((variable) => ({ survey: f.survey, variable })));
}

export async function claimChanges(db: Db, previous: ClaimResult[], newest: ClaimResult[], surveys: Record<string, { previous: string; newest: string }>): Promise<ClaimChange[]> {
  const out: ClaimChange[] = [];
  for (const now of newest) {
    const before = previous.find((p) => p.id === now.id);
    if (!before) continue;
    let change = changeOf(now.kind, before.status, now.status);
    const reasons: string[] = [];
    for (const item of itemsOf(now.figures)) {
      const waves = surveys[item.survey];
      if (!waves || waves.previous === waves.newest) continue;
      const gate = await comparableBetween(db, item.survey, item.variable, waves.previous, waves.newest);
      if (!gate.comparable) reasons.push(`${item.variable}: ${gate.reason}`);
    }
    if (reasons.length && change !== 'side_by_side') change = 'not_comparable';
    out.push({
      id: now.id, figures: now.figures.join(', '), quote: now.quote, previous_wave: before.wave, previous_status: before.status, newest_wave: now.wave, newest_status: now.status, change,
      note: [...new Set(reasons)].join('; '),
    });
  }
  return out;
}

export async function writeClaimChanges(db: Db, schema: string, changes: ClaimChange[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${schema}.claim_changes (id VARCHAR, figures VARCHAR, quote VARCHAR, previous_wave VARCHAR, previous_status VARCHAR, newest_wave VARCHAR, newest_status VARCHAR, change VARCHAR, note VARCHAR)`);
  await insertRows(db, `${schema}.claim_changes`, changes.map((c) => [c.id, c.figures, c.quote, c.previous_wave, c.previous_status, c.newest_wave, c.newest_status, c.change, c.note]));
}
