// Keyset pagination: the cursor is the sort key of the last row, opaque to clients.
import { Errors } from './errors.js';

/** What a cursor field may hold; checked before any value reaches SQL. */
export type CursorArt = 'text' | 'uuid' | 'ganzzahl' | 'dezimal' | 'zeitpunkt' | 'datum';
type CursorWert<A extends CursorArt> = A extends 'ganzzahl' ? number : A extends 'dezimal' ? string | number : string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const gueltigerTag = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const PRUEFUNG: Record<CursorArt, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 300,
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  ganzzahl: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  dezimal: (v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && /^-?\d{1,30}(\.\d{1,30})?$/.test(v)),
  // ISO 8601 or PostgreSQL's timestamptz text
  zeitpunkt: (v) => {
    if (typeof v !== 'string') return false;
    const m = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/.exec(v);
    return m !== null && gueltigerTag(m[1]!);
  },
  datum: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && gueltigerTag(v),
};

/** The one cursor format of every list operation: base64url of a JSON object with named fields. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Decodes a cursor of `encodeCursor` and checks it carries exactly the given fields, each of its
 * kind; anything else (made up, cut off, from another operation) is 400 UNGUELTIGER_CURSOR.
 */
export function decodeCursor<F extends Record<string, CursorArt>>(cursor: string | undefined, felder: F): { [K in keyof F]: CursorWert<F[K]> } | null {
  if (cursor === undefined) return null;
  if (!/^[A-Za-z0-9_-]{1,500}$/.test(cursor)) throw new Errors.UngueltigerCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new Errors.UngueltigerCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Errors.UngueltigerCursor();
  const obj = parsed as Record<string, unknown>;
  const namen = Object.keys(felder);
  if (Object.keys(obj).length !== namen.length) throw new Errors.UngueltigerCursor();
  for (const f of namen) if (!Object.hasOwn(obj, f) || !PRUEFUNG[felder[f]!](obj[f])) throw new Errors.UngueltigerCursor();
  return obj as { [K in keyof F]: CursorWert<F[K]> };
}

/** An ETag as a quoted strong validator. */
export const etag = (value: string) => `"${value}"`;

/** Checks If-Match against the current ETag: 428 when missing, 412 when stale. */
export function pruefeIfMatch(ifMatch: string | undefined, aktuell: string) {
  if (ifMatch === undefined || ifMatch.trim() === '') throw new Errors.VorbedingungErforderlich('If-Match mit dem ETag des zu ändernden Stands ist erforderlich');
  const given = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, ''));
  if (!given.includes(aktuell) && !given.includes('*')) {
    throw new Errors.VorbedingungFehlgeschlagen('Das Objekt wurde inzwischen geändert; bitte neu laden');
  }
}
