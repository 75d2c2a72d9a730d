/**
 * Who was invited to an office-survey wave and who answered, from the wave's fieldwork (2019:
 * Vedlegg D, Tabell 3 and 4, see fieldwork.ts): the census of unit leaders, the employees of the
 * sample offices that took part, counted once per sample their office is in, and the fieldwork
 * events per person (absent, returned, removed in round 1, added in round 2).
 *
 * Municipal unit leaders may name another office in their answer than the one they were invited
 * for (two-leader offices), which gives 2019's 220 leaders at 218 offices (L2781, I11).
 */
import type { KontorDesign, KontorPeople as PeopleCounts, Population } from '../../schemas/simulation.ts';
import type { Rng } from '../core/rng.ts';
import { allocateBounded } from './allocate.ts';
import type { SampleCell, SimOffice } from './kontor-offices.ts';
import { largestRemainder } from './quota.ts';

export type KontorStatus = 'invited' | 'bounced' | 'absent' | 'partial' | 'answered' | 'refused' | 'removed';

export interface KontorInvitee {
  resp_id: string;
  gruppe: 'enhetsleder_census' | 'andre';
  office: SimOffice;
  epost: string;
  navn: string;
  status: KontorStatus;
  purringer: number;
  runde: 1 | 2;
  erstatter: string | null;
  dato_invitert: string | null;
  dato_svar: string | null;
}

export interface KontorRespondent {
  invitee: KontorInvitee;
  /** The office the answer names: the invitation's, except for the two-leader offices. */
  office: SimOffice;
  stilling: 1 | 2 | 3;
  ansettelse: 1 | 2;
  utdanning_detalj: number;
  utdanning: 1 | 2;
  /** A started response with no answer at all (not counted as answered). */
  empty: boolean;
  /** Partial response: the last question answered. */
  stopAfter: string | null;
}

/**
 * The staff side of the wave `scale` times as large (benchmarks, a full employee survey): every
 * employee count and fieldwork event scaled, the unit-leader census as it is.
 */
export function scaledPeople(scale: number, p: PeopleCounts): PeopleCounts {
  if (!(scale > 0)) throw new Error(`scale must be positive, got ${scale}`);
  const s = (n: number) => Math.max(n === 0 ? 0 : 1, Math.round(n * scale));
  return {
    ...p,
    staff_answered: Object.fromEntries(Object.entries(p.staff_answered).map(([k, v]) => [k, s(v)])) as PeopleCounts['staff_answered'],
    staff_invited: s(p.staff_invited),
    added_in_round2: s(p.added_in_round2),
    removed: s(p.removed),
    absent: s(p.absent),
    bounced: s(p.bounced),
    staff_refused: s(p.staff_refused),
    empty_partials: s(p.empty_partials),
    partials_with_answers: { leaders: p.partials_with_answers.leaders, staff: s(p.partials_with_answers.staff) },
    max_invited: s(p.max_invited),
    max_answered: s(p.max_answered),
  };
}

/** What the people of a wave are drawn from: its counts, design, first invitation and id prefix. */
export interface PeoplePlan {
  people: PeopleCounts;
  design: KontorDesign;
  start: string;
  idPrefix: string;
}

const NAMES = ['Siri', 'Tor', 'Eva', 'Jon', 'Liv', 'Arne', 'Randi', 'Geir', 'Hilde', 'Knut', 'Kari', 'Ola'];
const SURNAMES = ['Eksempel', 'Prøvesen', 'Testesen', 'Simulert', 'Fiktiv', 'Demodal'];

export interface KontorPeople {
  invitees: KontorInvitee[];
  respondents: KontorRespondent[];
}

/** Per sample office: employees answering and employees invited (round 1 and 2 together). */
function officeCounts(offices: SimOffice[], people: PeopleCounts, design: KontorDesign, rng: Rng): Map<string, { answered: number; invited: number }> {
  const taking = offices.filter((o) => o.takesPart);
  const silentIds = new Set<string>();
  for (const [cell, count] of Object.entries(design.silent) as Array<[SampleCell, number]>) {
    rng.shuffle(taking.filter((o) => o.cell === cell)).slice(0, count).forEach((o) => silentIds.add(o.kontor_id));
  }
  const answered = new Map<string, number>();
  for (const [cell, total] of Object.entries(people.staff_answered) as Array<[SampleCell, number]>) {
    const inCell = taking.filter((o) => o.cell === cell && !silentIds.has(o.kontor_id));
    const weights = inCell.map(() => Math.exp(0.6 * rng.normal()));
    const counts = allocateBounded(total, weights, inCell.map(() => 1), inCell.map(() => people.max_answered));
    inCell.forEach((o, i) => answered.set(o.kontor_id, counts[i]!));
  }
  // Invitations: each office's answers over a response rate that varies between offices.
  const staffRate = Object.values(people.staff_answered).reduce((a, b) => a + b, 0) / people.staff_invited;
  const rate = (o: SimOffice) => (answered.get(o.kontor_id) ? Math.min(0.8, Math.max(0.15, staffRate * Math.exp(0.25 * rng.normal()))) : 0);
  const rough = taking.map((o) => (answered.get(o.kontor_id) ? answered.get(o.kontor_id)! / rate(o) : 4 + rng.int(5)));
  const min = taking.map((o) => (answered.get(o.kontor_id) ?? 0) + 2);
  const invited = allocateBounded(people.staff_invited, rough, min, taking.map(() => people.max_invited));
  return new Map(taking.map((o, i) => [o.kontor_id, { answered: answered.get(o.kontor_id) ?? 0, invited: invited[i]! }]));
}

export function allocateKontorPeople(offices: SimOffice[], population: Population, rng: Rng, plan: PeoplePlan): KontorPeople {
  const { people, design, idPrefix } = plan;
  const fieldworkStart = Date.parse(`${plan.start}T00:00:00Z`);
  const isoDate = (day: number) => new Date(fieldworkStart + day * 86400000).toISOString().slice(0, 10);
  const invitees: KontorInvitee[] = [];
  let next = 0;
  const id = () => `${idPrefix}${String(++next).padStart(5, '0')}`;
  const name = () => `${NAMES[next % NAMES.length]} ${SURNAMES[Math.floor(next / NAMES.length) % SURNAMES.length]}`;
  const invitee = (gruppe: KontorInvitee['gruppe'], office: SimOffice, epost: string): KontorInvitee => ({
    resp_id: id(), gruppe, office, epost, navn: name(), status: 'invited', purringer: 1, runde: 1, erstatter: null, dato_invitert: isoDate(0), dato_svar: null,
  });

  // The census: one unit leader per office.
  const leaders = offices.map((o) => invitee('enhetsleder_census', o, `leder.${o.kontor_id}@eksempel.invalid`));
  invitees.push(...leaders);
  // Employees of the sample offices that took part.
  const counts = officeCounts(offices, people, design, rng);
  const staffByOffice = new Map<string, KontorInvitee[]>();
  for (const o of offices.filter((x) => counts.has(x.kontor_id))) {
    const staff = Array.from({ length: counts.get(o.kontor_id)!.invited }, () => invitee('andre', o, ''));
    staff.forEach((s) => (s.epost = `ansatt.${s.resp_id.slice(idPrefix.length)}@eksempel.invalid`));
    staffByOffice.set(o.kontor_id, staff);
    for (const x of staff) invitees.push(x);
  }

  // Who answered: leaders at random; employees, per office, as many as officeCounts says.
  const respondents: Array<{ invitee: KontorInvitee; empty: boolean; stopAfter: string | null }> = [];
  const answeringLeaders = rng.shuffle(leaders).slice(0, people.leaders_answered);
  answeringLeaders.forEach((l) => respondents.push({ invitee: l, empty: false, stopAfter: null }));
  const staffAnswering: KontorInvitee[] = [];
  const staffSilent: KontorInvitee[] = [];
  for (const [kontor, staff] of staffByOffice) {
    const shuffled = rng.shuffle(staff);
    const k = counts.get(kontor)!.answered;
    shuffled.forEach((x, i) => (i < k ? staffAnswering : staffSilent).push(x));
  }
  staffAnswering.forEach((s) => respondents.push({ invitee: s, empty: false, stopAfter: null }));
  const byInvitee = new Map(respondents.map((r) => [r.invitee, r]));
  rng.shuffle(staffAnswering).slice(0, people.partials_with_answers.staff).forEach((s) => (byInvitee.get(s)!.stopAfter = 'K21'));
  rng.shuffle(answeringLeaders).slice(0, people.partials_with_answers.leaders).forEach((s) => (byInvitee.get(s)!.stopAfter = 'K21'));

  // The fieldwork of those who did not answer.
  const silent = rng.shuffle(staffSilent);
  let at = 0;
  const take = (n: number) => silent.slice(at, (at += n));
  take(people.bounced).forEach((s) => Object.assign(s, { status: 'bounced', purringer: 0 }));
  const absent = take(people.absent);
  absent.forEach((s) => Object.assign(s, { status: 'absent', purringer: 0 }));
  take(people.staff_refused).forEach((s) => (s.status = 'refused'));
  for (const s of take(people.empty_partials)) {
    s.status = 'partial';
    respondents.push({ invitee: s, empty: true, stopAfter: null });
  }
  // Round 2: five new addresses stand in for absent colleagues (an auto-reply named them); the
  // five are among the invited, as the table counts them.
  silent.slice(at, at + people.added_in_round2).forEach((s, i) => Object.assign(s, { runde: 2, erstatter: absent[i]!.resp_id, dato_invitert: isoDate(10), purringer: 0 }));
  rng.shuffle(leaders.filter((l) => !answeringLeaders.includes(l))).slice(0, people.leaders_refused).forEach((l) => (l.status = 'refused'));
  // Round 1 removals: addresses that did not work or people clearly away; never counted as invited.
  const taking = [...staffByOffice.keys()].sort();
  for (let i = 0; i < people.removed; i++) {
    const o = staffByOffice.get(taking[rng.int(taking.length)]!)![0]!.office;
    const r = invitee('andre', o, '');
    Object.assign(r, { epost: `ansatt.${r.resp_id.slice(idPrefix.length)}@eksempel.invalid`, status: 'removed', purringer: 0, dato_invitert: null });
    invitees.push(r);
  }
  for (const r of respondents) {
    const early = rng.next() < 0.55;
    if (!r.empty) Object.assign(r.invitee, { status: r.stopAfter ? 'partial' : 'answered', purringer: early ? 0 : 1, dato_svar: r.stopAfter ? null : isoDate(early ? rng.int(10) : 10 + rng.int(14)) });
  }
  return { invitees, respondents: describeRespondents(respondents, population, people.two_leader_offices, rng) };
}

/** Position, employer and education with exact totals; employer clusters by office. */
function describeRespondents(people: Array<{ invitee: KontorInvitee; empty: boolean; stopAfter: string | null }>, population: Population, twoLeaders: number, rng: Rng): KontorRespondent[] {
  const officeLean = new Map<string, number>();
  const lean = (o: SimOffice) => {
    if (!officeLean.has(o.kontor_id)) officeLean.set(o.kontor_id, rng.normal());
    return officeLean.get(o.kontor_id)!;
  };
  const out: KontorRespondent[] = people
    .sort((a, b) => a.invitee.resp_id.localeCompare(b.invitee.resp_id))
    .map((p) => ({ invitee: p.invitee, office: p.invitee.office, stilling: p.invitee.gruppe === 'enhetsleder_census' ? 1 : 3, ansettelse: 1, utdanning_detalj: 0, utdanning: 2, empty: p.empty, stopAfter: p.stopAfter }));
  const counted = out.filter((r) => !r.empty);
  const leaders = counted.filter((r) => r.stilling === 1);
  const staff = counted.filter((r) => r.stilling !== 1);
  const pick = (pool: KontorRespondent[], pct: number, score: (r: KontorRespondent) => number) =>
    pool.map((r) => ({ r, s: score(r) })).sort((a, b) => b.s - a.s).slice(0, largestRemainder({ 1: pct, 0: 100 - pct }, pool.length).get(1)!).map((x) => x.r);
  pick(staff, population.staff_mellomleder, () => rng.normal()).forEach((r) => (r.stilling = 2));
  // A unit leader's employer is independent of the staff's mix (leaders are appointed by either owner).
  pick(leaders, population.enhetsleder_kommunal, () => rng.normal()).forEach((r) => (r.ansettelse = 2));
  pick(staff, population.staff_kommunal, (r) => 0.8 * lean(r.office) + 0.6 * rng.normal()).forEach((r) => (r.ansettelse = 2));
  // Social and health-professional education is more common among municipal employees.
  pick(counted, population.utdanning_sosial_helse, (r) => (r.ansettelse === 2 ? 0.8 : 0) + rng.normal()).forEach((r) => (r.utdanning = 1));
  for (const r of counted) r.utdanning_detalj = r.utdanning === 1 ? 1 + rng.int(4) : 5 + rng.int(5);
  twoLeaderOffices(leaders, twoLeaders, rng);
  return out;
}

/** Municipal leaders answer for the office of a state leader who also answered (I11; two in 2019). */
function twoLeaderOffices(leaders: KontorRespondent[], count: number, rng: Rng): void {
  const outside = rng.shuffle(leaders.filter((r) => r.ansettelse === 2 && r.office.cell === null));
  const partners = leaders.filter((r) => r.ansettelse === 1);
  const used = new Set<string>();
  for (const r of outside.slice(0, count)) {
    const sameCounty = partners.filter((p) => !used.has(p.office.kontor_id) && p.office.kommune.fylkesnr === r.office.kommune.fylkesnr && p.office !== r.office);
    const pool = sameCounty.length ? sameCounty : partners.filter((p) => !used.has(p.office.kontor_id) && p.office !== r.office);
    const partner = pool[rng.int(pool.length)]!;
    used.add(partner.office.kontor_id);
    r.office = partner.office;
  }
}
