/**
 * The command analysts run: `npm run pipeline` → bin/survey.mjs, which bundles the CLI once and
 * starts the bundle. The bundled CLI must find the codebooks, SQL models and notebooks as the
 * TypeScript sources do, and say the same as `node --import tsx pipeline/cli.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8' });

describe('bin/survey.mjs', () => {
  it('runs the pipeline on a fixture as the TypeScript CLI does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'survey-launcher-'));
    const viaBundle = run(['bin/survey.mjs', 'pipeline', '--raw', 'test/fixtures/or-tiny/raw', '--out', join(dir, 'a')]);
    expect(viaBundle.stderr).toBe('');
    expect(viaBundle.status).toBe(0);
    const viaTsx = run(['--import', 'tsx', 'pipeline/cli.ts', 'pipeline', '--raw', 'test/fixtures/or-tiny/raw', '--out', join(dir, 'b')]);
    expect(viaTsx.status).toBe(0);
    const strip = (s: string) => s.replace(/Time per stage.*/, '').replaceAll(join(dir, 'a'), 'OUT').replaceAll(join(dir, 'b'), 'OUT');
    expect(strip(viaBundle.stdout)).toBe(strip(viaTsx.stdout));
    expect(existsSync(join(dir, 'a', 'report', 'index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'a', 'validation_issues.csv'), 'utf8')).toBe(readFileSync(join(dir, 'b', 'validation_issues.csv'), 'utf8'));
  }, 60_000);
});
