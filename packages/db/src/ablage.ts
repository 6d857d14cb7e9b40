// Filing a document the platform itself produces (e.g. a Vernichtungsprotokoll) into an Akte, for
// services other than Dokumente that must not call it: the same rows the Dokumente service writes
// for an upload (Dokument, version 1, text extraction job), in the caller's tenant transaction.
// The caller stores the object first (key `<mandantId>/<uuidv7>`, SHA-256 known) and audits in `tx`.
// Both steps are functions the owning schemas publish (migration 0026, docs/datenbank-api.md), so
// the caller's role writes neither Akten nor Dokumente.
import { sql } from 'drizzle-orm';
import type { Tx } from './index.js';

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
  { abgelegt: true; akteId: string; aktenzeichen: string; vorgangId: string; vorgangKennzeichen: string; vorgangNeu: boolean } | { abgelegt: false; grund: 'AKTE_FEHLT' | 'AKTE_GESCHLOSSEN' };

/**
 * Files `dok` into the open Vorgang named `vorgangBetreff` of Akte `akteId`, creating the Vorgang
 * (next number, Kennzeichen as the Akten service forms it) when there is none. Refuses a missing or
 * closed Akte (closed objects take no new documents, docs/domaene.md R9).
 */
export async function legeSystemdokumentAb(
  tx: Tx,
  mandantId: string,
  ziel: { akteId: string; vorgangBetreff: string; /** id for the Vorgang if one is created */ vorgangId: string },
  dok: Systemdokument,
): Promise<Ablageergebnis> {
  // the functions take the tenant from the transaction; a different one here is a caller's mistake
  const m = await tx.execute<{ m: string | null }>(sql`select nullif(current_setting('app.mandant', true), '') as m`);
  if (m.rows[0]?.m !== mandantId) throw new Error('legeSystemdokumentAb: not in the tenant transaction of the given tenant');
  const v = await tx.execute<{ r: Ablageergebnis }>(sql`select akten.vorgang_fuer_systemdokument(${ziel.akteId}::uuid, ${ziel.vorgangBetreff}, ${ziel.vorgangId}::uuid, ${dok.erstelltVon}) as r`);
  const ergebnis = v.rows[0]!.r;
  if (!ergebnis.abgelegt) return ergebnis;
  await tx.execute(sql`select dokumente.lege_systemdokument_ab(${ergebnis.vorgangId}::uuid, ${dok.id}::uuid, ${dok.betreff}, ${dok.datumDesSchreibens}::date,
    ${dok.dateiname}, ${dok.mimeType}, ${dok.groesse}::bigint, ${dok.sha256}, ${dok.speicherschluessel}, ${dok.erstelltVon})`);
  return ergebnis;
}
