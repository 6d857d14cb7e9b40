// The read grant of a Geschäftsgang step (R17, issue 20): a Bearbeiter who does not see the Vorgang
// (the tenant restricts visibility to the Federführung's org units) reads the Dokumente a Verfügung
// is pinned to, in the pinned version, while a current step is theirs: as its user, a member of its
// org unit, the member who took it over, or a deputy in force. It ends with the step; the clearance
// and the closed Vorgang still hold; it never lets anyone change a Dokument. The Verfügung is
// written here as the Akten service writes it (owner-role inserts, as the other fixtures).
import { sql } from '@eakte/db';
import { authHeader, expectProblem } from '@eakte/testing';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { baueApp, formular, META, neueOrganisationseinheit, neuerMandant, neuerVorgang, ownerDb, pdf, schliesseVorgang, type Mandant, type TestApp } from './hilfen.js';

const tagPlus = (tage: number) => {
  const d = new Date(`${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + tage);
  return d.toISOString().slice(0, 10);
};

async function benutzer(m: Mandant, sub: string, freigabe: 'offen' | 'vs-nfd', oes: string[] = []) {
  await ownerDb().withMandant(m.id, async (tx) => {
    await tx.execute(sql`insert into akten.benutzer (mandant_id, sub, freigabe) values (${m.id}, ${sub}, ${freigabe})`);
    for (const oe of oes) await tx.execute(sql`insert into akten.benutzer_organisationseinheit (mandant_id, sub, organisationseinheit_id) values (${m.id}, ${sub}, ${oe})`);
  });
  return authHeader({ tenant: m.slug, roles: ['sachbearbeitung'], sub });
}

type Schritt = { sub?: string; oe?: string; uebernommenVon?: string };

/** A running Verfügung on the Vorgang pinned to `version` of the Dokument: step 1 current, step 2 planned. */
async function verfuegung(m: Mandant, vorgangId: string, dokumentId: string, version: number, erster: Schritt, zweiter: Schritt = { sub: 'zeichnende' }) {
  const id = uuidv7();
  const schritte = [uuidv7(), uuidv7()];
  await ownerDb().withMandant(m.id, async (tx) => {
    await tx.execute(sql`insert into akten.verfuegung (id, mandant_id, vorgang_id, betreff, verfasser, status, aktuelle_position)
      values (${id}, ${m.id}, ${vorgangId}, 'Stellungnahme', 'verfasser', 'laufend', 1)`);
    await tx.execute(sql`insert into akten.verfuegung_dokument (mandant_id, verfuegung_id, vorgang_id, dokument_id, version_nr) values (${m.id}, ${id}, ${vorgangId}, ${dokumentId}, ${version})`);
    for (const [i, s] of [erster, zweiter].entries()) {
      await tx.execute(sql`insert into akten.verfuegung_schritt (id, mandant_id, verfuegung_id, position, bearbeiter_sub, bearbeiter_oe_id, uebernommen_von, aktion, zustand, aktuell_seit)
        values (${schritte[i]}, ${m.id}, ${id}, ${i + 1}, ${s.sub ?? null}, ${s.oe ?? null}, ${s.uebernommenVon ?? null}, ${i === 0 ? 'stellungnahme' : 'zeichnung'}, ${i === 0 ? 'aktuell' : 'geplant'}, ${i === 0 ? sql`now()` : null})`);
    }
  });
  /** the first step done, as Akten completes it: the second becomes current */
  const ersterErledigt = () =>
    ownerDb().withMandant(m.id, async (tx) => {
      await tx.execute(sql`update akten.verfuegung_schritt set zustand = 'erledigt', erledigt_von = 'x', erledigt_am = now() where id = ${schritte[0]}`);
      await tx.execute(sql`update akten.verfuegung_schritt set zustand = 'aktuell', aktuell_seit = now() where id = ${schritte[1]}`);
      await tx.execute(sql`update akten.verfuegung set aktuelle_position = 2 where id = ${id}`);
    });
  return { id, schritt: schritte[0]!, ersterErledigt };
}

/** A tenant restricting visibility to the Federführung, a Vorgang of unit `fuehrend` with a PDF in two versions. */
async function welt(stufe: '003' | '002' = '003') {
  const t = await baueApp();
  const m = await neuerMandant({ sichtbarkeit: 'organisationseinheit' });
  const [fuehrend, andere] = [await neueOrganisationseinheit(m.id), await neueOrganisationseinheit(m.id)];
  const v = await neuerVorgang(m.id, { federfuehrungId: fuehrend, vertraulichkeitsstufe: stufe });
  const registratur = await benutzer(m, `${m.slug}-registratur`, 'vs-nfd', [fuehrend]);
  const { payload, headers } = await formular(META, { name: 'entwurf.pdf', inhalt: await pdf('Entwurf, erste Fassung') });
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${v.vorgangId}/dokumente`, payload, headers: { ...registratur, ...headers } });
  expect(res.statusCode, res.body).toBe(201);
  const dokId = res.json().id as string;
  const zwei = await formular({}, { name: 'entwurf.pdf', inhalt: await pdf('Entwurf, zweite Fassung') });
  const neu = await t.app.inject({ method: 'POST', url: `/api/v1/dokumente/${dokId}/versionen`, payload: zwei.payload, headers: { ...registratur, ...zwei.headers } });
  expect(neu.statusCode, neu.body).toBe(201);
  return { t, m, v, fuehrend, andere, dokId, registratur };
}

const inhalt = (t: TestApp, headers: Record<string, string>, dokId: string, nr?: number) =>
  t.app.inject({ method: 'GET', url: nr === undefined ? `/api/v1/dokumente/${dokId}/inhalt` : `/api/v1/dokumente/${dokId}/versionen/${nr}/inhalt`, headers });

describe('the read grant of a Geschäftsgang step', () => {
  it('lets the step’s Bearbeiter read the pinned version only, for as long as the step is current, and audits the read with the step', async () => {
    const { t, m, v, andere, dokId } = await welt();
    const bearbeiterin = await benutzer(m, 'bearbeiterin', 'offen', [andere]);
    const fremde = await benutzer(m, 'fremde', 'offen', [andere]);
    // without a step: the Vorgang is hidden from her, its Dokument unknown
    expectProblem(await inhalt(t, bearbeiterin, dokId, 1), 404, 'NICHT_GEFUNDEN');

    const vfg = await verfuegung(m, v.vorgangId, dokId, 1, { sub: 'bearbeiterin' });
    const gelesen = await inhalt(t, bearbeiterin, dokId, 1);
    expect(gelesen.statusCode, gelesen.body).toBe(200);
    expect(gelesen.headers['content-type']).toContain('application/pdf');
    expect(t.protokoll.at(-1)).toMatchObject({ aktion: 'dokument.inhalt.gelesen', objektId: dokId, details: { versionNr: 1, schrittId: vfg.schritt } });
    // the Dokument's metadata too (its Betreff names it on the step page)
    const meta = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dokId}`, headers: bearbeiterin });
    expect(meta.statusCode, meta.body).toBe(200);
    expect(meta.json()).toMatchObject({ id: dokId, betreff: META.betreff });
    // not the version the Verfügung is not pinned to, not the current one, not anything else of the Vorgang
    expectProblem(await inhalt(t, bearbeiterin, dokId, 2), 404, 'NICHT_GEFUNDEN');
    expectProblem(await inhalt(t, bearbeiterin, dokId), 404, 'NICHT_GEFUNDEN');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/vorgaenge/${v.vorgangId}/dokumente`, headers: bearbeiterin }), 404, 'NICHT_GEFUNDEN');
    // someone else of her unit has no step
    expectProblem(await inhalt(t, fremde, dokId, 1), 404, 'NICHT_GEFUNDEN');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dokId}`, headers: fremde }), 404, 'NICHT_GEFUNDEN');
    // reading only: no new version through the grant
    const { payload, headers } = await formular({}, { name: 'entwurf.pdf', inhalt: await pdf('Eigenmächtig geändert') });
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/dokumente/${dokId}/versionen`, payload, headers: { ...bearbeiterin, ...headers } }), 404, 'NICHT_GEFUNDEN');

    // the step ends: so does the grant
    await vfg.ersterErledigt();
    expectProblem(await inhalt(t, bearbeiterin, dokId, 1), 404, 'NICHT_GEFUNDEN');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${dokId}`, headers: bearbeiterin }), 404, 'NICHT_GEFUNDEN');
    // the next step's Bearbeiterin reads it now
    const zeichnende = await benutzer(m, 'zeichnende', 'offen', [andere]);
    expect((await inhalt(t, zeichnende, dokId, 1)).statusCode).toBe(200);
  });

  it('reaches the members of an org unit, only the member who took the step over, and a deputy in force', async () => {
    const { t, m, v, andere, dokId } = await welt();
    const referat = await neueOrganisationseinheit(m.id);
    const [mitglied1, mitglied2] = [await benutzer(m, 'mitglied1', 'offen', [referat]), await benutzer(m, 'mitglied2', 'offen', [referat])];
    await verfuegung(m, v.vorgangId, dokId, 2, { oe: referat });
    expect((await inhalt(t, mitglied1, dokId, 2)).statusCode).toBe(200);
    expect((await inhalt(t, mitglied2, dokId, 2)).statusCode).toBe(200);
    await verfuegung(m, v.vorgangId, dokId, 1, { oe: referat, uebernommenVon: 'mitglied1' });
    expect((await inhalt(t, mitglied1, dokId, 1)).statusCode).toBe(200);
    expectProblem(await inhalt(t, mitglied2, dokId, 1), 404, 'NICHT_GEFUNDEN');

    // a deputy of mitglied2 while she is absent, and one whose Vertretung starts tomorrow
    const vertreter = await benutzer(m, 'vertreter', 'offen', [andere]);
    const spaeter = await benutzer(m, 'spaeter', 'offen', [andere]);
    await ownerDb().withMandant(m.id, (tx) =>
      tx.execute(sql`insert into akten.vertretung (mandant_id, sub, vertreter_sub, abwesend_von, abwesend_bis)
        values (${m.id}, 'mitglied2', 'vertreter', ${tagPlus(-1)}, ${tagPlus(1)}), (${m.id}, 'mitglied2', 'spaeter', ${tagPlus(1)}, ${tagPlus(3)})`),
    );
    expect((await inhalt(t, vertreter, dokId, 2)).statusCode).toBe(200);
    expectProblem(await inhalt(t, spaeter, dokId, 2), 404, 'NICHT_GEFUNDEN');
    // the step mitglied1 took over is not mitglied2's: her deputy does not read through it
    expectProblem(await inhalt(t, vertreter, dokId, 1), 404, 'NICHT_GEFUNDEN');
  });

  it('keeps the clearance and grants nothing once the Vorgang is closed', async () => {
    const vs = await welt('002');
    const ohneFreigabe = await benutzer(vs.m, 'ohne-freigabe', 'offen', [vs.andere]);
    const mitFreigabe = await benutzer(vs.m, 'mit-freigabe', 'vs-nfd', [vs.andere]);
    await verfuegung(vs.m, vs.v.vorgangId, vs.dokId, 1, { sub: 'ohne-freigabe' });
    await verfuegung(vs.m, vs.v.vorgangId, vs.dokId, 1, { sub: 'mit-freigabe' });
    // a VS-NfD Akte stays closed to a user without that clearance, step or not
    expectProblem(await inhalt(vs.t, ohneFreigabe, vs.dokId, 1), 404, 'NICHT_GEFUNDEN');
    expect((await inhalt(vs.t, mitFreigabe, vs.dokId, 1)).statusCode).toBe(200);

    // a Vorgang closed (z.d.A.) takes no more steps: its open steps grant nothing
    await schliesseVorgang(vs.m.id, vs.v.vorgangId);
    expectProblem(await inhalt(vs.t, mitFreigabe, vs.dokId, 1), 404, 'NICHT_GEFUNDEN');
    // who sees the Vorgang still reads it as before
    expect((await inhalt(vs.t, vs.registratur, vs.dokId, 1)).statusCode).toBe(200);
  });
});
