// The Dokumente service: document content in object storage, versions, downloads.
import os from 'node:os';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { contract } from '@eakte/api-client/contract';
import { servicePlatform, type Protokollierer, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createAblage } from './ablage.js';
import { protokolliere as protokolliereImProtokoll } from '@eakte/audit';
import { dokumenteHandlers } from './handlers/index.js';
import { dokumenteRepository } from './repositories/dokumente.js';
import { raeumeVerwaisteObjekte } from './sweeper.js';
import { pruefeFixityAllerMandanten } from './fixity.js';
import { arbeiteTextextraktion } from './textextraktion.js';

export const SERVICE = 'dokumente';

/** Settings of this service on top of the shared ones (validated once at boot). */
export const dokumenteConfigSchema = z.object({
  /** Where uploads are spooled while they are hashed (private, on a disk with room for the largest upload). */
  DOKUMENTE_SPOOL_DIR: z.string().min(1).default(path.join(os.tmpdir(), 'eakte-dokumente-spool')),
  /** Objects without row younger than this are left alone (an upload may be about to commit). */
  DOKUMENTE_SWEEPER_KARENZ_SEKUNDEN: z.coerce.number().int().min(1).default(24 * 3600),
  /** How often the sweeper runs; 0 = never (tests call it directly). */
  DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: z.coerce.number().int().min(0).default(3600),
  /** How often the worker looks for due text extraction jobs; 0 = never (tests call it directly). */
  DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: z.coerce.number().int().min(0).default(5),
  /** How often stored content is re-read and its SHA-256 compared (per tenant, oldest checks first); 0 = never. */
  DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN: z.coerce.number().int().min(0).default(24 * 3600),
});
export type DokumenteConfig = z.infer<typeof dokumenteConfigSchema>;

export interface DokumenteAppOptions {
  config: ServiceConfig & Partial<DokumenteConfig>;
  /** Records every change and content read inside its transaction. */
  protokolliere?: Protokollierer;
}

export default async function dokumenteApp(app: FastifyInstance, opts: DokumenteAppOptions) {
  const eigene = dokumenteConfigSchema.parse(opts.config);
  const protokolliere = opts.protokolliere ?? protokolliereImProtokoll;
  // before the contract routes: multipart bodies are streamed by the handlers, never parsed whole
  await app.register(multipart, { throwFileSizeLimit: true });
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    handlers: (instance) => {
      const repo = dokumenteRepository;
      const ablage = createAblage({ db: instance.db, storage: instance.storage, repo, protokolliere, spoolVerzeichnis: eigene.DOKUMENTE_SPOOL_DIR });
      return dokumenteHandlers({ db: instance.db, storage: instance.storage, repo, ablage, protokolliere });
    },
  });

  const sweep = () =>
    raeumeVerwaisteObjekte({ db: app.db, storage: app.storage, repo: dokumenteRepository, log: app.log, karenzMs: eigene.DOKUMENTE_SWEEPER_KARENZ_SEKUNDEN * 1000 });
  wiederhole(app, eigene.DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN, 'text extraction', async () => {
    // work through the backlog, one batch after the other
    while ((await arbeiteTextextraktion({ db: app.db, storage: app.storage, repo: dokumenteRepository, log: app.log })) > 0);
  });
  wiederhole(app, eigene.DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN, 'sweeper', async () => {
    await sweep();
  });
  wiederhole(app, eigene.DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN, 'fixity', async () => {
    await pruefeFixityAllerMandanten({ db: app.db, storage: app.storage, log: app.log });
  });
}

/** Runs `arbeit` every `sekunden` (0 = never), never overlapping itself, stopped on close. */
function wiederhole(app: FastifyInstance, sekunden: number, name: string, arbeit: () => Promise<void>) {
  if (sekunden <= 0) return;
  let laeuft = false;
  const timer = setInterval(() => {
    if (laeuft) return;
    laeuft = true;
    arbeit()
      .catch((err: unknown) => app.log.warn({ err }, `${name} run failed`))
      .finally(() => {
        laeuft = false;
      });
  }, sekunden * 1000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
