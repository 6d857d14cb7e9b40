import { akteurOf, type Protokollierer, type VertragsHandlers } from '@eakte/platform';
import type { Db } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import { pruefeFixity } from '../arbeiter/fixity.js';
import type { Ablage } from '../services/ablage.js';
import type { DokumentService } from '../services/dokumente.js';
import type { InhaltService } from '../services/inhalt.js';
import type { PdfService } from '../services/pdf.js';
import type { PosteingangService } from '../services/posteingang.js';
import type { PostfachService } from '../services/postfaecher.js';
import { dokumenteHandlers as metadatenHandlers } from './dokumente.js';
import { inhaltHandlers, type InhaltCache } from './inhalt.js';
import { pdfHandlers } from './pdf.js';
import { posteingangHandlers } from './posteingang.js';
import { postfachHandlers } from './postfaecher.js';

export interface DokumenteDeps {
  db: Db;
  storage: ObjectStore;
  protokolliere: Protokollierer;
  ablage: Ablage;
  dokumente: DokumentService;
  inhalt: InhaltService;
  pdf: PdfService;
  posteingang: PosteingangService;
  postfaecher: PostfachService;
  inhaltCache?: InhaltCache;
}

/** All handlers of the Dokumente service, keyed by operationId. */
export function dokumenteHandlers(deps: DokumenteDeps) {
  return {
    ...metadatenHandlers(deps),
    ...inhaltHandlers(deps),
    ...pdfHandlers(deps),
    ...posteingangHandlers(deps),
    ...postfachHandlers(deps),
    /** POST /admin/fixity: the caller's tenant, Dokumente checked longest ago first. */
    async runFixityCheck(req) {
      const akteur = akteurOf(req);
      return pruefeFixity({ db: deps.db, storage: deps.storage, mandantId: akteur.mandantId, aufzeichnen: (tx, e) => deps.protokolliere(tx, akteur, e) });
    },
  } satisfies VertragsHandlers;
}
