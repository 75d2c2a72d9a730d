/**
 * out/ is switched in only when a run succeeds: a run that fails on an unusable input, or that is
 * killed half-way, leaves the previous out/ exactly as it was; the next run clears what a killed
 * run left behind.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/core/errors.ts';
import { runPipeline } from '../../pipeline/run.ts';

const RAW = 'test/fixtures/or-tiny/raw';

function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'latin1')]));
}

describe('atomic out/', () => {
  it('a run that fails on an unusable input leaves the previous out/ as it was', async () => {
    const root = mkdtempSync(join(tmpdir(), 'survey-atomic-'));
    const out = join(root, 'out');
    await runPipeline({ rawDir: RAW, outDir: out });
    const before = snapshot(out);
    const broken = join(root, 'raw');
    cpSync(RAW, broken, { recursive: true });
    writeFileSync(join(broken, 'ordforer_radmann/2019/responses.csv'), 'resp_id,kommunenr\nT-001,1001\n');
    await expect(runPipeline({ rawDir: broken, outDir: out })).rejects.toBeInstanceOf(PipelineError);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['out', 'raw']);
  }, 60_000);

  it('a run killed half-way leaves the previous out/ as it was, and the next run clears its leftovers', async () => {
    const root = mkdtempSync(join(tmpdir(), 'survey-killed-'));
    const out = join(root, 'out');
    await runPipeline({ rawDir: RAW, outDir: out });
    const before = snapshot(out);
    const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', 'pipeline', '--raw', 'raw', '--out', out], { stdio: 'ignore' });
    // Killed once its temporary folder exists, i.e. in the middle of the run.
    const tmp = `out.tmp-${child.pid}`;
    for (let i = 0; i < 400 && !existsSync(join(root, tmp)); i++) await new Promise((r) => setTimeout(r, 25));
    expect(existsSync(join(root, tmp))).toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(root)).toContain(tmp);
    await runPipeline({ rawDir: RAW, outDir: out });
    expect(readdirSync(root)).toEqual(['out']);
  }, 90_000);
});
