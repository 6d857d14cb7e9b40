// The columns of the verification stream and their decoding: shared by the single pass and the
// workers of the parallel verification (which load nothing but this, the formats and pg).
import { ZEIT_SQL, type KettenEreignis } from '@eakte/audit/kette';
import type { GespeichertesEreignis } from '../domain/kette.js';

export const STROM_SPALTEN = `mandant_id, sequenz, to_char(zeit AT TIME ZONE 'UTC', ${ZEIT_SQL}), akteur_sub, akteur_name, akteur_rollen,
  akteur_client, aktion, objekt_typ, objekt_id, aktenzeichen, akte_id, aenderungen, ergebnis, details, request_id, client_ip, hash`;

/** An event as the stream yields it, with its Merkle leaf's stored bytes and hash when asked for. */
export type StromEreignis = GespeichertesEreignis & { blattDaten?: string | null; blattHash?: Buffer | null };

export function ausZeile(r: unknown[], mitBlatt: boolean): StromEreignis {
  const e: StromEreignis = {
    mandantId: r[0] as string,
    sequenz: Number(r[1]),
    zeit: r[2] as string,
    akteurSub: r[3] as string,
    akteurName: r[4] as string,
    akteurRollen: r[5] as string[],
    akteurClient: r[6] as string | null,
    aktion: r[7] as string,
    objektTyp: r[8] as string,
    objektId: r[9] as string | null,
    aktenzeichen: r[10] as string | null,
    akteId: r[11] as string | null,
    aenderungen: r[12] as KettenEreignis['aenderungen'],
    ergebnis: r[13] as string,
    details: r[14] as Record<string, unknown>,
    requestId: r[15] as string | null,
    clientIp: r[16] as string | null,
    hash: r[17] as string,
  };
  if (mitBlatt) {
    e.blattDaten = r[18] as string | null;
    e.blattHash = r[19] as Buffer | null;
  }
  return e;
}
