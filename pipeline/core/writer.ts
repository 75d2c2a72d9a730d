/** Output side effect: stages write through this, so tests can pass an in-memory writer. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Writer {
  /** Absolute path of a file under the output folder (for tools such as DuckDB that write themselves). */
  path(relative: string): string;
  write(relative: string, content: string | Uint8Array): void;
}

export function folderWriter(root: string): Writer {
  return {
    path: (relative) => {
      const p = join(root, relative);
      mkdirSync(dirname(p), { recursive: true });
      return p;
    },
    write: (relative, content) => {
      const p = join(root, relative);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    },
  };
}

export function memoryWriter(): Writer & { files: Map<string, string | Uint8Array> } {
  const files = new Map<string, string | Uint8Array>();
  return { files, path: () => ':memory:', write: (relative, content) => void files.set(relative, content) };
}
