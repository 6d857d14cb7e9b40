// Configuration is read from the environment once, at boot, and validated here.
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Ungültige Konfiguration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

export const logConfig = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

export const httpConfig = {
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Largest JSON body a route accepts, in bytes. */
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Longest a single request may take, upload included (slow-loris protection). */
  REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15 * 60_000),
  /** Longest the request line and headers may take; a client stalling longer is answered 408 and closed. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
};

/** Largest CSV body (Aktenplan import): 5,000 units are well below it. Shared by the Akten service and the gateway. */
export const CSV_LIMIT = 5 * 1024 * 1024;

export const databaseConfig = {
  /** The database URL of a process that runs one service: its own login role (docs/datenbank-api.md). */
  DATABASE_URL: z.string().url().optional(),
  /** Several services in one process (embedded start, tests): each connects with its own role's URL. */
  DATABASE_URL_AKTEN: z.string().url().optional(),
  DATABASE_URL_DOKUMENTE: z.string().url().optional(),
  DATABASE_URL_AUSSONDERUNG: z.string().url().optional(),
  DATABASE_URL_PROTOKOLL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
};

type DatabaseEnv = { [K in keyof typeof databaseConfig]: z.infer<(typeof databaseConfig)[K]> };

/** The URL `service` connects with: its own `DATABASE_URL_<SERVICE>`, else `DATABASE_URL`; neither is a configuration error. */
export function datenbankUrlFuer(cfg: Partial<DatabaseEnv>, service: string): string {
  const name = `DATABASE_URL_${service.toUpperCase()}` as keyof DatabaseEnv;
  const url = (cfg[name] as string | undefined) ?? cfg.DATABASE_URL;
  if (!url) throw new ConfigError([`${name}: Required (or DATABASE_URL)`]);
  return url;
}

export const storageConfig = {
  S3_ENDPOINT: z.string().url(),
  S3_ACCESS_KEY: z.string().min(1),
  S3_SECRET_KEY: z.string().min(1),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
    .default('eakte'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_PATH_STYLE: bool.default('true'),
  /** Object lock as defence in depth; needs a MinIO bucket created with object lock. */
  S3_OBJECT_LOCK: z.enum(['off', 'governance', 'compliance']).default('off'),
  /** Set by the embedded start only: the emulator lacks some S3 calls. */
  S3_EMULATOR: bool.default('false'),
};

/** What every domain service needs. */

export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  // empty strings count as unset, as in most deployment tools
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}

type StorageEnv = { [K in keyof typeof storageConfig]: z.infer<(typeof storageConfig)[K]> };

export function storageSettings(cfg: StorageEnv) {
  return {
    endpoint: cfg.S3_ENDPOINT,
    accessKey: cfg.S3_ACCESS_KEY,
    secretKey: cfg.S3_SECRET_KEY,
    bucket: cfg.S3_BUCKET,
    region: cfg.S3_REGION,
    pathStyle: cfg.S3_PATH_STYLE,
    emulator: cfg.S3_EMULATOR,
    objectLock: cfg.S3_OBJECT_LOCK,
  };
}
