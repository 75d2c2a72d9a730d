#!/usr/bin/env node
/**
 * Starts the CLI (pipeline/cli.ts) fast. Running TypeScript through tsx's loader costs ~0.5 s of
 * module resolution on every run; here the CLI is bundled once with esbuild (which tsx brings)
 * into node_modules/.cache/survey/cli.mjs and rebuilt only when a source file is newer than the
 * bundle. Each module's `import.meta.url` keeps pointing at its own source file, so paths to
 * codebooks, SQL models and notebooks resolve as they do unbundled. Without esbuild, or when the
 * bundle cannot be built, the CLI runs through tsx as before.
 */
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'node_modules', '.cache', 'survey', 'cli.mjs');
const SOURCES = ['pipeline', 'schemas', 'notebooks'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    return SOURCES.every((d) => newestSource(join(root, d)) < built) && statSync(fileURLToPath(import.meta.url)).mtimeMs < built;
  } catch {
    return false;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  const { readFile } = await import('node:fs/promises');
  mkdirSync(dirname(bundle), { recursive: true });
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => ({
        contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      }));
    },
  };
  // Written beside and renamed into place, so that a run starting meanwhile never reads half a file.
  const partial = `${bundle}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [join(root, 'pipeline', 'cli.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    plugins: [ownUrl],
  });
  renameSync(partial, bundle);
}

let ready = bundleIsFresh();
if (!ready) {
  try {
    await build();
    ready = true;
  } catch (e) {
    console.error(`(bundling the CLI failed, running it through tsx: ${e.message})`);
  }
}
if (ready) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'pipeline', 'cli.ts')).href);
}
