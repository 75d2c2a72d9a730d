/** Label exports and recodes (exports.md §2.4, §6): matching keys, the nearest label, recodes end to end. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { all, literal, openDb } from '../../pipeline/core/db.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { labelKey, labelKeySql, nearestLabelSql } from '../../pipeline/validate/labels.ts';

describe('label matching', () => {
  const texts = ['  I  svært\tstor grad ', 'I SVÆRT STOR GRAD', 'Verken god – eller dårlig', '«Vet ikke»', 'A\u030Apen'];
  it('normalises NFC, blanks, case, dashes and quotes', () => {
    expect(texts.map(labelKey)).toEqual(['i svært stor grad', 'i svært stor grad', 'verken god - eller dårlig', '"vet ikke"', 'åpen']);
  });
  it('gives the same key in SQL as in JavaScript', async () => {
    const { db, close } = await openDb(':memory:');
    try {
      const list = `[${texts.map(literal).join(', ')}]`;
      const rows = await all<{ k: string }>(db, `SELECT ${labelKeySql('t')} AS k FROM (SELECT unnest(${list}) AS t, generate_subscripts(${list}, 1) AS i) ORDER BY i`);
      expect(rows.map((r) => r.k)).toEqual(texts.map(labelKey));
    } finally {
      close();
    }
  });
  it('names the nearest codebook label of an unknown one', async () => {
    const labels = [{ code: 4, label: 'I nokså stor grad', keys: ['i nokså stor grad'] }, { code: 5, label: 'I svært stor grad', keys: ['i svært stor grad'] }];
    const { db, close } = await openDb(':memory:');
    const nearestLabel = async (text: string) => (await all<{ n: { code: number; label: string } }>(db, `SELECT ${nearestLabelSql(literal(text), labels)} AS n`))[0]!.n;
    try {
      expect(await nearestLabel('I svært stor grad!')).toEqual({ code: 5, label: 'I svært stor grad' });
      expect(await nearestLabel('nokså stor')).toEqual({ code: 4, label: 'I nokså stor grad' });
    } finally {
      close();
    }
  });
});

describe('recode (wave.json)', () => {
  it('maps a vendor code to the codebook code before validation; without it the code is invalid', async () => {
    const root = mkdtempSync(join(tmpdir(), 'survey-recode-'));
    const run = async (recode: Record<string, Record<string, number>> | null) => {
      const raw = join(root, recode ? 'with' : 'without', 'raw');
      cpSync('test/fixtures/or-tiny/raw', raw, { recursive: true });
      const responses = join(raw, 'ordforer_radmann/2019/responses.csv');
      writeFileSync(responses, readFileSync(responses, 'utf8').replace(/^(T-001,(?:[^,]*,){10})4,/m, '$199,'));
      if (recode) writeFileSync(join(raw, 'ordforer_radmann/2019/wave.json'), JSON.stringify({ recode }));
      const summary = await runPipeline({ rawDir: raw, outDir: join(raw, '..', 'out') });
      const { db, close } = await openDb(join(raw, '..', 'out', 'survey.duckdb'), { readOnly: true });
      try {
        const [row] = await all<{ v: number | null }>(db, `SELECT pm_fungerer AS v FROM stg_ordforer_radmann__responses WHERE resp_id = 'T-001'`);
        return { value: row?.v ?? null, invalid: summary.manifest.files.find((f) => f.role === 'responses')!.errors.E_CODE_INVALID ?? 0 };
      } finally {
        close();
      }
    };
    const without = await run(null);
    const withRecode = await run({ '*': { '99': 9 } });
    expect(withRecode.value).toBe(9);
    expect(without.value).toBeNull();
    expect(without.invalid).toBe(withRecode.invalid + 1);
  }, 60_000);
});
