// Use cases of Akten: creating, reading, listing and changing them (their lifecycle is in lebenszyklus.ts).
import type { Medium, Vertraulichkeitsstufe } from '@eakte/db/schema';
import { AuthErrors, decodeCursor, encodeCursor, Errors, heute, type Protokollierer } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import { wirksameAufbewahrungDerEinheiten, type Frist } from '@eakte/schriftgutverwaltung/aufbewahrung';
import { pruefeAenderung } from '@eakte/schriftgutverwaltung/geschlossen';
import { aktiveLoeschsperren, sichereFristaenderung } from '@eakte/schriftgutverwaltung/loeschsperre';
import { pruefeIfMatch } from '../domain/version.js';
import * as repo from '../repositories/akten.js';
import { uebersetzeDbFehler } from './fehler.js';
import { akteEreignis, aenderungen, ansichtAus, begrenze, fristAlsSpalten, istRegistratur, type AkteAnsicht, type Grundlage, type MandantAkteur, type Seite } from './kontext.js';

export function createAktenService(g: Grundlage, protokolliere: Protokollierer) {
  const { imKontext, ansicht, ansichten, sichtbareAkte, gueltigeEinheit, pruefeStufe, neuesAktenzeichen, pruefeLaufzeitBeginn, aufbewahrungNachziehen } = g;
  return {
    erstelleAkte: (
      akteur: MandantAkteur,
      body: {
        aktenplaneinheitId: string;
        betreff: string;
        federfuehrung?: string | null;
        vertraulichkeitsstufe?: Vertraulichkeitsstufe;
        medium?: Medium;
        bemerkung?: string | null;
        laufzeitBeginn?: string;
      },
    ) =>
      imKontext(akteur, async (tx, k) => {
        const tag = heute();
        const stufe = body.vertraulichkeitsstufe ?? '003';
        pruefeStufe(k, stufe);
        pruefeLaufzeitBeginn(k, body.laufzeitBeginn, tag);
        const federfuehrung = body.federfuehrung === undefined ? (k.benutzer.organisationseinheiten[0] ?? null) : body.federfuehrung;
        if (federfuehrung === null && k.sicht.organisationseinheiten !== null) {
          throw new Errors.NichtVerarbeitbar('Akten brauchen in diesem Mandanten eine federführende Organisationseinheit');
        }
        const e = await gueltigeEinheit(tx, body.aktenplaneinheitId, tag);
        // everything that can be read beforehand is: the counter row stays locked only briefly
        const geerbt = (await wirksameAufbewahrungDerEinheiten(tx, [e.id])).get(e.id);
        const az = await neuesAktenzeichen(tx, k, e, tag);
        const row = await repo
          .fuegeAkteEin(tx, {
            id: uuidv7(),
            mandantId: k.mandantId,
            aktenplaneinheitId: e.id,
            aktenzeichen: az.aktenzeichen,
            laufendeNummer: az.nr,
            jahr: az.jahr,
            betreff: body.betreff,
            federfuehrungId: federfuehrung,
            vertraulichkeitsstufe: stufe,
            medium: body.medium ?? '001',
            bemerkung: body.bemerkung ?? null,
            laufzeitBeginn: body.laufzeitBeginn ?? tag,
            erstelltVon: k.sub,
          })
          .catch((err) => uebersetzeDbFehler(err, { eindeutig: `Aktenzeichen ${az.aktenzeichen} ist bereits vergeben`, verweis: 'Die federführende Organisationseinheit existiert nicht' }));
        await protokolliere(tx, akteur, akteEreignis('akte.erstellt', row, { details: { betreff: row.betreff, aktenplaneinheitId: e.id, vertraulichkeitsstufe: stufe } }));
        return ansichtAus(row, geerbt, []);
      }),

    akte: (akteur: MandantAkteur, id: string) => imKontext(akteur, async (tx, k) => ansicht(tx, await sichtbareAkte(tx, k, id))),

    listeAkten: (akteur: MandantAkteur, q: repo.AktenFilter & { limit?: number; cursor?: string; sortierung?: 'aktenzeichen' | 'geaendert' }): Promise<Seite<AkteAnsicht>> =>
      imKontext(akteur, async (tx, k) => {
        const sortierung = q.sortierung ?? 'aktenzeichen';
        const limit = begrenze(q.limit);
        // a cursor names its sort order: one of the other order is refused like a made-up one
        const nach =
          sortierung === 'aktenzeichen'
            ? ((c) => (c ? [c.az] : null))(decodeCursor(q.cursor, { az: 'text' }))
            : ((c) => (c ? [c.t, c.id] : null))(decodeCursor(q.cursor, { t: 'zeitpunkt', id: 'uuid' }));
        const rows = await repo.listeAkten(tx, k.sicht, q, sortierung, nach, limit + 1);
        const mehr = rows.length > limit;
        const seite = rows.slice(0, limit);
        const letzte = seite[seite.length - 1];
        const nextCursor = mehr && letzte ? encodeCursor(sortierung === 'aktenzeichen' ? { az: letzte.aktenzeichen } : { t: letzte.geaendertText, id: letzte.id }) : null;
        return { items: await ansichten(tx, seite), nextCursor };
      }),

    aendereAkte: (
      akteur: MandantAkteur,
      id: string,
      ifMatch: string | undefined,
      body: {
        betreff?: string;
        federfuehrung?: string | null;
        vertraulichkeitsstufe?: Vertraulichkeitsstufe;
        medium?: Medium;
        bemerkung?: string | null;
        aufbewahrungsfrist?: Frist;
        aussonderungsart?: 'A' | 'B' | 'V' | null;
        grund?: string;
      },
    ) =>
      imKontext(akteur, async (tx, k) => {
        const alt = await sichtbareAkte(tx, k, id, true);
        pruefeIfMatch(ifMatch, alt.version);
        pruefeAenderung({ akteStatus: alt.status }, k.rollen, body.grund);
        if ((body.aufbewahrungsfrist !== undefined || body.aussonderungsart !== undefined) && !istRegistratur(k)) {
          throw new AuthErrors.KeineBerechtigung('Aufbewahrungsfrist und Aussonderungsart ändert nur die Registratur');
        }
        if (body.vertraulichkeitsstufe !== undefined) pruefeStufe(k, body.vertraulichkeitsstufe);
        const { grund, aufbewahrungsfrist, federfuehrung, ...rest } = body;
        const set: Partial<repo.AkteRow> = { ...rest, ...fristAlsSpalten(aufbewahrungsfrist) };
        if (federfuehrung !== undefined) set.federfuehrungId = federfuehrung;
        const diff = aenderungen(alt, set);
        if (diff.length === 0) return ansicht(tx, alt);
        let row = await repo.aendereAkte(tx, id, set).catch((e) => uebersetzeDbFehler(e, { verweis: 'Die federführende Organisationseinheit existiert nicht' }));
        // docs/domaene.md R8: retention may be lengthened at any time, shortened only when no Löschsperre covers the Akte
        if (aufbewahrungsfrist !== undefined) {
          sichereFristaenderung((await ansicht(tx, alt)).frist, (await ansicht(tx, row)).frist, await aktiveLoeschsperren(tx, id));
        }
        row = await aufbewahrungNachziehen(tx, row, diff);
        await protokolliere(tx, akteur, akteEreignis('akte.geaendert', row, { aenderungen: diff, details: grund ? { grund } : undefined }));
        return ansicht(tx, row);
      }),
  };
}
