// The Aussonderung service: retention, legal holds, hand-over to the state archive.
import { contract } from '@eakte/api-client/contract';
import { protokolliere as protokolliereImProtokoll } from '@eakte/audit';
import { servicePlatform, type Protokollierer, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import type { ObjectStore } from '@eakte/storage';
import { aussonderungHandlers } from './handlers/index.js';
import { createAussonderungService, type ArchivEinstellungen } from './services/aussonderung.js';
import { historieAusProtokoll } from './services/historie.js';
import { inhalteAusDokumenten } from './services/inhalte.js';
import type { Historienquelle, Inhalte } from './services/ports.js';

export const SERVICE = 'aussonderung';

export const STANDARD_ARCHIV: ArchivEinstellungen = { name: 'Landesarchiv', kurzbezeichnung: 'LA' };

export interface AussonderungAppOptions {
  config: ServiceConfig;
  /** The audit trail (default: the chained Protokoll); tests may pass a recorder. */
  protokolliere?: Protokollierer;
  /** Tests only: this store instead of one from the configuration (object lock has no test server). */
  storage?: ObjectStore;
  inhalte?: Inhalte;
  historie?: Historienquelle;
  archiv?: ArchivEinstellungen;
}

export default async function aussonderungApp(app: FastifyInstance, opts: AussonderungAppOptions) {
  // xdomea replies arrive as XML documents: handed to the handler as text, parsed there.
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // … or packed as the archive's tool writes them (a ZIP with the XML inside)
  app.addContentTypeParser('application/zip', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // a ZIP arrives as a Buffer; the contract's `format: binary` string schema would only reject it
  // (the platform still accepts only the media types the contract names)
  app.addHook('onRoute', (route) => {
    const content = (route.schema?.body as { content?: Record<string, unknown> } | undefined)?.content;
    if (content) delete content['application/zip'];
  });
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    storage: opts.storage,
    handlers: (instance) =>
      aussonderungHandlers(
        createAussonderungService(instance.db, {
          protokolliere: opts.protokolliere ?? protokolliereImProtokoll,
          inhalte: opts.inhalte ?? inhalteAusDokumenten(instance.storage),
          historie: opts.historie ?? historieAusProtokoll,
          archiv: opts.archiv ?? STANDARD_ARCHIV,
          storage: instance.storage,
        }),
      ),
  });
}
