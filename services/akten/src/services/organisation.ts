// Use cases of org units and users (Fachadministration).
import type { Freigabe } from '@eakte/db/schema';
import type { Protokollierer } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import * as repo from '../repositories/organisation.js';
import { uebersetzeDbFehler } from './fehler.js';
import { aenderungen, type Grundlage, type MandantAkteur } from './kontext.js';

export function createOrganisationService({ imKontext }: Grundlage, protokolliere: Protokollierer) {
  return {
    listeOrganisationseinheiten: (akteur: MandantAkteur) => imKontext(akteur, (tx) => repo.alleOrganisationseinheiten(tx)),

    erstelleOrganisationseinheit: (akteur: MandantAkteur, body: { kuerzel: string; name: string }) =>
      imKontext(akteur, async (tx, k) => {
        const row = await repo
          .fuegeOrganisationseinheitEin(tx, { id: uuidv7(), mandantId: k.mandantId, ...body })
          .catch((e) => uebersetzeDbFehler(e, { eindeutig: `Eine Organisationseinheit mit dem Kürzel ${body.kuerzel} existiert bereits` }));
        await protokolliere(tx, akteur, { aktion: 'organisationseinheit.erstellt', objektTyp: 'organisationseinheit', objektId: row.id, details: body });
        return row;
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
