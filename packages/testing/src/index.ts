// Test helpers: build a service against the real Postgres and S3 started by the global setup,
// mint tokens of the test issuer, and check every response against the contract.
import { randomUUID } from 'node:crypto';
import { contract } from '@eakte/api-client/contract';
import { createDb, schema, type Dienst } from '@eakte/db';
import { createServer, loadConfig, serverOptionen, serviceConfigSchema, signDevToken, type DevKey, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance, FastifyPluginAsync, LightMyRequestResponse } from 'fastify';
import { expect, inject, onTestFinished } from 'vitest';
import { contractValidator } from './contract-validator.js';

export { contractValidator };

declare module 'vitest' {
  export interface ProvidedContext {
    env: Record<string, string>;
    ownerUrl: string;
    superuserUrl: string;
    devKey: DevKey;
    issuer: string;
    demo: Record<string, string>;
  }
}

export const testEnv = () => inject('env');

/** The URL of `dienst`'s own database role (each service connects with its own; docs/datenbank-api.md). */
export function testDatenbankUrl(dienst: Dienst): string {
  const url = inject('env')[`DATABASE_URL_${dienst.toUpperCase()}`];
  if (!url) throw new Error(`DATABASE_URL_${dienst.toUpperCase()} fehlt in der Testumgebung`);
  return url;
}

type ConfigSchema = Parameters<typeof loadConfig>[0];

export function testConfig(overrides: Record<string, string> = {}, configSchema: ConfigSchema = serviceConfigSchema): ServiceConfig {
  return loadConfig(configSchema, { ...inject('env'), LOG_LEVEL: 'silent', ...overrides });
}

/** Builds a service app (not listening) and closes it after the current test; `configSchema` for services with their own settings. */
export async function build(plugin: FastifyPluginAsync<never>, overrides: Record<string, string> = {}, configSchema?: ConfigSchema): Promise<FastifyInstance> {
  const config = testConfig(overrides, configSchema);
  const app = createServer(serverOptionen(config));
  await app.register(plugin, { config } as never);
  await app.ready();
  onTestFinished(() => app.close());
  return app;
}

export interface TokenOptions {
  tenant?: string;
  roles: string[];
  sub?: string;
  name?: string;
  ttlSeconds?: number;
  extra?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
}

/** What a technical client is granted unless a test says otherwise: every service, read and write. */
export const ALLE_SCOPES = ['akten', 'dokumente', 'aussonderung', 'protokoll'].flatMap((s) => [`${s}:read`, `${s}:write`]).join(' ');

export function token(opts: TokenOptions): Promise<string> {
  const scope = opts.roles.includes('fachverfahren') && opts.extra?.scope === undefined ? { scope: ALLE_SCOPES } : {};
  return signDevToken(inject('devKey'), {
    issuer: opts.issuer ?? inject('issuer'),
    audience: opts.audience ?? 'eakte',
    sub: opts.sub ?? `${opts.tenant ?? 'plattform'}-${opts.roles[0]}`,
    name: opts.name,
    mandant: opts.tenant,
    rollen: opts.roles,
    ttlSeconds: opts.ttlSeconds,
    extra: { ...scope, ...opts.extra },
  });
}

export async function authHeader(opts: TokenOptions) {
  return { authorization: `Bearer ${await token(opts)}` };
}

const validator = contractValidator(contract);

/** Asserts the response matches the contract's schema for its operation and status. */
export function expectContract(res: LightMyRequestResponse, operationId: string) {
  const errors = validator.validate(operationId, res.statusCode, res.headers['content-type'] as string | undefined, res.body);
  expect(errors, `response ${res.statusCode} of ${operationId} violates the contract: ${res.body.slice(0, 500)}`).toEqual([]);
}

/** Asserts an RFC 9457 problem with the given status and code. */
export function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(body.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  if (code) expect(body.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|SELECT |INSERT /);
  return body;
}
export { freePort } from '@eakte/embedded';

/** Builds a service and lets it listen on a free loopback port; closed after the current test. */
export async function listen(plugin: FastifyPluginAsync<never>, overrides: Record<string, string> = {}, configSchema?: ConfigSchema): Promise<string> {
  const app = await build(plugin, overrides, configSchema);
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/** A Behördenkennung as an onboarded agency has it: every xdomea message names it. */
export const TEST_BEHOERDENKENNUNG = { behoerdenschluessel: { code: '09999901' }, praefix: { code: 'ags' } };

/** Creates a fresh tenant (owner connection) so a test starts from empty tenant data. */
export async function testMandant(prefix = 'test', opts: { behoerdenkennung?: typeof TEST_BEHOERDENKENNUNG } = {}): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = `${prefix}-${id.slice(0, 8)}`;
  const db = createDb(inject('ownerUrl'), { max: 1 });
  try {
    await db.db.insert(schema.mandant).values({ id, slug, name: `Testmandant ${slug}`, ...(opts.behoerdenkennung ? { behoerdenkennung: opts.behoerdenkennung } : {}) });
  } finally {
    await db.close();
  }
  return { id, slug };
}
export { berichte } from './bericht.js';
export { pruefePdf, type PdfPruefung } from './pdf.js';
export { einheitFuerNeueAkten } from './aktenplan.js';
