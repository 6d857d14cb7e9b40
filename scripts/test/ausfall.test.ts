// Faults: PostgreSQL restarted under traffic. Requests fail cleanly (503 problem+json, never a
// 500 or a hang) while it is down and succeed again afterwards, without restarting the service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import aktenApp from '@eakte/akten';
import { startEmbeddedPostgres } from '@eakte/embedded';
import { runMigrations } from '@eakte/db';
import { authHeader, berichte, build, expectProblem } from '@eakte/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../lib/demo.js';

const dir = mkdtempSync(path.join(tmpdir(), 'eakte-ausfall-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PostgreSQL restart under traffic', { timeout: 120_000 }, () => {
  it('answers 503 while the database is down and recovers without a service restart', async (context) => {
    let pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), fast: true });
    const port = pg.port;
    await runMigrations(pg.ownerUrl);
    await seedDemo(pg.ownerUrl);
    const app = await build(aktenApp, { DATABASE_URL_AKTEN: pg.dienstUrls.akten });
    const headers = await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const zahlen = { anfragen: 0, nichtVerfuegbar: 0, andere: 0 };
    // every answer is either the content or a clean 503; anything else would be a request lost to the fault
    const get = async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers });
      zahlen.anfragen++;
      if (res.statusCode === 503) zahlen.nichtVerfuegbar++;
      else if (res.statusCode !== 200) zahlen.andere++;
      return res;
    };

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
      expect(zahlen.andere).toBe(0);
      berichte(
        context,
        'ausfall (service, inject)',
        `PostgreSQL stopped and restarted under ${zahlen.anfragen} requests: ${zahlen.nichtVerfuegbar} answered 503, ${zahlen.andere} lost or 5xx otherwise, recovered without a service restart`,
      );
    } finally {
      await app.close();
      await pg.stop();
    }
  });
});
