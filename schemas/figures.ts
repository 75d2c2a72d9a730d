/**
 * The figures and tables the pipeline produces, as data: id and caption from figures.md, the
 * analysis recipe that computes it, and its variables. Report pages refer to them by id.
 *
 * Recipes (one file each in pipeline/analyze/figures/):
 * - `means`: mean of each item per group, with the mean tests (t, Welch, Levene, Mann-Whitney;
 *   ANOVA, Welch's ANOVA, Kruskal-Wallis and Games-Howell for three or more groups); `paired`
 *   items are also compared within respondents (paired t, Wilcoxon signed-rank).
 * - `shares`: top-2 share of each item per group and wave, microdata next to published baselines;
 *   2×2 chi-square (Fisher when small) between groups, z-tests wave over wave.
 * - `distribution`: the full distribution ("Vet ikke" its own category) per group; r×k chi-square
 *   (Fisher when small) and Cramér's V.
 * - `ticked`: multi-select, share ticked per option and group; one 2×2 test per option.
 * - `baseline`: a figure that exists only as published numbers (F24).
 * - `ols`: a regression table (Tabell 1).
 * - `disposition`: invited, bounced, answered and response rates from the sample file (Tabell 2).
 *
 * A grouped figure shows its main groups (`survey`, `by`, `groups`, optionally within a domain
 * `where`) and any further `panels`, e.g. the office survey's unit leaders next to ordførere and
 * rådmenn. A panel whose survey is not in the warehouse keeps a visible place in the report.
 */
import { z } from 'zod';

const SurveyId = z.enum(['ordforer_radmann', 'kontor']);

/** Respondents whose variables hold one of the listed codes, e.g. `{ stilling: [1] }` for unit leaders. */
export const Domain = z.record(z.string(), z.array(z.number().int()).min(1));

/**
 * One set of groups a figure shows: the codes `groups` of `by` in one survey, optionally within a
 * domain. Within a domain the group codes get a prefix (`enhetsleder.statlig`) so that one figure
 * can show unit leaders as a whole next to state and municipal unit leaders.
 */
export const Panel = z.object({
  survey: SurveyId,
  by: z.string(),
  groups: z.array(z.number().int()).min(1),
  where: Domain.optional(),
  prefix: z.string().optional(),
});
export type Panel = z.infer<typeof Panel>;

const Common = {
  /** `F01` … and `T1` … from the source; `N01` … generated for items new in the newest wave (analyze/new-items.ts). */
  id: z.string().regex(/^(F\d\d|T\d|N\d\d)$/),
  /** Number as printed in the source, e.g. «Figur 41». */
  number: z.string(),
  caption: z.string(),
  section: z.string(),
  survey: SurveyId,
};
const Grouped = {
  by: z.string(),
  groups: z.array(z.number().int()).min(1),
  where: Domain.optional(),
  prefix: z.string().optional(),
  /** More groups shown in the same figure, from the same or the other survey. */
  panels: z.array(Panel).default([]),
};

export const FigureDef = z.discriminatedUnion('recipe', [
  z.object({
    ...Common,
    ...Grouped,
    recipe: z.literal('means'),
    variables: z.array(z.string()).min(1),
    /** Items of the figure answered by the same respondents and compared within them (t_paired, Wilcoxon). */
    paired: z.array(z.tuple([z.string(), z.string()])).default([]),
  }),
  z.object({ ...Common, ...Grouped, recipe: z.literal('shares'), variables: z.array(z.string()).min(1), measure: z.enum(['pct_top2']).default('pct_top2') }),
  z.object({
    ...Common,
    ...Grouped,
    recipe: z.literal('distribution'),
    variable: z.string(),
    code_means: z.boolean().default(false),
    /** Show published distributions of earlier waves beside the microdata (off where another figure shows them, as F28 for F27). */
    baselines: z.boolean().default(true),
  }),
  z.object({ ...Common, ...Grouped, recipe: z.literal('ticked'), variables: z.array(z.string()).min(1), summary: z.string().optional() }),
  z.object({ ...Common, recipe: z.literal('baseline'), variable: z.string(), measure: z.string() }),
  z.object({ ...Common, recipe: z.literal('ols'), y: z.string(), x: z.array(z.string()).min(1) }),
  z.object({
    ...Common,
    recipe: z.literal('disposition'),
    by: z.string(),
    /** Answered counted by the self-reported role (Tabell 2) or by the invited group (Tabell 4). */
    numerator: z.enum(['reported', 'invited']).default('reported'),
  }),
  z.object({ ...Common, recipe: z.literal('samples') }),
]);
export type FigureDef = z.infer<typeof FigureDef>;
export type FigureOf<R extends FigureDef['recipe']> = Extract<FigureDef, { recipe: R }>;

const OR = { survey: 'ordforer_radmann', by: 'rolle', groups: [1, 2] } as const;
/** Office survey: all employees by employer; unit leaders; unit leaders by employer or education. */
const K_EMPLOYER = { survey: 'kontor', by: 'ansettelse', groups: [1, 2] } as const;
const LEADERS = { survey: 'kontor', by: 'stilling', groups: [1] } as const;
const POSITIONS = { survey: 'kontor', by: 'stilling', groups: [1, 2, 3] } as const;
const LEADERS_BY_EMPLOYER = { survey: 'kontor', by: 'ansettelse', groups: [1, 2], where: { stilling: [1] }, prefix: 'enhetsleder' } as const;
const LEADERS_BY_EDUCATION = { survey: 'kontor', by: 'utdanning', groups: [1, 2], where: { stilling: [1] }, prefix: 'enhetsleder' } as const;
const UNIT_LEADERS = [LEADERS, LEADERS_BY_EMPLOYER];
/** The groups a survey's figures show unless they say otherwise (generated figures use these). */
export const SURVEY_GROUPING: Readonly<Record<string, { by: string; groups: readonly number[] }>> = { ordforer_radmann: OR, kontor: POSITIONS };
const INNFLYTELSE = ['navfylke', 'radmann', 'navkontor', 'kommunalsjef', 'ordforer', 'folkevalgte'].map((i) => `innflytelse_${i}`);

export const FIGURES: readonly FigureDef[] = z.array(FigureDef).parse([
  {
    id: 'F01', number: 'Figur 1', section: '7.1', ...OR, groups: [1], recipe: 'shares', variables: INNFLYTELSE,
    caption: 'Hvor stor innflytelse ordfører (2011 n<161, 2019 n<101) mener de følgende personer/instanser har på oppgave- og tjenesteinnholdet i Nav-kontoret. Prosent av de som har svart nokså eller svært stor innflytelse. 2011-2019',
  },
  {
    id: 'F02', number: 'Figur 2', section: '7.1', ...OR, groups: [2], recipe: 'shares', variables: INNFLYTELSE,
    caption: 'Hvor stor innflytelse rådmann (2011 n<218, 2019 n<157) mener de følgende personer/instanser har på oppgave- og tjenesteinnholdet i Nav-kontoret. Prosent av de som har svart nokså eller svært stor innflytelse. 2011-2019',
  },
  {
    id: 'F03', number: 'Figur 3', section: '7.1', ...K_EMPLOYER, where: { stilling: [1] }, prefix: 'enhetsleder', recipe: 'shares', variables: INNFLYTELSE.map((v) => v.replace('innflytelse_', 'innfl_kommunalt_')),
    caption: 'Hvor stor innflytelse ledere for Nav mener de følgende personer/instanser har på det kommunale oppgave- og tjenesteinnholdet i Nav-kontoret i dag. Prosent av de som har svart nokså eller svært stor innflytelse fordelt på ansettelse i stat eller kommune. Survey 2019',
  },
  {
    id: 'F04', number: 'Figur 4', section: '7.1', ...OR, recipe: 'means', variables: ['apningstid_medvirket'], panels: UNIT_LEADERS,
    caption: 'I hvor stor grad har du medvirket i prosessen med å fastsette åpningstidene i Nav-kontoret? (5-delt skala fra 1=I svært liten grad, til 5=I svært stor grad). Gjennomsnittsskårer 2019',
  },
  {
    id: 'F05', number: 'Figur 5', section: '7.1', ...OR, recipe: 'means', variables: ['apningstid_resultat'], panels: UNIT_LEADERS,
    caption: 'Prosessen mot nye åpningstider (5-delt skala fra 1=Svært dårlig, til 5=Svært god). Gjennomsnittskårer',
  },
  {
    id: 'F06', number: 'Figur 6', section: '7.1', ...OR, recipe: 'distribution', variable: 'vert_samarbeid',
    caption: 'Har din kommune vertskommunalt samarbeid om Nav-kontoret? Prosent, survey 2019',
  },
  {
    id: 'F07', number: 'Figur 7', section: '7.1', ...OR, recipe: 'distribution', variable: 'vert_foretrukket',
    caption: 'Var vertskommune din kommune foretrukne modell for samarbeid? Prosent, survey 2019',
  },
  {
    id: 'F08', number: 'Figur 8', section: '7.1', ...OR, recipe: 'means', variables: ['vert_pastand_fagkompetanse', 'vert_pastand_tilgjengelighet', 'vert_pastand_innflytelse'],
    paired: [['vert_pastand_fagkompetanse', 'vert_pastand_tilgjengelighet']],
    caption: 'Ta stilling til følgende påstander om vertskommunalt samarbeid i ditt Nav-kontor følgende (5-delt skala fra 1=Helt uenig, til 5=Helt enig). Gjennomsnitt, survey 2019',
  },
  {
    id: 'F09', number: 'Figur 9', section: '7.1', ...OR, recipe: 'means', variables: ['vert_effekt_politisk_styring', 'vert_effekt_adm_losninger', 'vert_effekt_faglig_kvalitet'], panels: UNIT_LEADERS,
    caption: 'I hvor stor grad mener du at det vertskommunale samarbeidet ved ditt Nav-kontor har ført til følgende (5-delt skala fra 1=Helt uenig, til 5=Helt enig). Gjennomsnitt, survey 2019',
  },
  {
    id: 'F10', number: 'Figur 10', section: '7.1', ...OR, recipe: 'shares', variables: ['tilbakemelding_innbyggere'],
    caption: 'Andelen ordførere og rådmenn som i nokså stor eller svært stor grad oppgir at de får tilbakemeldinger fra kommunens innbyggere og Nav-kontorets brukere om deres erfaringer med Nav-kontoret 2011-2019 (5-delt skala). Prosent. Ordfører 2011 (n=155), ordfører 2019 (n=104), rådmann 2011 (n=207), rådmann 2019 (n=156).',
  },
  {
    id: 'F11', number: 'Figur 11', section: '7.2', ...OR, recipe: 'distribution', variable: 'partnerskapsmote_frekvens', code_means: true,
    caption: 'Hvor ofte avholdes partnerskapsmøter (eller tilsvarende) mellom din kommune og Nav-fylke? 2011-2019',
  },
  {
    id: 'F12', number: 'Figur 12', section: '7.2', ...OR, recipe: 'distribution', variable: 'uformell_kontakt_frekvens',
    caption: 'Hvor ofte har din kommune og Nav-fylke uformell kontakt? Prosent',
  },
  {
    id: 'F13', number: 'Figur 13', section: '7.2', ...OR, recipe: 'ticked',
    variables: ['pm_deltar_ordforer', 'pm_deltar_radmann', 'pm_deltar_kommunalsjef', 'pm_deltar_andre_adm', 'pm_deltar_folkevalgte', 'pm_deltar_vet_ikke'],
    caption: 'Hvem møter vanligvis på partnerskapsmøtene (eller tilsvarende) fra kommunen? Prosentandel som har krysset av. Flere svar mulig. Survey 2019',
  },
  {
    id: 'F14', number: 'Figur 14', section: '7.2', ...OR, recipe: 'means', variables: ['oppdatert_deler_info', 'oppdatert_tjenesteutvikling', 'oppdatert_resultater'],
    caption: 'I hvilken grad holder ordfører og rådmann seg oppdatert på tjenesteutvikling og resultater av arbeids- og velferdsområdet og hvorvidt deler de informasjon med partene i kommune/fylke (5-delt skala fra 1= I svært liten grad, til 5=I svært stor grad). Gjennomsnittsskåre 2019',
  },
  {
    id: 'F15', number: 'Figur 15', section: '7.2', ...OR, recipe: 'means', variables: ['pm_fungerer'],
    caption: 'Hvor godt vil du si at partnerskapsmøtene (eller tilsvarende) fungerer i din kommune? (5-delt skala fra 1=Svært dårlig, til 5=Svært godt). Gjennomsnittsskårer 2019',
  },
  {
    id: 'F16', number: 'Figur 16', section: '7.2', ...OR, recipe: 'means', variables: ['pm_agenda_navleder'], panels: UNIT_LEADERS,
    caption: 'Nav-leder (Jeg) setter agenda til partnerskapsmøtene (5-delt skala fra 1= svært liten grad, til 5= svært stor grad). Gjennomsnittsskårer 2019',
  },
  {
    id: 'F17', number: 'Figur 17', section: '7.2', survey: 'kontor', by: 'kontor_leder', groups: [1], recipe: 'ticked', summary: 'tjenester_kat',
    variables: ['tjenester_bostotte', 'tjenester_introduksjon', 'tjenester_bosetting', 'tjenester_rus', 'tjenester_kommunale_boliger', 'tjenester_booppfolging', 'tjenester_startlan', 'tjenester_psykisk_helse', 'tjenester_gjeldsradgivning', 'tjenester_skjenkebevilling', 'tjenester_hjelpemidler', 'tjenester_annet', 'tjenester_ingen'],
    caption: 'Andelen tjenester ved Nav-kontor. Flere svar mulig, spurt enhetsledere (n=218). Prosent.',
  },
  {
    id: 'F18', number: 'Figur 18', section: '7.2', ...OR, recipe: 'distribution', variable: 'tjenester_behov', panels: [...UNIT_LEADERS, LEADERS_BY_EDUCATION],
    caption: 'Er det etter din oppfatning behov for flere eller færre kommunale tjenester i Nav-kontoret enn de som er i dag? Prosent.',
  },
  {
    id: 'F19', number: 'Figur 19', section: '7.2', ...OR, recipe: 'means', variables: ['felles_styring', 'felles_samfunnsoppdrag'],
    caption: 'I hvor stor grad er du enig eller uenig i følgende påstander om partnerskapet mellom stat og kommune (5-delt skala fra 1=I svært liten grad, til 5=I svært stor grad). Gjennomsnittsskårer',
  },
  {
    id: 'F20', number: 'Figur 20', section: '7.2', ...OR, recipe: 'means', variables: ['samkjoring_felles_plan', 'samkjoring_rapportering'], panels: UNIT_LEADERS,
    caption: 'Ordførere og rådmenns opplevelse av partnerskapets samkjøring (5-delt skala fra 1=I svært liten grad, til 5=I svært stor grad). Gjennomsnitt survey 2019',
  },
  {
    id: 'F21', number: 'Figur 21', section: '7.2', ...OR, recipe: 'means', variables: ['planarbeid_kommune', 'planarbeid_navfylke'], panels: UNIT_LEADERS,
    paired: [['planarbeid_kommune', 'planarbeid_navfylke']],
    caption: 'I hvilken grad har Nav-kontoret vært trukket med i planarbeidet i kommunen og Nav-fylke (5-delt skala fra 1= I svært liten grad, til 5=I svært stor grad). Gjennomsnittsskårer 2019',
  },
  {
    id: 'F22', number: 'Figur 22', section: '7.2', ...OR, recipe: 'shares', variables: ['samarbeid_fungerer'],
    caption: 'Andelen ordførere og rådmenn svarer at samarbeidet mellom stat og kommune fungerer nokså eller svært godt (5-delt skala). Prosentvis sammenligning 2011-2019.',
  },
  {
    id: 'F23', number: 'Figur 23', section: '7.2', ...OR, recipe: 'distribution', variable: 'likeverdighet',
    caption: 'I hvilken grad opplever du at partnerskapet ved det lokale Nav-kontoret er likeverdig? (5-delt skala). Prosent survey 2019.',
  },
  {
    id: 'F24', number: 'Figur 24', section: '7.2', survey: 'ordforer_radmann', recipe: 'baseline', variable: 'statlig_dominans_2011', measure: 'pct_top2',
    caption: 'Andelen ordførere og rådmenn som er nokså eller svært enige i følgende påstand: Samarbeidet mellom stat og kommune ved det lokale Nav-kontoret er preget av statlig dominans (5-delt skala). Prosent survey 2011.',
  },
  {
    id: 'F25', number: 'Figur 25', section: '7.2', ...OR, recipe: 'means', variables: ['partnerskap_likeverdige'], panels: [{ survey: 'kontor', by: 'ledergruppe', groups: [1] }, LEADERS_BY_EMPLOYER],
    caption: 'Gjennomsnittsskårer ordførere, rådmenn og ledere i hvorvidt de vurderer stat og kommune som likeverdige partnere i partnerskapet (5-delt skala, 1=Helt uenig, til 5=Helt enig). Survey 2019',
  },
  {
    id: 'F26', number: 'Figur 26', section: '7.2', ...OR, recipe: 'means', variables: ['partnerskap_loser_oppgaver', 'partnerskap_fremmer_samarbeid', 'partnerskap_likeverdige', 'partnerskap_merarbeid'], panels: [{ survey: 'kontor', by: 'stilling', groups: [1, 2] }, { survey: 'kontor', by: 'ledergruppe', groups: [1] }, LEADERS_BY_EMPLOYER],
    caption: 'Gjennomsnittsskårer for ordførere, rådmenn og ledere om partnerskapet mellom stat og kommune (5-delt skala, 1= Helt uenig, til 5=Helt enig). Prosent survey 2019.',
  },
  {
    id: 'T1', number: 'Tabell 1', section: '7.2', survey: 'ordforer_radmann', recipe: 'ols', y: 'samarbeid_fungerer', x: ['partnerskap_likeverdige'],
    caption: 'Regresjonsanalyse med hvor godt vil du si samarbeidet mellom stat og kommune fungerer på ditt lokale Nav-kontor som avhengig variabel',
  },
  {
    id: 'F27', number: 'Figur 27', section: '7.3', ...K_EMPLOYER, recipe: 'distribution', variable: 'hovedoppgaver_omrade', baselines: false,
    caption: 'Hvor i organisasjonen er dine hovedarbeidsoppgaver (over 50 % av tiden)? Kontor 2019',
  },
  {
    id: 'F28', number: 'Figur 28', section: '7.3', survey: 'kontor', recipe: 'baseline', variable: 'hovedoppgaver_omrade', measure: 'pct_cat',
    caption: 'Hvor i organisasjonen er dine hovedarbeidsoppgaver (over 50 % av tiden)? Kontor 2015',
  },
  {
    id: 'F29', number: 'Figur 29', section: '7.3', survey: 'kontor', by: 'alle', groups: [1], recipe: 'distribution', variable: 'teamarbeid_grad',
    panels: [{ survey: 'kontor', by: 'alle', groups: [1], where: { utvalg_oppfolging: [1] }, prefix: 'oppfolging' }],
    caption: 'I hvor stor grad deltar du i teamarbeid i Nav-kontoret (n=1700), kontor 2019',
  },
  {
    id: 'F30', number: 'Figur 30', section: '7.3', survey: 'kontor', by: 'alle', groups: [1], recipe: 'distribution', variable: 'team_sammensetning',
    caption: 'Endring over tid i sammensetning av teammedlemmer etter ansettelse. Prosent survey 2014 og 2019',
  },
  {
    id: 'F31', number: 'Figur 31', section: '7.3', ...K_EMPLOYER, recipe: 'distribution', variable: 'team_fornoyd', code_means: true,
    caption: 'Hvor fornøyd er du med teamarbeidet? Prosent. Kontor 2019',
  },
  {
    id: 'F32', number: 'Figur 32', section: '7.3', ...K_EMPLOYER, recipe: 'distribution', variable: 'team_mal_tydelig',
    caption: 'Hvor tydelig er teamets målsettinger for deg? Prosent. Kontor 2019',
  },
  {
    id: 'F33', number: 'Figur 33', section: '7.3', ...K_EMPLOYER, recipe: 'distribution', variable: 'team_mal_enig', code_means: true,
    caption: 'I hvilken grad er du enig i teamets målsettinger? Prosent. Kontor 2019',
  },
  {
    id: 'F34', number: 'Figur 34', section: '7.3', ...K_EMPLOYER, recipe: 'means',
    variables: ['team_forstaelse', 'team_deler_ressurser', 'team_nyttige_innspill', 'team_vi_holdning', 'team_apen_nye_ideer', 'team_kritisk_vurdering'],
    caption: 'Om teamsamarbeid i Nav (5-delt skala fra 1=I svært liten grad, til 5=I svært stor grad). Gjennomsnittsskårer. Kontor 2019',
  },
  {
    id: 'F35', number: 'Figur 35', section: '7.4', ...OR, recipe: 'means', variables: ['samarbeid_kommunale_tjenester'],
    panels: [POSITIONS, LEADERS_BY_EMPLOYER, { survey: 'kontor', by: 'ansettelse', groups: [1, 2], where: { stilling: [2] }, prefix: 'mellomleder' }, { survey: 'kontor', by: 'kontor_tjenester_kat', groups: [1, 2, 3, 4] }],
    caption: 'Hvordan vurderer du samarbeidet mellom Nav-kontoret og kommunale tjenester utenfor Nav? (5-delt skala fra 1=Svært dårlig, til 5=Svært godt). Gjennomsnittskårer, survey 2019',
  },
  {
    id: 'F36', number: 'Figur 36', section: '7.4', ...K_EMPLOYER, recipe: 'means', variables: ['samarbeid_kommunale_tjenester', 'samarbeid_statlige_tjenester'],
    caption: 'Samarbeid med eksterne tjenester (5-delt skala fra 1=Svært dårlig, til 5=Svært bra). Gjennomsnittsskårer kontor 2019',
  },
  {
    id: 'F37', number: 'Figur 37', section: '7.4', survey: 'kontor', recipe: 'baseline', variable: 'endring2010_*', measure: 'mean',
    caption: 'Har utviklingen av Nav-kontoret medført endringer i ditt samarbeid med følgende samarbeidspartnere? (5-delt skala: 1=jeg har ikke/lite samarbeid med disse, 2=Samarbeidet er dårligere enn før, 3=Samarbeidet er som før, 4=Samarbeidet er bedre enn før). Gjennomsnittskårer survey 2010',
  },
  {
    id: 'F38', number: 'Figur 38', section: '7.4', ...K_EMPLOYER, recipe: 'means', variables: ['samarbeid_frekv_sosiale', 'samarbeid_frekv_skole', 'samarbeid_frekv_helse', 'samarbeid_frekv_arbeidsgivere'],
    caption: 'Hvor ofte respondentene samarbeider med ulike aktører utenfor Nav-kontoret (5-delt skala: 1=Aldri, 2=Sjelden, 3=Månedlig, 4=Ukentlig, 5=Daglig). Gjennomsnittsskårer, kontor 2019',
  },
  {
    id: 'F39', number: 'Figur 39', section: '7.4', ...K_EMPLOYER, recipe: 'ticked', variables: ['savner_helse', 'savner_sosiale', 'savner_skole', 'savner_arbeidsgivere', 'savner_annet'],
    panels: [{ survey: 'kontor', by: 'alle', groups: [1] }],
    caption: 'Er det noen av de eksterne samarbeidspartnerne du savner tettere samarbeid med? Prosent, kontor 2019',
  },
  {
    id: 'F40', number: 'Figur 40', section: '7.4', survey: 'kontor', recipe: 'baseline', variable: 'savner2007_*', measure: 'pct_ticked',
    caption: 'Er det noen av de eksterne samarbeidspartnerne du savner samarbeid med etter etableringen av Nav-kontoret? Prosent, Survey 2007.',
  },
  {
    id: 'F41', number: 'Figur 41', section: '7.5', ...OR, recipe: 'shares', variables: ['mal_flere_i_arbeid'],
    caption: 'Andelen ordførere og rådmenn som mener at kontoret i sin region i nokså eller svært stor grad bidrar til å få flere i arbeid og færre på stønad (5-delt skala). Prosentvis sammenligning 2011-2019. Ordfører 2011 (n=150), rådmann 2011 (n=208), ordfører 2019 (n=101), rådmann 2019 (n=157)',
  },
  {
    id: 'F42', number: 'Figur 42', section: '7.5', ...OR, recipe: 'shares', variables: ['mal_service_tilpasset'],
    caption: 'Andelen ordførere og rådmenn som mener at kontoret i sin region i nokså eller svært stor grad bidrar til en service som er tilpasset brukernes forutsetninger og behov (5-delt skala). Prosentvis sammenligning 2011-2019',
  },
  {
    id: 'F43', number: 'Figur 43', section: '7.5', survey: 'kontor', by: 'stilling', groups: [1, 2], recipe: 'means', variables: ['mal_effektiv_forvaltning', 'mal_service_tilpasset', 'mal_flere_i_arbeid'],
    panels: [LEADERS_BY_EMPLOYER],
    caption: 'I hvor stor grad opplever du at det lokale Nav-kontoret bidrar til å oppnå de følgende målene i din kommune/region? (Gjennomsnittsskårer 5-delt skala fra 1=I svært liten grad, til 5=I svært stor grad).',
  },
  {
    id: 'F44', number: 'Figur 44', section: '7.5', survey: 'kontor', recipe: 'baseline', variable: 'mal4_*', measure: 'mean',
    caption: 'I hvor stor grad opplever du at det lokale Nav-kontoret bidrar til å oppnå de følgende målene? (Gjennomsnittsskårer 4-delt skala fra 1=Ikke i det hele tatt, til 4=I stor grad).',
  },
  {
    id: 'F45', number: 'Figur 45', section: '7.5', ...OR, recipe: 'means', variables: ['sosiale_tjenester_ivaretatt'],
    panels: [POSITIONS, LEADERS_BY_EMPLOYER, { survey: 'kontor', by: 'utdanning', groups: [1, 2], where: { stilling: [1, 2] }, prefix: 'ledere' }],
    caption: 'Etter din oppfatning, hvordan blir Nav-kontorets ansvar for sosiale tjenester ivaretatt? (Gjennomsnittsskårer 5-delt skala fra 1=Svært dårlig, til 4=Svært godt).',
  },
  {
    id: 'T2', number: 'Tabell 2', section: 'D', survey: 'ordforer_radmann', recipe: 'disposition', by: 'rolle',
    caption: 'Oversikt over respondenter og svarprosent i ordfører og rådmann survey',
  },
  {
    id: 'T3', number: 'Tabell 3', section: 'D', survey: 'kontor', recipe: 'samples',
    caption: 'Oversikt over de ulike utvalgene',
  },
  {
    id: 'T4', number: 'Tabell 4', section: 'D', survey: 'kontor', recipe: 'disposition', by: 'stilling', numerator: 'invited',
    caption: 'Oversikt over respondenter og svarprosent i kontorsurvey',
  },
]);
