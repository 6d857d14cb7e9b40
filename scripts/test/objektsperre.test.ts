// Object lock (S3_OBJECT_LOCK) wired end to end against the real database: z.d.A., a longer
// retention, a hold placed and released, and new versions queue lock work in their own
// transaction (a job on Dokumente's queue); the Dokumente task turns it into the right lock per object.
// No available server implements object lock (neither the emulator nor Swift; Docker/MinIO are not
// here), so ONLY in this test the services get a recording wrapper around the test store: it
// records `setzeSperre` instead of sending it. Everything else runs for real.
import aktenApp from '@eakte/akten';
import aussonderungApp from '@eakte/aussonderung';
import dokumenteApp, { dokumenteConfigSchema } from '@eakte/dokumente';
import { createAuftragslauf, mandantMarke, type Auftragslauf } from '@eakte/auftraege';
import { AUFGABE_OBJEKTSPERRE, objektsperre } from '@eakte/dokumente/objektsperre';
import { createDb, sql } from '@eakte/db';
import { createServer, loadConfig, serviceConfigSchema, storageSettings } from '@eakte/platform';
import { createObjectStore, type ObjectStore, type Sperre } from '@eakte/storage';
import { authHeader, testConfig, testMandant, testDatenbankUrl } from '@eakte/testing';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { afterAll, describe, expect, inject, it } from 'vitest';

type Aufzeichnung = { schluessel: string; sperre: Sperre };

/** The test store, except that locks are recorded (see the file comment). */
type Aufzeichnender = { store: ObjectStore; aufgezeichnet: Aufzeichnung[]; beiSperre?: () => Promise<void>; mandant?: string };

function aufzeichnenderSpeicher(): Aufzeichnender {
  const innen = createObjectStore(storageSettings(testConfig()));
  const r: Aufzeichnender = { store: undefined as never, aufgezeichnet: [] };
  r.store = {
    bucket: innen.bucket,
    versioniert: false,
    ensureBucket: () => innen.ensureBucket(),
    ping: () => innen.ping(),
    put: (k, b, s, t) => innen.put(k, b, s, t),
    get: (k, range) => innen.get(k, range),
    stat: (k) => innen.stat(k),
    remove: (k) => innen.remove(k),
    list: (p) => innen.list(p),
    async setzeSperre(schluessel, sperre) {
      // the queue is shared with other tests: only the test's tenant's objects count
      if (r.mandant && !schluessel.startsWith(`${r.mandant}/`)) return;
      await r.beiSperre?.();
      r.aufgezeichnet.push({ schluessel, sperre });
    },
  };
  return r;
}

const offen: FastifyInstance[] = [];
const laeufe: Auftragslauf[] = [];
// the worker's own connection as the application role (the services' decorations stay inside them)
const arbeiterDb = createDb(testDatenbankUrl('dokumente'), { max: 2 });
afterAll(async () => {
  for (const app of offen) await app.close();
  for (const l of laeufe) await l.stop();
  await arbeiterDb.close();
});

/** Works every due object-lock job now (Dokumente's task, with the recording store), as the service's runner would. */
function arbeiter(speicher: Aufzeichnender, app: FastifyInstance): () => Promise<void> {
  const lauf = createAuftragslauf({
    dienst: 'dokumente',
    datenbankUrl: testDatenbankUrl('dokumente'),
    log: app.log,
    aufgaben: { [AUFGABE_OBJEKTSPERRE]: objektsperre({ db: arbeiterDb, storage: speicher.store, modus: 'governance', log: app.log }) },
  });
  laeufe.push(lauf);
  return async () => {
    await lauf.einmal(speicher.mandant ? { nurMarke: mandantMarke(speicher.mandant) } : {});
  };
}

async function dienste(modus: 'off' | 'governance', store: ObjectStore) {
  // no job runner of its own: it would take other test files' jobs (and plan the shared periodic rounds)
  const env = {
    ...inject('env'),
    LOG_LEVEL: 'silent',
    S3_OBJECT_LOCK: modus,
    DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '0',
    DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: '0',
    DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN: '0',
    AUSSONDERUNG_ARBEITER_INTERVALL_SEKUNDEN: '0',
  };
  const baue = async (plugin: FastifyPluginAsync<never>, schema: Parameters<typeof loadConfig>[0]) => {
    const app = createServer({ logLevel: 'silent' });
    await app.register(plugin, { config: loadConfig(schema, env), storage: store } as never);
    await app.ready();
    offen.push(app);
    return app;
  };
  return {
    akten: await baue(aktenApp as never, serviceConfigSchema),
    dokumente: await baue(dokumenteApp as never, serviceConfigSchema.merge(dokumenteConfigSchema)),
    aussonderung: await baue(aussonderungApp as never, serviceConfigSchema),
  };
}

async function hochladen(app: FastifyInstance, url: string, headers: Record<string, string>, inhalt: string, felder: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(felder)) form.set(k, v);
  form.set('datei', new Blob([inhalt]), 'vermerk.txt');
  const req = new Request('http://x', { method: 'POST', body: form });
  const res = await app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': req.headers.get('content-type')! }, payload: Buffer.from(await req.arrayBuffer()) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** The waiting lock jobs of one Akte (their payloads; superuser connection: the queue is Dokumente's own). */
async function warteschlange(akteId: string): Promise<{ speicherschluessel: string | null; fehlversuche?: number; letzterFehler?: string; spaeter: boolean }[]> {
  const db = createDb(inject('superuserUrl'), { max: 1 });
  try {
    const r = await db.db.execute<{ payload: { speicherschluessel: string | null; fehlversuche?: number; letzterFehler?: string }; spaeter: boolean }>(
      sql`SELECT payload, run_at > now() AS spaeter FROM auftraege_dokumente._private_jobs WHERE key LIKE ${`objektsperre:%:${akteId}:%`} ORDER BY key`,
    );
    return r.rows.map((x) => ({
      speicherschluessel: x.payload.speicherschluessel,
      ...(x.payload.fehlversuche ? { fehlversuche: x.payload.fehlversuche, letzterFehler: x.payload.letzterFehler } : {}),
      spaeter: x.spaeter,
    }));
  } finally {
    await db.close();
  }
}

async function schluesselVon(mandantId: string, dokumentId: string): Promise<string[]> {
  const db = createDb(inject('ownerUrl'), { max: 1 });
  try {
    const r = await db.withMandant(mandantId, (tx) => tx.execute<{ s: string }>(sql`SELECT speicherschluessel AS s FROM dokumente.dokument_version WHERE dokument_id = ${dokumentId} ORDER BY nr`));
    return r.rows.map((x) => x.s);
  } finally {
    await db.close();
  }
}

const halten = { retention: null, legalHold: 'ON' } as const;

/** Services with object lock (governance), the worker, a tenant with a Registratur, and an Akte with one Vorgang in a new Aktenplan unit. */
async function mitAkte(mandant: string, einheit: { kennzeichen: string; titel: string; aufbewahrungsfrist: number }, betreff: { akte: string; vorgang: string }) {
  const speicher = aufzeichnenderSpeicher();
  const apps = await dienste('governance', speicher.store);
  const arbeite = arbeiter(speicher, apps.dokumente);
  const m = await testMandant(mandant);
  speicher.mandant = m.id;
  const reg = await authHeader({ tenant: m.slug, roles: ['registratur'] });
  const e = (await apps.akten.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: reg, payload: { ...einheit, aussonderungsart: 'V' } })).json();
  const akte = (await apps.akten.inject({ method: 'POST', url: '/api/v1/akten', headers: reg, payload: { aktenplaneinheitId: e.id, betreff: betreff.akte } })).json();
  const vorgang = (await apps.akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg, payload: { betreff: betreff.vorgang } })).json();
  return { speicher, apps, arbeite, m, reg, akte, vorgang };
}

describe('object lock, wired', { timeout: 90_000 }, () => {
  it('queues lock work in the changing transaction and the worker applies the right lock per object', async () => {
    const { speicher, apps, arbeite, m, reg, akte, vorgang } = await mitAkte(
      'sperre',
      { kennzeichen: 'OL1', titel: 'Gesperrte Ablage', aufbewahrungsfrist: 10 },
      { akte: 'Baugenehmigung Lindenweg 4', vorgang: 'Antrag' },
    );
    expect(await warteschlange(akte.id)).toEqual([]);

    // upload into an open Akte: retention is not running yet, so a legal hold
    const dok = await hochladen(apps.dokumente, `/api/v1/vorgaenge/${vorgang.id}/dokumente`, reg, 'Antrag v1', { betreff: 'Bauantrag', datumDesSchreibens: '2026-11-02' });
    const [k1] = await schluesselVon(m.id, dok.id);
    expect(await warteschlange(akte.id)).toEqual([{ speicherschluessel: k1, spaeter: false }]);
    await arbeite();
    expect(speicher.aufgezeichnet).toEqual([{ schluessel: k1, sperre: halten }]);
    expect(await warteschlange(akte.id)).toEqual([]);

    // a new version: only the new object
    await hochladen(apps.dokumente, `/api/v1/dokumente/${dok.id}/versionen`, reg, 'Antrag v2');
    const [, k2] = await schluesselVon(m.id, dok.id);
    speicher.aufgezeichnet.length = 0;
    await arbeite();
    expect(speicher.aufgezeichnet).toEqual([{ schluessel: k2, sperre: halten }]);

    // z.d.A. of the Vorgang changes nothing of the Akte; z.d.A. of the Akte: retain until the end of retention, no hold
    expect((await apps.akten.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgang.id}/zda`, headers: reg })).statusCode).toBe(200);
    expect(await warteschlange(akte.id)).toEqual([]);
    const zu = await apps.akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: {} });
    expect(zu.statusCode, zu.body).toBe(200);
    const bis = zu.json().aufbewahrungBis as string;
    expect(await warteschlange(akte.id)).toEqual([{ speicherschluessel: null, spaeter: false }]);
    speicher.aufgezeichnet.length = 0;
    await arbeite();
    const bis10 = { retention: { mode: 'GOVERNANCE', retainUntilDate: `${bis}T23:59:59.000Z` }, legalHold: 'OFF' };
    expect(speicher.aufgezeichnet).toEqual([k1, k2].sort().map((schluessel) => ({ schluessel, sperre: bis10 })));

    // retention lengthened by the Registratur: a later retain-until date
    const etag = (await apps.akten.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: reg })).headers.etag as string;
    const laenger = await apps.akten.inject({
      method: 'PATCH',
      url: `/api/v1/akten/${akte.id}`,
      headers: { ...reg, 'if-match': etag },
      payload: { aufbewahrungsfrist: 30, grund: 'Bauakte: Aufbewahrung verlängert' },
    });
    expect(laenger.statusCode, laenger.body).toBe(200);
    const bis30 = laenger.json().aufbewahrungBis as string;
    expect(Number(bis30.slice(0, 4)) - Number(bis.slice(0, 4))).toBe(20);
    speicher.aufgezeichnet.length = 0;
    await arbeite();
    const retention30 = { mode: 'GOVERNANCE', retainUntilDate: `${bis30}T23:59:59.000Z` };
    expect(speicher.aufgezeichnet).toEqual([k1, k2].sort().map((schluessel) => ({ schluessel, sperre: { retention: retention30, legalHold: 'OFF' } })));

    // a Löschsperre: legal hold on top of the retention ...
    const sperre = await apps.aussonderung.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Verfahren VG Weimar', grund: 'Klage', akten: [akte.id] } });
    expect(sperre.statusCode, sperre.body).toBe(201);
    speicher.aufgezeichnet.length = 0;
    await arbeite();
    expect(speicher.aufgezeichnet).toEqual([k1, k2].sort().map((schluessel) => ({ schluessel, sperre: { retention: retention30, legalHold: 'ON' } })));

    // ... lifted when it is released
    const auf = await apps.aussonderung.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sperre.json().id}?grund=${encodeURIComponent('Urteil rechtskräftig')}`, headers: reg });
    expect(auf.statusCode, auf.body).toBe(200);
    speicher.aufgezeichnet.length = 0;
    await arbeite();
    expect(speicher.aufgezeichnet).toEqual([k1, k2].sort().map((schluessel) => ({ schluessel, sperre: { retention: retention30, legalHold: 'OFF' } })));
    expect(await warteschlange(akte.id)).toEqual([]);
  });

  it('a Löschsperre on one Dokument puts the legal hold on the objects of that Dokument only', async () => {
    const { speicher, apps, arbeite, m, reg, akte, vorgang } = await mitAkte(
      'sperredok',
      { kennzeichen: 'OL2', titel: 'Bauordnung', aufbewahrungsfrist: 10 },
      { akte: 'Bauvoranfrage Mühlgasse 2', vorgang: 'Voranfrage' },
    );
    const dok = await hochladen(apps.dokumente, `/api/v1/vorgaenge/${vorgang.id}/dokumente`, reg, 'Voranfrage', { betreff: 'Voranfrage', datumDesSchreibens: '2026-11-02' });
    const anderer = await hochladen(apps.dokumente, `/api/v1/vorgaenge/${vorgang.id}/dokumente`, reg, 'Stellungnahme', { betreff: 'Stellungnahme Nachbar', datumDesSchreibens: '2026-11-03' });
    const k1 = (await schluesselVon(m.id, dok.id))[0]!;
    const k2 = (await schluesselVon(m.id, anderer.id))[0]!;
    expect((await apps.akten.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgang.id}/zda`, headers: reg })).statusCode).toBe(200);
    const zu = await apps.akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: {} });
    expect(zu.statusCode, zu.body).toBe(200);
    await arbeite();

    const sperre = await apps.aussonderung.inject({
      method: 'POST',
      url: '/api/v1/loeschsperren',
      headers: reg,
      payload: { bezeichnung: 'Beweissicherung', grund: 'Anforderung Staatsanwaltschaft', dokumente: [dok.id] },
    });
    expect(sperre.statusCode, sperre.body).toBe(201);
    expect(await warteschlange(akte.id)).toEqual([{ speicherschluessel: null, spaeter: false }]);
    speicher.aufgezeichnet.length = 0;
    await arbeite();
    const stand = (k: string) => speicher.aufgezeichnet.find((a) => a.schluessel === k)?.sperre.legalHold;
    expect([stand(k1), stand(k2)]).toEqual(['ON', 'OFF']);

    const auf = await apps.aussonderung.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sperre.json().id}?grund=${encodeURIComponent('Verfahren eingestellt')}`, headers: reg });
    expect(auf.statusCode, auf.body).toBe(200);
    expect(await warteschlange(akte.id)).toEqual([{ speicherschluessel: null, spaeter: false }]);
    speicher.aufgezeichnet.length = 0;
    await arbeite();
    expect([stand(k1), stand(k2)]).toEqual(['OFF', 'OFF']);
  });

  it('keeps a job that was requested again while the worker applied it, and retries a failing one', async () => {
    const { speicher, apps, arbeite, reg, akte, vorgang } = await mitAkte(
      'sperre',
      { kennzeichen: 'OL2', titel: 'Gesperrte Ablage', aufbewahrungsfrist: 5 },
      { akte: 'Gewerbeanmeldung', vorgang: 'Anmeldung' },
    );
    await hochladen(apps.dokumente, `/api/v1/vorgaenge/${vorgang.id}/dokumente`, reg, 'Anmeldung', { betreff: 'Anmeldung', datumDesSchreibens: '2026-11-02' });
    await arbeite();
    expect((await apps.akten.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgang.id}/zda`, headers: reg })).statusCode).toBe(200);
    expect((await apps.akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: {} })).statusCode).toBe(200);

    // while the worker applies the closed state, a hold is placed: a new job follows the running one
    let einmal = true;
    speicher.beiSperre = async () => {
      if (!einmal) return;
      einmal = false;
      const s = await apps.aussonderung.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Prüfung', grund: 'Anfrage Rechnungshof', akten: [akte.id] } });
      expect(s.statusCode, s.body).toBe(201);
    };
    speicher.aufgezeichnet.length = 0;
    await arbeite();
    expect(speicher.aufgezeichnet.map((a) => a.sperre.legalHold)).toEqual(['OFF', 'ON']);
    expect(await warteschlange(akte.id)).toEqual([]);

    // storage refuses: the job stays, with the error, due again later (30 s after the first failure)
    speicher.beiSperre = async () => {
      throw new Error('S3 nicht erreichbar');
    };
    const etag = (await apps.akten.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: reg })).headers.etag as string;
    expect(
      (await apps.akten.inject({ method: 'PATCH', url: `/api/v1/akten/${akte.id}`, headers: { ...reg, 'if-match': etag }, payload: { aufbewahrungsfrist: 8, grund: 'verlängert' } })).statusCode,
    ).toBe(200);
    await arbeite();
    expect(await warteschlange(akte.id)).toEqual([{ speicherschluessel: null, fehlversuche: 1, letzterFehler: 'S3 nicht erreichbar', spaeter: true }]);
    const db = createDb(inject('superuserUrl'), { max: 1 });
    try {
      const r = await db.db.execute<{ sekunden: number }>(
        sql`SELECT round(extract(epoch from run_at - now()))::int AS sekunden FROM auftraege_dokumente._private_jobs WHERE key LIKE ${`objektsperre:%:${akte.id}:%`}`,
      );
      expect(r.rows[0]!.sekunden).toBeGreaterThan(20);
      expect(r.rows[0]!.sekunden).toBeLessThanOrEqual(30);
      // due again (the test does not wait for the back-off): applied, job gone
      await db.db.execute(sql`UPDATE auftraege_dokumente._private_jobs SET run_at = now() - interval '1 minute' WHERE key LIKE ${`objektsperre:%:${akte.id}:%`}`);
    } finally {
      await db.close();
    }
    speicher.beiSperre = undefined;
    speicher.aufgezeichnet.length = 0;
    await arbeite();
    expect(speicher.aufgezeichnet).toHaveLength(1);
    expect(speicher.aufgezeichnet[0]!.sperre).toMatchObject({ retention: { mode: 'GOVERNANCE' }, legalHold: 'ON' });
    expect(await warteschlange(akte.id)).toEqual([]);
  });

  it('with object lock off, nothing is queued and storage is never asked', async () => {
    const speicher = aufzeichnenderSpeicher();
    const apps = await dienste('off', speicher.store);
    const m = await testMandant('ohne');
    const reg = await authHeader({ tenant: m.slug, roles: ['registratur'] });
    const einheit = (
      await apps.akten.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: reg, payload: { kennzeichen: 'OL3', titel: 'Ablage', aufbewahrungsfrist: 10, aussonderungsart: 'V' } })
    ).json();
    const akte = (await apps.akten.inject({ method: 'POST', url: '/api/v1/akten', headers: reg, payload: { aktenplaneinheitId: einheit.id, betreff: 'Ohne Sperre' } })).json();
    const vorgang = (await apps.akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg, payload: { betreff: 'Vorgang' } })).json();
    await hochladen(apps.dokumente, `/api/v1/vorgaenge/${vorgang.id}/dokumente`, reg, 'Inhalt', { betreff: 'Vermerk', datumDesSchreibens: '2026-11-02' });
    expect((await apps.akten.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgang.id}/zda`, headers: reg })).statusCode).toBe(200);
    expect((await apps.akten.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: {} })).statusCode).toBe(200);
    expect((await apps.aussonderung.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'x', grund: 'y', akten: [akte.id] } })).statusCode).toBe(201);
    expect(await warteschlange(akte.id)).toEqual([]);
    expect(speicher.aufgezeichnet).toEqual([]);
  });
});
