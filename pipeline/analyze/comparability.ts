/**
 * The comparability gate between two microdata waves of a survey: an item is compared like for
 * like only when every codebook link from the later wave back to the earlier one says so (asked
 * the same way, or reworded or rescaled with `comparable: true`). Waves that share a codebook
 * (a wave.json that reuses one) are comparable item by item. Everything else is shown with its
 * note and never tested (schemas/codebook.ts `Link`; the warehouse's dim_waves and dim_variables).
 */
import type { Db } from '../core/db.ts';
import { waveLinks } from './metadata.ts';

export interface Gate {
  comparable: boolean;
  /** Why not (bokmål, for the report), or the note of a link that still allows comparison. */
  reason: string | null;
}

const CHANGE_TEXT: Record<string, string> = {
  reworded: 'spørsmålet er omformulert',
  scale_changed: 'svarskalaen er endret',
  new: 'nytt spørsmål',
  same: 'samme spørsmål',
};

/** What a link says, in a sentence for the reader. */
export function linkText(wave: string, change: string, note: string | null): string {
  return `${CHANGE_TEXT[change] ?? change} i ${wave}${note ? ` (${note})` : ''}`;
}

export async function comparableBetween(db: Db, survey: string, variable: string, earlier: string, later: string): Promise<Gate> {
  const { waves, links } = await waveLinks(db, survey);
  const waveOf = (w: string) => waves.find((x) => x.wave === w);
  const linkOf = (w: string, v: string) => links.find((l) => l.wave === w && l.variable === v);
  const start = waveOf(earlier);
  let current = waveOf(later);
  let name = variable;
  if (!start || !current) return { comparable: false, reason: 'bølgen finnes ikke i lageret' };
  const notes: string[] = [];
  for (let guard = 0; guard < waves.length + 1; guard++) {
    const v = linkOf(current.wave, name);
    if (!v) return { comparable: false, reason: `ikke spurt i ${current.wave}` };
    if (current.codebook === start.codebook) {
      return linkOf(start.wave, name) ? { comparable: true, reason: notes.length ? notes.join('; ') : null } : { comparable: false, reason: `ikke spurt i ${start.wave}` };
    }
    // Derived variables are computed the same way in every wave; their inputs carry the links.
    const derived = v.kind === 'derived';
    const change = v.link_change ?? (derived ? 'same' : null);
    if (!current.previous_codebook || change === null) return { comparable: false, reason: `kodeboken for ${current.wave} er ikke koblet til ${start.wave}` };
    const text = linkText(current.wave, change, v.link_note);
    if (!(v.link_comparable ?? derived)) return { comparable: false, reason: text };
    if (change !== 'same') notes.push(text);
    name = v.link_from ?? name;
    const previous = [...waves].reverse().find((w) => w.codebook === current!.previous_codebook && w.wave < current!.wave);
    if (!previous) return { comparable: false, reason: `bølgen med kodeboken ${current.previous_codebook} er ikke lastet` };
    current = previous;
  }
  return { comparable: false, reason: 'kodebøkene lenker i ring' };
}
