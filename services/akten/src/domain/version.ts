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
