// Appends audit events inside the caller's transaction, chained per tenant.
import { sql, type Tx } from '@eakte/db';
import type { Akteur, AuditEreignis, Protokollierer } from '@eakte/platform';
import { alsJson, GENESIS_HASH, kanonisch, kettenHash, type KettenEreignis } from './kette.js';

/** Who acted: a person or technical client from the token, or the platform itself. */
export interface ProtokollAkteur {
  sub: string;
  name: string;
  rollen: readonly string[];
  client?: string | null;
}

/** An event with everything the caller knows; sequence, time and hash are added on append. */
export interface ProtokollEintrag extends AuditEreignis {
  mandantId: string;
  akteur: ProtokollAkteur;
  requestId?: string | null;
  clientIp?: string | null;
}

export interface AngehaengtesEreignis extends KettenEreignis {
  hash: string;
}

/** The platform itself as actor (checkpoints, scheduled jobs). */
export const SYSTEM_AKTEUR: ProtokollAkteur = { sub: 'system', name: 'E-Akte (System)', rollen: [], client: null };

/** RFC 3339 UTC with microseconds, the canonical time format, straight from PostgreSQL. */
export const ZEIT_SQL = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/**
 * Appends one event in `tx`, which must be a transaction of `eintrag.mandantId` (RLS). Locks the
 * tenant's chain head until `tx` ends: events of one tenant are numbered without gaps, other
 * tenants are not blocked. If `tx` rolls back, the event and the head move roll back with it.
 */
export async function protokollAnhaengen(tx: Tx, eintrag: ProtokollEintrag): Promise<AngehaengtesEreignis> {
  const kopf = async () =>
    (
      await tx.execute<{ sequenz: string; hash: string; zeit: string }>(
        sql`SELECT k.sequenz, k.hash, to_char(clock_timestamp() AT TIME ZONE 'UTC', ${sql.raw(ZEIT_SQL)}) AS zeit
              FROM (SELECT sequenz, hash FROM protokoll.kette WHERE mandant_id = ${eintrag.mandantId} FOR UPDATE) k`,
      )
    ).rows[0];
  // The time is read after the lock is held, so times grow with the sequence.
  let head = await kopf();
  if (!head) {
    await tx.execute(
      sql`INSERT INTO protokoll.kette (mandant_id, sequenz, hash) VALUES (${eintrag.mandantId}, 0, ${GENESIS_HASH}) ON CONFLICT (mandant_id) DO NOTHING`,
    );
    head = await kopf();
    if (!head) throw new Error('Protokollkette nicht lesbar: Transaktion gehört nicht zum Mandanten');
  }
  const e: KettenEreignis = {
    mandantId: eintrag.mandantId,
    sequenz: Number(head.sequenz) + 1,
    zeit: head.zeit,
    akteurSub: eintrag.akteur.sub,
    akteurName: eintrag.akteur.name,
    akteurRollen: [...eintrag.akteur.rollen],
    akteurClient: eintrag.akteur.client ?? null,
    aktion: eintrag.aktion,
    objektTyp: eintrag.objektTyp,
    objektId: eintrag.objektId ?? null,
    aktenzeichen: eintrag.aktenzeichen ?? null,
    akteId: eintrag.akteId ?? null,
    aenderungen: alsJson(eintrag.aenderungen ?? []).map((a) => ({ feld: a.feld, alt: a.alt ?? null, neu: a.neu ?? null })),
    ergebnis: eintrag.ergebnis ?? 'erfolg',
    details: alsJson(eintrag.details ?? {}),
    requestId: eintrag.requestId ?? null,
    clientIp: eintrag.clientIp ?? null,
  };
  const hash = kettenHash(head.hash, kanonisch(e));
  await tx.execute(sql`
    WITH neu AS (
      INSERT INTO protokoll.ereignis (mandant_id, sequenz, zeit, akteur_sub, akteur_name, akteur_rollen, akteur_client,
        aktion, objekt_typ, objekt_id, aktenzeichen, akte_id, aenderungen, ergebnis, details, request_id, client_ip, hash)
      VALUES (${e.mandantId}, ${e.sequenz}, ${e.zeit}::timestamptz, ${e.akteurSub}, ${e.akteurName}, ${pgTextArray(e.akteurRollen)}::text[],
        ${e.akteurClient}, ${e.aktion}, ${e.objektTyp}, ${e.objektId}, ${e.aktenzeichen}, ${e.akteId},
        ${JSON.stringify(e.aenderungen)}::jsonb, ${e.ergebnis}, ${JSON.stringify(e.details)}::jsonb, ${e.requestId}, ${e.clientIp}, ${hash})
      RETURNING 1
    )
    UPDATE protokoll.kette SET sequenz = ${e.sequenz}, hash = ${hash}, zeit = ${e.zeit}::timestamptz
     WHERE mandant_id = ${e.mandantId} AND EXISTS (SELECT 1 FROM neu)`);
  return { ...e, hash };
}

/** The Protokollierer of the platform. */
export const protokolliere: Protokollierer = async (tx, akteur, ereignis) => {
  await protokollAnhaengen(tx, eintragFuer(akteur, ereignis));
};

/** Builds the entry for `akteur` (who, from the token; request id and client IP of its request). */
export function eintragFuer(a: Akteur, ereignis: AuditEreignis): ProtokollEintrag {
  if (!a.mandantId) throw new Error('Protokollierung ohne Mandantenkontext');
  return {
    ...ereignis,
    mandantId: a.mandantId,
    akteur: { sub: a.sub, name: a.name, rollen: a.rollen, client: a.client ?? null },
    requestId: a.anfrageId ?? null,
    clientIp: a.clientIp ?? null,
  };
}

/** A text[] literal: node-postgres would send a JS array as one, but drizzle's sql`` spreads arrays. */
function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}
