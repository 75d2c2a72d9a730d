/**
 * Who answered an ordfører/rådmann wave, and the disposition of everyone invited, from the wave's
 * fieldwork (for 2019 Vedlegg D's, see fieldwork.ts): answering kommuner are drawn at random, or,
 * when the wave follows an earlier one, kommuner that answered then are likelier to answer again.
 */
import type { OrAllocation } from '../../schemas/simulation.ts';
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

/** What a wave's allocation needs: its counts and first invitation date. */
export interface AllocationPlan extends OrAllocation {
  start: string;
}

/** The kommuner (this wave's numbers) that answered the previous wave, and how much likelier they answer again. */
export interface PanelTendency {
  answered: Set<string>;
  weight: number;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A random order in which each key's chance to come early grows with its weight (Efraimidis–Spirakis). */
function weightedOrder(keys: string[], weight: (k: string) => number, rng: Rng): string[] {
  return keys.map((k) => ({ k, key: Math.log(1 - rng.next()) / weight(k) })).sort((a, b) => b.key - a.key || a.k.localeCompare(b.k)).map((x) => x.k);
}

export function allocateRespondents(invitees: Invitee[], rng: Rng, plan: AllocationPlan, panel?: PanelTendency): Allocation {
  const fieldworkStart = Date.parse(`${plan.start}T00:00:00Z`);
  const byKommune = new Map<string, Invitee[]>();
  for (const inv of invitees) if (inv.kommune.kommunenr !== '0301') byKommune.set(inv.kommune.kommunenr, [...(byKommune.get(inv.kommune.kommunenr) ?? []), inv]);
  const pick = (k: string, g: 'ordforer' | 'radmann') => byKommune.get(k)!.find((i) => i.gruppe === g)!;
  const kommuner = panel ? weightedOrder([...byKommune.keys()].sort(), (k) => (panel.answered.has(k) ? panel.weight : 1), rng) : rng.shuffle([...byKommune.keys()].sort());
  let next = 0;
  const take = (n: number) => kommuner.slice(next, (next += n));
  const respondents: SimRespondent[] = [];
  const add = (invitee: Invitee, rolle: 1 | 2 | 3, empty = false) =>
    respondents.push({ invitee, rolle, group: rolle === 1 ? 'ordforer' : rolle === 2 ? 'radmann' : 'annet', stopAfter: null, empty });
  const oslo = invitees.filter((i) => i.kommune.kommunenr === '0301');
  rng.shuffle(oslo.filter((i) => i.gruppe === 'ordforer')).slice(0, plan.oslo_ordforer).forEach((i) => add(i, 1));
  rng.shuffle(oslo.filter((i) => i.gruppe === 'radmann')).slice(0, plan.oslo_radmann).forEach((i) => add(i, 2));
  for (const k of take(plan.both_outside_oslo)) {
    add(pick(k, 'ordforer'), 1);
    add(pick(k, 'radmann'), 2);
  }
  for (const k of take(plan.ordforer_only)) add(pick(k, 'ordforer'), 1);
  for (const k of take(plan.radmann_only)) add(pick(k, 'radmann'), 2);
  for (const [i, k] of take(plan.annet.length).entries()) add(pick(k, plan.annet[i]!), 3);
  for (const k of take(plan.empty_partials)) {
    const gruppe = rng.next() < 0.5 ? 'ordforer' : 'radmann';
    add(pick(k, gruppe), gruppe === 'ordforer' ? 1 : 2, true);
  }
  for (const group of ['ordforer', 'radmann'] as const) {
    const stops = plan.partial_stops[group];
    const pool = rng.shuffle(respondents.filter((r) => r.group === group && !r.empty));
    stops.forEach((q, i) => (pool[i]!.stopAfter = q));
  }
  const answered = new Map(respondents.map((r) => [r.invitee.resp_id, r]));
  const others = rng.shuffle(invitees.filter((i) => !answered.has(i.resp_id)));
  const bounced = new Set(others.slice(0, plan.bounced).map((i) => i.resp_id));
  const refused = new Set(others.slice(plan.bounced, plan.bounced + plan.refused).map((i) => i.resp_id));
  const dispositions: SimDisposition[] = invitees.map((invitee) => {
    const r = answered.get(invitee.resp_id);
    if (r) {
      const purringer = rng.int(4);
      const day = purringer * 7 + rng.int(7);
      return { invitee, status: r.empty || r.stopAfter ? 'partial' : 'answered', purringer, dato_svar: r.empty || r.stopAfter ? null : isoDate(fieldworkStart + day * 86400000) };
    }
    if (bounced.has(invitee.resp_id)) return { invitee, status: 'bounced', purringer: 0, dato_svar: null };
    if (refused.has(invitee.resp_id)) return { invitee, status: 'refused', purringer: rng.int(3), dato_svar: null };
    return { invitee, status: 'invited', purringer: 3, dato_svar: null };
  });
  respondents.sort((a, b) => a.invitee.resp_id.localeCompare(b.invitee.resp_id));
  return { respondents, dispositions };
}
