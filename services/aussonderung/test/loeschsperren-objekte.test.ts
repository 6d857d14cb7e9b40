// Löschsperren on Vorgänge and Dokumente, and on the Akten a search finds: coverage is answered in
// one place (aussonderung.aktive_loeschsperren) and every gate honours it.
import { createDb, sql } from '@eakte/db';
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it, inject } from 'vitest';
import { x0506 } from './antworten.js';
import { archivschreiben, arbeiteAlles, auth, bestand, baue, dokument, mandantId, neuerMandant, testSpeicher } from './hilfen.js';

const xml = { 'content-type': 'application/xml' };

/** The ids of the active holds standing in the way of each object, straight from the SQL function. */
async function abdeckung(tenant: string, objekte: [typ: 'akte' | 'vorgang' | 'dokument', id: string][]): Promise<number[]> {
  const db = createDb(inject('ownerUrl'), { max: 1 });
  try {
    return await db.withMandant(await mandantId(tenant), async (tx) => {
      const out: number[] = [];
      for (const [typ, id] of objekte) {
        const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM aussonderung.aktive_loeschsperren(${typ}, ${id}::uuid)`);
        out.push(r.rows[0]!.n);
      }
      return out;
    });
  } finally {
    await db.close();
  }
}

describe('Löschsperren on Vorgänge and Dokumente', () => {
  it('cover the object, what contains it and what it contains — nothing beside it', async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 2, vorgaenge: 2 });
    const [a1, a2] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];
    const [v1, v2] = a1.vorgaenge as [string, string];
    const mail = await dokument(t, v1, 'E-Mail des Klägers', [{ dateiname: 'mail.eml', mimeType: 'message/rfc822', inhalt: 'Subject: Klage' }]);
    const anlage = await dokument(t, v1, 'Anlage: Gutachten', [{ dateiname: 'Gutachten.txt', mimeType: 'text/plain', inhalt: 'Gutachten' }], mail.id);
    const daneben = await dokument(t, v1, 'Vermerk', [{ dateiname: 'Vermerk.txt', mimeType: 'text/plain', inhalt: 'Vermerk' }]);
    const reg = await auth(t, 'registratur');

    const neu = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Klage', grund: 'Beweissicherung', dokumente: [mail.id] } });
    expectContract(neu, 'createLoeschsperre');
    expect(neu.statusCode).toBe(201);
    expect(neu.json()).toMatchObject({ akten: [], vorgaenge: [], dokumente: [mail.id], suche: null, aktiv: true });
    expect(ereignisse.filter((e) => e.aktion === 'loeschsperre.angelegt').map((e) => [e.objektTyp, e.objektId, e.akteId])).toEqual([['dokument', mail.id, a1.id]]);
    // the mail, its Anlage, its Vorgang and its Akte are held; the other Dokument, Vorgang and Akte are not
    expect(
      await abdeckung(t, [
        ['dokument', mail.id],
        ['dokument', anlage.id],
        ['vorgang', v1],
        ['akte', a1.id],
        ['dokument', daneben.id],
        ['vorgang', v2],
        ['akte', a2.id],
      ]),
    ).toEqual([1, 1, 1, 1, 0, 0, 0]);

    const aufV = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Prüfung', grund: 'Rechnungshof', vorgaenge: [v1] } });
    expect(aufV.json()).toMatchObject({ vorgaenge: [v1], dokumente: [] });
    expect(
      await abdeckung(t, [
        ['dokument', mail.id],
        ['dokument', daneben.id],
        ['vorgang', v1],
        ['vorgang', v2],
        ['akte', a1.id],
      ]),
    ).toEqual([2, 1, 2, 0, 2]);
    // listed under the Akte they are in
    const liste = await app.inject({ method: 'GET', url: `/api/v1/loeschsperren?akte=${a1.id}`, headers: reg });
    expectContract(liste, 'listLoeschsperren');
    expect(liste.json().items).toHaveLength(2);

    // released: free again only when every hold is released
    await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${neu.json().id}?grund=erledigt`, headers: reg });
    expect(
      await abdeckung(t, [
        ['dokument', mail.id],
        ['akte', a1.id],
      ]),
    ).toEqual([1, 1]);
    await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${aufV.json().id}?grund=erledigt`, headers: reg });
    expect(
      await abdeckung(t, [
        ['dokument', mail.id],
        ['akte', a1.id],
      ]),
    ).toEqual([0, 0]);
    expect(ereignisse.filter((e) => e.aktion === 'loeschsperre.aufgehoben').map((e) => e.objektTyp)).toEqual(['dokument', 'vorgang']);

    // unknown or another tenant's objects are refused, nothing is stored
    const fremd = await app.inject({
      method: 'POST',
      url: '/api/v1/loeschsperren',
      headers: await auth('demo2', 'registratur'),
      payload: { bezeichnung: 'x', grund: 'y', vorgaenge: [v1], dokumente: [mail.id] },
    });
    expectProblem(fremd, 422, 'NICHT_VERARBEITBAR');
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'x', grund: 'y' } }), 400, 'VALIDIERUNGSFEHLER');
  });

  it('a hold on one Dokument stops destroying and transferring its Akte; released, both go on', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 2, vorgaenge: 1 });
    const [vAkte, aAkte] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];
    const dV = await dokument(t, vAkte.vorgaenge[0]!, 'Antrag', [{ dateiname: 'Antrag.txt', mimeType: 'text/plain', inhalt: 'Antrag' }]);
    const dA = await dokument(t, aAkte.vorgaenge[0]!, 'Gutachten', [{ dateiname: 'Gutachten.txt', mimeType: 'text/plain', inhalt: 'Gutachten' }]);
    const anna = await auth(t, 'registratur', 'anna');
    const bernd = await auth(t, 'registratur', 'bernd');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [vAkte.id, aAkte.id] } })).json().id;
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: anna, payload: { ...archivschreiben, bewertungen: { [vAkte.id]: 'V', [aAkte.id]: 'A' } } });
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna });

    const sV = (await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Klage', grund: 'g', dokumente: [dV.id] } })).json();
    const sA = (await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Petition', grund: 'g', vorgaenge: [aAkte.vorgaenge[0]!] } })).json();
    const stand = (await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna })).json();
    expect(stand.objekte.map((o: { gesperrt: boolean }) => o.gesperrt)).toEqual([true, true]);
    const frei = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd });
    expectProblem(frei, 409, 'LOESCHSPERRE');
    const abgabe = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: anna });
    expectProblem(abgabe, 409, 'LOESCHSPERRE');

    // the A-Akte: transferred after release; a new hold on its Vorgang keeps its content after the 0506
    await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sA.id}?grund=erledigt`, headers: anna });
    expect((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: anna })).statusCode).toBe(200);
    await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Nachfrage', grund: 'g', dokumente: [dA.id] } });
    const imp = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/importbestaetigung`, headers: { ...anna, ...xml }, payload: x0506(id, [[aAkte.id, true, 'LATH-9']]) });
    expectContract(imp, 'postImportbestaetigung');
    // still held: the database refuses to call it archived, and nothing is deleted
    expect(imp.json().objekte.find((o: { akteId: string }) => o.akteId === aAkte.id)).toMatchObject({ status: 'abgegeben', loeschung: null });

    // the V-Akte: destroyed once its Dokument's hold is released
    await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sV.id}?grund=erledigt`, headers: anna });
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd })).statusCode).toBe(200);
    await arbeiteAlles(app, t);
    const speicher = testSpeicher();
    expect(await speicher.stat(dV.dateien[0]!.schluessel)).toBeNull();
    expect(await speicher.stat(dA.dateien[0]!.schluessel)).not.toBeNull();
  });

  it('a search adds the Akten it finds when the hold is placed, and is kept with the hold', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b1 = await bestand(t, { akten: 3, vorgaenge: 0 });
    const b2 = await bestand(t, { akten: 1, vorgaenge: 0 });
    const reg = await auth(t, 'registratur');
    const suche = { aktenplaneinheit: b1.einheitId, betreff: 'landstraße l 100' };
    const res = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Ausbau L 100x', grund: 'Klage', akten: [b2.akten[0]!.id], suche } });
    expectContract(res, 'createLoeschsperre');
    expect(res.statusCode).toBe(201);
    // Betreff "Ausbau der Landstraße L 1001…", "L 1002", "L 1003" in b1, plus the named Akte of b2
    expect(res.json().akten).toEqual([...b1.akten.map((a) => a.id), b2.akten[0]!.id].sort());
    expect(res.json().suche).toEqual(suche);
    const eine = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Eine', grund: 'g', suche: { aktenzeichen: b1.akten[1]!.aktenzeichen } } });
    expect(eine.json().akten).toEqual([b1.akten[1]!.id]);
    // wildcards in the search are taken literally
    const keine = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'Keine', grund: 'g', suche: { aktenzeichen: '%' } } });
    expect(keine.json().akten).toEqual([]);
    const leer = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'x', grund: 'y', suche: {} } });
    expectProblem(leer, 400);
    const unmoeglich = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'x', grund: 'y', suche: { laufzeitEndeBis: '2026-02-30' } } });
    expectContract(unmoeglich, 'createLoeschsperre');
    expectProblem(unmoeglich, 400);
    const bis = await app.inject({
      method: 'POST',
      url: '/api/v1/loeschsperren',
      headers: reg,
      payload: { bezeichnung: 'x', grund: 'y', suche: { aktenplaneinheit: b2.einheitId, laufzeitEndeBis: '2025-06-30' } },
    });
    expect(bis.json().akten).toEqual([b2.akten[0]!.id]);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/loeschsperren',
          headers: reg,
          payload: { bezeichnung: 'x', grund: 'y', suche: { aktenplaneinheit: b2.einheitId, laufzeitEndeBis: '2025-06-29' } },
        })
      ).json().akten,
    ).toEqual([]);
  });
});
