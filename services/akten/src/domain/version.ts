// Optimistic concurrency: the ETag is the object's version; PATCH needs a matching If-Match.
import { Errors } from '@eakte/platform';

export const etag = (version: number) => `"${version}"`;

/** Throws 428 without If-Match and 412 when it does not name `version`. */
export function pruefeIfMatch(ifMatch: string | undefined, version: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new Errors.VorbedingungErforderlich('If-Match mit dem ETag des letzten Lesens ist erforderlich');
  }
  const genannt = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, ''));
  if (!genannt.includes('*') && !genannt.includes(etag(version))) {
    throw new Errors.VorbedingungFehlgeschlagen('Das Objekt wurde inzwischen geändert; bitte neu lesen');
  }
}

/** Keyset cursors: opaque base64url JSON. */
export function kodiereCursor(werte: unknown[]): string {
  return Buffer.from(JSON.stringify(werte)).toString('base64url');
}

export function dekodiereCursor(cursor: string | undefined, laenge: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const werte = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(werte) && werte.length === laenge) return werte;
  } catch {
    // fall through
  }
  throw Object.assign(new Error('query.cursor: ungültig'), { statusCode: 400, code: 'VALIDIERUNGSFEHLER' });
}
