// The audit chain format: the canonical encoding of an event and the chained hash. This is the
// one definition; the README ("Audit chain format") describes it for outside verifiers.
import { createHash } from 'node:crypto';

/** Hash before the first event of a tenant: 32 zero bytes, hex. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that the hash covers, exactly as exported (JSONL) and verified. */
export interface KettenEreignis {
  mandantId: string;
  sequenz: number;
  /** RFC 3339, UTC, always six fractional digits: `2026-11-27T08:15:00.123456Z`. */
  zeit: string;
  akteurSub: string;
  akteurName: string;
  akteurRollen: string[];
  akteurClient: string | null;
  aktion: string;
  objektTyp: string;
  objektId: string | null;
  aktenzeichen: string | null;
  akteId: string | null;
  aenderungen: { feld: string; alt: unknown; neu: unknown }[];
  ergebnis: string;
  details: Record<string, unknown>;
  requestId: string | null;
  clientIp: string | null;
}

/** The field list, in the (sorted) order of the canonical encoding. */
export const KETTEN_FELDER = [
  'aenderungen',
  'akteId',
  'aktenzeichen',
  'akteurClient',
  'akteurName',
  'akteurRollen',
  'akteurSub',
  'aktion',
  'clientIp',
  'details',
  'ergebnis',
  'mandantId',
  'objektId',
  'objektTyp',
  'requestId',
  'sequenz',
  'zeit',
] as const satisfies readonly (keyof KettenEreignis)[];

export const ZEIT_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** JSON with object keys sorted (UTF-16 code units) at every level and no whitespace (RFC 8785 for our values). */
export function kanonischesJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Zahl nicht darstellbar');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : kanonischesJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${kanonischesJson(obj[k])}`).join(',')}}`;
}

const str = (v: string | null | undefined) => (v == null ? 'null' : JSON.stringify(v));
const liste = (v: unknown) => (v == null ? 'null' : kanonischesJson(v));

/**
 * The canonical encoding of an event: exactly the fields of KETTEN_FELDER, as canonical JSON.
 * Written out field by field (same result as `kanonischesJson` of the field object, which the
 * tests check) because verification runs it for every event.
 */
export function kanonisch(e: KettenEreignis): string {
  if (typeof e.zeit !== 'string' || !ZEIT_FORMAT.test(e.zeit)) throw new TypeError(`zeit nicht kanonisch: ${e.zeit}`);
  if (!Number.isSafeInteger(e.sequenz) || e.sequenz < 1) throw new TypeError(`sequenz ungültig: ${e.sequenz}`);
  const typen: [string, unknown][] = [['mandantId', e.mandantId], ['akteurSub', e.akteurSub], ['akteurName', e.akteurName], ['aktion', e.aktion], ['objektTyp', e.objektTyp], ['ergebnis', e.ergebnis]];
  for (const [f, v] of typen) if (typeof v !== 'string') throw new TypeError(`${f} muss ein Text sein`);
  return (
    `{"aenderungen":${liste(e.aenderungen)},"akteId":${str(e.akteId)},"aktenzeichen":${str(e.aktenzeichen)}` +
    `,"akteurClient":${str(e.akteurClient)},"akteurName":${str(e.akteurName)},"akteurRollen":${liste(e.akteurRollen)}` +
    `,"akteurSub":${str(e.akteurSub)},"aktion":${str(e.aktion)},"clientIp":${str(e.clientIp)},"details":${liste(e.details)}` +
    `,"ergebnis":${str(e.ergebnis)},"mandantId":${str(e.mandantId)},"objektId":${str(e.objektId)},"objektTyp":${str(e.objektTyp)}` +
    `,"requestId":${str(e.requestId)},"sequenz":${e.sequenz},"zeit":"${e.zeit}"}`
  );
}

/** The reference form of `kanonisch`: canonical JSON of the field object. */
export function kanonischReferenz(e: KettenEreignis): string {
  const fields: Record<string, unknown> = {};
  for (const f of KETTEN_FELDER) fields[f] = e[f] ?? null;
  return kanonischesJson(fields);
}

/** `hash = SHA-256(previous hash (32 bytes) ‖ UTF-8 of the canonical encoding)`, lowercase hex. */
export function kettenHash(vorgaenger: string, kanonischeKodierung: string): string {
  return createHash('sha256').update(Buffer.from(vorgaenger, 'hex')).update(kanonischeKodierung, 'utf8').digest('hex');
}

/** Values as they come back from jsonb: what JSON can express (undefined dropped, dates as strings). */
export function alsJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
