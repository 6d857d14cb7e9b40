// A Geschäftsgang over the gateway's socket with curl: a clerk writes a Verfügung, the co-signer
// finds it in the Postkorb and co-signs, the head of unit signs with z.d.A. — five curl processes
// racing for that signature get exactly one 200 — and the Akte's history shows each step.
import { describe, expect, it } from 'vitest';
import { akteMitVorgang, api, curl, token } from './lib.js';

const n = Date.now().toString(36);
const json = (t: string) => ['-H', `Authorization: Bearer ${t}`, '-H', 'Content-Type: application/json'];

describe('outside-in: Geschäftsgang', () => {
  it('Verfügung → Postkorb → Mitzeichnung → Schlusszeichnung with z.d.A., the signature exactly once', async () => {
    const verfasser = await token({ tenant: 'demo', roles: ['sachbearbeitung'], sub: `aussen-verf-${n}` });
    const mitzeichner = await token({ tenant: 'demo', roles: ['sachbearbeitung'], sub: `aussen-mz-${n}` });
    const chef = await token({ tenant: 'demo', roles: ['sachbearbeitung'], sub: `aussen-chef-${n}` });
    const { akteId, vorgangId } = await akteMitVorgang(verfasser, 'Geschäftsgang');

    const neu = await curl([
      ...json(verfasser),
      '--data',
      JSON.stringify({
        betreff: 'Stellungnahme an das Ministerium',
        laufweg: [
          { bearbeiter: { sub: `aussen-mz-${n}` }, aktion: 'mitzeichnung' },
          { bearbeiter: { sub: `aussen-chef-${n}` }, aktion: 'zeichnung' },
        ],
      }),
      api(`/vorgaenge/${vorgangId}/verfuegungen`),
    ]);
    expect(neu.status, neu.text()).toBe(201);
    expect(neu.headers.location).toBe(`/api/v1/verfuegungen/${neu.json().id}`);
    const [mz, zeichnung] = neu.json().laufweg as { id: string }[];

    const postkorb = await curl(['-H', `Authorization: Bearer ${mitzeichner}`, api('/postkorb?aktion=mitzeichnung')]);
    expect(postkorb.status, postkorb.text()).toBe(200);
    expect(postkorb.json().items).toEqual([expect.objectContaining({ art: 'schritt', schrittId: mz!.id, vorgangId, aktion: 'mitzeichnung' })]);

    const fremd = await curl([...json(chef), '--data', '{"votum":"einverstanden"}', api(`/schritte/${mz!.id}/abschliessen`)]);
    expect(fremd.status).toBe(403);
    expect(fremd.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fremd.json().code).toBe('NICHT_BEARBEITER');
    const mitgezeichnet = await curl([...json(mitzeichner), '--data', '{"votum":"einverstanden","kommentar":"Keine Einwände"}', api(`/schritte/${mz!.id}/abschliessen`)]);
    expect(mitgezeichnet.status, mitgezeichnet.text()).toBe(200);
    expect(mitgezeichnet.json()).toMatchObject({ aktuellePosition: 2 });

    // five separate curl processes, five connections, one signature
    const koerper = JSON.stringify({ kommentar: 'Gezeichnet', schlussverfuegung: { art: 'zdA' } });
    const antworten = await Promise.all(Array.from({ length: 5 }, () => curl([...json(chef), '--data', koerper, api(`/schritte/${zeichnung!.id}/abschliessen`)])));
    expect(antworten.map((a) => a.status).sort(), antworten.map((a) => a.text()).join('\n')).toEqual([200, 409, 409, 409, 409]);
    expect(antworten.filter((a) => a.status === 409).map((a) => a.json().code)).toEqual(Array(4).fill('SCHRITT_NICHT_AKTUELL'));
    expect(antworten.find((a) => a.status === 200)!.json()).toMatchObject({ status: 'abgeschlossen', schlussverfuegung: { art: 'zdA' } });

    const vorgang = await curl(['-H', `Authorization: Bearer ${verfasser}`, api(`/vorgaenge/${vorgangId}`)]);
    expect(vorgang.json()).toMatchObject({ status: 'geschlossen' });

    const registratur = await token({ tenant: 'demo', roles: ['registratur'] });
    const historie = await curl(['-H', `Authorization: Bearer ${registratur}`, api(`/akten/${akteId}/historie?limit=100`)]);
    expect(historie.status, historie.text()).toBe(200);
    const aktionen = (historie.json().items as { aktion: string }[]).map((e) => e.aktion);
    expect(aktionen).toEqual(expect.arrayContaining(['verfuegung.erstellt', 'verfuegung.schritt_erledigt', 'verfuegung.abgeschlossen', 'vorgang.zda']));
    expect(aktionen.filter((a) => a === 'verfuegung.abgeschlossen')).toHaveLength(1);
  });
});
