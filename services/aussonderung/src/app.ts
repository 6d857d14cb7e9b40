// The Aussonderung service: retention, legal holds, hand-over to the state archive.
import { contract } from '@eakte/api-client/contract';
import { servicePlatform, type Protokollierer, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import { aussonderungHandlers } from './handlers/index.js';
import { createAussonderungService, type ArchivEinstellungen } from './services/aussonderung.js';
import type { Historienquelle, Inhalte } from './services/ports.js';

export const SERVICE = 'aussonderung';

// INTEGRATION: replace with @eakte/audit — a placeholder that records nothing, so that this
// service runs before the audit package is merged. Every mutation already calls it inside its
// transaction.
export const protokolliereVorlaeufigNichts: Protokollierer = async () => {};

// INTEGRATION: replace with the Protokoll's history — no history until @eakte/audit is merged.
export const keineHistorie: Historienquelle = { historie: async () => new Map() };

// INTEGRATION: replace with the Dokumente tables and storage — no documents until Dokumente is merged.
export const keineInhalte: Inhalte = {
  dokumente: async () => [],
  oeffne: async (schluessel) => {
    throw new Error(`kein Inhalt ${schluessel}`);
  },
  entferne: async () => {},
};

export const STANDARD_ARCHIV: ArchivEinstellungen = { name: 'Landesarchiv', kurzbezeichnung: 'LA' };

export interface AussonderungAppOptions {
  config: ServiceConfig;
  /** The audit seam; tests pass a recorder. */
  protokolliere?: Protokollierer;
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
  app.addHook('onRoute', (route) => {
    const content = (route.schema?.body as { content?: Record<string, unknown> } | undefined)?.content;
    if (content) delete content['application/zip'];
  });
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    handlers: (instance) =>
      aussonderungHandlers(
        createAussonderungService(instance.db, {
          protokolliere: opts.protokolliere ?? protokolliereVorlaeufigNichts,
          inhalte: opts.inhalte ?? keineInhalte,
          historie: opts.historie ?? keineHistorie,
          archiv: opts.archiv ?? STANDARD_ARCHIV,
          storage: instance.storage,
        }),
      ),
  });
}
