// Appends audit events inside the caller's transaction, without a per-tenant lock.
import { sql, type Tx } from '@eakte/db';
import type { Akteur, AuditEreignis, Protokollierer } from '@eakte/platform';
import { alsJson, blattKopf, type BlattEreignis } from './kette.js';

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

/** An appended event: its fields, order of arrival and leaf hash; the sequencer numbers it later. */
export interface AngehaengtesEreignis extends BlattEreignis {
  eingang: number;
  /** SHA-256(0x00 || leaf bytes), hex. */
  blatt: string;
}

/** The platform itself as actor (checkpoints, scheduled jobs). */
export const SYSTEM_AKTEUR: ProtokollAkteur = { sub: 'system', name: 'E-Akte (System)', rollen: [], client: null };

/**
 * Appends one event in `tx`, which must be a transaction of `eintrag.mandantId` (RLS), through the
 * published function protokoll.protokolliere: no lock, so writers of one tenant never wait on each
 * other. If `tx` rolls back, the event rolls back with it. The Protokoll service's sequencer gives
 * committed events their gap-free sequence, chain hash and place in the Merkle tree.
 */
export async function protokollAnhaengen(tx: Tx, eintrag: ProtokollEintrag): Promise<AngehaengtesEreignis> {
  const e: Omit<BlattEreignis, 'zeit'> = {
    mandantId: eintrag.mandantId,
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
  const r = await tx.execute<{ eingang: string; zeit: string; blatt: string }>(sql`SELECT eingang, zeit, blatt FROM protokoll.protokolliere(${JSON.stringify(e)}::jsonb, ${blattKopf(e)})`);
  const row = r.rows[0];
  if (!row) throw new Error('Protokollierung ohne Ergebnis');
  return { ...e, zeit: row.zeit, eingang: Number(row.eingang), blatt: row.blatt };
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
