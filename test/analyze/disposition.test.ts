/**
 * Tabell 2 from the sample/disposition file: the report's counts and rates, and the AAPOR rates
 * (Standard Definitions, known eligibility) computed by hand from the same dispositions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aapor } from '../../pipeline/analyze/figures/disposition.ts';
import { all, type Db } from '../../pipeline/core/db.ts';
import { openDemoWarehouse } from '../helpers/demo-warehouse.ts';

describe('AAPOR rates', () => {
  it('follow RR1, RR2, COOP1 and COOP2 with every case eligible', () => {
    // I 100, P 10, R 5 refused + 5 broken off, NC 380 no reply + 20 bounced.
    const r = aapor({ invited: 520, completed: 100, partial: 10, refused: 5, broken_off: 5, no_reply: 380, bounced: 20, absent: 0 });
    expect(r.rr1).toBeCloseTo(100 / 520, 12);
    expect(r.rr2).toBeCloseTo(110 / 520, 12);
    expect(r.coop1).toBeCloseTo(100 / 120, 12);
    expect(r.coop2).toBeCloseTo(110 / 120, 12);
  });
});

describe('Tabell 2 on the demo data', () => {
  let db: Db;
  let close: () => void;
  beforeAll(async () => {
    ({ db, close } = await openDemoWarehouse('t2', { waves: ['2019'] }));
  });
  afterAll(() => close?.());

  const value = async (group: string, measure: string) =>
    (await all<{ value: number }>(db, `SELECT value FROM results WHERE figure_id = 'T2' AND group_code = $g AND measure = $m`, { g: group, m: measure }))[0]?.value;

  it('reproduces the printed table: 436 / 436 / 872 invited, 158 / 106 / 268 answered, 36 / 24 / 31 %', async () => {
    expect([await value('radmann', 'invited'), await value('ordforer', 'invited'), await value('or_alle', 'invited')]).toEqual([436, 436, 872]);
    expect([await value('radmann', 'answered'), await value('ordforer', 'answered'), await value('annet', 'answered'), await value('or_alle', 'answered')]).toEqual([158, 106, 4, 268]);
    expect(Math.round((await value('radmann', 'response_rate'))!)).toBe(36);
    expect(Math.round((await value('ordforer', 'response_rate'))!)).toBe(24);
    expect(Math.round((await value('or_alle', 'response_rate'))!)).toBe(31);
  });

  it('computes the AAPOR rates from the sample file, not from the responses alone', async () => {
    const counts = await all<{ status: string; n: number }>(db, `SELECT status, count(*)::INTEGER AS n FROM stg_ordforer_radmann__sample GROUP BY ALL`);
    const n = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
    // The 4 empty partial responses are break-offs (R), the other partial responses count as P.
    const partialWithAnswers = (await value('or_alle', 'n_partial'))!;
    expect(partialWithAnswers + (await value('or_alle', 'n_broken_off'))!).toBe(n('partial'));
    const I = n('answered');
    const denominator = I + n('partial') + n('refused') + n('invited') + n('bounced') + n('absent');
    expect((await value('or_alle', 'aapor_rr1'))!).toBeCloseTo((100 * I) / denominator, 10);
    expect((await value('or_alle', 'aapor_rr2'))!).toBeCloseTo((100 * (I + partialWithAnswers)) / denominator, 10);
  });
});

describe('count_partial (wave.json)', () => {
  it('false counts only completed responses as «besvarte»; partial ones stay in the AAPOR RR2', async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runPipeline } = await import('../../pipeline/run.ts');
    const { openDb } = await import('../../pipeline/core/db.ts');
    const root = mkdtempSync(join(tmpdir(), 'survey-partial-'));
    const answered = async (countPartial: boolean) => {
      const raw = join(root, String(countPartial), 'raw');
      cpSync('raw/ordforer_radmann/2019', join(raw, 'ordforer_radmann/2019'), { recursive: true });
      const manifest = join(raw, 'ordforer_radmann/2019/wave.json');
      writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), count_partial: countPartial }));
      const out = join(root, String(countPartial), 'out');
      await runPipeline({ rawDir: raw, outDir: out });
      const { db, close } = await openDb(join(out, 'survey.duckdb'), { readOnly: true });
      try {
        const rows = await all<{ measure: string; value: number }>(db, `SELECT measure, value FROM results WHERE figure_id = 'T2' AND group_code = 'or_alle' AND measure IN ('answered', 'n_partial', 'aapor_rr2')`);
        return Object.fromEntries(rows.map((r) => [r.measure, r.value]));
      } finally {
        close();
      }
    };
    const [yes, no] = [await answered(true), await answered(false)];
    expect(yes.n_partial).toBeGreaterThan(0);
    expect(no.answered).toBe(yes.answered! - yes.n_partial!);
    expect(no.aapor_rr2).toBe(yes.aapor_rr2);
  }, 60_000);
});
