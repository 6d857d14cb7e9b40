// Only for a real S3 server with Object Lock (Ceph RGW in `pnpm test:storage`, or your MinIO with
// S3_TEST_OBJECT_LOCK=true; scripts/vitest.storage.config.ts). The whole Aussonderung through the
// API with every service on a lock-enabled, versioned bucket and S3_OBJECT_LOCK=governance or
// =compliance: z.d.A., offer, appraisal (A and V), transfer (0503), the archive's confirmation
// (0506) and the four-eyes destruction. Then the bucket's version listing shows exactly what is
// gone and what must stay. The Akten to remove are closed backdated (an old paper-era Akte filed
// late), so their retention has run out before the first lock is set: even COMPLIANCE lets them go.
import { createDb, sql } from '@eakte/db';
import { createObjectStore } from '@eakte/storage';
import { authHeader, TEST_BEHOERDENKENNUNG, testEnv, testMandant } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import * as Minio from 'minio';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { x0506 } from '../../services/aussonderung/test/antworten.js';
import { alleDienste, schliesseDienste } from '../test/dienste.js';

type Eintrag = { name?: string; versionId?: string; isDeleteMarker?: boolean };
const warte = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rohClient(): Minio.Client {
  const env = testEnv();
  const url = new URL(env.S3_ENDPOINT!);
  return new Minio.Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: url.protocol === 'https:',
    accessKey: env.S3_ACCESS_KEY!,
    secretKey: env.S3_SECRET_KEY!,
    region: env.S3_REGION ?? 'us-east-1',
    pathStyle: true,
  });
}

async function bis<T>(was: string, f: () => Promise<T>, ok: (x: T) => boolean, ms = 60_000): Promise<T> {
  const ende = Date.now() + ms;
  for (;;) {
    const x = await f();
    if (ok(x)) return x;
    if (Date.now() > ende) throw new Error(`${was}: ${JSON.stringify(x)}`);
    await warte(300);
  }
}

async function multipart(felder: Record<string, string>, datei: { name: string; inhalt: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(felder)) form.set(k, v);
  form.set('datei', new Blob([datei.inhalt]), datei.name);
  const req = new Request('http://x', { method: 'POST', body: form });
  return { 'content-type': req.headers.get('content-type')!, payload: Buffer.from(await req.arrayBuffer()) };
}

describe.each(['governance', 'compliance'] as const)('the Aussonderung on a bucket with object lock %s, through the API', (modus) => {
  const MODE = modus === 'compliance' ? 'COMPLIANCE' : 'GOVERNANCE';
  const client = rohClient();
  const bucket = `aussonderung-${modus}-${randomBytes(4).toString('hex')}`;
  let apps: Record<string, FastifyInstance> = {};

  beforeAll(async () => {
    const env = testEnv();
    // created with object lock (and so versioning) once, before the services start
    await createObjectStore({
      endpoint: env.S3_ENDPOINT!,
      accessKey: env.S3_ACCESS_KEY!,
      secretKey: env.S3_SECRET_KEY!,
      region: env.S3_REGION ?? 'us-east-1',
      bucket,
      pathStyle: true,
      objectLock: modus,
    }).ensureBucket();
    apps = await alleDienste({ S3_BUCKET: bucket, S3_OBJECT_LOCK: modus, AUSSONDERUNG_ARBEITER_INTERVALL_SEKUNDEN: '1', DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '1' });
  });
  afterAll(() => schliesseDienste(apps));

  async function versionen(prefix: string): Promise<Eintrag[]> {
    const out: Eintrag[] = [];
    for await (const item of client.listObjects(bucket, prefix, true, { IncludeVersion: true } as never) as AsyncIterable<Eintrag>) if (item.name) out.push(item);
    return out;
  }
  async function sperreVon(k: string, versionId: string) {
    const r = (await client.getObjectRetention(bucket, k, { versionId }).catch(() => null)) as { mode?: string; retainUntilDate?: string } | null;
    // RGW answers a version that never had a legal hold with ObjectLockConfigurationNotFoundError
    const h = ((await client.getObjectLegalHold(bucket, k, { versionId }).catch(() => ({ Status: 'OFF' }))) as unknown as { Status: string }).Status;
    return { modus: r?.mode ?? null, bis: r?.retainUntilDate ? new Date(r.retainUntilDate).toISOString().slice(0, 10) : null, hold: h };
  }

  it('removes exactly the archived and the destroyed Akten; the Akte under a Löschsperre and those still retained by the storage keep every version, locked', { timeout: 180_000 }, async () => {
    const m = await testMandant(`sperre-${modus}`, { behoerdenkennung: TEST_BEHOERDENKENNUNG });
    const reg = await authHeader({ tenant: m.slug, roles: ['registratur'], sub: 'anna' });
    const bernd = await authHeader({ tenant: m.slug, roles: ['registratur'], sub: 'bernd' });
    const { akten, dokumente, aussonderung: aus } = apps as Record<string, FastifyInstance>;
    const einheit = async (kennzeichen: string, art: 'A' | 'V') => {
      const e = await akten!.inject({
        method: 'POST',
        url: '/api/v1/aktenplan/einheiten',
        headers: reg,
        payload: { kennzeichen, titel: `Ablage ${art}`, aufbewahrungsfrist: 1, aussonderungsart: art },
      });
      expect(e.statusCode, e.body).toBe(201);
      return e.json().id as string;
    };
    const einheitA = await einheit('S1', 'A');
    const einheitV = await einheit('S2', 'V');
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      /** An Akte with one Dokument of two versions, closed on `zda` (backdated: its Laufzeit is moved back first). */
      async function akte(name: string, einheitId: string, zda: string | null) {
        const a = (await akten!.inject({ method: 'POST', url: '/api/v1/akten', headers: reg, payload: { aktenplaneinheitId: einheitId, betreff: name } })).json();
        const vg = (await akten!.inject({ method: 'POST', url: `/api/v1/akten/${a.id}/vorgaenge`, headers: reg, payload: { betreff: 'Vorgang' } })).json();
        const erste = await multipart({ betreff: name, datumDesSchreibens: '2019-05-02' }, { name: 'a.txt', inhalt: `${name} Fassung 1` });
        const dok = await dokumente!.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vg.id}/dokumente`, headers: { ...reg, 'content-type': erste['content-type'] }, payload: erste.payload });
        expect(dok.statusCode, dok.body).toBe(201);
        const zweite = await multipart({}, { name: 'a.txt', inhalt: `${name} Fassung 2` });
        const v = await dokumente!.inject({
          method: 'POST',
          url: `/api/v1/dokumente/${dok.json().id}/versionen`,
          headers: { ...reg, 'content-type': zweite['content-type'] },
          payload: zweite.payload,
        });
        expect(v.statusCode, v.body).toBe(201);
        if (zda) {
          await db.withMandant(m.id, (tx) => tx.execute(sql`UPDATE akten.akte SET laufzeit_beginn = '2019-01-01' WHERE id = ${a.id}`));
          await db.withMandant(m.id, (tx) => tx.execute(sql`UPDATE akten.vorgang SET laufzeit_beginn = '2019-01-01' WHERE id = ${vg.id}`));
        }
        expect((await akten!.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vg.id}/zda`, headers: reg, payload: zda ? { datum: zda } : {} })).statusCode).toBe(200);
        const z = await akten!.inject({ method: 'POST', url: `/api/v1/akten/${a.id}/zda`, headers: reg, payload: zda ? { datum: zda } : {} });
        expect(z.statusCode, z.body).toBe(200);
        const r = await db.withMandant(m.id, (tx) =>
          tx.execute<{ s: string }>(
            sql`SELECT v.speicherschluessel AS s FROM dokumente.dokument_version v JOIN dokumente.dokument d ON d.id = v.dokument_id WHERE d.vorgang_id = ${vg.id} ORDER BY v.nr`,
          ),
        );
        return { id: a.id as string, aufbewahrungBis: z.json().aufbewahrungBis as string, schluessel: r.rows.map((x) => x.s) };
      }
      const archiv = await akte('Archivwürdig', einheitA, '2020-03-31');
      const vernichten = await akte('Zu vernichten', einheitV, '2020-03-31');
      const gesperrt = await akte('Unter Löschsperre', einheitV, '2020-03-31');
      const laufend = await akte('Frist läuft', einheitV, null);
      // closed today and locked until its retention ends; then the application's date is moved back
      const verkuerzt = await akte('Frist verkürzt', einheitV, null);
      expect(archiv.aufbewahrungBis < new Date().toISOString().slice(0, 10)).toBe(true);
      expect(laufend.aufbewahrungBis > new Date().toISOString().slice(0, 10)).toBe(true);
      const hold = await aus!.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Verfahren VG Weimar', grund: 'Klage', akten: [gesperrt.id] } });
      expect(hold.statusCode, hold.body).toBe(201);

      // every object version carries the lock its Akte asks for, as the server reports it
      const alle = [archiv, vernichten, gesperrt, laufend, verkuerzt];
      const stand = async () => {
        const aus: Record<string, { modus: string | null; bis: string | null; hold: string }[]> = {};
        for (const a of alle) {
          aus[a.id] = [];
          for (const v of await versionen(`${m.id}/`)) if (a.schluessel.includes(v.name!) && !v.isDeleteMarker) aus[a.id]!.push(await sperreVon(v.name!, v.versionId!));
        }
        return aus;
      };
      const frei = { modus: null, bis: null, hold: 'OFF' };
      const erwartet = {
        // retention run out: no retain-until date left to set, the hold of the open Akte released
        [archiv.id]: [frei, frei],
        [vernichten.id]: [frei, frei],
        [gesperrt.id]: [
          { modus: null, bis: null, hold: 'ON' },
          { modus: null, bis: null, hold: 'ON' },
        ],
        [laufend.id]: [
          { modus: MODE, bis: laufend.aufbewahrungBis, hold: 'OFF' },
          { modus: MODE, bis: laufend.aufbewahrungBis, hold: 'OFF' },
        ],
        [verkuerzt.id]: [
          { modus: MODE, bis: verkuerzt.aufbewahrungBis, hold: 'OFF' },
          { modus: MODE, bis: verkuerzt.aufbewahrungBis, hold: 'OFF' },
        ],
      };
      await bis('locks after z.d.A.', stand, (s) => JSON.stringify(s) === JSON.stringify(erwartet));

      // a retention shortened in the application after the lock was set (a Frist corrected): the
      // Akte is due now, the storage keeps the longer lock (a retain-until date is never shortened)
      await db.withMandant(m.id, (tx) => tx.execute(sql`UPDATE akten.akte SET aufbewahrung_bis = '2025-12-31', aussonderung_faellig_ab = '2026-01-01' WHERE id = ${verkuerzt.id}`));

      // offer → appraisal (A and V) → transfer 0503 → 0506 → destruction by two Registratur users
      const angebot = await aus!.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [archiv.id, vernichten.id, verkuerzt.id] } });
      expect(angebot.statusCode, angebot.body).toBe(201);
      const id: string = angebot.json().id;
      expect((await aus!.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg })).statusCode).toBe(200);
      const bew = await aus!.inject({
        method: 'POST',
        url: `/api/v1/aussonderungen/${id}/bewertung`,
        headers: reg,
        payload: { bewertungen: { [archiv.id]: 'A', [vernichten.id]: 'V', [verkuerzt.id]: 'V' }, zeichen: 'LATh 7511/2026', datum: '2026-03-01', archivar: 'Dr. Erika Mustermann' },
      });
      expect(bew.statusCode, bew.body).toBe(200);
      const abgabe = await aus!.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg });
      expect(abgabe.statusCode, abgabe.body.slice(0, 300)).toBe(200);
      const imp = await aus!.inject({
        method: 'POST',
        url: `/api/v1/aussonderungen/${id}/importbestaetigung`,
        headers: { ...reg, 'content-type': 'application/xml' },
        payload: x0506(id, [[archiv.id, true, 'DIMAG-4711']]),
      });
      expect(imp.statusCode, imp.body).toBe(200);
      const antrag = await aus!.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: reg });
      expect(antrag.statusCode, antrag.body).toBe(200);
      const freigabe = await aus!.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd });
      expect(freigabe.statusCode, freigabe.body).toBe(200);
      const fertig = await bis(
        'Aussonderung done',
        async () => (await aus!.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json(),
        (a: { objekte: { akteId: string; loeschung: string | null; loeschVersuche: number }[] }) =>
          a.objekte.every((o) => (o.akteId === verkuerzt.id ? o.loeschVersuche >= 1 : o.loeschung === 'erledigt')),
      );
      // destruction before the lock's expiry: refused by the storage, recorded, kept for another try;
      // the Akte stays appraised (not destroyed) while its content is there
      expect(fertig.objekte).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ akteId: verkuerzt.id, status: 'bewertet', loeschung: 'ausstehend', inhaltGeloeschtAm: null, loeschFehler: expect.stringContaining('AccessDenied') }),
        ]),
      );

      // the bucket's version listing: nothing of the two removed Akten, every version of the others
      const danach = await versionen(`${m.id}/`);
      const von = (a: { schluessel: string[] }) => danach.filter((v) => a.schluessel.includes(v.name!));
      expect(von(archiv)).toEqual([]);
      expect(von(vernichten)).toEqual([]);
      expect(von(gesperrt).map((v) => v.isDeleteMarker ?? false)).toEqual([false, false]);
      expect(von(laufend).map((v) => v.isDeleteMarker ?? false)).toEqual([false, false]);
      expect(von(verkuerzt).map((v) => v.isDeleteMarker ?? false)).toEqual([false, false]);
      const { [archiv.id]: _a, [vernichten.id]: _v, ...rest } = erwartet;
      const bleibt = await stand();
      expect({ [gesperrt.id]: bleibt[gesperrt.id], [laufend.id]: bleibt[laufend.id], [verkuerzt.id]: bleibt[verkuerzt.id] }).toEqual(rest);
      // and the storage client cannot delete what must stay
      for (const v of [...von(gesperrt), ...von(laufend), ...von(verkuerzt)]) {
        await expect(client.removeObject(bucket, v.name!, { versionId: v.versionId! })).rejects.toMatchObject({ code: 'AccessDenied' });
      }
    } finally {
      await db.close();
    }
  });
});
