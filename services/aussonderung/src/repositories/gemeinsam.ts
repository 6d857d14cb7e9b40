// Data access of the Aussonderung service over packages/db: the row types and the query parts all
// repositories share. Every function takes the transaction of
// a `db.withMandant` call, so row-level security limits it to the caller's tenant. Akten, Vorgänge
// and the Aktenplan are read through what the Akten service publishes (akten-api.ts), never written.
import { schema, sql } from '@eakte/db';
import { akteGesperrtSql, gesperrteAktenSql } from '@eakte/schriftgutverwaltung/loeschsperre';
import type { SQL } from 'drizzle-orm';
import { akteFuerAussonderung as akte, aktenplanFuerAussonderung, vorgangFuerAussonderung } from './akten-api.js';

const { aussonderungObjekt } = schema;

export type LoeschsperreRow = typeof schema.loeschsperre.$inferSelect & { akten: string[]; vorgaenge: string[]; dokumente: string[] };
export type AussonderungRow = typeof schema.aussonderung.$inferSelect;
/**
 * An offered Akte; `mitA`/`mitV`: whether any of its parts is appraised A/V, the deepest appraised
 * object winning (a Vorgang's own appraisal, else its Akte's; an Akte without Vorgänge is its own part).
 */
export type ObjektRow = typeof aussonderungObjekt.$inferSelect & { aktenzeichen: string; betreff: string; gesperrt: boolean; mitA: boolean; mitV: boolean };
export type VernichtungRow = typeof schema.vernichtung.$inferSelect;
export type NachrichtRow = typeof schema.nachricht.$inferSelect;
export type BewertungsnachweisRow = typeof schema.bewertungsnachweis.$inferSelect;
export const AUFTRAGSARTEN = ['vernichtung', 'loeschung-nach-import', 'vernichtungsprotokoll'] as const;
export type AuftragArt = (typeof AUFTRAGSARTEN)[number];
/** Who ordered the work (approver, or who entered the 0506): the actor of its audit events. */
export interface AuftragAkteur {
  sub: string;
  name: string;
  rollen: string[];
  client: string | null;
}
/** A job's payload on Aussonderung's queue (packages/auftraege), one task per `art`. */
export interface AuftragDaten {
  mandantId: string;
  aussonderungId: string;
  /** The Akte whose content goes; null for the protocol. */
  akteId: string | null;
  akteur: AuftragAkteur;
  /** failed tries before this one and the last error: the job re-enqueues itself after a failure */
  fehlversuche?: number;
  letzterFehler?: string;
}
/** A job as its task sees it. */
export type AuftragRow = AuftragDaten & { art: AuftragArt; id: string };

export const uuidArray = (ids: readonly string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;

export type SperrObjektTyp = 'akte' | 'vorgang' | 'dokument';

// bool_or over an Akte without Vorgänge is NULL: then the Akte's own appraisal is its only part
export const teilSql = (art: 'A' | 'V') =>
  sql<boolean>`coalesce((SELECT bool_or(coalesce(${aussonderungObjekt.unterbewertungen} ->> tv.id::text, ${aussonderungObjekt.bewertung}) = ${art}) FROM ${vorgangFuerAussonderung} tv
                          WHERE tv.mandant_id = ${aussonderungObjekt.mandantId} AND tv.akte_id = ${aussonderungObjekt.akteId}), ${aussonderungObjekt.bewertung} = ${art}, false)`;
/**
 * `akteIds`: a subquery (not correlated) of the Akten the query lists; their holds are then asked
 * once for the set instead of once per row.
 */
export const objektSpalten = (akteIds?: SQL) => ({
  o: aussonderungObjekt,
  aktenzeichen: akte.aktenzeichen,
  betreff: akte.betreff,
  gesperrt: akteIds ? sql<boolean>`(${aussonderungObjekt.akteId} IN (SELECT g.id FROM ${gesperrteAktenSql(akteIds)} g))` : akteGesperrtSql(sql`${aussonderungObjekt.akteId}`),
  mitA: teilSql('A'),
  mitV: teilSql('V'),
});
export const alsObjekt = (r: { o: typeof aussonderungObjekt.$inferSelect; aktenzeichen: string; betreff: string; gesperrt: boolean; mitA: boolean; mitV: boolean }): ObjektRow => ({
  ...r.o,
  aktenzeichen: r.aktenzeichen,
  betreff: r.betreff,
  gesperrt: r.gesperrt,
  mitA: r.mitA,
  mitV: r.mitV,
});

/** A unit of the Aktenplan and every unit below it, as a subquery of ids. */
export const einheitMitUnterbaum = (einheitId: string) => sql`(
  WITH RECURSIVE baum AS (
    SELECT id FROM ${aktenplanFuerAussonderung} WHERE id = ${einheitId}
    UNION ALL SELECT k.id FROM ${aktenplanFuerAussonderung} k JOIN baum ON k.parent_id = baum.id)
  SELECT id FROM baum)`;
