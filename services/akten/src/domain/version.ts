// Optimistic concurrency: the ETag is the object's version; PATCH needs a matching If-Match.
import { etag as alsEtag, pruefeIfMatch as pruefeEtag } from '@eakte/platform';

export const etag = (version: number) => alsEtag(String(version));

/** Throws 428 without If-Match and 412 when it does not name `version` (the platform's one rule). */
export const pruefeIfMatch = (ifMatch: string | undefined, version: number): void => pruefeEtag(ifMatch, etag(version));
