/** Variable metadata read back from the warehouse's codebook tables (dim_variables, dim_codes). */
import type { Db } from '../core/db.ts';
import { all, ident, literal } from '../core/db.ts';
import { PipelineError } from '../core/errors.ts';

export interface CodeInfo {
  code: number;
  label: string;
  is_dont_know: boolean;
}

export interface VariableInfo {
  survey: string;
  wave: string;
  variable: string;
  kind: string;
  label: string;
  ordinal: boolean;
  codes: CodeInfo[];
  dontKnow: number | null;
  /** The two highest substantive codes (top-2), for ordinal sets. */
  top2: number[];
  askedIf: { variable: string; values: string[] } | null;
}

/**
 * Codebook facts do not change while a warehouse is open for analysis (the derived variables are
 * registered before anything asks), so a wave's codebook is read once per connection: two queries
 * (dim_variables, dim_codes) instead of two per item.
 */
const waveCodebooks = new WeakMap<Db, Map<string, Promise<Map<string, VariableInfo>>>>();

function waveCodebook(db: Db, survey: string, wave: string): Promise<Map<string, VariableInfo>> {
  const cache = waveCodebooks.get(db) ?? new Map<string, Promise<Map<string, VariableInfo>>>();
  waveCodebooks.set(db, cache);
  const key = `${survey}|${wave}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = readWaveCodebook(db, survey, wave);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

export async function variableInfo(db: Db, survey: string, wave: string, variable: string): Promise<VariableInfo> {
  const info = (await waveCodebook(db, survey, wave)).get(variable);
  if (!info) throw new PipelineError(`unknown variable ${variable} in ${survey} ${wave} (see schemas/codebooks/)`);
  return info;
}

/** Forget what was read (after the codebook tables change, e.g. when derived variables are registered). */
export function clearMetadataCache(db: Db): void {
  waveCodebooks.delete(db);
  waveCache.delete(db);
  linkCache.delete(db);
}

/** A survey's waves with their codebooks, and every variable's link to the previous codebook. */
export interface WaveLinks {
  waves: Array<{ wave: string; codebook: string; previous_codebook: string | null }>;
  links: Array<{ wave: string; variable: string; link_change: string | null; link_from: string | null; link_comparable: boolean | null; link_note: string | null; kind: string }>;
}

const linkCache = new WeakMap<Db, Map<string, Promise<WaveLinks>>>();

/** The codebook links of a survey (dim_waves, dim_variables), read once per connection. */
export function waveLinks(db: Db, survey: string): Promise<WaveLinks> {
  const mine = linkCache.get(db) ?? new Map<string, Promise<WaveLinks>>();
  linkCache.set(db, mine);
  let hit = mine.get(survey);
  if (!hit) {
    hit = (async () => ({
      waves: await all<WaveLinks['waves'][number]>(db, `SELECT wave, codebook, previous_codebook FROM dim_waves WHERE survey = $survey ORDER BY wave`, { survey }),
      links: await all<WaveLinks['links'][number]>(db, `SELECT wave, variable, link_change, link_from, link_comparable, link_note, kind FROM dim_variables WHERE survey = $survey`, { survey }),
    }))();
    mine.set(survey, hit);
  }
  return hit;
}

async function readWaveCodebook(db: Db, survey: string, wave: string): Promise<Map<string, VariableInfo>> {
  const variables = await all<Record<string, string | null>>(db, `SELECT * FROM dim_variables WHERE survey = $survey AND wave = $wave ORDER BY position`, { survey, wave });
  const codeRows = await all<CodeInfo & { value_set: string; ordinal: boolean }>(db, `SELECT value_set, code, label, is_dont_know, ordinal FROM dim_codes WHERE survey = $survey AND wave = $wave ORDER BY value_set, position`, { survey, wave });
  const sets = new Map<string, Array<CodeInfo & { ordinal: boolean }>>();
  for (const c of codeRows) {
    const set = sets.get(c.value_set);
    if (set) set.push(c);
    else sets.set(c.value_set, [c]);
  }
  return new Map(variables.map((v) => [String(v.variable), toInfo(survey, wave, v, v.value_set ? (sets.get(v.value_set) ?? []) : [])]));
}

function toInfo(survey: string, wave: string, v: Record<string, string | null>, codes: Array<CodeInfo & { ordinal: boolean }>): VariableInfo {
  const substantive = codes.filter((c) => !c.is_dont_know).map((c) => c.code).sort((a, b) => a - b);
  const ordinal = codes[0]?.ordinal ?? false;
  return {
    survey,
    wave,
    variable: String(v.variable),
    kind: String(v.kind),
    label: String(v.label),
    ordinal,
    codes: codes.map(({ code, label, is_dont_know }) => ({ code, label, is_dont_know })),
    dontKnow: codes.find((c) => c.is_dont_know)?.code ?? null,
    top2: ordinal ? substantive.slice(-2) : [],
    askedIf: v.asked_if_variable ? { variable: v.asked_if_variable, values: String(v.asked_if_values).split(';') } : null,
  };
}

/** SQL condition selecting the respondents who were asked the item (true when unrouted). */
export function routingCondition(info: VariableInfo): string {
  if (!info.askedIf) return 'true';
  const values = info.askedIf.values.map((v) => (/^\d+$/.test(v) && !v.startsWith('0') ? literal(Number(v)) : literal(v)));
  return `${ident(info.askedIf.variable)} IN (${values.join(', ')})`;
}

/** A domain: respondents whose variables hold one of the listed codes (e.g. `{ stilling: [1] }`). */
export type Domain = Readonly<Record<string, readonly number[]>>;

/** SQL condition selecting a domain (true when there is none); the codes are codebook constants. */
export function domainCondition(where: Domain | undefined): string {
  const parts = Object.entries(where ?? {}).map(([variable, codes]) => `${ident(variable)} IN (${codes.map((c) => literal(c)).join(', ')})`);
  return parts.length ? parts.join(' AND ') : 'true';
}

const waveCache = new WeakMap<Db, Map<string, Promise<string[]>>>();

/** The waves of a survey in the warehouse, oldest first (read once per connection). */
export function wavesOf(db: Db, survey: string): Promise<string[]> {
  const cache = waveCache.get(db) ?? new Map<string, Promise<string[]>>();
  waveCache.set(db, cache);
  let hit = cache.get(survey);
  if (!hit) {
    hit = all<{ wave: string }>(db, `SELECT wave FROM dim_waves WHERE survey = $survey ORDER BY wave`, { survey }).then((rows) => rows.map((r) => r.wave));
    cache.set(survey, hit);
  }
  return hit;
}

/** The analysis table: staged responses plus the derived variables (derived.ts). */
export function responsesTable(survey: string): string {
  return `fct_${survey}__responses`;
}
