// Starts what the tests need, once: a real PostgreSQL and the S3 emulator in temp dirs
// (or external ones from S3_TEST_ENDPOINT/…), migrated and seeded, plus a test OIDC issuer.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schema, createDb } from '@eakte/db';
import { createServer, devIssuerRoutes, loadOrCreateDevKey } from '@eakte/platform';
import type { TestProject } from 'vitest/node';
import { webBauen } from '@eakte/web';
import { startInfrastructure } from '../lib/stack.js';

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-test-'));
  const external: Record<string, string | undefined> = {};
  if (process.env.S3_TEST_ENDPOINT) {
    Object.assign(external, {
      S3_ENDPOINT: process.env.S3_TEST_ENDPOINT,
      S3_ACCESS_KEY: process.env.S3_TEST_ACCESS_KEY,
      S3_SECRET_KEY: process.env.S3_TEST_SECRET_KEY,
      S3_BUCKET: process.env.S3_TEST_BUCKET ?? `eakte-test-${Date.now().toString(36)}`,
      S3_REGION: process.env.S3_TEST_REGION ?? 'us-east-1',
      S3_PATH_STYLE: process.env.S3_TEST_PATH_STYLE ?? 'true',
    });
  }
  // the web client once, up front: `pnpm start` (start.test.ts) serves it and would build it otherwise
  const gebaut = webBauen();
  const infra = await startInfrastructure({ dataDir, env: external, fast: true, seed: true, log: () => {} });

  const devKey = await loadOrCreateDevKey(path.join(dataDir, 'dev-issuer'));
  const issuerServer = createServer({ logLevel: 'silent' });
  let issuer = '';
  await issuerServer.register(devIssuerRoutes, { prefix: '/dev-issuer', key: devKey, issuer: () => issuer });
  const address = await issuerServer.listen({ host: '127.0.0.1', port: 0 });
  issuer = `${address}/dev-issuer`;

  const db = createDb(infra.ownerUrl, { max: 1 });
  const mandanten = await db.db.select({ id: schema.mandant.id, slug: schema.mandant.slug }).from(schema.mandant);
  await db.close();

  await gebaut;
  // Test files share one database and so one queue per service. The checkpoint rounds are one periodic
  // job across every Protokoll instance: an app of one test file would re-plan another file's rounds at
  // its own interval. A running Aussonderung worker takes any tenant's jobs: one of a test file's apps
  // would take another file's destruction jobs and fail them as it closes, and that file's own round then
  // finds them postponed. Both off unless a test sets them; its tests work their own tenant's jobs.
  project.provide('env', {
    ...infra.env,
    OIDC_ISSUER: issuer,
    PROTOKOLL_CHECKPOINT_INTERVALL: '0',
    AUSSONDERUNG_ARBEITER_INTERVALL_SEKUNDEN: '0',
    // mailboxes can be set up (a key for this run), but nothing is ever fetched from what a test enters
    POSTFACH_SCHLUESSEL: randomBytes(32).toString('base64'),
    POSTFACH_ABRUF_INTERVALL_SEKUNDEN: '0',
  });
  project.provide('ownerUrl', infra.ownerUrl);
  project.provide('superuserUrl', infra.superuserUrl ?? infra.ownerUrl);
  project.provide('devKey', devKey);
  project.provide('issuer', issuer);
  project.provide('demo', Object.fromEntries(mandanten.map((m) => [m.slug, m.id])));

  return async () => {
    await issuerServer.close();
    await infra.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
