import type { Handlers } from '@eakte/platform';
import type { ProtokollDienst, Signaturschluessel } from '../pruefung.js';
import type { ProtokollRepository } from '../repositories/protokoll.js';
import { protokollHandlers } from './protokoll.js';

/** All handlers of the Protokoll service, keyed by operationId. */
export function alleProtokollHandlers(repo: ProtokollRepository, dienst: ProtokollDienst, schluessel: Signaturschluessel): Handlers {
  return { ...protokollHandlers(repo, dienst, schluessel) } as Handlers;
}
