/**
 * The figures and tables the pipeline produces, as data: id and caption from figures.md, the
 * analysis recipe that computes it, and its variables. Report pages refer to them by id.
 */
import { z } from 'zod';

const Common = {
  id: z.string().regex(/^(F\d\d|T\d)$/),
  /** Number as printed in the source, e.g. «Figur 41». */
  number: z.string(),
  caption: z.string(),
  section: z.string(),
  survey: z.enum(['ordforer_radmann', 'kontor']),
};

export const FigureDef = z.discriminatedUnion('recipe', [
  z.object({ ...Common, recipe: z.literal('means_by_group'), variable: z.string(), by: z.string(), groups: z.array(z.number().int()) }),
  z.object({ ...Common, recipe: z.literal('top2_trend'), variable: z.string(), by: z.string(), groups: z.array(z.number().int()) }),
  z.object({ ...Common, recipe: z.literal('ols'), y: z.string(), x: z.array(z.string()).min(1) }),
]);
export type FigureDef = z.infer<typeof FigureDef>;

export const FIGURES: readonly FigureDef[] = z.array(FigureDef).parse([
  {
    id: 'F15', number: 'Figur 15', section: '7.2', survey: 'ordforer_radmann', recipe: 'means_by_group', variable: 'pm_fungerer', by: 'rolle', groups: [1, 2],
    caption: 'Hvor godt vil du si at partnerskapsmøtene (eller tilsvarende) fungerer i din kommune? (5-delt skala fra 1=Svært dårlig, til 5=Svært godt). Gjennomsnittsskårer 2019',
  },
  {
    id: 'F22', number: 'Figur 22', section: '7.2', survey: 'ordforer_radmann', recipe: 'top2_trend', variable: 'samarbeid_fungerer', by: 'rolle', groups: [1, 2],
    caption: 'Andelen ordførere og rådmenn svarer at samarbeidet mellom stat og kommune fungerer nokså eller svært godt (5-delt skala). Prosentvis sammenligning 2011-2019.',
  },
  {
    id: 'T1', number: 'Tabell 1', section: '7.2', survey: 'ordforer_radmann', recipe: 'ols', y: 'samarbeid_fungerer', x: ['partnerskap_likeverdige'],
    caption: 'Regresjonsanalyse med hvor godt vil du si samarbeidet mellom stat og kommune fungerer på ditt lokale Nav-kontor som avhengig variabel',
  },
  {
    id: 'F41', number: 'Figur 41', section: '7.5', survey: 'ordforer_radmann', recipe: 'top2_trend', variable: 'mal_flere_i_arbeid', by: 'rolle', groups: [1, 2],
    caption: 'Andelen ordførere og rådmenn som mener at kontoret i sin region i nokså eller svært stor grad bidrar til å få flere i arbeid og færre på stønad (5-delt skala). Prosentvis sammenligning 2011-2019.',
  },
]);
