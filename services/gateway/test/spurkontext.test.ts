// Trace context is the gateway's: a client cannot hang its requests into a trace of its choosing or
// smuggle baggage into the services' spans and logs.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authHeader } from '@eakte/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { gatewayVor } from './vor-dienst.js';

/** A service that notes the headers of every request it gets. */
async function notierenderDienst(): Promise<{ url: string; koepfe: IncomingHttpHeaders[] }> {
  const koepfe: IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    koepfe.push(req.headers);
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, koepfe };
}

describe('gateway: trace context from clients', () => {
  it('does not pass a client’s traceparent, tracestate or baggage on to the service', async () => {
    const dienst = await notierenderDienst();
    const port = await gatewayVor(dienst.url);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/aktenplan`, {
      headers: {
        ...(await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] })),
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        tracestate: 'angreifer=1',
        baggage: 'mandant=fremd',
      },
    });
    expect(res.status).toBe(200);
    expect(dienst.koepfe).toHaveLength(1);
    const kopf = dienst.koepfe[0]!;
    expect(kopf.authorization).toMatch(/^Bearer /);
    expect(kopf.traceparent).toBeUndefined();
    expect(kopf.tracestate).toBeUndefined();
    expect(kopf.baggage).toBeUndefined();
  });
});
