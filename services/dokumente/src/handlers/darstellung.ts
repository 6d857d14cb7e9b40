import type { components } from '@eakte/api-client';
import type { DokumentMitVersion, VersionRow } from '../repositories/dokumente.js';
import { ocrDarstellung } from '../domain/ocr.js';
import { vorschauDarstellung } from '../domain/vorschau.js';

export type Dokument = components['schemas']['Dokument'];
export type DokumentVersion = components['schemas']['DokumentVersion'];

export function versionDarstellung(v: VersionRow): DokumentVersion {
  return {
    nr: v.nr,
    groesse: v.groesse,
    sha256: v.sha256,
    mimeType: v.mimeType,
    dateiname: v.dateiname,
    herkunft: v.herkunft,
    erstelltAm: v.erstelltAm.toISOString(),
    erstelltVon: v.erstelltVon,
    ...(v.ocr ? { ocr: ocrDarstellung(v.ocr) } : {}),
    ...(v.vorschau ? { vorschau: vorschauDarstellung(v.vorschau) } : {}),
    ...(v.formate?.length
      ? { formate: v.formate.map((f) => ({ art: f.art, mimeType: f.mimeType, groesse: f.groesse, sha256: f.sha256, dateiname: f.dateiname, erstelltAm: f.erstelltAm.toISOString() })) }
      : {}),
  };
}

export function dokumentDarstellung(d: DokumentMitVersion): Dokument {
  return {
    id: d.id,
    vorgangId: d.vorgangId,
    akteId: d.akteId,
    betreff: d.betreff,
    datumDesSchreibens: d.datumDesSchreibens,
    eingangsdatum: d.eingangsdatum,
    ausgangsdatum: d.ausgangsdatum,
    absender: d.absender,
    empfaenger: d.empfaenger,
    bemerkung: d.bemerkung,
    elternDokumentId: d.elternDokumentId,
    aktuelleVersion: versionDarstellung(d.aktuell),
    integritaet: d.integritaet,
    erstelltAm: d.erstelltAm.toISOString(),
    erstelltVon: d.erstelltVon,
    geaendertAm: d.geaendertAm.toISOString(),
  };
}

export { dokumentEtag } from '../domain/version.js';
