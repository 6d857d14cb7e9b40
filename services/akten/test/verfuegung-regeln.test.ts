// Rules of a Verfügung beyond its Laufweg: a Mitzeichnung given on an older version of a pinned
// Dokument (`aufVorversion`) and what the Schlusszeichnung then needs, the Schlussverfügungen
// "zum Vorgang" and "weglegen", and the Idempotency-Key of its creation.
import { createDb, schema, sql } from '@eakte/db';
import { pgFehler } from '@eakte/platform';
import { expectContract, expectProblem } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, inject, it } from 'vitest';
import { auth, baue, eindeutig, neueAkte, neueEinheit } from './hilfen.js';

const T = 'demo';

type Schritt = { id: string; position: number; zustand: string; aktion: string; bearbeiter: { sub?: string }; aufVorversion: boolean; vorversionGrund: string | null };

async function offenerVorgang(app: FastifyInstance, sub: string) {
  const e = await neueEinheit(app);
  const akte = (await neueAkte(app, e.id, {}, { sub })).json();
  const v = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: await auth(T, 'sachbearbeitung', sub), payload: { betreff: 'Bebauungsplan Nord' } });
  expect(v.statusCode, v.body).toBe(201);
  return v.json() as { id: string; akteId: string };
}

const personen = () => {
  const n = eindeutig().toLowerCase();
  return { verfasser: `verf-${n}`, mz1: `mz1-${n}`, mz2: `mz2-${n}`, chef: `chef-${n}` };
};

const h = (sub: string) => auth(T, 'sachbearbeitung', sub);

/** A Dokument of the Vorgang with one version, written as the Dokumente service writes it. */
async function dokument(vorgangId: string) {
  const db = createDb(inject('ownerUrl'), { max: 1 });
  const mandant = inject('demo').demo!;
  const id = uuidv7();
  try {
    await db.withMandant(mandant, async (tx) => {
      await tx.insert(schema.dokument).values({ id, mandantId: mandant, vorgangId, betreff: 'Entwurf', datumDesSchreibens: '2026-03-02', erstelltVon: 'demo-sachbearbeitung' });
      await tx.execute(sql`INSERT INTO dokumente.dokument_version (mandant_id, dokument_id, nr, speicherschluessel, groesse, sha256, mime_type, dateiname, erstellt_von)
        VALUES (${mandant}, ${id}, 1, ${`${mandant}/${uuidv7()}`}, 1, ${'a'.repeat(64)}, 'text/plain', 'entwurf.txt', 'demo-sachbearbeitung')`);
    });
  } finally {
    await db.close();
  }
  return id;
}

/** A new version of the Dokument, as the Dokumente service files it (it never writes Akten's tables). */
async function neueVersion(dokumentId: string) {
  const db = createDb(inject('ownerUrl'), { max: 1 });
  const mandant = inject('demo').demo!;
  try {
    await db.withMandant(mandant, async (tx) => {
      await tx.execute(sql`INSERT INTO dokumente.dokument_version (mandant_id, dokument_id, nr, speicherschluessel, groesse, sha256, mime_type, dateiname, erstellt_von)
        SELECT mandant_id, id, aktuelle_version + 1, ${`${mandant}/${uuidv7()}`}, 2, ${'b'.repeat(64)}, 'text/plain', 'entwurf.txt', 'demo-sachbearbeitung'
          FROM dokumente.dokument WHERE id = ${dokumentId}`);
      await tx.execute(sql`UPDATE dokumente.dokument SET aktuelle_version = aktuelle_version + 1 WHERE id = ${dokumentId}`);
    });
  } finally {
    await db.close();
  }
}

const abschliessen = async (app: FastifyInstance, schrittId: string, sub: string, body: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: `/api/v1/schritte/${schrittId}/abschliessen`, headers: await h(sub), payload: body });

const lies = async (app: FastifyInstance, id: string, sub: string) => (await app.inject({ method: 'GET', url: `/api/v1/verfuegungen/${id}`, headers: await h(sub) })).json();

/** A Verfügung pinned to version 1 of a Dokument: Mitzeichnungen by mz1 and mz2 (parallel), the Zeichnung by the chief; both co-signed. */
async function mitgezeichnet() {
  const { app, ereignisse } = await baue();
  const p = personen();
  const vorgang = await offenerVorgang(app, p.verfasser);
  const dokumentId = await dokument(vorgang.id);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/vorgaenge/${vorgang.id}/verfuegungen`,
    headers: await h(p.verfasser),
    payload: {
      betreff: 'Stellungnahme',
      dokumente: [{ dokumentId, version: 1 }],
      laufweg: [
        { bearbeiter: { sub: p.mz1 }, aktion: 'mitzeichnung', parallelGruppe: 1 },
        { bearbeiter: { sub: p.mz2 }, aktion: 'mitzeichnung', parallelGruppe: 1 },
        { bearbeiter: { sub: p.chef }, aktion: 'zeichnung' },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const v = res.json();
  const [m1, m2, z] = v.laufweg as Schritt[];
  expect((await abschliessen(app, m1!.id, p.mz1, { votum: 'einverstanden' })).statusCode).toBe(200);
  const nach = await abschliessen(app, m2!.id, p.mz2, { votum: 'einverstanden_mit_aenderungen', kommentar: 'Absatz 2 kürzen' });
  expect(nach.statusCode, nach.body).toBe(200);
  expect((nach.json().laufweg as Schritt[]).map((s) => s.aufVorversion)).toEqual([false, false, false]);
  return { app, ereignisse, p, vorgang, dokumentId, v, z: z! };
}

describe('Mitzeichnung auf Vorversion', () => {
  it('shows a Mitzeichnung given before a new version of a pinned Dokument as aufVorversion; the Zeichnung then waits for the co-signers again', async () => {
    const { app, ereignisse, p, dokumentId, v, z } = await mitgezeichnet();
    await neueVersion(dokumentId);
    const gelesen = await lies(app, v.id, p.chef);
    expect((gelesen.laufweg as Schritt[]).map((s) => [s.aktion, s.aufVorversion])).toEqual([
      ['mitzeichnung', true],
      ['mitzeichnung', true],
      ['zeichnung', false],
    ]);

    // the Schlusszeichnung neither passes over it silently nor half-writes
    const still = await abschliessen(app, z.id, p.chef, { schlussverfuegung: { art: 'zdA' } });
    expectProblem(still, 409, 'MITZEICHNUNG_AUF_VORVERSION');
    expect((await lies(app, v.id, p.chef)).version).toBe(gelesen.version);

    const erneut = await abschliessen(app, z.id, p.chef, { vorversion: 'erneut_mitzeichnen' });
    expect(erneut.statusCode, erneut.body).toBe(200);
    expectContract(erneut, 'abschliessenSchritt');
    const e = erneut.json();
    // the Verfügung is pinned to the current version now; the co-signers are current again, the Zeichnung follows them
    expect(e).toMatchObject({ status: 'laufend', aktuellePosition: 3, dokumente: [{ dokumentId, version: 2 }] });
    expect((e.laufweg as Schritt[]).map((s) => [s.position, s.aktion, s.bearbeiter.sub, s.zustand, s.aufVorversion])).toEqual([
      [1, 'mitzeichnung', p.mz1, 'erledigt', true],
      [1, 'mitzeichnung', p.mz2, 'erledigt', true],
      [2, 'zeichnung', p.chef, 'uebersprungen', false],
      [3, 'mitzeichnung', p.mz1, 'aktuell', false],
      [3, 'mitzeichnung', p.mz2, 'aktuell', false],
      [4, 'zeichnung', p.chef, 'geplant', false],
    ]);
    expect(ereignisse.at(-1)).toMatchObject({
      aktion: 'verfuegung.mitzeichnung_erneut',
      objektId: v.id,
      aenderungen: expect.arrayContaining([
        { feld: 'dokumente', alt: [{ dokumentId, version: 1 }], neu: [{ dokumentId, version: 2 }] },
        { feld: 'aktuellePosition', alt: 2, neu: 3 },
      ]),
    });

    const [, , , n1, n2, z2] = e.laufweg as Schritt[];
    expect((await abschliessen(app, n1!.id, p.mz1, { votum: 'einverstanden' })).statusCode).toBe(200);
    expect((await abschliessen(app, n2!.id, p.mz2, { votum: 'einverstanden' })).statusCode).toBe(200);
    const fertig = await abschliessen(app, z2!.id, p.chef, { schlussverfuegung: { art: 'zdA' } });
    expect(fertig.statusCode, fertig.body).toBe(200);
    expect(fertig.json()).toMatchObject({ status: 'abgeschlossen', schlussverfuegung: { art: 'zdA' } });
  });

  it('lets the signer pass over it only with a reason, which stays on the step and in the audit', async () => {
    const { app, ereignisse, p, dokumentId, v, z } = await mitgezeichnet();
    await neueVersion(dokumentId);
    const ohne = await abschliessen(app, z.id, p.chef, { vorversion: 'uebergehen' });
    expectProblem(ohne, 422, 'GRUND_ERFORDERLICH');
    expect(ohne.json().fehler).toEqual([expect.objectContaining({ feld: '/grund' })]);
    expectProblem(await abschliessen(app, z.id, p.chef, { vorversion: 'uebergehen', grund: '   ' }), 422, 'GRUND_ERFORDERLICH');
    // a reason above the contract's 1,000 characters is refused before the step is looked at
    expectProblem(await abschliessen(app, z.id, p.chef, { vorversion: 'uebergehen', grund: 'x'.repeat(1001), schlussverfuegung: { art: 'weglegen' } }), 400, 'VALIDIERUNGSFEHLER');

    const grund = 'Version 2 korrigiert nur einen Tippfehler';
    const res = await abschliessen(app, z.id, p.chef, { vorversion: 'uebergehen', grund, schlussverfuegung: { art: 'weglegen' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'abgeschlossen', dokumente: [{ dokumentId, version: 1 }] });
    expect((res.json().laufweg as Schritt[])[2]).toMatchObject({ zustand: 'erledigt', vorversionGrund: grund });
    expect(ereignisse.at(-1)).toMatchObject({
      aktion: 'verfuegung.abgeschlossen',
      aenderungen: expect.arrayContaining([{ feld: `schritt[${z.id}].vorversionGrund`, alt: null, neu: grund }]),
      details: expect.objectContaining({ vorversion: { uebergangen: [v.laufweg[0].id, v.laufweg[1].id], grund } }),
    });
  });

  it('refuses a choice where no Mitzeichnung is on an older version', async () => {
    const { app, p, z } = await mitgezeichnet();
    expectProblem(await abschliessen(app, z.id, p.chef, { vorversion: 'erneut_mitzeichnen' }), 422, 'NICHT_VERARBEITBAR');
    const res = await abschliessen(app, z.id, p.chef, {});
    expect(res.statusCode, res.body).toBe(200);
  });

  it('holds the rule in the database: a Zeichnung over a Mitzeichnung on an older version needs its reason', async () => {
    const { dokumentId, z } = await mitgezeichnet();
    await neueVersion(dokumentId);
    const db = createDb(inject('ownerUrl'), { max: 1 });
    const mandant = inject('demo').demo!;
    try {
      const fehler = await db
        .withMandant(mandant, (tx) => tx.execute(sql`UPDATE akten.verfuegung_schritt SET zustand = 'erledigt', erledigt_von = 'x', erledigt_am = now() WHERE id = ${z.id}`))
        .then(
          () => null,
          (err: unknown) => pgFehler(err),
        );
      expect({ code: fehler?.code, constraint: fehler?.constraint }).toEqual({ code: '23514', constraint: 'verfuegung_vorversion' });
    } finally {
      await db.close();
    }
  });
});

describe('Entwurf unter den Dokumenten einer Verfügung', () => {
  it('marks at most one pinned Dokument as the Entwurf; a second one is refused and nothing written', async () => {
    const { app, ereignisse } = await baue();
    const p = personen();
    const vorgang = await offenerVorgang(app, p.verfasser);
    const [entwurf, anlage] = [await dokument(vorgang.id), await dokument(vorgang.id)];
    const zwei = await app.inject({
      method: 'POST',
      url: `/api/v1/vorgaenge/${vorgang.id}/verfuegungen`,
      headers: await h(p.verfasser),
      payload: {
        betreff: 'Zwei Entwürfe',
        dokumente: [
          { dokumentId: entwurf, version: 1, entwurf: true },
          { dokumentId: anlage, version: 1, entwurf: true },
        ],
        laufweg: [{ bearbeiter: { sub: p.chef }, aktion: 'zeichnung' }],
      },
    });
    expectProblem(zwei, 422, 'NICHT_VERARBEITBAR');
    const liste = await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${vorgang.id}/verfuegungen`, headers: await h(p.verfasser) });
    expect(liste.json().items).toEqual([]);

    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/vorgaenge/${vorgang.id}/verfuegungen`,
      headers: await h(p.verfasser),
      payload: {
        betreff: 'Bescheid an den Antragsteller',
        dokumente: [
          { dokumentId: entwurf, version: 1, entwurf: true },
          { dokumentId: anlage, version: 1 },
        ],
        laufweg: [{ bearbeiter: { sub: p.chef }, aktion: 'zeichnung' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createVerfuegung');
    const erwartet = [
      { dokumentId: entwurf, version: 1, entwurf: true },
      { dokumentId: anlage, version: 1, entwurf: false },
    ].sort((a, b) => a.dokumentId.localeCompare(b.dokumentId));
    expect(res.json().dokumente).toEqual(erwartet);
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'verfuegung.erstellt', details: { dokumente: expect.arrayContaining([{ dokumentId: entwurf, version: 1, entwurf: true }]) } });
    const gelesen = await app.inject({ method: 'GET', url: `/api/v1/verfuegungen/${res.json().id}`, headers: await h(p.chef) });
    expectContract(gelesen, 'getVerfuegung');
    expect(gelesen.json().dokumente).toEqual(erwartet);

    // the database holds it too: a second Entwurf of one Verfügung cannot be written
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      await expect(
        db.withMandant(inject('demo').demo!, (tx) => tx.execute(sql`UPDATE akten.verfuegung_dokument SET entwurf = true WHERE verfuegung_id = ${res.json().id} AND dokument_id = ${anlage}`)),
      ).rejects.toSatisfy((e: unknown) => pgFehler(e)?.constraint === 'verfuegung_dokument_entwurf_uq');
    } finally {
      await db.close();
    }
  });
});

describe('Schlussverfügungen zum Vorgang und weglegen', () => {
  for (const art of ['zum_vorgang', 'weglegen'] as const) {
    it(`${art}: ends the Verfügung, the Vorgang stays open and unchanged, recorded`, async () => {
      const { app, ereignisse } = await baue();
      const p = personen();
      const vorgang = await offenerVorgang(app, p.verfasser);
      const v = (
        await app.inject({
          method: 'POST',
          url: `/api/v1/vorgaenge/${vorgang.id}/verfuegungen`,
          headers: await h(p.verfasser),
          payload: { betreff: 'Kenntnis', laufweg: [{ bearbeiter: { sub: p.chef }, aktion: 'zeichnung' }] },
        })
      ).json();
      expectProblem(await abschliessen(app, v.laufweg[0].id, p.chef, { schlussverfuegung: { art, datum: '2031-01-01' } }), 422, 'SCHLUSSVERFUEGUNG_UNZULAESSIG');
      const res = await abschliessen(app, v.laufweg[0].id, p.chef, { schlussverfuegung: { art } });
      expect(res.statusCode, res.body).toBe(200);
      expectContract(res, 'abschliessenSchritt');
      expect(res.json()).toMatchObject({ status: 'abgeschlossen', schlussverfuegung: { art } });
      expect(ereignisse.at(-1)).toMatchObject({
        aktion: 'verfuegung.abgeschlossen',
        aenderungen: expect.arrayContaining([{ feld: 'schlussverfuegung', alt: null, neu: { art } }]),
      });
      const vg = (await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${vorgang.id}`, headers: await h(p.verfasser) })).json();
      expect(vg).toMatchObject({ status: 'offen', wiedervorlage: null });
    });
  }
});

describe('Idempotency-Key beim Erstellen einer Verfügung', () => {
  it('answers a retry with the same key and body with the first Verfügung and creates nothing; another body under the key is a 409', async () => {
    const { app, ereignisse } = await baue();
    const p = personen();
    const vorgang = await offenerVorgang(app, p.verfasser);
    const schluessel = `verf-${eindeutig()}`;
    const body = { betreff: 'Stellungnahme', laufweg: [{ bearbeiter: { sub: p.chef }, aktion: 'zeichnung' }] };
    const post = async (payload: Record<string, unknown>, key = schluessel, vorgangId = vorgang.id) =>
      app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgangId}/verfuegungen`, headers: { ...(await h(p.verfasser)), 'idempotency-key': key }, payload });
    const erst = await post(body);
    expect(erst.statusCode, erst.body).toBe(201);
    const anzahl = ereignisse.filter((e) => e.aktion === 'verfuegung.erstellt').length;
    const wieder = await post(body);
    expect(wieder.statusCode, wieder.body).toBe(201);
    expectContract(wieder, 'createVerfuegung');
    expect(wieder.json()).toEqual(erst.json());
    expect(wieder.headers.location).toBe(erst.headers.location);
    expect(ereignisse.filter((e) => e.aktion === 'verfuegung.erstellt').length).toBe(anzahl);

    expectProblem(await post({ ...body, betreff: 'Etwas anderes' }), 409, 'IDEMPOTENZ_SCHLUESSEL_WIEDERVERWENDET');
    const anderer = await offenerVorgang(app, p.verfasser);
    expectProblem(await post(body, schluessel, anderer.id), 409, 'IDEMPOTENZ_SCHLUESSEL_WIEDERVERWENDET');
    // another key is another Verfügung
    const neu = await post(body, `${schluessel}-2`);
    expect(neu.statusCode).toBe(201);
    expect(neu.json().id).not.toBe(erst.json().id);
  });

  it('creates one Verfügung when requests with the same key race', async () => {
    const { app, ereignisse } = await baue();
    const p = personen();
    const vorgang = await offenerVorgang(app, p.verfasser);
    const headers = { ...(await h(p.verfasser)), 'idempotency-key': `gleichzeitig-${eindeutig()}` };
    const payload = { betreff: 'Stellungnahme', laufweg: [{ bearbeiter: { sub: p.chef }, aktion: 'zeichnung' }] };
    const vorher = ereignisse.filter((e) => e.aktion === 'verfuegung.erstellt').length;
    const antworten = await Promise.all(Array.from({ length: 4 }, () => app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgang.id}/verfuegungen`, headers, payload })));
    expect(antworten.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(antworten.map((r) => r.json().id)).size).toBe(1);
    expect(ereignisse.filter((e) => e.aktion === 'verfuegung.erstellt').length).toBe(vorher + 1);
  });
});
