/**
 * Reads ahead the counts of every grouped figure: the items of all figures that share a survey,
 * wave, grouping and domain are counted in one query (answer counts, and in a clustered survey
 * cluster counts), instead of a query per item and figure. The recipes then find their counts in
 * the connection's cache (counts.ts); without this step they read the same counts one by one.
 */
import { designOf } from '../../../schemas/designs.ts';
import type { FigureDef } from '../../../schemas/figures.ts';
import type { Db } from '../../core/db.ts';
import { prefetchCounts } from '../counts.ts';
import { domainCondition, variableInfo, wavesOf, type Domain, type VariableInfo } from '../metadata.ts';
import { figureItems, panelsOf } from './common.ts';


export async function prefetchFigureCounts(db: Db, figures: readonly FigureDef[]): Promise<void> {
  const batches = new Map<string, { survey: string; by: string; where: Domain | undefined; infos: Map<string, VariableInfo> }>();
  for (const fig of figures) {
    const items = figureItems(fig);
    if (items.length === 0 || !('panels' in fig)) continue;
    for (const panel of panelsOf(fig)) {
      for (const wave of await wavesOf(db, panel.survey)) {
        const key = [panel.survey, wave, panel.by, domainCondition(panel.where)].join('|');
        const batch = batches.get(key) ?? { survey: panel.survey, by: panel.by, where: panel.where, infos: new Map() };
        batches.set(key, batch);
        for (const item of items) {
          const info = await variableInfo(db, panel.survey, wave, item).catch(() => null);
          if (info) batch.infos.set(item, info);
        }
      }
    }
  }
  for (const b of batches.values()) {
    const infos = [...b.infos.values()];
    await prefetchCounts(db, infos, b.by, b.where);
    const cluster = designOf(b.survey).cluster;
    if (cluster) await prefetchCounts(db, infos, b.by, b.where, cluster);
  }
}
