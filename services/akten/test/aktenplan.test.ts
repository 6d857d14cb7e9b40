import { authHeader, build, expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import aktenApp from '../src/app.js';

describe('Aktenplan', () => {
  it("returns the caller tenant's whole Aktenplan in tree order with depths", async () => {
    const app = await build(aktenApp);
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) });
    expect(res.statusCode).toBe(200);
    expectContract(res, 'getAktenplan');
    // other tests add units with Kennzeichen `T…` to the shared database: look at the seeded ones
    const einheiten = (res.json().einheiten as { kennzeichen: string; ebene: number; aufbewahrungsfrist: unknown }[]).filter((e) => !e.kennzeichen.startsWith('T'));
    // numeric ordering of segments: 2.1 < 2.1.3 < 2.10
    expect(einheiten.map((e) => e.kennzeichen)).toEqual(['0', '0.1', '0.2', '2', '2.1', '2.1.3', '2.10', '4', '4.2']);
    expect(einheiten.find((e) => e.kennzeichen === '2.1.3')).toMatchObject({ ebene: 3, aufbewahrungsfrist: 'unbefristet' });
  });

  it('shows each tenant only its own units', async () => {
    const app = await build(aktenApp);
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: 'demo2', roles: ['registratur'] }) });
    expect(res.statusCode).toBe(200);
    const seeded = res
      .json()
      .einheiten.map((e: { kennzeichen: string }) => e.kennzeichen)
      .filter((k: string) => !k.startsWith('T'));
    expect(seeded).toEqual(['1', '1.1', '3', '3.4']);
  });

  it("answers another tenant's unit exactly like a missing one", async () => {
    const app = await build(aktenApp);
    const own = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) });
    const id = own.json().einheiten[0].id as string;
    const found = await app.inject({ method: 'GET', url: `/api/v1/aktenplan/einheiten/${id}`, headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) });
    expect(found.statusCode).toBe(200);
    expectContract(found, 'getAktenplaneinheit');

    const foreign = await app.inject({ method: 'GET', url: `/api/v1/aktenplan/einheiten/${id}`, headers: await authHeader({ tenant: 'demo2', roles: ['sachbearbeitung'] }) });
    const missing = await app.inject({
      method: 'GET',
      url: '/api/v1/aktenplan/einheiten/01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a',
      headers: await authHeader({ tenant: 'demo2', roles: ['sachbearbeitung'] }),
    });
    const a = expectProblem(foreign, 404, 'NICHT_GEFUNDEN');
    const b = expectProblem(missing, 404, 'NICHT_GEFUNDEN');
    expectContract(foreign, 'getAktenplaneinheit');
    expect({ ...a, instance: undefined, requestId: undefined }).toEqual({ ...b, instance: undefined, requestId: undefined });
  });

  it('rejects a malformed id with 400 naming the parameter', async () => {
    const app = await build(aktenApp);
    const res = await app.inject({ method: 'GET', url: '/api/v1/aktenplan/einheiten/not-a-uuid', headers: await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'] }) });
    const body = expectProblem(res, 400, 'VALIDIERUNGSFEHLER');
    expect(body.detail).toContain('params');
    expectContract(res, 'getAktenplaneinheit');
  });

  it('requires a token and a permitted role', async () => {
    const app = await build(aktenApp);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/aktenplan' }), 401, 'NICHT_AUTHENTIFIZIERT');
    const pruefung = await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await authHeader({ tenant: 'demo', roles: ['pruefung'] }) });
    expectProblem(pruefung, 403, 'KEINE_BERECHTIGUNG');
    expectContract(pruefung, 'getAktenplan');
  });
});
