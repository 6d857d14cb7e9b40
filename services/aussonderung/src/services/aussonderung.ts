// The Aussonderung service's use cases. Each mutation runs in ONE tenant transaction, asks the
// domain gates, and records its audit event through the Protokollierer in that same transaction.
// Content is removed from storage only after the transaction that records the removal committed.
import type { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { legeSystemdokumentAb, schema, sql, type Db, type Tx } from '@eakte/db';
import { eq } from 'drizzle-orm';
import type { ObjectStore } from '@eakte/storage';
import { akteurOf, decodeCursor, encodeCursor, Errors, gespeicherteBehoerdenkennung, heute, istEindeutigkeitsverletzung, type Protokollierer } from '@eakte/platform';
import { einstellungenAus } from '@eakte/schriftgutverwaltung/einstellungen';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import {
  pruefeAbgabe,
  pruefeAnbietung,
  pruefeLoeschungNachImport,
  pruefeVernichtung,
  pruefeVierAugen,
  type Bewertung,
  type Verstoss,
} from '../domain/aussonderung-gates.js';
import { archivierteAkten, prozessStatus, uebernimmBewertung } from '../domain/aussonderungsprozess.js';
import { vernichtungsprotokollPdf, type Bewertungsherkunft, type ProtokollObjekt } from '../domain/vernichtungsprotokoll.js';
import * as repo from '../repositories/aussonderung.js';
import {
  anbieteverzeichnis,
  aussonderungsnachricht,
  bewertungEmpfangBestaetigen,
  leseBewertungsverzeichnis,
  leseImportbestaetigung,
  leseNachricht,
  XdomeaFehler,
  type GelesenerKopf,
  type KopfDaten,
  type XAkte,
  type XDokument,
} from '../xdomea/nachrichten.js';
import { paket, paketName, type PaketDatei } from '../xdomea/paket.js';
import { fehlertext, pruefeSchema } from '../xdomea/schema.js';
import { AussonderungFehler, erzeugungUngueltig, Konflikt, NichtGefunden, NichtVerarbeitbar, ungueltig, verstossFehler } from './fehler.js';
import type { Historienquelle, InhaltDatei, InhaltDokument, Inhalte } from './ports.js';

export const LIMIT_STANDARD = 50;
export const LIMIT_MAX = 200;
/** A hold's search adds at most this many Akten. */
export const MAX_SUCHTREFFER = 10_000;
/** xdomea `Typ` of Akte and Vorgang (free text in 3.1.0). */
export const AKTENTYP = 'Sachakte';
export const VORGANGSTYP = 'Sachvorgang';

export interface SperrSuche {
  aktenplaneinheit?: string;
  aktenzeichen?: string;
  betreff?: string;
  laufzeitEndeBis?: string;
}
const begrenze = (limit: number | undefined) => Math.min(Math.max(limit ?? LIMIT_STANDARD, 1), LIMIT_MAX);

/** The archive the agency offers to. */
export interface ArchivEinstellungen {
  name: string;
  kurzbezeichnung?: string;
}

export interface AussonderungAnsicht {
  row: repo.AussonderungRow;
  objekte: repo.ObjektRow[];
  /** Each Akte's parts with their own state, per Akte. */
  teile: Map<string, repo.TeilRow[]>;
  /** The request in force, else the newest refused one. */
  vernichtung: repo.VernichtungRow | null;
  nachrichten: repo.NachrichtRow[];
}

/** A hand appraisal: the decisions and the archive's letter they come from. */
export interface BewertungManuell {
  bewertungen: Record<string, Bewertung>;
  zeichen?: string;
  datum?: string;
  archivar?: string;
  dokumentId?: string;
}

export interface Download {
  dateiname: string;
  inhalt: Readable | Uint8Array;
}

export { heute } from '@eakte/platform';

const dateiAlsX = (f: InhaltDatei) => ({
  dateiname: f.paketname,
  dateinameOriginal: f.dateinameOriginal,
  format: f.format,
  mimeType: f.mimeType,
  ersteller: f.ersteller,
  datumUhrzeit: f.erstelltAm,
});

/**
 * How an offered Akte goes as a whole: A when any part goes to the archive (the Akte is then the
 * container of its A-parts, its V-parts are destroyed on their own), V when all its parts are V.
 */
export function teilBewertung(o: Pick<repo.ObjektRow, 'mitA' | 'mitV' | 'bewertung'>): Bewertung | null {
  return o.mitA ? 'A' : o.mitV ? 'V' : o.bewertung;
}

export function createAussonderungService(
  db: Db,
  deps: { protokolliere: Protokollierer; inhalte: Inhalte; historie: Historienquelle; archiv: ArchivEinstellungen; storage: ObjectStore },
) {
  const { protokolliere, inhalte, historie } = deps;

  function imMandant<T>(req: FastifyRequest, fn: (tx: Tx, a: ReturnType<typeof akteurOf>) => Promise<T>): Promise<T> {
    const a = akteurOf(req);
    return db.withMandant(a.mandantId, (tx) => fn(tx, a));
  }

  async function ansicht(tx: Tx, row: repo.AussonderungRow): Promise<AussonderungAnsicht> {
    return {
      row,
      objekte: await repo.objekte(tx, row.id),
      teile: await repo.teile(tx, row.id),
      vernichtung: (await repo.findeVernichtung(tx, row.id)) ?? (await repo.abgelehnteVernichtungen(tx, row.id))[0] ?? null,
      nachrichten: await repo.nachrichten(tx, row.id),
    };
  }

  async function gesperrteAussonderung(tx: Tx, id: string): Promise<repo.AussonderungRow> {
    const row = await repo.findeAussonderung(tx, id, { sperren: true });
    if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
    return row;
  }

  /** Recomputes and stores the process state after a change of its objects. */
  async function aktualisiereStatus(tx: Tx, id: string) {
    const objekte = await repo.objekte(tx, id);
    await repo.setzeAussonderung(tx, id, { status: prozessStatus(objekte.map((o) => ({ ...o, vTeilOffen: o.mitA && o.mitV && !o.teilVernichtetAm }))) });
  }

  async function kopfDaten(tx: Tx, mandantId: string, prozessId: string, organisationseinheit?: string | null): Promise<KopfDaten> {
    const m = await repo.mandantName(tx, mandantId);
    const zustaendig = einstellungenAus(m.einstellungen).zustaendigesArchiv?.trim() || null;
    // an archive that configured the agency's code refuses a message without it: none is sent
    const kennung = gespeicherteBehoerdenkennung(m.behoerdenkennung);
    if (!kennung) {
      throw new Errors.BehoerdenkennungFehlt(
        'Für die Behörde ist keine (lesbare) Behördenkennung hinterlegt; ohne sie sendet die E-Akte keine xdomea-Nachricht. Die Fachadministration setzt sie unter PATCH /mandant (behoerdenkennung).',
      );
    }
    return {
      prozessId,
      erstellt: new Date(),
      absender: {
        behoerde: m.name,
        organisationseinheit: organisationseinheit ?? null,
        behoerdenkennung: kennung,
      },
      // the archive the tenant names (Fachadministration), else the platform's configured default
      empfaenger: zustaendig ? { behoerde: zustaendig, kurzbezeichnung: null } : { behoerde: deps.archiv.name, kurzbezeichnung: deps.archiv.kurzbezeichnung ?? null },
    };
  }

  /** The Akten of a process in xdomea form; with `dateien` the documents' versions and files too. */
  async function xAkten(tx: Tx, akteIds: string[], opts: { dateien: boolean; ohneVorgaenge?: Set<string> }) {
    const akten = await repo.aktenDaten(tx, akteIds);
    const vorgaenge = (await repo.vorgaengeDerAkten(tx, akteIds)).filter((v) => !opts.ohneVorgaenge?.has(v.id));
    const dokumente = await inhalte.dokumente(tx, vorgaenge.map((v) => v.id));
    const arten = await repo.aussonderungsartenDerEinheiten(tx, [...new Set(akten.map((a) => a.row.aktenplaneinheitId))]);
    const fristen = await repo.fristenDerEinheiten(tx, [...new Set(akten.map((a) => a.row.aktenplaneinheitId))]);
    const hist = await historie.historie(tx, [...akteIds, ...vorgaenge.map((v) => v.id), ...dokumente.map((d) => d.id)]);
    const dokJeVorgang = new Map<string, InhaltDokument[]>();
    for (const d of dokumente) dokJeVorgang.set(d.vorgangId, [...(dokJeVorgang.get(d.vorgangId) ?? []), d]);
    const dateien: InhaltDatei[] = [];
    const x: XAkte[] = akten.map(({ row, einheit, federfuehrung }) => ({
      id: row.id,
      aktenzeichen: row.aktenzeichen,
      betreff: row.betreff,
      // the model knows no Einzelfallakten: every Akte is a Sachakte, every Vorgang a Sachvorgang
      typ: AKTENTYP,
      federfuehrung,
      aktenplaneinheit: { kennzeichen: einheit.kennzeichen, titel: einheit.titel, beschreibung: einheit.beschreibung },
      vertraulichkeitsstufe: row.vertraulichkeitsstufe,
      medium: row.medium,
      bemerkung: row.bemerkung,
      laufzeit: { beginn: row.laufzeitBeginn, ende: row.laufzeitEnde },
      zdaDatum: row.zdaDatum,
      aufbewahrungsfrist: row.unbefristet ? 'unbefristet' : (row.aufbewahrungsfrist ?? fristen.get(row.aktenplaneinheitId) ?? null),
      aussonderungsart: row.aussonderungsart ?? arten.get(row.aktenplaneinheitId) ?? null,
      aufbewahrungBis: row.aufbewahrungBis,
      historie: hist.get(row.id) ?? [],
      vorgaenge: vorgaenge
        .filter((v) => v.akteId === row.id)
        .map((v) => ({
          id: v.id,
          kennzeichen: v.kennzeichen,
          betreff: v.betreff,
          typ: VORGANGSTYP,
          zdaDatum: v.zdaDatum,
          // a Vorgang carries no Aussonderungsart of its own: its Akte's (own or its unit's)
          aussonderungsart: row.aussonderungsart ?? arten.get(row.aktenplaneinheitId) ?? null,
          laufzeit: { beginn: v.laufzeitBeginn, ende: v.zdaDatum },
          historie: hist.get(v.id) ?? [],
          dokumente: (() => {
            const alle = dokJeVorgang.get(v.id) ?? [];
            const alsX = (d: (typeof alle)[number], kennzeichen: string, anlagen?: XDokument[]): XDokument => ({
              id: d.id,
              betreff: d.betreff,
              kennzeichen,
              vertraulichkeitsstufe: row.vertraulichkeitsstufe,
              datumDesSchreibens: d.datumDesSchreibens,
              posteingangsdatum: d.posteingangsdatum,
              postausgangsdatum: d.postausgangsdatum,
              bearbeiter: d.bearbeiter,
              historie: hist.get(d.id) ?? [],
              versionen: d.versionen.map((ver) => {
                if (opts.dateien) dateien.push(...ver.dateien);
                return { nummer: ver.nummer, dateien: ver.dateien.map(dateiAlsX) };
              }),
              ...(anlagen && anlagen.length > 0 ? { anlagen } : {}),
            });
            // every Anlage under its top-level Dokument, however deep it was filed (nested mails)
            const oberstes = (d: (typeof alle)[number]): string => {
              let aktuell = d;
              for (let i = 0; aktuell.elternDokumentId && i < 20; i++) {
                const eltern = alle.find((x) => x.id === aktuell.elternDokumentId);
                if (!eltern) break;
                aktuell = eltern;
              }
              return aktuell.id;
            };
            // the Geschäftszeichen: Vorgangskennzeichen / running number in the Vorgang (filing order,
            // as NummerImUebergeordnetenContainer); an Anlage adds its own number
            const kz = (i: number) => `${v.kennzeichen}/${i + 1}`;
            return alle
              .filter((d) => !d.elternDokumentId)
              .map((d, i) => alsX(d, kz(i), alle.filter((a) => a.elternDokumentId && oberstes(a) === d.id).map((a, j) => alsX(a, `${kz(i)}.${j + 1}`))));
          })(),
        })),
    }));
    return { akten: x, dateien, vorgaenge };
  }

  /**
   * Files of the Akten's parts appraised `teil` (every version), for deletion and the protocol:
   * 'A' is what the 0503 transferred, 'V' what only an approved destruction removes.
   */
  async function dateienDerAkten(tx: Tx, akteIds: string[], teil: Bewertung): Promise<Map<string, InhaltDatei[]>> {
    const vorgaenge = await repo.vorgaengeDerTeile(tx, akteIds, teil);
    const akteVon = new Map(vorgaenge.map((v) => [v.id, v.akteId]));
    const out = new Map<string, InhaltDatei[]>(akteIds.map((id) => [id, []]));
    for (const d of await inhalte.dokumente(tx, vorgaenge.map((v) => v.id))) {
      const liste = out.get(akteVon.get(d.vorgangId)!)!;
      for (const v of d.versionen) liste.push(...v.dateien);
    }
    return out;
  }

  /**
   * The V-parts of Akten that also have A-parts (they go to the archive inside their Akte), not yet
   * destroyed: their Vorgänge, per Akte. An Akte with V-parts only is destroyed as a whole.
   */
  async function vTeile(tx: Tx, objekte: readonly repo.ObjektRow[]): Promise<Map<string, { id: string; kennzeichen: string; betreff: string }[]>> {
    const kandidaten = objekte.filter((o) => o.mitA && o.mitV && !o.teilVernichtetAm);
    const out = new Map<string, { id: string; kennzeichen: string; betreff: string }[]>();
    for (const v of await repo.vorgaengeDerTeile(tx, kandidaten.map((o) => o.akteId), 'V')) out.set(v.akteId, [...(out.get(v.akteId) ?? []), v]);
    return out;
  }

  /** Files per Vorgang (every version). */
  async function dateienJeVorgang(tx: Tx, vorgangIds: string[]): Promise<Map<string, InhaltDatei[]>> {
    const out = new Map<string, InhaltDatei[]>(vorgangIds.map((id) => [id, []]));
    for (const d of await inhalte.dokumente(tx, vorgangIds)) for (const v of d.versionen) out.get(d.vorgangId)!.push(...v.dateien);
    return out;
  }

  /** An incoming message is read only once it is valid xdomea 3.1.0; else 422 with the schema's errors. */
  async function leseXml<T>(xml: unknown, lesen: (xml: string) => T): Promise<T> {
    if (typeof xml !== 'string') throw new AussonderungFehler.XdomeaUngueltig('Erwartet eine xdomea-Nachricht als XML (application/xml) oder als ZIP');
    const fehler = await pruefeSchema(xml);
    if (fehler.length) {
      throw Object.assign(new AussonderungFehler.XdomeaUngueltig(`Die Nachricht entspricht nicht dem xdomea-3.1.0-Schema: ${fehlertext(fehler)}`), { erweiterung: { fehler } });
    }
    try {
      return lesen(xml);
    } catch (err) {
      if (err instanceof XdomeaFehler) throw new AussonderungFehler.XdomeaUngueltig(err.message);
      throw err;
    }
  }

  /** What we are about to send is valid xdomea 3.1.0, or it is not sent. */
  async function geprueft(xml: string, typ: string): Promise<string> {
    const fehler = await pruefeSchema(xml);
    if (fehler.length) throw erzeugungUngueltig(`Die erzeugte Nachricht ${typ} entspricht nicht dem xdomea-3.1.0-Schema und wird nicht gesendet: ${fehlertext(fehler)}`, fehler);
    return xml;
  }

  function pruefeProzess(kopf: GelesenerKopf, id: string) {
    if (kopf.prozessId.toLowerCase() !== id.toLowerCase()) {
      throw new AussonderungFehler.XdomeaUngueltig(`Die Nachricht gehört zum Prozess ${kopf.prozessId}, nicht zu ${id}`);
    }
  }

  /** The caller as the actor of a job's audit events (the job runs long after the request). */
  function auftragAkteur(req: FastifyRequest) {
    const a = akteurOf(req);
    return { sub: a.sub, name: a.name, rollen: [...a.rollen], client: a.client ?? null };
  }

  /** A stand-in request for a job, so its audit events name who ordered the work. */
  function auftragAnfrage(auf: repo.AuftragRow): FastifyRequest {
    return { akteur: { ...auf.akteur, client: auf.akteur.client ?? undefined, mandantId: auf.mandantId, mandantSlug: null, scopes: [], anfrageId: `auftrag-${auf.id}`, clientIp: null }, id: `auftrag-${auf.id}`, ip: undefined } as unknown as FastifyRequest;
  }

  /**
   * One content removal: the gates asked again when the job runs (a hold placed after the approval
   * stops it), the hold lock taken so no new hold commits while we delete, then every version of
   * every Dokument of the Akte removed, and only then the object marked. A storage error rolls the
   * transaction back and the job is retried; deleting twice is harmless.
   */
  async function loescheInhaltImAuftrag(tx: Tx, auf: repo.AuftragRow): Promise<void> {
    const akteId = auf.akteId!;
    const req = auftragAnfrage(auf);
    await repo.sperreAktenGegenLoeschung(tx, [akteId]);
    const o = await repo.findeObjekt(tx, auf.aussonderungId, akteId);
    const sperren = (await repo.aktiveSperrenJeAkte(tx, [akteId])).get(akteId) ?? 0;
    let verstoss: Verstoss | null;
    if (!o) verstoss = { code: 'NICHT_ANGEBOTEN', text: 'Nicht angeboten' };
    else if (auf.art === 'vernichtung' && o.mitA) {
      return vernichteTeileImAuftrag(tx, auf, o, sperren);
    } else if (auf.art === 'vernichtung') {
      const v = await repo.findeVernichtung(tx, auf.aussonderungId);
      verstoss = !v?.freigegebenAm
        ? { code: 'VIER_AUGEN', text: 'Die Vernichtung ist nicht freigegeben' }
        : (pruefeVierAugen(v.beantragtVon, v.freigegebenVon!) ??
          pruefeVernichtung({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren, inhaltGeloescht: o.status === 'vernichtet' }));
    } else {
      verstoss = pruefeLoeschungNachImport({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren, importBestaetigt: o.status === 'archiviert' && o.erfolgreich === true });
    }
    if (o && verstoss) {
      // nothing is deleted; the object keeps its content and shows why
      await repo.setzeObjekt(tx, auf.aussonderungId, akteId, { loeschung: 'gesperrt', loeschFehler: verstoss.code });
      await protokolliere(tx, akteurOf(req), {
        aktion: auf.art === 'vernichtung' ? 'akte.vernichtung.abgebrochen' : 'akte.loeschung.abgebrochen',
        objektTyp: 'akte', objektId: akteId, akteId, aktenzeichen: o.aktenzeichen, ergebnis: 'abgelehnt',
        details: { aussonderungId: auf.aussonderungId, grund: verstoss.code },
      });
    } else if (o) {
      const dateien = (await dateienDerAkten(tx, [akteId], auf.art === 'vernichtung' ? 'V' : 'A')).get(akteId)!;
      await inhalte.entferne(dateien);
      await repo.setzeObjekt(tx, auf.aussonderungId, akteId, {
        ...(auf.art === 'vernichtung' ? { status: 'vernichtet' as const } : {}),
        loeschung: 'erledigt', loeschFehler: null, inhaltGeloeschtAm: new Date(),
      });
      await protokolliere(tx, akteurOf(req), {
        aktion: auf.art === 'vernichtung' ? 'akte.vernichtet' : 'akte.inhalt.entfernt',
        objektTyp: 'akte', objektId: akteId, akteId, aktenzeichen: o.aktenzeichen,
        details: { aussonderungId: auf.aussonderungId, dateien: dateien.length, ...(auf.art === 'vernichtung' ? { freigegebenVon: auf.akteur.sub } : { archivkennung: o.archivkennung }) },
      });
    }
    await repo.loescheAuftrag(tx, auf.id);
    await repo.zaehleFortschritt(tx, auf.aussonderungId);
    await aktualisiereStatus(tx, auf.aussonderungId);
    if (auf.art === 'vernichtung') {
      // the last destruction of the process orders the protocol (the process row lock orders them)
      await gesperrteAussonderung(tx, auf.aussonderungId);
      if ((await repo.offeneAuftraege(tx, auf.aussonderungId, 'vernichtung')) === 0) {
        await repo.legeAuftraegeAn(tx, [{ mandantId: auf.mandantId, aussonderungId: auf.aussonderungId, art: 'vernichtungsprotokoll', akteId: null, akteur: auf.akteur }]);
      }
    }
  }

  /**
   * The destruction of the V-Vorgänge of an Akte appraised A (the archive appraised per Vorgang):
   * the same gates as for a V-Akte, asked for the V-part; the A-part and its state stay untouched.
   */
  async function vernichteTeileImAuftrag(tx: Tx, auf: repo.AuftragRow, o: repo.ObjektRow, sperren: number): Promise<void> {
    const req = auftragAnfrage(auf);
    const v = await repo.findeVernichtung(tx, auf.aussonderungId);
    const teile = (await vTeile(tx, [o])).get(o.akteId) ?? [];
    const verstoss = !v?.freigegebenAm
      ? { code: 'VIER_AUGEN' as const, text: 'Die Vernichtung ist nicht freigegeben' }
      : (pruefeVierAugen(v.beantragtVon, v.freigegebenVon!) ??
        pruefeVernichtung({ angeboten: true, bewertung: teile.length ? 'V' : null, aktiveSperren: sperren, inhaltGeloescht: o.teilVernichtetAm !== null }));
    if (verstoss) {
      await protokolliere(tx, akteurOf(req), {
        aktion: 'akte.vernichtung.abgebrochen', objektTyp: 'akte', objektId: o.akteId, akteId: o.akteId, aktenzeichen: o.aktenzeichen, ergebnis: 'abgelehnt',
        details: { aussonderungId: auf.aussonderungId, grund: verstoss.code, vorgaenge: teile.map((t) => t.id) },
      });
    } else {
      const dateien = await dateienJeVorgang(tx, teile.map((t) => t.id));
      await inhalte.entferne([...dateien.values()].flat());
      await repo.setzeObjekt(tx, auf.aussonderungId, o.akteId, { teilVernichtetAm: new Date() });
      for (const t of teile) {
        await protokolliere(tx, akteurOf(req), {
          aktion: 'vorgang.vernichtet', objektTyp: 'vorgang', objektId: t.id, akteId: o.akteId, aktenzeichen: o.aktenzeichen,
          details: { aussonderungId: auf.aussonderungId, kennzeichen: t.kennzeichen, dateien: dateien.get(t.id)!.length, freigegebenVon: auf.akteur.sub },
        });
      }
    }
    await repo.loescheAuftrag(tx, auf.id);
    await repo.zaehleFortschritt(tx, auf.aussonderungId);
    await aktualisiereStatus(tx, auf.aussonderungId);
    await gesperrteAussonderung(tx, auf.aussonderungId);
    if ((await repo.offeneAuftraege(tx, auf.aussonderungId, 'vernichtung')) === 0) {
      await repo.legeAuftraegeAn(tx, [{ mandantId: auf.mandantId, aussonderungId: auf.aussonderungId, art: 'vernichtungsprotokoll', akteId: null, akteur: auf.akteur }]);
    }
  }

  /**
   * The protocol of what was actually destroyed, stored once with its checksum and filed as a
   * Dokument of the tenant: in the Akte the setting `aussonderungAblageAkte` names, Vorgang
   * `Aussonderung <ProzessID>` (created when missing). Without an open Ablage-Akte the stored PDF
   * is referenced from the Vernichtung only, and the Protokoll says why it was not filed.
   */
  async function schreibeProtokollImAuftrag(tx: Tx, auf: repo.AuftragRow): Promise<void> {
    const v = await repo.findeVernichtung(tx, auf.aussonderungId, { sperren: true });
    if (v?.freigegebenAm && !v.protokollSchluessel) {
      const req = auftragAnfrage(auf);
      const alle = await repo.objekte(tx, auf.aussonderungId);
      const vernichtet = new Set(alle.filter((o) => o.status === 'vernichtet').map((o) => o.akteId));
      const teilVernichtet = new Set(alle.filter((o) => o.teilVernichtetAm).map((o) => o.akteId));
      // a V-Akte, or a V-Vorgang of an A-Akte: each listed only once its content is gone
      const objekte = (v.objekte as (ProtokollObjekt & { akteId?: string; vorgangId?: string })[]).filter(
        (o) => o.akteId && (o.vorgangId ? teilVernichtet.has(o.akteId) : vernichtet.has(o.akteId)),
      );
      const pdf = await protokollPdf(tx, auf.mandantId, auf.aussonderungId, { ...v, objekte });
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const einstellung = einstellungenAus((await repo.mandantName(tx, auf.mandantId)).einstellungen).aussonderungAblageAkte;
      const ablageAkte = einstellung && /^[0-9a-f-]{36}$/i.test(einstellung) && (await repo.aktenDaten(tx, [einstellung]))[0]?.row.status === 'offen' ? einstellung : null;
      // filed: a Dokument's object under the Dokumente key scheme (a rollback leaves an orphan the
      // sweeper removes); not filed: under the protocol's own key, referenced from the Vernichtung
      const schluessel = ablageAkte ? `${auf.mandantId}/${uuidv7()}` : `aussonderung/${auf.mandantId}/${auf.aussonderungId}/vernichtungsprotokoll-${v.id}.pdf`;
      await deps.storage.put(schluessel, Buffer.from(pdf), pdf.byteLength, 'application/pdf');
      let dokumentId: string | null = null;
      if (ablageAkte) {
        dokumentId = uuidv7();
        const dateiname = `${auf.aussonderungId}_Vernichtungsprotokoll.pdf`;
        const betreff = `Vernichtungsprotokoll der Aussonderung ${auf.aussonderungId}`;
        const r = await legeSystemdokumentAb(
          tx,
          auf.mandantId,
          { akteId: ablageAkte, vorgangBetreff: `Aussonderung ${auf.aussonderungId}`, vorgangId: uuidv7() },
          { id: dokumentId, betreff, datumDesSchreibens: heute(v.freigegebenAm), dateiname, mimeType: 'application/pdf', groesse: pdf.byteLength, sha256, speicherschluessel: schluessel, erstelltVon: auf.akteur.sub },
        );
        // closed since the check above: the retry files it without the Akte
        if (!r.abgelegt) throw new Error(`Ablage-Akte nicht verfügbar: ${r.grund}`);
        if (r.vorgangNeu) {
          await protokolliere(tx, akteurOf(req), { aktion: 'vorgang.erstellt', objektTyp: 'vorgang', objektId: r.vorgangId, akteId: r.akteId, aktenzeichen: r.aktenzeichen, details: { kennzeichen: r.vorgangKennzeichen, betreff: `Aussonderung ${auf.aussonderungId}` } });
        }
        await protokolliere(tx, akteurOf(req), {
          aktion: 'dokument.erstellt', objektTyp: 'dokument', objektId: dokumentId, akteId: r.akteId, aktenzeichen: r.aktenzeichen,
          details: { vorgangId: r.vorgangId, versionNr: 1, groesse: pdf.byteLength, sha256, mimeType: 'application/pdf', dateiname, betreff, aussonderungId: auf.aussonderungId },
        });
      }
      await repo.setzeVernichtungsprotokoll(tx, v.id, { schluessel, sha256, objekte, dokumentId });
      await protokolliere(tx, akteurOf(req), {
        aktion: 'aussonderung.vernichtungsprotokoll.erstellt', objektTyp: 'aussonderung', objektId: auf.aussonderungId,
        details: { objekte: objekte.length, sha256, ...(dokumentId ? { dokumentId } : { abgelegt: false, grund: einstellung ? 'ABLAGE_AKTE_NICHT_OFFEN' : 'KEINE_ABLAGE_AKTE' }) },
      });
    }
    await repo.loescheAuftrag(tx, auf.id);
  }

  /** The archive's letter a hand appraisal names; each missing part refused with its own code. */
  async function archivschreiben(tx: Tx, e: BewertungManuell) {
    const zeichen = e.zeichen?.trim();
    const archivar = e.archivar?.trim();
    if (!zeichen) throw new AussonderungFehler.ZeichenFehlt('Eine Bewertung von Hand braucht das Zeichen (Geschäftszeichen) des Archivschreibens: zeichen');
    if (!e.datum) throw new AussonderungFehler.DatumFehlt('Eine Bewertung von Hand braucht das Datum des Archivschreibens: datum');
    if (!archivar) throw new AussonderungFehler.ArchivarFehlt('Eine Bewertung von Hand braucht den Namen der Archivarin oder des Archivars: archivar');
    if (e.datum > heute()) throw new AussonderungFehler.DatumInZukunft(`Das Archivschreiben kann nicht vom ${e.datum} sein: das Datum liegt in der Zukunft`);
    const dokumentId = e.dokumentId?.toLowerCase() ?? null;
    if (dokumentId && !(await repo.dokumentVorhanden(tx, dokumentId))) {
      throw Object.assign(new AussonderungFehler.DokumentUnbekannt(`Das Dokument ${dokumentId} (Scan des Archivschreibens) existiert nicht`), { erweiterung: { dokumentId } });
    }
    return { zeichen, datum: e.datum, archivar, dokumentId };
  }

  /** The evidence of each object's decision, in the form the protocol keeps it. */
  async function herkuenfte(tx: Tx, id: string, objektIds: string[]): Promise<Map<string, Bewertungsherkunft>> {
    const n = await repo.bewertungsnachweise(tx, id, objektIds);
    const empfangen = new Map((await repo.nachrichten(tx, id)).map((x) => [x.id, x.empfangenAm]));
    return new Map(
      [...n].map(([objekt, x]): [string, Bewertungsherkunft] => [
        objekt,
        x.art === '0502'
          ? { art: '0502', nachrichtId: x.nachrichtId!, prozessId: id, absender: x.nachricht?.absender ?? null, erstellungszeitpunkt: x.nachricht?.erstellungszeitpunkt ?? null, eingegangenAm: (empfangen.get(x.nachrichtId!) ?? x.erfasstAm).toISOString() }
          : { art: 'manuell', zeichen: x.zeichen!, datum: x.datum!, archivar: x.archivar!, dokumentId: x.dokumentId, erfasstVon: x.erfasstVonName, erfasstAm: x.erfasstAm.toISOString() },
      ]),
    );
  }

  async function protokollPdf(tx: Tx, mandantId: string, id: string, v: repo.VernichtungRow): Promise<Uint8Array> {
    const m = await repo.mandantName(tx, mandantId);
    return vernichtungsprotokollPdf(
      {
        behoerde: m.name,
        prozessId: id,
        beantragtVon: v.beantragtVonName,
        beantragtAm: v.beantragtAm,
        freigegebenVon: v.freigegebenVonName ?? v.freigegebenVon!,
        freigegebenAm: v.freigegebenAm!,
        objekte: v.objekte as ProtokollObjekt[],
      },
      v.freigegebenAm!,
    );
  }

  return {
    // ---- Löschsperren -------------------------------------------------------------------------
    /**
     * A hold on named Akten, Vorgänge and Dokumente, plus the Akten a search finds right now. Takes
     * the hold lock of every Akte concerned, so a content-removal job that already checked an Akte
     * finishes before the hold commits, and every later one sees it.
     */
    erstelleSperre(
      req: FastifyRequest,
      body: { bezeichnung: string; grund: string; aktenzeichenGericht?: string; akten?: string[]; vorgaenge?: string[]; dokumente?: string[]; suche?: SperrSuche },
    ) {
      return imMandant(req, async (tx, a) => {
        const norm = (l?: string[]) => [...new Set((l ?? []).map((i) => i.toLowerCase()))];
        const akten = norm(body.akten);
        const vorgaenge = norm(body.vorgaenge);
        const dokumente = norm(body.dokumente);
        if (!akten.length && !vorgaenge.length && !dokumente.length && !body.suche) throw ungueltig('body: Akten, Vorgänge, Dokumente oder eine Suche angeben');
        const da = await repo.vorhandeneAkten(tx, akten);
        const mitAkte = await repo.objekteMitAkte(tx, vorgaenge, dokumente);
        const fehlend = [...akten.filter((i) => !da.has(i)), ...vorgaenge.filter((i) => !mitAkte.vorgaenge.has(i)), ...dokumente.filter((i) => !mitAkte.dokumente.has(i))];
        if (fehlend.length) throw Object.assign(new NichtVerarbeitbar(`Objekte existieren nicht: ${fehlend.join(', ')}`), { erweiterung: { objekte: fehlend } });
        if (body.suche) {
          const gefunden = await repo.aktenDerSuche(tx, body.suche, MAX_SUCHTREFFER);
          if (gefunden.length > MAX_SUCHTREFFER) throw new NichtVerarbeitbar(`Die Suche findet mehr als ${MAX_SUCHTREFFER} Akten; bitte enger fassen`);
          for (const g of gefunden) if (!akten.includes(g)) akten.push(g);
        }
        await repo.sperreAktenGegenLoeschung(tx, [...akten, ...mitAkte.vorgaenge.values(), ...mitAkte.dokumente.values()]);
        const id = uuidv7();
        await repo.legeSperreAn(
          tx,
          { id, mandantId: a.mandantId, bezeichnung: body.bezeichnung, grund: body.grund, aktenzeichenGericht: body.aktenzeichenGericht ?? null, erstelltVon: a.sub, suche: body.suche ?? null },
          { akten, vorgaenge, dokumente },
        );
        const details = { loeschsperreId: id, bezeichnung: body.bezeichnung, grund: body.grund };
        for (const akteId of akten) await protokolliere(tx, akteurOf(req), { aktion: 'loeschsperre.angelegt', objektTyp: 'akte', objektId: akteId, akteId, details });
        for (const [vid, akteId] of mitAkte.vorgaenge) await protokolliere(tx, akteurOf(req), { aktion: 'loeschsperre.angelegt', objektTyp: 'vorgang', objektId: vid, akteId, details });
        for (const [did, akteId] of mitAkte.dokumente) await protokolliere(tx, akteurOf(req), { aktion: 'loeschsperre.angelegt', objektTyp: 'dokument', objektId: did, akteId, details });
        return (await repo.sperre(tx, id))!;
      });
    },

    listeSperren(req: FastifyRequest, q: { aktiv?: 'true' | 'false'; akte?: string; limit?: number; cursor?: string }) {
      return imMandant(req, async (tx) => {
        const limit = begrenze(q.limit);
        const nach = ((c) => (c ? { erstelltAm: new Date(c.t), id: c.id } : undefined))(decodeCursor(q.cursor, { t: 'zeitpunkt', id: 'uuid' }));
        const rows = await repo.sperren(tx, { aktiv: q.aktiv === undefined ? undefined : q.aktiv === 'true', akte: q.akte, nach: nach ?? undefined, limit: limit + 1 });
        const items = rows.slice(0, limit);
        const letzte = items.at(-1);
        return { items, nextCursor: rows.length > limit && letzte ? encodeCursor({ t: letzte.erstelltAm.toISOString(), id: letzte.id }) : null };
      });
    },

    hebeSperreAuf(req: FastifyRequest, id: string, grund: string | undefined) {
      return imMandant(req, async (tx, a) => {
        const s = await repo.sperre(tx, id, { sperren: true });
        if (!s) throw new NichtGefunden('Löschsperre nicht gefunden');
        if (!grund?.trim()) throw ungueltig('querystring.grund: Eine Löschsperre wird nur mit Grund aufgehoben');
        if (s.aufgehobenAm) throw new Konflikt('Die Löschsperre ist bereits aufgehoben');
        await repo.hebeSperreAuf(tx, id, a.sub, grund);
        const mitAkte = await repo.objekteMitAkte(tx, s.vorgaenge, s.dokumente);
        const details = { loeschsperreId: id, grund };
        for (const akteId of s.akten) await protokolliere(tx, akteurOf(req), { aktion: 'loeschsperre.aufgehoben', objektTyp: 'akte', objektId: akteId, akteId, details });
        for (const [vid, akteId] of mitAkte.vorgaenge) await protokolliere(tx, akteurOf(req), { aktion: 'loeschsperre.aufgehoben', objektTyp: 'vorgang', objektId: vid, akteId, details });
        for (const [did, akteId] of mitAkte.dokumente) await protokolliere(tx, akteurOf(req), { aktion: 'loeschsperre.aufgehoben', objektTyp: 'dokument', objektId: did, akteId, details });
        return (await repo.sperre(tx, id))!;
      });
    },

    // ---- Aussonderungen ---------------------------------------------------------------------------
    listeAussonderungen(req: FastifyRequest, q: { status?: repo.AussonderungRow['status']; limit?: number; cursor?: string }) {
      return imMandant(req, async (tx) => {
        const limit = begrenze(q.limit);
        const nach = ((c) => (c ? { erstelltAm: new Date(c.t), id: c.id } : undefined))(decodeCursor(q.cursor, { t: 'zeitpunkt', id: 'uuid' }));
        const rows = await repo.aussonderungen(tx, { status: q.status, nach: nach ?? undefined, limit: limit + 1 });
        const items = rows.slice(0, limit);
        const letzte = items.at(-1);
        return { items, nextCursor: rows.length > limit && letzte ? encodeCursor({ t: letzte.erstelltAm.toISOString(), id: letzte.id }) : null };
      });
    },

    // ---- due list -----------------------------------------------------------------------------
    faellig(req: FastifyRequest, q: { aktenplaneinheit?: string; jahr?: string; limit?: number; cursor?: string }) {
      return imMandant(req, async (tx) => {
        const limit = begrenze(q.limit);
        const nach = ((c) => (c ? { datum: c.d, id: c.id } : undefined))(decodeCursor(q.cursor, { d: 'datum', id: 'uuid' }));
        const rows = await repo.faellig(tx, { stichtag: heute(), einheit: q.aktenplaneinheit, jahr: q.jahr ? Number(q.jahr) : undefined, nach: nach ?? undefined, limit: limit + 1 });
        const items = rows.slice(0, limit);
        const letzte = items.at(-1);
        return { items, nextCursor: rows.length > limit && letzte ? encodeCursor({ d: letzte.aussonderungFaelligAb, id: letzte.id }) : null };
      });
    },

    // ---- the process --------------------------------------------------------------------------
    erstelleAussonderung(req: FastifyRequest, body: { akten: string[] }) {
      return imMandant(req, async (tx, a) => {
        const ids = [...new Set(body.akten.map((i) => i.toLowerCase()))];
        const akten = await repo.aktenDaten(tx, ids, { sperren: true });
        const fehlend = ids.filter((i) => !akten.some((x) => x.row.id === i));
        if (fehlend.length) throw Object.assign(new NichtVerarbeitbar(`Akten existieren nicht: ${fehlend.join(', ')}`), { erweiterung: { akten: fehlend } });
        const sperren = await repo.aktiveSperrenJeAkte(tx, ids);
        const gesperrt = akten.filter((x) => pruefeAnbietung({ aktiveSperren: sperren.get(x.row.id) ?? 0 }));
        if (gesperrt.length) throw verstossFehler(pruefeAnbietung({ aktiveSperren: 1 })!, gesperrt.map((x) => x.row.aktenzeichen));
        const tag = heute();
        const nichtFaellig = akten.filter((x) => x.row.status !== 'geschlossen' || !x.row.aussonderungFaelligAb || x.row.aussonderungFaelligAb > tag);
        if (nichtFaellig.length) {
          throw new AussonderungFehler.NichtFaellig(`Aufbewahrungsfrist nicht abgelaufen oder Akte nicht geschlossen: ${nichtFaellig.map((x) => x.row.aktenzeichen).join(', ')}`);
        }
        const id = uuidv7();
        try {
          await tx.transaction(async (sp) => repo.erstelleAussonderung(sp, { id, mandantId: a.mandantId, erstelltVon: a.sub }, ids));
        } catch (err) {
          if (istEindeutigkeitsverletzung(err)) {
            throw new AussonderungFehler.BereitsAusgesondert('Mindestens eine Akte ist bereits in einer Aussonderung');
          }
          throw err;
        }
        for (const x of akten) {
          await protokolliere(tx, akteurOf(req), { aktion: 'akte.angeboten', objektTyp: 'akte', objektId: x.row.id, akteId: x.row.id, aktenzeichen: x.row.aktenzeichen, details: { aussonderungId: id } });
        }
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    aussonderung(req: FastifyRequest, id: string) {
      return imMandant(req, async (tx) => {
        const row = await repo.findeAussonderung(tx, id);
        if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
        return ansicht(tx, row);
      });
    },

    /** 0501: every offered object, metadata only. */
    anbietung(req: FastifyRequest, id: string): Promise<Download> {
      return imMandant(req, async (tx, a) => {
        const row = await repo.findeAussonderung(tx, id);
        if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
        const objekte = await repo.objekte(tx, id);
        const { akten } = await xAkten(tx, objekte.map((o) => o.akteId), { dateien: false });
        const xml = await geprueft(anbieteverzeichnis(await kopfDaten(tx, a.mandantId, id), akten), '0501');
        return { dateiname: paketName(id, '0501'), inhalt: paket(id, '0501', xml) };
      });
    },

    bewertung(req: FastifyRequest, id: string, eingabe: string | BewertungManuell) {
      return imMandant(req, async (tx, a) => {
        const row = await gesperrteAussonderung(tx, id);
        if (await repo.findeVernichtung(tx, id)) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung ist bereits beantragt; die Bewertung ist abgeschlossen');
        let bewertungen: Map<string, Bewertung>;
        let kopf: GelesenerKopf | null = null;
        let nachweis: { zeichen: string; datum: string; archivar: string; dokumentId: string | null } | null = null;
        if (typeof eingabe === 'string') {
          const gelesen = await leseXml(eingabe, leseBewertungsverzeichnis);
          pruefeProzess(gelesen.kopf, id);
          kopf = gelesen.kopf;
          bewertungen = gelesen.bewertungen;
        } else {
          if (!eingabe || typeof eingabe.bewertungen !== 'object') throw new AussonderungFehler.XdomeaUngueltig('Erwartet ein Bewertungsverzeichnis (0502) oder { bewertungen }');
          bewertungen = new Map(Object.entries(eingabe.bewertungen).map(([k, v]) => [k.toLowerCase(), v]));
          nachweis = await archivschreiben(tx, eingabe);
        }
        const objekte = await repo.objekte(tx, id);
        const vorgaenge = await repo.vorgaengeDerAkten(tx, objekte.map((o) => o.akteId));
        const jeAkte = new Map<string, string[]>();
        for (const v of vorgaenge) jeAkte.set(v.akteId, [...(jeAkte.get(v.akteId) ?? []), v.id]);
        const r = uebernimmBewertung(objekte, jeAkte, bewertungen, await repo.dokumenteDerVorgaenge(tx, vorgaenge.map((v) => v.id)));
        if (r.unbekannt.length) {
          const text = `Objekte gehören nicht zu dieser Aussonderung: ${r.unbekannt.join(', ')}`;
          // the archive's 0502 names an object we never offered: refused whole, nothing stored
          throw Object.assign(kopf ? new AussonderungFehler.ObjektNichtAngeboten(`Das Bewertungsverzeichnis (0502) nennt Objekte, die in dieser Aussonderung nicht angeboten wurden: ${r.unbekannt.join(', ')}`) : new AussonderungFehler.XdomeaUngueltig(text), {
            erweiterung: { objekte: r.unbekannt },
          });
        }
        if (r.abweichend.length) {
          throw Object.assign(
            new AussonderungFehler.DokumentAbweichend(
              `Das Archiv bewertet Dokumente abweichend von ihrem Vorgang: ${r.abweichend.join(', ')}. Die Bewertung gilt je Akte und je Vorgang; bitte den Vorgang bewerten.`,
            ),
            { erweiterung: { objekte: r.abweichend } },
          );
        }
        // the evidence first: the 0502 as received, or the archive's letter the decisions were taken from
        const nachrichtId = kopf ? uuidv7() : null;
        if (kopf) {
          await repo.speichereNachricht(tx, { id: nachrichtId!, mandantId: a.mandantId, aussonderungId: id, typ: '0502', erstellungszeitpunkt: kopf.erstellungszeitpunkt, absender: kopf.absender, empfangenVon: a.sub, inhalt: eingabe as string });
        }
        const gesetzt: Record<string, Bewertung> = Object.fromEntries([...r.bewertungen, ...r.unterobjekte]);
        const nachweisId = uuidv7();
        await repo.speichereBewertungsnachweis(tx, {
          id: nachweisId, mandantId: a.mandantId, aussonderungId: id, art: kopf ? '0502' : 'manuell', bewertungen: gesetzt, nachrichtId,
          zeichen: nachweis?.zeichen ?? null, datum: nachweis?.datum ?? null, archivar: nachweis?.archivar ?? null, dokumentId: nachweis?.dokumentId ?? null,
          erfasstVon: a.sub, erfasstVonName: a.name,
        });
        const herkunft = kopf ? { herkunft: '0502' as const, nachrichtId } : { herkunft: 'manuell' as const, ...nachweis!, erfasstVon: a.sub };
        await protokolliere(tx, akteurOf(req), { aktion: 'aussonderung.bewertet', objektTyp: 'aussonderung', objektId: id, details: { ...herkunft, bewertungsnachweisId: nachweisId, bewertungen: gesetzt } });
        for (const o of objekte) {
          const b = r.bewertungen.get(o.akteId);
          const unter = Object.fromEntries((jeAkte.get(o.akteId) ?? []).filter((v) => r.unterobjekte.has(v)).map((v) => [v, r.unterobjekte.get(v)!]));
          if (!b && Object.keys(unter).length === 0) continue;
          await repo.setzeObjekt(tx, id, o.akteId, {
            ...(b ? { bewertung: b, status: 'bewertet' as const } : {}),
            ...(Object.keys(unter).length ? { unterbewertungen: { ...o.unterbewertungen, ...unter } } : {}),
          });
          if (b && b !== o.bewertung) {
            await protokolliere(tx, akteurOf(req), { aktion: 'akte.bewertet', objektTyp: 'akte', objektId: o.akteId, akteId: o.akteId, aktenzeichen: o.aktenzeichen, aenderungen: [{ feld: 'bewertung', alt: o.bewertung, neu: b }], details: { aussonderungId: id, ...herkunft } });
          }
        }
        await repo.setzeAussonderung(tx, id, {
          bewertetAm: new Date(),
          ...(kopf ? { empfangsbestaetigungAngefordert: kopf.empfangsbestaetigung || row.empfangsbestaetigungAngefordert } : {}),
        });
        await aktualisiereStatus(tx, id);
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    /** 0505: receipt for the archive's 0502. */
    bewertungsbestaetigung(req: FastifyRequest, id: string): Promise<Download> {
      return imMandant(req, async (tx, a) => {
        const row = await repo.findeAussonderung(tx, id);
        if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
        if (!(await repo.nachrichten(tx, id)).some((n) => n.typ === '0502')) {
          throw new AussonderungFehler.FalscherSchritt('Es ist noch kein Bewertungsverzeichnis (0502) des Archivs eingegangen');
        }
        const xml = await geprueft(bewertungEmpfangBestaetigen(await kopfDaten(tx, a.mandantId, id)), '0505');
        return { dateiname: paketName(id, '0505'), inhalt: paket(id, '0505', xml) };
      });
    },

    /** 0504 or 0507: the archive's receipts, recorded. */
    empfangsbestaetigung(req: FastifyRequest, id: string, xml: string) {
      return imMandant(req, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const { kopf } = await leseXml(xml, leseNachricht);
        if (kopf.typ !== '0504' && kopf.typ !== '0507') throw new AussonderungFehler.XdomeaUngueltig(`Erwartet 0504 oder 0507, erhalten ${kopf.typ}`);
        pruefeProzess(kopf, id);
        await repo.speichereNachricht(tx, { id: uuidv7(), mandantId: a.mandantId, aussonderungId: id, typ: kopf.typ, erstellungszeitpunkt: kopf.erstellungszeitpunkt, absender: kopf.absender, empfangenVon: a.sub, inhalt: xml });
        await protokolliere(tx, akteurOf(req), { aktion: 'aussonderung.nachricht.empfangen', objektTyp: 'aussonderung', objektId: id, details: { typ: kopf.typ } });
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    /** 0503: every A-object (without V-children) with all primary files, streamed after commit. */
    async abgabe(req: FastifyRequest, id: string): Promise<Download> {
      const { xml, dateien } = await imMandant(req, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const objekte = await repo.objekte(tx, id);
        const offen = objekte.filter((o) => o.bewertung === null);
        if (offen.length) throw new AussonderungFehler.FalscherSchritt(`Noch nicht vom Archiv bewertet: ${offen.map((o) => o.aktenzeichen).join(', ')}`);
        const aObjekte = objekte.filter((o) => o.mitA && (o.status === 'bewertet' || o.status === 'abgegeben'));
        if (aObjekte.length === 0) throw new AussonderungFehler.FalscherSchritt('Keine als archivwürdig (A) bewerteten Objekte abzugeben');
        const sperren = await repo.aktiveSperrenJeAkte(tx, aObjekte.map((o) => o.akteId));
        const verstoesse: [Verstoss, string][] = aObjekte.flatMap((o) => {
          const v = pruefeAbgabe({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren.get(o.akteId) ?? 0 });
          return v ? [[v, o.aktenzeichen] as [Verstoss, string]] : [];
        });
        if (verstoesse.length) throw verstossFehler(verstoesse[0]![0], verstoesse.map((v) => v[1]));
        // each Akte as the container of its A-parts only
        const ohne = new Set((await repo.vorgaengeDerTeile(tx, aObjekte.map((o) => o.akteId), 'V')).map((v) => v.id));
        const x = await xAkten(tx, aObjekte.map((o) => o.akteId), { dateien: true, ohneVorgaenge: ohne });
        // checked before anything changes and before the first byte of the ZIP goes out
        const nachricht = await geprueft(aussonderungsnachricht(await kopfDaten(tx, a.mandantId, id), x.akten), '0503');
        for (const o of aObjekte) {
          if (o.status === 'abgegeben') continue;
          await repo.setzeObjekt(tx, id, o.akteId, { status: 'abgegeben' });
          await protokolliere(tx, akteurOf(req), { aktion: 'akte.abgegeben', objektTyp: 'akte', objektId: o.akteId, akteId: o.akteId, aktenzeichen: o.aktenzeichen, details: { aussonderungId: id } });
        }
        await repo.setzeAussonderung(tx, id, { abgegebenAm: new Date(), fortschrittSchritt: 'abgabe', fortschrittErledigt: aObjekte.length, fortschrittGesamt: aObjekte.length });
        await aktualisiereStatus(tx, id);
        return { xml: nachricht, dateien: x.dateien };
      });
      const eintraege: PaketDatei[] = dateien.map((f) => ({ name: f.paketname, size: f.groesse, oeffnen: () => inhalte.oeffne(f.schluessel) }));
      return { dateiname: paketName(id, '0503'), inhalt: paket(id, '0503', xml, eintraege) };
    },

    /** 0506: confirmed Akten become archiviert; removing their content is queued as jobs. */
    importbestaetigung(req: FastifyRequest, id: string, xml: string) {
      return imMandant(req, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const { kopf, meldungen } = await leseXml(xml, leseImportbestaetigung);
        pruefeProzess(kopf, id);
        const objekte = (await repo.objekte(tx, id)).filter((o) => o.status === 'abgegeben');
        // an Akte counts as archived when the archive confirms it or all of its transferred A-Vorgänge
        const vorgaenge = await repo.vorgaengeDerTeile(tx, objekte.map((o) => o.akteId), 'A');
        const archiviert = archivierteAkten(
          objekte.map((o) => ({ akteId: o.akteId, vorgaenge: vorgaenge.filter((v) => v.akteId === o.akteId).map((v) => v.id) })),
          meldungen,
        );
        const sperren = await repo.aktiveSperrenJeAkte(tx, [...archiviert.keys()]);
        const frei = objekte.filter(
          (o) => archiviert.has(o.akteId) && !pruefeLoeschungNachImport({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren.get(o.akteId) ?? 0, importBestaetigt: true }),
        );
        const dateien = await dateienDerAkten(tx, frei.map((o) => o.akteId), 'A');
        for (const o of frei) {
          const kennung = archiviert.get(o.akteId)!.archivkennung;
          await repo.setzeObjekt(tx, id, o.akteId, { status: 'archiviert', erfolgreich: true, archivkennung: kennung, loeschung: 'ausstehend' });
          await protokolliere(tx, akteurOf(req), { aktion: 'akte.archiviert', objektTyp: 'akte', objektId: o.akteId, akteId: o.akteId, aktenzeichen: o.aktenzeichen, details: { aussonderungId: id, archivkennung: kennung, dateien: dateien.get(o.akteId)!.length } });
        }
        await repo.legeAuftraegeAn(tx, frei.map((o) => ({ mandantId: a.mandantId, aussonderungId: id, art: 'loeschung-nach-import' as const, akteId: o.akteId, akteur: auftragAkteur(req) })));
        await repo.speichereNachricht(tx, { id: uuidv7(), mandantId: a.mandantId, aussonderungId: id, typ: '0506', erstellungszeitpunkt: kopf.erstellungszeitpunkt, absender: kopf.absender, empfangenVon: a.sub, inhalt: xml });
        if (frei.length) await repo.setzeAussonderung(tx, id, { fortschrittSchritt: 'loeschung-nach-import', fortschrittErledigt: 0, fortschrittGesamt: frei.length });
        await aktualisiereStatus(tx, id);
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    /** Request destruction of the V-objects (first pair of eyes). */
    beantrageVernichtung(req: FastifyRequest, id: string) {
      return imMandant(req, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        if (await repo.findeVernichtung(tx, id)) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung ist bereits beantragt');
        const objekte = await repo.objekte(tx, id);
        const v = objekte.filter((o) => teilBewertung(o) === 'V');
        const teile = await vTeile(tx, objekte);
        if (v.length === 0 && teile.size === 0) throw verstossFehler(pruefeVernichtung({ angeboten: true, bewertung: null, aktiveSperren: 0 })!);
        const sperren = await repo.aktiveSperrenJeAkte(tx, [...v.map((o) => o.akteId), ...teile.keys()]);
        const mitTeilen = objekte.filter((o) => teile.has(o.akteId));
        const teilVerstoesse = mitTeilen.flatMap((o) => {
          const x = pruefeVernichtung({ angeboten: true, bewertung: 'V', aktiveSperren: sperren.get(o.akteId) ?? 0 });
          return x ? [[x, o.aktenzeichen] as const] : [];
        });
        if (teilVerstoesse.length) throw verstossFehler(teilVerstoesse[0]![0], teilVerstoesse.map((x) => x[1]));
        const verstoesse = v.flatMap((o) => {
          const x = pruefeVernichtung({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren.get(o.akteId) ?? 0, inhaltGeloescht: o.status === 'vernichtet' });
          return x ? [[x, o.aktenzeichen] as const] : [];
        });
        if (verstoesse.length) throw verstossFehler(verstoesse[0]![0], verstoesse.map((x) => x[1]));
        await repo.beantrageVernichtung(tx, { id: uuidv7(), mandantId: a.mandantId, aussonderungId: id, beantragtVon: a.sub, beantragtVonName: a.name });
        for (const o of v) {
          await protokolliere(tx, akteurOf(req), { aktion: 'akte.vernichtung.beantragt', objektTyp: 'akte', objektId: o.akteId, akteId: o.akteId, aktenzeichen: o.aktenzeichen, details: { aussonderungId: id } });
        }
        for (const o of mitTeilen) {
          for (const t of teile.get(o.akteId)!) {
            await protokolliere(tx, akteurOf(req), { aktion: 'vorgang.vernichtung.beantragt', objektTyp: 'vorgang', objektId: t.id, akteId: o.akteId, aktenzeichen: o.aktenzeichen, details: { aussonderungId: id, kennzeichen: t.kennzeichen } });
          }
        }
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    /**
     * Approve (second pair of eyes): gates asked again, the approval and the objects' snapshot
     * recorded, and one job per object queued; each job asks the gates once more when it runs.
     */
    gebeVernichtungFrei(req: FastifyRequest, id: string) {
      return imMandant(req, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const antrag = await repo.findeVernichtung(tx, id, { sperren: true });
        if (!antrag) throw new AussonderungFehler.FalscherSchritt('Es ist keine Vernichtung beantragt');
        if (antrag.freigegebenAm) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung ist bereits freigegeben');
        const augen = pruefeVierAugen(antrag.beantragtVon, a.sub);
        if (augen) throw verstossFehler(augen);
        const alle = await repo.objekte(tx, id);
        const v = alle.filter((o) => teilBewertung(o) === 'V' && o.status === 'bewertet');
        const teile = await vTeile(tx, alle);
        const mitTeilen = alle.filter((o) => teile.has(o.akteId));
        const sperren = await repo.aktiveSperrenJeAkte(tx, [...v, ...mitTeilen].map((o) => o.akteId));
        const verstoesse = [...v, ...mitTeilen].flatMap((o) => {
          const x = pruefeVernichtung({ angeboten: true, bewertung: 'V', aktiveSperren: sperren.get(o.akteId) ?? 0 });
          return x ? [[x, o.aktenzeichen] as const] : [];
        });
        if (verstoesse.length) throw verstossFehler(verstoesse[0]![0], verstoesse.map((x) => x[1]));
        const dateien = await dateienDerAkten(tx, v.map((o) => o.akteId), 'V');
        const akten = new Map((await repo.aktenDaten(tx, v.map((o) => o.akteId))).map((x) => [x.row.id, x.row]));
        const herkunft = await herkuenfte(tx, id, [...v.map((o) => o.akteId), ...[...teile.values()].flat().map((t) => t.id)]);
        const snapshot: (ProtokollObjekt & { akteId: string })[] = v.map((o) => ({
          akteId: o.akteId,
          aktenzeichen: o.aktenzeichen,
          betreff: o.betreff,
          laufzeitBeginn: akten.get(o.akteId)?.laufzeitBeginn ?? null,
          laufzeitEnde: akten.get(o.akteId)?.laufzeitEnde ?? null,
          dateien: dateien.get(o.akteId)!.map((f) => ({ sha256: f.sha256 })),
          herkunft: herkunft.get(o.akteId) ?? null,
        }));
        // each V-Vorgang of an A-Akte is an object of the protocol of its own, named by its Kennzeichen
        const teilDateien = await dateienJeVorgang(tx, [...teile.values()].flat().map((t) => t.id));
        const teilSnapshot: (ProtokollObjekt & { akteId: string; vorgangId: string })[] = mitTeilen.flatMap((o) =>
          teile.get(o.akteId)!.map((t) => ({
            akteId: o.akteId,
            vorgangId: t.id,
            aktenzeichen: t.kennzeichen,
            betreff: t.betreff,
            laufzeitBeginn: null,
            laufzeitEnde: null,
            dateien: teilDateien.get(t.id)!.map((f) => ({ sha256: f.sha256 })),
            herkunft: herkunft.get(t.id) ?? null,
          })),
        );
        await repo.gebeVernichtungFrei(tx, antrag.id, a.sub, a.name, [...snapshot, ...teilSnapshot]);
        for (const o of v) {
          await repo.setzeObjekt(tx, id, o.akteId, { loeschung: 'ausstehend' });
          await protokolliere(tx, akteurOf(req), { aktion: 'akte.vernichtung.freigegeben', objektTyp: 'akte', objektId: o.akteId, akteId: o.akteId, aktenzeichen: o.aktenzeichen, details: { aussonderungId: id, beantragtVon: antrag.beantragtVon, dateien: dateien.get(o.akteId)!.length } });
        }
        for (const t of teilSnapshot) {
          await protokolliere(tx, akteurOf(req), { aktion: 'vorgang.vernichtung.freigegeben', objektTyp: 'vorgang', objektId: t.vorgangId, akteId: t.akteId, details: { aussonderungId: id, kennzeichen: t.aktenzeichen, beantragtVon: antrag.beantragtVon, dateien: t.dateien.length } });
        }
        const akteur = auftragAkteur(req);
        const zuVernichten = [...v, ...mitTeilen];
        await repo.legeAuftraegeAn(
          tx,
          zuVernichten.length
            ? zuVernichten.map((o) => ({ mandantId: a.mandantId, aussonderungId: id, art: 'vernichtung' as const, akteId: o.akteId, akteur }))
            : [{ mandantId: a.mandantId, aussonderungId: id, art: 'vernichtungsprotokoll' as const, akteId: null, akteur }],
        );
        await repo.setzeAussonderung(tx, id, { fortschrittSchritt: 'vernichtung', fortschrittErledigt: 0, fortschrittGesamt: zuVernichten.length });
        await aktualisiereStatus(tx, id);
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    /**
     * Refuse (second pair of eyes): the pending request is closed as refused and kept as history;
     * no object changes, and the Registratur may correct the appraisal and request again.
     */
    lehneVernichtungAb(req: FastifyRequest, id: string, grund: string | undefined) {
      return imMandant(req, async (tx, a) => {
        await gesperrteAussonderung(tx, id);
        const text = grund?.trim();
        if (!text) throw new AussonderungFehler.AblehnungsgrundFehlt('Eine Ablehnung braucht einen Grund: grund');
        const antrag = await repo.findeVernichtung(tx, id, { sperren: true });
        if (!antrag) throw new AussonderungFehler.FalscherSchritt('Es ist keine Vernichtung beantragt');
        if (antrag.freigegebenAm) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung ist bereits freigegeben');
        if (pruefeVierAugen(antrag.beantragtVon, a.sub)) throw new AussonderungFehler.EigenerAntrag('Den eigenen Antrag lehnt nur eine zweite Person ab');
        await repo.lehneVernichtungAb(tx, antrag.id, a.sub, a.name, text);
        await protokolliere(tx, akteurOf(req), {
          aktion: 'aussonderung.vernichtung.abgelehnt', objektTyp: 'aussonderung', objektId: id, ergebnis: 'abgelehnt',
          details: { vernichtungId: antrag.id, beantragtVon: antrag.beantragtVon, grund: text },
        });
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    vernichtungsprotokoll(req: FastifyRequest, id: string): Promise<Download> {
      return imMandant(req, async (tx, a) => {
        const row = await repo.findeAussonderung(tx, id);
        if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
        const v = await repo.findeVernichtung(tx, id);
        if (!v?.freigegebenAm) throw new AussonderungFehler.FalscherSchritt('Es gibt keine freigegebene Vernichtung');
        const dateiname = `${id}_Vernichtungsprotokoll.pdf`;
        if (!v.protokollSchluessel) throw new AussonderungFehler.FalscherSchritt('Die Vernichtung läuft noch; das Protokoll entsteht, wenn sie abgeschlossen ist');
        return { dateiname, inhalt: await deps.storage.get(v.protokollSchluessel) };
      });
    },

    /**
     * Runs due jobs of every tenant once (claimed with FOR UPDATE SKIP LOCKED and a lease, so
     * instances never run a job twice at once); returns how many were claimed. A failed job is
     * retried after `wiederholungSekunden` × attempts, and the object shows the attempts and error.
     */
    async arbeiteAuftraege(log: FastifyBaseLogger, opts: { stapel?: number; wiederholungSekunden?: number; mandantId?: string } = {}): Promise<number> {
      const auftraege = await db.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.aussonderung_arbeiter', 'an', true)`);
        const r = await tx.execute<{ id: string }>(sql`
          with naechste as (
            select id from aussonderung.auftrag where faellig_ab <= now()${opts.mandantId ? sql` and mandant_id = ${opts.mandantId}` : sql``}
             order by faellig_ab, id limit ${opts.stapel ?? 20} for update skip locked)
          update aussonderung.auftrag a set faellig_ab = now() + interval '10 minutes', versuche = a.versuche + 1
            from naechste where a.id = naechste.id
          returning a.id`);
        return r.rows.map((x) => Number(x.id));
      });
      for (const auftragId of auftraege) {
        const auf = await db.db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('app.aussonderung_arbeiter', 'an', true)`);
          return (await tx.select().from(schema.aussonderungAuftrag).where(eq(schema.aussonderungAuftrag.id, auftragId)))[0];
        });
        if (!auf) continue;
        try {
          await db.withMandant(auf.mandantId, (tx) => (auf.art === 'vernichtungsprotokoll' ? schreibeProtokollImAuftrag(tx, auf) : loescheInhaltImAuftrag(tx, auf)));
        } catch (err) {
          // drizzle wraps the driver's error (with the whole query) around the cause worth keeping
          const e = err as Error & { cause?: Error };
          const text = String(e?.cause?.message ?? e?.message ?? err);
          log.warn({ err, auftrag: auf.id, art: auf.art, aussonderung: auf.aussonderungId }, 'Aussonderung job failed, will retry');
          await db.withMandant(auf.mandantId, async (tx) => {
            await repo.verschiebeAuftrag(tx, auf.id, text, Math.min((opts.wiederholungSekunden ?? 60) * auf.versuche, 3600));
            if (auf.akteId) await repo.setzeObjekt(tx, auf.aussonderungId, auf.akteId, { loeschVersuche: auf.versuche, loeschFehler: text.slice(0, 500) });
          });
        }
      }
      return auftraege.length;
    },
  };
}

export type AussonderungService = ReturnType<typeof createAussonderungService>;
