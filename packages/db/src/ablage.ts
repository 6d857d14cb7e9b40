// Filing a document the platform itself produces (e.g. a Vernichtungsprotokoll) into an Akte, for
// services other than Dokumente that must not call it: the same rows the Dokumente service writes
// for an upload (Dokument, version 1, text extraction job), in the caller's tenant transaction.
// The caller stores the object first (key `<mandantId>/<uuidv7>`, SHA-256 known) and audits in `tx`.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from './index.js';
import { akte, vorgang } from './schema/akten.js';
import { auftrag, dokument, dokumentVersion } from './schema/dokumente.js';

export interface Systemdokument {
  id: string;
  betreff: string;
  /** YYYY-MM-DD */
  datumDesSchreibens: string;
  dateiname: string;
  mimeType: string;
  groesse: number;
  sha256: string;
  speicherschluessel: string;
  erstelltVon: string;
}

export type Ablageergebnis =
  | { abgelegt: true; akteId: string; aktenzeichen: string; vorgangId: string; vorgangKennzeichen: string; vorgangNeu: boolean }
  | { abgelegt: false; grund: 'AKTE_FEHLT' | 'AKTE_GESCHLOSSEN' };

/**
 * Files `dok` into the open Vorgang named `vorgangBetreff` of Akte `akteId`, creating the Vorgang
 * (next number, Kennzeichen by the caller's `kennzeichenFuer`) when there is none. Refuses a missing or
 * closed Akte (closed objects take no new documents, docs/domaene.md R9).
 */
export async function legeSystemdokumentAb(
  tx: Tx,
  mandantId: string,
  ziel: {
    akteId: string;
    vorgangBetreff: string;
    /** id for the Vorgang if one is created */
    vorgangId: string;
    /** The Kennzeichen rule (`vorgangKennzeichen` of @eakte/schriftgutverwaltung/kennzeichen): passed in, as this package sits below the rules. */
    kennzeichenFuer: (aktenzeichen: string, nr: number) => string;
  },
  dok: Systemdokument,
): Promise<Ablageergebnis> {
  const { akteId, vorgangBetreff, vorgangId } = ziel;
  // the Akte row lock orders this against a concurrent z.d.A. and other new Vorgänge
  const [a] = await tx.select({ id: akte.id, aktenzeichen: akte.aktenzeichen, status: akte.status }).from(akte).where(eq(akte.id, akteId)).for('update');
  if (!a) return { abgelegt: false, grund: 'AKTE_FEHLT' };
  if (a.status !== 'offen') return { abgelegt: false, grund: 'AKTE_GESCHLOSSEN' };
  let [v] = await tx
    .select({ id: vorgang.id, kennzeichen: vorgang.kennzeichen })
    .from(vorgang)
    .where(and(eq(vorgang.akteId, akteId), eq(vorgang.betreff, vorgangBetreff), eq(vorgang.status, 'offen')))
    .orderBy(asc(vorgang.laufendeNummer))
    .limit(1);
  const neu = !v;
  if (!v) {
    const [n] = await tx
      .update(akte)
      .set({ letzteVorgangNummer: sql`${akte.letzteVorgangNummer} + 1` })
      .where(eq(akte.id, akteId))
      .returning({ nr: akte.letzteVorgangNummer });
    const kennzeichen = ziel.kennzeichenFuer(a.aktenzeichen, n!.nr);
    const [row] = await tx
      .insert(vorgang)
      .values({ id: vorgangId, mandantId, akteId, laufendeNummer: n!.nr, kennzeichen, betreff: vorgangBetreff, erstelltVon: dok.erstelltVon })
      .returning({ id: vorgang.id, kennzeichen: vorgang.kennzeichen });
    v = row!;
  }
  await tx.insert(dokument).values({ id: dok.id, mandantId, vorgangId: v.id, betreff: dok.betreff, datumDesSchreibens: dok.datumDesSchreibens, erstelltVon: dok.erstelltVon });
  await tx.insert(dokumentVersion).values({
    mandantId,
    dokumentId: dok.id,
    nr: 1,
    speicherschluessel: dok.speicherschluessel,
    groesse: dok.groesse,
    sha256: dok.sha256,
    mimeType: dok.mimeType,
    dateiname: dok.dateiname,
    erstelltVon: dok.erstelltVon,
  });
  // searchable like any uploaded PDF
  await tx.insert(auftrag).values({ art: 'textextraktion', mandantId, dokumentId: dok.id, versionNr: 1 });
  return { abgelegt: true, akteId, aktenzeichen: a.aktenzeichen, vorgangId: v.id, vorgangKennzeichen: v.kennzeichen, vorgangNeu: neu };
}
