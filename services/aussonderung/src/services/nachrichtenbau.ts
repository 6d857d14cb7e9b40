// xdomea messages in and out: what we read is schema-valid first, what we send is checked before it goes.
import type { Db, Tx } from '@eakte/db';
import { Errors, gespeicherteBehoerdenkennung } from '@eakte/platform';
import { wirksameAufbewahrungDerEinheiten } from '@eakte/schriftgutverwaltung/aufbewahrung';
import { einstellungenAus } from '@eakte/schriftgutverwaltung/einstellungen';
import * as repo from '../repositories/aussonderung.js';
import { XdomeaFehler, type GelesenerKopf, type KopfDaten, type XAkte, type XDokument } from '../xdomea/nachrichten.js';
import { fehlertext, pruefeSchema } from '../xdomea/schema.js';
import { AussonderungFehler, erzeugungUngueltig } from './fehler.js';
import type { InhaltDatei, InhaltDokument } from './ports.js';
import { AKTENTYP, VORGANGSTYP, type AussonderungDeps } from './modell.js';

const dateiAlsX = (f: InhaltDatei) => ({
  dateiname: f.paketname,
  dateinameOriginal: f.dateinameOriginal,
  format: f.format,
  mimeType: f.mimeType,
  ersteller: f.ersteller,
  datumUhrzeit: f.erstelltAm,
  ...(f.pdfA ? { pdfA: true } : {}),
});

/** An incoming message is read only once it is valid xdomea 3.1.0; else 422 with the schema's errors. */
export async function leseXml<T>(xml: unknown, lesen: (xml: string) => T): Promise<T> {
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
export async function geprueft(xml: string, typ: string): Promise<string> {
  const fehler = await pruefeSchema(xml);
  if (fehler.length) throw erzeugungUngueltig(`Die erzeugte Nachricht ${typ} entspricht nicht dem xdomea-3.1.0-Schema und wird nicht gesendet: ${fehlertext(fehler)}`, fehler);
  return xml;
}

export function pruefeProzess(kopf: GelesenerKopf, id: string) {
  if (kopf.prozessId.toLowerCase() !== id.toLowerCase()) {
    throw new AussonderungFehler.XdomeaUngueltig(`Die Nachricht gehört zum Prozess ${kopf.prozessId}, nicht zu ${id}`);
  }
}

/** The header and the Akten of the messages we send (0501, 0503, 0505). */
export function nachrichtenbau(db: Db, deps: AussonderungDeps) {
  const { inhalte, historie } = deps;
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
    const dokumente = await inhalte.dokumente(
      tx,
      vorgaenge.map((v) => v.id),
    );
    // what an Akte without its own Frist or Aussonderungsart inherits from its unit (R2)
    const erbe = await wirksameAufbewahrungDerEinheiten(
      tx,
      akten.map((a) => a.row.aktenplaneinheitId),
    );
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
      aufbewahrungsfrist: row.unbefristet ? 'unbefristet' : (row.aufbewahrungsfrist ?? erbe.get(row.aktenplaneinheitId)?.frist ?? null),
      aussonderungsart: row.aussonderungsart ?? erbe.get(row.aktenplaneinheitId)?.aussonderungsart ?? null,
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
          aussonderungsart: row.aussonderungsart ?? erbe.get(row.aktenplaneinheitId)?.aussonderungsart ?? null,
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
                // previews are the platform's own aid for reading, not part of the record sent
                const gesendet = ver.dateien.filter((x) => !x.vorschau);
                if (opts.dateien) dateien.push(...gesendet);
                return { nummer: ver.nummer, dateien: gesendet.map(dateiAlsX) };
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
              .map((d, i) =>
                alsX(
                  d,
                  kz(i),
                  alle.filter((a) => a.elternDokumentId && oberstes(a) === d.id).map((a, j) => alsX(a, `${kz(i)}.${j + 1}`)),
                ),
              );
          })(),
        })),
    }));
    return { akten: x, dateien, vorgaenge };
  }

  return { kopfDaten, xAkten };
}
