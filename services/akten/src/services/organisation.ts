// Use cases of org units and users (Fachadministration).
import type { Freigabe } from '@eakte/db/schema';
import { decodeCursor, encodeCursor, type Protokollierer } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import * as repo from '../repositories/organisation.js';
import { uebersetzeDbFehler } from './fehler.js';
import { aenderungen, begrenze, type Grundlage, type MandantAkteur, type Seite } from './kontext.js';

export function createOrganisationService({ imKontext, imMandanten }: Grundlage, protokolliere: Protokollierer) {
  // who is in the directory already, per process: the entry costs one insert per user and instance
  const verzeichnet = new Set<string>();
  return {
    /**
     * Everyone who uses the platform enters the tenant's directory, to be shown and picked by name,
     * with the name their login carries (a name set by Fachadministration stays). Technical clients
     * (only the Fachverfahren role) are no people to pick.
     */
    async verzeichneBenutzer(akteur: MandantAkteur): Promise<void> {
      const schluessel = `${akteur.mandantId}:${akteur.sub}`;
      if (verzeichnet.has(schluessel) || !akteur.rollen.some((r) => r !== 'fachverfahren' && r !== 'plattformbetrieb')) return;
      await imMandanten(akteur, (tx) => repo.merkeBenutzer(tx, akteur.mandantId, akteur.sub, akteur.name && akteur.name !== akteur.sub ? akteur.name : null));
      if (verzeichnet.size >= 100_000) verzeichnet.clear();
      verzeichnet.add(schluessel);
    },

    listeOrganisationseinheiten: (akteur: MandantAkteur) => imKontext(akteur, (tx) => repo.alleOrganisationseinheiten(tx)),

    erstelleOrganisationseinheit: (akteur: MandantAkteur, body: { kuerzel: string; name: string }) =>
      imKontext(akteur, async (tx, k) => {
        const row = await repo
          .fuegeOrganisationseinheitEin(tx, { id: uuidv7(), mandantId: k.mandantId, ...body })
          .catch((e) => uebersetzeDbFehler(e, { eindeutig: `Eine Organisationseinheit mit dem Kürzel ${body.kuerzel} existiert bereits` }));
        await protokolliere(tx, akteur, { aktion: 'organisationseinheit.erstellt', objektTyp: 'organisationseinheit', objektId: row.id, details: body });
        return row;
      }),

    /** The tenant's users by name; the clearance only for Fachadministration, who sets it. */
    listeBenutzer: (akteur: MandantAkteur, q: { suche?: string; organisationseinheit?: string; limit?: number; cursor?: string }) =>
      imKontext(akteur, async (tx, k): Promise<Seite<{ sub: string; name: string; freigabe?: Freigabe; organisationseinheiten: string[] }>> => {
        const nach = decodeCursor(q.cursor, { name: 'text', sub: 'text' }) ?? undefined;
        const limit = begrenze(q.limit);
        const rows = await repo.sucheBenutzer(tx, { suche: q.suche, organisationseinheit: q.organisationseinheit, limit: limit + 1, nach });
        const seite = rows.slice(0, limit);
        const mitFreigabe = k.rollen.includes('fachadministration');
        const letzte = seite.at(-1);
        return {
          items: seite.map((r) => ({ sub: r.sub, name: r.anzeigename, ...(mitFreigabe ? { freigabe: r.freigabe } : {}), organisationseinheiten: r.organisationseinheiten })),
          nextCursor: rows.length > limit && letzte ? encodeCursor({ name: letzte.anzeigename, sub: letzte.sub }) : null,
        };
      }),

    setzeBenutzer: (akteur: MandantAkteur, sub: string, body: { name?: string | null; freigabe: Freigabe; organisationseinheiten: string[] }) =>
      imKontext(akteur, async (tx, k) => {
        const alt = (await repo.benutzerMitEinheiten(tx, sub)) ?? { name: null, freigabe: 'offen' as Freigabe, organisationseinheiten: [] };
        const neu = { name: body.name ?? alt.name, freigabe: body.freigabe, organisationseinheiten: body.organisationseinheiten };
        await repo.setzeBenutzer(tx, k.mandantId, sub, neu).catch((e) => uebersetzeDbFehler(e, { verweis: 'Eine der Organisationseinheiten existiert nicht' }));
        await protokolliere(tx, akteur, {
          aktion: 'benutzer.gesetzt',
          objektTyp: 'benutzer',
          objektId: null,
          details: { sub },
          aenderungen: aenderungen(alt, neu),
        });
        return { sub, ...(await repo.benutzerMitEinheiten(tx, sub))! };
      }),
  };
}
