/**
 * Notebook pages: markdown with front matter (`title`, `order`, `figures`) whose body inserts
 * results by name — `{{figure F41}}` for a whole figure, `{{value <result_id>}}` and
 * `{{n <result_id>}}` for a number in the prose. Pages compute nothing themselves.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';
import { z } from 'zod';

export const FrontMatter = z.object({
  title: z.string(),
  order: z.coerce.number(),
  figures: z.array(z.string()).default([]),
});

export interface Notebook {
  file: string;
  front: z.infer<typeof FrontMatter>;
  body: string;
}

function parseFrontMatter(text: string, file: string): Notebook {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replaceAll('\r\n', '\n'));
  if (!m) throw new Error(`${file}: missing front matter (--- … ---)`);
  const fields: Record<string, unknown> = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^(\w+):\s*(.*)$/.exec(line.trim());
    if (!kv) continue;
    const value = kv[2]!.trim();
    fields[kv[1]!] = value.startsWith('[') ? value.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean) : value.replace(/^["']|["']$/g, '');
  }
  return { file, front: FrontMatter.parse(fields), body: m[2]! };
}

export function readNotebooks(dir: string): Notebook[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => parseFrontMatter(readFileSync(join(dir, f), 'utf8'), f))
    .sort((a, b) => a.front.order - b.front.order);
}

export interface Inserts {
  figure(id: string): string;
  value(resultId: string): string;
  n(resultId: string): string;
  /** The claims re-checked on this wave (`{{claims}}` on a line of its own). */
  claims(): string;
  /** What changed since the previous wave (`{{changes}}`). */
  changes(): string;
  /** The figures of items new in the newest wave (`{{new_items}}`). */
  newItems(): string;
  /** Units that answered in both of the last two waves (`{{overlap}}`). */
  overlap(): string;
}

const marked = new Marked({ gfm: true, async: false });

function blockInsert(inserts: Inserts, name: string): string {
  return name === 'claims' ? inserts.claims() : name === 'changes' ? inserts.changes() : name === 'new_items' ? inserts.newItems() : inserts.overlap();
}

/** Markdown → HTML; figure placeholders become blocks, inline placeholders become formatted numbers. */
export function renderNotebook(nb: Notebook, inserts: Inserts): string {
  const withNumbers = nb.body.replace(/\{\{(value|n) ([^}\s]+)\}\}/g, (_, kind: 'value' | 'n', id: string) => inserts[kind](id));
  return withNumbers
    .split(/^\{\{(figure \w+|claims|changes|new_items|overlap)\}\}$/m)
    .map((part, i) => (i % 2 === 0 ? (marked.parse(part) as string) : part.startsWith('figure ') ? inserts.figure(part.slice('figure '.length)) : blockInsert(inserts, part)))
    .join('\n');
}
