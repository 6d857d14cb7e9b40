// The list of a tenant's Aussonderungen, to resume one: newest first, keyset pages, status filter,
// the open destruction request flagged; registratur only, nothing of another tenant.
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { archivschreiben, auth, bestand, baue, neuerMandant } from './hilfen.js';

describe('list of Aussonderungen', () => {
  it('newest first in keyset pages, filtered by status, with the pending destruction flagged', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 3, vorgaenge: 0 });
    const reg = await auth(t, 'registratur', `${t}-anna`);
    const ids: string[] = [];
    for (const a of b.akten) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [a.id] } });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    // the newest one appraised V and its destruction requested
    const neueste = ids[2]!;
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${neueste}/bewertung`, headers: reg, payload: { ...archivschreiben, bewertungen: { [b.akten[2]!.id]: 'V' } } })).statusCode,
    ).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${neueste}/vernichtung`, headers: reg })).statusCode).toBe(200);

    const gesehen: { id: string; status: string; objekte: number; vernichtungOffen: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof app.inject>> = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: reg });
      expectContract(res, 'listAussonderungen');
      expect(res.statusCode).toBe(200);
      const seite = res.json() as { items: typeof gesehen; nextCursor: string | null };
      expect(seite.items.length).toBeLessThanOrEqual(2);
      gesehen.push(...seite.items);
      cursor = seite.nextCursor;
    } while (cursor);
    expect(gesehen.map((a) => a.id)).toEqual([...ids].reverse());
    expect(gesehen[0]).toMatchObject({ id: neueste, status: 'bewertet', objekte: 1, vernichtungOffen: true, erstelltVon: `${t}-anna` });
    expect(gesehen[1]).toMatchObject({ status: 'angeboten', objekte: 1, vernichtungOffen: false });

    const bewertet = await app.inject({ method: 'GET', url: '/api/v1/aussonderungen?status=bewertet', headers: reg });
    expectContract(bewertet, 'listAussonderungen');
    expect(bewertet.json().items.map((a: { id: string }) => a.id)).toEqual([neueste]);
  });

  it('registratur only; another tenant sees none; a bad cursor or status is a 400', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 0 });
    expect((await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: await auth(t, 'registratur'), payload: { akten: [b.akten[0]!.id] } })).statusCode).toBe(201);
    const fremd = await app.inject({ method: 'GET', url: '/api/v1/aussonderungen?limit=200', headers: await auth(await neuerMandant(), 'registratur') });
    expectContract(fremd, 'listAussonderungen');
    expect(fremd.json()).toEqual({ items: [], nextCursor: null });
    for (const rolle of ['sachbearbeitung', 'pruefung', 'fachadministration']) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/aussonderungen', headers: await auth(t, rolle) });
      expectContract(res, 'listAussonderungen');
      expectProblem(res, 403, 'KEINE_BERECHTIGUNG');
    }
    const reg = await auth(t, 'registratur');
    for (const url of [
      '/api/v1/aussonderungen?cursor=kaputt',
      `/api/v1/aussonderungen?cursor=${Buffer.from('{"t":"x","id":"y"}').toString('base64url')}`,
      '/api/v1/aussonderungen?status=vernichtet',
    ]) {
      const res = await app.inject({ method: 'GET', url, headers: reg });
      expectContract(res, 'listAussonderungen');
      expectProblem(res, 400);
    }
  });
});
