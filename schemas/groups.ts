/** Respondent groups of figures.md §1.2: code, Norwegian label and how a respondent belongs. */
import { z } from 'zod';

export const GroupDef = z.object({
  code: z.string(),
  label: z.string(),
  survey: z.enum(['ordforer_radmann', 'kontor']),
  /** Membership: `variable` holds one of `codes`; null for pooled groups (everyone). */
  variable: z.string().nullable(),
  codes: z.array(z.number().int()),
});
export type GroupDef = z.infer<typeof GroupDef>;

/** How the report names each survey. */
export const SURVEY_LABELS: Readonly<Record<string, string>> = { ordforer_radmann: 'Ordfører/rådmann', kontor: 'Kontorundersøkelsen' };

export const GROUPS: readonly GroupDef[] = z.array(GroupDef).parse([
  { code: 'ordforer', label: 'Ordfører', survey: 'ordforer_radmann', variable: 'rolle', codes: [1] },
  { code: 'radmann', label: 'Rådmann', survey: 'ordforer_radmann', variable: 'rolle', codes: [2] },
  { code: 'annet', label: 'Annet', survey: 'ordforer_radmann', variable: 'rolle', codes: [3] },
  { code: 'or_alle', label: 'Ordførere og rådmenn', survey: 'ordforer_radmann', variable: null, codes: [] },
  { code: 'enhetsleder', label: 'Enhetsleder', survey: 'kontor', variable: 'stilling', codes: [1] },
  { code: 'mellomleder', label: 'Mellomleder', survey: 'kontor', variable: 'stilling', codes: [2] },
  { code: 'veileder', label: 'Veiledere og andre', survey: 'kontor', variable: 'stilling', codes: [3] },
  { code: 'ledere', label: 'Ledere (enhets- og mellomledere)', survey: 'kontor', variable: 'stilling', codes: [1, 2] },
  { code: 'statlig', label: 'Statlig ansatt', survey: 'kontor', variable: 'ansettelse', codes: [1] },
  { code: 'kommunal', label: 'Kommunalt ansatt', survey: 'kontor', variable: 'ansettelse', codes: [2] },
  { code: 'utd_sosial_helse', label: 'Sosial- og helsefaglig utdanning', survey: 'kontor', variable: 'utdanning', codes: [1] },
  { code: 'utd_annen', label: 'Annen utdanning', survey: 'kontor', variable: 'utdanning', codes: [2] },
  { code: 'kontor_alle', label: 'Alle ansatte', survey: 'kontor', variable: 'alle', codes: [1] },
  { code: 'kontor', label: 'Kontorer', survey: 'kontor', variable: 'kontor_leder', codes: [1] },
  { code: 'team', label: 'Teammedlemmer', survey: 'kontor', variable: 'i_team', codes: [1] },
  { code: 'portefolje_1', label: 'Kontor med kun minimumsløsningen', survey: 'kontor', variable: 'kontor_tjenester_kat', codes: [1] },
  { code: 'portefolje_2', label: 'Kontor med 1–2 tjenester i tillegg', survey: 'kontor', variable: 'kontor_tjenester_kat', codes: [2] },
  { code: 'portefolje_3', label: 'Kontor med 3–4 tjenester i tillegg', survey: 'kontor', variable: 'kontor_tjenester_kat', codes: [3] },
  { code: 'portefolje_4', label: 'Kontor med 5 eller flere tjenester i tillegg', survey: 'kontor', variable: 'kontor_tjenester_kat', codes: [4] },
]);

/** The named group a code of `variable` belongs to (e.g. rolle 1 → ordforer), if one is defined. */
export function groupForCode(survey: string, variable: string, code: number): GroupDef | undefined {
  return GROUPS.find((g) => g.survey === survey && g.variable === variable && g.codes.length === 1 && g.codes[0] === code);
}
