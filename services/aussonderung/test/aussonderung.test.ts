import { createHash } from 'node:crypto';
import { createDb, sql } from '@eakte/db';
import { build, expectContract, expectProblem, pruefePdf } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import aussonderungApp, { type AussonderungAppOptions } from '../src/app.js';
import { buffer } from 'node:stream/consumers';
import type { LightMyRequestResponse } from 'fastify';
import { paket } from '../src/xdomea/paket.js';
import { describe, expect, it, inject } from 'vitest';
import { archivschreiben, arbeiteAlles, auth, bestand, baue, BEHOERDENKENNUNG, mandantId, neuerMandant, offeneAkte, ownerDb } from './hilfen.js';
import { absenderKennung, leseZip, xsdFehler } from './xdomea-hilfen.js';
import { x0502, x0506, x0507 } from './antworten.js';

async function zipVon(res: LightMyRequestResponse) {
  return leseZip(res.rawPayload);
}

const xml = { 'content-type': 'application/xml' };

describe('the archive addressed', () => {
  it("is the tenant's zustaendigesArchiv, else the platform default", async () => {
    const { app } = await baue();
    const empfaenger = async (t: string) => {
      const b = await bestand(t, { akten: 1, vorgaenge: 1 });
      const reg = await auth(t, 'registratur');
      const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [b.akten[0]!.id] } })).json().id;
      const x = (await zipVon(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg })))[0]!.inhalt.toString('utf8');
      expect(await xsdFehler(x)).toBe('');
      return /<xdomea:Empfaenger>[\s\S]*?<xdomea:Name>([^<]*)<\/xdomea:Name>/.exec(x)![1];
    };
    expect(await empfaenger(await neuerMandant({ zustaendigesArchiv: 'Landesarchiv Thüringen – Staatsarchiv Gotha' }))).toBe('Landesarchiv Thüringen – Staatsarchiv Gotha');
    expect(await empfaenger(await neuerMandant())).toBe('Landesarchiv');
  });
});

describe("the sender's Behördenkennung", () => {
  it('is refused with 409 BEHOERDENKENNUNG_FEHLT when the tenant has none or an unreadable one, and written once it is set', async () => {
    const { app } = await baue();
    for (const kennung of [null, { unlesbar: 'DEMO-001' }]) {
      const t = await neuerMandant({}, null);
      if (kennung) await ownerDb().db.execute(sql`UPDATE plattform.mandant SET behoerdenkennung_unlesbar = ${kennung.unlesbar} WHERE slug = ${t}`);
      const b = await bestand(t, { akten: 1, vorgaenge: 1 });
      const reg = await auth(t, 'registratur');
      const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [b.akten[0]!.id] } })).json().id;
      const ohne = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg });
      expectProblem(ohne, 409, 'BEHOERDENKENNUNG_FEHLT');
      expectContract(ohne, 'getAnbietung');
      await ownerDb().db.execute(sql`UPDATE plattform.mandant SET behoerdenkennung = ${JSON.stringify(BEHOERDENKENNUNG)}::jsonb WHERE slug = ${t}`);
      const x = (await zipVon(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg })))[0]!.inhalt.toString('utf8');
      expect(await xsdFehler(x)).toBe('');
      expect(absenderKennung(x)).toEqual(BEHOERDENKENNUNG);
    }
  });
});

describe('tenants with an unreadable Behördenkennung', () => {
  it('are named in a warning at start', async () => {
    const t = await neuerMandant({}, null);
    await ownerDb().db.execute(sql`UPDATE plattform.mandant SET behoerdenkennung_unlesbar = 'DEMO-001' WHERE slug = ${t}`);
    const warnungen: unknown[][] = [];
    await build((async (instance: FastifyInstance, opts: { config: AussonderungAppOptions['config'] }) => {
      instance.log.warn = ((...args: unknown[]) => void warnungen.push(args)) as typeof instance.log.warn;
      await aussonderungApp(instance, { ...opts, config: { ...opts.config, AUSSONDERUNG_ARBEITER_INTERVALL_SEKUNDEN: 0 } });
    }) as never);
    const warnung = warnungen.find((w) => String(w[1]).includes('unreadable Behördenkennung'));
    expect(warnung, JSON.stringify(warnungen)).toBeDefined();
    expect((warnung![0] as { mandanten: string[] }).mandanten).toContain(t);
    // a tenant with a readable one is not named
    expect((warnung![0] as { mandanten: string[] }).mandanten).not.toContain(await neuerMandant());
  });
});

describe('offer gate', () => {
  it('refuses held, not due and already offered Akten', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 2 });
    const reg = await auth(t, 'registratur');
    await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: reg, payload: { bezeichnung: 'S', grund: 'g', akten: [b.akten[0]!.id] } });
    const gesperrt = await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: b.akten.map((a) => a.id) } });
    expectContract(gesperrt, 'createAussonderung');
    const p = expectProblem(gesperrt, 409, 'LOESCHSPERRE');
    expect(p.objekte).toEqual([b.akten[0]!.aktenzeichen]);

    const offen = await offeneAkte(t, b.einheitId, b.kennzeichen);
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [offen] } }), 409, 'NICHT_FAELLIG');

    const ok = await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [b.akten[1]!.id] } });
    expectContract(ok, 'createAussonderung');
    expect(ok.statusCode).toBe(201);
    const wieder = await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [b.akten[1]!.id] } });
    expectProblem(wieder, 409, 'BEREITS_IN_AUSSONDERUNG');
    // another tenant cannot see it
    const fremd = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${ok.json().id}`, headers: await auth('demo2', 'registratur') });
    expectContract(fremd, 'getAussonderung');
    expectProblem(fremd, 404);
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${ok.json().id}`, headers: await auth(t, 'sachbearbeitung') }), 403);
  });
});

describe('the Aussonderung process', () => {
  it('0501 → 0502 → 0505 → 0503 → 0507 → 0506 with XSD validation, the archive confirming children only', async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 3, vorgaenge: 2, stufe: '002', art: 'A' });
    const reg = await auth(t, 'registratur');
    const neu = await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: b.akten.map((a) => a.id) } });
    expectContract(neu, 'createAussonderung');
    const id: string = neu.json().id;
    expect(neu.json()).toMatchObject({ status: 'angeboten', objekte: b.akten.map((a) => ({ akteId: a.id, bewertung: null, status: 'angeboten' })) });
    expect(ereignisse.filter((e) => e.aktion === 'akte.angeboten')).toHaveLength(3);

    // 0501: flat ZIP, long names, valid, metadata only
    const anbietung = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg });
    expectContract(anbietung, 'getAnbietung');
    expect(anbietung.headers['content-disposition']).toContain(`${id}_Aussonderung.Anbieteverzeichnis.0501.zip`);
    const z0501 = await zipVon(anbietung);
    expect(z0501.map((e) => e.name)).toEqual([`${id}_Aussonderung.Anbieteverzeichnis.0501.xml`]);
    const x0501 = z0501[0]!.inhalt.toString('utf8');
    expect(await xsdFehler(x0501)).toBe('');
    expect(absenderKennung(x0501)).toEqual(BEHOERDENKENNUNG);
    expect(x0501).toContain(`<xdomea:ProzessID>${id}</xdomea:ProzessID>`);
    expect(x0501).toContain('Grunderwerb Müller/Göß');
    for (const a of b.akten) for (const v of a.vorgaenge) expect(x0501).toContain(`<xdomea:ID>${v}</xdomea:ID>`);
    expect(x0501).toContain('<code>002</code>');

    // 0503 before the appraisal is refused
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg }), 409, 'FALSCHER_VERFAHRENSSCHRITT');
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/bewertungsbestaetigung`, headers: reg }), 409);

    // 0502 as x-man sends it: random order, Vorgänge too, the third Akte unappraised
    const [a1, a2, a3] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0], (typeof b.akten)[0]];
    const bewertung = x0502(id, [
      [a2.vorgaenge[1]!, 'V'],
      [a1.id.toUpperCase(), 'A'],
      [a2.id, 'V'],
      [a1.vorgaenge[0]!, 'A'],
      [a1.vorgaenge[1]!, 'V'],
      [a2.vorgaenge[0]!, 'V'],
    ]);
    expect(await xsdFehler(bewertung)).toBe('');
    const bew = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...reg, ...xml }, payload: bewertung });
    expectContract(bew, 'postBewertung');
    expect(bew.statusCode).toBe(200);
    const nachBew = bew.json();
    expect(nachBew.status).toBe('angeboten');
    expect(nachBew.empfangsbestaetigungAngefordert).toBe(true);
    expect(Object.fromEntries(nachBew.objekte.map((o: { akteId: string; bewertung: string | null; status: string }) => [o.akteId, [o.bewertung, o.status]]))).toEqual({
      [a1.id]: ['A', 'bewertet'],
      [a2.id]: ['V', 'bewertet'],
      [a3.id]: [null, 'angeboten'],
    });
    expect(nachBew.nachrichten).toEqual([{ typ: '0502', empfangenAm: expect.any(String), erstellungszeitpunkt: '2026-03-01T14:05:00', absender: 'Landesarchiv Thüringen' }]);

    // 0502 of another process is refused
    expectProblem(
      await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...reg, ...xml }, payload: x0502('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', [[a3.id, 'A']]) }),
      422,
      'XDOMEA_UNGUELTIG',
    );
    expectProblem(await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...reg, ...xml }, payload: '<kaputt' }), 422, 'XDOMEA_UNGUELTIG');

    // 0505 receipt
    const quittung = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/bewertungsbestaetigung`, headers: reg });
    expectContract(quittung, 'getBewertungsbestaetigung');
    const z0505 = await zipVon(quittung);
    expect(z0505.map((e) => e.name)).toEqual([`${id}_Aussonderung.BewertungEmpfangBestaetigen.0505.xml`]);
    expect(await xsdFehler(z0505[0]!.inhalt.toString('utf8'))).toBe('');
    expect(absenderKennung(z0505[0]!.inhalt.toString('utf8'))).toEqual(BEHOERDENKENNUNG);

    // the unappraised Akte: manual entry completes the appraisal
    const manuell = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: reg, payload: { ...archivschreiben, bewertungen: { [a3.id]: 'A' } } });
    expectContract(manuell, 'postBewertung');
    expect(manuell.json().status).toBe('bewertet');

    // 0503: exactly the A objects, without the V-Vorgang of the A-Akte
    const abgabe = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg });
    expectContract(abgabe, 'getAbgabe');
    expect(abgabe.headers['content-disposition']).toContain(`${id}_Aussonderung.Aussonderung.0503.zip`);
    const z0503 = await zipVon(abgabe);
    expect(z0503.every((e) => e.utf8 && !e.name.includes('/'))).toBe(true);
    const x0503 = z0503.find((e) => e.name === `${id}_Aussonderung.Aussonderung.0503.xml`)!.inhalt.toString('utf8');
    expect(await xsdFehler(x0503)).toBe('');
    expect(absenderKennung(x0503)).toEqual(BEHOERDENKENNUNG);
    expect(x0503).toContain(`<xdomea:ID>${a1.id}</xdomea:ID>`);
    expect(x0503).toContain(`<xdomea:ID>${a1.vorgaenge[0]}</xdomea:ID>`);
    expect(x0503).not.toContain(a1.vorgaenge[1]!);
    expect(x0503).not.toContain(a2.id);
    expect(x0503).toContain(`<xdomea:ID>${a3.id}</xdomea:ID>`);
    const nachAbgabe = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg });
    expectContract(nachAbgabe, 'getAussonderung');
    expect(nachAbgabe.json()).toMatchObject({ status: 'abgegeben', fortschritt: { schritt: 'abgabe', erledigt: 2, gesamt: 2 } });

    // 0507: recorded, sent as the archive's tool packs it (a ZIP with the XML)
    const zip0507 = await buffer(paket(id, '0507', x0507(id)));
    const empfang = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/empfangsbestaetigung`, headers: { ...reg, 'content-type': 'application/zip' }, payload: zip0507 });
    expectContract(empfang, 'postEmpfangsbestaetigung');
    expect(empfang.statusCode, empfang.body).toBe(200);
    expect(empfang.json().nachrichten.map((n: { typ: string }) => n.typ)).toEqual(['0502', '0507']);
    expectProblem(await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/empfangsbestaetigung`, headers: { ...reg, ...xml }, payload: bewertung }), 422);
    expectProblem(
      await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/empfangsbestaetigung`, headers: { ...reg, 'content-type': 'application/zip' }, payload: Buffer.from('kein zip') }),
      422,
      'XDOMEA_UNGUELTIG',
    );

    // 0506: a1 confirmed through its (A-)Vorgang only with a package id; a3 failed
    const imp = x0506(id, [
      [a1.vorgaenge[0]!, true, 'DIMAG-4711'],
      [a3.id, false, null],
    ]);
    expect(await xsdFehler(imp)).toBe('');
    const import0506 = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/importbestaetigung`, headers: { ...reg, ...xml }, payload: imp });
    expectContract(import0506, 'postImportbestaetigung');
    const nachImport = Object.fromEntries(import0506.json().objekte.map((o: { akteId: string; status: string; archivkennung: string | null }) => [o.akteId, [o.status, o.archivkennung]]));
    expect(nachImport).toEqual({ [a1.id]: ['archiviert', 'DIMAG-4711'], [a2.id]: ['bewertet', null], [a3.id]: ['abgegeben', null] });
    expect(ereignisse.filter((e) => e.aktion === 'akte.archiviert').map((e) => e.objektId)).toEqual([a1.id]);

    // a second 0506 for a3 completes the transfer
    const imp2 = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/importbestaetigung`, headers: { ...reg, ...xml }, payload: x0506(id, [[a3.id, true, null]]) });
    expect(imp2.json().objekte.find((o: { akteId: string }) => o.akteId === a3.id)).toMatchObject({ status: 'archiviert', archivkennung: null });
  });

  it('destroys V-objects only with four eyes, never under a hold, and writes a protocol', async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 2, vorgaenge: 1 });
    const anna = await auth(t, 'registratur', 'anna');
    const bernd = await auth(t, 'registratur', 'bernd');
    const id = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: b.akten.map((a) => a.id) } })).json().id;
    const [v1, a2] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];

    // nothing appraised V yet: no destruction
    const zuFrueh = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna });
    expectContract(zuFrueh, 'postVernichtung');
    expectProblem(zuFrueh, 409, 'NICHT_ALS_V_BEWERTET');

    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: anna, payload: { ...archivschreiben, bewertungen: { [v1.id]: 'V', [a2.id]: 'A' } } });
    const antrag = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna });
    expectContract(antrag, 'postVernichtung');
    expect(antrag.json().vernichtung).toMatchObject({ beantragtVon: 'anna', freigegebenVon: null });
    expectProblem(await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna }), 409, 'FALSCHER_VERFAHRENSSCHRITT');

    // the same person cannot approve
    const selbst = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: anna });
    expectContract(selbst, 'postVernichtungFreigabe');
    expectProblem(selbst, 409, 'VIER_AUGEN');

    // a hold placed after the request blocks the approval
    const sperre = (await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Nachforderung', grund: 'Prüfung Rechnungshof', akten: [v1.id] } })).json();
    expectProblem(await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd }), 409, 'LOESCHSPERRE');
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna }), 409);

    // also in the database: the hold trigger refuses the state change whatever the path
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      await expect(db.withMandant(await mandantId(t), (tx) => tx.execute(sql`UPDATE aussonderung.aussonderung_objekt SET status = 'vernichtet' WHERE akte_id = ${v1.id}`))).rejects.toThrow();
      // and an object appraised A can never be marked destroyed
      await expect(db.withMandant(await mandantId(t), (tx) => tx.execute(sql`UPDATE aussonderung.aussonderung_objekt SET status = 'vernichtet' WHERE akte_id = ${a2.id}`))).rejects.toThrow();
    } finally {
      await db.close();
    }

    await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sperre.id}?grund=erledigt`, headers: anna });
    const frei = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd });
    expectContract(frei, 'postVernichtungFreigabe');
    expect(frei.statusCode).toBe(200);
    // approved; the deletion itself is a job
    expect(frei.json().objekte.find((o: { akteId: string }) => o.akteId === v1.id)).toMatchObject({ status: 'bewertet', bewertung: 'V', loeschung: 'ausstehend' });
    expect(frei.json().fortschritt).toEqual({ schritt: 'vernichtung', erledigt: 0, gesamt: 1 });
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtet')).toEqual([]);
    // the protocol exists only once the destruction is done
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna }), 409, 'FALSCHER_VERFAHRENSSCHRITT');
    expect(await arbeiteAlles(app, t)).toBeGreaterThan(0);
    const fertig = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna });
    expectContract(fertig, 'getAussonderung');
    expect(fertig.json().objekte.find((o: { akteId: string }) => o.akteId === v1.id)).toMatchObject({ status: 'vernichtet', bewertung: 'V', loeschung: 'erledigt' });
    expect(fertig.json().objekte.find((o: { akteId: string }) => o.akteId === a2.id)).toMatchObject({ status: 'bewertet', bewertung: 'A', loeschung: null });
    // no Ablage-Akte configured: the protocol is kept with the Vernichtung only
    expect(fertig.json().vernichtung).toMatchObject({ beantragtVon: 'anna', freigegebenVon: 'bernd', protokollDokumentId: null });
    expect(fertig.json().fortschritt).toEqual({ schritt: 'vernichtung', erledigt: 1, gesamt: 1 });
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtet').map((e) => e.objektId)).toEqual([v1.id]);
    expectProblem(await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd }), 409);

    const pdf = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: bernd });
    expectContract(pdf, 'getVernichtungsprotokoll');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pruefePdf(pdf.rawPayload)).toEqual({ code: 0, ausgabe: expect.stringMatching(/No syntax or stream encoding errors/) });
    // stored once at approval, with its checksum: every download is the same document
    const nochmal = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna });
    expect(nochmal.rawPayload.equals(pdf.rawPayload)).toBe(true);
    const db2 = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const r = await db2.withMandant(await mandantId(t), (tx) => tx.execute<{ sha: string }>(sql`SELECT protokoll_sha256 AS sha FROM aussonderung.vernichtung WHERE aussonderung_id = ${id}`));
      expect(r.rows[0]?.sha).toBe(createHash('sha256').update(pdf.rawPayload).digest('hex'));
    } finally {
      await db2.close();
    }
  });
});
