import { expectContract, expectProblem } from '@eakte/testing';
import { createDb, schema, sql } from '@eakte/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, inject, it } from 'vitest';
import { auth, baue, neueAkte, neueEinheit, neuerMandant } from './hilfen.js';

async function suche(app: FastifyInstance, tenant: string, q: string, extra = '') {
  const res = await app.inject({ method: 'GET', url: `/api/v1/suche?q=${encodeURIComponent(q)}${extra}`, headers: await auth(tenant, 'sachbearbeitung') });
  expect(res.statusCode, res.body).toBe(200);
  expectContract(res, 'suche');
  return res.json() as {
    items: { id: string; typ: string; kennzeichen: string; betreff: string; trefferArt: string; fundstelle: string; aktenzeichen: string; akteBetreff: string }[];
    nextCursor: string | null;
    anzahl: number;
    anzahlBegrenzt: boolean;
    textAusstehend: number | null;
  };
}

describe('search', () => {
  // a fresh tenant per file keeps the expected hit lists exact
  it('finds Betreff words with German stemming and ß/ss, ä/ae folding; typos by trigram', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const e = await neueEinheit(app, t);
    const strasse = (await neueAkte(app, e.id, { betreff: 'Straßenbau Hauptstraße' }, { tenant: t })).json();
    const aerzte = (await neueAkte(app, e.id, { betreff: 'Zulassung der Ärzte im Landkreis' }, { tenant: t })).json();
    const genehm = (await neueAkte(app, e.id, { betreff: 'Genehmigungen für Windkraftanlagen' }, { tenant: t })).json();
    const v = (await app.inject({ method: 'POST', url: `/api/v1/akten/${genehm.id}/vorgaenge`, headers: await auth(t, 'sachbearbeitung'), payload: { betreff: 'Anhörung der Gemeinden' } })).json();

    const ids = async (q: string) => (await suche(app, t, q)).items.map((i) => i.id);
    expect(await ids('Strassenbau')).toEqual([strasse.id]);
    expect(await ids('straßenbau')).toEqual([strasse.id]);
    expect(await ids('Aerzte')).toEqual([aerzte.id]);
    expect(await ids('Ärzte')).toEqual([aerzte.id]);
    expect(await ids('aerzten')).toEqual([aerzte.id]); // stem of the dative plural
    expect(await ids('Genehmigung')).toEqual([genehm.id]); // stem of Genehmigungen
    expect(await ids('Windkraftanlage')).toEqual([genehm.id]);
    expect(await ids('Anhoerungen')).toEqual([v.id]);
    const tippfehler = await suche(app, t, 'Strasenbau');
    expect(tippfehler.items.map((i) => i.id)).toEqual([strasse.id]);
    expect(tippfehler.items[0]!.trefferArt).toBe('aehnlich');
    expect(await ids('Bebauungsplan')).toEqual([]);
  });

  it('finds Aktenzeichen exactly and by prefix, exact first, with Vorgänge under it', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const e = await neueEinheit(app, t);
    const a1 = (await neueAkte(app, e.id, { betreff: 'Eins' }, { tenant: t })).json();
    const a2 = (await neueAkte(app, e.id, { betreff: 'Zwei' }, { tenant: t })).json();
    await app.inject({ method: 'POST', url: `/api/v1/akten/${a1.id}/vorgaenge`, headers: await auth(t, 'sachbearbeitung'), payload: { betreff: 'Eins-V' } });

    const exakt = await suche(app, t, a1.aktenzeichen);
    expect(exakt.items.map((i) => [i.typ, i.kennzeichen, i.trefferArt])).toEqual([
      ['akte', a1.aktenzeichen, 'aktenzeichen'],
      ['vorgang', `${a1.aktenzeichen}-001`, 'aktenzeichen'],
    ]);
    const praefix = await suche(app, t, `${e.kennzeichen}-000`);
    expect(new Set(praefix.items.filter((i) => i.typ === 'akte').map((i) => i.id))).toEqual(new Set([a1.id, a2.id]));
  });

  it('paginates with a cursor and stays inside the tenant', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const e = await neueEinheit(app, t);
    for (let i = 0; i < 5; i++) await neueAkte(app, e.id, { betreff: `Baugenehmigung Nr. ${i}` }, { tenant: t });
    const gesehen: string[] = [];
    let cursor: string | null = null;
    do {
      const seite = await suche(app, t, 'Baugenehmigung', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      gesehen.push(...seite.items.map((i) => i.id));
      cursor = seite.nextCursor;
    } while (cursor);
    expect(gesehen).toHaveLength(5);
    expect(new Set(gesehen).size).toBe(5);

    const anderer = await neuerMandant();
    expect((await suche(app, anderer, 'Baugenehmigung')).items).toEqual([]);
    const leer = await app.inject({ method: 'GET', url: '/api/v1/suche?q=', headers: await auth(t, 'sachbearbeitung') });
    expectProblem(leer, 400, 'VALIDIERUNGSFEHLER');
  });

  it('finds the beginning of a compound word, says where it matched and names the Akte of every hit', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const e = await neueEinheit(app, t);
    const feld = (await neueAkte(app, e.id, { betreff: 'Sonnenblumenfeld am Ortsrand' }, { tenant: t })).json();
    const v = (await app.inject({ method: 'POST', url: `/api/v1/akten/${feld.id}/vorgaenge`, headers: await auth(t, 'sachbearbeitung'), payload: { betreff: 'Bewässerungsanlagen' } })).json();

    const treffer = await suche(app, t, 'Sonnenblume');
    // by full text, not merely by the typo fallback's similar spelling
    expect(treffer.items.map((i) => [i.id, i.trefferArt, i.fundstelle, i.aktenzeichen, i.akteBetreff])).toEqual([[feld.id, 'volltext', 'betreff', feld.aktenzeichen, 'Sonnenblumenfeld am Ortsrand']]);
    // the Vorgang names its Akte, and a compound is found by its first word (a stem of 4 letters or more)
    const anlage = await suche(app, t, 'Bewässerung');
    expect(anlage.items.map((i) => [i.id, i.typ, i.fundstelle, i.aktenzeichen, i.akteBetreff])).toEqual([[v.id, 'vorgang', 'betreff', feld.aktenzeichen, 'Sonnenblumenfeld am Ortsrand']]);
    const az = await suche(app, t, feld.aktenzeichen);
    expect(az.items.map((i) => [i.typ, i.fundstelle])).toEqual([
      ['akte', 'aktenzeichen'],
      ['vorgang', 'aktenzeichen'],
    ]);
  });

  it('counts the hits, capped at 1,000', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const e = await neueEinheit(app, t);
    for (let i = 0; i < 3; i++) await neueAkte(app, e.id, { betreff: `Lärmschutzwand Abschnitt ${i}` }, { tenant: t });
    const seite = await suche(app, t, 'Lärmschutzwand', '&limit=2');
    expect(seite.items).toHaveLength(2);
    expect([seite.anzahl, seite.anzahlBegrenzt]).toEqual([3, false]);
    const keine = await suche(app, t, 'Planfeststellung');
    expect([keine.anzahl, keine.anzahlBegrenzt]).toEqual([0, false]);
  });

  it("says how many documents of the caller's view still wait for their text", async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const e = await neueEinheit(app, t);
    const offen = (await neueAkte(app, e.id, { betreff: 'Ortsumgehung' }, { tenant: t, rolle: 'registratur' })).json();
    const nfd = `nfd-${t}`;
    const benutzer = await app.inject({
      method: 'PUT',
      url: `/api/v1/benutzer/${nfd}`,
      headers: await auth(t, 'fachadministration'),
      payload: { name: nfd, freigabe: 'vs-nfd', organisationseinheiten: [] },
    });
    expect(benutzer.statusCode, benutzer.body).toBe(200);
    const geheim = (await neueAkte(app, e.id, { betreff: 'Verschlusssache', vertraulichkeitsstufe: '002' }, { tenant: t, rolle: 'registratur', sub: nfd })).json();
    const vorgang = async (akteId: string) => {
      const res = await app.inject({ method: 'POST', url: `/api/v1/akten/${akteId}/vorgaenge`, headers: await auth(t, 'registratur', nfd), payload: { betreff: 'Beteiligung' } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const [v1, v2] = [await vorgang(offen.id), await vorgang(geheim.id)];
    const db = createDb(inject('ownerUrl'), { max: 1 });
    let m = '';
    try {
      m = (await db.db.select({ id: schema.mandant.id }).from(schema.mandant).where(eq(schema.mandant.slug, t)))[0]!.id;
      const dokumente = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      // filed as an upload does, with its text-extraction job; no worker of this test runs it, and
      // the jobs are due only later, so a worker of another test leaves them waiting too
      await db.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.mandant', ${m}, true)`);
        for (const [i, d] of dokumente.entries())
          await tx.execute(
            sql`select dokumente.lege_systemdokument_ab(${i < 2 ? v1.id : v2.id}::uuid, ${d}::uuid, 'Stellungnahme', current_date, 's.txt', 'text/plain', 1, ${'0'.repeat(64)}, ${`${m}/${d}`}, 'test')`,
          );
        await tx.execute(sql`update auftraege_dokumente._private_jobs set run_at = now() + interval '1 hour' where payload->>'mandantId' = ${m}`);
      });
      const ausstehend = async () => (await suche(app, t, 'Stellungnahme')).textAusstehend;
      // the clerk without clearance does not count the VS-NfD Akte's document
      expect(await ausstehend()).toBe(2);
      expect((await suche(app, await neuerMandant(), 'Stellungnahme')).textAusstehend).toBe(0);
      // counted only where the hint can matter, on a search's last page: more hits than one page are not counted
      await vorgang(offen.id);
      const voll = await suche(app, t, 'Beteiligung', '&limit=1');
      expect(voll.nextCursor).not.toBeNull();
      expect(voll.textAusstehend).toBeNull();
      expect((await suche(app, t, 'Beteiligung', '&limit=2')).textAusstehend).toBe(2);
      // done (the job is gone) or failed for good (attempts used up): no longer waiting
      await db.db.execute(sql`delete from auftraege_dokumente._private_jobs where key = ${`textextraktion:${m}:${dokumente[0]}:1`}`);
      await db.db.execute(sql`update auftraege_dokumente._private_jobs set attempts = max_attempts where key = ${`textextraktion:${m}:${dokumente[1]}:1`}`);
      expect(await ausstehend()).toBe(0);
    } finally {
      await db.db.execute(sql`delete from auftraege_dokumente._private_jobs where payload->>'mandantId' = ${m}`);
      await db.close();
    }
  });
});
