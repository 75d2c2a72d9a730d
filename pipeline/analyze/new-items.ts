/**
 * Items new in a survey's newest wave (codebook link `new`), and items renamed there (whose old
 * name the source's figures use), get figures of their own without any code: a distribution per single-choice item, the ticked shares per multi-select question, by
 * the survey's usual groups (ordfører and rådmann; unit leaders, middle managers and advisers).
 * A new question module (as the 2023 one on social entrepreneurs) thus reaches the report as data.
 */
import { FigureDef, SURVEY_GROUPING } from '../../schemas/figures.ts';
import { SURVEY_LABELS } from '../../schemas/groups.ts';
import type { Db } from '../core/db.ts';
import { all } from '../core/db.ts';
import { wavesOf } from './metadata.ts';


interface NewVariable {
  variable: string;
  kind: string;
  label: string;
  question: string;
  question_text: string | null;
  link_change: string;
  link_from: string | null;
}

export async function newItemFigures(db: Db): Promise<FigureDef[]> {
  const out: FigureDef[] = [];
  for (const survey of Object.keys(SURVEY_GROUPING)) {
    const wave = (await wavesOf(db, survey)).at(-1);
    if (!wave) continue;
    const rows = await all<NewVariable>(
      db,
      // New items, and renamed ones (the figures of the source name the old variable, so the
      // renamed item would otherwise not be shown for this wave).
      `SELECT variable, kind, label, question, question_text, link_change, link_from FROM dim_variables
       WHERE survey = $survey AND wave = $wave AND (link_change = 'new' OR (link_from IS NOT NULL AND link_from <> variable)) AND kind IN ('likert', 'categorical', 'multi') ORDER BY position`,
      { survey, wave },
    );
    const { by, groups } = SURVEY_GROUPING[survey]!;
    const what = (r: NewVariable) => (r.link_change === 'new' ? `nytt i ${wave}` : `endret i ${wave}, før ${r.link_from}`);
    const common = (caption: string, r: NewVariable) => ({ id: `N${String(out.length + 1).padStart(2, '0')}`, number: `Ny figur ${out.length + 1}`, caption: `${caption} (${what(r)}, ${SURVEY_LABELS[survey]!.toLowerCase()})`, section: 'ny', survey, by, groups: [...groups] });
    for (const question of [...new Set(rows.map((r) => r.question))]) {
      const items = rows.filter((r) => r.question === question);
      const text = items[0]!.question_text ?? items[0]!.label;
      if (items[0]!.kind === 'multi') out.push(FigureDef.parse({ ...common(/flere svar mulig/i.test(text) ? text : `${text} (Flere svar mulig)`, items[0]!), recipe: 'ticked', variables: items.map((i) => i.variable) }));
      else for (const item of items) out.push(FigureDef.parse({ ...common(items.length > 1 || item.link_change !== 'new' ? `${text}${/[?.!]$/.test(text) ? ' –' : ':'} ${item.label}` : text, item), recipe: 'distribution', variable: item.variable, baselines: false }));
    }
  }
  return out;
}

/** The generated figures as the warehouse keeps them, for the report (one JSON definition per row). */
export async function writeFigureDefs(db: Db, schema: string, figures: FigureDef[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${schema}.generated_figures (id VARCHAR, definition VARCHAR)`);
  for (const f of figures) await db.run(`INSERT INTO ${schema}.generated_figures VALUES ($1, $2)`, [f.id, JSON.stringify(f)]);
}
