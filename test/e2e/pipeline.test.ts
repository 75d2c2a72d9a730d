/**
 * End to end on a tiny fixture with one broken row per rule: the whole pipeline runs, bad rows
 * land in quarantine with their reasons, the accounting adds up, and no personal data reaches out/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb, all } from '../../pipeline/core/db.ts';
import { runPipeline, type RunSummary } from '../../pipeline/run.ts';
import { filesUnder } from '../helpers/files.ts';

const RAW = 'test/fixtures/or-tiny/raw';
let out: string;
let summary: RunSummary;


beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'survey-e2e-')), 'out');
  summary = await runPipeline({ rawDir: RAW, outDir: out });
});

describe('row accounting', () => {
  it('rows read = rows loaded + rows quarantined, per file', () => {
    const responses = summary.manifest.files.find((f) => f.file === 'ordforer_radmann/2019/responses.csv')!;
    expect(responses).toMatchObject({ rows_read: 14, rows_loaded: 9, rows_quarantined: 5, empty_rows_skipped: 1 });
    const sample = summary.manifest.files.find((f) => f.role === 'sample')!;
    expect(sample).toMatchObject({ rows_read: 15, rows_loaded: 14, rows_quarantined: 1 });
    const baselines = summary.manifest.files.find((f) => f.role === 'baselines')!;
    expect(baselines).toMatchObject({ rows_read: 4, rows_loaded: 3, rows_quarantined: 1 });
    for (const f of summary.manifest.files) expect(f.rows_read).toBe(f.rows_loaded + f.rows_quarantined);
  });

  it('the manifest on disk says the same', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { file: string }) => f.file)).toContain('ordforer_radmann/2019/responses.csv');
    expect(manifest.totals.rows_read).toBe(manifest.totals.rows_loaded + manifest.totals.rows_quarantined);
  });
});

describe('quarantine', () => {
  const quarantine = () =>
    Papa.parse<Record<string, string>>(readFileSync(join(out, 'quarantine/ordforer_radmann/2019/responses.csv.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

  it('holds each bad row once, with every reason naming column, expected and found', () => {
    const rows = quarantine();
    expect(rows.map((r) => [r.row, r.codes])).toEqual([
      ['8', 'E_CODE_INVALID'],
      ['9', 'E_KOMMUNENR_INVALID'],
      ['10', 'E_ID_DUPLICATE'],
      ['13', 'E_ID_MISSING'],
      ['14', 'E_ROW_FIELDS'],
    ]);
    expect(rows[0]!.messages).toContain('pm_fungerer');
    expect(rows[0]!.messages).toContain('kode 1–5 eller 9');
    expect(rows[0]!.messages).toContain('fant «7»');
  });

  it('keeps the first of two identical copies and loads it', async () => {
    const { db, close } = await openDb(join(out, 'survey.duckdb'), { readOnly: true });
    try {
      const rows = await all<{ resp_id: string; _row: number }>(db, `SELECT resp_id, _row FROM stg_ordforer_radmann__responses WHERE resp_id = 'T-002'`);
      expect(rows).toEqual([{ resp_id: 'T-002', _row: 3 }]);
    } finally {
      close();
    }
  });
});

describe('warnings', () => {
  it('flags padding, routing, exclusive options, role mismatch and missing responses', async () => {
    const issues = Papa.parse<Record<string, string>>(readFileSync(join(out, 'validation_issues.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const codes = (code: string) => issues.filter((i) => i.code === code).map((i) => `${i.row}:${i.column_name}`);
    expect(codes('W_PADDED')).toEqual(['6:kommunenr']);
    expect(codes('W_ROUTING')).toEqual(['11:vert_foretrukket']);
    expect(codes('W_MULTI_EXCLUSIVE')).toEqual(['12:pm_deltar_vet_ikke']);
    expect(codes('W_ROLE_MISMATCH')).toEqual(['11:rolle']);
    expect(codes('W_PII_REDACTED')).toEqual(['7:tjenester_annet_tekst']);
    expect(codes('W_DISPOSITION_NO_RESPONSE')).toEqual(['15:status']);
    expect(codes('E_STATUS_INVALID')).toEqual(['16:status']);
  });
});

describe('personal data', () => {
  it('never reaches out/: no e-mail address, national id number or sample name', () => {
    for (const file of filesUnder(out).map((f) => join(out, f))) {
      const text = readFileSync(file).toString('latin1');
      expect(text, file).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]/);
      expect(text, file).not.toContain('01019012345');
      expect(text, file).not.toContain('Kari Eksempel');
    }
  });

  it('free text is loaded with the personal data replaced', async () => {
    const { db, close } = await openDb(join(out, 'survey.duckdb'), { readOnly: true });
    try {
      const [row] = await all<{ t: string }>(db, `SELECT tjenester_annet_tekst AS t FROM stg_ordforer_radmann__responses WHERE resp_id = 'T-006'`);
      expect(row!.t).toBe('Kontakt [fjernet], fnr [fjernet]');
    } finally {
      close();
    }
  });
});

describe('report', () => {
  it('is written, shows the figures with data, and has no simulated-data banner for real data', () => {
    const html = readFileSync(join(out, 'report/utskrift.html'), 'utf8');
    expect(html).toContain('data-figure="F15"');
    expect(html).toContain('data-figure="T1"');
    expect(html).not.toContain('Simulerte data');
    expect(html).not.toMatch(/<script|(src|href)="https?:/);
  });
});
