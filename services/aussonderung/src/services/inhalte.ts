// Documents and their content as the Aussonderung needs them, read from the Dokumente tables
// (read-only; the Dokumente service owns them) and the object store.
import type { Readable } from 'node:stream';
import { sql, type Tx } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import { v5 as uuidv5 } from 'uuid';
import { uuidArray } from '../repositories/gemeinsam.js';
import type { InhaltDatei, InhaltDokument, Inhalte } from './ports.js';

/** Namespace of the file ids in xdomea packages: one stable UUID per document version. */
const DATEI_NAMENSRAUM = '6f1d8a52-3c0e-4b8e-9a57-2d7c4e1b9f30';

const ENDUNGEN: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/msword': 'doc',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'message/rfc822': 'eml',
  'application/vnd.ms-outlook': 'msg',
};

/** File extension from the detected type, else from the original name; `bin` when neither helps. */
export function endung(mimeType: string, dateiname: string): string {
  const bekannt = ENDUNGEN[mimeType.split(';')[0]!.trim().toLowerCase()];
  if (bekannt) return bekannt;
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(dateiname);
  return m ? m[1]!.toLowerCase() : 'bin';
}

export function inhalteAusDokumenten(storage: ObjectStore): Inhalte {
  return {
    async dokumente(tx: Tx, vorgangIds: readonly string[]): Promise<InhaltDokument[]> {
      if (vorgangIds.length === 0) return [];
      const dokZeilen = await tx.execute<{
        id: string;
        vorgang_id: string;
        eltern_dokument_id: string | null;
        betreff: string;
        datum: string | null;
        eingang: string | null;
        ausgang: string | null;
      }>(sql`
        SELECT id, vorgang_id, eltern_dokument_id, betreff, to_char(datum_des_schreibens, 'YYYY-MM-DD') AS datum,
               to_char(eingangsdatum, 'YYYY-MM-DD') AS eingang, to_char(ausgangsdatum, 'YYYY-MM-DD') AS ausgang
          FROM dokumente.dokument_fuer_aussonderung WHERE vorgang_id = ANY(${uuidArray(vorgangIds)}) ORDER BY erstellt_am, id`);
      const doks = dokZeilen.rows.map((z) => ({
        id: z.id,
        vorgangId: z.vorgang_id,
        elternDokumentId: z.eltern_dokument_id,
        betreff: z.betreff,
        datumDesSchreibens: z.datum,
        eingangsdatum: z.eingang,
        ausgangsdatum: z.ausgang,
      }));
      if (doks.length === 0) return [];
      // the Dokumente service's published view (docs/datenbank-api.md)
      const zeilen = await tx.execute<{
        dokument_id: string;
        nr: number;
        speicherschluessel: string;
        groesse: string | number;
        sha256: string;
        mime_type: string;
        dateiname: string;
        erstellt_von: string;
        erstellt_am: Date | string;
      }>(sql`
        SELECT dokument_id, nr, speicherschluessel, groesse, sha256, mime_type, dateiname, erstellt_von, erstellt_am FROM dokumente.version_fuer_aussonderung
         WHERE dokument_id = ANY(${uuidArray(doks.map((d) => d.id))}) ORDER BY dokument_id, nr`);
      const versionen = zeilen.rows.map((z) => ({
        dokumentId: z.dokument_id,
        nr: Number(z.nr),
        speicherschluessel: z.speicherschluessel,
        groesse: Number(z.groesse),
        sha256: z.sha256,
        mimeType: z.mime_type,
        dateiname: z.dateiname,
        erstelltVon: z.erstellt_von,
        erstelltAm: new Date(z.erstellt_am),
      }));
      // the renditions the Dokumente service made (the PDF/A of a scan), beside each version's own file
      const formatZeilen = await tx.execute<{
        dokument_id: string;
        version_nr: number;
        art: string;
        speicherschluessel: string;
        groesse: string | number;
        sha256: string;
        mime_type: string;
        dateiname: string;
        erstellt_am: Date | string;
      }>(sql`
        SELECT dokument_id, version_nr, art, speicherschluessel, groesse, sha256, mime_type, dateiname, erstellt_am FROM dokumente.format_fuer_aussonderung
         WHERE dokument_id = ANY(${uuidArray(doks.map((d) => d.id))}) ORDER BY dokument_id, version_nr, art`);
      const formate = formatZeilen.rows.map((z) => ({
        dokumentId: z.dokument_id,
        versionNr: Number(z.version_nr),
        art: z.art,
        speicherschluessel: z.speicherschluessel,
        groesse: Number(z.groesse),
        sha256: z.sha256,
        mimeType: z.mime_type,
        dateiname: z.dateiname,
        erstelltAm: new Date(z.erstellt_am),
      }));
      return doks.map((d) => ({
        id: d.id,
        vorgangId: d.vorgangId,
        elternDokumentId: d.elternDokumentId,
        betreff: d.betreff,
        datumDesSchreibens: d.datumDesSchreibens,
        posteingangsdatum: d.eingangsdatum,
        postausgangsdatum: d.ausgangsdatum,
        bearbeiter: null,
        versionen: versionen
          .filter((v) => v.dokumentId === d.id)
          .map((v) => {
            const format = endung(v.mimeType, v.dateiname);
            const datei: InhaltDatei = {
              schluessel: v.speicherschluessel,
              sha256: v.sha256,
              groesse: v.groesse,
              paketname: `${uuidv5(`${d.id}/${v.nr}`, DATEI_NAMENSRAUM)}.${format}`,
              dateinameOriginal: v.dateiname,
              format,
              mimeType: v.mimeType,
              ersteller: v.erstelltVon,
              erstelltAm: v.erstelltAm,
            };
            const renditionen = formate
              .filter((f) => f.dokumentId === d.id && f.versionNr === v.nr)
              .map((f): InhaltDatei => ({
                schluessel: f.speicherschluessel,
                sha256: f.sha256,
                groesse: f.groesse,
                paketname: `${uuidv5(`${d.id}/${v.nr}/${f.art}`, DATEI_NAMENSRAUM)}.${endung(f.mimeType, f.dateiname)}`,
                dateinameOriginal: f.dateiname,
                format: endung(f.mimeType, f.dateiname),
                mimeType: f.mimeType,
                // made by the platform from the version, not by a person
                ersteller: null,
                erstelltAm: f.erstelltAm,
                pdfA: f.art === 'pdfa_ocr',
                ...(f.art.startsWith('vorschau_') ? { vorschau: true } : {}),
              }));
            return { nummer: v.nr, dateien: [datei, ...renditionen] };
          }),
      }));
    },
    oeffne: (schluessel: string): Promise<Readable> => storage.get(schluessel),
    async entferne(dateien: readonly InhaltDatei[]) {
      for (const d of dateien) await storage.remove(d.schluessel);
    },
  };
}
