// Only for real S3 servers with versioning (Swift, MinIO): run by `pnpm test:storage`.
// Destruction and the removal after an archive's import confirmation (0506), end to end through
// the API on a bucket with versioning on: afterwards no object version and no delete marker of
// the Dokumente is left in the bucket.
import { createDb, sql } from '@eakte/db';
import { authHeader, expectContract, TEST_BEHOERDENKENNUNG, testMandant } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { versionierterBucket } from '../../packages/storage/test-echt/versionierter-bucket.js';
import { x0506 } from '../../services/aussonderung/test/antworten.js';
import { alleDienste, schliesseDienste } from '../test/dienste.js';

let s3: Awaited<ReturnType<typeof versionierterBucket>>;
let apps: Record<string, FastifyInstance> = {};

beforeAll(async () => {
  s3 = await versionierterBucket('vernichtung');
  // every service on the versioned bucket; each asks for the versioning state once, at start
  // the Aussonderung's content removal runs as jobs: its worker looks every second here
  apps = await alleDienste({ S3_BUCKET: s3.bucket, AUSSONDERUNG_ARBEITER_INTERVALL_SEKUNDEN: '1' });
});
afterAll(() => schliesseDienste(apps));

/** Waits until the Aussonderung's jobs have done their work (the service's own worker runs them). */
async function bisErledigt(id: string, reg: Record<string, string>, fertig: (a: { status: string; objekte: { status: string; loeschung: string | null }[] }) => boolean) {
  const bis = Date.now() + 60_000;
  for (;;) {
    const a = (await apps.aussonderung!.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json();
    if (fertig(a)) return a;
    if (Date.now() > bis) throw new Error(`Aussonderung nicht fertig: ${JSON.stringify(a)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every object version and delete marker under `prefix`, straight from the server. */
const alleVersionen = (prefix: string) => s3.versionen(prefix);

async function multipart(felder: Record<string, string>, datei: { name: string; inhalt: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(felder)) form.set(k, v);
  form.set('datei', new Blob([datei.inhalt]), datei.name);
  const req = new Request('http://x', { method: 'POST', body: form });
  return { 'content-type': req.headers.get('content-type')!, payload: Buffer.from(await req.arrayBuffer()) };
}

/**
 * A closed Akte with one Vorgang and a Dokument of three versions (upload + two new versions),
 * filed through the APIs; then its retention is moved into the past (a test cannot wait ten years).
 */
async function akteMitDokument(art: 'A' | 'V') {
  // the 0503 names the agency: without a Behördenkennung the messages are refused
  const m = await testMandant('vers', { behoerdenkennung: TEST_BEHOERDENKENNUNG });
  const reg = await authHeader({ tenant: m.slug, roles: ['registratur'], sub: 'anna' });
  const akten = apps.akten!;
  const dokumente = apps.dokumente!;
  const einheit = await akten.inject({
    method: 'POST',
    url: '/api/v1/aktenplan/einheiten',
    headers: reg,
    payload: { kennzeichen: 'V1', titel: 'Versionierte Ablage', aufbewahrungsfrist: 1, aussonderungsart: art },
  });
  expect(einheit.statusCode, einheit.body).toBe(201);
  const akte = (await akten.inject({ method: 'POST', url: '/api/v1/akten', headers: reg, payload: { aktenplaneinheitId: einheit.json().id, betreff: 'Grunderwerb Flurstück 12/3' } })).json();
  const vorgang = (await akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg, payload: { betreff: 'Kaufvertrag' } })).json();

  const erste = await multipart({ betreff: 'Kaufvertrag', datumDesSchreibens: '2026-11-02' }, { name: 'vertrag.txt', inhalt: 'Entwurf 1' });
  const dok = await dokumente.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgang.id}/dokumente`, headers: { ...reg, 'content-type': erste['content-type'] }, payload: erste.payload });
  expect(dok.statusCode, dok.body).toBe(201);
  const dokumentId: string = dok.json().id;
  for (const inhalt of ['Entwurf 2 mit Änderungen', 'Unterschriebene Fassung']) {
    const v = await multipart({}, { name: 'vertrag.txt', inhalt });
    const res = await dokumente.inject({ method: 'POST', url: `/api/v1/dokumente/${dokumentId}/versionen`, headers: { ...reg, 'content-type': v['content-type'] }, payload: v.payload });
    expect(res.statusCode, res.body).toBe(201);
  }

  expect((await akten.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgang.id}/zda`, headers: reg })).statusCode).toBe(200);
  expect((await akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: {} })).statusCode).toBe(200);

  const db = createDb(inject('ownerUrl'), { max: 1 });
  let schluessel: string[];
  try {
    await db.withMandant(m.id, (tx) => tx.execute(sql`UPDATE akten.akte SET aufbewahrung_bis = '2025-12-31', aussonderung_faellig_ab = '2026-01-01' WHERE id = ${akte.id}`));
    const r = await db.withMandant(m.id, (tx) => tx.execute<{ s: string }>(sql`SELECT speicherschluessel AS s FROM dokumente.dokument_version WHERE dokument_id = ${dokumentId} ORDER BY nr`));
    schluessel = r.rows.map((x) => x.s);
  } finally {
    await db.close();
  }
  // our layout writes every version under a key of its own, so nothing is ever overwritten ...
  expect(new Set(schluessel).size).toBe(3);
  // ... but a bucket may still hold older versions of a key (a restore, a retried write by an
  // operator): one more version of the first key, and the current content again on top of it
  for (const fassung of ['ältere Fassung', 'Entwurf 1']) await s3.client.putObject(s3.bucket, schluessel[0]!, Buffer.from(fassung), Buffer.byteLength(fassung));
  const vorher = (await alleVersionen(`${m.id}/`)).filter((e) => schluessel.includes(e.name));
  expect(vorher).toHaveLength(5);
  return { m, reg, akteId: akte.id as string, dokumentId, schluessel };
}

describe('removal on a versioned bucket, through the API', { timeout: 120_000 }, () => {
  it('destruction (offer → appraisal V → request → approval by a second Registratur user) leaves no version of the Dokument', async () => {
    const { m, reg, akteId, dokumentId, schluessel } = await akteMitDokument('V');
    const aus = apps.aussonderung!;
    const bernd = await authHeader({ tenant: m.slug, roles: ['registratur'], sub: 'bernd' });
    const angebot = await aus.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [akteId] } });
    expect(angebot.statusCode, angebot.body).toBe(201);
    const id: string = angebot.json().id;
    expect((await aus.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg })).statusCode).toBe(200);
    const bew = await aus.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/bewertung`,
      headers: reg,
      payload: { bewertungen: { [akteId]: 'V' }, zeichen: 'LATh 7511/2026', datum: '2026-03-01', archivar: 'Dr. Erika Mustermann' },
    });
    expect(bew.statusCode, bew.body).toBe(200);
    const antrag = await aus.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: reg });
    expect(antrag.statusCode, antrag.body).toBe(200);
    // requested, not yet approved: every version still there
    expect((await alleVersionen(`${m.id}/`)).filter((e) => schluessel.includes(e.name))).toHaveLength(5);

    const frei = await aus.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd });
    expectContract(frei, 'postVernichtungFreigabe');
    expect(frei.statusCode, frei.body).toBe(200);
    const fertig = await bisErledigt(id, reg, (a) => a.status === 'abgeschlossen');
    expect(fertig).toMatchObject({ status: 'abgeschlossen', objekte: [{ akteId, status: 'vernichtet', loeschung: 'erledigt' }] });

    expect((await alleVersionen(`${m.id}/`)).filter((e) => schluessel.includes(e.name))).toEqual([]);
    const inhalt = await apps.dokumente!.inject({ method: 'GET', url: `/api/v1/dokumente/${dokumentId}/inhalt`, headers: reg });
    expect(inhalt.statusCode).toBe(410);
  });

  it('the removal after the archive confirmed the import (0506) leaves no version of the Dokument', async () => {
    const { m, reg, akteId, schluessel } = await akteMitDokument('A');
    const aus = apps.aussonderung!;
    const id: string = (await aus.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [akteId] } })).json().id;
    expect(
      (
        await aus.inject({
          method: 'POST',
          url: `/api/v1/aussonderungen/${id}/bewertung`,
          headers: reg,
          payload: { bewertungen: { [akteId]: 'A' }, zeichen: 'LATh 7511/2026', datum: '2026-03-01', archivar: 'Dr. Erika Mustermann' },
        })
      ).statusCode,
    ).toBe(200);
    const abgabe = await aus.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg });
    expect(abgabe.statusCode, abgabe.body.slice(0, 300)).toBe(200);
    // the package was read from the bucket: every version still there
    expect((await alleVersionen(`${m.id}/`)).filter((e) => schluessel.includes(e.name))).toHaveLength(5);

    const imp = await aus.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/importbestaetigung`,
      headers: { ...reg, 'content-type': 'application/xml' },
      payload: x0506(id, [[akteId, true, 'DIMAG-4711']]),
    });
    expect(imp.statusCode, imp.body).toBe(200);
    expect(imp.json().objekte).toEqual([expect.objectContaining({ akteId, status: 'archiviert', archivkennung: 'DIMAG-4711' })]);
    await bisErledigt(id, reg, (a) => a.objekte.every((o) => o.loeschung === 'erledigt'));

    expect((await alleVersionen(`${m.id}/`)).filter((e) => schluessel.includes(e.name))).toEqual([]);
  });
});
