// Malware scanning against a real clamd (started by this file with a run-time test signature);
// part of `pnpm test:system` (scripts/test/system-tests.ts), since it needs the clamd program.
import net from 'node:net';
import { expectContract, expectProblem } from '@eakte/testing';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deuteAntwort, ENDE, rahmen, ScannerFehler } from '../src/adapter/clamd.js';
import { EICAR, SIGNATUR, starteClamd, type Clamd } from './clamd-hilfe.js';
import { thunderbirdMail } from './mail-hilfe.js';
import { baueApp, PNG, formular, lade, neuerMandant, neuerVorgang, objekteUnter, pdf, spoolDateien, zeilen, type TestApp } from './hilfen.js';

let clamd: Clamd;
beforeAll(async () => {
  clamd = await starteClamd();
}, 90_000);
afterAll(async () => {
  await clamd?.beenden();
});

const mitScanner = (extra: Record<string, unknown> = {}) => baueApp({ dokumente: { CLAMAV_HOST: clamd.host, CLAMAV_PORT: String(clamd.port), CLAMAV_TIMEOUT_MS: '3000', ...extra } });

async function zip(eintraege: Record<string, Buffer>): Promise<Buffer> {
  const z = new ZipFile();
  for (const [name, inhalt] of Object.entries(eintraege)) z.addBuffer(inhalt, name);
  z.end();
  const teile: Buffer[] = [];
  for await (const c of z.outputStream) teile.push(c as Buffer);
  return Buffer.concat(teile);
}

async function nichtsGespeichert(t: TestApp, mandantId: string) {
  const { dokumente, versionen } = await zeilen(mandantId);
  expect(dokumente).toHaveLength(0);
  expect(versionen).toHaveLength(0);
  expect(await objekteUnter(`${mandantId}/`)).toEqual([]);
  expect(spoolDateien(t)).toEqual([]);
}

describe('INSTREAM framing', () => {
  it('frames chunks with a 4-byte big-endian length and ends with a zero frame', () => {
    expect([...rahmen(Buffer.from('abc'))]).toEqual([0, 0, 0, 3, 0x61, 0x62, 0x63]);
    expect([...rahmen(Buffer.alloc(0x10203))].slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect([...ENDE]).toEqual([0, 0, 0, 0]);
  });
  it('reads the verdicts', () => {
    expect(deuteAntwort('stream: OK\0')).toEqual({ sauber: true });
    expect(deuteAntwort('stream: Win.Test.EICAR_HDB-1 FOUND\0')).toEqual({ sauber: false, signatur: 'Win.Test.EICAR_HDB-1' });
    expect(() => deuteAntwort('INSTREAM size limit exceeded. ERROR\0')).toThrow(ScannerFehler);
    expect(() => deuteAntwort('')).toThrow(ScannerFehler);
  });
});

describe('upload scanning with clamd', () => {
  it('refuses the EICAR test file: 422 SCHADSOFTWARE with the signature, nothing stored, audited with the uploader', async () => {
    const t = await mitScanner();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const res = await lade(t, m, v.vorgangId, { name: 'rechnung.txt', type: 'text/plain', inhalt: EICAR });
    const body = expectProblem(res, 422, 'SCHADSOFTWARE');
    expect(body.detail).toContain(SIGNATUR);
    await nichtsGespeichert(t, m.id);
    const e = t.protokoll.find((p) => p.aktion === 'dokument.schadsoftware.erkannt');
    expect(e).toMatchObject({ objektTyp: 'vorgang', objektId: v.vorgangId, ergebnis: 'abgelehnt', details: { hochgeladenVon: `${m.slug}-sachbearbeitung` } });
    expect(String(e!.details!.signatur)).toContain(SIGNATUR);
    expect(t.protokoll.filter((p) => p.aktion === 'dokument.erstellt')).toHaveLength(0);
  });

  it('finds EICAR inside a ZIP archive', async () => {
    const t = await mitScanner();
    const m = await neuerMandant({ erlaubteFormate: ['application/zip', 'text/plain'] });
    const v = await neuerVorgang(m.id);
    const res = await lade(t, m, v.vorgangId, { name: 'anlagen.zip', type: 'application/zip', inhalt: await zip({ 'ordner/harmlos.txt': EICAR }) });
    expect(expectProblem(res, 422, 'SCHADSOFTWARE').detail).toContain(SIGNATUR);
    await nichtsGespeichert(t, m.id);

    const sauber = await lade(t, m, v.vorgangId, { name: 'anlagen.zip', type: 'application/zip', inhalt: await zip({ 'brief.txt': Buffer.from('Sehr geehrte Damen und Herren') }) });
    expect(sauber.statusCode, sauber.body).toBe(201);
  });

  it('lets clean files pass (PDF, text, larger than one frame) and refuses an infected new version', async () => {
    const t = await mitScanner();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const res = await lade(t, m, v.vorgangId, { name: 'antrag.pdf', type: 'application/pdf', inhalt: await pdf() });
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createDokument');
    const gross = await lade(t, m, v.vorgangId, { name: 'gross.txt', type: 'text/plain', inhalt: Buffer.alloc(3 * 1024 * 1024 + 17, 'Akte ') });
    expect(gross.statusCode, gross.body).toBe(201);

    const id = res.json().id as string;
    const { payload, headers } = await formular({}, { name: 'v2.txt', type: 'text/plain', inhalt: Buffer.concat([Buffer.from('Vorwort\n'), EICAR]) });
    const v2 = await t.app.inject({ method: 'POST', url: `/api/v1/dokumente/${id}/versionen`, payload, headers: { ...(await m.header()), ...headers } });
    expectProblem(v2, 422, 'SCHADSOFTWARE');
    const { versionen } = await zeilen(m.id);
    expect(versionen.filter((x) => x.dokumentId === id)).toHaveLength(1);
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(2);
    expect(t.protokoll.find((p) => p.aktion === 'dokument.schadsoftware.erkannt')).toMatchObject({ objektTyp: 'dokument', objektId: id });
  });

  it('refuses a whole e-mail when one attachment is infected (also inside a forwarded mail)', async () => {
    const t = await mitScanner();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const eml = thunderbirdMail({
      anlagen: [
        { name: 'Lageplan.png', type: 'image/png', inhalt: PNG },
        { name: 'Rechnung.txt', type: 'text/plain', inhalt: EICAR },
      ],
    });
    const res = await lade(t, m, v.vorgangId, { name: 'rechnung.eml', type: 'message/rfc822', inhalt: eml }, { felder: { betreff: '', datumDesSchreibens: '' } });
    const body = expectProblem(res, 422, 'SCHADSOFTWARE');
    expect(body.detail).toContain(SIGNATUR);
    expect(body.detail).toContain('Rechnung.txt');
    await nichtsGespeichert(t, m.id);
    expect(t.protokoll.find((p) => p.aktion === 'dokument.schadsoftware.erkannt')).toMatchObject({ objektId: v.vorgangId, details: { anlage: 'Rechnung.txt', dateiname: 'rechnung.eml' } });

    const weiter = thunderbirdMail({ betreff: 'WG: Rechnung', mails: [{ name: 'rechnung.eml', inhalt: eml }] });
    const res2 = await lade(t, m, v.vorgangId, { name: 'wg.eml', type: 'message/rfc822', inhalt: weiter }, { felder: { betreff: '', datumDesSchreibens: '' } });
    expectProblem(res2, 422, 'SCHADSOFTWARE');
    await nichtsGespeichert(t, m.id);

    const sauber = thunderbirdMail({ anlagen: [{ name: 'Lageplan.png', type: 'image/png', inhalt: PNG }] });
    const ok = await lade(t, m, v.vorgangId, { name: 'ok.eml', type: 'message/rfc822', inhalt: sauber }, { felder: { betreff: '', datumDesSchreibens: '' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await zeilen(m.id)).dokumente).toHaveLength(2);
  });

  it('reports the scanner in /health with its version', async () => {
    const t = await mitScanner();
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().checks.clamav).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^ClamAV \d/) });
  });

  it('fails closed when clamd stops mid-run (503, nothing stored) and recovers when it is back', async () => {
    const t = await mitScanner();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    expect((await lade(t, m, v.vorgangId, { name: 'a.txt', type: 'text/plain', inhalt: Buffer.from('vorher') })).statusCode).toBe(201);
    const vorher = await objekteUnter(`${m.id}/`);
    await clamd.stop();
    try {
      const res = await lade(t, m, v.vorgangId, { name: 'b.txt', type: 'text/plain', inhalt: Buffer.from('waehrenddessen') });
      expect(expectProblem(res, 503, 'DIENST_NICHT_VERFUEGBAR').detail).toMatch(/Virenscanner/);
      expect(await objekteUnter(`${m.id}/`)).toEqual(vorher);
      expect((await zeilen(m.id)).dokumente).toHaveLength(1);
      expect(spoolDateien(t)).toEqual([]);
      const health = await t.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json().checks.clamav.status).toBe('fehler');
    } finally {
      await clamd.start();
    }
    const danach = await lade(t, m, v.vorgangId, { name: 'c.txt', type: 'text/plain', inhalt: Buffer.from('danach') });
    expect(danach.statusCode, danach.body).toBe(201);
    expect((await zeilen(m.id)).dokumente).toHaveLength(2);
  }, 90_000);

  it('fails closed when clamd accepts but never answers (timeout → 503)', async () => {
    const stumm = net.createServer((s) => s.on('data', () => {}));
    await new Promise<void>((r) => stumm.listen(0, '127.0.0.1', () => r()));
    const offen = new Set<net.Socket>();
    stumm.on('connection', (s) => offen.add(s));
    try {
      const t = await baueApp({ dokumente: { CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String((stumm.address() as net.AddressInfo).port), CLAMAV_TIMEOUT_MS: '300' } });
      const m = await neuerMandant();
      const v = await neuerVorgang(m.id);
      const res = await lade(t, m, v.vorgangId, { name: 'a.txt', type: 'text/plain', inhalt: Buffer.from('Hallo') });
      expectProblem(res, 503, 'DIENST_NICHT_VERFUEGBAR');
      await nichtsGespeichert(t, m.id);
    } finally {
      for (const s of offen) s.destroy();
      await new Promise((r) => stumm.close(r));
    }
  });

  it('validates the scanner settings at boot; fail-open only for the embedded default', async () => {
    await expect(baueApp({ dokumente: { CLAMAV_HOST: '127.0.0.1', CLAMAV_FAIL_OPEN: 'true', S3_EMULATOR: false } })).rejects.toThrow(/only allowed for the embedded default/);
    await expect(baueApp({ dokumente: { CLAMAV_HOST: '127.0.0.1', CLAMAV_SOCKET: '/run/clamd.sock' } })).rejects.toThrow(/mutually exclusive/);
    await expect(baueApp({ dokumente: { CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: '99999' } })).rejects.toThrow();

    // embedded default with fail-open: an unreachable scanner lets the upload through (with a warning)
    const tot = await new Promise<number>((r) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => r(p));
      });
    });
    const t = await baueApp({ dokumente: { CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(tot), CLAMAV_FAIL_OPEN: 'true', S3_EMULATOR: true } });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const res = await lade(t, m, v.vorgangId, { name: 'a.txt', type: 'text/plain', inhalt: Buffer.from('Hallo') });
    expect(res.statusCode, res.body).toBe(201);
  });
});
