import { authHeader, build, expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import aktenApp from '../src/app.js';

const betrieb = () => authHeader({ roles: ['plattformbetrieb'] });
const KENNUNG = { behoerdenschluessel: { code: '03241001', listURI: 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags', listVersionID: '2024-01-31' }, praefix: { code: 'ags' } };
const slug = (p: string) => `${p}-${Math.random().toString(36).slice(2, 8)}`;

describe('tenant provisioning', () => {
  it('creates a tenant that tokens can then name, with default settings and an empty Aktenplan', async () => {
    const app = await build(aktenApp);
    const s = slug('lfu');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/mandanten',
      headers: await betrieb(),
      payload: { slug: s, name: 'Landesamt für Umwelt', behoerdenkennung: KENNUNG, einstellungen: { zustaendigesArchiv: 'Landesarchiv', maxUploadGroesse: 1048576 } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createMandant');
    expect(res.json()).toMatchObject({
      slug: s,
      behoerdenkennung: KENNUNG,
      einstellungen: { zustaendigesArchiv: 'Landesarchiv', maxUploadGroesse: 1048576, sichtbarkeit: 'behoerde', aktenzeichenRegel: '{kennzeichen}-{nr:4}/{jahr}' },
    });
    const plan = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: s, roles: ['registratur'] }) });
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toEqual({ einheiten: [] });
  });

  it('refuses a taken slug with 409 and invalid input with 400', async () => {
    const app = await build(aktenApp);
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/admin/mandanten', headers: await betrieb(), payload: { slug: 'demo', name: 'Doppelt' } }), 409, 'KONFLIKT');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/admin/mandanten', headers: await betrieb(), payload: { slug: '../x', name: 'X' } });
    expectProblem(bad, 400, 'VALIDIERUNGSFEHLER');
    expectContract(bad, 'createMandant');
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/admin/mandanten', headers: await betrieb(), payload: { slug: slug('x'), name: 'X', einstellungen: { unbekannt: 1 } } }), 400);
  });

  it('refuses a Behördenkennung that breaks the xdomea code rules with 422 naming the field, and a malformed one with 400', async () => {
    const app = await build(aktenApp);
    const anlegen = (behoerdenkennung: unknown) => app.inject({ method: 'POST', url: '/api/v1/admin/mandanten', headers: betrieb, payload: { slug: slug('bk'), name: 'Amt', behoerdenkennung } });
    const betrieb = await authHeader({ roles: ['plattformbetrieb'] });
    const faelle: [unknown, string][] = [
      [{ behoerdenschluessel: { code: ' 0324 1001' }, praefix: { code: 'ags' } }, '/behoerdenkennung/behoerdenschluessel/code'],
      [{ behoerdenschluessel: { code: '' }, praefix: { code: 'ags' } }, '/behoerdenkennung/behoerdenschluessel/code'],
      [{ behoerdenschluessel: { code: '03241001' }, praefix: { code: 'a\tgs' } }, '/behoerdenkennung/praefix/code'],
      [{ behoerdenschluessel: { code: '03241001', listURI: 'keine uri' }, praefix: { code: 'ags' } }, '/behoerdenkennung/behoerdenschluessel/listURI'],
      [{ behoerdenschluessel: { code: '03241001', listVersionID: 'v1\n' }, praefix: { code: 'ags' } }, '/behoerdenkennung/behoerdenschluessel/listVersionID'],
    ];
    for (const [kennung, feld] of faelle) {
      const res = await anlegen(kennung);
      const p = expectProblem(res, 422, 'BEHOERDENKENNUNG_UNGUELTIG');
      expectContract(res, 'createMandant');
      expect(p.fehler).toEqual([{ feld, meldung: expect.any(String) }]);
    }
    // the former free-text form and a missing code are refused by the contract
    expectProblem(await anlegen('LFU-01'), 400, 'VALIDIERUNGSFEHLER');
    const ohneCode = expectProblem(await anlegen({ behoerdenschluessel: {}, praefix: { code: 'ags' } }), 400, 'VALIDIERUNGSFEHLER');
    expect(ohneCode.fehler).toEqual(expect.arrayContaining([expect.objectContaining({ feld: '/behoerdenkennung/behoerdenschluessel/code' })]));
  });

  it('lets only platform operations create and list tenants', async () => {
    const app = await build(aktenApp);
    for (const roles of [['registratur'], ['fachadministration']]) {
      expectProblem(await app.inject({ method: 'POST', url: '/api/v1/admin/mandanten', headers: await authHeader({ tenant: 'demo', roles }), payload: { slug: slug('y'), name: 'Y' } }), 403);
      expectProblem(await app.inject({ method: 'GET', url: '/api/v1/admin/mandanten', headers: await authHeader({ tenant: 'demo', roles }) }), 403);
    }
  });

  it('lists tenants page by page with a keyset cursor and rejects a forged cursor', async () => {
    const app = await build(aktenApp);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await app.inject({ method: 'GET', url: `/api/v1/admin/mandanten?limit=1${cursor ? `&cursor=${cursor}` : ''}`, headers: await betrieb() });
      expect(res.statusCode).toBe(200);
      expectContract(res, 'listMandanten');
      const body = res.json() as { items: { slug: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(1);
      seen.push(...body.items.map((m) => m.slug));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toContain('demo');
    expect(seen).toContain('demo2');
    expect([...seen].sort()).toEqual(seen);
    const forged = Buffer.from('{"slug":{"$gt":""}}').toString('base64url');
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/admin/mandanten?cursor=${forged}`, headers: await betrieb() }), 400, 'UNGUELTIGER_CURSOR');
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/admin/mandanten?limit=1000', headers: await betrieb() }), 400);
  });
});

describe('tenant settings', () => {
  async function neuerMandant(app: Awaited<ReturnType<typeof build>>) {
    const s = slug('amt');
    const res = await app.inject({ method: 'POST', url: '/api/v1/admin/mandanten', headers: await betrieb(), payload: { slug: s, name: 'Amt' } });
    expect(res.statusCode).toBe(201);
    return s;
  }

  it("shows the caller's own tenant with an ETag", async () => {
    const app = await build(aktenApp);
    const res = await app.inject({ method: 'GET', url: '/api/v1/mandant', headers: await authHeader({ tenant: 'demo2', roles: ['sachbearbeitung'] }) });
    expect(res.statusCode).toBe(200);
    expectContract(res, 'getMandant');
    expect(res.json()).toMatchObject({ slug: 'demo2' });
    expect(res.headers.etag).toMatch(/^".+"$/);
  });

  it('refuses an Aktenzeichen rule that breaks the rule of records law, naming the field, before storing it', async () => {
    const app = await build(aktenApp);
    const s = await neuerMandant(app);
    const admin = await authHeader({ tenant: s, roles: ['fachadministration'] });
    const tag = (await app.inject({ method: 'GET', url: '/api/v1/mandant', headers: admin })).headers.etag as string;
    // has {nr} (the contract's pattern) but no {jahr}
    const res = await app.inject({ method: 'PATCH', url: '/api/v1/mandant', headers: { ...admin, 'if-match': tag }, payload: { einstellungen: { aktenzeichenRegel: '{kennzeichen}-{nr}' } } });
    expect(expectProblem(res, 422, 'NICHT_VERARBEITBAR').fehler).toEqual([expect.objectContaining({ feld: '/einstellungen/aktenzeichenRegel' })]);
    expectContract(res, 'updateMandant');
    const danach = await app.inject({ method: 'GET', url: '/api/v1/mandant', headers: admin });
    expect(danach.headers.etag).toBe(tag);
  });

  it('changes settings only with a current If-Match: 428 without, 412 when stale', async () => {
    const app = await build(aktenApp);
    const s = await neuerMandant(app);
    const admin = await authHeader({ tenant: s, roles: ['fachadministration'] });
    const current = await app.inject({ method: 'GET', url: '/api/v1/mandant', headers: admin });
    const tag = current.headers.etag as string;

    const missing = await app.inject({ method: 'PATCH', url: '/api/v1/mandant', headers: admin, payload: { einstellungen: { sichtbarkeit: 'organisationseinheit' } } });
    expectProblem(missing, 428, 'VORBEDINGUNG_ERFORDERLICH');
    expectContract(missing, 'updateMandant');

    const ok = await app.inject({ method: 'PATCH', url: '/api/v1/mandant', headers: { ...admin, 'if-match': tag }, payload: { einstellungen: { sichtbarkeit: 'organisationseinheit' } } });
    expect(ok.statusCode, ok.body).toBe(200);
    expectContract(ok, 'updateMandant');
    expect(ok.json().einstellungen).toMatchObject({ sichtbarkeit: 'organisationseinheit', aktenzeichenRegel: '{kennzeichen}-{nr:4}/{jahr}' });
    expect(ok.headers.etag).not.toBe(tag);

    const stale = await app.inject({ method: 'PATCH', url: '/api/v1/mandant', headers: { ...admin, 'if-match': tag }, payload: { name: 'Neu' } });
    expectProblem(stale, 412, 'VORBEDINGUNG_FEHLGESCHLAGEN');
    // a second setting keeps the first
    const again = await app.inject({
      method: 'PATCH',
      url: '/api/v1/mandant',
      headers: { ...admin, 'if-match': ok.headers.etag as string },
      payload: { einstellungen: { hoehereEinstufungenErlaubt: true } },
    });
    expect(again.json().einstellungen).toMatchObject({ sichtbarkeit: 'organisationseinheit', hoehereEinstufungenErlaubt: true });
  });

  it('sets the Behördenkennung by PATCH, refusing one that breaks a rule with 422 and changing nothing', async () => {
    const app = await build(aktenApp);
    const s = await neuerMandant(app);
    const admin = await authHeader({ tenant: s, roles: ['fachadministration'] });
    const vorher = await app.inject({ method: 'GET', url: '/api/v1/mandant', headers: admin });
    expect(vorher.json().behoerdenkennung).toBeNull();
    const schlecht = await app.inject({
      method: 'PATCH',
      url: '/api/v1/mandant',
      headers: { ...admin, 'if-match': vorher.headers.etag as string },
      payload: { behoerdenkennung: { behoerdenschluessel: { code: '03241001' }, praefix: { code: 'a  gs' } } },
    });
    expect(expectProblem(schlecht, 422, 'BEHOERDENKENNUNG_UNGUELTIG').fehler).toEqual([{ feld: '/behoerdenkennung/praefix/code', meldung: expect.any(String) }]);
    expectContract(schlecht, 'updateMandant');
    const ok = await app.inject({ method: 'PATCH', url: '/api/v1/mandant', headers: { ...admin, 'if-match': vorher.headers.etag as string }, payload: { behoerdenkennung: KENNUNG } });
    expect(ok.statusCode, ok.body).toBe(200);
    expectContract(ok, 'updateMandant');
    expect(ok.json().behoerdenkennung).toEqual(KENNUNG);
    expect((await app.inject({ method: 'GET', url: '/api/v1/mandant', headers: admin })).json().behoerdenkennung).toEqual(KENNUNG);
  });

  it('lets only the agency administration change settings', async () => {
    const app = await build(aktenApp);
    expectProblem(
      await app.inject({ method: 'PATCH', url: '/api/v1/mandant', headers: { ...(await authHeader({ tenant: 'demo', roles: ['registratur'] })), 'if-match': '"x"' }, payload: { name: 'X' } }),
      403,
    );
  });
});
