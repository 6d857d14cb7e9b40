import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';
import { rechteAnweisungen } from './datenbank-api.js';

export { schema };
export * from './datenbank-api.js';
export { legeSystemdokumentAb, type Ablageergebnis, type Systemdokument } from './ablage.js';
export { sql } from 'drizzle-orm';
export type Database = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

export interface Db {
  db: Database;
  pool: pg.Pool;
  /** Runs `fn` in one transaction whose row-level security sees only `mandantId`'s rows. */
  withMandant<T>(mandantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` in the platform-operations context: tenants may be listed and created, no tenant content is visible. */
  alsPlattformbetrieb<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Maps a tenant slug to its id (before any tenant context exists). */
  mandantIdFuerSlug(slug: string): Promise<string | null>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  max?: number;
  applicationName?: string;
  /**
   * Object lock is on (S3_OBJECT_LOCK): every tenant transaction lets the database triggers queue
   * the lock work for what it changes (migration `objektsperre`); off, nothing is queued.
   */
  objektsperre?: boolean;
}

export function createDb(url: string, opts: DbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'eakte',
    connectionTimeoutMillis: 5_000,
  });
  // A client losing its server (restart, terminated backend) must not crash the process: idle, the
  // pool drops it; checked out (pg-pool then listens no more), its transaction fails, and the pool
  // drops it on release because it is no longer queryable.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    withMandant: (mandantId, fn) =>
      db.transaction(async (tx) => {
        if (opts.objektsperre) await tx.execute(sql`select set_config('app.mandant', ${mandantId}, true), set_config('app.objektsperre', 'an', true)`);
        else await tx.execute(sql`select set_config('app.mandant', ${mandantId}, true)`);
        return fn(tx);
      }),
    alsPlattformbetrieb: (fn) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.plattformbetrieb', 'an', true)`);
        return fn(tx);
      }),
    mandantIdFuerSlug: async (slug) => {
      const res = await pool.query<{ id: string | null }>('select plattform.mandant_id_fuer_slug($1) as id', [slug]);
      return res.rows[0]?.id ?? null;
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

/**
 * Applies committed migrations, then the cross-schema privileges of the database API list
 * (datenbank-api.ts); run with the owner role, never a service role.
 */
export async function runMigrations(ownerUrl: string): Promise<void> {
  const { db, close } = createDb(ownerUrl, { max: 1, applicationName: 'eakte-migrate' });
  try {
    await migrate(db, { migrationsFolder });
    await db.transaction(async (tx) => {
      for (const anweisung of rechteAnweisungen()) await tx.execute(sql.raw(anweisung));
    });
  } finally {
    await close();
  }
}
