/**
 * Who answered, and the disposition of everyone invited, reproducing Vedlegg D: 158 rådmenn, 106
 * ordførere and 4 "annet" counted as answered (Tabell 2), 7 bydelsdirektører and 9 bydelsutvalg
 * leaders in Oslo, 38 kommuner with both roles, 27 bounced addresses, at most 3 reminders, and 4
 * partial responses without a single answer (our reading of "272 personer" vs 268, figures.md I26).
 *
 * The source's 218 kommuner and 179 + 38 cannot all hold with these counts (I26): with 38 kommuner
 * with both roles (Oslo one of them), 264 ordfører/rådmann answers leave 174 single-role kommuner;
 * with the 4 "annet" in kommuner of their own the demo has 216 kommuner with an answer.
 */
import type { Rng } from '../core/rng.ts';
import type { Invitee } from './frame.ts';

export type Disposition = 'invited' | 'bounced' | 'partial' | 'answered' | 'refused';

export interface SimRespondent {
  invitee: Invitee;
  /** Self-reported role: 1 ordfører, 2 rådmann, 3 annet. */
  rolle: 1 | 2 | 3;
  group: 'ordforer' | 'radmann' | 'annet';
  /** Partial response: the last question answered (later questions are empty); null = complete. */
  stopAfter: string | null;
  /** Started but answered nothing (not counted as answered). */
  empty: boolean;
}

export interface SimDisposition {
  invitee: Invitee;
  status: Disposition;
  purringer: number;
  dato_svar: string | null;
}

export interface Allocation {
  respondents: SimRespondent[];
  dispositions: SimDisposition[];
}

export const ALLOCATION = {
  osloOrdforer: 9,
  osloRadmann: 7,
  bothOutsideOslo: 37,
  ordforerOnly: 60,
  radmannOnly: 114,
  annet: [{ invitedAs: 'radmann' }, { invitedAs: 'radmann' }, { invitedAs: 'radmann' }, { invitedAs: 'ordforer' }] as const,
  emptyPartials: 4,
  bounced: 27,
  refused: 4,
  /**
   * Partial respondents and the last question they answered. The stated n's leave room for
   * nothing earlier: 157 of 158 rådmenn and 101 of 106 ordførere answered Q24 (C259, C273).
   */
  partialStops: { ordforer: ['Q24', 'Q24'], radmann: ['Q24'] },
} as const;

const FIELDWORK_START = Date.UTC(2019, 2, 11);

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function allocateRespondents(invitees: Invitee[], rng: Rng): Allocation {
  const byKommune = new Map<string, Invitee[]>();
  for (const inv of invitees) if (inv.kommune.kommunenr !== '0301') byKommune.set(inv.kommune.kommunenr, [...(byKommune.get(inv.kommune.kommunenr) ?? []), inv]);
  const pick = (k: string, g: 'ordforer' | 'radmann') => byKommune.get(k)!.find((i) => i.gruppe === g)!;
  const kommuner = rng.shuffle([...byKommune.keys()].sort());
  let next = 0;
  const take = (n: number) => kommuner.slice(next, (next += n));
  const respondents: SimRespondent[] = [];
  const add = (invitee: Invitee, rolle: 1 | 2 | 3, empty = false) =>
    respondents.push({ invitee, rolle, group: rolle === 1 ? 'ordforer' : rolle === 2 ? 'radmann' : 'annet', stopAfter: null, empty });
  const oslo = invitees.filter((i) => i.kommune.kommunenr === '0301');
  rng.shuffle(oslo.filter((i) => i.gruppe === 'ordforer')).slice(0, ALLOCATION.osloOrdforer).forEach((i) => add(i, 1));
  rng.shuffle(oslo.filter((i) => i.gruppe === 'radmann')).slice(0, ALLOCATION.osloRadmann).forEach((i) => add(i, 2));
  for (const k of take(ALLOCATION.bothOutsideOslo)) {
    add(pick(k, 'ordforer'), 1);
    add(pick(k, 'radmann'), 2);
  }
  for (const k of take(ALLOCATION.ordforerOnly)) add(pick(k, 'ordforer'), 1);
  for (const k of take(ALLOCATION.radmannOnly)) add(pick(k, 'radmann'), 2);
  for (const [i, k] of take(ALLOCATION.annet.length).entries()) add(pick(k, ALLOCATION.annet[i]!.invitedAs), 3);
  for (const k of take(ALLOCATION.emptyPartials)) {
    const gruppe = rng.next() < 0.5 ? 'ordforer' : 'radmann';
    add(pick(k, gruppe), gruppe === 'ordforer' ? 1 : 2, true);
  }
  for (const group of ['ordforer', 'radmann'] as const) {
    const stops = ALLOCATION.partialStops[group];
    const pool = rng.shuffle(respondents.filter((r) => r.group === group && !r.empty));
    stops.forEach((q, i) => (pool[i]!.stopAfter = q));
  }
  const answered = new Map(respondents.map((r) => [r.invitee.resp_id, r]));
  const others = rng.shuffle(invitees.filter((i) => !answered.has(i.resp_id)));
  const bounced = new Set(others.slice(0, ALLOCATION.bounced).map((i) => i.resp_id));
  const refused = new Set(others.slice(ALLOCATION.bounced, ALLOCATION.bounced + ALLOCATION.refused).map((i) => i.resp_id));
  const dispositions: SimDisposition[] = invitees.map((invitee) => {
    const r = answered.get(invitee.resp_id);
    if (r) {
      const purringer = rng.int(4);
      const day = purringer * 7 + rng.int(7);
      return { invitee, status: r.empty || r.stopAfter ? 'partial' : 'answered', purringer, dato_svar: r.empty || r.stopAfter ? null : isoDate(FIELDWORK_START + day * 86400000) };
    }
    if (bounced.has(invitee.resp_id)) return { invitee, status: 'bounced', purringer: 0, dato_svar: null };
    if (refused.has(invitee.resp_id)) return { invitee, status: 'refused', purringer: rng.int(3), dato_svar: null };
    return { invitee, status: 'invited', purringer: 3, dato_svar: null };
  });
  respondents.sort((a, b) => a.invitee.resp_id.localeCompare(b.invitee.resp_id));
  return { respondents, dispositions };
}
