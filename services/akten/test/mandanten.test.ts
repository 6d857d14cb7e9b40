import { authHeader, build, expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import aktenApp from '../src/app.js';

const betrieb = () => authHeader({ roles: ['plattformbetrieb'] });
const slug = (p: string) => `${p}-${Math.random().toString(36).slice(2, 8)}`;

describe('tenant provisioning', () => {
  it('creates a tenant that tokens can then name, with default settings and an empty Aktenplan', async () => {
    const app = await build(aktenApp);
    const s = slug('lfu');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/mandanten',
      headers: await betrieb(),
      payload: { slug: s, name: 'Landesamt für Umwelt', behoerdenkennung: 'LFU-01', einstellungen: { zustaendigesArchiv: 'Landesarchiv', maxUploadGroesse: 1048576 } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createMandant');
    expect(res.json()).toMatchObject({
      slug: s,
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
    expectProblem(
      await app.inject({ method: 'POST', url: '/api/v1/admin/mandanten', headers: await betrieb(), payload: { slug: slug('x'), name: 'X', einstellungen: { unbekannt: 1 } } }),
      400,
    );
  });

  it('lets only platform operations create and list tenants', async () => {
    const app = await build(aktenApp);
    for (const roles of [['registratur'], ['fachadministration']]) {
      expectProblem(
        await app.inject({ method: 'POST', url: '/api/v1/admin/mandanten', headers: await authHeader({ tenant: 'demo', roles }), payload: { slug: slug('y'), name: 'Y' } }),
        403,
      );
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

  it('shows the caller\'s own tenant with an ETag', async () => {
    const app = await build(aktenApp);
    const res = await app.inject({ method: 'GET', url: '/api/v1/mandant', headers: await authHeader({ tenant: 'demo2', roles: ['sachbearbeitung'] }) });
    expect(res.statusCode).toBe(200);
    expectContract(res, 'getMandant');
    expect(res.json()).toMatchObject({ slug: 'demo2' });
    expect(res.headers.etag).toMatch(/^".+"$/);
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
    const again = await app.inject({ method: 'PATCH', url: '/api/v1/mandant', headers: { ...admin, 'if-match': ok.headers.etag as string }, payload: { einstellungen: { hoehereEinstufungenErlaubt: true } } });
    expect(again.json().einstellungen).toMatchObject({ sichtbarkeit: 'organisationseinheit', hoehereEinstufungenErlaubt: true });
  });

  it('lets only the agency administration change settings', async () => {
    const app = await build(aktenApp);
    expectProblem(
      await app.inject({ method: 'PATCH', url: '/api/v1/mandant', headers: { ...(await authHeader({ tenant: 'demo', roles: ['registratur'] })), 'if-match': '"x"' }, payload: { name: 'X' } }),
      403,
    );
  });
});
