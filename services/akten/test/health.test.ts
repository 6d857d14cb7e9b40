import { randomBytes } from 'node:crypto';
import { storageSettings } from '@eakte/platform';
import { COMPLIANCE_MARKE, createObjectStore } from '@eakte/storage';
import { build, expectProblem, freePort, testConfig } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import aktenApp from '../src/app.js';

describe('health', () => {
  it('is ok only when Postgres and storage answer', async () => {
    const app = await build(aktenApp);
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', checks: { postgres: { status: 'ok' }, storage: { status: 'ok' } } });
    expect((await app.inject({ method: 'GET', url: '/health/live' })).json()).toMatchObject({ status: 'ok' });
  });

  it('answers 503 naming the storage when it is unreachable, and the service still starts', async () => {
    const port = await freePort();
    const app = await build(aktenApp, { S3_ENDPOINT: `http://127.0.0.1:${port}` });
    const body = expectProblem(await app.inject({ method: 'GET', url: '/health' }), 503, 'DIENST_NICHT_VERFUEGBAR');
    expect(body).toMatchObject({ checks: { postgres: { status: 'ok' }, storage: { status: 'fehler' } } });
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });

  it('answers 503 naming Postgres when the database is unreachable', async () => {
    const port = await freePort();
    const app = await build(aktenApp, { DATABASE_URL_AKTEN: `postgres://eakte_akten:x@127.0.0.1:${port}/eakte` });
    const body = expectProblem(await app.inject({ method: 'GET', url: '/health' }), 503);
    expect(body).toMatchObject({ checks: { postgres: { status: 'fehler' }, storage: { status: 'ok' } } });
  });

  it('refuses to start with storage credentials the backend rejects', async () => {
    await expect(build(aktenApp, { S3_SECRET_KEY: 'falsch' })).rejects.toThrow(/S3_ACCESS_KEY\/S3_SECRET_KEY/);
  });

  it('refuses to start with S3_OBJECT_LOCK on when the bucket has no object lock (the test store has none)', async () => {
    await expect(build(aktenApp, { S3_OBJECT_LOCK: 'compliance' })).rejects.toThrow(/S3_OBJECT_LOCK=compliance, aber der Bucket .* hat keine Object-Lock-Konfiguration/);
  });

  it('refuses to start with S3_OBJECT_LOCK=governance on a bucket that held COMPLIANCE locks', async () => {
    const S3_BUCKET = `herabgestuft-${randomBytes(4).toString('hex')}`;
    const s = createObjectStore(storageSettings(testConfig({ S3_BUCKET })));
    await s.ensureBucket();
    await s.put(COMPLIANCE_MARKE, Buffer.from('compliance'), 10);
    await expect(build(aktenApp, { S3_BUCKET, S3_OBJECT_LOCK: 'governance' })).rejects.toThrow(/S3_OBJECT_LOCK=governance, aber im Bucket .* schon im Modus COMPLIANCE gesperrt/);
  });
});
