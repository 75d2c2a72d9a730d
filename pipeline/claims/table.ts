/** The `claims` table of the warehouse: one row per claim with its status on the wave, for the report. */
import type { Db } from '../core/db.ts';
import type { ClaimResult } from './index.ts';

const COLUMNS = ['id', 'figures', 'kind', 'scope', 'flags', 'quote', 'check_text', 'wave', 'status', 'meets', 'computed', 'note', 'method'] as const;

export type ClaimRow = Record<(typeof COLUMNS)[number], string>;

export async function writeClaims(db: Db, schema: string, results: ClaimResult[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${schema}.claims (${COLUMNS.map((c) => `${c} VARCHAR`).join(', ')})`);
  const appender = await db.createAppender('claims', schema);
  try {
    for (const r of results) {
      const row: ClaimRow = {
        id: r.id, figures: r.figures.join(', '), kind: r.kind, scope: r.scope, flags: r.flags.join(', '), quote: r.quote, check_text: r.check,
        wave: r.wave, status: r.status, meets: r.meets === null ? '' : String(r.meets), computed: r.computed, note: r.note, method: r.method,
      };
      for (const c of COLUMNS) appender.appendVarchar(row[c]);
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}
