// The sequencer and the inclusion proof: committed events of a tenant get gap-free numbers and their
// chain hash in arrival order, the Merkle tree grows by their leaves, and GET …/nachweis proves an
// event against a signed checkpoint — checked here by our verifier and by the Python script in docs/.
import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { blattHash, oeffneNotiz, protokollAnhaengen, pruefeInklusion, pruefeKonsistenz, wurzelAus } from '@eakte/audit';
import { createDb, sql } from '@eakte/db';
import { authHeader, expectContract, testDatenbankUrl, testMandant } from '@eakte/testing';
import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { NOTIZ_NAME } from '../src/pruefung.js';
import { AKTEUR, bauen, manipuliere, nEreignisse, superuser, testDienst } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eintrag = (mandantId: string) => ({ mandantId, akteur: AKTEUR, aktion: 'akte.gelesen', objektTyp: 'akte', objektId: crypto.randomUUID() });

function verbindung(max = 8) {
  const db = createDb(testDatenbankUrl('protokoll'), { max });
  onTestFinished(() => db.close());
  return db;
}

describe('sequencer', () => {
  it('numbers concurrently appended events without gaps, chains them and grows the tree by their leaves', async () => {
    const m = await testMandant();
    const db = verbindung();
    await Promise.all(Array.from({ length: 40 }, () => db.withMandant(m.id, (tx) => protokollAnhaengen(tx, eintrag(m.id)))));
    const { dienst } = testDienst();
    expect(await dienst.integrieren(m.id)).toBe(40);
    expect(await dienst.integrieren(m.id)).toBe(0);
    const zeilen = await db.withMandant(m.id, (tx) =>
      tx.execute<{ sequenz: string; eingang: string; blatt: Buffer; kanonisch: string }>(sql`SELECT sequenz, eingang, blatt, kanonisch FROM protokoll.ereignis ORDER BY sequenz`),
    );
    expect(zeilen.rows.map((r) => Number(r.sequenz))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // arrival order
    const eingaenge = zeilen.rows.map((r) => Number(r.eingang));
    expect(eingaenge).toEqual([...eingaenge].sort((a, b) => a - b));
    expect((await dienst.pruefen(m.id)).gueltig).toBe(true);
    // the stored root is the RFC 6962 root of the leaves recomputed from their bytes
    const blaetter = zeilen.rows.map((r) => blattHash(r.kanonisch));
    const [baum] = (await db.withMandant(m.id, (tx) => tx.execute<{ groesse: string; wurzel: Buffer }>(sql`SELECT groesse, wurzel FROM protokoll.baum`))).rows;
    expect(Number(baum!.groesse)).toBe(40);
    const referenz = (a: number, b: number): Buffer =>
      b - a === 1
        ? blaetter[a]!
        : (() => {
            const k = 2 ** Math.floor(Math.log2(b - a - 1));
            return createHash('sha256')
              .update(Buffer.concat([Buffer.from([1]), referenz(a, a + k), referenz(a + k, b)]))
              .digest();
          })();
    expect(baum!.wurzel.toString('hex')).toBe(referenz(0, 40).toString('hex'));
    expect(wurzelAus(0, () => Buffer.alloc(0)).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('takes an event still in an open transaction only after its commit, with the next number', async () => {
    const m = await testMandant();
    const db = verbindung();
    const { dienst } = testDienst();
    let freigeben!: () => void;
    const tor = new Promise<void>((r) => (freigeben = r));
    let angehaengt!: () => void;
    const offen = new Promise<void>((r) => (angehaengt = r));
    const langsam = db.withMandant(m.id, async (tx) => {
      await protokollAnhaengen(tx, eintrag(m.id));
      angehaengt();
      await tor;
    });
    await offen;
    await db.withMandant(m.id, (tx) => protokollAnhaengen(tx, eintrag(m.id)));
    expect(await dienst.integrieren(m.id)).toBe(1);
    freigeben();
    await langsam;
    expect(await dienst.integrieren(m.id)).toBe(1);
    const r = await dienst.pruefen(m.id);
    expect(r).toMatchObject({ gueltig: true, geprueft: 2 });
  });
});

describe('GET /protokoll/ereignisse/{sequenz}/nachweis', () => {
  it('proves an event against a signed checkpoint, verifiable with the served key and by the Python script', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 7);
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    const res = await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/6/nachweis', headers: h });
    expect(res.statusCode, res.body).toBe(200);
    expectContract(res, 'getProtokollNachweis');
    const n = res.json();
    expect(n).toMatchObject({ sequenz: 6, blattIndex: 5, baumGroesse: 7 });
    expect(n.pfad).toHaveLength(3);
    expect(blattHash(n.blattDaten).toString('hex')).toBe(n.blattHash);
    expect(
      pruefeInklusion(
        5,
        7,
        Buffer.from(n.blattHash, 'hex'),
        n.pfad.map((p: string) => Buffer.from(p, 'hex')),
        Buffer.from(n.wurzel, 'hex'),
      ),
    ).toBe(true);
    const pem = (await app.inject({ method: 'GET', url: '/api/v1/protokoll/schluessel', headers: h })).json().publicKeyPem;
    expect(oeffneNotiz(n.checkpoint, NOTIZ_NAME, createPublicKey(pem))).toMatchObject({ groesse: 7, herkunft: `${NOTIZ_NAME}/${m.id}`, wurzel: Buffer.from(n.wurzel, 'hex') });

    const dir = mkdtempSync(path.join(tmpdir(), 'nachweis-'));
    const pruefe = (name: string, inhalt: unknown) => {
      writeFileSync(path.join(dir, name), JSON.stringify(inhalt));
      return promisify(execFile)('python3', [path.join(root, 'docs/protokoll-nachweis-pruefen.py'), path.join(dir, name)]).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    };
    const gut = await pruefe('gut.json', n);
    expect(gut).toMatchObject({ code: 0 });
    expect(gut.out).toMatch(/NACHWEIS GUELTIG\n$/);
    // a changed leaf, a changed path, a forged signature: each refused
    expect(await pruefe('blatt.json', { ...n, blattDaten: n.blattDaten.replace('Sam', 'Mal') })).toMatchObject({ code: 1 });
    expect(await pruefe('pfad.json', { ...n, pfad: [n.pfad[1], n.pfad[0], n.pfad[2]] })).toMatchObject({ code: 1 });
    const sig = n.checkpoint.trimEnd().split(' ').pop() as string;
    const roh = Buffer.from(sig, 'base64');
    roh[10] = roh[10]! ^ 1;
    expect(await pruefe('sig.json', { ...n, checkpoint: n.checkpoint.replace(sig, roh.toString('base64')) })).toMatchObject({ code: 1, out: expect.stringMatching(/Signatur/) });
  });

  it('proves an event recorded before the next checkpoint by signing one, and answers 404, 400 and 403 as the contract says', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 2);
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/2/nachweis', headers: h })).json()).toMatchObject({ baumGroesse: 2 });
    await nEreignisse(m.id, 1);
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/3/nachweis', headers: h })).json()).toMatchObject({ baumGroesse: 3, pfad: [expect.any(String)] });
    const fehlt = await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/4/nachweis', headers: h });
    expect(fehlt.statusCode).toBe(404);
    expect(fehlt.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/0/nachweis', headers: h })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/x/nachweis', headers: h })).statusCode).toBe(400);
    const sb = await authHeader({ tenant: m.slug, roles: ['sachbearbeitung'] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/1/nachweis', headers: sb })).statusCode).toBe(403);
  });

  it('no longer proves an edited event: its leaf hash no longer leads to the signed root', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 4);
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    const vorher = (await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/2/nachweis', headers: h })).json();
    await manipuliere(`UPDATE protokoll.ereignis SET kanonisch = replace(kanonisch, 'Sam', 'Mal') WHERE mandant_id = $1 AND sequenz = 2`, [m.id]);
    const nachher = (await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/2/nachweis', headers: h })).json();
    expect(nachher.checkpoint).toBe(vorher.checkpoint);
    expect(blattHash(nachher.blattDaten).toString('hex')).not.toBe(vorher.blattHash);
    expect(
      pruefeInklusion(
        1,
        4,
        blattHash(nachher.blattDaten),
        nachher.pfad.map((p: string) => Buffer.from(p, 'hex')),
        Buffer.from(nachher.wurzel, 'hex'),
      ),
    ).toBe(false);
  });
});

describe('GET /protokoll/checkpoints/konsistenz', () => {
  const pythonPruefung = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'konsistenz-'));
    return (name: string, inhalt: unknown, aufbewahrt?: string) => {
      writeFileSync(path.join(dir, name), JSON.stringify(inhalt));
      if (aufbewahrt) writeFileSync(path.join(dir, `${name}.cp`), aufbewahrt);
      return promisify(execFile)('python3', [path.join(root, 'docs/protokoll-nachweis-pruefen.py'), path.join(dir, name), ...(aufbewahrt ? [path.join(dir, `${name}.cp`)] : [])]).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    };
  };

  it('proves an older signed checkpoint a prefix of the newest, verifiable by the Python script; a changed proof is refused', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 3);
    const h = await authHeader({ tenant: m.slug, roles: ['registratur'] });
    // a proof signs the checkpoint of size 3
    await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/3/nachweis', headers: h });
    await nEreignisse(m.id, 4);
    const res = await app.inject({ method: 'GET', url: '/api/v1/protokoll/checkpoints/konsistenz?von=3', headers: h });
    expect(res.statusCode, res.body).toBe(200);
    expectContract(res, 'getProtokollKonsistenz');
    const n = res.json();
    // the tree grew since: the newest checkpoint (7) is signed for the proof
    expect(n).toMatchObject({ vonGroesse: 3, bisGroesse: 7 });
    const hex = (x: string) => Buffer.from(x, 'hex');
    expect(pruefeKonsistenz(3, 7, n.pfad.map(hex), hex(n.vonWurzel), hex(n.bisWurzel))).toBe(true);
    const pem = (await app.inject({ method: 'GET', url: '/api/v1/protokoll/schluessel', headers: h })).json().publicKeyPem;
    expect(oeffneNotiz(n.vonCheckpoint, NOTIZ_NAME, createPublicKey(pem))).toMatchObject({ groesse: 3, wurzel: hex(n.vonWurzel) });
    expect(oeffneNotiz(n.bisCheckpoint, NOTIZ_NAME, createPublicKey(pem))).toMatchObject({ groesse: 7, wurzel: hex(n.bisWurzel) });
    // an explicit bis names that checkpoint; equal sizes need an empty proof
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/checkpoints/konsistenz?von=3&bis=7', headers: h })).json()).toEqual(n);
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/checkpoints/konsistenz?von=7&bis=7', headers: h })).json()).toMatchObject({ vonGroesse: 7, bisGroesse: 7, pfad: [] });

    const pruefe = pythonPruefung();
    const gut = await pruefe('gut.json', n);
    expect(gut, gut.out).toMatchObject({ code: 0 });
    expect(gut.out).toMatch(/KONSISTENZ GUELTIG\n$/);
    const k = n.pfad.map((p: string) => p);
    k[0] = `${k[0].slice(0, 63)}${k[0].endsWith('0') ? '1' : '0'}`;
    expect(await pruefe('pfad.json', { ...n, pfad: k })).toMatchObject({ code: 1, out: expect.stringMatching(/Konsistenzpfad/) });
    // the checkpoints swapped, or one claiming another root: refused
    expect(await pruefe('getauscht.json', { ...n, vonCheckpoint: n.bisCheckpoint, bisCheckpoint: n.vonCheckpoint })).toMatchObject({ code: 1 });
    expect(await pruefe('wurzel.json', { ...n, vonWurzel: n.bisWurzel })).toMatchObject({ code: 1 });
    // the auditor's kept checkpoint: the same one passes; from a size the service signed none of, the root is compared with it
    expect(await pruefe('aufbewahrt.json', { ...n, vonCheckpoint: null }, n.vonCheckpoint)).toMatchObject({ code: 0, out: expect.stringMatching(/\(aufbewahrt\)/) });
    const ohne = (await app.inject({ method: 'GET', url: '/api/v1/protokoll/checkpoints/konsistenz?von=5', headers: h })).json();
    expect(ohne).toMatchObject({ vonGroesse: 5, bisGroesse: 7, vonCheckpoint: null });
    expect(await pruefe('ohne.json', ohne)).toMatchObject({ code: 0, out: expect.stringMatching(/mit dem aufbewahrten Checkpoint vergleichen/) });
    // a kept checkpoint that states another size or root than the proof's start is refused
    expect(await pruefe('gabel.json', { ...n, vonCheckpoint: null }, n.bisCheckpoint)).toMatchObject({ code: 1 });
  });

  it('answers 404 for a size without a signed checkpoint, 400 for a reversed or bad range and 403 for other roles', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 3);
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/3/nachweis', headers: h });
    const get = (q: string, kopf = h) => app.inject({ method: 'GET', url: `/api/v1/protokoll/checkpoints/konsistenz${q}`, headers: kopf });
    const fehlt = await get('?von=2&bis=2');
    expect(fehlt.statusCode).toBe(404);
    expect(fehlt.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await get('?von=4')).json()).toMatchObject({ status: 400, code: 'UNGUELTIGER_BEREICH' });
    // another tenant's Prüfung sees none of this tenant's checkpoints
    const fremd = await testMandant();
    expect((await get('?von=3', await authHeader({ tenant: fremd.slug, roles: ['pruefung'] }))).statusCode).toBe(404);
    expect((await get('?von=3&bis=2')).json()).toMatchObject({ status: 400, code: 'UNGUELTIGER_BEREICH' });
    expect((await get('')).statusCode).toBe(400);
    expect((await get('?von=0')).statusCode).toBe(400);
    expect((await get('?von=3', await authHeader({ tenant: m.slug, roles: ['sachbearbeitung'] }))).statusCode).toBe(403);
  });
});

describe('sequencer rounds in the service', () => {
  it('number a committed event without any read and sign a tree checkpoint after N events', async () => {
    const app = await bauen({ PROTOKOLL_SEQUENZ_INTERVALL_MS: '50', PROTOKOLL_CHECKPOINT_EREIGNISSE: '2' });
    const m = await testMandant();
    const db = verbindung(2);
    await Promise.all([0, 1].map(() => db.withMandant(m.id, (tx) => protokollAnhaengen(tx, eintrag(m.id)))));
    const owner = createDb(inject('ownerUrl'), { max: 1 });
    onTestFinished(() => owner.close());
    const stand = () =>
      owner.withMandant(m.id, async (tx) => ({
        sequenziert: Number((await tx.execute<{ n: string }>(sql`SELECT count(sequenz) AS n FROM protokoll.ereignis`)).rows[0]!.n),
        checkpoints: Number((await tx.execute<{ n: string }>(sql`SELECT count(*) AS n FROM protokoll.baum_checkpoint`)).rows[0]!.n),
      }));
    const t0 = Date.now();
    while (Date.now() - t0 < 5_000 && (await stand()).checkpoints === 0) await new Promise((r) => setTimeout(r, 50));
    expect(await stand()).toEqual({ sequenziert: 2, checkpoints: 1 });
    await app.close();
  });
});

describe('the backlog on /health', () => {
  it('names the events waiting for the sequencer and the age of the oldest, degraded (still 200) above the limit', async () => {
    const m = await testMandant();
    await nEreignisse(m.id, 1);
    // the chain head locked as a sequencer would: the sequencer rounds of other test files cannot number the three meanwhile
    const sperre = await superuser();
    await sperre.query('BEGIN');
    await sperre.query('SELECT sequenz FROM protokoll.kette WHERE mandant_id = $1 FOR UPDATE', [m.id]);
    onTestFinished(() =>
      sperre.query('ROLLBACK').then(
        () => undefined,
        () => undefined,
      ),
    );
    const db = verbindung(1);
    for (let i = 0; i < 3; i++) await db.withMandant(m.id, (tx) => protokollAnhaengen(tx, eintrag(m.id)));
    await new Promise((r) => setTimeout(r, 1_200));
    // no sequencer rounds: the three stay waiting
    const knapp = await bauen({ PROTOKOLL_RUECKSTAND_GRENZE_SEKUNDEN: '1' });
    const res = await knapp.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'degradiert', checks: { sequenzierung: { status: 'degradiert', details: { grenzeSekunden: 1 } } } });
    const d = res.json().checks.sequenzierung.details;
    expect(d.wartend).toBeGreaterThanOrEqual(3);
    expect(d.aeltesterWartetSekunden).toBeGreaterThanOrEqual(1.2);
    const weit = await bauen({ PROTOKOLL_RUECKSTAND_GRENZE_SEKUNDEN: '1000000' });
    expect((await weit.inject({ method: 'GET', url: '/health' })).json().checks.sequenzierung).toMatchObject({ status: 'ok', details: { grenzeSekunden: 1000000 } });
    await sperre.query('ROLLBACK');
  });
});

describe('a chain recorded before the tree (migration 0034)', () => {
  it('becomes the first leaves, in sequence order, hashed over their chain encoding; new events follow', async () => {
    const m = await testMandant();
    const { GENESIS_HASH, kanonisch, kettenHash } = await import('@eakte/audit');
    // three events as the old append wrote them: numbered and chained, no leaf bytes
    const c = await superuser();
    await c.query(`SELECT set_config('app.mandant', $1, false)`, [m.id]);
    let vorgaenger = GENESIS_HASH;
    const alt = [];
    for (let sequenz = 1; sequenz <= 3; sequenz++) {
      const e = {
        mandantId: m.id,
        sequenz,
        zeit: `2026-11-0${sequenz}T08:00:00.000000Z`,
        akteurSub: 'alt',
        akteurName: 'Alt',
        akteurRollen: ['registratur'],
        akteurClient: null,
        aktion: 'akte.geaendert',
        objektTyp: 'akte',
        objektId: `o-${sequenz}`,
        aktenzeichen: null,
        akteId: null,
        aenderungen: [],
        ergebnis: 'erfolg',
        details: {},
        requestId: null,
        clientIp: null,
      };
      vorgaenger = kettenHash(vorgaenger, kanonisch(e));
      alt.push(e);
      await c.query(
        `INSERT INTO protokoll.ereignis (mandant_id, sequenz, zeit, akteur_sub, akteur_name, akteur_rollen, aktion, objekt_typ, objekt_id, ergebnis, hash)
         VALUES ($1, $2, $3::timestamptz, 'alt', 'Alt', '{registratur}', 'akte.geaendert', 'akte', $4, 'erfolg', $5)`,
        [m.id, sequenz, e.zeit, e.objektId, vorgaenger],
      );
    }
    await c.query(`INSERT INTO protokoll.kette (mandant_id, sequenz, hash, zeit) VALUES ($1, 3, $2, now())`, [m.id, vorgaenger]);

    const app = await bauen();
    await nEreignisse(m.id, 1);
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    expect(await (await app.inject({ method: 'GET', url: '/api/v1/protokoll/pruefung', headers: h })).json()).toMatchObject({ gueltig: true, geprueft: 4 });
    const n2 = (await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/2/nachweis', headers: h })).json();
    expect(n2).toMatchObject({ baumGroesse: 4, blattDaten: kanonisch(alt[1]!) });
    const n4 = (await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/4/nachweis', headers: h })).json();
    expect(JSON.parse(n4.blattDaten)).not.toHaveProperty('sequenz');
    const blaetter = [...alt.map((e) => blattHash(kanonisch(e))), Buffer.from(n4.blattHash, 'hex')];
    const k = (a: Buffer, b: Buffer) =>
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([1]), a, b]))
        .digest();
    const wurzel = k(k(blaetter[0]!, blaetter[1]!), k(blaetter[2]!, blaetter[3]!));
    expect(n2.wurzel).toBe(wurzel.toString('hex'));
    for (const n of [n2, n4])
      expect(
        pruefeInklusion(
          n.blattIndex,
          4,
          Buffer.from(n.blattHash, 'hex'),
          n.pfad.map((p: string) => Buffer.from(p, 'hex')),
          wurzel,
        ),
      ).toBe(true);
  });
});
