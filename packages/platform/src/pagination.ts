// Keyset pagination: the cursor is the sort key of the last row, opaque to clients.
import { Errors } from './errors.js';

export function encodeCursor(key: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor and checks it carries exactly the expected string/number fields. */
export function decodeCursor<K extends string>(cursor: string | undefined, fields: readonly K[]): Record<K, string | number> | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new Errors.UngueltigerCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Errors.UngueltigerCursor();
  const obj = parsed as Record<string, unknown>;
  if (Object.keys(obj).length !== fields.length) throw new Errors.UngueltigerCursor();
  for (const f of fields) {
    const v = obj[f];
    if (!(typeof v === 'string' && v.length <= 300) && !(typeof v === 'number' && Number.isFinite(v))) throw new Errors.UngueltigerCursor();
  }
  return obj as Record<K, string | number>;
}

/** An ETag as a quoted strong validator. */
export const etag = (value: string) => `"${value}"`;

/** Checks If-Match against the current ETag: 428 when missing, 412 when stale. */
export function pruefeIfMatch(ifMatch: string | undefined, aktuell: string) {
  if (!ifMatch) throw new Errors.VorbedingungErforderlich('If-Match mit dem ETag des zu ändernden Stands ist erforderlich');
  const given = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, ''));
  if (!given.includes(aktuell) && !given.includes('*')) {
    throw new Errors.VorbedingungFehlgeschlagen('Das Objekt wurde inzwischen geändert; bitte neu laden');
  }
}
