// OpenTelemetry traces: with OTEL_EXPORTER_OTLP_ENDPOINT set, one upload through the gateway is one
// trace: the gateway's request span, its call to the Dokumente service, that service's request span
// with the request id, and below it Postgres and object-store spans. The receiver is an OTLP/HTTP
// (JSON) endpoint in this test. Only tracing is imported statically: pg and node:http must be loaded
// after the SDK started, as a server's first import (`@eakte/platform/spuren-start`) ensures.
import { createServer as httpServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { spurenSenden, starteSpuren, stoppeSpuren } from '@eakte/platform/spuren';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

const empfangen: Span[] = [];
const empfaenger = httpServer((req, res) => {
  const teile: Buffer[] = [];
  req.on('data', (d: Buffer) => teile.push(d));
  req.on('end', () => {
    if (req.url === '/v1/traces' && /json/.test(req.headers['content-type'] ?? '')) {
      const body = JSON.parse(Buffer.concat(teile).toString('utf8')) as { resourceSpans: { scopeSpans: { spans: Span[] }[] }[] };
      for (const r of body.resourceSpans) for (const s of r.scopeSpans) empfangen.push(...s.spans);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

const attribut = (s: Span, key: string) => {
  const v = s.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? String(v.intValue) : undefined);
};

let oeffentlich = '';
const dienste: Record<string, string> = {};
const schliessen: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  await new Promise<void>((r) => empfaenger.listen(0, '127.0.0.1', r));
  expect(await starteSpuren({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(empfaenger.address() as AddressInfo).port}` })).toBe(true);
  const { createServer, loadConfig, serviceConfigSchema } = await import('@eakte/platform');
  const { default: aktenApp } = await import('@eakte/akten');
  const { default: dokumenteApp, dokumenteConfigSchema } = await import('@eakte/dokumente');
  const { default: aussonderungApp } = await import('@eakte/aussonderung');
  const { default: protokollApp, protokollConfigSchema } = await import('@eakte/protokoll');
  const { default: gatewayApp, gatewayConfigSchema } = await import('@eakte/gateway');
  const starte = async (plugin: unknown, schema: Parameters<typeof loadConfig>[0] = serviceConfigSchema) => {
    const app = createServer({ logLevel: 'silent' });
    schliessen.unshift(() => app.close());
    await app.register(plugin as never, { config: loadConfig(schema, { ...inject('env'), LOG_LEVEL: 'silent' }) } as never);
    return app.listen({ host: '127.0.0.1', port: 0 });
  };
  dienste.dokumente = await starte(dokumenteApp, serviceConfigSchema.merge(dokumenteConfigSchema));
  const urls = {
    AKTEN_URL: await starte(aktenApp),
    DOKUMENTE_URL: dienste.dokumente,
    AUSSONDERUNG_URL: await starte(aussonderungApp),
    PROTOKOLL_URL: await starte(protokollApp, protokollConfigSchema),
  };
  const gateway = createServer({ logLevel: 'silent' });
  schliessen.unshift(() => gateway.close());
  await gateway.register(gatewayApp, { config: loadConfig(gatewayConfigSchema, urls) });
  oeffentlich = await gateway.listen({ host: '127.0.0.1', port: 0 });
}, 150_000);

afterAll(async () => {
  for (const s of schliessen) await s();
  await stoppeSpuren();
  await new Promise<void>((r) => empfaenger.close(() => r()));
});

describe('traces', () => {
  it('one upload through the gateway is one trace: gateway, service, Postgres and object store, with the request id', { timeout: 90_000 }, async () => {
    const { authHeader, testMandant } = await import('@eakte/testing');
    const m = await testMandant('spuren');
    const reg = await authHeader({ tenant: m.slug, roles: ['registratur'] });
    const post = async (pfad: string, body: unknown) => {
      const res = await fetch(`${oeffentlich}/api/v1${pfad}`, { method: 'POST', headers: { ...reg, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as { id: string };
    };
    const e = await post('/aktenplan/einheiten', { kennzeichen: 'SP1', titel: 'Spuren', aufbewahrungsfrist: 10, aussonderungsart: 'V' });
    const akte = await post('/akten', { aktenplaneinheitId: e.id, betreff: 'Verfolgte Ablage' });
    const vorgang = await post(`/akten/${akte.id}/vorgaenge`, { betreff: 'Antrag' });
    const form = new FormData();
    form.set('betreff', 'Bauantrag');
    form.set('datumDesSchreibens', '2026-11-02');
    form.set('datei', new Blob(['Sehr geehrte Damen und Herren']), 'vermerk.txt');
    const requestId = `spur-${Date.now()}`;
    const upload = await fetch(`${oeffentlich}/api/v1/vorgaenge/${vorgang.id}/dokumente`, { method: 'POST', headers: { ...reg, 'x-request-id': requestId }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    expect(upload.headers.get('x-request-id')).toBe(requestId);

    await new Promise((r) => setTimeout(r, 200));
    await spurenSenden();
    const mitId = empfangen.filter((s) => attribut(s, 'eakte.request_id') === requestId);
    // the gateway's and the service's request span, both with the request id, in one trace
    expect(mitId.length).toBe(2);
    const traceId = mitId[0]!.traceId;
    expect(mitId.every((s) => s.traceId === traceId)).toBe(true);
    const spur = empfangen.filter((s) => s.traceId === traceId);
    const nachId = new Map(spur.map((s) => [s.spanId, s]));
    // one tree: everything hangs below the test client's own call
    const wurzel = spur.filter((s) => !s.parentSpanId || !nachId.has(s.parentSpanId));
    expect(wurzel).toHaveLength(1);
    const vorfahren = (s: Span): Span[] => {
      const p = s.parentSpanId ? nachId.get(s.parentSpanId) : undefined;
      return p ? [p, ...vorfahren(p)] : [];
    };
    const gatewaySpan = mitId.find((s) => !vorfahren(s).some((v) => mitId.includes(v)))!;
    const dienstSpan = mitId.find((s) => s !== gatewaySpan)!;
    expect(attribut(dienstSpan, 'eakte.operation')).toBe('createDokument');
    expect(attribut(gatewaySpan, 'eakte.operation')).toBe('createDokument');
    // the service's span hangs below the gateway's call to it (undici, a client span)
    const dazwischen = vorfahren(dienstSpan).slice(0, vorfahren(dienstSpan).indexOf(gatewaySpan));
    expect(vorfahren(dienstSpan)).toContain(gatewaySpan);
    expect(dazwischen.some((s) => s.kind === 3 && attribut(s, 'url.full')?.startsWith(dienste.dokumente!))).toBe(true);
    const unterDienst = spur.filter((s) => vorfahren(s).includes(dienstSpan));
    const pg = unterDienst.filter((s) => attribut(s, 'db.system') === 'postgresql' || attribut(s, 'db.system.name') === 'postgresql');
    expect(pg.length, spur.map((s) => s.name).join(', ')).toBeGreaterThan(0);
    // the object store's PUT of the upload, as the S3 client's HTTP call
    const s3 = unterDienst.filter((s) => s.kind === 3 && (attribut(s, 'http.request.method') ?? attribut(s, 'http.method')) === 'PUT');
    expect(s3.length, spur.map((s) => s.name).join(', ')).toBeGreaterThan(0);
  });

  it('a request that names a trace of its own starts a new trace at the gateway', { timeout: 30_000 }, async () => {
    const { authHeader } = await import('@eakte/testing');
    const fremd = '4bf92f3577b34da6a3ce929d0e0e4736';
    const requestId = `fremde-spur-${Date.now()}`;
    // a raw request: this process's own HTTP clients would put their trace context in
    const kopf = { ...(await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] })), traceparent: `00-${fremd}-00f067aa0ba902b7-01`, tracestate: 'fremd=1', baggage: 'mandant=fremd' };
    const antwort = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(oeffentlich);
      const s = connect(Number(port), '127.0.0.1', () => {
        const zeilen = Object.entries({ ...kopf, host: `127.0.0.1:${port}`, 'x-request-id': requestId, connection: 'close' }).map(([k, v]) => `${k}: ${v}`);
        s.end(`GET /api/v1/aktenplan HTTP/1.1\r\n${zeilen.join('\r\n')}\r\n\r\n`);
      });
      let text = '';
      s.on('data', (d: Buffer) => (text += d.toString('utf8')));
      s.on('end', () => resolve(text));
      s.on('error', reject);
    });
    expect(antwort).toMatch(/^HTTP\/1\.1 200/);

    await new Promise((r) => setTimeout(r, 200));
    await spurenSenden();
    const mitId = empfangen.filter((s) => attribut(s, 'eakte.request_id') === requestId);
    expect(mitId).toHaveLength(2);
    expect(empfangen.some((s) => s.traceId === fremd)).toBe(false);
    // the gateway's span is the root of the trace; the service's continues it
    const gatewaySpan = mitId.find((s) => !s.parentSpanId);
    expect(gatewaySpan).toBeDefined();
    expect(mitId.every((s) => s.traceId === gatewaySpan!.traceId)).toBe(true);
  });
});
