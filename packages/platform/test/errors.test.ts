import { expectProblem } from '@eakte/testing';
import { connect, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createServer, errorsPlugin } from '../src/index.js';

async function sampleApp() {
  const app = createServer({ logLevel: 'silent', bodyLimit: 1024 });
  await app.register(errorsPlugin);
  app.post(
    '/dinge',
    {
      schema: {
        body: {
          type: 'object',
          required: ['betreff'],
          additionalProperties: false,
          properties: { betreff: { type: 'string', maxLength: 50 }, anzahl: { type: 'integer' } },
        },
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200 } } },
      },
    },
    async (req) => ({ ok: true, query: req.query }),
  );
  app.get('/kaputt', async () => {
    throw new Error('connection to 10.0.0.1 failed: SELECT secret FROM x');
  });
  await app.ready();
  return app;
}

describe('problem+json for every error', () => {
  it('404 for an unknown route', async () => {
    const app = await sampleApp();
    const body = expectProblem(await app.inject({ method: 'GET', url: '/gibt-es-nicht' }), 404, 'ROUTE_NICHT_GEFUNDEN');
    expect(body.instance).toBe('/gibt-es-nicht');
  });

  it('405 with Allow for a known path and a wrong method', async () => {
    const app = await sampleApp();
    const res = await app.inject({ method: 'DELETE', url: '/dinge' });
    expectProblem(res, 405, 'METHODE_NICHT_ERLAUBT');
    expect(res.headers.allow).toBe('POST');
  });

  it('400 naming the field for a validation error, without silently dropping unknown fields', async () => {
    const app = await sampleApp();
    const missing = expectProblem(await app.inject({ method: 'POST', url: '/dinge', payload: {} }), 400, 'VALIDIERUNGSFEHLER');
    expect(missing.fehler).toEqual([{ ort: 'body', feld: '/betreff', meldung: expect.any(String) }]);
    const extra = expectProblem(await app.inject({ method: 'POST', url: '/dinge', payload: { betreff: 'x', geheim: 1 } }), 400);
    expect(String(extra.detail)).toContain('geheim');
    // a JSON body must carry the right type: "3" is not an integer
    expectProblem(await app.inject({ method: 'POST', url: '/dinge', payload: { betreff: 'x', anzahl: '3' } }), 400);
  });

  it('coerces query parameters, which are text, and validates them', async () => {
    const app = await sampleApp();
    const ok = await app.inject({ method: 'POST', url: '/dinge?limit=20', payload: { betreff: 'x' } });
    expect(ok.json()).toEqual({ ok: true, query: { limit: 20 } });
    expectProblem(await app.inject({ method: 'POST', url: '/dinge?limit=1e9', payload: { betreff: 'x' } }), 400);
    expectProblem(await app.inject({ method: 'POST', url: '/dinge?limit=abc', payload: { betreff: 'x' } }), 400);
  });

  it('validates headers as the contract names them (Idempotency-Key, Range), whatever their case', async () => {
    // found by the Portman fuzzer: with the platform's own validator compiler, header schemas whose
    // names carry capitals (as every contract header does) were never applied
    const app = createServer({ logLevel: 'silent' });
    await app.register(errorsPlugin);
    app.get(
      '/kopf',
      { schema: { headers: { type: 'object', required: ['Idempotency-Key'], properties: { 'Idempotency-Key': { type: 'string', maxLength: 5 }, Range: { type: 'string', maxLength: 20 } } } } },
      async () => ({ ok: true }),
    );
    await app.ready();
    expect((await app.inject({ method: 'GET', url: '/kopf', headers: { 'idempotency-key': 'abc', range: 'bytes=0-9' } })).statusCode).toBe(200);
    expectProblem(await app.inject({ method: 'GET', url: '/kopf', headers: { 'idempotency-key': 'abcdef' } }), 400, 'VALIDIERUNGSFEHLER');
    expectProblem(await app.inject({ method: 'GET', url: '/kopf', headers: { 'idempotency-key': 'abc', range: `bytes=${'0'.repeat(30)}-` } }), 400, 'VALIDIERUNGSFEHLER');
    expectProblem(await app.inject({ method: 'GET', url: '/kopf' }), 400, 'VALIDIERUNGSFEHLER');
  });

  it('400 for malformed JSON, 415 for an unsupported media type, 413 for a body over the limit', async () => {
    const app = await sampleApp();
    expectProblem(await app.inject({ method: 'POST', url: '/dinge', payload: '{"betreff": ', headers: { 'content-type': 'application/json' } }), 400, 'UNGUELTIGES_JSON');
    expectProblem(await app.inject({ method: 'POST', url: '/dinge', payload: '<xml/>', headers: { 'content-type': 'application/xml' } }), 415, 'MEDIENTYP_NICHT_UNTERSTUETZT');
    expectProblem(await app.inject({ method: 'POST', url: '/dinge', payload: { betreff: 'x'.repeat(2000) } }), 413, 'ANFRAGE_ZU_GROSS');
  });

  it('500 hides the cause and carries the request id', async () => {
    const app = await sampleApp();
    const res = await app.inject({ method: 'GET', url: '/kaputt', headers: { 'x-request-id': 'abc-123' } });
    const body = expectProblem(res, 500, 'INTERNER_FEHLER');
    expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.1|SELECT|Error:/);
    expect(body.requestId).toBe('abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('a 500 the service names on purpose keeps its stable code, detail and extension members; one with a code alone stays hidden', async () => {
    const app = createServer({ logLevel: 'silent' });
    await app.register(errorsPlugin);
    app.get('/benannt', async () => {
      throw Object.assign(new Error('Die erzeugte Nachricht ist ungültig'), { statusCode: 500, code: 'XDOMEA_ERZEUGUNG_UNGUELTIG', oeffentlich: true, erweiterung: { fehler: [{ zeile: 3 }] } });
    });
    app.get('/nur-code', async () => {
      throw Object.assign(new Error('SELECT secret'), { statusCode: 500, code: 'ECONNABORTED_INTERN' });
    });
    await app.ready();
    const body = expectProblem(await app.inject({ method: 'GET', url: '/benannt' }), 500, 'XDOMEA_ERZEUGUNG_UNGUELTIG');
    expect(body).toMatchObject({ detail: 'Die erzeugte Nachricht ist ungültig', fehler: [{ zeile: 3 }] });
    const versteckt = expectProblem(await app.inject({ method: 'GET', url: '/nur-code' }), 500, 'INTERNER_FEHLER');
    expect(JSON.stringify(versteckt)).not.toContain('SELECT');
  });

  it('assigns a request id when none or an unsafe one is given', async () => {
    const app = await sampleApp();
    const res = await app.inject({ method: 'GET', url: '/gibt-es-nicht', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('a client that goes away', () => {
  it('is logged as a disconnect, not as an unavailable dependency', async () => {
    const zeilen: { level: number; msg: string }[] = [];
    let fertig!: () => void;
    const behandelt = new Promise<void>((r) => (fertig = r));
    const logStream = new Writable({
      write(chunk, _enc, cb) {
        for (const z of String(chunk).split('\n').filter(Boolean)) {
          zeilen.push(JSON.parse(z));
          if (/dependency unavailable|client disconnected|request failed/.test(z)) fertig();
        }
        cb();
      },
    });
    const app = createServer({ logLevel: 'info', logStream });
    await app.register(errorsPlugin);
    app.get('/langsam', async (req) => {
      // what an upload's body stream throws when the client resets the connection mid-request
      await new Promise((r) => req.raw.socket.once('close', r));
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as AddressInfo;
      const s = connect(port, '127.0.0.1', () => s.write('GET /langsam HTTP/1.1\r\nHost: x\r\n\r\n'));
      s.on('error', () => {});
      setTimeout(() => s.resetAndDestroy(), 100);
      await Promise.race([behandelt, new Promise((r) => setTimeout(r, 3000))]);
      const meldungen = zeilen.map((z) => z.msg);
      expect(meldungen).not.toContain('dependency unavailable');
      expect(zeilen.find((z) => z.msg === 'client disconnected')?.level).toBe(30);
    } finally {
      await app.close();
    }
  });
});
