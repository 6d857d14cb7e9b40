// Content removal as jobs on the Postgres-backed queue: retried when storage fails, and the gates
// asked again when a job runs. The tests drive the worker directly (no timers, no sleeps).
import { createDb, sql } from '@eakte/db';
import { expectContract, expectProblem, pruefePdf } from '@eakte/testing';
import { describe, expect, it, inject } from 'vitest';
import { inhalteAusDokumenten } from '../src/services/inhalte.js';
import type { InhaltDatei } from '../src/services/ports.js';
import { x0502, x0506 } from './antworten.js';
import { archivschreiben, arbeiteAlles, arbeiteEinmal, auth, bestand, baue, dokument, mandantId, neuerMandant, testSpeicher } from './hilfen.js';

const xml = { 'content-type': 'application/xml' };

/** The real object store, whose deletions fail `n` times after removing the first file of a call. */
function wackligerSpeicher(n: number) {
  const echt = inhalteAusDokumenten(testSpeicher());
  let fehler = n;
  const versuche: number[] = [];
  return {
    versuche,
    inhalte: {
      ...echt,
      async entferne(dateien: readonly InhaltDatei[]) {
        versuche.push(dateien.length);
        if (fehler > 0) {
          fehler--;
          // half done, then the storage goes away: the retry must finish the rest
          await echt.entferne(dateien.slice(0, 1));
          throw new Error('S3 nicht erreichbar (Testfehler)');
        }
        await echt.entferne(dateien);
      },
    },
  };
}

async function vernichtungsZeile(tenant: string, id: string) {
  const db = createDb(inject('ownerUrl'), { max: 1 });
  try {
    const r = await db.withMandant(await mandantId(tenant), (tx) =>
      tx.execute<{ objekte: { akteId: string; aktenzeichen: string; dateien: { sha256: string }[] }[]; protokoll_sha256: string | null }>(
        sql`SELECT objekte, protokoll_sha256 FROM aussonderung.vernichtung WHERE aussonderung_id = ${id}`,
      ),
    );
    return r.rows[0]!;
  } finally {
    await db.close();
  }
}

describe('Aussonderung jobs', () => {
  it('a failing storage during destruction: the job retries, the object shows it, the content goes in the end, the protocol is right', async () => {
    const speicher = wackligerSpeicher(2);
    const { app, ereignisse } = await baue({ inhalte: speicher.inhalte });
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 1 });
    const a = b.akten[0]!;
    const d = await dokument(t, a.vorgaenge[0]!, 'Bescheid', [
      { dateiname: 'Bescheid.txt', mimeType: 'text/plain', inhalt: 'Bescheid v1' },
      { dateiname: 'Bescheid.txt', mimeType: 'text/plain', inhalt: 'Bescheid v2' },
      { dateiname: 'Bescheid.txt', mimeType: 'text/plain', inhalt: 'Bescheid v3' },
    ]);
    const anna = await auth(t, 'registratur', 'anna');
    const bernd = await auth(t, 'registratur', 'bernd');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [a.id] } })).json().id;
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...anna, ...xml }, payload: x0502(id, [[a.id, 'V']]) });
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna });
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd })).statusCode).toBe(200);

    // first run: fails after removing one file; the object shows the attempt and the error
    const runde = async () => {
      const r = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna });
      expectContract(r, 'getAussonderung');
      return r.json();
    };
    expect(await arbeiteEinmal(app, t)).toBe(1);
    let stand = await runde();
    expect(stand.objekte[0]).toMatchObject({ status: 'bewertet', loeschung: 'ausstehend', loeschVersuche: 1, loeschFehler: 'S3 nicht erreichbar (Testfehler)' });
    expect(stand.fortschritt).toEqual({ schritt: 'vernichtung', erledigt: 0, gesamt: 1 });
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna }), 409, 'FALSCHER_VERFAHRENSSCHRITT');
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtet')).toEqual([]);
    expect(await arbeiteEinmal(app, t)).toBe(1);
    stand = await runde();
    expect(stand.objekte[0]).toMatchObject({ loeschung: 'ausstehend', loeschVersuche: 2 });

    // third attempt succeeds, then the protocol job runs
    await arbeiteAlles(app, t);
    expect(speicher.versuche).toEqual([3, 3, 3]);
    stand = await runde();
    expect(stand).toMatchObject({ status: 'abgeschlossen', fortschritt: { schritt: 'vernichtung', erledigt: 1, gesamt: 1 } });
    expect(stand.objekte[0]).toMatchObject({ status: 'vernichtet', loeschung: 'erledigt', loeschFehler: null });
    expect(stand.objekte[0].inhaltGeloeschtAm).not.toBeNull();
    for (const f of d.dateien) expect(await testSpeicher().stat(f.schluessel)).toBeNull();
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtet').map((e) => e.objektId)).toEqual([a.id]);

    const pdf = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna });
    expect(pdf.statusCode).toBe(200);
    expect(await pruefePdf(pdf.rawPayload)).toEqual({ code: 0, ausgabe: expect.stringMatching(/No syntax or stream encoding errors/) });
    const zeile = await vernichtungsZeile(t, id);
    expect(zeile.objekte).toEqual([expect.objectContaining({ akteId: a.id, aktenzeichen: a.aktenzeichen, dateien: d.dateien.map((f) => ({ sha256: f.sha256 })) })]);
  });

  it('a hold placed between approval and job run: nothing of the held Akte is deleted, the protocol names only what was destroyed', async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 2, vorgaenge: 1 });
    const [frei, gehalten] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];
    const dFrei = await dokument(t, frei.vorgaenge[0]!, 'Antrag', [{ dateiname: 'Antrag.txt', mimeType: 'text/plain', inhalt: 'Antrag' }]);
    const dGehalten = await dokument(t, gehalten.vorgaenge[0]!, 'Antrag', [
      { dateiname: 'Antrag.txt', mimeType: 'text/plain', inhalt: 'Antrag 1' },
      { dateiname: 'Antrag.txt', mimeType: 'text/plain', inhalt: 'Antrag 2' },
    ]);
    const anna = await auth(t, 'registratur', 'anna');
    const bernd = await auth(t, 'registratur', 'bernd');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [frei.id, gehalten.id] } })).json().id;
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: anna, payload: { ...archivschreiben, bewertungen: { [frei.id]: 'V', [gehalten.id]: 'V' } } });
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna });
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd })).statusCode).toBe(200);
    const sperre = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Klage', grund: 'VG Weimar', akten: [gehalten.id] } });
    expect(sperre.statusCode).toBe(201);

    await arbeiteAlles(app, t);
    const stand = (await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna })).json();
    const je = Object.fromEntries(stand.objekte.map((o: { akteId: string }) => [o.akteId, o]));
    expect(je[frei.id]).toMatchObject({ status: 'vernichtet', loeschung: 'erledigt' });
    expect(je[gehalten.id]).toMatchObject({ status: 'bewertet', loeschung: 'gesperrt', loeschFehler: 'LOESCHSPERRE', gesperrt: true, inhaltGeloeschtAm: null });
    expect(stand.fortschritt).toEqual({ schritt: 'vernichtung', erledigt: 2, gesamt: 2 });
    const speicher = testSpeicher();
    expect(await speicher.stat(dFrei.dateien[0]!.schluessel)).toBeNull();
    for (const f of dGehalten.dateien) expect(await speicher.stat(f.schluessel)).not.toBeNull();
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtet').map((e) => e.objektId)).toEqual([frei.id]);
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtung.abgebrochen').map((e) => e.objektId)).toEqual([gehalten.id]);
    const zeile = await vernichtungsZeile(t, id);
    expect(zeile.objekte.map((o) => o.akteId)).toEqual([frei.id]);
    expect(zeile.protokoll_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('after the 0506 the content removal is a job too: a hold placed before it runs keeps the content', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 2, vorgaenge: 1, art: 'A' });
    const [a1, a2] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];
    const d1 = await dokument(t, a1.vorgaenge[0]!, 'Gutachten', [{ dateiname: 'Gutachten.txt', mimeType: 'text/plain', inhalt: 'Gutachten' }]);
    const d2 = await dokument(t, a2.vorgaenge[0]!, 'Gutachten', [{ dateiname: 'Gutachten.txt', mimeType: 'text/plain', inhalt: 'Gutachten 2' }]);
    const reg = await auth(t, 'registratur');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [a1.id, a2.id] } })).json().id;
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: reg, payload: { ...archivschreiben, bewertungen: { [a1.id]: 'A', [a2.id]: 'A' } } });
    expect((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg })).statusCode).toBe(200);
    const imp = await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/importbestaetigung`,
      headers: { ...reg, ...xml },
      payload: x0506(id, [
        [a1.id, true, 'LATH-1'],
        [a2.id, true, 'LATH-2'],
      ]),
    });
    expect(imp.json().objekte.map((o: { loeschung: string }) => o.loeschung)).toEqual(['ausstehend', 'ausstehend']);
    const sperre = (await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Nachfrage', grund: 'Petition', akten: [a2.id] } })).json();
    await arbeiteAlles(app, t);
    const stand = (await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json();
    expect(stand.objekte.map((o: { akteId: string; status: string; loeschung: string }) => [o.akteId, o.status, o.loeschung])).toEqual([
      [a1.id, 'archiviert', 'erledigt'],
      [a2.id, 'archiviert', 'gesperrt'],
    ]);
    expect(await testSpeicher().stat(d1.dateien[0]!.schluessel)).toBeNull();
    expect(await testSpeicher().stat(d2.dateien[0]!.schluessel)).not.toBeNull();

    // the process of archived Akten only closed at the 0506; the hold released, the removal goes on all the same
    expect(stand.status).toBe('abgeschlossen');
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sperre.id}?grund=erledigt`, headers: reg })).statusCode).toBe(200);
    await arbeiteAlles(app, t);
    const danach = (await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json();
    expect(danach.objekte.map((o: { akteId: string; loeschung: string }) => [o.akteId, o.loeschung])).toEqual([
      [a1.id, 'erledigt'],
      [a2.id, 'erledigt'],
    ]);
    expect(danach.status).toBe('abgeschlossen');
    expect(await testSpeicher().stat(d2.dateien[0]!.schluessel)).toBeNull();
  });
});
