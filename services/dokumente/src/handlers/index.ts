import type { Db } from '@eakte/db';
import { akteurOf, type Handlers, type Protokollierer } from '@eakte/platform';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyRequest } from 'fastify';
import type { Ablage } from '../services/ablage.js';
import { pruefeFixity } from '../arbeiter/fixity.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';
import { dokumenteHandlers as metadatenHandlers } from './dokumente.js';
import { inhaltHandlers, type InhaltCache } from './inhalt.js';
import { pdfHandlers } from './pdf.js';

export interface DokumenteDeps {
  db: Db;
  storage: ObjectStore;
  repo: DokumenteRepository;
  ablage: Ablage;
  protokolliere: Protokollierer;
  inhaltCache?: InhaltCache;
}

/** All handlers of the Dokumente service, keyed by operationId. */
export function dokumenteHandlers(deps: DokumenteDeps): Handlers {
  return {
    ...metadatenHandlers(deps),
    ...inhaltHandlers(deps),
    ...pdfHandlers(deps),
    /** POST /admin/fixity: the caller's tenant, Dokumente checked longest ago first. */
    async runFixityCheck(req: FastifyRequest) {
      const { mandantId } = akteurOf(req);
      return pruefeFixity({ db: deps.db, storage: deps.storage, mandantId, aufzeichnen: (tx, e) => deps.protokolliere(tx, akteurOf(req), e) });
    },
  } as Handlers;
}
