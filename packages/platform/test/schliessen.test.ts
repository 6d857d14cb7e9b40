// A request whose headers complete while the service is stopping (a rolling restart) is refused as
// problem+json with a code and a hint to retry, like every other error the platform sends.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';

describe('a service that is stopping', () => {
  it('answers a request that arrives meanwhile 503 as problem+json with a code, Retry-After and Connection: close', async () => {
    const app = createServer({ logLevel: 'silent' });
    app.post('/langsam', async () => ({ ok: true }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let antwort = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (antwort += d));
    const zu = new Promise((r) => socket.once('close', r));
    // the first header line is on the server (the connection is no longer idle), the rest follows the stop
    socket.write('POST /langsam HTTP/1.1\r\nHost: eakte\r\n');
    await new Promise((r) => setTimeout(r, 50));
    const geschlossen = app.close();
    await new Promise((r) => setTimeout(r, 50));
    socket.write('Content-Length: 0\r\n\r\n');
    await zu;
    await geschlossen;
    const [kopf, rumpf] = antwort.split('\r\n\r\n');
    expect(kopf).toMatch(/^HTTP\/1\.1 503 /);
    expect(kopf).toMatch(/\r\ncontent-type: application\/problem\+json/i);
    expect(kopf).toMatch(/\r\nretry-after: \d+/i);
    expect(kopf).toMatch(/\r\nconnection: close/i);
    expect(JSON.parse(rumpf!)).toMatchObject({ status: 503, code: 'DIENST_NICHT_VERFUEGBAR' });
  });
});
