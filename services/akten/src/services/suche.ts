// The search over Akten, Vorgänge and Dokumente, within the caller's view.
import { decodeCursor, encodeCursor } from '@eakte/platform';
import * as repo from '../repositories/suche.js';
import { begrenze, type Grundlage, type MandantAkteur, type Seite } from './kontext.js';

export function createSucheService({ imKontext }: Grundlage) {
  return {
    suche: (akteur: MandantAkteur, q: { q: string; limit?: number; cursor?: string }): Promise<Seite<repo.Treffer> & { anzahl: number; anzahlBegrenzt: boolean; textAusstehend: number | null }> =>
      imKontext(akteur, async (tx, k) => {
        const nach = decodeCursor(q.cursor, { r: 'dezimal', typ: 'text', id: 'uuid' });
        const text = q.q.trim();
        if (text === '') return { items: [], nextCursor: null, anzahl: 0, anzahlBegrenzt: false, textAusstehend: 0 };
        const limit = begrenze(q.limit);
        const { treffer: rows, anzahl, anzahlBegrenzt } = await repo.suche(tx, k.sicht, text, nach ? [nach.r, nach.typ, nach.id] : null, limit + 1);
        const seite = rows.slice(0, limit);
        const letzte = seite[seite.length - 1];
        return {
          items: seite,
          nextCursor: rows.length > limit && letzte ? encodeCursor({ r: letzte.relevanz, typ: letzte.typ, id: letzte.id }) : null,
          anzahl,
          anzahlBegrenzt,
          // so that "no hits" right after an upload does not read as "not there": asked on a search's
          // last page only, where it can matter (it costs as much as the search itself)
          textAusstehend: rows.length > limit ? null : await repo.textAusstehend(tx, k.sicht),
        };
      }),
  };
}
