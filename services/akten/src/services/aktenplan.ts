// Use cases of the Aktenplan (Registratur): units, their retention defaults, CSV export and import.
import { Errors, type Protokollierer } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import { inBaumordnung, vergleicheKennzeichen } from '../domain/aktenplan.js';
import { elternKennzeichen, leseAktenplanCsv, schreibeAktenplanCsv } from '../domain/aktenplan-csv.js';
import { fristVon, wirksameAufbewahrungDerEinheiten, type Frist } from '@eakte/schriftgutverwaltung/aufbewahrung';
import { gesperrteErbendeAkten, sichereFristaenderung } from '@eakte/schriftgutverwaltung/loeschsperre';
import { pruefeIfMatch } from '../domain/version.js';
import * as repo from '../repositories/aktenplan.js';
import { mitErweiterung, uebersetzeDbFehler } from './fehler.js';
import { aenderungen, fristAlsSpalten, type Grundlage, type MandantAkteur } from './kontext.js';

type Aussonderungsart = 'A' | 'B' | 'V' | null;

export function createAktenplanService({ imKontext, imMandanten }: Grundlage, protokolliere: Protokollierer) {
  return {
    /** The whole Aktenplan in tree order, each unit with its depth. */
    aktenplan: (akteur: MandantAkteur) => imMandanten(akteur, async (tx) => inBaumordnung(await repo.alleEinheiten(tx))),

    einheit: (akteur: MandantAkteur, id: string) =>
      imMandanten(akteur, async (tx) => {
        const row = await repo.einheit(tx, id);
        if (!row) throw new Errors.NichtGefunden('Aktenplaneinheit nicht gefunden');
        return row;
      }),

    exportiereAktenplan: (akteur: MandantAkteur) =>
      imKontext(akteur, async (tx) =>
        schreibeAktenplanCsv(
          (await repo.alleEinheiten(tx))
            .sort((a, b) => vergleicheKennzeichen(a.kennzeichen, b.kennzeichen))
            .map((e) => ({ kennzeichen: e.kennzeichen, titel: e.titel, frist: fristVon(e), aussonderungsart: e.aussonderungsart })),
        ),
      ),

    /** Creates missing units and updates titles and retention defaults of existing ones, all or nothing. */
    importiereAktenplan: (akteur: MandantAkteur, text: string) =>
      imKontext(akteur, async (tx, k) => {
        const bestand = new Map((await repo.alleEinheiten(tx)).map((e) => [e.kennzeichen, e]));
        const { einheiten, fehler } = leseAktenplanCsv(text, new Set(bestand.keys()));
        if (fehler.length > 0) {
          throw mitErweiterung(new Errors.NichtVerarbeitbar(`Die Datei hat ${fehler.length} fehlerhafte Angabe(n); nichts wurde geändert`), { fehler });
        }
        const ergebnis = { angelegt: 0, aktualisiert: 0, unveraendert: 0 };
        for (const e of einheiten) {
          const alt = bestand.get(e.kennzeichen);
          const neu = { titel: e.titel, ...fristAlsSpalten(e.frist), ...(e.aussonderungsart !== undefined ? { aussonderungsart: e.aussonderungsart } : {}) };
          if (!alt) {
            const eltern = elternKennzeichen(e.kennzeichen);
            const row = await repo.fuegeEinheitEin(tx, {
              id: uuidv7(),
              mandantId: k.mandantId,
              parentId: eltern ? bestand.get(eltern)!.id : null,
              kennzeichen: e.kennzeichen,
              ...neu,
            });
            bestand.set(row.kennzeichen, row);
            await protokolliere(tx, akteur, {
              aktion: 'aktenplaneinheit.erstellt',
              objektTyp: 'aktenplaneinheit',
              objektId: row.id,
              details: { kennzeichen: row.kennzeichen, titel: row.titel, import: true },
            });
            ergebnis.angelegt++;
            continue;
          }
          const diff = aenderungen(alt, neu);
          if (diff.length === 0) {
            ergebnis.unveraendert++;
            continue;
          }
          await repo.aendereEinheit(tx, alt.id, neu);
          await protokolliere(tx, akteur, { aktion: 'aktenplaneinheit.geaendert', objektTyp: 'aktenplaneinheit', objektId: alt.id, aenderungen: diff, details: { import: true } });
          ergebnis.aktualisiert++;
        }
        return ergebnis;
      }),

    erstelleEinheit: (
      akteur: MandantAkteur,
      body: {
        parentId?: string | null;
        kennzeichen: string;
        titel: string;
        beschreibung?: string | null;
        gueltigAb?: string | null;
        gueltigBis?: string | null;
        aufbewahrungsfrist?: Frist;
        aussonderungsart?: Aussonderungsart;
      },
    ) =>
      imKontext(akteur, async (tx, k) => {
        if (body.parentId) {
          const parent = await repo.einheit(tx, body.parentId);
          if (!parent) throw new Errors.NichtVerarbeitbar('Übergeordnete Aktenplaneinheit existiert nicht');
          if (!body.kennzeichen.startsWith(`${parent.kennzeichen}.`)) {
            throw new Errors.NichtVerarbeitbar(`Das Kennzeichen muss mit ${parent.kennzeichen}. beginnen`);
          }
        } else if (body.kennzeichen.includes('.')) {
          throw new Errors.NichtVerarbeitbar('Eine Einheit mit mehrteiligem Kennzeichen braucht eine übergeordnete Einheit (parentId)');
        }
        if (body.gueltigAb && body.gueltigBis && body.gueltigBis < body.gueltigAb) throw new Errors.NichtVerarbeitbar('gueltigBis liegt vor gueltigAb');
        const row = await repo
          .fuegeEinheitEin(tx, {
            id: uuidv7(),
            mandantId: k.mandantId,
            parentId: body.parentId ?? null,
            kennzeichen: body.kennzeichen,
            titel: body.titel,
            beschreibung: body.beschreibung ?? null,
            gueltigAb: body.gueltigAb ?? null,
            gueltigBis: body.gueltigBis ?? null,
            ...fristAlsSpalten(body.aufbewahrungsfrist ?? null),
            aussonderungsart: body.aussonderungsart ?? null,
          })
          .catch((e) => uebersetzeDbFehler(e, { eindeutig: `Das Kennzeichen ${body.kennzeichen} ist bereits vergeben` }));
        await protokolliere(tx, akteur, { aktion: 'aktenplaneinheit.erstellt', objektTyp: 'aktenplaneinheit', objektId: row.id, details: { kennzeichen: row.kennzeichen, titel: row.titel } });
        return row;
      }),

    aendereEinheit: (
      akteur: MandantAkteur,
      id: string,
      ifMatch: string | undefined,
      body: { titel?: string; beschreibung?: string | null; gueltigAb?: string | null; gueltigBis?: string | null; aufbewahrungsfrist?: Frist; aussonderungsart?: Aussonderungsart },
    ) =>
      imKontext(akteur, async (tx) => {
        const alt = await repo.einheit(tx, id, { sperren: true });
        if (!alt) throw new Errors.NichtGefunden('Aktenplaneinheit nicht gefunden');
        pruefeIfMatch(ifMatch, alt.version);
        const { aufbewahrungsfrist, ...rest } = body;
        const set = { ...rest, ...fristAlsSpalten(aufbewahrungsfrist) };
        const ab = set.gueltigAb === undefined ? alt.gueltigAb : set.gueltigAb;
        const bis = set.gueltigBis === undefined ? alt.gueltigBis : set.gueltigBis;
        if (ab && bis && bis < ab) throw new Errors.NichtVerarbeitbar('gueltigBis liegt vor gueltigAb');
        const diff = aenderungen(alt, set);
        if (diff.length === 0) return alt;
        // the Frist every inheriting Akte gets from this unit, before and after the change
        const geerbteFrist = async () => (await wirksameAufbewahrungDerEinheiten(tx, [id])).get(id)?.frist ?? null;
        const vorher = aufbewahrungsfrist !== undefined ? await geerbteFrist() : null;
        const row = await repo.aendereEinheit(tx, id, set);
        // docs/domaene.md R8: shortening is refused while a Löschsperre covers an Akte that inherits the Frist
        if (aufbewahrungsfrist !== undefined) {
          const detail = 'Eine Löschsperre liegt auf einer Akte, die diese Aufbewahrungsfrist erbt: die Frist kann nur verlängert werden';
          sichereFristaenderung(vorher, await geerbteFrist(), await gesperrteErbendeAkten(tx, id), detail);
        }
        await protokolliere(tx, akteur, { aktion: 'aktenplaneinheit.geaendert', objektTyp: 'aktenplaneinheit', objektId: id, aenderungen: diff });
        return row;
      }),

    loescheEinheit: (akteur: MandantAkteur, id: string) =>
      imKontext(akteur, async (tx) => {
        const alt = await repo.einheit(tx, id, { sperren: true });
        if (!alt) throw new Errors.NichtGefunden('Aktenplaneinheit nicht gefunden');
        const grund = await repo.einheitInBenutzung(tx, id);
        if (grund) throw new Errors.Konflikt(grund);
        await repo.loescheEinheit(tx, id);
        await protokolliere(tx, akteur, { aktion: 'aktenplaneinheit.geloescht', objektTyp: 'aktenplaneinheit', objektId: id, details: { kennzeichen: alt.kennzeichen, titel: alt.titel } });
      }),
  };
}
