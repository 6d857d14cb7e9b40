// Reading and changing a Dokument's metadata, in the caller's view. A change runs in ONE tenant
// transaction with its audit record.
import type { components } from '@eakte/api-client';
import type { Db } from '@eakte/db';
import { decodeCursor, encodeCursor, Errors, pruefeIfMatch, type Akteur, type Protokollierer } from '@eakte/platform';
import { DokumentFehler } from '../domain/fehler.js';
import { pruefeAenderung } from '@eakte/schriftgutverwaltung/geschlossen';
import { dokumentEtag } from '../domain/version.js';
import type { DokumentMitVersion, DokumenteRepository, VersionRow } from '../repositories/dokumente.js';

type Handelnder = Akteur & { mandantId: string };
type Aenderung = components['schemas']['DokumentAenderung'];
const GEAENDERT = ['betreff', 'datumDesSchreibens', 'eingangsdatum', 'ausgangsdatum', 'absender', 'bemerkung'] as const;

export interface Seite<T> {
  items: T[];
  nextCursor: string | null;
}

export function createDokumentService(deps: { db: Db; repo: DokumenteRepository; protokolliere: Protokollierer }) {
  const { db, repo, protokolliere } = deps;

  /** A Dokument the caller may see, or read through a current step of a Verfügung pinned to it (R17); 404 otherwise. */
  async function dokument(akteur: Handelnder, id: string): Promise<DokumentMitVersion> {
    const dok = await db.withMandant(akteur.mandantId, async (tx) => {
      const sicht = await repo.sicht(tx, akteur);
      return (await repo.dokument(tx, sicht, id)) ?? (await repo.dokumentUeberSchritt(tx, sicht, akteur.sub, id))?.dok ?? null;
    });
    if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
    return dok;
  }

  return {
    dokument,

    /** The Dokumente of a Vorgang in filing order, one page after `cursor`. */
    async dokumenteImVorgang(akteur: Handelnder, vorgangId: string, seite: { limit?: number; cursor?: string }): Promise<Seite<DokumentMitVersion>> {
      const limit = seite.limit ?? 50;
      const nach = decodeCursor(seite.cursor, { id: 'uuid' });
      const rows = await db.withMandant(akteur.mandantId, async (tx) => {
        if (!(await repo.vorgang(tx, await repo.sicht(tx, akteur), vorgangId))) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
        return repo.dokumenteImVorgang(tx, vorgangId, nach ? String(nach.id) : null, limit + 1);
      });
      const items = rows.slice(0, limit);
      const letzte = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && letzte ? encodeCursor({ id: letzte.id }) : null };
    },

    /** The direct Anlagen of a Dokument the caller may see. */
    async anlagen(akteur: Handelnder, id: string): Promise<DokumentMitVersion[]> {
      return db.withMandant(akteur.mandantId, async (tx) => {
        if (!(await repo.dokument(tx, await repo.sicht(tx, akteur), id))) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        return repo.anlagen(tx, id);
      });
    },

    /** Every version of a Dokument the caller may see, oldest first. */
    async versionen(akteur: Handelnder, id: string): Promise<VersionRow[]> {
      return db.withMandant(akteur.mandantId, async (tx) => {
        if (!(await repo.dokument(tx, await repo.sicht(tx, akteur), id))) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        return repo.versionen(tx, id);
      });
    },

    /** Changes the metadata under `ifMatch` (the ETag the caller read); answers the Dokument as it is now. */
    async aendere(akteur: Handelnder, id: string, aenderung: Aenderung, ifMatch: string | undefined): Promise<DokumentMitVersion> {
      const { grund, ...werte } = aenderung;
      if (werte.betreff !== undefined && werte.betreff.trim() === '') throw new DokumentFehler.UngueltigeAngabe('betreff darf nicht leer sein');
      return db.withMandant(akteur.mandantId, async (tx) => {
        const sicht = await repo.sicht(tx, akteur);
        const dok = await repo.dokument(tx, sicht, id, true);
        if (!dok) throw new Errors.NichtGefunden('Dokument nicht gefunden');
        pruefeIfMatch(ifMatch, dokumentEtag(dok));
        pruefeAenderung(dok.kontext, akteur.rollen, grund);
        const aenderungen = GEAENDERT.filter((f) => werte[f] !== undefined && werte[f] !== dok[f]).map((f) => ({ feld: f, alt: dok[f], neu: werte[f] ?? null }));
        if (aenderungen.length === 0) return dok;
        await repo.aendere(tx, dok.id, Object.fromEntries(aenderungen.map((a) => [a.feld, a.neu])));
        await protokolliere(tx, akteur, {
          aktion: 'dokument.geaendert',
          objektTyp: 'dokument',
          objektId: dok.id,
          aktenzeichen: dok.kontext.aktenzeichen,
          akteId: dok.akteId,
          aenderungen,
          ...(grund ? { details: { grund } } : {}),
        });
        const neu = await repo.dokument(tx, sicht, id);
        return neu!;
      });
    },
  };
}

export type DokumentService = ReturnType<typeof createDokumentService>;
