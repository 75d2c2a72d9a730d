/**
 * The proof that a wave is data only: a copy of the project gets a new wave folder and its
 * codebook — files under raw/ and schemas/codebooks/, no code — and the pipeline finds the wave
 * in the warehouse, in the trends (tested against the wave before, through the codebook links)
 * and in the report. The README's «How to add a new wave» is written from this.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { all, openDb } from '../../pipeline/core/db.ts';

const ROOT = resolve('.');
const SKIP = new Set(['node_modules', 'out', '.git']);
let copy: string;
let run: ReturnType<typeof spawnSync>;
let codeBefore: string[];

/** Every file of the copy that is not data (raw/, schemas/codebooks/), with its content. */
function codeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/(^|\/)(raw|schemas\/codebooks|out|node_modules)(\/|$)/.test(join(e.parentPath, e.name).slice(dir.length + 1)))
    .map((e) => `${join(e.parentPath, e.name).slice(dir.length + 1)}:${readFileSync(join(e.parentPath, e.name)).length}`)
    .sort();
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'survey-new-wave-'));
  for (const entry of readdirSync(ROOT)) if (!SKIP.has(entry)) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  // Keep the ordfører/rådmann survey only, to stay quick.
  for (const d of ['kontor', 'crosswalks']) rmSync(join(copy, 'raw', d), { recursive: true, force: true });
  codeBefore = codeFiles(copy);

  // The analyst's steps: a codebook linked to the last one, and the wave's exports in a new folder.
  const last = JSON.parse(readFileSync(join(copy, 'schemas/codebooks/ordforer_radmann-2023.json'), 'utf8'));
  const codebook = {
    ...last,
    wave: '2027',
    instrument: 'OR2027',
    title: last.title.replace('2023', '2027'),
    previous: 'ordforer_radmann/2023',
    dropped: [],
    variables: last.variables.map((v: { link?: unknown }) => ({ ...v, link: { change: 'same' } })),
  };
  writeFileSync(join(copy, 'schemas/codebooks/ordforer_radmann-2027.json'), `${JSON.stringify(codebook, null, 1)}\n`);
  const from = join(copy, 'raw/ordforer_radmann/2023');
  const to = join(copy, 'raw/ordforer_radmann/2027');
  cpSync(from, to, { recursive: true });
  for (const f of ['responses.csv', 'sample.csv']) writeFileSync(join(to, f), readFileSync(join(from, f), 'utf8').replaceAll('SIM-OR23-', 'SIM-OR27-').replaceAll(',2023,', ',2027,'));
  const manifest = JSON.parse(readFileSync(join(to, 'wave.json'), 'utf8'));
  writeFileSync(join(to, 'wave.json'), JSON.stringify({ ...manifest, wave: '2027', kommune_classification_year: 2027, simulation: undefined }, null, 2));

  run = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', 'pipeline'], { cwd: copy, encoding: 'utf8' });
}, 180_000);

describe('a new wave is data and a codebook only', () => {
  it('no code changed: only files under raw/ and schemas/codebooks/ were added', () => {
    expect(codeFiles(copy)).toEqual(codeBefore);
  });

  it('the pipeline runs and loads the new wave', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ordforer_radmann/2027/responses.csv');
  });

  it('the warehouse has the wave, its responses and its results', async () => {
    const { db, close } = await openDb(join(copy, 'out/survey.duckdb'), { readOnly: true });
    try {
      expect((await all<{ wave: string }>(db, `SELECT wave FROM dim_waves WHERE survey = 'ordforer_radmann' ORDER BY wave`)).map((w) => w.wave)).toEqual(['2019', '2023', '2027']);
      expect((await all<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM stg_ordforer_radmann__responses WHERE wave = '2027'`))[0]!.n).toBeGreaterThan(100);
      // F01: 2011 → 2019 → 2023 → 2027, tested wave over wave where the links allow it.
      const tests = await all<{ test: string; comparison: string }>(db, `SELECT test, comparison FROM results WHERE figure_id = 'F01' AND measure = 'test' AND variable = 'innflytelse_navfylke' ORDER BY comparison, test`);
      expect(tests.filter((t) => t.test === 'z_2prop').map((t) => t.comparison)).toEqual(['ordforer 2011 → 2019', 'ordforer 2019 → 2023', 'ordforer 2023 → 2027']);
      // Between microdata waves also the paired test within the kommuner that answered both.
      expect(tests.filter((t) => t.test === 'mcnemar_exact').map((t) => t.comparison)).toEqual(['ordforer 2019 → 2023', 'ordforer 2023 → 2027']);
      // pm_fungerer was reworded in 2023 (not comparable with 2019) and kept in 2027: 2023 → 2027 is tested, 2019 → 2023 is not.
      const f15 = await all<{ measure: string; comparison: string }>(db, `SELECT measure, comparison FROM results WHERE figure_id = 'F15' AND comparison LIKE 'ordforer 20%'`);
      expect(f15).toEqual(expect.arrayContaining([{ measure: 'not_tested', comparison: 'ordforer 2019 → 2023' }, { measure: 'test', comparison: 'ordforer 2023 → 2027' }]));
      // The claims are compared between 2023 and 2027.
      expect((await all<{ w: string }>(db, `SELECT DISTINCT previous_wave || '→' || newest_wave AS w FROM claim_changes WHERE newest_wave <> ''`)).map((r) => r.w)).toEqual(['2023→2027']);
    } finally {
      close();
    }
  });

  it('the report shows the new wave', () => {
    const html = readFileSync(join(copy, 'out/report/utskrift.html'), 'utf8');
    expect(html).toContain('ordforer_radmann 2027 (simulert)');
    expect(html).toMatch(/Bølger: 2011, 2019, 2023, 2027/);
    expect(readFileSync(join(copy, 'out/report/1-hva-er-endret.html'), 'utf8')).toContain('2023 → 2027');
  });
});
