// Several instances of one service behind the gateway: round robin, and a request that cannot reach
// one instance goes to the other when that is safe (nothing of it reached a service, or it reads only).
import { createServer as httpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, loadConfig } from '@eakte/platform';
import { authHeader, freePort } from '@eakte/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import gatewayApp, { gatewayConfigSchema } from '../src/app.js';

interface Instanz {
  url: string;
  anfragen: { method: string; url: string; body: string }[];
}

/** What a fake instance does instead of answering: break the connection, or refuse with 503 (`stoppt`: as a stopping instance does, closing). */
type Verhalten = 'trennen' | '503' | '503-stoppt' | undefined;

/** A fake instance of a service: answers with its name, or as `verhalten` says. */
async function instanz(name: string, verhalten?: (req: IncomingMessage, body: string) => Verhalten): Promise<Instanz> {
  const anfragen: Instanz['anfragen'] = [];
  const server: Server = httpServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.url === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      anfragen.push({ method: req.method!, url: req.url!, body });
      const v = verhalten?.(req, body);
      if (v === 'trennen') return void req.socket.destroy();
      if (v === '503' || v === '503-stoppt') {
        // Retry-After in seconds, as the platform sends it
        const kopf = { 'content-type': 'application/problem+json', 'retry-after': '1', ...(v === '503-stoppt' ? { connection: 'close' } : {}) };
        return void res.writeHead(503, kopf).end(JSON.stringify({ status: 503, code: 'DIENST_NICHT_VERFUEGBAR', instanz: name }));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ instanz: name }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onTestFinished(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, anfragen };
}

async function gateway(akten: string[], protokoll?: string[]) {
  const app = createServer({ logLevel: 'silent' });
  const andere = (await instanz('andere')).url;
  await app.register(gatewayApp, {
    config: loadConfig(gatewayConfigSchema, { AKTEN_URL: akten.join(','), DOKUMENTE_URL: andere, AUSSONDERUNG_URL: andere, PROTOKOLL_URL: protokoll?.join(',') ?? andere }),
  });
  await app.ready();
  onTestFinished(() => app.close());
  return app;
}

const kopf = () => authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] });

/** A Protokoll instance whose /health reports rolled-back audit trails of `n` tenants (as ruecksetzung.ts does). */
async function protokollMitRuecksetzung(n: number): Promise<string> {
  const hinweis = `Rücksetzung des Protokolls erkannt (betroffene Mandanten: ${n}); die Prüfung des Mandanten sieht sie unter GET /protokoll/pruefung`;
  const server = httpServer((req, res) => {
    const body = {
      status: 'ok',
      service: 'protokoll',
      checks: { protokoll: { status: 'ok', details: { hinweis, ruecksetzungErkannt: true, betroffeneMandanten: n } } },
      hinweise: [`protokoll: ${hinweis}`],
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('gateway with two instances of a service', () => {
  it('spreads requests over the instances in turn', async () => {
    const [a, b] = [await instanz('a'), await instanz('b')];
    const app = await gateway([a.url, b.url]);
    const h = await kopf();
    const namen = [];
    for (let i = 0; i < 6; i++) namen.push((await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h })).json().instanz);
    expect(namen.sort()).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
  });

  it('sends a request whose instance refuses the connection to the other one, reads and writes alike', async () => {
    const b = await instanz('b');
    const weg = `http://127.0.0.1:${await freePort()}`;
    const app = await gateway([weg, b.url]);
    const h = { ...(await kopf()), 'content-type': 'application/json' };
    for (let i = 0; i < 4; i++) {
      const lesen = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h });
      expect(lesen.statusCode, lesen.body).toBe(200);
      const anlegen = await app.inject({ method: 'POST', url: '/api/v1/akten', headers: h, payload: { betreff: `Akte ${i}` } });
      expect(anlegen.statusCode, anlegen.body).toBe(200);
    }
    // each request reached the live instance once
    expect(b.anfragen.filter((x) => x.method === 'POST').map((x) => JSON.parse(x.body).betreff)).toEqual(['Akte 0', 'Akte 1', 'Akte 2', 'Akte 3']);
  });

  it('repeats a read whose connection broke off on the other instance, but never a write that was sent', async () => {
    const a = await instanz('a', () => 'trennen');
    const b = await instanz('b', () => 'trennen');
    const app = await gateway([a.url, b.url]);
    const h = { ...(await kopf()), 'content-type': 'application/json' };
    const lesen = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h });
    // both instances tried, then a retryable answer
    expect(lesen.statusCode).toBe(503);
    expect(lesen.headers['retry-after']).toBeTruthy();
    expect(a.anfragen.length + b.anfragen.length).toBe(2);

    const schreiben = await app.inject({ method: 'POST', url: '/api/v1/akten', headers: h, payload: { betreff: 'einmal' } });
    expect(schreiben.statusCode).toBe(503);
    expect(schreiben.headers['retry-after']).toBeTruthy();
    expect([...a.anfragen, ...b.anfragen].filter((x) => x.method === 'POST')).toHaveLength(1);
  });

  it('sends a request that got 503 to its instance once: the gateway, not the proxy, decides about another attempt', async () => {
    // a service whose issuer keys cannot be fetched answers 503 and stays up: no hammering
    const a = await instanz('a', () => '503');
    const app = await gateway([a.url]);
    const h = await kopf();
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(a.anfragen).toHaveLength(1);
  });

  it('repeats a read refused by a stopping instance on the other one, once each, and sends the next requests there', async () => {
    const a = await instanz('a', (req) => (req.method === 'GET' ? '503-stoppt' : undefined));
    const b = await instanz('b');
    const app = await gateway([a.url, b.url]);
    const h = { ...(await kopf()), 'content-type': 'application/json' };
    const lesen = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h });
    expect(lesen.statusCode, lesen.body).toBe(200);
    expect(lesen.json()).toEqual({ instanz: 'b' });
    expect(lesen.headers['retry-after']).toBeUndefined();
    expect([a.anfragen.length, b.anfragen.length]).toEqual([1, 1]);
    // the stopping instance is left out from now on
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: h })).json()).toEqual({ instanz: 'b' });
    expect(a.anfragen).toHaveLength(1);
  });

  it('passes the 503 on when every instance refused a read, after one attempt at each', async () => {
    const a = await instanz('a', () => '503-stoppt');
    const b = await instanz('b', () => '503-stoppt');
    const app = await gateway([a.url, b.url]);
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await kopf() });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(a.anfragen.length + b.anfragen.length).toBe(2);
  });

  it('takes an instance named twice in the list once', async () => {
    expect(gatewayConfigSchema.shape.AKTEN_URL.parse('http://a:3101, http://b:3101,http://a:3101')).toEqual(['http://a:3101', 'http://b:3101']);
    // a read that broke off at the one instance is not repeated on "another" one that is the same
    const a = await instanz('a', () => 'trennen');
    const app = await gateway([a.url, a.url]);
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await kopf() });
    expect(res.statusCode).toBe(503);
    expect(a.anfragen).toHaveLength(1);
  });

  it('shows at its public /health that and for how many tenants an audit trail was rolled back, as its instances say', async () => {
    const app = await gateway([(await instanz('a')).url], [await protokollMitRuecksetzung(1), await protokollMitRuecksetzung(2)]);
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().checks.protokoll).toMatchObject({ status: 'ok', details: { ruecksetzungErkannt: true, betroffeneMandanten: 2 } });
    expect(res.json().hinweise.join(' ')).toMatch(/Rücksetzung des Protokolls erkannt/);
  });

  it('names a service healthy while one of its instances is', async () => {
    const b = await instanz('b');
    const app = await gateway([`http://127.0.0.1:${await freePort()}`, b.url]);
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.json()).toMatchObject({ checks: { akten: { status: 'ok' } } });
  });
});
