// Prometheus metrics: each service serves /metrics on its own (internal) port, the gateway on a
// listener of its own; the public gateway port never does. An upload through the gateway shows up
// per contract operation, with storage, database, malware-scan and queue figures; the alert rules
// in docs/alerts.yml parse as PromQL and name only metrics the services export.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import aktenApp from '@eakte/akten';
import aussonderungApp from '@eakte/aussonderung';
import dokumenteApp, { dokumenteConfigSchema } from '@eakte/dokumente';
import gatewayApp, { gatewayConfigSchema } from '@eakte/gateway';
import { createServer, loadConfig, serviceConfigSchema } from '@eakte/platform';
import protokollApp, { protokollConfigSchema } from '@eakte/protokoll';
import { authHeader, freePort, testConfig, testMandant } from '@eakte/testing';
import { parser } from '@prometheus-io/lezer-promql';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as yaml } from 'yaml';

/** A stand-in for clamd that finds every stream clean (pnpm test has no clamd). */
async function sauberesClamd(): Promise<{ port: number; schliessen: () => Promise<void> }> {
  const server = net.createServer((s) => {
    let puffer = Buffer.alloc(0);
    s.on('error', () => {});
    s.on('data', (d: Buffer) => {
      puffer = Buffer.concat([puffer, d]);
      if (puffer.subarray(0, 9).toString() === 'zVERSION\0') return void s.end('ClamAV 1.4.0/27000/Mon Dec  7 00:00:00 2026\0');
      if (puffer.subarray(0, 10).toString() !== 'zINSTREAM\0') return;
      // frames of 4-byte length and data up to the empty frame
      let pos = 10;
      while (puffer.length >= pos + 4) {
        const n = puffer.readUInt32BE(pos);
        if (n === 0) return void s.end('stream: OK\0');
        pos += 4 + n;
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, schliessen: () => new Promise((r) => server.close(() => r())) };
}

type Probe = { name: string; labels: Record<string, string>; wert: number };

/** The samples of a Prometheus text exposition. */
function proben(text: string): Probe[] {
  const out: Probe[] = [];
  for (const zeile of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(zeile);
    if (!m) continue;
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]));
    out.push({ name: m[1]!, labels, wert: Number(m[3]) });
  }
  return out;
}

const summe = (p: Probe[], name: string, labels: Record<string, string> = {}) =>
  p.filter((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v)).reduce((n, x) => n + x.wert, 0);

/** Every metric name a scrape declares (`# TYPE`), histograms with their series' suffixes. */
function namen(text: string): Set<string> {
  const s = new Set<string>();
  for (const [, name, typ] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    s.add(name!);
    if (typ === 'histogram') for (const x of ['_bucket', '_sum', '_count']) s.add(`${name}${x}`);
  }
  return s;
}

let clamd: Awaited<ReturnType<typeof sauberesClamd>>;
let gateway: FastifyInstance;
let oeffentlich: string;
let gatewayMetriken: string;
const dienste: Record<string, string> = {};
const gestartet: FastifyInstance[] = [];

/** A service on a free loopback port for the whole file. */
async function starte(plugin: FastifyPluginAsync<never>, overrides: Record<string, string> = {}, schema: Parameters<typeof loadConfig>[0] = serviceConfigSchema) {
  const app = createServer({ logLevel: 'silent' });
  gestartet.push(app);
  await app.register(plugin, { config: testConfig(overrides, schema) } as never);
  return app.listen({ host: '127.0.0.1', port: 0 });
}

beforeAll(async () => {
  clamd = await sauberesClamd();
  dienste.akten = await starte(aktenApp as never);
  dienste.dokumente = await starte(dokumenteApp as never, { CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(clamd.port) }, serviceConfigSchema.merge(dokumenteConfigSchema));
  dienste.aussonderung = await starte(aussonderungApp as never);
  // no sequencer round: the upload's audit events stay in the backlog the metric reports
  dienste.protokoll = await starte(protokollApp as never, { PROTOKOLL_SEQUENZ_INTERVALL_MS: '0' }, protokollConfigSchema);
  const metrikPort = await freePort();
  gatewayMetriken = `http://127.0.0.1:${metrikPort}`;
  gateway = createServer({ logLevel: 'silent' });
  const config = loadConfig(gatewayConfigSchema, {
    AKTEN_URL: dienste.akten,
    DOKUMENTE_URL: dienste.dokumente,
    AUSSONDERUNG_URL: dienste.aussonderung,
    PROTOKOLL_URL: dienste.protokoll,
    METRICS_PORT: String(metrikPort),
  });
  await gateway.register(gatewayApp, { config });
  oeffentlich = await gateway.listen({ host: '127.0.0.1', port: 0 });
}, 150_000);

afterAll(async () => {
  await gateway?.close();
  for (const app of gestartet.reverse()) await app.close();
  await clamd?.schliessen();
});

const scrape = async (basis: string) => {
  const res = await fetch(`${basis}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
};

describe('metrics', () => {
  it('the public gateway port serves no metrics, under any path', async () => {
    for (const pfad of ['/metrics', '/api/v1/metrics', '/api/v1/../metrics', '/metrics/', '/api/metrics']) {
      const res = await fetch(`${oeffentlich}${pfad}`);
      expect(res.status, pfad).toBe(404);
      expect(await res.text()).not.toContain('eakte_http_request_duration_seconds');
    }
    // the gateway's own listener does
    const intern = await fetch(`${gatewayMetriken}/metrics`);
    expect(intern.status).toBe(200);
    expect(intern.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});

describe('metrics of an upload through the gateway', () => {
  it('counts it per contract operation (never by raw URL), with storage, database, scan, queue and audit backlog', { timeout: 90_000 }, async () => {
    const m = await testMandant('metriken');
    const reg = await authHeader({ tenant: m.slug, roles: ['registratur'] });
    const json = { ...reg, 'content-type': 'application/json' };
    const post = async (pfad: string, body: unknown) => {
      const res = await fetch(`${oeffentlich}/api/v1${pfad}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as { id: string };
    };
    const e = await post('/aktenplan/einheiten', { kennzeichen: 'MX1', titel: 'Messung', aufbewahrungsfrist: 10, aussonderungsart: 'V' });
    const akte = await post('/akten', { aktenplaneinheitId: e.id, betreff: 'Messung der Ablage' });
    const vorgang = await post(`/akten/${akte.id}/vorgaenge`, { betreff: 'Antrag' });
    const form = new FormData();
    form.set('betreff', 'Bauantrag');
    form.set('datumDesSchreibens', '2026-11-02');
    form.set('datei', new Blob(['Sehr geehrte Damen und Herren']), 'vermerk.txt');
    const upload = await fetch(`${oeffentlich}/api/v1/vorgaenge/${vorgang.id}/dokumente`, { method: 'POST', headers: reg, body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);

    const gw = await scrape(gatewayMetriken);
    const dok = await scrape(dienste.dokumente!);
    const prot = await scrape(dienste.protokoll!);
    const g = proben(gw);
    const d = proben(dok);
    const p = proben(prot);
    expect(summe(g, 'eakte_http_request_duration_seconds_count', { service: 'gateway', operation: 'createDokument', status: '2xx' })).toBe(1);
    expect(summe(d, 'eakte_http_request_duration_seconds_count', { service: 'dokumente', operation: 'createDokument', status: '2xx' })).toBe(1);
    // bounded labels: the ids of the path are nowhere in a label
    for (const text of [gw, dok, prot]) {
      expect(text).not.toContain(vorgang.id);
      expect(text).not.toContain(akte.id);
    }
    expect(summe(d, 'eakte_storage_operation_duration_seconds_count', { aufruf: 'put', ergebnis: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(summe(d, 'eakte_db_query_duration_seconds_count', { art: 'insert', ergebnis: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(summe(d, 'eakte_malware_scan_verdicts_total', { urteil: 'sauber' })).toBe(1);
    expect(summe(d, 'eakte_db_pool_connections', { zustand: 'offen' })).toBeGreaterThanOrEqual(1);
    // the upload queued its text extraction: the queue gauge names the task
    expect(d.some((x) => x.name === 'eakte_auftraege_jobs' && x.labels.aufgabe === 'textextraktion')).toBe(true);
    expect(d.some((x) => x.name === 'eakte_auftraege_aeltester_wartend_seconds' && x.labels.aufgabe === 'textextraktion')).toBe(true);
    // the upload's audit events wait for a sequencer (none runs here)
    expect(summe(p, 'eakte_protokoll_rueckstand_ereignisse')).toBeGreaterThanOrEqual(1);
    expect(summe(p, 'eakte_protokoll_rueckstand_aeltestes_seconds')).toBeGreaterThanOrEqual(0);
    expect(summe(p, 'eakte_metrik_lesefehler_total')).toBe(0);
    // each service serves its own (a route outside the contract is named by its pattern)
    for (const name of ['akten', 'aussonderung']) {
      await scrape(dienste[name]!);
      expect(summe(proben(await scrape(dienste[name]!)), 'eakte_http_request_duration_seconds_count', { service: name, operation: '/metrics' })).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('alert rules (docs/alerts.yml)', () => {
  it('are a valid rule file whose expressions parse as PromQL and name only exported metrics', async () => {
    const exportiert = new Set<string>();
    for (const basis of [gatewayMetriken, ...Object.values(dienste)]) for (const n of namen(await scrape(basis))) exportiert.add(n);
    const datei = yaml(readFileSync(new URL('../../docs/alerts.yml', import.meta.url), 'utf8')) as { groups: { name: string; rules: Record<string, unknown>[] }[] };
    expect(Array.isArray(datei.groups) && datei.groups.length > 0).toBe(true);
    const alarme = new Set<string>();
    for (const gruppe of datei.groups) {
      expect(typeof gruppe.name).toBe('string');
      expect(gruppe.rules.length).toBeGreaterThan(0);
      for (const r of gruppe.rules) {
        // the keys promtool accepts for an alerting rule, and the ones it requires
        expect(
          Object.keys(r).filter((k) => !['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'].includes(k)),
          String(r.alert),
        ).toEqual([]);
        expect(r.alert).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
        expect(alarme.has(String(r.alert)), `${String(r.alert)} twice`).toBe(false);
        alarme.add(String(r.alert));
        if (r.for !== undefined) expect(r.for).toMatch(/^\d+[smhdwy]$/);
        expect((r.labels as Record<string, string>).severity).toMatch(/^(info|warning|critical)$/);
        expect(typeof (r.annotations as Record<string, string>).summary).toBe('string');
        const expr = String(r.expr);
        const baum = parser.parse(expr);
        const namenImAusdruck: string[] = [];
        let fehler = false;
        baum.iterate({
          enter: (n) => {
            if (n.type.isError) fehler = true;
            if (n.name === 'Identifier' && n.node.parent?.name === 'VectorSelector') namenImAusdruck.push(expr.slice(n.from, n.to));
          },
        });
        expect(fehler, `${String(r.alert)}: ${expr}`).toBe(false);
        expect(namenImAusdruck.length, String(r.alert)).toBeGreaterThan(0);
        for (const n of namenImAusdruck) expect(exportiert.has(n), `${String(r.alert)} names ${n}, which no service exports`).toBe(true);
      }
    }
    // the parser does find errors
    let kaputt = false;
    parser.parse('rate(eakte_http_request_duration_seconds_count[5m').iterate({ enter: (n) => void (n.type.isError && (kaputt = true)) });
    expect(kaputt).toBe(true);
  });
});
