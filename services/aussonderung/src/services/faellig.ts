// The due list: closed Akten whose retention has run out (docs/domaene.md R1–R3).
import { decodeCursor, encodeCursor, heute } from '@eakte/platform';
import * as repo from '../repositories/aussonderung.js';
import { type MandantAkteur, begrenze } from './modell.js';
import type { Kontext } from './kontext.js';

/** The use case of the due list. */
export function faelligFaelle(k: Kontext) {
  const { imMandant } = k;

  return {
    faellig(akteur: MandantAkteur, q: { aktenplaneinheit?: string; jahr?: string; limit?: number; cursor?: string }) {
      return imMandant(akteur, async (tx) => {
        const limit = begrenze(q.limit);
        const nach = ((c) => (c ? { datum: c.d, id: c.id } : undefined))(decodeCursor(q.cursor, { d: 'datum', id: 'uuid' }));
        const rows = await repo.faellig(tx, { stichtag: heute(), einheit: q.aktenplaneinheit, jahr: q.jahr ? Number(q.jahr) : undefined, nach: nach ?? undefined, limit: limit + 1 });
        const items = rows.slice(0, limit);
        const letzte = items.at(-1);
        return { items, nextCursor: rows.length > limit && letzte ? encodeCursor({ d: letzte.aussonderungFaelligAb, id: letzte.id }) : null };
      });
    },
  };
}
