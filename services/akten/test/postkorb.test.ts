// The Postkorb of a user (R16): their current steps and their org units', the steps of whom they
// stand in for (also that user's org-unit steps), their due Wiedervorlagen and returned Verfügungen;
// overdue Fristen flagged and first, filters, two sort orders with keyset pages, counts per kind.
import { heute } from '@eakte/platform';
import { expectContract, expectProblem } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auth, baue, eindeutig, neueAkte, neueEinheit } from './hilfen.js';

const T = 'demo';

const tagPlus = (tage: number) => {
  const d = new Date(`${heute()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + tage);
  return d.toISOString().slice(0, 10);
};

/** Users of one test: two authors, a clerk, a member of a fresh org unit, their deputy. */
async function beteiligte(app: FastifyInstance) {
  const n = eindeutig().toLowerCase();
  const p = { verfasser: `pverf-${n}`, verfasser2: `pverf2-${n}`, sb: `psb-${n}`, mitglied: `pmit-${n}`, vertreter: `pvert-${n}` };
  const admin = await auth(T, 'fachadministration');
  const oe = await app.inject({ method: 'POST', url: '/api/v1/organisationseinheiten', headers: admin, payload: { kuerzel: `PK${n}`, name: `Referat ${n}` } });
  expect(oe.statusCode, oe.body).toBe(201);
  const m = await app.inject({ method: 'PUT', url: `/api/v1/benutzer/${p.mitglied}`, headers: admin, payload: { freigabe: 'offen', organisationseinheiten: [oe.json().id] } });
  expect(m.statusCode, m.body).toBe(200);
  return { ...p, oeId: oe.json().id as string, admin, h: (sub: string) => auth(T, 'sachbearbeitung', sub) };
}

async function offenerVorgang(app: FastifyInstance, sub: string) {
  const e = await neueEinheit(app);
  const akte = (await neueAkte(app, e.id, {}, { sub })).json();
  const v = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: await auth(T, 'sachbearbeitung', sub), payload: { betreff: 'Bebauungsplan Nord' } });
  expect(v.statusCode, v.body).toBe(201);
  return v.json() as { id: string; kennzeichen: string };
}

/** One Verfügung of `von` in `vorgangId` with one step; returns the step's id. */
async function schritt(app: FastifyInstance, vorgangId: string, von: string, s: Record<string, unknown>): Promise<string> {
  const r = await app.inject({
    method: 'POST',
    url: `/api/v1/vorgaenge/${vorgangId}/verfuegungen`,
    headers: await auth(T, 'sachbearbeitung', von),
    payload: { betreff: 'Stellungnahme', laufweg: [{ aktion: 'stellungnahme', ...s }] },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().laufweg[0].id;
}

const postkorb = async (app: FastifyInstance, sub: string, query = '') => app.inject({ method: 'GET', url: `/api/v1/postkorb${query}`, headers: await auth(T, 'sachbearbeitung', sub) });

type Eintrag = { art: string; schrittId: string | null; vorgangId: string; frist: string | null; ueberfaellig: boolean; inVertretungFuer: string | null; absender: string | null };
const ids = (items: Eintrag[]) => items.map((e) => e.schrittId ?? `wv:${e.vorgangId}`);

/** Every page of the Postkorb under `query`, `limit` at a time. */
async function allePages(app: FastifyInstance, sub: string, query: string, limit: number): Promise<Eintrag[]> {
  const alle: Eintrag[] = [];
  let cursor: string | null = null;
  do {
    const r = await postkorb(app, sub, `?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.statusCode, r.body).toBe(200);
    alle.push(...r.json().items);
    cursor = r.json().nextCursor;
  } while (cursor);
  return alle;
}

describe('Postkorb', () => {
  it("brings an absent user's org-unit steps to their deputy, marked in Vertretung, who completes them i. V.", async () => {
    const { app, ereignisse } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const gruppe = await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { organisationseinheitId: p.oeId } });
    // not yet represented: the deputy sees nothing, and may not act
    expect((await postkorb(app, p.vertreter)).json().items).toEqual([]);
    const ohne = await app.inject({ method: 'POST', url: `/api/v1/schritte/${gruppe}/abschliessen`, headers: await p.h(p.vertreter), payload: {} });
    expectProblem(ohne, 403, 'NICHT_BEARBEITER');

    const v = await app.inject({
      method: 'PUT',
      url: '/api/v1/vertretung',
      headers: await p.h(p.mitglied),
      payload: { vertreter: [{ sub: p.vertreter, abwesendVon: tagPlus(-1), abwesendBis: tagPlus(1) }] },
    });
    expect(v.statusCode, v.body).toBe(200);
    const pk = await postkorb(app, p.vertreter);
    expectContract(pk, 'getPostkorb');
    expect(pk.json().items).toEqual([expect.objectContaining({ art: 'schritt', schrittId: gruppe, fuer: { organisationseinheitId: p.oeId }, inVertretungFuer: p.mitglied })]);
    // the member sees it as their own
    expect((await postkorb(app, p.mitglied)).json().items).toEqual([expect.objectContaining({ schrittId: gruppe, inVertretungFuer: null })]);

    const iV = await app.inject({ method: 'POST', url: `/api/v1/schritte/${gruppe}/abschliessen`, headers: await p.h(p.vertreter), payload: { kommentar: 'i. V.' } });
    expect(iV.statusCode, iV.body).toBe(200);
    expect(iV.json().laufweg[0]).toMatchObject({ zustand: 'erledigt', erledigtVon: p.vertreter, imAuftragVon: p.mitglied });
    expect(ereignisse.at(-1)).toMatchObject({ details: { imAuftragVon: p.mitglied } });
    expect((await postkorb(app, p.vertreter)).json().items).toEqual([]);
  });

  it('brings a step the absent user took over to their deputy; an expired Vertretung brings nothing', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const gruppe = await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { organisationseinheitId: p.oeId } });
    const ueber = await app.inject({ method: 'POST', url: `/api/v1/schritte/${gruppe}/uebernehmen`, headers: await p.h(p.mitglied) });
    expect(ueber.statusCode, ueber.body).toBe(200);
    await app.inject({ method: 'PUT', url: '/api/v1/vertretung', headers: await p.h(p.mitglied), payload: { vertreter: [{ sub: p.vertreter }] } });
    expect((await postkorb(app, p.vertreter)).json().items).toEqual([expect.objectContaining({ schrittId: gruppe, inVertretungFuer: p.mitglied })]);
    await app.inject({
      method: 'PUT',
      url: '/api/v1/vertretung',
      headers: await p.h(p.mitglied),
      payload: { vertreter: [{ sub: p.vertreter, abwesendVon: '2000-01-01', abwesendBis: '2000-01-31' }] },
    });
    expect((await postkorb(app, p.vertreter)).json().items).toEqual([]);
  });

  it('holds the due personal Wiedervorlagen, not later ones nor another user’s; done, it leaves', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    const faellig = await offenerVorgang(app, p.sb);
    const spaeter = await offenerVorgang(app, p.sb);
    const h = await p.h(p.sb);
    for (const [id, datum] of [
      [faellig.id, heute()],
      [spaeter.id, tagPlus(3)],
    ] as const) {
      const r = await app.inject({ method: 'PUT', url: `/api/v1/vorgaenge/${id}/wiedervorlage`, headers: h, payload: { datum } });
      expect(r.statusCode, r.body).toBe(200);
    }
    const pk = await postkorb(app, p.sb);
    expectContract(pk, 'getPostkorb');
    expect(pk.json().items).toEqual([
      expect.objectContaining({
        art: 'wiedervorlage',
        schrittId: null,
        verfuegungId: null,
        vorgangId: faellig.id,
        vorgangKennzeichen: faellig.kennzeichen,
        frist: heute(),
        ueberfaellig: false,
        fuer: { sub: p.sb },
      }),
    ]);
    expect((await postkorb(app, p.verfasser)).json().items).toEqual([]);
    // Wiedervorlagen have no Aktion nor Absender: those filters leave them out
    expect((await postkorb(app, p.sb, '?aktion=bearbeitung')).json().items).toEqual([]);
    expect((await postkorb(app, p.sb, `?absender=${p.verfasser}`)).json().items).toEqual([]);
    const erledigt = await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${faellig.id}/wiedervorlage/erledigt`, headers: h });
    expect(erledigt.statusCode, erledigt.body).toBe(200);
    expect((await postkorb(app, p.sb)).json().items).toEqual([]);
  });

  it('flags overdue Fristen and puts them first; by arrival newest first on request; each order pages every item once', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const ohneFrist = await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { sub: p.sb } });
    const morgen = await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { sub: p.sb }, frist: tagPlus(1) });
    const vorWoche = await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { sub: p.sb }, frist: tagPlus(-7) });
    const gestern = await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { sub: p.sb }, frist: tagPlus(-1) });
    const heuteFaellig = await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { sub: p.sb }, frist: heute() });
    const wv = await offenerVorgang(app, p.sb);
    const r = await app.inject({ method: 'PUT', url: `/api/v1/vorgaenge/${wv.id}/wiedervorlage`, headers: await p.h(p.sb), payload: { datum: heute() } });
    expect(r.statusCode, r.body).toBe(200);

    const nachFrist = (await postkorb(app, p.sb)).json().items as Eintrag[];
    // overdue (most overdue first), then what is due today (step and Wiedervorlage), then later, then none
    expect(ids(nachFrist).slice(0, 2)).toEqual([vorWoche, gestern]);
    expect(nachFrist.slice(0, 2).every((e) => e.ueberfaellig)).toBe(true);
    expect(nachFrist.slice(2).some((e) => e.ueberfaellig)).toBe(false);
    expect(new Set(ids(nachFrist).slice(2, 4))).toEqual(new Set([heuteFaellig, `wv:${wv.id}`]));
    expect(ids(nachFrist).slice(4)).toEqual([morgen, ohneFrist]);
    expect(nachFrist[0]).toMatchObject({ absender: p.verfasser, frist: tagPlus(-7) });
    expect(ids(await allePages(app, p.sb, '', 2))).toEqual(ids(nachFrist));
    expect(ids(await allePages(app, p.sb, '&sortierung=frist', 1))).toEqual(ids(nachFrist));

    const neueste = await postkorb(app, p.sb, '?sortierung=eingang');
    expectContract(neueste, 'getPostkorb');
    const steps = (neueste.json().items as Eintrag[]).filter((e) => e.art === 'schritt');
    expect(ids(steps)).toEqual([heuteFaellig, gestern, vorWoche, morgen, ohneFrist]);
    expect(ids(await allePages(app, p.sb, '&sortierung=eingang', 2))).toEqual(ids(neueste.json().items));
    // a cursor of one order is no cursor of the other
    const eins = await postkorb(app, p.sb, '?limit=1');
    expectProblem(await postkorb(app, p.sb, `?sortierung=eingang&cursor=${eins.json().nextCursor}`), 400, 'UNGUELTIGER_CURSOR');
    expectProblem(await postkorb(app, p.sb, '?sortierung=zufall'), 400);
  });

  it('filters by Aktion, Frist (fällig bis), Vorgang and Absender', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    const a = await offenerVorgang(app, p.verfasser);
    const b = await offenerVorgang(app, p.verfasser2);
    const s1 = await schritt(app, a.id, p.verfasser, { bearbeiter: { sub: p.sb }, aktion: 'mitzeichnung', frist: tagPlus(-2) });
    const s2 = await schritt(app, a.id, p.verfasser, { bearbeiter: { sub: p.sb }, aktion: 'kenntnisnahme', frist: tagPlus(5) });
    const s3 = await schritt(app, b.id, p.verfasser2, { bearbeiter: { sub: p.sb }, aktion: 'mitzeichnung' });
    const menge = async (q: string) => new Set(ids((await postkorb(app, p.sb, q)).json().items));
    expect(await menge('?aktion=mitzeichnung')).toEqual(new Set([s1, s3]));
    expect(await menge(`?fristBis=${heute()}`)).toEqual(new Set([s1]));
    expect(await menge(`?fristBis=${tagPlus(5)}`)).toEqual(new Set([s1, s2]));
    expect(await menge(`?vorgangId=${b.id}`)).toEqual(new Set([s3]));
    expect(await menge(`?absender=${p.verfasser}`)).toEqual(new Set([s1, s2]));
    expect(await menge(`?absender=${p.verfasser}&aktion=mitzeichnung&vorgangId=${a.id}`)).toEqual(new Set([s1]));
    expect(await menge(`?vorgangId=${crypto.randomUUID()}`)).toEqual(new Set());
    expectProblem(await postkorb(app, p.sb, '?fristBis=morgen'), 400);
  });

  it('counts the Postkorb per kind, under the same filters', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { sub: p.sb }, frist: tagPlus(-1) });
    await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { sub: p.sb }, aktion: 'mitzeichnung' });
    await schritt(app, vorgang.id, p.verfasser, { bearbeiter: { organisationseinheitId: p.oeId } });
    await app.inject({ method: 'PUT', url: '/api/v1/vertretung', headers: await p.h(p.mitglied), payload: { vertreter: [{ sub: p.sb }] } });
    const wv = await offenerVorgang(app, p.sb);
    await app.inject({ method: 'PUT', url: `/api/v1/vorgaenge/${wv.id}/wiedervorlage`, headers: await p.h(p.sb), payload: { datum: heute() } });

    const anzahl = await app.inject({ method: 'GET', url: '/api/v1/postkorb/anzahl', headers: await p.h(p.sb) });
    expect(anzahl.statusCode, anzahl.body).toBe(200);
    expectContract(anzahl, 'getPostkorbAnzahl');
    expect(anzahl.json()).toEqual({ gesamt: 4, schritte: 3, wiedervorlagen: 1, rueckgaben: 0, ueberfaellig: 1, inVertretung: 1 });
    expect((await allePages(app, p.sb, '', 50)).length).toBe(4);
    const gefiltert = await app.inject({ method: 'GET', url: '/api/v1/postkorb/anzahl?aktion=mitzeichnung', headers: await p.h(p.sb) });
    expect(gefiltert.json()).toEqual({ gesamt: 1, schritte: 1, wiedervorlagen: 0, rueckgaben: 0, ueberfaellig: 0, inVertretung: 0 });
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/postkorb/anzahl', headers: await auth(T, 'pruefung') }), 403, 'KEINE_BERECHTIGUNG');
  });

  it("lets Fachadministration read a user's deputies; others may not", async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    await app.inject({ method: 'PUT', url: '/api/v1/vertretung', headers: await p.h(p.mitglied), payload: { vertreter: [{ sub: p.vertreter, abwesendVon: '2030-01-01' }] } });
    const r = await app.inject({ method: 'GET', url: `/api/v1/benutzer/${p.mitglied}/vertretung`, headers: p.admin });
    expect(r.statusCode, r.body).toBe(200);
    expectContract(r, 'getBenutzerVertretung');
    expect(r.json()).toEqual({ sub: p.mitglied, vertreter: [{ sub: p.vertreter, abwesendVon: '2030-01-01', abwesendBis: null }] });
    expect((await app.inject({ method: 'GET', url: `/api/v1/benutzer/${p.sb}/vertretung`, headers: p.admin })).json()).toEqual({ sub: p.sb, vertreter: [] });
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/benutzer/${p.mitglied}/vertretung`, headers: await p.h(p.sb) }), 403, 'KEINE_BERECHTIGUNG');
  });
});
