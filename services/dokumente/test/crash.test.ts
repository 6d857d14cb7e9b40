// Crash points of an upload: whatever fails, no row points to a missing object, and after a
// sweep no object lacks its row.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'node:net';
import { createDb } from '@eakte/db';
import { expectProblem, testDatenbankUrl } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { neuerSpeicherschluessel } from '../src/domain/speicherschluessel.js';
import { dokumenteRepository } from '../src/repositories/dokumente.js';
import { raeumeOcrVerzeichnisse, raeumeSpoolVerzeichnis, raeumeVerwaisteObjekte } from '../src/arbeiter/sweeper.js';
import type { ObjectStore } from '@eakte/storage';
import { thunderbirdMail } from './mail-hilfe.js';
import { baueApp, bis, lade, META, PNG, neuerMandant, neuerVorgang, objekteUnter, ownerDb, pdf, speicher, spoolDateien, zeilen, type TestApp } from './hilfen.js';

/** Every version row's object exists. */
async function keineZeileOhneObjekt(mandantId: string) {
  for (const v of (await zeilen(mandantId)).versionen) expect(await speicher().stat(v.speicherschluessel), v.speicherschluessel).not.toBeNull();
}

describe('crash consistency of uploads', () => {
  it('leaves nothing behind when the client aborts mid-stream', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const boundary = 'grenze4711';
    const kopf = Buffer.from(
      Object.entries(META)
        .map(([k, w]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${w}\r\n`)
        .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="gross.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const req = request(`${address}/api/v1/vorgaenge/${v.vorgangId}/dokumente`, {
      method: 'POST',
      headers: { ...(await m.header()), 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
    });
    req.on('error', () => {});
    req.write(kopf);
    req.write(Buffer.alloc(256 * 1024, 'x'));
    // the service is spooling the file part now
    await bis(() => spoolDateien(t).length === 1);
    req.destroy();
    await bis(() => spoolDateien(t).length === 0);
    expect((await zeilen(m.id)).dokumente).toEqual([]);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
  });

  it('answers 413 over a real connection while the client is still sending, and closes it instead of reading the rest', async () => {
    const t = await baueApp();
    const m = await neuerMandant({ maxUploadGroesse: 64 * 1024 });
    const v = await neuerVorgang(m.id);
    const address = new URL(await t.app.listen({ host: '127.0.0.1', port: 0 }));
    const boundary = 'grenze0815';
    const GROSS = 256 * 1024 * 1024;
    const socket = connect(Number(address.port), address.hostname);
    let empfangen = '';
    let gesendet = 0;
    socket.on('data', (c) => (empfangen += c.toString('latin1')));
    const geschlossen = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const teil = `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="gross.txt"\r\nContent-Type: text/plain\r\n\r\n`;
    socket.write(
      `POST /api/v1/vorgaenge/${v.vorgangId}/dokumente HTTP/1.1\r\nHost: x\r\nAuthorization: ${(await m.header()).authorization}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${teil.length + GROSS}\r\n\r\n${teil}`,
    );
    // announce and send 256 MiB, respecting backpressure, until the server hangs up
    const block = Buffer.alloc(64 * 1024, 'x');
    while (!socket.destroyed && socket.writable && gesendet < GROSS) {
      gesendet += block.length;
      if (!socket.write(block)) await Promise.race([new Promise((r) => socket.once('drain', r)), geschlossen]);
    }
    await geschlossen;
    expect(empfangen).toMatch(/^HTTP\/1\.1 413 /);
    expect(empfangen.toLowerCase()).toContain('connection: close');
    expect(empfangen).toContain('DATEI_ZU_GROSS');
    // the server stopped reading long before the announced size
    expect(gesendet).toBeLessThan(GROSS);
    await bis(() => spoolDateien(t).length === 0);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
  });

  it('answers 503 and stores no row when the object storage fails', async () => {
    const t = await baueApp({ overrides: { S3_ENDPOINT: 'http://127.0.0.1:9' } });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const res = await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() });
    expectProblem(res, 503, 'DIENST_NICHT_VERFUEGBAR');
    expect((await zeilen(m.id)).dokumente).toEqual([]);
    expect(spoolDateien(t)).toEqual([]);
  });

  it('removes the stored object again when the database transaction fails after the PUT', async () => {
    let gespeichert: string[] = [];
    const t: TestApp = await baueApp({
      protokolliere: async (_tx, akteur) => {
        // the object is stored by now: remember it, then fail like a lost database
        gespeichert = await objekteUnter(`${akteur.mandantId}/`);
        throw new Error('database gone');
      },
    });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const res = await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() });
    expectProblem(res, 500, 'INTERNER_FEHLER');
    expect(gespeichert).toHaveLength(1);
    expect((await zeilen(m.id)).dokumente).toEqual([]);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
    expect(spoolDateien(t)).toEqual([]);
  });

  it('removes each stored object once when the commit fails (a mail with its Anlagen, and a single file)', async () => {
    const entfernt: string[] = [];
    const echt = speicher();
    const zaehlend: ObjectStore = Object.assign(Object.create(echt) as ObjectStore, {
      remove: async (key: string) => {
        entfernt.push(key);
        return echt.remove(key);
      },
    });
    const t = await baueApp({
      storage: zaehlend,
      protokolliere: async () => {
        throw new Error('database gone');
      },
    });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    expectProblem(await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() }), 500, 'INTERNER_FEHLER');
    expect(entfernt).toHaveLength(1);
    entfernt.length = 0;
    const eml = thunderbirdMail({
      anlagen: [
        { name: 'a.pdf', type: 'application/pdf', inhalt: await pdf('eins') },
        { name: 'b.png', type: 'image/png', inhalt: PNG },
      ],
    });
    const res = await lade(t, m, v.vorgangId, { name: 'm.eml', type: 'message/rfc822', inhalt: eml }, { felder: { betreff: '', datumDesSchreibens: '' } });
    expectProblem(res, 500, 'INTERNER_FEHLER');
    expect(entfernt).toHaveLength(3);
    expect(new Set(entfernt).size).toBe(3);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
  });

  it('sweeps objects no committed row references once they are past the grace period, and nothing else', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    for (let i = 0; i < 2; i++) expect((await lade(t, m, v.vorgangId, { name: `a${i}.pdf`, inhalt: await pdf(`Nr ${i}`) })).statusCode).toBe(201);
    // a process that died between PUT and commit left these behind
    const waisen = [neuerSpeicherschluessel(m.id, Date.now() - 60_000), neuerSpeicherschluessel(m.id, Date.now() - 120_000)];
    for (const k of waisen) await speicher().put(k, Buffer.from('verwaist'), 8);
    // keys the application did not hand out are left alone
    await speicher().put(`${m.id}/fremd.bin`, Buffer.from('x'), 1);
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(5);

    const opts = { db: ownerDb(), storage: speicher(), repo: dokumenteRepository, log: t.app.log, karenzMs: 3600_000, prefix: `${m.id}/` };
    // within the grace period nothing is touched: an upload may be about to commit
    expect((await raeumeVerwaisteObjekte(opts)).entfernt).toEqual([]);
    const spaeter = await raeumeVerwaisteObjekte({ ...opts, jetzt: Date.now() + 2 * 3600_000 });
    expect(spaeter.entfernt.sort()).toEqual([...waisen].sort());
    expect(spaeter.geprueft).toBe(4);

    const uebrig = await objekteUnter(`${m.id}/`);
    const referenziert = (await zeilen(m.id)).versionen.map((x) => x.speicherschluessel);
    expect(uebrig.sort()).toEqual([...referenziert, `${m.id}/fremd.bin`].sort());
    await keineZeileOhneObjekt(m.id);
    await speicher().remove(`${m.id}/fremd.bin`);
  });

  it("sweeps with the application role: row-level security shows it each tenant's rows in that tenant's transaction", async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    expect((await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() })).statusCode).toBe(201);
    const waise = neuerSpeicherschluessel(m.id, Date.now() - 60_000);
    await speicher().put(waise, Buffer.from('verwaist'), 8);
    const appDb = createDb(testDatenbankUrl('dokumente'), { max: 1 });
    try {
      const r = await raeumeVerwaisteObjekte({ db: appDb, storage: speicher(), repo: dokumenteRepository, log: t.app.log, karenzMs: 1000, prefix: `${m.id}/`, jetzt: Date.now() + 5000 });
      expect(r.entfernt).toEqual([waise]);
    } finally {
      await appDb.close();
    }
    await keineZeileOhneObjekt(m.id);
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(1);
  });

  it('sweeps the OCR work folders a dead process left (scans of up to the size limit), not one in use', async () => {
    const t = await baueApp();
    const dir = mkdtempSync(path.join(tmpdir(), 'eakte-ocr-sweep-'));
    try {
      const alt = (Date.now() - 5 * 3600_000) / 1000;
      for (const name of ['eakte-ocr-tot', 'eakte-ocr-lebt', 'fremd']) {
        mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, name, 'scan.tif'), 'x');
      }
      utimesSync(path.join(dir, 'eakte-ocr-tot'), alt, alt);
      utimesSync(path.join(dir, 'fremd'), alt, alt);
      expect(await raeumeOcrVerzeichnisse({ verzeichnis: dir, log: t.app.log, karenzMs: 3600_000 })).toEqual(['eakte-ocr-tot']);
      expect(readdirSync(dir).sort()).toEqual(['eakte-ocr-lebt', 'fremd']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sweeps spool files left by a dead process once untouched for the grace period, and nothing else', async () => {
    const t = await baueApp();
    const dir = mkdtempSync(path.join(tmpdir(), 'eakte-spool-sweep-'));
    try {
      const alt = (Date.now() - 2 * 3600_000) / 1000;
      for (const name of ['tot.upload', 'lebt.upload', 'fremd.txt']) writeFileSync(path.join(dir, name), 'x');
      utimesSync(path.join(dir, 'tot.upload'), alt, alt);
      utimesSync(path.join(dir, 'fremd.txt'), alt, alt);
      expect(await raeumeSpoolVerzeichnis({ verzeichnis: dir, log: t.app.log, karenzMs: 3600_000 })).toEqual(['tot.upload']);
      expect(readdirSync(dir).sort()).toEqual(['fremd.txt', 'lebt.upload']);
      // a spool directory that was never created holds nothing to sweep
      expect(await raeumeSpoolVerzeichnis({ verzeichnis: path.join(dir, 'gibt-es-nicht'), log: t.app.log, karenzMs: 1 })).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
