// The Protokoll service: the audit trail, its verification, signed checkpoints and export.
import { sicherheitsProtokoll } from '@eakte/audit';
import { contract } from '@eakte/api-client/contract';
import { servicePlatform } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import type { ProtokollConfig } from './config.js';
import { alleProtokollHandlers } from './handlers/index.js';
import { createProtokollDienst, ladeSchluessel, type ProtokollDienst } from './pruefung.js';
import { createProtokollRepository } from './repositories/protokoll.js';

export { protokollConfigSchema, type ProtokollConfig } from './config.js';
export const SERVICE = 'protokoll';

declare module 'fastify' {
  interface FastifyInstance {
    protokoll: ProtokollDienst;
  }
}

export default async function protokollApp(app: FastifyInstance, opts: { config: ProtokollConfig }) {
  const { config } = opts;
  if (!config.PROTOKOLL_SIGNING_KEY) throw new Error('PROTOKOLL_SIGNING_KEY fehlt: der Protokolldienst braucht seinen Signaturschlüssel');
  const schluessel = ladeSchluessel(config.PROTOKOLL_SIGNING_KEY);
  // refused requests (403) become audit events of the caller's tenant
  await app.register(sicherheitsProtokoll);
  await app.register(servicePlatform, {
    service: SERVICE,
    config,
    document: contract,
    handlers: (instance) => {
      const repo = createProtokollRepository(instance.db);
      const dienst = createProtokollDienst({ db: instance.db, storage: instance.storage, repo, schluessel, log: instance.log });
      instance.decorate('protokoll', dienst);
      return alleProtokollHandlers(repo, dienst, schluessel);
    },
  });

  // Periodic checkpoints. Every instance runs this timer; with several instances each writes its
  // own checkpoints (harmless: only when the chain moved, all signed with the same key). A
  // Postgres-backed queue (pg-boss) would run it once across instances.
  const intervall = config.PROTOKOLL_CHECKPOINT_INTERVALL;
  if (intervall > 0) {
    let laufend = false;
    const timer = setInterval(() => {
      if (laufend) return;
      laufend = true;
      app.protokoll
        .periodisch()
        .then((n) => app.log.info({ checkpoints: n }, 'periodic audit checkpoints written'))
        .catch((err) => app.log.error({ err }, 'periodic audit checkpoints failed'))
        .finally(() => (laufend = false));
    }, intervall * 1000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  // Partitions for the coming months (also done by every periodic round).
  app.addHook('onReady', async () => {
    await app.protokoll.partitionenSicherstellen().catch((err) => app.log.warn({ err }, 'audit partition maintenance at start failed'));
  });
}
