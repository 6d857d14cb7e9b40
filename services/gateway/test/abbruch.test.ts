import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { gatewayVor } from './vor-dienst.js';

/** A service that sends `zeilen` lines, then its error line, and then cuts the connection without the chunked end. */
async function abbrechenderDienst(zeilen: number): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    let i = 0;
    const schreibe = () => {
      while (i < zeilen) {
        const weiter = res.write(`${JSON.stringify({ sequenz: ++i, text: 'x'.repeat(200) })}\n`);
        if (!weiter) return void res.once('drain', schreibe);
      }
      res.write('{"abgebrochen":{"code":"EXPORT_ABGEBROCHEN"}}\n', () => setTimeout(() => res.socket?.end(), 50));
    };
    schreibe();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Decodes a chunked body; `vollstaendig` only when it ends with the last (empty) chunk. */
function entpacke(rumpf: Buffer): { body: string; vollstaendig: boolean } {
  const teile: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const zeilenende = rumpf.indexOf('\r\n', pos);
    if (zeilenende < 0) return { body: Buffer.concat(teile).toString('utf8'), vollstaendig: false };
    const laenge = Number.parseInt(rumpf.subarray(pos, zeilenende).toString(), 16);
    if (laenge === 0) return { body: Buffer.concat(teile).toString('utf8'), vollstaendig: true };
    teile.push(rumpf.subarray(zeilenende + 2, zeilenende + 2 + laenge));
    pos = zeilenende + 2 + laenge + 2;
  }
}

describe('gateway: a service response that breaks off', () => {
  it('reaches a slow client with every byte the service sent, and then as a broken transfer', async () => {
    const dienst = await abbrechenderDienst(30_000);
    const port = await gatewayVor(dienst);
    // a slow reader on a raw socket (an HTTP client library would drop what it still buffers when
    // the transfer breaks): the gateway is held back by backpressure when the service breaks off
    const roh = await new Promise<Buffer>((resolve, reject) => {
      const teile: Buffer[] = [];
      const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET /api/v1/protokoll/export?format=jsonl HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
      socket.on('data', (d: Buffer) => {
        teile.push(d);
        socket.pause();
        setTimeout(() => socket.resume(), 40);
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(teile)));
    });
    const trenner = roh.indexOf('\r\n\r\n');
    expect(roh.subarray(0, trenner).toString()).toMatch(/^HTTP\/1\.1 200[^]*transfer-encoding: chunked/i);
    const { body, vollstaendig } = entpacke(roh.subarray(trenner + 4));
    // the transfer ends without the chunked end, so no client takes it for complete
    expect(vollstaendig).toBe(false);
    const zeilen = body.split('\n');
    expect(zeilen.at(-1)).toBe('');
    expect(zeilen.at(-2)).toBe('{"abgebrochen":{"code":"EXPORT_ABGEBROCHEN"}}');
    expect(zeilen.length - 2).toBe(30_000);
  });
});
