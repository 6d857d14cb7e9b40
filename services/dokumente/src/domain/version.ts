// The version of a Dokument's metadata as its ETag: it changes with every change of the row, so
// an If-Match with an older one is refused (optimistic locking).
import { etag } from '@eakte/platform';

export const dokumentEtag = (d: { id: string; version: number }) => etag(`${d.id}.${d.version}`);
