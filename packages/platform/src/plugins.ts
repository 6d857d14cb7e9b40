// Shared plugins: database and object storage as named, decorated dependencies.
import { createDb, type Db } from '@eakte/db';
import { createObjectStore, ObjektsperreHerabgestuft, ObjektsperreNichtEingerichtet, type ObjectStore, type StorageConfig } from '@eakte/storage';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    storage: ObjectStore;
  }
}

export const dbPlugin = fp(
  async (app: FastifyInstance, opts: { url: string; poolMax: number; service: string; objektsperre?: boolean }) => {
    const db = createDb(opts.url, { max: opts.poolMax, applicationName: `eakte-${opts.service}`, objektsperre: opts.objektsperre });
    if (app.hasDecorator('metriken')) app.metriken.beobachtePool(db.pool);
    app.decorate('db', db);
    app.healthChecks.set('postgres', () => db.ping());
    app.addHook('onClose', async () => db.close());
  },
  { name: 'db', dependencies: ['health'] },
);

function isCredentialError(err: unknown) {
  const code = (err as { code?: string } | null)?.code ?? '';
  return ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidBucketName'].includes(code);
}

export const storagePlugin = fp(
  async (app: FastifyInstance, opts: StorageConfig & { store?: ObjectStore }) => {
    const roh = opts.store ?? createObjectStore(opts);
    const storage = app.hasDecorator('metriken') ? app.metriken.beobachteSpeicher(roh) : roh;
    try {
      await storage.ensureBucket();
    } catch (err) {
      // S3_OBJECT_LOCK on a bucket without object lock, or lowered from compliance: a setting to fix, not a backend to wait for
      if (err instanceof ObjektsperreNichtEingerichtet || err instanceof ObjektsperreHerabgestuft) throw err;
      // Wrong credentials never fix themselves: refuse to start. An unreachable backend may
      // come back: start, answer 503 meanwhile (health says so), recover without restart.
      if (isCredentialError(err)) {
        throw new Error(`Objektspeicher ${opts.endpoint} lehnt die Zugangsdaten ab (S3_ACCESS_KEY/S3_SECRET_KEY): ${(err as Error).message}`, { cause: err });
      }
      app.log.warn({ err }, 'object storage not reachable at start; continuing, /health reports it');
    }
    app.decorate('storage', storage);
    app.healthChecks.set('storage', () => storage.ping());
  },
  { name: 'storage', dependencies: ['health'] },
);
