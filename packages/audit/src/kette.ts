// The audit chain format: the canonical encoding of an event and the chained hash. This is the
// one definition; docs/sicherheit.md ("Audit chain format") describes it for outside verifiers.
import { hash } from 'node:crypto';

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

/** RFC 3339 UTC with microseconds, the canonical time format, straight from PostgreSQL. */
export const ZEIT_SQL = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

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
  // `sequenz` and `zeit` sort last, so the encoding is the leaf's head followed by both
  return `${blattKopf(e)},"sequenz":${e.sequenz},"zeit":"${e.zeit}"}`;
}

/** An event before the sequencer numbered it: the fields of a Merkle leaf. */
export type BlattEreignis = Omit<KettenEreignis, 'sequenz'>;

/**
 * The leaf's canonical bytes up to the time: every field of KETTEN_FELDER but `sequenz` and `zeit`,
 * as canonical JSON without its closing brace. `zeit` sorts last, so the database appends
 * `,"zeit":"…"}` with its own clock (protokoll.protokolliere).
 */
export function blattKopf(e: Omit<BlattEreignis, 'zeit'>): string {
  // plain checks, no per-event arrays: this runs for every event of a verification
  if (typeof e.mandantId !== 'string') throw new TypeError('mandantId muss ein Text sein');
  if (typeof e.akteurSub !== 'string') throw new TypeError('akteurSub muss ein Text sein');
  if (typeof e.akteurName !== 'string') throw new TypeError('akteurName muss ein Text sein');
  if (typeof e.aktion !== 'string') throw new TypeError('aktion muss ein Text sein');
  if (typeof e.objektTyp !== 'string') throw new TypeError('objektTyp muss ein Text sein');
  if (typeof e.ergebnis !== 'string') throw new TypeError('ergebnis muss ein Text sein');
  return (
    `{"aenderungen":${liste(e.aenderungen)},"akteId":${str(e.akteId)},"aktenzeichen":${str(e.aktenzeichen)}` +
    `,"akteurClient":${str(e.akteurClient)},"akteurName":${str(e.akteurName)},"akteurRollen":${liste(e.akteurRollen)}` +
    `,"akteurSub":${str(e.akteurSub)},"aktion":${str(e.aktion)},"clientIp":${str(e.clientIp)},"details":${liste(e.details)}` +
    `,"ergebnis":${str(e.ergebnis)},"mandantId":${str(e.mandantId)},"objektId":${str(e.objektId)},"objektTyp":${str(e.objektTyp)}` +
    `,"requestId":${str(e.requestId)}`
  );
}

/** The Merkle leaf's canonical bytes of an event: canonical JSON of its fields without `sequenz`. */
export function blattKodierung(e: BlattEreignis): string {
  if (typeof e.zeit !== 'string' || !ZEIT_FORMAT.test(e.zeit)) throw new TypeError(`zeit nicht kanonisch: ${e.zeit}`);
  return `${blattKopf(e)},"zeit":"${e.zeit}"}`;
}

/** The reference form of `kanonisch`: canonical JSON of the field object. */
export function kanonischReferenz(e: KettenEreignis): string {
  const fields: Record<string, unknown> = {};
  for (const f of KETTEN_FELDER) fields[f] = e[f] ?? null;
  return kanonischesJson(fields);
}

/** Scratch space for one event: previous hash bytes followed by the encoding (grown when needed). */
let puffer = Buffer.allocUnsafe(64 * 1024);

/** `hash = SHA-256(previous hash (32 bytes) ‖ UTF-8 of the canonical encoding)`, lowercase hex. */
export function kettenHash(vorgaenger: string, kanonischeKodierung: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(vorgaenger)) throw new TypeError('Vorgänger-Hash ist kein SHA-256 in Hex');
  // One-shot hashing of one buffer: a Hash object per event cost ten times the hashing itself
  // (verification hashes every event of a chain).
  const maxLaenge = 32 + kanonischeKodierung.length * 3;
  if (maxLaenge > puffer.length) puffer = Buffer.allocUnsafe(Math.max(maxLaenge, puffer.length * 2));
  puffer.write(vorgaenger, 0, 32, 'hex');
  const n = puffer.write(kanonischeKodierung, 32, 'utf8');
  return hash('sha256', puffer.subarray(0, 32 + n), 'hex');
}

/** Values as they come back from jsonb: what JSON can express (undefined dropped, dates as strings). */
export function alsJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
