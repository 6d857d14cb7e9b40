// Prometheus metrics of one service: requests per contract operation, database and storage latency,
// and gauges a service reads at scrape time (job queues, audit backlog). Each Fastify instance has its
// own registry, so several services in one process (pnpm start, tests) are scraped separately.
import { createServer as httpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type { Counter as Zaehler } from 'prom-client';

/** A gauge read when Prometheus scrapes: `lies` answers one value per label set. */
export interface Messwert {
  name: string;
  help: string;
  labelNames?: string[];
  lies: () => Promise<{ labels?: Record<string, string>; wert: number }[]>;
}

export interface Metriken {
  registry: Registry;
  counter(name: string, help: string, labelNames?: string[]): Counter;
  /** Registers a gauge computed at scrape time; a failing read leaves it out of that scrape and counts the failure. */
  messwert(m: Messwert): void;
  /** Times every statement of the pool's clients (statement kind as label: select, insert, begin, …). */
  beobachtePool(pool: Db['pool']): void;
  /** The store with each call timed. */
  beobachteSpeicher(store: ObjectStore): ObjectStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    metriken: Metriken;
  }
}

const DAUER_GRENZEN = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
const SQL_ARTEN = new Set(['select', 'insert', 'update', 'delete', 'with', 'begin', 'commit', 'rollback', 'savepoint', 'release']);
const SPEICHER_AUFRUFE = ['ensureBucket', 'ping', 'put', 'get', 'stat', 'remove', 'setzeSperre'] as const;

function sqlArt(anfrage: unknown): string {
  const text = typeof anfrage === 'string' ? anfrage : ((anfrage as { text?: string } | null)?.text ?? '');
  const wort = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase() ?? '';
  return SQL_ARTEN.has(wort) ? wort : 'andere';
}

const statusKlasse = (code: number) => `${Math.floor(code / 100)}xx`;

export interface MetrikenOptionen {
  service: string;
  /**
   * Where /metrics is served: on the service's own port (internal services behind the gateway), or on
   * a listener of its own (the gateway, whose port is public). Without either, nothing is served.
   */
  route?: boolean;
  eigenerPort?: { host: string; port: number };
}

export const metrikenPlugin = fp(
  async (app: FastifyInstance, opts: MetrikenOptionen) => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: opts.service });
    collectDefaultMetrics({ register: registry, prefix: 'eakte_' });

    // operationId from the contract, or the route pattern: never the raw URL (bounded label values)
    const anfragen = new Histogram({
      name: 'eakte_http_request_duration_seconds',
      help: 'Dauer der Anfragen je Vertragsoperation und Statusklasse',
      labelNames: ['operation', 'status'],
      buckets: DAUER_GRENZEN,
      registers: [registry],
    });
    app.addHook('onResponse', async (req, reply) => {
      const operation = req.routeOptions.config.operationId ?? req.routeOptions.url ?? 'unbekannt';
      anfragen.observe({ operation, status: statusKlasse(reply.statusCode) }, reply.elapsedTime / 1000);
    });

    const messfehler = new Counter({ name: 'eakte_metrik_lesefehler_total', help: 'Messwerte, die beim Abruf nicht gelesen werden konnten', labelNames: ['metrik'], registers: [registry] });
    const datenbank = new Histogram({
      name: 'eakte_db_query_duration_seconds',
      help: 'Dauer der SQL-Anweisungen je Art',
      labelNames: ['art', 'ergebnis'],
      buckets: DAUER_GRENZEN,
      registers: [registry],
    });
    const speicher = new Histogram({
      name: 'eakte_storage_operation_duration_seconds',
      help: 'Dauer der Aufrufe des Objektspeichers',
      labelNames: ['aufruf', 'ergebnis'],
      buckets: DAUER_GRENZEN,
      registers: [registry],
    });
    const pools: Db['pool'][] = [];
    new Gauge({
      name: 'eakte_db_pool_connections',
      help: 'Verbindungen der Datenbank-Pools: offen, frei, und Anfragen, die auf eine warten',
      labelNames: ['zustand'],
      registers: [registry],
      collect() {
        this.set(
          { zustand: 'offen' },
          pools.reduce((n, p) => n + p.totalCount, 0),
        );
        this.set(
          { zustand: 'frei' },
          pools.reduce((n, p) => n + p.idleCount, 0),
        );
        this.set(
          { zustand: 'wartend' },
          pools.reduce((n, p) => n + p.waitingCount, 0),
        );
      },
    });

    const metriken: Metriken = {
      registry,
      counter: (name, help, labelNames = []) => new Counter({ name, help, labelNames, registers: [registry] }),
      messwert: (m) => {
        new Gauge({
          name: m.name,
          help: m.help,
          labelNames: m.labelNames ?? [],
          registers: [registry],
          async collect() {
            this.reset();
            try {
              for (const w of await m.lies()) this.set(w.labels ?? {}, w.wert);
            } catch (err) {
              messfehler.inc({ metrik: m.name });
              app.log.warn({ err, metrik: m.name }, 'metric not readable');
            }
          },
        });
      },
      beobachtePool: (pool) => {
        pools.push(pool);
        pool.on('connect', (client) => {
          const query = client.query.bind(client) as (...a: unknown[]) => unknown;
          (client as { query: unknown }).query = (...args: unknown[]) => {
            const ende = datenbank.startTimer({ art: sqlArt(args[0]) });
            const r = query(...args);
            if (r && typeof (r as Promise<unknown>).then === 'function') {
              (r as Promise<unknown>).then(
                () => ende({ ergebnis: 'ok' }),
                () => ende({ ergebnis: 'fehler' }),
              );
            }
            return r;
          };
        });
      },
      beobachteSpeicher: (store) =>
        new Proxy(store, {
          get(ziel, name, empfaenger) {
            const wert = Reflect.get(ziel, name, empfaenger) as unknown;
            if (typeof wert !== 'function' || !SPEICHER_AUFRUFE.includes(name as never)) return wert;
            return async (...args: unknown[]) => {
              const ende = speicher.startTimer({ aufruf: String(name) });
              try {
                const r = await (wert as (...a: unknown[]) => Promise<unknown>).apply(ziel, args);
                ende({ ergebnis: 'ok' });
                return r;
              } catch (err) {
                ende({ ergebnis: 'fehler' });
                throw err;
              }
            };
          },
        }),
    };
    app.decorate('metriken', metriken);

    const antworten = async () => ({ typ: registry.contentType, text: await registry.metrics() });
    if (opts.route) {
      app.get('/metrics', async (_req, reply) => {
        const { typ, text } = await antworten();
        return reply.type(typ).send(text);
      });
    }
    if (opts.eigenerPort) {
      const server: Server = httpServer((req, res) => {
        if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
          res.writeHead(404).end();
          return;
        }
        antworten().then(
          ({ typ, text }) => res.writeHead(200, { 'content-type': typ }).end(text),
          (err: unknown) => {
            app.log.error({ err }, 'metrics scrape failed');
            res.writeHead(500).end();
          },
        );
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.eigenerPort!.port, opts.eigenerPort!.host, resolve);
      });
      const a = server.address() as AddressInfo;
      app.decorate('metrikenAdresse', `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
      app.log.info({ adresse: app.metrikenAdresse }, 'metrics listener');
      app.addHook('onClose', () => new Promise<void>((resolve) => server.close(() => resolve())));
    }
  },
  { name: 'metriken' },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** The separate metrics listener's base URL, when the service has one (the gateway). */
    metrikenAdresse?: string;
  }
}
