// The Posteingang: uploads and e-mails without a Vorgang, listed for the Poststelle (Registratur),
// assigned to a Vorgang where they become Dokumente through the filing path, with Eingangsstempel.
import { createDb, schema, sql } from '@eakte/db';
import { authHeader, expectContract, expectProblem, testDatenbankUrl } from '@eakte/testing';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { raeumeVerwaisteObjekte } from '../src/arbeiter/sweeper.js';
import { dokumenteRepository } from '../src/repositories/dokumente.js';
import { pdfText } from '../src/pdf/text.js';
import { thunderbirdMail } from './mail-hilfe.js';
import {
  baueApp,
  formular,
  neueOrganisationseinheit,
  neuerBenutzer,
  neuerMandant,
  neuerVorgang,
  objekteUnter,
  ownerDb,
  pdf,
  PNG,
  speicher,
  spoolDateien,
  zeilen,
  type Datei,
  type Mandant,
  type TestApp,
} from './hilfen.js';

const appDb = createDb(testDatenbankUrl('dokumente'), { max: 2 });
afterAll(() => appDb.close());

async function inhalt(key: string): Promise<Buffer> {
  const teile: Buffer[] = [];
  for await (const c of await speicher().get(key)) teile.push(Buffer.from(c as Buffer));
  return Buffer.concat(teile);
}

async function eingang(t: TestApp, m: Mandant, datei: Datei, felder: Record<string, string> = {}, rolle = 'registratur') {
  const { payload, headers } = await formular(felder, datei);
  return t.app.inject({ method: 'POST', url: '/api/v1/posteingang', payload, headers: { ...(await m.header(rolle)), ...headers } });
}

async function zuordnen(t: TestApp, m: Mandant, id: string, vorgangId: string) {
  return t.app.inject({ method: 'POST', url: `/api/v1/posteingang/${id}/zuordnung`, payload: { vorgangId }, headers: await m.header('registratur') });
}

async function liste(t: TestApp, m: Mandant, query = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/posteingang${query}`, headers: await m.header('registratur') });
  expect(res.statusCode, res.body).toBe(200);
  expectContract(res, 'listPosteingang');
  return res.json() as { items: Array<Record<string, any>>; nextCursor: string | null };
}

describe('Posteingang', () => {
  it('takes an upload without a Vorgang: stored, listed as open, its content readable, audited', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const brief = await pdf('Widerspruch gegen den Bescheid');
    const res = await eingang(t, m, { name: 'Widerspruch.pdf', inhalt: brief }, { betreff: 'Widerspruch Müller', absender: 'Erika Müller' });
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createPosteingangEintrag');
    const e = res.json();
    expect(e).toMatchObject({
      art: 'upload',
      status: 'offen',
      betreff: 'Widerspruch Müller',
      absender: 'Erika Müller',
      mimeType: 'application/pdf',
      groesse: brief.length,
      dokumentId: null,
      anlagen: 0,
    });
    expect(res.headers.location).toBe(`/api/v1/posteingang/${e.id}`);
    expect((await liste(t, m)).items.map((i) => i.id)).toEqual([e.id]);
    const [row] = await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.posteingangEintrag));
    expect(await inhalt(row!.speicherschluessel)).toEqual(brief);
    expect(spoolDateien(t)).toEqual([]);
    const lesen = await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${e.id}/inhalt`, headers: await m.header('registratur') });
    expect(lesen.statusCode).toBe(200);
    expect(lesen.rawPayload).toEqual(brief);
    expect(t.protokoll.map((p) => p.aktion)).toEqual(['posteingang.eingegangen', 'posteingang.inhalt.gelesen']);
  });

  it('needs a Betreff for a file that is no e-mail, and stores nothing without one', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    expectProblem(await eingang(t, m, { name: 'scan.png', inhalt: PNG }), 400, 'UNGUELTIGES_FORMULAR');
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
    expect((await liste(t, m)).items).toEqual([]);
  });

  it('takes an e-mail with its metadata and counts its Anlagen; assigning it files the mail with its Anlagen into the Vorgang', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const eml = thunderbirdMail({
      anlagen: [
        { name: 'Bauantrag.pdf', type: 'application/pdf', inhalt: await pdf('Bauantrag') },
        { name: 'Lageplan.png', type: 'image/png', inhalt: PNG },
      ],
    });
    const res = await eingang(t, m, { name: 'Bauantrag.eml', type: 'message/rfc822', inhalt: eml });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      art: 'upload',
      betreff: 'Bauantrag Flurstück Lindenhof 12',
      absender: 'Erika Müller <erika.mueller@example.org>',
      datumDesSchreibens: '2026-03-02',
      eingangsdatum: '2026-03-03',
      anlagen: 2,
      messageId: 'a1b2c3d4-e5f6@example.org',
      mimeType: 'message/rfc822',
    });
    // only the mail itself is stored until it is assigned
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(1);

    const z = await zuordnen(t, m, res.json().id, v.vorgangId);
    expect(z.statusCode, z.body).toBe(200);
    expectContract(z, 'zuordnenPosteingangEintrag');
    expect(z.json()).toMatchObject({ status: 'zugeordnet', vorgangId: v.vorgangId, zugeordnetVon: `${m.slug}-registratur` });
    const { dokumente, versionen } = await zeilen(m.id);
    expect(dokumente).toHaveLength(3);
    const mail = dokumente.find((d) => d.id === z.json().dokumentId)!;
    expect(mail).toMatchObject({ vorgangId: v.vorgangId, betreff: 'Bauantrag Flurstück Lindenhof 12', eingangsdatum: '2026-03-03', elternDokumentId: null });
    expect(dokumente.filter((d) => d.elternDokumentId === mail.id)).toHaveLength(2);
    // the mail's version is the stored item, not a copy
    const [row] = await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.posteingangEintrag));
    expect(versionen.find((x) => x.dokumentId === mail.id)!.speicherschluessel).toBe(row!.speicherschluessel);
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(3);
    expect(t.protokoll.map((p) => p.aktion)).toEqual(['posteingang.eingegangen', 'dokument.erstellt', 'dokument.erstellt', 'dokument.erstellt', 'posteingang.zugeordnet']);
    expect(spoolDateien(t)).toEqual([]);
  });

  it('stamps an assigned PDF with the day it arrived, and assigns an item only once', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const e = (await eingang(t, m, { name: 'Antrag.pdf', inhalt: await pdf('Antrag Müller') }, { betreff: 'Antrag' })).json();
    // it came in days ago (the receipt is immutable: past its trigger, as the owner)
    await ownerDb().withMandant(m.id, async (tx) => {
      // within one transaction: no other one ever sees the trigger off
      await tx.execute(sql`alter table dokumente.posteingang_eintrag disable trigger posteingang_eintrag_unveraenderlich`);
      await tx.execute(sql`update dokumente.posteingang_eintrag set eingegangen_am = '2026-03-03T08:00:00Z' where id = ${e.id}`);
      await tx.execute(sql`alter table dokumente.posteingang_eintrag enable trigger posteingang_eintrag_unveraenderlich`);
    });
    const z = await zuordnen(t, m, e.id, v.vorgangId);
    expect(z.statusCode, z.body).toBe(200);
    const dok = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${z.json().dokumentId}`, headers: await m.header('registratur') });
    expect(dok.json()).toMatchObject({ betreff: 'Antrag', vorgangId: v.vorgangId, aktuelleVersion: { nr: 2, herkunft: 'eingangsstempel' } });
    const { versionen } = await zeilen(m.id);
    const gestempelt = versionen.find((x) => x.nr === 2)!;
    expect(await pdfText(await inhalt(gestempelt.speicherschluessel))).toContain('Eingegangen am 03.03.2026, 09:00 Uhr');
    expectProblem(await zuordnen(t, m, e.id, v.vorgangId), 409, 'POSTEINGANG_BEREITS_ZUGEORDNET');
    expect((await liste(t, m)).items).toEqual([]);
    expect((await liste(t, m, '?status=zugeordnet')).items.map((i) => i.id)).toEqual([e.id]);
    // an assigned item's content is its Dokument's, read under the Akte's rules
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${e.id}/inhalt`, headers: await m.header('registratur') }), 409, 'POSTEINGANG_BEREITS_ZUGEORDNET');
  });

  it('leaves an item open when its Vorgang is closed or unknown', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const zu = await neuerVorgang(m.id, { vorgang: 'geschlossen' });
    const e = (await eingang(t, m, { name: 'a.png', inhalt: PNG }, { betreff: 'Foto' })).json();
    expect((await zuordnen(t, m, e.id, zu.vorgangId)).statusCode).toBe(409);
    expectProblem(await zuordnen(t, m, e.id, '01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e99'), 404);
    expect((await liste(t, m)).items.map((i) => i.id)).toEqual([e.id]);
    expect((await zeilen(m.id)).dokumente).toEqual([]);
  });

  it("answers another tenant's item with 404, and its list shows none of them", async () => {
    const t = await baueApp();
    const a = await neuerMandant();
    const b = await neuerMandant();
    const vb = await neuerVorgang(b.id);
    const e = (await eingang(t, a, { name: 'a.png', inhalt: PNG }, { betreff: 'Foto' })).json();
    const h = await b.header('registratur');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${e.id}`, headers: h }), 404);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${e.id}/inhalt`, headers: h }), 404);
    expectProblem(await zuordnen(t, b, e.id, vb.vorgangId), 404);
    expect((await liste(t, b)).items).toEqual([]);
    expect((await liste(t, a)).items).toHaveLength(1);
  });

  it('assigns several items at once, each on its own, and pages the queue', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await eingang(t, m, { name: `s${i}.png`, inhalt: PNG }, { betreff: `Foto ${i}` })).json().id as string);
    const s1 = await liste(t, m, '?limit=2');
    expect(s1.items.map((i) => i.id)).toEqual(ids.slice(0, 2));
    const s2 = await liste(t, m, `?limit=2&cursor=${encodeURIComponent(s1.nextCursor!)}`);
    expect(s2).toMatchObject({ items: [{ id: ids[2] }], nextCursor: null });

    const unbekannt = '01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e98';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/posteingang/zuordnungen',
      payload: { vorgangId: v.vorgangId, eintraege: [ids[0], unbekannt, ids[1]] },
      headers: await m.header('registratur'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expectContract(res, 'zuordnenPosteingang');
    const [x, y, z] = res.json().ergebnisse;
    expect(x).toMatchObject({ id: ids[0], status: 200, problem: null });
    expect(y).toMatchObject({ id: unbekannt, status: 404, dokumentId: null, problem: { code: 'NICHT_GEFUNDEN' } });
    expect(z).toMatchObject({ id: ids[1], status: 200 });
    expect((await liste(t, m)).items.map((i) => i.id)).toEqual([ids[2]]);
    expect((await zeilen(m.id)).dokumente.map((d) => d.id).sort()).toEqual([x.dokumentId, z.dokumentId].sort());
  });

  it('keeps a receipt as it came in: the database refuses changing an item or undoing its assignment', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const e = (await eingang(t, m, { name: 'a.png', inhalt: PNG }, { betreff: 'Foto' })).json();
    const p = schema.posteingangEintrag;
    await expect(appDb.withMandant(m.id, (tx) => tx.update(p).set({ betreff: 'anders' }).where(eq(p.id, e.id)))).rejects.toMatchObject({ cause: { hint: 'POSTEINGANG_UNVERAENDERLICH' } });
    expect((await zuordnen(t, m, e.id, v.vorgangId)).statusCode).toBe(200);
    await expect(appDb.withMandant(m.id, (tx) => tx.update(p).set({ status: 'offen', dokumentId: null, zugeordnetAm: null }).where(eq(p.id, e.id)))).rejects.toMatchObject({
      cause: { hint: 'POSTEINGANG_BEREITS_ZUGEORDNET' },
    });
    await expect(appDb.withMandant(m.id, (tx) => tx.delete(p).where(eq(p.id, e.id)))).rejects.toMatchObject({ cause: { code: '42501' } });
  });

  it('the sweeper leaves the content of open items alone', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    expect((await eingang(t, m, { name: 'a.png', inhalt: PNG }, { betreff: 'Foto' })).statusCode).toBe(201);
    const r = await raeumeVerwaisteObjekte({ db: ownerDb(), storage: speicher(), repo: dokumenteRepository, log: t.app.log, karenzMs: 3600_000, prefix: `${m.id}/`, jetzt: Date.now() + 2 * 3600_000 });
    expect(r).toEqual({ geprueft: 1, entfernt: [] });
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(1);
  });
});

describe('Posteingang: Zuleitung to an org unit or a person', () => {
  async function weiter(t: TestApp, m: Mandant, id: string, body: Record<string, unknown>, rolle = 'registratur') {
    return t.app.inject({ method: 'POST', url: `/api/v1/posteingang/${id}/zuordnung`, payload: body, headers: await m.header(rolle) });
  }
  async function zugeleitet(t: TestApp, m: Mandant, rolle = 'sachbearbeitung', query = '') {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/zugeleitet${query}`, headers: await m.header(rolle) });
    expect(res.statusCode, res.body).toBe(200);
    expectContract(res, 'listZugeleitetePost');
    return res.json() as { items: Array<Record<string, any>>; nextCursor: string | null };
  }

  it("passes an item on to an org unit's Postkorb: its members see it, read it and file it into a Vorgang, with the Eingangsstempel", async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const oe = await neueOrganisationseinheit(m.id);
    await neuerBenutzer(m, 'sachbearbeitung', 'offen', [oe]);
    const v = await neuerVorgang(m.id);
    const brief = await pdf('Widerspruch');
    const e = (await eingang(t, m, { name: 'w.pdf', inhalt: brief }, { betreff: 'Widerspruch' })).json();

    // before the Zuleitung the item is the Poststelle's only
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${e.id}`, headers: await m.header('sachbearbeitung') }), 404);
    const w = await weiter(t, m, e.id, { an: { organisationseinheitId: oe }, hinweis: 'zuständigkeitshalber' });
    expect(w.statusCode, w.body).toBe(200);
    expectContract(w, 'zuordnenPosteingangEintrag');
    expect(w.json()).toMatchObject({ status: 'weitergeleitet', an: { organisationseinheitId: oe }, hinweis: 'zuständigkeitshalber', weitergeleitetVon: `${m.slug}-registratur`, dokumentId: null });
    expect((await liste(t, m)).items).toEqual([]);
    expect((await liste(t, m, '?status=weitergeleitet')).items.map((i) => i.id)).toEqual([e.id]);
    expect((await zugeleitet(t, m)).items.map((i) => i.id)).toEqual([e.id]);
    const lesen = await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${e.id}/inhalt`, headers: await m.header('sachbearbeitung') });
    expect(lesen.statusCode).toBe(200);
    expect(lesen.rawPayload).toEqual(brief);

    const z = await weiter(t, m, e.id, { vorgangId: v.vorgangId }, 'sachbearbeitung');
    expect(z.statusCode, z.body).toBe(200);
    expect(z.json()).toMatchObject({ status: 'zugeordnet', vorgangId: v.vorgangId, zugeordnetVon: `${m.slug}-sachbearbeitung`, an: { organisationseinheitId: oe } });
    expect(z.json().eingangsvermerk).toMatch(/^Eingegangen am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr$/);
    const dok = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${z.json().dokumentId}`, headers: await m.header('sachbearbeitung') });
    expect(dok.json()).toMatchObject({ aktuelleVersion: { nr: 2, herkunft: 'eingangsstempel' } });
    expect((await zugeleitet(t, m)).items).toEqual([]);
    expect(t.protokoll.map((p) => p.aktion)).toContain('posteingang.weitergeleitet');
    const ev = t.protokoll.find((p) => p.aktion === 'posteingang.zugeordnet')!;
    expect(ev.aenderungen).toEqual([{ feld: 'status', alt: 'weitergeleitet', neu: 'zugeordnet' }]);
  });

  it('passes an item on to a person, who alone of the clerks sees it; an image gets its Eingangsstempel recorded, not printed', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    await neuerBenutzer(m, 'sachbearbeitung', 'offen');
    const v = await neuerVorgang(m.id);
    const e = (await eingang(t, m, { name: 'f.png', inhalt: PNG }, { betreff: 'Foto' })).json();
    const w = await weiter(t, m, e.id, { an: { sub: `${m.slug}-sachbearbeitung` } });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ status: 'weitergeleitet', an: { sub: `${m.slug}-sachbearbeitung` }, hinweis: null });
    expect((await zugeleitet(t, m)).items.map((i) => i.id)).toEqual([e.id]);
    // another clerk of the tenant sees nothing of it
    const andere = await authHeader({ tenant: m.slug, roles: ['sachbearbeitung'], sub: `${m.slug}-kollegin` });
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/posteingang/zugeleitet', headers: andere });
    expect(r.json().items).toEqual([]);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${e.id}/inhalt`, headers: andere }), 404);
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/posteingang/${e.id}/zuordnung`, payload: { vorgangId: v.vorgangId }, headers: andere }), 404);
    const z = await weiter(t, m, e.id, { vorgangId: v.vorgangId }, 'sachbearbeitung');
    expect(z.statusCode, z.body).toBe(200);
    expect(z.json().eingangsvermerk).toMatch(/^Eingegangen am /);
    expect(t.protokoll.find((p) => p.aktion === 'posteingang.zugeordnet')!.details).toMatchObject({ stempel: 'vermerk', eingangsvermerk: z.json().eingangsvermerk });
    // the receiver still reads the item they filed; a second filing is refused
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/posteingang/${e.id}`, headers: await m.header('sachbearbeitung') })).statusCode).toBe(200);
    expectProblem(await weiter(t, m, e.id, { vorgangId: v.vorgangId }, 'sachbearbeitung'), 409, 'POSTEINGANG_BEREITS_ZUGEORDNET');
  });

  it("refuses an unknown or another tenant's org unit or person with 404 POSTEINGANG_EMPFAENGER_UNBEKANNT, and passes nothing on", async () => {
    const t = await baueApp();
    const a = await neuerMandant();
    const b = await neuerMandant();
    const oeB = await neueOrganisationseinheit(b.id);
    await neuerBenutzer(b, 'sachbearbeitung', 'offen', [oeB]);
    const e = (await eingang(t, a, { name: 'f.png', inhalt: PNG }, { betreff: 'Foto' })).json();
    expectProblem(await weiter(t, a, e.id, { an: { organisationseinheitId: oeB } }), 404, 'POSTEINGANG_EMPFAENGER_UNBEKANNT');
    expectProblem(await weiter(t, a, e.id, { an: { sub: `${b.slug}-sachbearbeitung` } }), 404, 'POSTEINGANG_EMPFAENGER_UNBEKANNT');
    expectProblem(await weiter(t, a, e.id, { an: { sub: 'niemand' } }), 404, 'POSTEINGANG_EMPFAENGER_UNBEKANNT');
    // both targets at once, or a Hinweis into a Vorgang, are no request the contract knows
    expectProblem(await weiter(t, a, e.id, { an: { sub: 'x' }, vorgangId: '01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e99' }), 400);
    expectProblem(await weiter(t, a, e.id, { vorgangId: '01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e99', hinweis: 'x' }), 400);
    expectProblem(await weiter(t, a, e.id, { an: { sub: '' } }), 400);
    expectProblem(await weiter(t, a, e.id, { an: { sub: 'x'.repeat(201) } }), 400);
    expectProblem(await weiter(t, a, e.id, { an: { sub: `${a.slug}-registratur` }, hinweis: '' }), 400);
    expectProblem(await weiter(t, a, e.id, { an: { sub: `${a.slug}-registratur` }, hinweis: 'x'.repeat(1001) }), 400);
    expectProblem(await weiter(t, a, e.id, {}), 400);
    expect((await liste(t, a)).items.map((i) => i.id)).toEqual([e.id]);
    expect(t.protokoll.map((p) => p.aktion)).toEqual(['posteingang.eingegangen']);
    // b's receiver sees nothing of a's item
    expect((await zugeleitet(t, b)).items).toEqual([]);
  });

  it('passes several items on in one request with a result per item, and the receiver pages them', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const oe = await neueOrganisationseinheit(m.id);
    await neuerBenutzer(m, 'sachbearbeitung', 'offen', [oe]);
    const v = await neuerVorgang(m.id);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await eingang(t, m, { name: `s${i}.png`, inhalt: PNG }, { betreff: `Foto ${i}` })).json().id as string);
    expect((await zuordnen(t, m, ids[3]!, v.vorgangId)).statusCode).toBe(200);
    const unbekannt = '01936b2e-7c4a-7d2e-9f00-3b5c2a1d4e98';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/posteingang/zuordnungen',
      payload: { an: { organisationseinheitId: oe }, eintraege: [ids[2], unbekannt, ids[0], ids[3], ids[1]] },
      headers: await m.header('registratur'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expectContract(res, 'zuordnenPosteingang');
    expect(res.json().ergebnisse.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([
      [ids[2], 200],
      [unbekannt, 404],
      [ids[0], 200],
      [ids[3], 409],
      [ids[1], 200],
    ]);
    expect(t.protokoll.filter((p) => p.aktion === 'posteingang.weitergeleitet')).toHaveLength(3);
    const s1 = await zugeleitet(t, m, 'sachbearbeitung', '?limit=2');
    expect(s1.items.map((i) => i.id)).toEqual(ids.slice(0, 2));
    const s2 = await zugeleitet(t, m, 'sachbearbeitung', `?limit=2&cursor=${encodeURIComponent(s1.nextCursor!)}`);
    expect(s2).toMatchObject({ items: [{ id: ids[2] }], nextCursor: null });

    // the receiver files them into a Vorgang in one request
    const z = await t.app.inject({
      method: 'POST',
      url: '/api/v1/posteingang/zuordnungen',
      payload: { vorgangId: v.vorgangId, eintraege: ids.slice(0, 3) },
      headers: await m.header('sachbearbeitung'),
    });
    expect(z.json().ergebnisse.map((r: { status: number }) => r.status)).toEqual([200, 200, 200]);
    expect((await zugeleitet(t, m)).items).toEqual([]);

    // a bad receiver refuses the whole bulk request
    const neu = (await eingang(t, m, { name: 'n.png', inhalt: PNG }, { betreff: 'Neu' })).json().id as string;
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/posteingang/zuordnungen', payload: { an: { sub: 'niemand' }, eintraege: [neu] }, headers: await m.header('registratur') }),
      404,
      'POSTEINGANG_EMPFAENGER_UNBEKANNT',
    );
    expect((await liste(t, m)).items.map((i) => i.id)).toEqual([neu]);
  });

  it('lets the database refuse sending a passed-on item back to offen', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const oe = await neueOrganisationseinheit(m.id);
    const e = (await eingang(t, m, { name: 'a.png', inhalt: PNG }, { betreff: 'Foto' })).json();
    expect((await weiter(t, m, e.id, { an: { organisationseinheitId: oe } })).statusCode).toBe(200);
    const p = schema.posteingangEintrag;
    await expect(appDb.withMandant(m.id, (tx) => tx.update(p).set({ status: 'offen', anOeId: null, weitergeleitetAm: null, weitergeleitetVon: null }).where(eq(p.id, e.id)))).rejects.toMatchObject({
      cause: { hint: 'POSTEINGANG_UNVERAENDERLICH' },
    });
  });
});
