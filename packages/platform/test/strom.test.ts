// sendeStrom on a real socket: a failure before the first chunk is a problem+json, a failure after
// it ends with the error line and a cut connection, never with a clean end.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createServer, errorsPlugin, Errors, sendeStrom } from '../src/index.js';

async function server(quelle: () => AsyncIterable<string>) {
  const app = createServer({ logLevel: 'silent' });
  await app.register(errorsPlugin);
  app.get('/strom', (_req, reply) => sendeStrom(reply.type('text/plain'), quelle(), { abbruchZeile: (err) => `#ABBRUCH ${(err as Error).message}\n` }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  onTestFinished(() => app.close());
  return (app.server.address() as AddressInfo).port;
}

function holen(port: number): Promise<{ status: number; type: string; body: string; abgebrochen: boolean }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/strom' }, (res) => {
      let body = '';
      let abgebrochen = false;
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('aborted', () => (abgebrochen = true));
      res.on('error', () => (abgebrochen = true));
      res.on('close', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body, abgebrochen: abgebrochen || !res.complete }));
    })
      .on('error', reject)
      .end();
  });
}

describe('sendeStrom', () => {
  it('answers a source that fails before its first chunk with a problem, not a 200', async () => {
    // eslint-disable-next-line require-yield -- a source that fails before its first chunk is the case under test
    const port = await server(async function* () {
      throw new Errors.NichtVerarbeitbar('Bereich nicht lesbar');
    });
    const r = await holen(port);
    expect(r).toMatchObject({ status: 422, abgebrochen: false });
    expect(r.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(r.body).code).toBe('NICHT_VERARBEITBAR');
  });

  it('ends a source that fails later with its error line and a broken connection', async () => {
    const port = await server(async function* () {
      yield 'a\n';
      // larger than the socket buffers, so the error comes while earlier bytes still wait to leave
      for (let i = 0; i < 64; i++) yield `${'x'.repeat(64 * 1024)}\n`;
      throw new Error('Datenbank weg');
    });
    const r = await holen(port);
    expect(r.status).toBe(200);
    expect(r.abgebrochen).toBe(true);
    expect(r.body.startsWith('a\n')).toBe(true);
    expect(r.body.length).toBe(2 + 64 * (64 * 1024 + 1) + '#ABBRUCH Datenbank weg\n'.length);
    expect(r.body.endsWith('\n#ABBRUCH Datenbank weg\n')).toBe(true);
  });

  it('ends a source that completes cleanly', async () => {
    const port = await server(async function* () {
      yield 'a\n';
      yield 'b\n';
    });
    expect(await holen(port)).toMatchObject({ status: 200, body: 'a\nb\n', abgebrochen: false });
  });
});
