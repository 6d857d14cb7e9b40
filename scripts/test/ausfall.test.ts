// Faults: PostgreSQL restarted under traffic. Requests fail cleanly (503 problem+json, never a
// 500 or a hang) while it is down and succeed again afterwards, without restarting the service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import aktenApp from '@eakte/akten';
import { startEmbeddedPostgres } from '@eakte/embedded';
import { runMigrations } from '@eakte/db';
import { authHeader, build, expectProblem } from '@eakte/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../lib/demo.js';

const dir = mkdtempSync(path.join(tmpdir(), 'eakte-ausfall-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PostgreSQL restart under traffic', { timeout: 120_000 }, () => {
  it('answers 503 while the database is down and recovers without a service restart', async () => {
    let pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), fast: true });
    const port = pg.port;
    await runMigrations(pg.ownerUrl);
    await seedDemo(pg.ownerUrl);
    const app = await build(aktenApp, { DATABASE_URL: pg.appUrl });
    const headers = await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const get = () => app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers });

    expect((await get()).statusCode).toBe(200);
    // traffic while the server goes away
    const during = Promise.all(Array.from({ length: 20 }, () => get()));
    await pg.stop();
    const results = await during;
    for (const r of results) expect([200, 503]).toContain(r.statusCode);

    const down = await get();
    expectProblem(down, 503, 'DIENST_NICHT_VERFUEGBAR');
    expect(down.headers['retry-after']).toBeDefined();
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);

    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), fast: true, port });
    try {
      // the pool replaces its dead connections on its own
      let ok = 0;
      for (let i = 0; i < 20 && ok === 0; i++) {
        const r = await get();
        if (r.statusCode === 200) ok++;
        else expect(r.statusCode).toBe(503);
      }
      expect(ok).toBe(1);
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await pg.stop();
    }
  });
});
