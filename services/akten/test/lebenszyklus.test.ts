import { expectContract, expectProblem } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { heute } from '@eakte/platform';
import { auth, baue, neueAkte, neueEinheit } from './hilfen.js';

async function vorgang(app: FastifyInstance, akteId: string, body: Record<string, unknown> = { betreff: 'Anhörung' }) {
  return app.inject({ method: 'POST', url: `/api/v1/akten/${akteId}/vorgaenge`, headers: await auth('demo', 'sachbearbeitung'), payload: body });
}

describe('Vorgänge and z.d.A.', () => {
  it('numbers Vorgänge per Akte and derives their Kennzeichen', async () => {
    const { app, ereignisse } = await baue();
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id)).json();
    const v1 = await vorgang(app, akte.id, { betreff: 'Antrag', wiedervorlage: '2030-01-02' });
    expect(v1.statusCode, v1.body).toBe(201);
    expectContract(v1, 'createVorgang');
    expect(v1.json()).toMatchObject({ kennzeichen: `${akte.aktenzeichen}-001`, aktenzeichen: akte.aktenzeichen, status: 'offen', wiedervorlage: '2030-01-02' });
    expect((await vorgang(app, akte.id)).json().kennzeichen).toBe(`${akte.aktenzeichen}-002`);
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'vorgang.erstellt', akteId: akte.id });

    const liste = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}/vorgaenge?limit=1`, headers: await auth('demo', 'sachbearbeitung') });
    expectContract(liste, 'listVorgaengeDerAkte');
    expect(liste.json().items.map((v: { kennzeichen: string }) => v.kennzeichen)).toEqual([`${akte.aktenzeichen}-001`]);
    const weiter = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}/vorgaenge?limit=1&cursor=${liste.json().nextCursor}`, headers: await auth('demo', 'sachbearbeitung') });
    expect(weiter.json()).toMatchObject({ items: [{ kennzeichen: `${akte.aktenzeichen}-002` }], nextCursor: null });

    const get = await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${v1.json().id}`, headers: await auth('demo', 'sachbearbeitung') });
    expectContract(get, 'getVorgang');
    expect(get.headers.etag).toBe('"1"');
  });

  it('closes an Akte only when all its Vorgänge are closed (409 listing them) and sets retention', async () => {
    const { app, ereignisse } = await baue();
    const e = await neueEinheit(app, 'demo', { aufbewahrungsfrist: 10 });
    const akte = (await neueAkte(app, e.id)).json();
    const v = (await vorgang(app, akte.id, { betreff: 'Offen' })).json();
    const h = await auth('demo', 'sachbearbeitung');

    const blockiert = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: h, payload: {} });
    const body = expectProblem(blockiert, 409, 'OFFENE_VORGAENGE');
    expectContract(blockiert, 'zdaAkte');
    expect(body.offeneVorgaenge).toEqual([{ id: v.id, kennzeichen: v.kennzeichen, betreff: 'Offen' }]);

    const vz = await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.id}/zda`, headers: h });
    expect(vz.statusCode, vz.body).toBe(200);
    expectContract(vz, 'zdaVorgang');
    expect(vz.json()).toMatchObject({ status: 'geschlossen', zdaDatum: heute() });

    const zu = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: h, payload: {} });
    expect(zu.statusCode, zu.body).toBe(200);
    expectContract(zu, 'zdaAkte');
    const j = Number(heute().slice(0, 4));
    expect(zu.json()).toMatchObject({
      status: 'geschlossen',
      zdaDatum: heute(),
      laufzeit: { ende: heute() },
      aufbewahrungBis: `${j + 10}-12-31`,
      aussonderungFaelligAb: `${j + 11}-01-01`,
    });
    expect(ereignisse.map((x) => x.aktion).slice(-2)).toEqual(['vorgang.zda', 'akte.zda']);
  });

  it('makes closed objects read-only: 409 OBJEKT_GESCHLOSSEN, changes only by registratur with grund', async () => {
    const { app, ereignisse } = await baue();
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id)).json();
    const h = await auth('demo', 'sachbearbeitung');
    const zu = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: h, payload: {} });
    const version = zu.json().version;

    const neu = await vorgang(app, akte.id);
    expectProblem(neu, 409, 'OBJEKT_GESCHLOSSEN');
    expectContract(neu, 'createVorgang');
    const nochmal = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: h, payload: {} });
    expectProblem(nochmal, 409, 'OBJEKT_GESCHLOSSEN');

    const clerk = await app.inject({ method: 'PATCH', url: `/api/v1/akten/${akte.id}`, headers: { ...h, 'if-match': `"${version}"` }, payload: { betreff: 'x', grund: 'y' } });
    expectProblem(clerk, 409, 'OBJEKT_GESCHLOSSEN');
    const reg = await auth('demo', 'registratur');
    const ohneGrund = await app.inject({ method: 'PATCH', url: `/api/v1/akten/${akte.id}`, headers: { ...reg, 'if-match': `"${version}"` }, payload: { betreff: 'x' } });
    // one rule for every closed object (Akten and Dokumente): the missing reason is named as a field
    expect(expectProblem(ohneGrund, 422, 'GRUND_ERFORDERLICH').fehler).toEqual([expect.objectContaining({ feld: '/grund' })]);
    expectContract(ohneGrund, 'updateAkte');
    const mitGrund = await app.inject({
      method: 'PATCH',
      url: `/api/v1/akten/${akte.id}`,
      headers: { ...reg, 'if-match': `"${version}"` },
      payload: { aufbewahrungsfrist: 30, grund: 'Erlass' },
    });
    expect(mitGrund.statusCode, mitGrund.body).toBe(200);
    const j = Number(heute().slice(0, 4));
    expect(mitGrund.json()).toMatchObject({ aufbewahrungsfrist: 30, aussonderungFaelligAb: `${j + 31}-01-01`, status: 'geschlossen', version: version + 1 });
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'akte.geaendert', details: { grund: 'Erlass' } });
    expect(ereignisse.at(-1)!.aenderungen).toEqual(
      expect.arrayContaining([
        { feld: 'aufbewahrungsfrist', alt: null, neu: 30 },
        { feld: 'aussonderungFaelligAb', alt: `${j + 11}-01-01`, neu: `${j + 31}-01-01` },
      ]),
    );
  });

  it('lets registratur backdate a z.d.A., clerks only close with today', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app, 'demo', { aufbewahrungsfrist: 5 });
    const reg = await auth('demo', 'registratur');
    const akte = (await neueAkte(app, e.id, { laufzeitBeginn: '2015-04-01' }, { rolle: 'registratur' })).json();
    expect(akte.laufzeit.beginn).toBe('2015-04-01');
    const clerk = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: await auth('demo', 'sachbearbeitung'), payload: { datum: '2019-11-30' } });
    expectProblem(clerk, 403, 'KEINE_BERECHTIGUNG');
    const vorBeginn = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: { datum: '2014-01-01' } });
    expectProblem(vorBeginn, 422, 'NICHT_VERARBEITBAR');
    const zukunft = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: { datum: '2999-01-01' } });
    expectProblem(zukunft, 422, 'NICHT_VERARBEITBAR');
    const ok = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: { datum: '2019-11-30' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ zdaDatum: '2019-11-30', laufzeit: { beginn: '2015-04-01', ende: '2019-11-30' }, aufbewahrungBis: '2024-12-31', aussonderungFaelligAb: '2025-01-01' });
  });

  it('backdates a Vorgang only from an earlier Laufzeit begin (registratur), as for Akten; its Laufzeit ends with the z.d.A.', async () => {
    const { app, ereignisse } = await baue();
    const e = await neueEinheit(app);
    const reg = await auth('demo', 'registratur');
    const akte = (await neueAkte(app, e.id, { laufzeitBeginn: '2015-01-01' }, { rolle: 'registratur' })).json();
    // created today: a z.d.A. before today would end it before it began
    const heutig = (await vorgang(app, akte.id)).json();
    expect(heutig.laufzeit).toEqual({ beginn: heute(), ende: null });
    const vorBeginn = await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${heutig.id}/zda`, headers: reg, payload: { datum: '2015-03-01' } });
    expectProblem(vorBeginn, 422, 'NICHT_VERARBEITBAR');
    expectContract(vorBeginn, 'zdaVorgang');
    expect((await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${heutig.id}`, headers: reg })).json()).toMatchObject({ status: 'offen', zdaDatum: null });

    // an earlier begin: registratur only, not in the future, not before its Akte's
    const clerk = await vorgang(app, akte.id, { betreff: 'Altbestand', laufzeitBeginn: '2015-02-01' });
    expectProblem(clerk, 403, 'KEINE_BERECHTIGUNG');
    const zukunft = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg, payload: { betreff: 'Altbestand', laufzeitBeginn: '2999-01-01' } });
    expectProblem(zukunft, 422, 'NICHT_VERARBEITBAR');
    const vorAkte = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg, payload: { betreff: 'Altbestand', laufzeitBeginn: '2014-12-31' } });
    const p = expectProblem(vorAkte, 422, 'LAUFZEIT_BEGINN_UNZULAESSIG');
    expectContract(vorAkte, 'createVorgang');
    expect(p).toMatchObject({ feld: 'laufzeitBeginn' });
    expect(p.detail).toContain(akte.aktenzeichen);

    const alt = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg, payload: { betreff: 'Altbestand', laufzeitBeginn: '2015-02-01' } });
    expect(alt.statusCode, alt.body).toBe(201);
    expectContract(alt, 'createVorgang');
    expect(alt.json().laufzeit).toEqual({ beginn: '2015-02-01', ende: null });
    const zu = await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${alt.json().id}/zda`, headers: reg, payload: { datum: '2015-03-01' } });
    expect(zu.statusCode, zu.body).toBe(200);
    expectContract(zu, 'zdaVorgang');
    expect(zu.json()).toMatchObject({ zdaDatum: '2015-03-01', laufzeit: { beginn: '2015-02-01', ende: '2015-03-01' } });
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'vorgang.zda', aenderungen: expect.arrayContaining([{ feld: 'zdaDatum', alt: null, neu: '2015-03-01' }]) });
  });

  it('closes an Akte no earlier than its last Vorgang (the database refuses it: 422 naming the field)', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const reg = await auth('demo', 'registratur');
    const akte = (await neueAkte(app, e.id, { laufzeitBeginn: '2015-01-01' }, { rolle: 'registratur' })).json();
    const v = (await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg, payload: { betreff: 'Altbestand', laufzeitBeginn: '2015-02-01' } })).json();
    await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.id}/zda`, headers: reg, payload: { datum: '2016-06-30' } });
    const zuFrueh = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: { datum: '2016-06-29' } });
    const p = expectProblem(zuFrueh, 422, 'LAUFZEIT_ENDE_UNZULAESSIG');
    expectContract(zuFrueh, 'zdaAkte');
    expect(p).toMatchObject({ feld: 'datum' });
    expect(p.detail).toContain(v.kennzeichen);
    expect((await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: reg })).json()).toMatchObject({ status: 'offen', laufzeit: { ende: null } });
    const ok = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: { datum: '2016-06-30' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().laufzeit).toEqual({ beginn: '2015-01-01', ende: '2016-06-30' });
  });

  it('reopens (registratur, with grund) voiding the retention; the next z.d.A. starts a new one', async () => {
    const { app, ereignisse } = await baue();
    const e = await neueEinheit(app, 'demo', { aufbewahrungsfrist: 'unbefristet' });
    const reg = await auth('demo', 'registratur');
    const akte = (await neueAkte(app, e.id, { laufzeitBeginn: '2010-01-01' }, { rolle: 'registratur' })).json();
    const zu = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: { datum: '2012-05-05' } });
    expect(zu.json()).toMatchObject({ aufbewahrungsfrist: 'unbefristet', aufbewahrungBis: null, aussonderungFaelligAb: null });
    // unbefristet → 10 years while closed, then reopen and close again
    const frist = await app.inject({
      method: 'PATCH',
      url: `/api/v1/akten/${akte.id}`,
      headers: { ...reg, 'if-match': `"${zu.json().version}"` },
      payload: { aufbewahrungsfrist: 10, grund: 'Neubewertung' },
    });
    expect(frist.json()).toMatchObject({ aufbewahrungBis: '2022-12-31', aussonderungFaelligAb: '2023-01-01' });

    const clerk = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/wiederaufnahme`, headers: await auth('demo', 'sachbearbeitung'), payload: { grund: 'x' } });
    expectProblem(clerk, 403, 'KEINE_BERECHTIGUNG');
    const ohne = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/wiederaufnahme`, headers: reg, payload: {} });
    expectProblem(ohne, 400, 'VALIDIERUNGSFEHLER');
    const auf = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/wiederaufnahme`, headers: reg, payload: { grund: 'Widerspruch' } });
    expect(auf.statusCode, auf.body).toBe(200);
    expectContract(auf, 'wiederaufnahmeAkte');
    expect(auf.json()).toMatchObject({ status: 'offen', zdaDatum: null, laufzeit: { ende: null }, aufbewahrungBis: null, aussonderungFaelligAb: null });
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'akte.wiederaufnahme', details: { grund: 'Widerspruch' } });
    const offen = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/wiederaufnahme`, headers: reg, payload: { grund: 'x' } });
    expectProblem(offen, 409, 'KONFLIKT');

    expect((await vorgang(app, akte.id)).statusCode).toBe(201);
    const v = (await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg })).json().items[0];
    await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.id}/zda`, headers: reg, payload: {} });
    const wieder = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/zda`, headers: reg, payload: {} });
    const j = Number(heute().slice(0, 4));
    expect(wieder.json()).toMatchObject({ zdaDatum: heute(), aufbewahrungBis: `${j + 10}-12-31`, aussonderungFaelligAb: `${j + 11}-01-01` });
  });

  it('refuses Vorgang changes after its z.d.A. except by registratur with grund', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id)).json();
    const v = (await vorgang(app, akte.id)).json();
    const h = await auth('demo', 'sachbearbeitung');
    const geaendert = await app.inject({ method: 'PATCH', url: `/api/v1/vorgaenge/${v.id}`, headers: { ...h, 'if-match': '"1"' }, payload: { wiedervorlage: '2031-01-01' } });
    expect(geaendert.statusCode, geaendert.body).toBe(200);
    expectContract(geaendert, 'updateVorgang');
    const zu = (await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.id}/zda`, headers: h })).json();
    const clerk = await app.inject({ method: 'PATCH', url: `/api/v1/vorgaenge/${v.id}`, headers: { ...h, 'if-match': `"${zu.version}"` }, payload: { betreff: 'x' } });
    expectProblem(clerk, 409, 'OBJEKT_GESCHLOSSEN');
    expectContract(clerk, 'updateVorgang');
    const ohneGrund = await app.inject({
      method: 'PATCH',
      url: `/api/v1/vorgaenge/${v.id}`,
      headers: { ...(await auth('demo', 'registratur')), 'if-match': `"${zu.version}"` },
      payload: { betreff: 'Korrigiert' },
    });
    expect(expectProblem(ohneGrund, 422, 'GRUND_ERFORDERLICH').fehler).toEqual([expect.objectContaining({ feld: '/grund' })]);
    const reg = await app.inject({
      method: 'PATCH',
      url: `/api/v1/vorgaenge/${v.id}`,
      headers: { ...(await auth('demo', 'registratur')), 'if-match': `"${zu.version}"` },
      payload: { betreff: 'Korrigiert', grund: 'Tippfehler' },
    });
    expect(reg.statusCode, reg.body).toBe(200);
    const nochmal = await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.id}/zda`, headers: h });
    expectProblem(nochmal, 409, 'OBJEKT_GESCHLOSSEN');
  });

  it('moves an Akte to another unit (Umprotokollierung): new Aktenzeichen, old one findable, Vorgänge follow', async () => {
    const { app, ereignisse } = await baue();
    const von = await neueEinheit(app);
    const nach = await neueEinheit(app);
    const akte = (await neueAkte(app, von.id, { betreff: 'Umzug' })).json();
    await vorgang(app, akte.id);
    const reg = await auth('demo', 'registratur');
    const um = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/umprotokollierung`, headers: reg, payload: { aktenplaneinheitId: nach.id, grund: 'Neuordnung' } });
    expect(um.statusCode, um.body).toBe(200);
    expectContract(um, 'umprotokolliereAkte');
    expect(um.json()).toMatchObject({ aktenplaneinheitId: nach.id, fruehereAktenzeichen: [akte.aktenzeichen] });
    expect(um.json().aktenzeichen).toMatch(new RegExp(`^${nach.kennzeichen}-0001/`));
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'akte.umprotokolliert', aenderungen: expect.arrayContaining([{ feld: 'aktenzeichen', alt: akte.aktenzeichen, neu: um.json().aktenzeichen }]) });
    const vs = (await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg })).json();
    expect(vs.items[0].kennzeichen).toBe(`${um.json().aktenzeichen}-001`);
    const alt = await app.inject({ method: 'GET', url: `/api/v1/suche?q=${encodeURIComponent(akte.aktenzeichen)}`, headers: reg });
    expect(alt.json().items[0]).toMatchObject({ typ: 'akte', id: akte.id, kennzeichen: um.json().aktenzeichen, trefferArt: 'aktenzeichen' });
    const clerk = await app.inject({
      method: 'POST',
      url: `/api/v1/akten/${akte.id}/umprotokollierung`,
      headers: await auth('demo', 'sachbearbeitung'),
      payload: { aktenplaneinheitId: von.id, grund: 'x' },
    });
    expectProblem(clerk, 403, 'KEINE_BERECHTIGUNG');
  });
});
