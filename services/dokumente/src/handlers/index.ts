import type { Db } from '@eakte/db';
import type { Handlers, Protokollierer } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import type { Ablage } from '../ablage.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';
import { dokumenteHandlers as metadatenHandlers } from './dokumente.js';
import { inhaltHandlers } from './inhalt.js';
import { pdfHandlers } from './pdf.js';

export interface DokumenteDeps {
  db: Db;
  storage: ObjectStore;
  repo: DokumenteRepository;
  ablage: Ablage;
  protokolliere: Protokollierer;
}

/** All handlers of the Dokumente service, keyed by operationId. */
export function dokumenteHandlers(deps: DokumenteDeps): Handlers {
  return { ...metadatenHandlers(deps), ...inhaltHandlers(deps), ...pdfHandlers(deps) } as Handlers;
}
