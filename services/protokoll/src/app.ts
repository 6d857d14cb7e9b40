// The Protokoll service: the audit trail, its verification, signed checkpoints and export.
import { sicherheitsProtokoll } from '@eakte/audit';
import { createAuftragslauf, verbindeMitDienst } from '@eakte/auftraege';
import { contract } from '@eakte/api-client/contract';
import { datenbankUrlFuer, servicePlatform } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import type { ProtokollConfig } from './config.js';
import { alleProtokollHandlers } from './handlers/index.js';
import { createProtokollDienst, ladeSchluessel, type ProtokollDienst } from './pruefung.js';
import { createProtokollRepository } from './repositories/protokoll.js';

export { protokollConfigSchema, type ProtokollConfig } from './config.js';
export const SERVICE = 'protokoll';
/** The job runner's task that writes every tenant's checkpoint when its chain moved. */
export const AUFGABE_CHECKPOINTS = 'checkpoints';

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

  // Periodic checkpoints: one round across all instances every PROTOKOLL_CHECKPOINT_INTERVALL seconds, run by
  // whichever instance's job runner claims it; a failed round is not retried (the next one follows).
  const intervall = config.PROTOKOLL_CHECKPOINT_INTERVALL;
  if (intervall > 0) {
    const lauf = createAuftragslauf({
      dienst: 'protokoll',
      datenbankUrl: datenbankUrlFuer(config, SERVICE),
      log: app.log,
      parallel: 1,
      aufgaben: {
        [AUFGABE_CHECKPOINTS]: async () => {
          const n = await app.protokoll.periodisch();
          app.log.info({ checkpoints: n }, 'periodic audit checkpoints written');
        },
      },
      periodisch: [{ aufgabe: AUFGABE_CHECKPOINTS, alleSekunden: intervall }],
    });
    verbindeMitDienst(app, lauf);
  }
  // Partitions for the coming months (also done by every periodic round).
  app.addHook('onReady', async () => {
    await app.protokoll.partitionenSicherstellen().catch((err) => app.log.warn({ err }, 'audit partition maintenance at start failed'));
  });
}
