// Who sees what (docs/domaene.md R12, R13): clearance (Freigabe) against the Akte's
// Vertraulichkeitsstufe and, when the tenant restricts visibility to org units, the Akte's
// Federführung; the Registratur keeps the records of the whole agency. One definition, `Sicht`:
// the TS predicate `istSichtbar` and the SQL condition `akteSichtbar` are both read from it.
import { schema, sql } from '@eakte/db';
import type { Freigabe, Vertraulichkeitsstufe } from '@eakte/db/schema';
import { and, inArray, type SQL, type SQLWrapper } from 'drizzle-orm';

/** xdomea codes in ascending order of classification. */
export const STUFEN_AUFSTEIGEND: readonly Vertraulichkeitsstufe[] = ['003', '002', '005', '001', '004'];
const FREIGABE_RANG: Record<Freigabe, number> = { offen: 0, 'vs-nfd': 1, vertraulich: 2, geheim: 3, 'streng-geheim': 4 };

/** Vertraulichkeitsstufen a user with `freigabe` may see. */
export function sichtbareStufen(freigabe: Freigabe): Vertraulichkeitsstufe[] {
  return STUFEN_AUFSTEIGEND.slice(0, (FREIGABE_RANG[freigabe] ?? 0) + 1);
}

/** Levels above VS-NfD are held only when the tenant allows it. */
export function stufeZulaessig(stufe: Vertraulichkeitsstufe, hoehereEinstufungenErlaubt: boolean): boolean {
  return STUFEN_AUFSTEIGEND.indexOf(stufe) <= 1 || hoehereEinstufungenErlaubt;
}

export type Sichtbarkeit = 'behoerde' | 'organisationseinheit';

/** The caller's view: which levels, and (when restricted) which org units' Akten. */
export interface Sicht {
  stufen: Vertraulichkeitsstufe[];
  /** null = the whole agency; otherwise only Akten whose Federführung is one of these. */
  organisationseinheiten: string[] | null;
}

export function sichtFuer(benutzer: { freigabe: Freigabe; organisationseinheiten: readonly string[] }, rollen: readonly string[], einstellungen: { sichtbarkeit: Sichtbarkeit } | Sichtbarkeit): Sicht {
  const sichtbarkeit = typeof einstellungen === 'string' ? einstellungen : einstellungen.sichtbarkeit;
  // Registratur keeps the records of the whole agency, whatever the visibility setting.
  const eingeschraenkt = sichtbarkeit === 'organisationseinheit' && !rollen.includes('registratur');
  return { stufen: sichtbareStufen(benutzer.freigabe), organisationseinheiten: eingeschraenkt ? [...benutzer.organisationseinheiten] : null };
}

/** The TS predicate: may the holder of `sicht` see this Akte (and so its Vorgänge and Dokumente)? */
export function istSichtbar(sicht: Sicht, akte: { vertraulichkeitsstufe: Vertraulichkeitsstufe; federfuehrungId: string | null }): boolean {
  if (!sicht.stufen.includes(akte.vertraulichkeitsstufe)) return false;
  if (sicht.organisationseinheiten === null) return true;
  return akte.federfuehrungId !== null && sicht.organisationseinheiten.includes(akte.federfuehrungId);
}

/** Columns the SQL condition reads; default the `akten.akte` table, or an alias in raw SQL (`sql\`a.vertraulichkeitsstufe\``). */
export interface AkteSpalten {
  vertraulichkeitsstufe: SQLWrapper;
  federfuehrungId: SQLWrapper;
}

const AKTE: AkteSpalten = { vertraulichkeitsstufe: schema.akte.vertraulichkeitsstufe, federfuehrungId: schema.akte.federfuehrungId };

/** Raw-SQL columns of an Akte under alias `alias` (e.g. `a` in `FROM akten.akte a`). */
export const akteSpaltenVon = (alias: string): AkteSpalten => ({
  vertraulichkeitsstufe: sql.raw(`${alias}.vertraulichkeitsstufe`),
  federfuehrungId: sql.raw(`${alias}.federfuehrung_id`),
});

/** The SQL condition: Akten the holder of `sicht` may see (the same rule as `istSichtbar`). */
export function akteSichtbar(sicht: Sicht, spalten: AkteSpalten = AKTE): SQL {
  if (sicht.stufen.length === 0) return sql`false`;
  const stufe = inArray(spalten.vertraulichkeitsstufe, sicht.stufen);
  if (sicht.organisationseinheiten === null) return stufe;
  if (sicht.organisationseinheiten.length === 0) return sql`false`;
  return and(stufe, inArray(spalten.federfuehrungId, sicht.organisationseinheiten))!;
}
