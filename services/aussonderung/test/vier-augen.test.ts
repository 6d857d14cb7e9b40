// The archive's decision as evidence (a 0502, or a hand appraisal naming the archive's letter) and
// the second pair of eyes refusing a destruction: nothing is destroyed, everything is audited.
import { sql } from '@eakte/db';
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { x0502 } from './antworten.js';
import { archivschreiben, arbeiteAlles, auth, bestand, baue, dokument, mandantId, neuerMandant, ownerDb, testSpeicher } from './hilfen.js';

const xml = { 'content-type': 'application/xml' };

async function gespeicherteObjekte(tenant: string, id: string) {
  const r = await ownerDb().withMandant(await mandantId(tenant), (tx) =>
    tx.execute<{ objekte: { aktenzeichen: string; vorgangId?: string; herkunft: Record<string, unknown> | null }[] }>(
      sql`SELECT objekte FROM aussonderung.vernichtung WHERE aussonderung_id = ${id} AND abgelehnt_am IS NULL`,
    ),
  );
  return r.rows[0]!.objekte;
}

describe('hand appraisal', () => {
  it('needs the archive reference: each missing field is a 422 naming it; an unknown or foreign Dokument too', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 1 });
    const a = b.akten[0]!;
    const reg = await auth(t, 'registratur');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [a.id] } })).json().id;
    const post = (payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: reg, payload: { bewertungen: { [a.id]: 'V' }, ...payload } });

    expectProblem(await post({}), 422, 'BEWERTUNG_ZEICHEN_FEHLT');
    expectProblem(await post({ ...archivschreiben, zeichen: '  ' }), 422, 'BEWERTUNG_ZEICHEN_FEHLT');
    expectProblem(await post({ zeichen: archivschreiben.zeichen, archivar: archivschreiben.archivar }), 422, 'BEWERTUNG_DATUM_FEHLT');
    expectProblem(await post({ zeichen: archivschreiben.zeichen, datum: archivschreiben.datum }), 422, 'BEWERTUNG_ARCHIVAR_FEHLT');
    expectProblem(await post({ ...archivschreiben, datum: '2999-01-01' }), 422, 'BEWERTUNG_DATUM_IN_ZUKUNFT');
    expectProblem(await post({ ...archivschreiben, dokumentId: '0193a1b2-0000-7000-8000-00000000dddd' }), 422, 'BEWERTUNG_DOKUMENT_UNBEKANNT');
    // another tenant's Dokument is not visible here
    const fremd = await neuerMandant();
    const fb = await bestand(fremd, { akten: 1, vorgaenge: 1 });
    const fremdesDok = await dokument(fremd, fb.akten[0]!.vorgaenge[0]!, 'Schreiben', [{ dateiname: 'Schreiben.pdf', mimeType: 'application/pdf', inhalt: '%PDF-1.4 fremd' }]);
    expectProblem(await post({ ...archivschreiben, dokumentId: fremdesDok.id }), 422, 'BEWERTUNG_DOKUMENT_UNBEKANNT');
    // nothing was recorded by the refused attempts
    const nachher = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg });
    expect(nachher.json().objekte[0]).toMatchObject({ bewertung: null, status: 'angeboten' });
  });

  it('records the reference and who entered it in the audit trail, and the protocol states how each decision was obtained', async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 3, vorgaenge: 1 });
    const [a1, a2, a3] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0], (typeof b.akten)[0]];
    const scan = await dokument(t, a3.vorgaenge[0]!, 'Schreiben des Landesarchivs', [{ dateiname: 'Bewertung.pdf', mimeType: 'application/pdf', inhalt: '%PDF-1.4 Bewertung' }]);
    const anna = await auth(t, 'registratur', 'anna');
    const bernd = await auth(t, 'registratur', 'bernd');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [a1.id, a2.id, a3.id] } })).json().id;

    // a1 by the archive's 0502, a2 by hand from its letter (with the scan)
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...anna, ...xml }, payload: x0502(id, [[a1.id, 'V']]) })).statusCode).toBe(200);
    const hand = await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/bewertung`,
      headers: anna,
      payload: { bewertungen: { [a2.id]: 'V', [a3.id]: 'A' }, ...archivschreiben, dokumentId: scan.id },
    });
    expectContract(hand, 'postBewertung');
    expect(hand.statusCode).toBe(200);

    const handEreignis = ereignisse.find((e) => e.aktion === 'akte.bewertet' && e.objektId === a2.id)!;
    expect(handEreignis.details).toMatchObject({ aussonderungId: id, herkunft: 'manuell', ...archivschreiben, dokumentId: scan.id, erfasstVon: 'anna' });
    const gesamt = ereignisse.filter((e) => e.aktion === 'aussonderung.bewertet');
    expect(gesamt.map((e) => e.details)).toEqual([
      expect.objectContaining({ herkunft: '0502', nachrichtId: expect.stringMatching(/^[0-9a-f-]{36}$/), bewertungen: { [a1.id]: 'V' } }),
      expect.objectContaining({ herkunft: 'manuell', ...archivschreiben, erfasstVon: 'anna', bewertungen: { [a2.id]: 'V', [a3.id]: 'A' } }),
    ]);
    const nachrichtId = gesamt[0]!.details!.nachrichtId as string;

    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd })).statusCode).toBe(200);
    const objekte = await gespeicherteObjekte(t, id);
    const von = (az: string) => objekte.find((o) => o.aktenzeichen === az)!.herkunft;
    expect(von(a1.aktenzeichen)).toMatchObject({ art: '0502', nachrichtId, prozessId: id, absender: 'Landesarchiv Thüringen' });
    expect(von(a2.aktenzeichen)).toMatchObject({ art: 'manuell', ...archivschreiben, dokumentId: scan.id, erfasstVon: expect.any(String) });
    await arbeiteAlles(app, t);
    const pdf = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna });
    expect(pdf.statusCode).toBe(200);
  });

  it('the evidence table refuses a hand appraisal without the reference, also past the service', async () => {
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 1 });
    const { app } = await baue();
    const reg = await auth(t, 'registratur');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [b.akten[0]!.id] } })).json().id;
    const m = await mandantId(t);
    await expect(
      ownerDb().withMandant(m, (tx) =>
        tx.execute(sql`INSERT INTO aussonderung.bewertungsnachweis (id, mandant_id, aussonderung_id, art, bewertungen, erfasst_von, erfasst_von_name)
          VALUES (gen_random_uuid(), ${m}, ${id}, 'manuell', '{}'::jsonb, 'x', 'x')`),
      ),
    ).rejects.toMatchObject({ cause: { constraint: 'bewertungsnachweis_herkunft_ck' } });
  });
});

describe('refusing a destruction', () => {
  it('by the second person: every object stays intact, the request is history, audited, and may be made again', async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 1 });
    const a = b.akten[0]!;
    const d = await dokument(t, a.vorgaenge[0]!, 'Antrag', [{ dateiname: 'Antrag.txt', mimeType: 'text/plain', inhalt: 'Antrag auf Zuschuss' }]);
    const anna = await auth(t, 'registratur', 'anna');
    const bernd = await auth(t, 'registratur', 'bernd');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [a.id] } })).json().id;
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: anna, payload: { ...archivschreiben, bewertungen: { [a.id]: 'V' } } });
    const ablehnen = (headers: Record<string, string>, payload?: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/ablehnung`, headers, ...(payload ? { payload } : {}) });

    expectProblem(await ablehnen(bernd, { grund: 'zu früh' }), 409, 'FALSCHER_VERFAHRENSSCHRITT');
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna })).statusCode).toBe(200);
    const offen = (await app.inject({ method: 'GET', url: '/api/v1/aussonderungen', headers: bernd })).json().items.find((x: { id: string }) => x.id === id);
    expect(offen).toMatchObject({ vernichtungOffen: true, vernichtungBeantragtVon: 'anna', vernichtungAbgelehnt: false });

    expectProblem(await ablehnen(anna, { grund: 'doch nicht' }), 403, 'VIER_AUGEN');
    expectProblem(await ablehnen(bernd, {}), 422, 'ABLEHNUNGSGRUND_FEHLT');
    expectProblem(await ablehnen(bernd, { grund: '   ' }), 422, 'ABLEHNUNGSGRUND_FEHLT');
    expect((await ablehnen(bernd, { grund: 'x'.repeat(2001) })).statusCode).toBe(400);

    const r = await ablehnen(bernd, { grund: 'Das Schreiben des Archivs fehlt in der Akte' });
    expectContract(r, 'postVernichtungAblehnung');
    expect(r.json()).toMatchObject({
      status: 'bewertet',
      objekte: [{ akteId: a.id, bewertung: 'V', status: 'bewertet', loeschung: null, inhaltGeloeschtAm: null }],
      vernichtung: {
        beantragtVon: 'anna',
        freigegebenVon: null,
        freigegebenAm: null,
        abgelehntVon: 'bernd',
        abgelehntAm: expect.any(String),
        ablehnungsgrund: 'Das Schreiben des Archivs fehlt in der Akte',
      },
    });
    // the requester sees the refusal as well, in the process and in the list
    const fuerAnna = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna });
    expectContract(fuerAnna, 'getAussonderung');
    expect(fuerAnna.json().vernichtung).toMatchObject({ abgelehntVon: 'bernd', ablehnungsgrund: 'Das Schreiben des Archivs fehlt in der Akte' });
    const liste = await app.inject({ method: 'GET', url: '/api/v1/aussonderungen', headers: anna });
    expectContract(liste, 'listAussonderungen');
    expect(liste.json().items.find((x: { id: string }) => x.id === id)).toMatchObject({ vernichtungOffen: false, vernichtungBeantragtVon: null, vernichtungAbgelehnt: true });
    expect(ereignisse.filter((e) => e.aktion === 'aussonderung.vernichtung.abgelehnt')).toEqual([
      expect.objectContaining({
        objektTyp: 'aussonderung',
        objektId: id,
        ergebnis: 'abgelehnt',
        details: expect.objectContaining({ beantragtVon: 'anna', grund: 'Das Schreiben des Archivs fehlt in der Akte' }),
      }),
    ]);

    // nothing pending any more: neither approval nor a second refusal; no job was queued, the content is there
    expectProblem(await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd }), 409, 'FALSCHER_VERFAHRENSSCHRITT');
    expectProblem(await ablehnen(bernd, { grund: 'nochmal' }), 409, 'FALSCHER_VERFAHRENSSCHRITT');
    expect(await arbeiteAlles(app, t)).toBe(0);
    const speicher = testSpeicher();
    const inhalt = Buffer.concat(await (await speicher.get(d.dateien[0]!.schluessel)).toArray());
    expect(inhalt.toString('utf8')).toBe('Antrag auf Zuschuss');
    expect(ereignisse.some((e) => e.aktion === 'akte.vernichtet' || e.aktion === 'akte.vernichtung.freigegeben')).toBe(false);

    // the refused request cannot be changed afterwards, not even past the service
    const m = await mandantId(t);
    await expect(
      ownerDb().withMandant(m, (tx) =>
        tx.execute(sql`UPDATE aussonderung.vernichtung SET freigegeben_von = 'bernd', freigegeben_von_name = 'bernd', freigegeben_am = now() WHERE aussonderung_id = ${id}`),
      ),
    ).rejects.toMatchObject({ cause: { message: 'Eine abgelehnte Vernichtung wird nicht mehr geändert' } });

    // the Registratur may request again; the new request is approved and destroys
    const neu = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna });
    expectContract(neu, 'postVernichtung');
    expect(neu.json().vernichtung).toMatchObject({ beantragtVon: 'anna', abgelehntVon: null, abgelehntAm: null, ablehnungsgrund: null });
    expect((await app.inject({ method: 'GET', url: '/api/v1/aussonderungen', headers: bernd })).json().items.find((x: { id: string }) => x.id === id)).toMatchObject({
      vernichtungOffen: true,
      vernichtungAbgelehnt: false,
    });
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd })).statusCode).toBe(200);
    await arbeiteAlles(app, t);
    expect(await speicher.stat(d.dateien[0]!.schluessel)).toBeNull();
    const fertig = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna });
    expect(fertig.json()).toMatchObject({ status: 'abgeschlossen', vernichtung: { freigegebenVon: 'bernd', abgelehntVon: null } });
  });

  it('is for the Registratur only', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/v1/aussonderungen/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/vernichtung/ablehnung',
        headers: await auth(t, 'sachbearbeitung'),
        payload: { grund: 'nein' },
      }),
      403,
    );
  });
});
