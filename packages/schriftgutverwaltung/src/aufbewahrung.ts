// Retention (Aufbewahrung, docs/domaene.md R1, R2): the dates as plain date arithmetic, and the
// inheritance of Frist and Aussonderungsart down the Aktenplan. Retention starts on 1 January of
// the year after the (last) z.d.A.; a Frist of n years runs to 31 December of year (z.d.A. year +
// n); Aussonderung is due from the following 1 January. `unbefristet` is never due.
// The inheritance walk lives once, in SQL (`akten.wirksame_aufbewahrung`, see `wirksameAufbewahrungSql`);
// `wirksameFrist` mirrors it in TS for the display of a chain already loaded.

import { sql, type Tx } from '@eakte/db';
import type { SQL, SQLWrapper } from 'drizzle-orm';

export type Frist = number | 'unbefristet' | null;
export type Aussonderungsart = 'A' | 'B' | 'V';

export interface Aufbewahrung {
  /** First day of the retention period (1 January after the z.d.A.). */
  beginn: string | null;
  /** Last day of the retention period (31 December). */
  aufbewahrungBis: string | null;
  /** Aussonderung (offer to the archive) due from this day (1 January). */
  aussonderungFaelligAb: string | null;
}

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

function jahrVon(datum: string): number {
  const m = ISO_DATUM.exec(datum);
  if (!m) throw new Error(`kein ISO-Datum: ${datum}`);
  return Number(m[1]);
}

const jahr4 = (j: number) => String(j).padStart(4, '0');

/** Retention dates for an Akte closed on `zdaDatum` (YYYY-MM-DD) with `frist`. */
export function berechneAufbewahrung(zdaDatum: string, frist: Frist): Aufbewahrung {
  const j = jahrVon(zdaDatum);
  const beginn = `${jahr4(j + 1)}-01-01`;
  if (frist === 'unbefristet') return { beginn, aufbewahrungBis: null, aussonderungFaelligAb: null };
  if (frist === null) return { beginn: null, aufbewahrungBis: null, aussonderungFaelligAb: null };
  if (!Number.isInteger(frist) || frist < 0) throw new Error(`ungültige Frist: ${frist}`);
  return { beginn, aufbewahrungBis: `${jahr4(j + frist)}-12-31`, aussonderungFaelligAb: `${jahr4(j + frist + 1)}-01-01` };
}

/** A Frist as its two columns (`aufbewahrungsfrist`, `unbefristet`), and back. */
export const fristAlsSpalten = (f: Frist) => (f === 'unbefristet' ? { aufbewahrungsfrist: null, unbefristet: true } : { aufbewahrungsfrist: f, unbefristet: false });
export const fristVon = (r: { aufbewahrungsfrist: number | null; unbefristet: boolean }): Frist => (r.unbefristet ? 'unbefristet' : r.aufbewahrungsfrist);

/** Depth limit of the walk up the Aktenplan (the SQL function uses the same). */
export const MAX_TIEFE = 50;

/** TS mirror of the SQL walk, for a chain already loaded: the Akte's own Frist, else the nearest unit's upwards. */
export function wirksameFrist(
  akte: { aufbewahrungsfrist: number | null; unbefristet: boolean },
  einheitenVonUntenNachOben: readonly { aufbewahrungsfrist: number | null; unbefristet: boolean }[],
): { frist: Frist; geerbt: boolean } {
  if (akte.unbefristet) return { frist: 'unbefristet', geerbt: false };
  if (akte.aufbewahrungsfrist !== null) return { frist: akte.aufbewahrungsfrist, geerbt: false };
  for (const e of einheitenVonUntenNachOben.slice(0, MAX_TIEFE + 1)) {
    if (e.unbefristet) return { frist: 'unbefristet', geerbt: true };
    if (e.aufbewahrungsfrist !== null) return { frist: e.aufbewahrungsfrist, geerbt: true };
  }
  return { frist: null, geerbt: true };
}

/** True when `neu` ends retention earlier than `alt` (no Frist counts as the shortest). */
export function istVerkuerzung(alt: Frist, neu: Frist): boolean {
  const rang = (f: Frist) => (f === 'unbefristet' ? Number.POSITIVE_INFINITY : f === null ? -1 : f);
  return rang(neu) < rang(alt);
}

/** What an Akte sets itself (all null/false: it inherits everything). */
export interface EigeneAufbewahrung {
  aufbewahrungsfrist: SQLWrapper | number | null;
  unbefristet: SQLWrapper | boolean;
  aussonderungsart: SQLWrapper | Aussonderungsart | null;
}

const OHNE: EigeneAufbewahrung = { aufbewahrungsfrist: null, unbefristet: false, aussonderungsart: null };

/**
 * The SQL function call for a FROM/LATERAL: one row (aufbewahrungsfrist, unbefristet, frist_geerbt,
 * aussonderungsart, art_geerbt). Set-based: `LEFT JOIN LATERAL ${wirksameAufbewahrungSql(sql`a.aktenplaneinheit_id`, …)} w ON true`.
 */
export function wirksameAufbewahrungSql(einheitId: SQLWrapper | string, eigen: EigeneAufbewahrung = OHNE): SQL {
  return sql`akten.wirksame_aufbewahrung(${einheitId}::uuid, ${eigen.aufbewahrungsfrist}::integer, ${eigen.unbefristet}::boolean, ${eigen.aussonderungsart}::text)`;
}

export interface WirksameAufbewahrung {
  frist: Frist;
  fristGeerbt: boolean;
  aussonderungsart: Aussonderungsart | null;
  artGeerbt: boolean;
}

type Zeile = {
  start: string;
  aufbewahrungsfrist: number | null;
  unbefristet: boolean;
  frist_geerbt: boolean;
  aussonderungsart: Aussonderungsart | null;
  art_geerbt: boolean;
};

const uuids = (ids: readonly string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;
const alsMap = (rows: Zeile[]) => new Map(rows.map((z) => [z.start, { frist: fristVon(z), fristGeerbt: z.frist_geerbt, aussonderungsart: z.aussonderungsart, artGeerbt: z.art_geerbt }]));

/** For each unit: the Frist and Aussonderungsart an Akte in it without its own would get. */
export async function wirksameAufbewahrungDerEinheiten(tx: Tx, einheitIds: readonly string[]): Promise<Map<string, WirksameAufbewahrung>> {
  const ids = [...new Set(einheitIds)];
  if (ids.length === 0) return new Map();
  const r = await tx.execute<Zeile>(sql`
    SELECT u.start, w.* FROM unnest(${uuids(ids)}) AS u(start) CROSS JOIN LATERAL ${wirksameAufbewahrungSql(sql`u.start`)} w`);
  return alsMap(r.rows);
}

/** For each Akte (as stored now, in this transaction): its own Frist and Aussonderungsart, else the inherited ones. */
export async function wirksameAufbewahrungDerAkten(tx: Tx, akteIds: readonly string[]): Promise<Map<string, WirksameAufbewahrung>> {
  const ids = [...new Set(akteIds)];
  if (ids.length === 0) return new Map();
  const r = await tx.execute<Zeile>(sql`
    SELECT a.id AS start, w.* FROM akten.akte a
     CROSS JOIN LATERAL ${wirksameAufbewahrungSql(sql`a.aktenplaneinheit_id`, { aufbewahrungsfrist: sql`a.aufbewahrungsfrist`, unbefristet: sql`a.unbefristet`, aussonderungsart: sql`a.aussonderungsart` })} w
     WHERE a.id = ANY(${uuids(ids)})`);
  return alsMap(r.rows);
}
