import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { gatewayVor } from './vor-dienst.js';

/** A service that refuses every request at once, before reading its body (as a failed header check does). */
async function sofortAblehnenderDienst(schliesst: boolean): Promise<string> {
  const server = http.createServer((_req, res) => {
    const body = JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, code: 'UNGUELTIGE_ANFRAGE', detail: 'Idempotency-Key ist zu lang' });
    res.writeHead(400, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body), ...(schliesst ? { connection: 'close' } : {}) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type Ergebnis = { status: number; kopf: http.IncomingHttpHeaders; body: string; fehlerVorEnde: Error | null };

/** Uploads `groesse` bytes with a Content-Length, slowly, in 64 KiB pieces, as a browser or Newman does. */
function langsamHochladen(port: number, groesse: number): Promise<Ergebnis> {
  return new Promise((resolve, reject) => {
    const grenze = '----eakte';
    const kopfteil = Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="datei"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const schluss = Buffer.from(`\r\n--${grenze}--\r\n`);
    const inhalt = groesse - kopfteil.length - schluss.length;
    let fehlerVorEnde: Error | null = null;
    let fertig = false;
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/vorgaenge/7b0c2f4e-1d2a-4c1b-9f3e-2a4d5c6b7e8f/dokumente',
        headers: { 'content-type': `multipart/form-data; boundary=${grenze}`, 'content-length': groesse },
      },
      (res) => {
        const teile: Buffer[] = [];
        res.on('data', (d: Buffer) => teile.push(d));
        res.on('end', () => {
          fertig = true;
          resolve({ status: res.statusCode ?? 0, kopf: res.headers, body: Buffer.concat(teile).toString('utf8'), fehlerVorEnde });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (err) => {
      // a write error after the whole answer has arrived is what a client may see; before, it loses the answer
      if (!fertig) {
        fehlerVorEnde = err;
        reject(err);
      }
    });
    req.write(kopfteil);
    let gesendet = 0;
    const weiter = () => {
      if (req.destroyed || gesendet >= inhalt) {
        if (!req.destroyed) req.end(schluss);
        return;
      }
      const n = Math.min(64 * 1024, inhalt - gesendet);
      gesendet += n;
      req.write(Buffer.alloc(n, 0x41));
      setTimeout(weiter, 5);
    };
    weiter();
  });
}

describe('gateway: a service that answers before the upload has arrived', () => {
  // Node's server reads and drops the rest of the body by itself (as Fastify does after an early
  // answer); a service may also close its connection after answering
  it.each([
    ['keeps its connection', false],
    ['closes its connection', true],
  ])('hands the client the whole answer when the service %s, closes the connection and does not reset it', async (_, schliesst) => {
    const dienst = await sofortAblehnenderDienst(schliesst);
    const port = await gatewayVor(dienst);

    for (let i = 0; i < 3; i++) {
      const r = await langsamHochladen(port, 4 * 1024 * 1024);
      expect(r.fehlerVorEnde).toBeNull();
      expect(r.status).toBe(400);
      expect(r.kopf['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(r.body)).toMatchObject({ status: 400, code: 'UNGUELTIGE_ANFRAGE' });
      // the rest of the body is not read: the connection cannot carry another request
      expect(r.kopf.connection).toBe('close');
    }
  });
});
