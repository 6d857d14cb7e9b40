// One search box over everything: a document's text, extracted in the background after the
// upload, is found by /suche with a snippet, with German stemming, and only where the caller
// may see the Akte.
import { authHeader, expectContract } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alleDienste, schliesseDienste } from './dienste.js';

let apps: Record<string, FastifyInstance> = {};
beforeAll(async () => {
  apps = await alleDienste({ DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '1' });
});
afterAll(() => schliesseDienste(apps));

async function hochladen(vorgangId: string, text: string, headers: Record<string, string>) {
  const form = new FormData();
  form.set('betreff', 'Stellungnahme');
  form.set('datumDesSchreibens', '2026-11-02');
  form.set('datei', new Blob([text]), 'stellungnahme.txt');
  const req = new Request('http://x', { method: 'POST', body: form });
  const res = await apps.dokumente!.inject({
    method: 'POST',
    url: `/api/v1/vorgaenge/${vorgangId}/dokumente`,
    headers: { ...headers, 'content-type': req.headers.get('content-type')! },
    payload: Buffer.from(await req.arrayBuffer()),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('search over document text', { timeout: 60_000 }, () => {
  it("finds a document by an inflected word of its text, with a snippet, inside the caller's visibility", async () => {
    const reg = await authHeader({ tenant: 'demo', roles: ['registratur'] });
    const k = `T${Date.now().toString(36).toUpperCase()}`;
    const einheit = (
      await apps.akten!.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: reg, payload: { kennzeichen: k, titel: 'Volltext', aufbewahrungsfrist: 10, aussonderungsart: 'A' } })
    ).json();
    const akte = (await apps.akten!.inject({ method: 'POST', url: '/api/v1/akten', headers: reg, payload: { aktenplaneinheitId: einheit.id, betreff: 'Ortsumgehung' } })).json();
    const geheim = (
      await apps.akten!.inject({ method: 'POST', url: '/api/v1/akten', headers: reg, payload: { aktenplaneinheitId: einheit.id, betreff: 'Verschlusssache', vertraulichkeitsstufe: '002' } })
    ).json();
    expect(geheim.id).toBeDefined();
    const vorgang = (await apps.akten!.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: reg, payload: { betreff: 'Beteiligung' } })).json();
    const vorgangGeheim = (await apps.akten!.inject({ method: 'POST', url: `/api/v1/akten/${geheim.id}/vorgaenge`, headers: reg, payload: { betreff: 'Beteiligung' } })).json();
    const wort = `Wolkenbach${Date.now().toString(36)}`;
    const dok = await hochladen(vorgang.id, `Die Anwohner erheben Einwände gegen die Trassenführung bei ${wort}.`, reg);
    await hochladen(vorgangGeheim.id, `Vertrauliche Einwände zur Trasse bei ${wort}.`, reg);

    const clerk = await authHeader({ tenant: 'demo', roles: ['sachbearbeitung'], sub: `clerk-${k}` });
    let treffer: { typ: string; id: string; akteId: string; ausschnitt: string | null }[] = [];
    for (let i = 0; i < 40 && treffer.length === 0; i++) {
      const res = await apps.akten!.inject({ method: 'GET', url: `/api/v1/suche?q=${encodeURIComponent(`Einwand ${wort}`)}`, headers: clerk });
      expect(res.statusCode, res.body).toBe(200);
      expectContract(res, 'suche');
      treffer = res.json().items.filter((t: { typ: string }) => t.typ === 'dokument');
      if (treffer.length === 0) await new Promise((r) => setTimeout(r, 500));
    }
    // the VS-NfD Akte's document stays invisible to a clerk without clearance
    expect(treffer.map((t) => t.id)).toEqual([dok.id]);
    expect(treffer[0]!.akteId).toBe(akte.id);
    expect(treffer[0]!.ausschnitt).toContain('«Einwände»');

    // the first part of a compound finds it ("Trasse" → "Trassenführung"), and the hit names its Akte and where it matched
    const teil = await apps.akten!.inject({ method: 'GET', url: `/api/v1/suche?q=${encodeURIComponent(`Trasse ${wort}`)}`, headers: clerk });
    expectContract(teil, 'suche');
    expect(
      teil
        .json()
        .items.filter((t: { typ: string }) => t.typ === 'dokument')
        .map((t: { id: string; fundstelle: string; aktenzeichen: string; akteBetreff: string }) => [t.id, t.fundstelle, t.aktenzeichen, t.akteBetreff]),
    ).toEqual([[dok.id, 'text', akte.aktenzeichen, 'Ortsumgehung']]);

    // another tenant finds nothing
    const fremd = await apps.akten!.inject({ method: 'GET', url: `/api/v1/suche?q=${wort}`, headers: await authHeader({ tenant: 'demo2', roles: ['sachbearbeitung'] }) });
    expect(fremd.json().items).toEqual([]);
  });
});
