/** The bundled kommune list for a classification year (`schemas/reference/kommuner-<year>.csv`). */
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { PipelineError } from './errors.ts';

export interface Kommune {
  kommunenr: string;
  kommune: string;
  fylkesnr: string;
  fylke: string;
}

export function kommuneListPath(year: number): URL {
  return new URL(`../../schemas/reference/kommuner-${year}.csv`, import.meta.url);
}

export function readKommuner(year: number): Kommune[] {
  const path = kommuneListPath(year);
  if (!existsSync(path)) throw new PipelineError(`no bundled kommune list for ${year} (schemas/reference/kommuner-${year}.csv)`);
  const parsed = Papa.parse<Kommune>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data;
}

/** The bundled list for a year, or null when the project bundles none (it never guesses one). */
export function bundledKommuner(year: number): Kommune[] | null {
  return existsSync(kommuneListPath(year)) ? readKommuner(year) : null;
}
