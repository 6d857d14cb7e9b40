// The gateway on its socket as clients meet it: curl's defaults (Expect: 100-continue above 1 MiB),
// bodies above the limit, malformed URLs, and HTTP/1.1 edge cases written on a raw socket.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { akteMitVorgang, api, curl, plattform, token } from './lib.js';
import { roh, verbinden } from './socket.js';

const PROBLEM = 'application/problem+json';
let dir: string;
let t: string;
let vorgangId: string;

/** A PDF of `bytes` bytes: header, a comment as padding, trailer (enough for the type detection). */
function pdf(bytes: number) {
  const kopf = Buffer.from('%PDF-1.4\n%');
  const fuss = Buffer.from('\n%%EOF\n');
  return Buffer.concat([kopf, Buffer.alloc(bytes - kopf.length - fuss.length, 0x41), fuss]);
}

const host = () => `127.0.0.1:${plattform().port}`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'eakte-gateway-'));
  t = await token({ tenant: 'demo', roles: ['sachbearbeitung'] });
  ({ vorgangId } = await akteMitVorgang(t, 'Gateway'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gateway: Expect: 100-continue', () => {
  it('curl uploads a 5 MB PDF with its default Expect header and gets 201', async () => {
    const datei = path.join(dir, '5MB.pdf');
    const inhalt = pdf(5 * 1024 * 1024);
    writeFileSync(datei, inhalt);
    const r = await curl(['-H', `Authorization: Bearer ${t}`, '-F', `datei=@${datei}`, '-F', 'betreff=x', '-F', 'datumDesSchreibens=2026-11-30', api(`/vorgaenge/${vorgangId}/dokumente`)]);
    expect(r.stderr).toBe('');
    expect(r.status, r.text()).toBe(201);
    expect(r.json()).toMatchObject({
      betreff: 'x',
      aktuelleVersion: { groesse: inhalt.length, sha256: createHash('sha256').update(inhalt).digest('hex'), mimeType: 'application/pdf' },
    });
  });

  it("a 5 MB upload the service refuses before reading it (no token) gets the service's 401, not 503", async () => {
    const datei = path.join(dir, '5MB-ohne.pdf');
    writeFileSync(datei, pdf(5 * 1024 * 1024));
    const r = await curl(['-F', `datei=@${datei}`, '-F', 'betreff=x', '-F', 'datumDesSchreibens=2026-11-30', api(`/vorgaenge/${vorgangId}/dokumente`)]);
    expect(r.status, r.text()).toBe(401);
    expect(r.json()).toMatchObject({ code: 'NICHT_AUTHENTIFIZIERT' });
  });

  it("a 20 MB upload of a type the tenant does not allow gets the service's 415, not 503", async () => {
    const datei = path.join(dir, 'programm.exe');
    writeFileSync(datei, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(20 * 1024 * 1024, 0x90)]));
    const r = await curl([
      '-H',
      `Authorization: Bearer ${t}`,
      '-F',
      `datei=@${datei};type=application/x-msdownload`,
      '-F',
      'betreff=x',
      '-F',
      'datumDesSchreibens=2026-11-30',
      api(`/vorgaenge/${vorgangId}/dokumente`),
    ]);
    expect(r.status, r.text()).toBe(415);
    expect(r.headers['content-type']).toContain(PROBLEM);
  });

  it("an upload above the tenant's maxUploadGroesse gets the service's 413 through the gateway, not 503", async () => {
    const plattformT = await token({ roles: ['plattformbetrieb'] });
    const slug = `klein-${Math.random().toString(36).slice(2, 8)}`;
    const neu = await curl([
      '-H',
      `Authorization: Bearer ${plattformT}`,
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify({ slug, name: 'Kleine Behörde', einstellungen: { maxUploadGroesse: 1024 * 1024 } }),
      api('/admin/mandanten'),
    ]);
    expect(neu.status, neu.text()).toBe(201);
    const reg = await token({ tenant: slug, roles: ['registratur'] });
    const einheit = await curl([
      '-H',
      `Authorization: Bearer ${reg}`,
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify({ kennzeichen: '1', titel: 'Allgemeines', aufbewahrungsfrist: 10, aussonderungsart: 'A' }),
      api('/aktenplan/einheiten'),
    ]);
    expect(einheit.status, einheit.text()).toBe(201);
    const sb = await token({ tenant: slug, roles: ['sachbearbeitung'] });
    const { vorgangId: klein } = await akteMitVorgang(sb, 'Klein');
    const datei = path.join(dir, '20MB.pdf');
    writeFileSync(datei, pdf(20 * 1024 * 1024));
    const r = await curl(['-H', `Authorization: Bearer ${sb}`, '-F', `datei=@${datei}`, '-F', 'betreff=x', '-F', 'datumDesSchreibens=2026-11-30', api(`/vorgaenge/${klein}/dokumente`)]);
    expect(r.status, r.text()).toBe(413);
    expect(r.headers['content-type']).toContain(PROBLEM);
  });

  it('a JSON body sent with Expect: 100-continue is created (201)', async () => {
    const r = await curl([
      '-H',
      `Authorization: Bearer ${t}`,
      '-H',
      'Content-Type: application/json',
      '-H',
      'Expect: 100-continue',
      '-d',
      JSON.stringify({ betreff: 'Mit Expect' }),
      api(`/akten/${(await akteMitVorgang(t)).akteId}/vorgaenge`),
    ]);
    expect(r.status, r.text()).toBe(201);
    expect(r.json()).toMatchObject({ betreff: 'Mit Expect' });
  });

  it('a raw client waiting for 100 Continue before its body gets the 100, then the answer', async () => {
    const { akteId } = await akteMitVorgang(t);
    const body = JSON.stringify({ betreff: 'Nach 100' });
    const v = await verbinden();
    v.socket.write(
      `POST /api/v1/akten/${akteId}/vorgaenge HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${t}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    const ende = Date.now() + 5_000;
    while (!v.empfangen().includes('\r\n\r\n') && Date.now() < ende) await new Promise((r) => setTimeout(r, 20));
    expect(v.empfangen().toString('latin1')).toMatch(/^HTTP\/1\.1 100 Continue\r\n/);
    v.socket.write(body);
    const [a] = await v.antworten(1);
    v.socket.destroy();
    expect(a!.status, a!.body.toString()).toBe(201);
    expect(a!.json()).toMatchObject({ betreff: 'Nach 100' });
  });
});

describe('gateway: bodies above the limit', () => {
  // BODY_LIMIT of `pnpm start`: 1 MiB
  const zuGross = (mib = 2) => JSON.stringify({ betreff: 'x'.repeat(mib * 1024 * 1024) });

  it.each([2, 20])('a JSON body of %i MiB (above BODY_LIMIT) answers 413 ANFRAGE_ZU_GROSS (curl, Content-Length)', async (mib) => {
    const datei = path.join(dir, 'gross.json');
    writeFileSync(datei, zuGross(mib));
    const r = await curl(['-H', `Authorization: Bearer ${t}`, '-H', 'Content-Type: application/json', '--data-binary', `@${datei}`, api('/akten')]);
    expect(r.status, r.text()).toBe(413);
    expect(r.headers['content-type']).toContain(PROBLEM);
    expect(r.json()).toMatchObject({ status: 413, code: 'ANFRAGE_ZU_GROSS' });
  });

  it('a chunked JSON body above BODY_LIMIT answers 413 too (curl -T - from stdin)', async () => {
    const r = await curl(['-H', `Authorization: Bearer ${t}`, '-H', 'Content-Type: application/json', '-T', '-', '-X', 'POST', api('/akten')], { eingabe: zuGross(20) });
    expect(r.status, r.text()).toBe(413);
    expect(r.headers['content-type']).toContain(PROBLEM);
    expect(r.json()).toMatchObject({ code: 'ANFRAGE_ZU_GROSS' });
  });

  it('a multipart POST declaring Content-Length: 99999999999 gets 413 at once, before any body, and the connection closed', async () => {
    const start = Date.now();
    const a = await roh(
      `POST /api/v1/vorgaenge/${vorgangId}/dokumente HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${t}\r\n` +
        'Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 99999999999\r\n\r\n',
      5_000,
    );
    expect(Date.now() - start).toBeLessThan(3_000);
    expect(a.status).toBe(413);
    expect(a.headers['content-type']).toContain(PROBLEM);
    expect(a.headers.connection).toBe('close');
    expect(a.json()).toMatchObject({ status: 413, code: 'ANFRAGE_ZU_GROSS' });
    expect(a.geschlossen).toBe(true);
  });
});

describe('gateway: malformed percent-encoding', () => {
  it.each(['/api/v1/akten?cursor=%ff%fe', '/api/v1/suche?q=%c3%28', '/api/v1/suche?q=%zz', '/api/v1/suche?%ff=1', '/api/v1/akten/%ff%fe', '/api/v1/akten/%c3%28/vorgaenge', '/api/v1/akten/abc%'])(
    'GET %s answers 400 problem+json',
    async (pfad) => {
      const r = await curl(['-H', `Authorization: Bearer ${t}`, `${plattform().url}${pfad}`]);
      expect(r.status, r.text()).toBe(400);
      expect(r.headers['content-type']).toContain(PROBLEM);
      expect(r.json()).toMatchObject({ status: 400, code: 'UNGUELTIGE_URL' });
    },
  );
});

describe('gateway: the errors it produces itself are problem+json', () => {
  const erwarteProblem = (a: { status: number; headers: Record<string, string>; body: Buffer; json(): any }, status: number, code: string) => {
    expect(a.status, a.body.toString()).toBe(status);
    expect(a.headers['content-type']).toContain(PROBLEM);
    expect(a.json()).toMatchObject({ status, code });
  };

  it('404 for an unknown path, 405 with Allow for a wrong method', async () => {
    erwarteProblem(await curl([api('/gibt-es-nicht')]), 404, 'ROUTE_NICHT_GEFUNDEN');
    const r = await curl(['-X', 'DELETE', api('/aktenplan')]);
    erwarteProblem(r, 405, 'METHODE_NICHT_ERLAUBT');
    expect(r.headers.allow).toContain('GET');
  });

  it('the method QUERY without a body answers 405 like any method the API does not offer', async () => {
    const a = await roh(`QUERY /api/v1/aktenplan HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${t}\r\n\r\n`);
    erwarteProblem(a, 405, 'METHODE_NICHT_ERLAUBT');
  });

  it('431 for request headers above the limit, and the connection closed', async () => {
    const a = await roh(`GET /api/v1/aktenplan HTTP/1.1\r\nHost: ${host()}\r\nX-Gross: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    erwarteProblem(a, 431, 'KOPFZEILEN_ZU_GROSS');
    expect(a.geschlossen).toBe(true);
  });

  it.each([
    ['a request line without version', 'GARBAGE\r\n\r\n'],
    ['a request line with a space in the target', 'GET /api/v1/akten x HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['an unknown HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['a header line without colon', 'GET / HTTP/1.1\r\nHost: x\r\nkaputt\r\n\r\n'],
    ['a control character in a header value', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n'],
  ])('400 for %s, and the connection closed', async (_name, anfrage) => {
    const a = await roh(anfrage);
    erwarteProblem(a, 400, 'UNGUELTIGE_ANFRAGE');
    expect(a.geschlossen).toBe(true);
  });
});

describe('gateway: HTTP/1.1 on a raw socket', () => {
  const get = (pfad: string, id: string, extra = '') => `GET ${pfad} HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${t}\r\nX-Request-Id: ${id}\r\n${extra}\r\n`;
  const warte = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('keep-alive: two requests one after the other on one connection', async () => {
    const v = await verbinden();
    v.socket.write(get('/api/v1/aktenplan', 'eins'));
    const [a] = await v.antworten(1);
    expect(a!.status).toBe(200);
    expect(a!.headers.connection).not.toBe('close');
    v.socket.write(get(`/api/v1/vorgaenge/${vorgangId}`, 'zwei'));
    const [, b] = await v.antworten(2);
    v.socket.destroy();
    expect(b!.status).toBe(200);
    expect(b!.headers['x-request-id']).toBe('zwei');
    expect(b!.json()).toMatchObject({ id: vorgangId });
  });

  it('pipelining: three requests written at once are answered in order', async () => {
    const v = await verbinden();
    v.socket.write(get('/api/v1/aktenplan', 'p1') + get('/api/v1/gibt-es-nicht', 'p2') + get(`/api/v1/vorgaenge/${vorgangId}`, 'p3'));
    const r = await v.antworten(3);
    v.socket.destroy();
    expect(r.map((a) => [a.headers['x-request-id'], a.status])).toEqual([
      ['p1', 200],
      ['p2', 404],
      ['p3', 200],
    ]);
    expect(r[1]!.headers['content-type']).toContain(PROBLEM);
  });

  it('a chunked JSON body (curl -T - from stdin) creates the Vorgang', async () => {
    const { akteId } = await akteMitVorgang(t);
    const r = await curl(['-H', `Authorization: Bearer ${t}`, '-H', 'Content-Type: application/json', '-X', 'POST', '-T', '-', api(`/akten/${akteId}/vorgaenge`)], {
      eingabe: JSON.stringify({ betreff: 'Gestückelt' }),
    });
    expect(r.status, r.text()).toBe(201);
    expect(r.json()).toMatchObject({ betreff: 'Gestückelt' });
  });

  it('a chunked multipart upload in many small chunks is stored intact', async () => {
    const inhalt = pdf(300 * 1024);
    const grenze = 'grenze4711';
    const koerper = Buffer.concat([
      Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="betreff"\r\n\r\nGestückelt\r\n`),
      Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="datumDesSchreibens"\r\n\r\n2026-11-30\r\n`),
      Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="datei"; filename="klein.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      inhalt,
      Buffer.from(`\r\n--${grenze}--\r\n`),
    ]);
    const v = await verbinden();
    v.socket.write(
      `POST /api/v1/vorgaenge/${vorgangId}/dokumente HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${t}\r\n` +
        `Content-Type: multipart/form-data; boundary=${grenze}\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    for (let i = 0; i < koerper.length; i += 7_777) {
      const teil = koerper.subarray(i, i + 7_777);
      v.socket.write(Buffer.concat([Buffer.from(`${teil.length.toString(16)}\r\n`), teil, Buffer.from('\r\n')]));
    }
    v.socket.write('0\r\n\r\n');
    const [a] = await v.antworten(1, 20_000);
    v.socket.destroy();
    expect(a!.status, a!.body.toString()).toBe(201);
    expect(a!.json()).toMatchObject({
      betreff: 'Gestückelt',
      aktuelleVersion: { groesse: inhalt.length, sha256: createHash('sha256').update(inhalt).digest('hex') },
    });
  });

  it('a client that half-closes after its requests still gets every answer, then the connection ends', async () => {
    const v = await verbinden();
    v.socket.end(get(`/api/v1/vorgaenge/${vorgangId}`, 'halb1') + get('/api/v1/aktenplan', 'halb2'));
    const [a, b] = await v.antworten(2);
    expect(a!.status).toBe(200);
    expect(a!.json()).toMatchObject({ id: vorgangId });
    expect([b!.headers['x-request-id'], b!.status]).toEqual(['halb2', 200]);
    expect(await v.geschlossen(5_000)).toBe(true);
  });

  it('headers trickled byte by byte within the headers timeout are served', async () => {
    const v = await verbinden();
    const anfrage = Buffer.from(get(`/api/v1/vorgaenge/${vorgangId}`, 'langsam'));
    // ~1.5 s in all, half of the 3 s HEADERS_TIMEOUT_MS the suite starts the platform with
    const pause = Math.floor(1_500 / anfrage.length);
    for (const byte of anfrage) {
      v.socket.write(Buffer.from([byte]));
      await warte(pause);
    }
    const [a] = await v.antworten(1);
    v.socket.destroy();
    expect(a!.status).toBe(200);
    expect(a!.headers['x-request-id']).toBe('langsam');
  });

  it('a client stalling in its headers past the headers timeout gets 408 and is closed', async () => {
    const v = await verbinden();
    const start = Date.now();
    v.socket.write(`GET /api/v1/aktenplan HTTP/1.1\r\nHost: ${host()}\r\nX-Halb: `);
    expect(await v.geschlossen(10_000)).toBe(true);
    // 3 s timeout, checked once a second
    expect(Date.now() - start).toBeGreaterThanOrEqual(2_500);
    expect(Date.now() - start).toBeLessThan(8_000);
    const empfangen = v.empfangen().toString('utf8');
    expect(empfangen).toMatch(/^HTTP\/1\.1 408 /);
    expect(empfangen).toContain(PROBLEM);
    expect(empfangen).toContain('"code":"ZEITUEBERSCHREITUNG_ANFRAGE"');
  });
});
