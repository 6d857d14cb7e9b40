import { authHeader, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { baueApp, formular, lade, META, neueOrganisationseinheit, neuerBenutzer, neuerMandant, neuerVorgang, pdf, type Mandant, type TestApp } from './hilfen.js';

async function status(t: TestApp, m: Mandant, headers: Record<string, string>, dokId: string, akteId: string, vorgangId: string) {
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers });
  return {
    dokument: (await get(`/api/v1/dokumente/${dokId}`)).statusCode,
    inhalt: (await get(`/api/v1/dokumente/${dokId}/inhalt`)).statusCode,
    liste: (await get(`/api/v1/vorgaenge/${vorgangId}/dokumente`)).statusCode,
    auszug: (await get(`/api/v1/akten/${akteId}/auszug.pdf`)).statusCode,
  };
}

describe('visibility of Dokumente follows their Akte', () => {
  it('hides Dokumente of a VS-NfD Akte from users without clearance, like missing ones', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id, { vertraulichkeitsstufe: '002' });
    await neuerBenutzer(m, 'registratur', 'vs-nfd');
    const registratur = await m.header('registratur');
    const { payload, headers } = await formular(META, { name: 'a.pdf', inhalt: await pdf() });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.vorgangId}/dokumente`, payload, headers: { ...registratur, ...headers } });
    expect(res.statusCode, res.body).toBe(201);
    const dokId = res.json().id as string;

    // no user row: clearance "offen"
    const ohne = await m.header('sachbearbeitung');
    expect(await status(t, m, ohne, dokId, v.akteId, v.vorgangId)).toEqual({ dokument: 404, inhalt: 404, liste: 404, auszug: 404 });
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dokId}`, headers: ohne }), 404, 'NICHT_GEFUNDEN');
    const upload = await lade(t, m, v.vorgangId, { name: 'b.pdf', inhalt: await pdf() });
    expectProblem(upload, 404, 'NICHT_GEFUNDEN');

    expect(await status(t, m, registratur, dokId, v.akteId, v.vorgangId)).toEqual({ dokument: 200, inhalt: 200, liste: 200, auszug: 200 });
  });

  it("restricts to the Federführung's org units when the tenant says so; the Registratur sees all", async () => {
    const t = await baueApp();
    const m = await neuerMandant({ sichtbarkeit: 'organisationseinheit' });
    const [oe1, oe2] = [await neueOrganisationseinheit(m.id), await neueOrganisationseinheit(m.id)];
    const v = await neuerVorgang(m.id, { federfuehrungId: oe1 });
    await neuerBenutzer(m, 'sachbearbeitung', 'offen', [oe1]);
    await neuerBenutzer(m, 'fachverfahren', 'offen', [oe2]);
    const res = await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() });
    expect(res.statusCode, res.body).toBe(201);
    const dokId = res.json().id as string;
    const andere = await authHeader({ tenant: m.slug, roles: ['fachverfahren'] });
    expect(await status(t, m, andere, dokId, v.akteId, v.vorgangId)).toEqual({ dokument: 404, inhalt: 404, liste: 404, auszug: 404 });
    expect(await status(t, m, await m.header('registratur'), dokId, v.akteId, v.vorgangId)).toEqual({ dokument: 200, inhalt: 200, liste: 200, auszug: 200 });
  });
});
