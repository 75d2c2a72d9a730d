/**
 * The invited frame of the ordfører/rådmann survey (Vedlegg D): every kommune's ordfører and
 * rådmann, except that Oslo is surveyed per bydel (15 bydelsdirektører as rådmann, 15 leaders of
 * bydelsutvalg as ordfører) and Bergen's byråd and kommunaldirektør stand in (L2748). 2 × 436 = 872.
 */
import type { Kommune } from '../core/kommuner.ts';

export interface Invitee {
  resp_id: string;
  gruppe: 'ordforer' | 'radmann';
  kommune: Kommune;
  bydel: string | null;
  navn: string;
  epost: string;
}

const OSLO = '0301';
export const OSLO_BYDELER = Array.from({ length: 15 }, (_, i) => `0301${String(i + 1).padStart(2, '0')}`);

const FIRST = ['Kari', 'Ola', 'Anne', 'Per', 'Ingrid', 'Nils', 'Siri', 'Tor', 'Eva', 'Jon', 'Liv', 'Arne', 'Randi', 'Geir', 'Hilde', 'Knut'];
const LAST = ['Eksempel', 'Prøvesen', 'Testesen', 'Simulert', 'Fiktiv', 'Demodal'];

/** The invitees of a frame; `idPrefix` starts every resp_id (`SIM-OR-` in 2019). */
export function buildFrame(kommuner: Kommune[], idPrefix = 'SIM-OR-'): Invitee[] {
  const invitees: Omit<Invitee, 'resp_id' | 'navn'>[] = [];
  for (const k of kommuner) {
    if (k.kommunenr === OSLO) {
      for (const bydel of OSLO_BYDELER) {
        invitees.push({ gruppe: 'ordforer', kommune: k, bydel, epost: `bydelsutvalg.${bydel}@eksempel.invalid` });
        invitees.push({ gruppe: 'radmann', kommune: k, bydel, epost: `bydelsdir.${bydel}@eksempel.invalid` });
      }
    } else {
      invitees.push({ gruppe: 'ordforer', kommune: k, bydel: null, epost: `ordforer.${k.kommunenr}@eksempel.invalid` });
      invitees.push({ gruppe: 'radmann', kommune: k, bydel: null, epost: `radmann.${k.kommunenr}@eksempel.invalid` });
    }
  }
  return invitees.map((inv, i) => ({
    ...inv,
    resp_id: `${idPrefix}${String(i + 1).padStart(4, '0')}`,
    navn: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
  }));
}
