// Starts the embedded infrastructure (PostgreSQL, S3 emulator), migrates and seeds it.
// Used by `pnpm start` (data in .data/, kept) and by the test setup (temp dirs, removed).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIENSTE, runMigrations } from '@eakte/db';
import { startEmbeddedPostgres, startEmbeddedS3, type EmbeddedPostgresHandle, type EmbeddedS3Handle } from '@eakte/embedded';
import { seedDemo } from './demo.js';

export interface Infrastructure {
  env: Record<string, string>;
  ownerUrl: string;
  superuserUrl?: string;
  stop(): Promise<void>;
}

export interface InfrastructureOptions {
  dataDir: string;
  /** Environment that may point to external services instead. */
  env: Record<string, string | undefined>;
  /** fsync off etc. — tests only. */
  fast?: boolean;
  seed?: boolean;
  /** Continuous WAL archiving of the embedded database into this directory (`pnpm backup`). */
  walArchiv?: string;
  /** Leave the empty database unmigrated (the test of a previous release migrates it with its own code). */
  ohneMigration?: boolean;
  log: (msg: string) => void;
}

export async function startInfrastructure(opts: InfrastructureOptions): Promise<Infrastructure> {
  const env: Record<string, string> = {};
  const stops: (() => Promise<void>)[] = [];
  let pgHandle: EmbeddedPostgresHandle | undefined;
  let s3Handle: EmbeddedS3Handle | undefined;
  try {
    let ownerUrl: string;
    const eigeneUrls = DIENSTE.map((d) => `DATABASE_URL_${d.toUpperCase()}`).filter((k) => opts.env[k]);
    if (opts.env.DATABASE_URL || eigeneUrls.length > 0) {
      // an external database: each service's role URL as given (DATABASE_URL_<DIENST>, else DATABASE_URL)
      if (opts.env.DATABASE_URL) env.DATABASE_URL = opts.env.DATABASE_URL;
      for (const k of eigeneUrls) env[k] = opts.env[k]!;
      const owner = opts.env.DATABASE_OWNER_URL || opts.env.DATABASE_URL;
      if (!owner) throw new Error('DATABASE_OWNER_URL fehlt: die Migrationen laufen als Eigentümerrolle');
      ownerUrl = owner;
    } else {
      const t0 = Date.now();
      pgHandle = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, 'pg'), fast: opts.fast, walArchiv: opts.walArchiv, log: () => {} });
      stops.push(() => pgHandle!.stop());
      // each service connects with its own role (docs/datenbank-api.md); there is no shared DATABASE_URL
      for (const d of DIENSTE) env[`DATABASE_URL_${d.toUpperCase()}`] = pgHandle.dienstUrls[d];
      ownerUrl = pgHandle.ownerUrl;
      opts.log(`PostgreSQL (embedded) on port ${pgHandle.port}, ready in ${Date.now() - t0} ms`);
    }
    if (opts.env.S3_ENDPOINT) {
      for (const k of ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET', 'S3_REGION', 'S3_PATH_STYLE']) {
        if (opts.env[k]) env[k] = opts.env[k]!;
      }
    } else {
      s3Handle = await startEmbeddedS3({ dataDir: path.join(opts.dataDir, 's3') });
      stops.push(() => s3Handle!.stop());
      Object.assign(env, {
        S3_ENDPOINT: s3Handle.endpoint,
        S3_ACCESS_KEY: s3Handle.accessKey,
        S3_SECRET_KEY: s3Handle.secretKey,
        S3_REGION: s3Handle.region,
        S3_BUCKET: opts.env.S3_BUCKET || 'eakte',
        S3_PATH_STYLE: 'true',
        S3_EMULATOR: 'true',
      });
      opts.log(`S3 emulator on ${s3Handle.endpoint}`);
    }
    // On the embedded default the audit checkpoint key is generated once and kept with the data.
    if (pgHandle && !opts.env.PROTOKOLL_SIGNING_KEY) env.PROTOKOLL_SIGNING_KEY = loadOrCreateSigningKey(path.join(opts.dataDir, 'protokoll'));
    // and so is the key the function mailboxes' secrets are encrypted with
    if (pgHandle && !opts.env.POSTFACH_SCHLUESSEL) env.POSTFACH_SCHLUESSEL = loadOrCreatePostfachSchluessel(path.join(opts.dataDir, 'postfach'));
    if (!opts.ohneMigration) {
      await runMigrations(ownerUrl);
      opts.log('migrations applied');
    }
    if (opts.seed && !opts.ohneMigration) {
      await seedDemo(ownerUrl);
      opts.log('demo tenants present: demo, demo2');
    }
    if (pgHandle) {
      mkdirSync(opts.dataDir, { recursive: true });
      writeFileSync(
        path.join(opts.dataDir, 'embedded.json'),
        JSON.stringify(
          {
            databaseUrl: pgHandle.dienstUrls.akten,
            dienstUrls: pgHandle.dienstUrls,
            ownerUrl: pgHandle.ownerUrl,
            superuserUrl: pgHandle.superuserUrl,
            // `pnpm backup` reads the bucket of the running platform through the S3 API
            ...(s3Handle ? { s3: { endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: env.S3_REGION, bucket: env.S3_BUCKET } } : {}),
          },
          null,
          2,
        ),
        { mode: 0o600 },
      );
    }
    return {
      env,
      ownerUrl,
      superuserUrl: pgHandle?.superuserUrl,
      async stop() {
        for (const stop of stops.reverse()) await stop().catch(() => {});
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw err;
  }
}

/** The Ed25519 key that signs audit checkpoints on the embedded default (PKCS#8 PEM, mode 0600). */
/** The platform key of the function mailboxes (32 random bytes, base64), kept with the embedded data. */
export function loadOrCreatePostfachSchluessel(dir: string): string {
  const file = path.join(dir, 'schluessel');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const schluessel = randomBytes(32).toString('base64');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, schluessel, { mode: 0o600 });
  return schluessel;
}

export function loadOrCreateSigningKey(dir: string): string {
  const file = path.join(dir, 'signing-key.pem');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, pem, { mode: 0o600 });
  return pem;
}
