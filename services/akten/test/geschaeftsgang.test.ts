// The Geschäftsgang: a Verfügung goes along its Laufweg (parallel Mitzeichnungen, the
// Schlusszeichnung), only the Bearbeiter completes a step, exactly once also under concurrency,
// `nicht_einverstanden` returns it to the author, the Schlussverfügung closes the Vorgang or sets
// its Wiedervorlage, and the Postkorb shows each user what is theirs.
import { createDb, sql } from '@eakte/db';
import { pgFehler } from '@eakte/platform';
import { expectContract, expectProblem } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { describe, expect, inject, it } from 'vitest';
import { auth, baue, eindeutig, neueAkte, neueEinheit } from './hilfen.js';

const T = 'demo';

/** Users of one test: the author, two co-signers (one through an org unit) and the head of unit. */
type Beteiligte = Awaited<ReturnType<typeof beteiligte>>;

async function beteiligte(app: FastifyInstance) {
  const n = eindeutig().toLowerCase();
  const p = { verfasser: `verf-${n}`, mz1: `mz1-${n}`, mz2: `mz2-${n}`, chef: `chef-${n}`, fremd: `fremd-${n}` };
  const admin = await auth(T, 'fachadministration');
  const oe = await app.inject({ method: 'POST', url: '/api/v1/organisationseinheiten', headers: admin, payload: { kuerzel: `OE${n}`, name: `Referat ${n}` } });
  expect(oe.statusCode, oe.body).toBe(201);
  const mitglied = await app.inject({ method: 'PUT', url: `/api/v1/benutzer/${p.mz2}`, headers: admin, payload: { freigabe: 'offen', organisationseinheiten: [oe.json().id] } });
  expect(mitglied.statusCode, mitglied.body).toBe(200);
  const h = async (sub: string) => auth(T, 'sachbearbeitung', sub);
  return { ...p, oeId: oe.json().id as string, h };
}

async function offenerVorgang(app: FastifyInstance, sub: string) {
  const e = await neueEinheit(app);
  const akte = (await neueAkte(app, e.id, {}, { sub })).json();
  const v = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: await auth(T, 'sachbearbeitung', sub), payload: { betreff: 'Bebauungsplan Nord' } });
  expect(v.statusCode, v.body).toBe(201);
  return v.json() as { id: string; kennzeichen: string; akteId: string };
}

async function verfuegen(app: FastifyInstance, vorgangId: string, sub: string, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgangId}/verfuegungen`, headers: await auth(T, 'sachbearbeitung', sub), payload: { betreff: 'Stellungnahme', ...body } });
}

/** A running Verfügung of the author in a new open Vorgang, with the Laufweg `laufweg` builds for the participants. */
async function laufendeVerfuegung(laufweg: (p: Beteiligte) => Record<string, unknown>[]) {
  const { app, ereignisse } = await baue();
  const p = await beteiligte(app);
  const vorgang = await offenerVorgang(app, p.verfasser);
  const v = (await verfuegen(app, vorgang.id, p.verfasser, { laufweg: laufweg(p) })).json();
  return { app, ereignisse, p, vorgang, v };
}

/** One step `aktion` for mz1, then the Zeichnung by the chief. */
const vorMitarbeitUndZeichnung = (aktion: string) =>
  laufendeVerfuegung((p) => [
    { bearbeiter: { sub: p.mz1 }, aktion },
    { bearbeiter: { sub: p.chef }, aktion: 'zeichnung' },
  ]);

const abschliessen = async (app: FastifyInstance, schrittId: string, sub: string, body: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: `/api/v1/schritte/${schrittId}/abschliessen`, headers: await auth(T, 'sachbearbeitung', sub), payload: body });

const postkorb = async (app: FastifyInstance, sub: string, query = '') => app.inject({ method: 'GET', url: `/api/v1/postkorb${query}`, headers: await auth(T, 'sachbearbeitung', sub) });

type Schritt = { id: string; position: number; zweig: number; zustand: string; aktion: string; votum: string | null; erledigtVon: string | null };

describe('Geschäftsgang', () => {
  it('runs two parallel Mitzeichnungen, then the Schlusszeichnung with z.d.A. of the Vorgang, each step audited', async () => {
    const { app, ereignisse } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const res = await verfuegen(app, vorgang.id, p.verfasser, {
      laufweg: [
        { bearbeiter: { sub: p.mz1 }, aktion: 'mitzeichnung', parallelGruppe: 1, frist: '2030-01-15', hinweis: 'Bitte bis Mitte Januar' },
        { bearbeiter: { organisationseinheitId: p.oeId }, aktion: 'mitzeichnung', parallelGruppe: 1 },
        { bearbeiter: { sub: p.chef }, aktion: 'zeichnung' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createVerfuegung');
    const v = res.json();
    expect(v).toMatchObject({ vorgangId: vorgang.id, verfasser: p.verfasser, status: 'laufend', aktuellePosition: 1, schlussverfuegung: null });
    expect(v.laufweg.map((s: Schritt) => [s.position, s.zweig, s.zustand])).toEqual([
      [1, 1, 'aktuell'],
      [1, 2, 'aktuell'],
      [2, 1, 'geplant'],
    ]);
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'verfuegung.erstellt', objektTyp: 'verfuegung', objektId: v.id, akteId: vorgang.akteId });
    const [s1, s2, s3] = v.laufweg as Schritt[];

    // the Postkorb: the user's own step, the org unit's step for its member, nothing yet for the head
    const pk1 = await postkorb(app, p.mz1);
    expect(pk1.statusCode, pk1.body).toBe(200);
    expectContract(pk1, 'getPostkorb');
    expect(pk1.json().items).toEqual([
      expect.objectContaining({ art: 'schritt', schrittId: s1!.id, verfuegungId: v.id, vorgangKennzeichen: vorgang.kennzeichen, aktion: 'mitzeichnung', frist: '2030-01-15', fuer: { sub: p.mz1 } }),
    ]);
    expect((await postkorb(app, p.mz2)).json().items).toEqual([expect.objectContaining({ schrittId: s2!.id, fuer: { organisationseinheitId: p.oeId } })]);
    expect((await postkorb(app, p.chef)).json().items).toEqual([]);
    expect((await postkorb(app, p.mz1, '?aktion=zeichnung')).json().items).toEqual([]);

    // only the Bearbeiter; a Mitzeichnung needs its Votum; no Schlussverfügung before the end
    expectProblem(await abschliessen(app, s1!.id, p.chef, { votum: 'einverstanden' }), 403, 'NICHT_BEARBEITER');
    expectProblem(await abschliessen(app, s1!.id, p.mz1, { kommentar: 'ohne Votum' }), 422, 'VOTUM_UNGUELTIG');
    expectProblem(await abschliessen(app, s1!.id, p.mz1, { votum: 'einverstanden', schlussverfuegung: { art: 'zdA' } }), 422, 'SCHLUSSVERFUEGUNG_UNZULAESSIG');
    expectProblem(await abschliessen(app, s3!.id, p.chef, {}), 409, 'SCHRITT_NICHT_AKTUELL');

    const nachMz1 = await abschliessen(app, s1!.id, p.mz1, { votum: 'einverstanden_mit_aenderungen', kommentar: 'Absatz 2 kürzen' });
    expect(nachMz1.statusCode, nachMz1.body).toBe(200);
    expectContract(nachMz1, 'abschliessenSchritt');
    // the parallel step is still open: the position stays
    expect(nachMz1.json()).toMatchObject({ aktuellePosition: 1 });
    expect(nachMz1.json().laufweg[0]).toMatchObject({ zustand: 'erledigt', votum: 'einverstanden_mit_aenderungen', kommentar: 'Absatz 2 kürzen', erledigtVon: p.mz1 });
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'verfuegung.schritt_erledigt', aenderungen: [{ feld: `schritt[${s1!.id}].zustand`, alt: 'aktuell', neu: 'erledigt' }] });
    expectProblem(await abschliessen(app, s1!.id, p.mz1, { votum: 'einverstanden' }), 409, 'SCHRITT_NICHT_AKTUELL');

    const nachMz2 = await abschliessen(app, s2!.id, p.mz2, { votum: 'einverstanden' });
    expect(nachMz2.statusCode, nachMz2.body).toBe(200);
    expect(nachMz2.json()).toMatchObject({ aktuellePosition: 2 });
    expect(nachMz2.json().laufweg[2]).toMatchObject({ zustand: 'aktuell' });
    // the answer is the Laufweg as stored
    expect(nachMz2.json()).toEqual((await app.inject({ method: 'GET', url: `/api/v1/verfuegungen/${v.id}`, headers: await p.h(p.mz2) })).json());
    expect((await postkorb(app, p.mz2)).json().items).toEqual([]);
    expect((await postkorb(app, p.chef)).json().items).toEqual([expect.objectContaining({ schrittId: s3!.id, aktion: 'zeichnung' })]);

    // the Zeichnung takes no Votum; with zdA it closes the Vorgang through the z.d.A. rules
    expectProblem(await abschliessen(app, s3!.id, p.chef, { votum: 'einverstanden' }), 422, 'VOTUM_UNGUELTIG');
    const gezeichnet = await abschliessen(app, s3!.id, p.chef, { kommentar: 'Gezeichnet', schlussverfuegung: { art: 'zdA' } });
    expect(gezeichnet.statusCode, gezeichnet.body).toBe(200);
    expect(gezeichnet.json()).toMatchObject({ status: 'abgeschlossen', aktuellePosition: null, schlussverfuegung: { art: 'zdA' } });
    expect(ereignisse.slice(-2).map((e) => e.aktion)).toEqual(['verfuegung.abgeschlossen', 'vorgang.zda']);
    const vg = await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${vorgang.id}`, headers: await p.h(p.verfasser) });
    expect(vg.json()).toMatchObject({ status: 'geschlossen' });
    expect((await postkorb(app, p.chef)).json().items).toEqual([]);

    const get = await app.inject({ method: 'GET', url: `/api/v1/verfuegungen/${v.id}`, headers: await p.h(p.mz1) });
    expect(get.statusCode, get.body).toBe(200);
    expectContract(get, 'getVerfuegung');
    expect(get.json().laufweg.map((s: Schritt) => s.zustand)).toEqual(['erledigt', 'erledigt', 'erledigt']);

    // no Verfügung on a closed Vorgang
    expectProblem(await verfuegen(app, vorgang.id, p.verfasser, { laufweg: [{ bearbeiter: { sub: p.chef }, aktion: 'kenntnisnahme' }] }), 409, 'OBJEKT_GESCHLOSSEN');
  });

  it('completes a step exactly once when five requests race for it', async () => {
    const { app, ereignisse, p, v } = await vorMitarbeitUndZeichnung('kenntnisnahme');
    const vorher = ereignisse.length;
    const antworten = await Promise.all(Array.from({ length: 5 }, (_, i) => abschliessen(app, v.laufweg[0].id, p.mz1, { kommentar: `zK ${i}` })));
    const codes = antworten.map((r) => r.statusCode).sort();
    expect(codes, antworten.map((r) => r.body).join('\n')).toEqual([200, 409, 409, 409, 409]);
    for (const r of antworten.filter((a) => a.statusCode === 409)) expectProblem(r, 409, 'SCHRITT_NICHT_AKTUELL');
    // one audit event, one advance
    expect(ereignisse.slice(vorher).map((e) => e.aktion)).toEqual(['verfuegung.schritt_erledigt']);
    const get = (await app.inject({ method: 'GET', url: `/api/v1/verfuegungen/${v.id}`, headers: await p.h(p.verfasser) })).json();
    expect(get).toMatchObject({ aktuellePosition: 2, version: 2 });
    expect(get.laufweg.map((s: Schritt) => s.zustand)).toEqual(['erledigt', 'aktuell']);
  });

  it('returns the Verfügung to its author on nicht_einverstanden; the parallel step waits', async () => {
    const { app, ereignisse, p, v } = await laufendeVerfuegung((p) => [
      { bearbeiter: { sub: p.mz1 }, aktion: 'mitzeichnung', parallelGruppe: 7 },
      { bearbeiter: { organisationseinheitId: p.oeId }, aktion: 'mitzeichnung', parallelGruppe: 7 },
      { bearbeiter: { sub: p.chef }, aktion: 'zeichnung' },
    ]);
    const zurueck = await abschliessen(app, v.laufweg[0].id, p.mz1, { votum: 'nicht_einverstanden', kommentar: 'Rechtsgrundlage fehlt' });
    expect(zurueck.statusCode, zurueck.body).toBe(200);
    expect(zurueck.json()).toMatchObject({ status: 'zurueckgegeben', aktuellePosition: null });
    expect(zurueck.json().laufweg.map((s: Schritt) => s.zustand)).toEqual(['zurueckgegeben', 'geplant', 'geplant']);
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'verfuegung.zurueckgegeben', aenderungen: expect.arrayContaining([{ feld: 'status', alt: 'laufend', neu: 'zurueckgegeben' }]) });
    // the co-signer of the org unit can no longer act; the author has it back in the Postkorb
    expectProblem(await abschliessen(app, v.laufweg[1].id, p.mz2, { votum: 'einverstanden' }), 409, 'SCHRITT_NICHT_AKTUELL');
    expect((await postkorb(app, p.mz2)).json().items).toEqual([]);
    expect((await postkorb(app, p.verfasser)).json().items).toEqual([expect.objectContaining({ art: 'rueckgabe', verfuegungId: v.id, schrittId: null, aktion: null, fuer: { sub: p.verfasser } })]);
    expect((await postkorb(app, p.verfasser, '?aktion=mitzeichnung')).json().items).toEqual([]);

    // the author sends it again with a changed Laufweg; only the author may
    const laufweg = (sub: string) => ({
      grund: 'Rechtsgrundlage ergänzt',
      laufweg: [
        { bearbeiter: { sub }, aktion: 'mitzeichnung' },
        { bearbeiter: { sub: p.chef }, aktion: 'zeichnung' },
      ],
    });
    expectProblem(await app.inject({ method: 'PUT', url: `/api/v1/verfuegungen/${v.id}/laufweg`, headers: await p.h(p.mz1), payload: laufweg(p.mz1) }), 403, 'KEINE_BERECHTIGUNG');
    const erneut = await app.inject({ method: 'PUT', url: `/api/v1/verfuegungen/${v.id}/laufweg`, headers: await p.h(p.verfasser), payload: laufweg(p.mz1) });
    expect(erneut.statusCode, erneut.body).toBe(200);
    expectContract(erneut, 'setLaufweg');
    expect(erneut.json()).toMatchObject({ status: 'laufend', aktuellePosition: 3 });
    expect(erneut.json().laufweg.map((s: Schritt) => [s.position, s.aktion, s.zustand])).toEqual([
      [1, 'mitzeichnung', 'zurueckgegeben'],
      [1, 'mitzeichnung', 'uebersprungen'],
      [2, 'zeichnung', 'uebersprungen'],
      [3, 'mitzeichnung', 'aktuell'],
      [4, 'zeichnung', 'geplant'],
    ]);
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'verfuegung.laufweg_geaendert', details: { grund: 'Rechtsgrundlage ergänzt' } });
    expect((await postkorb(app, p.verfasser)).json().items).toEqual([]);
    expect((await postkorb(app, p.mz1)).json().items).toEqual([expect.objectContaining({ schrittId: erneut.json().laufweg[3].id })]);
  });

  it('lets the author skip and add future steps of a running Verfügung; the current step stays', async () => {
    const { app, p, v } = await vorMitarbeitUndZeichnung('bearbeitung');
    const geaendert = await app.inject({
      method: 'PUT',
      url: `/api/v1/verfuegungen/${v.id}/laufweg`,
      headers: await p.h(p.verfasser),
      payload: {
        grund: 'Referat 2 beteiligen',
        laufweg: [
          { bearbeiter: { organisationseinheitId: p.oeId }, aktion: 'stellungnahme' },
          { bearbeiter: { sub: p.chef }, aktion: 'zeichnung' },
        ],
      },
    });
    expect(geaendert.statusCode, geaendert.body).toBe(200);
    expect(geaendert.json().laufweg.map((s: Schritt) => [s.position, s.zustand])).toEqual([
      [1, 'aktuell'],
      [2, 'uebersprungen'],
      [3, 'geplant'],
      [4, 'geplant'],
    ]);
    // completing the current step skips the skipped one
    const weiter = await abschliessen(app, v.laufweg[0].id, p.mz1, { kommentar: 'erledigt' });
    expect(weiter.json()).toMatchObject({ aktuellePosition: 3 });
    expect((await postkorb(app, p.mz2)).json().items).toEqual([expect.objectContaining({ aktion: 'stellungnahme', fuer: { organisationseinheitId: p.oeId } })]);
    expectProblem(
      await app.inject({
        method: 'PUT',
        url: `/api/v1/verfuegungen/${v.id}/laufweg`,
        headers: await p.h(p.verfasser),
        payload: {
          grund: 'x',
          laufweg: [
            { bearbeiter: { sub: p.chef }, aktion: 'zeichnung' },
            { bearbeiter: { sub: p.mz1 }, aktion: 'kenntnisnahme' },
          ],
        },
      }),
      422,
      'LAUFWEG_UNGUELTIG',
    );
    await abschliessen(app, weiter.json().laufweg[2].id, p.mz2, {});
    await abschliessen(app, weiter.json().laufweg[3].id, p.chef, {});
    expectProblem(
      await app.inject({
        method: 'PUT',
        url: `/api/v1/verfuegungen/${v.id}/laufweg`,
        headers: await p.h(p.verfasser),
        payload: { grund: 'zu spät', laufweg: [{ bearbeiter: { sub: p.mz1 }, aktion: 'kenntnisnahme' }] },
      }),
      409,
      'KONFLIKT',
    );
  });

  it('sets the Wiedervorlage with the Schlussverfügung wv, which needs a date', async () => {
    const { app, ereignisse } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const v = (await verfuegen(app, vorgang.id, p.verfasser, { laufweg: [{ bearbeiter: { sub: p.chef }, aktion: 'zeichnung' }] })).json();
    expectProblem(await abschliessen(app, v.laufweg[0].id, p.chef, { schlussverfuegung: { art: 'wv' } }), 422, 'SCHLUSSVERFUEGUNG_UNZULAESSIG');
    expectProblem(await abschliessen(app, v.laufweg[0].id, p.chef, { schlussverfuegung: {} }), 400, 'VALIDIERUNGSFEHLER');
    const wv = await abschliessen(app, v.laufweg[0].id, p.chef, { schlussverfuegung: { art: 'wv', datum: '2031-02-03' } });
    expect(wv.statusCode, wv.body).toBe(200);
    expect(wv.json()).toMatchObject({ status: 'abgeschlossen', schlussverfuegung: { art: 'wv', datum: '2031-02-03' } });
    // "Wv.": the file comes back to its Verfasser on that day, not to the signer
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'vorgang.wiedervorlage.gesetzt', details: { datum: '2031-02-03', fuer: p.verfasser } });
    const vg = (await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${vorgang.id}`, headers: await p.h(p.verfasser) })).json();
    expect(vg).toMatchObject({ status: 'offen', wiedervorlage: '2031-02-03' });
    const beimChef = (await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${vorgang.id}`, headers: await p.h(p.chef) })).json();
    expect(beimChef.wiedervorlage).toBeNull();
  });

  it('refuses a Laufweg whose Zeichnung is not alone at the end, or whose parallel group is broken', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const s = (sub: string, aktion: string, parallelGruppe?: number) => ({ bearbeiter: { sub }, aktion, ...(parallelGruppe ? { parallelGruppe } : {}) });
    for (const laufweg of [
      [s(p.chef, 'zeichnung'), s(p.mz1, 'mitzeichnung')],
      [s(p.chef, 'zeichnung'), s(p.mz1, 'zeichnung')],
      [s(p.mz1, 'mitzeichnung', 2), s(p.chef, 'zeichnung', 2)],
      [s(p.mz1, 'mitzeichnung', 1), s(p.mz2, 'bearbeitung'), s(p.mz1, 'kenntnisnahme', 1)],
    ]) {
      const res = await verfuegen(app, vorgang.id, p.verfasser, { laufweg });
      expectProblem(res, 422, 'LAUFWEG_UNGUELTIG');
      expectContract(res, 'createVerfuegung');
    }
    expectProblem(await verfuegen(app, vorgang.id, p.verfasser, { laufweg: [{ bearbeiter: { sub: 'x', organisationseinheitId: p.oeId }, aktion: 'bearbeitung' }] }), 400, 'VALIDIERUNGSFEHLER');
    // a document of another Vorgang (here: none exists) cannot be pinned
    expectProblem(await verfuegen(app, vorgang.id, p.verfasser, { dokumente: [{ dokumentId: crypto.randomUUID(), version: 1 }], laufweg: [s(p.chef, 'zeichnung')] }), 422, 'NICHT_VERARBEITBAR');
  });

  it('pages the Postkorb by arrival, each item once', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await verfuegen(app, vorgang.id, p.verfasser, { laufweg: [{ bearbeiter: { sub: p.mz1 }, aktion: 'stellungnahme' }] })).json().laufweg[0].id);
    }
    const erste = await postkorb(app, p.mz1, '?limit=2');
    expect(erste.statusCode, erste.body).toBe(200);
    expect(erste.json().items.map((e: { schrittId: string }) => e.schrittId)).toEqual(ids.slice(0, 2));
    const zweite = await postkorb(app, p.mz1, `?limit=2&cursor=${erste.json().nextCursor}`);
    expect(zweite.json()).toMatchObject({ items: [expect.objectContaining({ schrittId: ids[2] })], nextCursor: null });
    expectProblem(await postkorb(app, p.mz1, '?cursor=abc'), 400, 'UNGUELTIGER_CURSOR');
  });

  it('keeps another tenant out, and someone who neither sees the Vorgang nor works on it', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const v = (await verfuegen(app, vorgang.id, p.verfasser, { laufweg: [{ bearbeiter: { sub: p.mz1 }, aktion: 'bearbeitung' }] })).json();
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/verfuegungen/${v.id}`, headers: await auth('demo2', 'sachbearbeitung', p.mz1) }), 404, 'NICHT_GEFUNDEN');
    expectProblem(
      await app.inject({ method: 'POST', url: `/api/v1/schritte/${v.laufweg[0].id}/abschliessen`, headers: await auth('demo2', 'sachbearbeitung', p.mz1), payload: {} }),
      404,
      'NICHT_GEFUNDEN',
    );
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/verfuegungen/${crypto.randomUUID()}`, headers: await p.h(p.mz1) }), 404, 'NICHT_GEFUNDEN');
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/postkorb', headers: await auth(T, 'pruefung') }), 403, 'KEINE_BERECHTIGUNG');
  });

  it("shows an absent user's steps to their deputy, who completes them i. V.; an expired Vertretung gives nothing", async () => {
    const { app, ereignisse } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    // mz1 is away now, with fremd as deputy; chef represented mz2 only in the past (set by Fachadministration)
    const eigene = await app.inject({
      method: 'PUT',
      url: '/api/v1/vertretung',
      headers: await p.h(p.mz1),
      payload: { vertreter: [{ sub: p.fremd, abwesendVon: '2000-01-01', abwesendBis: '2999-12-31' }] },
    });
    expect(eigene.statusCode, eigene.body).toBe(200);
    expectContract(eigene, 'setVertretung');
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'vertretung.gesetzt', details: { sub: p.mz1 }, aenderungen: [{ feld: 'vertreter', alt: [], neu: [{ sub: p.fremd }] }] });
    const admin = await auth(T, 'fachadministration');
    const fuerAndere = await app.inject({
      method: 'PUT',
      url: `/api/v1/benutzer/${p.mz2}/vertretung`,
      headers: admin,
      payload: { vertreter: [{ sub: p.chef, abwesendVon: '2000-01-01', abwesendBis: '2000-12-31' }] },
    });
    expect(fuerAndere.statusCode, fuerAndere.body).toBe(200);
    expectContract(fuerAndere, 'setBenutzerVertretung');
    expectProblem(await app.inject({ method: 'PUT', url: `/api/v1/benutzer/${p.mz2}/vertretung`, headers: await p.h(p.mz1), payload: { vertreter: [] } }), 403, 'KEINE_BERECHTIGUNG');
    expectProblem(await app.inject({ method: 'PUT', url: '/api/v1/vertretung', headers: await p.h(p.mz1), payload: { vertreter: [{ sub: p.mz1 }] } }), 422, 'NICHT_VERARBEITBAR');
    expectProblem(
      await app.inject({ method: 'PUT', url: '/api/v1/vertretung', headers: await p.h(p.mz1), payload: { vertreter: [{ sub: p.chef, abwesendVon: '2030-02-01', abwesendBis: '2030-01-01' }] } }),
      422,
      'NICHT_VERARBEITBAR',
    );
    const gelesen = await app.inject({ method: 'GET', url: '/api/v1/vertretung', headers: await p.h(p.mz1) });
    expectContract(gelesen, 'getVertretung');
    expect(gelesen.json()).toEqual({ sub: p.mz1, vertreter: [{ sub: p.fremd, abwesendVon: '2000-01-01', abwesendBis: '2999-12-31' }] });

    const v = (
      await verfuegen(app, vorgang.id, p.verfasser, {
        laufweg: [
          { bearbeiter: { sub: p.mz1 }, aktion: 'mitzeichnung', parallelGruppe: 1 },
          { bearbeiter: { sub: p.mz2 }, aktion: 'mitzeichnung', parallelGruppe: 1 },
        ],
      })
    ).json();
    const [s1, s2] = v.laufweg as Schritt[];
    expect((await postkorb(app, p.fremd)).json().items).toEqual([expect.objectContaining({ schrittId: s1!.id, fuer: { sub: p.mz1 }, inVertretungFuer: p.mz1 })]);
    expect((await postkorb(app, p.mz1)).json().items).toEqual([expect.objectContaining({ schrittId: s1!.id, inVertretungFuer: null })]);
    expect((await postkorb(app, p.chef)).json().items).toEqual([]);
    expectProblem(await abschliessen(app, s2!.id, p.chef, { votum: 'einverstanden' }), 403, 'NICHT_BEARBEITER');

    const iV = await abschliessen(app, s1!.id, p.fremd, { votum: 'einverstanden', kommentar: 'i. V.' });
    expect(iV.statusCode, iV.body).toBe(200);
    expect(iV.json().laufweg[0]).toMatchObject({ zustand: 'erledigt', erledigtVon: p.fremd, imAuftragVon: p.mz1 });
    expect(ereignisse.at(-1)).toMatchObject({ aktion: 'verfuegung.schritt_erledigt', details: { imAuftragVon: p.mz1, bearbeiterSub: p.mz1 } });
    expect((await postkorb(app, p.mz1)).json().items).toEqual([]);
    // mz2 acts in person: no i. V.
    const selbst = await abschliessen(app, s2!.id, p.mz2, { votum: 'einverstanden' });
    expect(selbst.json()).toMatchObject({ status: 'abgeschlossen' });
    expect(selbst.json().laufweg[1]).toMatchObject({ erledigtVon: p.mz2, imAuftragVon: null });
  });

  it('lets one member of the org unit take its step over, atomically; then only they complete it', async () => {
    const { app, ereignisse } = await baue();
    const p = await beteiligte(app);
    const kollege = `kollege-${eindeutig().toLowerCase()}`;
    const admin = await auth(T, 'fachadministration');
    expect((await app.inject({ method: 'PUT', url: `/api/v1/benutzer/${kollege}`, headers: admin, payload: { freigabe: 'offen', organisationseinheiten: [p.oeId] } })).statusCode).toBe(200);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const v = (
      await verfuegen(app, vorgang.id, p.verfasser, {
        laufweg: [
          { bearbeiter: { organisationseinheitId: p.oeId }, aktion: 'mitzeichnung', parallelGruppe: 1 },
          { bearbeiter: { sub: p.mz1 }, aktion: 'mitzeichnung', parallelGruppe: 1 },
        ],
      })
    ).json();
    const [gruppe, einzeln] = v.laufweg as Schritt[];
    const uebernehmen = async (id: string, sub: string) => app.inject({ method: 'POST', url: `/api/v1/schritte/${id}/uebernehmen`, headers: await p.h(sub) });
    expectProblem(await uebernehmen(gruppe!.id, p.mz1), 403, 'NICHT_BEARBEITER');
    expectProblem(await uebernehmen(einzeln!.id, p.mz1), 403, 'NICHT_BEARBEITER');

    const [a, b] = await Promise.all([uebernehmen(gruppe!.id, p.mz2), uebernehmen(gruppe!.id, kollege)]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body}\n${b.body}`).toEqual([200, 409]);
    const [sieger, verlierer] = a.statusCode === 200 ? [p.mz2, kollege] : [kollege, p.mz2];
    const ok = a.statusCode === 200 ? a : b;
    expectContract(ok, 'uebernehmenSchritt');
    expectProblem(a.statusCode === 200 ? b : a, 409, 'SCHRITT_UEBERNOMMEN');
    expect(ok.json().laufweg[0]).toMatchObject({ uebernommenVon: sieger, bearbeiter: { organisationseinheitId: p.oeId } });
    expect(ereignisse.filter((e) => e.aktion === 'verfuegung.schritt_uebernommen')).toHaveLength(1);

    expect((await postkorb(app, sieger)).json().items).toEqual([expect.objectContaining({ schrittId: gruppe!.id })]);
    expect((await postkorb(app, verlierer)).json().items).toEqual([]);
    expectProblem(await abschliessen(app, gruppe!.id, verlierer, { votum: 'einverstanden' }), 403, 'NICHT_BEARBEITER');
    const fertig = await abschliessen(app, gruppe!.id, sieger, { votum: 'einverstanden' });
    expect(fertig.statusCode, fertig.body).toBe(200);
    expect(fertig.json().laufweg[0]).toMatchObject({ zustand: 'erledigt', erledigtVon: sieger });
    expectProblem(await uebernehmen(gruppe!.id, verlierer), 409, 'SCHRITT_NICHT_AKTUELL');
  });

  it('takes no more steps once the Vorgang is closed by other means', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    const vorgang = await offenerVorgang(app, p.verfasser);
    const v = (await verfuegen(app, vorgang.id, p.verfasser, { laufweg: [{ bearbeiter: { sub: p.mz1 }, aktion: 'bearbeitung' }] })).json();
    const zda = await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgang.id}/zda`, headers: await p.h(p.verfasser), payload: {} });
    expect(zda.statusCode, zda.body).toBe(200);
    expectProblem(await abschliessen(app, v.laufweg[0].id, p.mz1, { kommentar: 'zu spät' }), 409, 'OBJEKT_GESCHLOSSEN');
  });

  it('holds the Laufweg rules in the database too: one Zeichnung, current steps only at the current position', async () => {
    const { v } = await vorMitarbeitUndZeichnung('mitzeichnung');
    const db = createDb(inject('ownerUrl'), { max: 1 });
    const mandant = inject('demo').demo!;
    try {
      const fehler = async (anweisung: ReturnType<typeof sql>) => {
        const e = await db
          .withMandant(mandant, (tx) => tx.execute(anweisung))
          .then(
            () => null,
            (err: unknown) => pgFehler(err),
          );
        return { code: e?.code, constraint: e?.constraint };
      };
      // a second current position
      expect(await fehler(sql`UPDATE akten.verfuegung_schritt SET zustand = 'aktuell', aktuell_seit = now() WHERE id = ${v.laufweg[1].id}`)).toEqual({
        code: '23514',
        constraint: 'verfuegung_laufweg',
      });
      // a step after the Zeichnung
      expect(
        await fehler(
          sql`INSERT INTO akten.verfuegung_schritt (id, mandant_id, verfuegung_id, position, bearbeiter_sub, aktion) VALUES (${crypto.randomUUID()}, ${mandant}, ${v.id}, 3, 'x', 'kenntnisnahme')`,
        ),
      ).toEqual({ code: '23514', constraint: 'verfuegung_laufweg' });
      // a second Zeichnung
      expect(
        await fehler(
          sql`INSERT INTO akten.verfuegung_schritt (id, mandant_id, verfuegung_id, position, zweig, bearbeiter_sub, aktion) VALUES (${crypto.randomUUID()}, ${mandant}, ${v.id}, 2, 2, 'x', 'zeichnung')`,
        ),
      ).toEqual({ code: '23505', constraint: 'verfuegung_schritt_zeichnung_uq' });
      // a Mitzeichnung done without its Votum
      expect(await fehler(sql`UPDATE akten.verfuegung_schritt SET zustand = 'erledigt', erledigt_von = 'x', erledigt_am = now() WHERE id = ${v.laufweg[0].id}`)).toEqual({
        code: '23514',
        constraint: 'verfuegung_schritt_votum_ck',
      });
    } finally {
      await db.close();
    }
  });
});

describe('Verfügungen of a Vorgang', () => {
  it('lists them oldest first with their current steps, page by page; beyond the Vorgang only those the caller may read one by one', async () => {
    const { app } = await baue();
    const p = await beteiligte(app);
    // a VS-NfD Vorgang: the co-signers (clearance offen) do not see it, only their own Verfügungen in it
    const admin = await auth(T, 'fachadministration');
    expect(
      (await app.inject({ method: 'PUT', url: `/api/v1/benutzer/${p.verfasser}`, headers: admin, payload: { name: p.verfasser, freigabe: 'vs-nfd', organisationseinheiten: [] } })).statusCode,
    ).toBe(200);
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id, { vertraulichkeitsstufe: '002' }, { sub: p.verfasser })).json();
    const vg = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: await p.h(p.verfasser), payload: { betreff: 'Verschlusssache' } });
    expect(vg.statusCode, vg.body).toBe(201);
    const vorgangId = vg.json().id as string;
    const neu = async (betreff: string, laufweg: Record<string, unknown>[]) => {
      const r = await verfuegen(app, vorgangId, p.verfasser, { betreff, laufweg });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string; laufweg: Schritt[] };
    };
    const a = await neu('Mitzeichnung', [
      { bearbeiter: { sub: p.mz1 }, aktion: 'mitzeichnung', parallelGruppe: 1 },
      { bearbeiter: { organisationseinheitId: p.oeId }, aktion: 'mitzeichnung', parallelGruppe: 1 },
      { bearbeiter: { sub: p.chef }, aktion: 'zeichnung' },
    ]);
    const b = await neu('Kenntnis', [{ bearbeiter: { sub: p.chef }, aktion: 'kenntnisnahme' }]);
    const c = await neu('Erledigt', [{ bearbeiter: { sub: p.mz1 }, aktion: 'kenntnisnahme' }]);
    expect((await abschliessen(app, c.laufweg[0]!.id, p.mz1, { schlussverfuegung: { art: 'weglegen' } })).statusCode).toBe(200);

    const liste = async (sub: string, query = '') => app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${vorgangId}/verfuegungen${query}`, headers: await p.h(sub) });
    const s1 = await liste(p.verfasser, '?limit=2');
    expect(s1.statusCode, s1.body).toBe(200);
    expectContract(s1, 'listVerfuegungen');
    expect(s1.json().items).toEqual([
      expect.objectContaining({ id: a.id, betreff: 'Mitzeichnung', status: 'laufend', aktuellePosition: 1, aktuelleSchritte: [a.laufweg[0], a.laufweg[1]] }),
      expect.objectContaining({
        id: b.id,
        status: 'laufend',
        aktuelleSchritte: [expect.objectContaining({ id: b.laufweg[0]!.id, bearbeiter: { sub: p.chef }, aktion: 'kenntnisnahme', zustand: 'aktuell' })],
      }),
    ]);
    expect(s1.json().nextCursor).toEqual(expect.any(String));
    const s2 = await liste(p.verfasser, `?limit=2&cursor=${s1.json().nextCursor}`);
    expectContract(s2, 'listVerfuegungen');
    expect(s2.json()).toEqual({
      items: [expect.objectContaining({ id: c.id, status: 'abgeschlossen', aktuellePosition: null, aktuelleSchritte: [], schlussverfuegung: { art: 'weglegen' } })],
      nextCursor: null,
    });

    // as GET /verfuegungen/{id}: a Bearbeiter (in person, through the org unit) reads their own, nothing else of the hidden Vorgang
    const ids = async (sub: string) => (await liste(sub)).json().items.map((v: { id: string }) => v.id);
    expect(await ids(p.mz1)).toEqual([a.id, c.id]);
    expect(await ids(p.mz2)).toEqual([a.id]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/verfuegungen/${b.id}`, headers: await p.h(p.mz1) })).statusCode).toBe(404);
    const fremd = await liste(p.fremd);
    expectProblem(fremd, 404, 'NICHT_GEFUNDEN');
    expectContract(fremd, 'listVerfuegungen');
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/vorgaenge/01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5d99/verfuegungen`, headers: await p.h(p.verfasser) }), 404, 'NICHT_GEFUNDEN');
    expectProblem(await liste(p.verfasser, '?cursor=eyJ4IjoxfQ'), 400, 'UNGUELTIGER_CURSOR');
  });
});
