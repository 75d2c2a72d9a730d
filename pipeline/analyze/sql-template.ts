/**
 * Fills a named SQL model's placeholders: `{{name}}` takes a quoted identifier, and a few
 * placeholders take SQL built from codebook constants (routing rules). Data values are never
 * spliced: they are bound as `$parameters`.
 */
import { ident, sqlFile } from '../core/db.ts';

export function sqlTemplate(model: string, identifiers: Record<string, string>, fragments: Record<string, string> = {}): string {
  return sqlFile(`analyze/sql/${model}.sql`).replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (key in identifiers) return ident(identifiers[key] as string);
    if (key in fragments) return fragments[key] as string;
    throw new Error(`sql model ${model}: no value for {{${key}}}`);
  });
}
