// Personal Wiedervorlagen (issue 19): each user's own, optionally kept for an org unit; set, moved,
// cleared and done on an existing Vorgang; a day already past is refused at its field.
import { createDb, sql } from '@eakte/db';
import { heute } from '@eakte/platform';
import { expectContract, expectProblem } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { describe, expect, inject, it } from 'vitest';
import { auth, baue, eindeutig, neueAkte, neueEinheit } from './hilfen.js';

const tagPlus = (tage: number) => {
  const d = new Date(`${heute()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + tage);
  return d.toISOString().slice(0, 10);
};

// each test builds its app (closed when the test ends)
let app: FastifyInstance;

/** A fresh user of tenant demo with role `rolle` (own sub, so the worklist holds only this test's items). */
const nutzer = async (rolle = 'sachbearbeitung') => auth('demo', rolle, `wv-${eindeutig().toLowerCase()}`);

async function neuerVorgang(h: Record<string, string>, body: Record<string, unknown> = {}) {
  const e = await neueEinheit(app);
  const akte = (await neueAkte(app, e.id)).json();
  const v = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: h, payload: { betreff: 'Anhörung', ...body } });
  return v;
}

const setze = (h: Record<string, string>, id: string, body: Record<string, unknown>) => app.inject({ method: 'PUT', url: `/api/v1/vorgaenge/${id}/wiedervorlage`, headers: h, payload: body });
const liste = (h: Record<string, string>, bis: string, extra = '') => app.inject({ method: 'GET', url: `/api/v1/vorgaenge?wiedervorlageBis=${bis}&limit=200${extra}`, headers: h });
const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((v) => v.id);

describe('personal Wiedervorlage', () => {
  it('belongs to the user who set it: another user (also the Registratur) neither lists nor sees it', async () => {
    app = (await baue()).app;
    const clerk = await nutzer();
    const registratur = await nutzer('registratur');
    const v = (await neuerVorgang(clerk)).json();
    const gesetzt = await setze(clerk, v.id, { datum: heute() });
    expect(gesetzt.statusCode, gesetzt.body).toBe(200);
    expectContract(gesetzt, 'setWiedervorlage');
    expect(gesetzt.json()).toMatchObject({ vorgangId: v.id, kennzeichen: v.kennzeichen, aktenzeichen: v.aktenzeichen, betreff: 'Anhörung', datum: heute(), erledigtAm: null });

    const meine = await liste(clerk, heute());
    expectContract(meine, 'listVorgaenge');
    expect(meine.json().items).toEqual([expect.objectContaining({ id: v.id, wiedervorlage: heute() })]);
    expect(ids(await liste(registratur, tagPlus(3650)))).not.toContain(v.id);

    expect((await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${v.id}`, headers: clerk })).json().wiedervorlage).toBe(heute());
    expect((await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${v.id}`, headers: registratur })).json().wiedervorlage).toBeNull();
    // the Registratur's own on the same Vorgang is a second one, not the clerk's
    expect((await setze(registratur, v.id, { datum: tagPlus(1) })).statusCode).toBe(200);
    expect((await liste(clerk, tagPlus(10))).json().items).toEqual([expect.objectContaining({ id: v.id, wiedervorlage: heute() })]);
  });

  it('refuses a day already past with a field error, on setting and on creating a Vorgang', async () => {
    app = (await baue()).app;
    const clerk = await nutzer();
    const v = (await neuerVorgang(clerk)).json();
    const gestern = await setze(clerk, v.id, { datum: tagPlus(-1) });
    const p = expectProblem(gestern, 422, 'WIEDERVORLAGE_IN_VERGANGENHEIT');
    expectContract(gestern, 'setWiedervorlage');
    expect(p.fehler).toEqual([expect.objectContaining({ ort: 'body', feld: '/datum' })]);

    const neu = await neuerVorgang(clerk, { wiedervorlage: '1999-03-01' });
    expect(expectProblem(neu, 422, 'WIEDERVORLAGE_IN_VERGANGENHEIT').fehler).toEqual([expect.objectContaining({ feld: '/wiedervorlage' })]);
    expectContract(neu, 'createVorgang');
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/vorgaenge/${v.id}`, headers: { ...clerk, 'if-match': '"1"' }, payload: { wiedervorlage: tagPlus(-1) } });
    expectProblem(patch, 422, 'WIEDERVORLAGE_IN_VERGANGENHEIT');
    expect(ids(await liste(clerk, tagPlus(3650)))).not.toContain(v.id);
  });

  it('is moved (verschieben) by setting it again, without a new version of the Vorgang', async () => {
    app = (await baue()).app;
    const clerk = await nutzer();
    const v = (await neuerVorgang(clerk, { wiedervorlage: heute() })).json();
    expect(v.wiedervorlage).toBe(heute());
    const verschoben = await setze(clerk, v.id, { datum: tagPlus(7) });
    expect(verschoben.json().datum).toBe(tagPlus(7));
    expect(ids(await liste(clerk, heute()))).toEqual([]);
    expect((await liste(clerk, tagPlus(7))).json().items).toEqual([expect.objectContaining({ id: v.id, wiedervorlage: tagPlus(7), version: 1 })]);
  });

  it('is cleared, and marked done (erledigt) so that it leaves the worklist', async () => {
    app = (await baue()).app;
    const clerk = await nutzer();
    const a = (await neuerVorgang(clerk, { wiedervorlage: heute() })).json();
    const b = (await neuerVorgang(clerk, { wiedervorlage: heute() })).json();

    const geloescht = await app.inject({ method: 'DELETE', url: `/api/v1/vorgaenge/${a.id}/wiedervorlage`, headers: clerk });
    expect(geloescht.statusCode, geloescht.body).toBe(204);
    expectContract(geloescht, 'deleteWiedervorlage');
    expect((await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${a.id}`, headers: clerk })).json().wiedervorlage).toBeNull();

    const erledigt = await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${b.id}/wiedervorlage/erledigt`, headers: clerk });
    expect(erledigt.statusCode, erledigt.body).toBe(200);
    expectContract(erledigt, 'erledigeWiedervorlage');
    expect(erledigt.json().erledigtAm).toEqual(expect.any(String));
    expect(ids(await liste(clerk, tagPlus(3650)))).toEqual([]);
    const nochmal = await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${b.id}/wiedervorlage/erledigt`, headers: clerk });
    expectProblem(nochmal, 404, 'NICHT_GEFUNDEN');
    // a new one may follow a done one
    expect((await setze(clerk, b.id, { datum: tagPlus(2) })).statusCode).toBe(200);
    expect(ids(await liste(clerk, tagPlus(2)))).toEqual([b.id]);
  });

  it('is refused on a closed Vorgang, and one set before leaves the worklist with the z.d.A.', async () => {
    app = (await baue()).app;
    const clerk = await nutzer();
    const v = (await neuerVorgang(clerk, { wiedervorlage: heute() })).json();
    await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.id}/zda`, headers: clerk });
    expect(ids(await liste(clerk, heute()))).toEqual([]);
    const zu = await setze(clerk, v.id, { datum: tagPlus(1) });
    expectProblem(zu, 409, 'OBJEKT_GESCHLOSSEN');
    expectContract(zu, 'setWiedervorlage');
  });

  it('may be kept for an org unit of the user: its members list it, others may not', async () => {
    app = (await baue()).app;
    const admin = await auth('demo', 'fachadministration');
    const oe = (await app.inject({ method: 'POST', url: '/api/v1/organisationseinheiten', headers: admin, payload: { kuerzel: `OE ${eindeutig()}`, name: 'Referat' } })).json();
    const [a, b, c] = [`wv-a-${eindeutig()}`, `wv-b-${eindeutig()}`, `wv-c-${eindeutig()}`].map((s) => s.toLowerCase());
    for (const [sub, einheiten] of [
      [a, [oe.id]],
      [b, [oe.id]],
      [c, []],
    ] as const) {
      const r = await app.inject({ method: 'PUT', url: `/api/v1/benutzer/${sub}`, headers: admin, payload: { name: sub, freigabe: 'offen', organisationseinheiten: einheiten } });
      expect(r.statusCode, r.body).toBe(200);
    }
    const ha = await auth('demo', 'sachbearbeitung', a);
    const v = (await neuerVorgang(ha)).json();
    const fremd = await setze(await auth('demo', 'sachbearbeitung', c), v.id, { datum: heute(), organisationseinheitId: oe.id });
    expect(expectProblem(fremd, 422, 'NICHT_VERARBEITBAR').fehler).toEqual([expect.objectContaining({ feld: '/organisationseinheitId' })]);

    expect((await setze(ha, v.id, { datum: heute(), organisationseinheitId: oe.id })).json().organisationseinheitId).toBe(oe.id);
    const derEinheit = await liste(await auth('demo', 'sachbearbeitung', b), heute(), `&organisationseinheitId=${oe.id}`);
    expect(derEinheit.statusCode, derEinheit.body).toBe(200);
    expect(ids(derEinheit)).toEqual([v.id]);
    // b's own list stays b's own
    expect(ids(await liste(await auth('demo', 'sachbearbeitung', b), heute()))).toEqual([]);
    const nichtMitglied = await liste(await auth('demo', 'sachbearbeitung', c), heute(), `&organisationseinheitId=${oe.id}`);
    expectProblem(nichtMitglied, 403, 'KEINE_BERECHTIGUNG');
    expectContract(nichtMitglied, 'listVorgaenge');
  });

  it('is published to the Postkorb as akten.offene_wiedervorlagen: open ones of open Vorgänge, in the tenant only', async () => {
    app = (await baue()).app;
    const sub = `wv-${eindeutig().toLowerCase()}`;
    const h = await auth('demo', 'sachbearbeitung', sub);
    const offen = (await neuerVorgang(h, { wiedervorlage: heute() })).json();
    const erledigt = (await neuerVorgang(h, { wiedervorlage: heute() })).json();
    await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${erledigt.id}/wiedervorlage/erledigt`, headers: h });
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const zeilen = await db.withMandant(inject('demo').demo!, (tx) =>
        tx.execute<{ vorgang_id: string; datum: string; aktenzeichen: string }>(sql`SELECT vorgang_id, datum::text AS datum, aktenzeichen FROM akten.offene_wiedervorlagen WHERE sub = ${sub}`),
      );
      expect(zeilen.rows).toEqual([{ vorgang_id: offen.id, datum: heute(), aktenzeichen: offen.aktenzeichen }]);
      const anderer = await db.withMandant(inject('demo').demo2!, (tx) => tx.execute(sql`SELECT 1 FROM akten.offene_wiedervorlagen WHERE sub = ${sub}`));
      expect(anderer.rows).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe('personal Wiedervorlage in the Protokoll', () => {
  it('records setting, moving, clearing and done, each with its day, and nothing for a refused day', async () => {
    const gebaut = await baue();
    app = gebaut.app;
    const clerk = await nutzer();
    const v = (await neuerVorgang(clerk)).json();
    const wv = () => gebaut.ereignisse.filter((e) => e.objektId === v.id && e.aktion.startsWith('vorgang.wiedervorlage'));
    expect((await setze(clerk, v.id, { datum: tagPlus(2) })).statusCode).toBe(200);
    expect((await setze(clerk, v.id, { datum: tagPlus(9) })).statusCode).toBe(200);
    expect((await setze(clerk, v.id, { datum: tagPlus(-1) })).statusCode).toBe(422);
    expect((await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.id}/wiedervorlage/erledigt`, headers: clerk })).statusCode).toBe(200);
    expect((await setze(clerk, v.id, { datum: tagPlus(3) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/vorgaenge/${v.id}/wiedervorlage`, headers: clerk })).statusCode).toBe(204);
    expect(wv().map((e) => [e.aktion, e.details?.datum])).toEqual([
      ['vorgang.wiedervorlage.gesetzt', tagPlus(2)],
      ['vorgang.wiedervorlage.verschoben', tagPlus(9)],
      ['vorgang.wiedervorlage.erledigt', tagPlus(9)],
      ['vorgang.wiedervorlage.gesetzt', tagPlus(3)],
      ['vorgang.wiedervorlage.geloescht', tagPlus(3)],
    ]);
    expect(wv().every((e) => e.aktenzeichen === v.aktenzeichen)).toBe(true);
  });
});
