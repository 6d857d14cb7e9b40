// The Protokoll service: the audit trail, its verification, signed checkpoints and export.
import { sicherheitsProtokoll } from '@eakte/audit';
import { createAuftragslauf, verbindeMitDienst } from '@eakte/auftraege';
import { contract } from '@eakte/api-client/contract';
import { Beeintraechtigt, datenbankUrlFuer, servicePlatform } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import type { ProtokollConfig } from './config.js';
import { alleProtokollHandlers } from './handlers/index.js';
import { createPrueferpool } from './parallelpruefung.js';
import { createProtokollDienst, ladeSchluessel, type ProtokollDienst } from './pruefung.js';
import { createProtokollRepository } from './repositories/protokoll.js';
import { rueckstandAlsMetrik } from './rueckstand.js';
import { createSequenzierer, SEQUENZ_STAPEL } from './sequenzierer.js';

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
      const sequenzierer = createSequenzierer(instance.db);
      // the verification's worker threads start with the first large verification and stay for the next
      const pool = createPrueferpool(datenbankUrlFuer(config, SERVICE), config.PROTOKOLL_PRUEFUNG_ARBEITER);
      app.addHook('onClose', () => pool.schliessen());
      const parallel = { pool, ab: config.PROTOKOLL_PRUEFUNG_PARALLEL_AB, optionen: { arbeiter: config.PROTOKOLL_PRUEFUNG_ARBEITER, abschnitt: config.PROTOKOLL_PRUEFUNG_ABSCHNITT, stapel: 5_000 } };
      const dienst = createProtokollDienst({ db: instance.db, storage: instance.storage, repo, schluessel, log: instance.log, sequenzierer, parallel });
      instance.decorate('protokoll', dienst);
      // /health: the sequencer's backlog; degraded when the oldest waiting event is older than the limit
      app.healthChecks.set('sequenzierung', async () => {
        const r = await sequenzierer.gesamtRueckstand();
        const grenze = config.PROTOKOLL_RUECKSTAND_GRENZE_SEKUNDEN;
        if (r.aeltesterWartetSekunden > grenze)
          throw new Beeintraechtigt(`Das älteste unsequenzierte Ereignis wartet seit ${r.aeltesterWartetSekunden} s (Grenze ${grenze} s)`, { ...r, grenzeSekunden: grenze });
        return { ...r, grenzeSekunden: grenze };
      });
      return alleProtokollHandlers(repo, dienst, schluessel);
    },
  });

  rueckstandAlsMetrik(app, () => app.protokoll.wartende());

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
  // The sequencer: every PROTOKOLL_SEQUENZ_INTERVALL_MS it integrates each tenant's committed events
  // and signs a tree checkpoint after PROTOKOLL_CHECKPOINT_EREIGNISSE new events or the checkpoint interval.
  const takt = config.PROTOKOLL_SEQUENZ_INTERVALL_MS;
  if (takt > 0) {
    const stand = new Map<string, { groesse: number; zeit: number }>();
    let timer: NodeJS.Timeout | undefined;
    let aus = false;
    const runde = async () => {
      for (const m of await app.protokoll.wartende()) {
        if (aus) return;
        let s;
        do {
          s = await app.protokoll.sequenzieren(m);
        } while (s.sequenziert === SEQUENZ_STAPEL && !aus);
        const letzter = stand.get(m) ?? { groesse: 0, zeit: 0 };
        if (s.groesse - letzter.groesse > 0 && (s.groesse - letzter.groesse >= config.PROTOKOLL_CHECKPOINT_EREIGNISSE || (intervall > 0 && Date.now() - letzter.zeit >= intervall * 1000))) {
          const cp = await app.protokoll.baumCheckpoint(m, { nurWennNeu: true });
          if (cp) stand.set(m, { groesse: cp.groesse, zeit: Date.now() });
        }
      }
    };
    let laufend: Promise<void> = Promise.resolve();
    const weiter = () => {
      if (aus) return;
      timer = setTimeout(() => {
        laufend = runde()
          .catch((err) => app.log.error({ err }, 'audit sequencer round failed'))
          .finally(weiter);
      }, takt);
    };
    app.addHook('onReady', async () => weiter());
    // before the pool closes: the round in flight ends first
    app.addHook('preClose', async () => {
      aus = true;
      clearTimeout(timer);
      await laufend;
    });
  }
  // /health names a rolled-back audit trail (ruecksetzung.ts) until it is acknowledged
  app.healthChecks.set('protokoll', async () => {
    return (await app.protokoll.ruecksetzung.hinweis(() => app.protokoll.mandanten())) ?? 'keine Rücksetzung';
  });
  // Partitions for the coming months (also done by every periodic round).
  app.addHook('onReady', async () => {
    await app.protokoll.partitionenSicherstellen().catch((err) => app.log.warn({ err }, 'audit partition maintenance at start failed'));
  });
}
