/**
 * The fieldwork of a simulated wave: from its targets (`fieldwork`), else the 2019 fieldwork of
 * Vedlegg D, which the bundled demo wave reproduces. The counts are the source's; where they
 * cannot all hold, the comments say which one gives way (figures.md I26, I28, I29, I30).
 */
import type { Fieldwork, KontorDesign, KontorPeople, OrAllocation, WaveTargets } from '../../schemas/simulation.ts';

/**
 * Vedlegg D, ordfører/rådmann 2019: 158 rådmenn, 106 ordførere and 4 "annet" counted as answered
 * (Tabell 2), 7 bydelsdirektører and 9 bydelsutvalg leaders in Oslo, 38 kommuner with both roles,
 * 27 bounced addresses, at most 3 reminders, and 4 partial responses without a single answer (our
 * reading of "272 personer" vs 268, I26). The source's 218 kommuner and 179 + 38 cannot all hold
 * with these counts: with 38 kommuner with both roles (Oslo one of them), 264 ordfører/rådmann
 * answers leave 174 single-role kommuner; with the 4 "annet" in kommuner of their own the demo has
 * 216 kommuner with an answer.
 */
export const OR_2019: OrAllocation = {
  oslo_ordforer: 9,
  oslo_radmann: 7,
  both_outside_oslo: 37,
  ordforer_only: 60,
  radmann_only: 114,
  annet: ['radmann', 'radmann', 'radmann', 'ordforer'],
  empty_partials: 4,
  bounced: 27,
  refused: 4,
  // The stated n's leave room for nothing earlier: 157 of 158 rådmenn and 101 of 106 ordførere answered Q24 (C259, C273).
  partial_stops: { ordforer: ['Q24', 'Q24'], radmann: ['Q24'] },
};

/**
 * Tabell 3, kontor 2019: a random draw of 100 offices, 57 follow-up offices (17 of them also drawn)
 * and 6 case offices (one drawn at random, two follow-up offices): 143 distinct sample offices —
 * the text's 142 cannot be reached with these overlaps (I28). 13 drawn offices and 1 follow-up
 * office declined; 5 more drawn offices took part but no employee answered, leaving 124 offices
 * with answers from employees (L2771).
 */
export const KONTOR_DESIGN_2019: KontorDesign = {
  cells: { R: 82, F: 38, C: 3, RF: 17, RC: 1, FC: 2 },
  declined: { R: 13, F: 1 },
  silent: { R: 5 },
};

/**
 * Tabell 3 and 4 and L2790–L2792, kontor 2019: the census of 315 unit leaders (220 answered) and
 * 4 372 employees of the sample offices that took part (1 525 answered, counted once per sample
 * their office is in: 952 random, 804 follow-up, 187 case — 418 double counts, I30); 90 absent,
 * 45 returned for an unknown reason, 94 removed in round 1 (never counted as invited), 5 added in
 * round 2. The e-mail counts (4 859 sent, 4 760 in round 2) are not person counts (I29).
 */
export const KONTOR_PEOPLE_2019: KontorPeople = {
  leaders_answered: 220,
  staff_answered: { R: 594, F: 416, C: 97, RF: 328, RC: 30, FC: 60 },
  staff_invited: 4372,
  added_in_round2: 5,
  removed: 94,
  absent: 90,
  bounced: 45,
  staff_refused: 25,
  leaders_refused: 6,
  empty_partials: 10,
  partials_with_answers: { leaders: 3, staff: 30 },
  two_leader_offices: 2,
  max_invited: 2000,
  max_answered: 400,
};

const DEFAULTS: Record<'ordforer_radmann' | 'kontor', Fieldwork> = {
  ordforer_radmann: { start: '2019-03-11', id_prefix: 'SIM-OR-', previous_answered_weight: 1, ordforer_radmann: OR_2019 },
  kontor: { start: '2019-03-18', id_prefix: 'SIM-K-', previous_answered_weight: 1, kontor: { design: KONTOR_DESIGN_2019, people: KONTOR_PEOPLE_2019 } },
};

/** A wave's fieldwork: its targets' `fieldwork`, with the survey's part filled from 2019 where absent. */
export function fieldworkOf(survey: 'ordforer_radmann' | 'kontor', targets: WaveTargets): Fieldwork {
  const given = targets.fieldwork;
  if (!given) return DEFAULTS[survey];
  return survey === 'ordforer_radmann'
    ? { ...given, ordforer_radmann: given.ordforer_radmann ?? OR_2019 }
    : { ...given, kontor: given.kontor ?? DEFAULTS.kontor.kontor };
}

const DAY = 86400000;

/** An ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** «våren 2019» / «høsten 2023»: the season of the first invitation, as wave.json says it. */
export function seasonOf(date: string): string {
  return `${Number(date.slice(5, 7)) <= 6 ? 'våren' : 'høsten'} ${date.slice(0, 4)}`;
}
