// docs/domaene.md R8: while a Löschsperre covers an Akte its retention may be lengthened but not shortened.
// The hold is written straight into the Aussonderung service's tables (no service imports another).
import { createDb, schema, sql } from '@eakte/db';
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it, inject } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { auth, baue, neueAkte, neueEinheit, neuerMandant } from './hilfen.js';

/** The id of the tenant `slug` (the test holds the Löschsperre with owner rights, as Aussonderung would). */
async function mandantId(db: ReturnType<typeof createDb>, slug: string): Promise<string> {
  return (
    await db.db
      .select({ id: schema.mandant.id })
      .from(schema.mandant)
      .where(sql`slug = ${slug}`)
  )[0]!.id;
}

describe('retention under a Löschsperre', () => {
  it('refuses shortening while held, always allows lengthening, allows shortening after the release', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const einheit = await neueEinheit(app, t);
    const akte = (await neueAkte(app, einheit.id, {}, { tenant: t, rolle: 'registratur' })).json();
    const reg = await auth(t, 'registratur');
    const db = createDb(inject('ownerUrl'), { max: 1 });
    const sperreId = uuidv7();
    try {
      const m = await mandantId(db, t);
      await db.withMandant(m, async (tx) => {
        await tx.insert(schema.loeschsperre).values({ id: sperreId, mandantId: m, bezeichnung: 'Verfahren', grund: 'Klage', erstelltVon: 'x' });
        await tx.insert(schema.loeschsperreAkte).values({ mandantId: m, loeschsperreId: sperreId, akteId: akte.id });
      });
      let version = 1;
      const patch = (frist: number | 'unbefristet') =>
        app.inject({ method: 'PATCH', url: `/api/v1/akten/${akte.id}`, headers: { ...reg, 'if-match': `"${version}"` }, payload: { aufbewahrungsfrist: frist } });

      // the unit gives 10 years: 5 is shorter
      const kuerzer = await patch(5);
      expectContract(kuerzer, 'updateAkte');
      expectProblem(kuerzer, 409, 'LOESCHSPERRE');
      const laenger = await patch(30);
      expect(laenger.statusCode, laenger.body).toBe(200);
      version = laenger.json().version;
      expect((await patch('unbefristet')).statusCode).toBe(200);
      version++;
      expectProblem(await patch(30), 409, 'LOESCHSPERRE');

      await db.withMandant(m, (tx) => tx.execute(sql`UPDATE aussonderung.loeschsperre SET aufgehoben_am = now(), aufgehoben_von = 'x', aufhebungsgrund = 'erledigt' WHERE id = ${sperreId}`));
      const frei = await patch(5);
      expect(frei.statusCode, frei.body).toBe(200);
      expect(frei.json().aufbewahrungsfrist).toBe(5);
    } finally {
      await db.close();
    }
  });

  it("refuses shortening a unit's Frist while a hold covers an Akte that inherits it (also through a sub-unit or a held Vorgang)", async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const reg = await auth(t, 'registratur');
    const oben = await neueEinheit(app, t);
    // a sub-unit without a Frist of its own inherits the 10 years; one with its own Frist does not
    const erbt = (await app.inject({ method: 'POST', url: '/api/v1/aktenplan/einheiten', headers: reg, payload: { parentId: oben.id, kennzeichen: `${oben.kennzeichen}.1`, titel: 'erbt' } })).json();
    const eigen = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/aktenplan/einheiten',
        headers: reg,
        payload: { parentId: oben.id, kennzeichen: `${oben.kennzeichen}.2`, titel: 'eigen', aufbewahrungsfrist: 30 },
      })
    ).json();
    const akteErbt = (await neueAkte(app, erbt.id, {}, { tenant: t, rolle: 'registratur' })).json();
    const akteEigen = (await neueAkte(app, eigen.id, {}, { tenant: t, rolle: 'registratur' })).json();
    const vorgang = (await app.inject({ method: 'POST', url: `/api/v1/akten/${akteErbt.id}/vorgaenge`, headers: reg, payload: { betreff: 'Klageverfahren' } })).json();
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const m = await mandantId(db, t);
      const halte = async (ziel: { akteId: string; vorgangId?: string }) => {
        const id = uuidv7();
        await db.withMandant(m, async (tx) => {
          await tx.insert(schema.loeschsperre).values({ id, mandantId: m, bezeichnung: 'Verfahren', grund: 'Klage', erstelltVon: 'x' });
          if (ziel.vorgangId) await tx.insert(schema.loeschsperreObjekt).values({ mandantId: m, loeschsperreId: id, akteId: ziel.akteId, vorgangId: ziel.vorgangId });
          else await tx.insert(schema.loeschsperreAkte).values({ mandantId: m, loeschsperreId: id, akteId: ziel.akteId });
        });
        return id;
      };
      const hebeAuf = (id: string) =>
        db.withMandant(m, (tx) => tx.execute(sql`UPDATE aussonderung.loeschsperre SET aufgehoben_am = now(), aufgehoben_von = 'x', aufhebungsgrund = 'erledigt' WHERE id = ${id}`));
      let version = 1;
      const patch = async (frist: number | 'unbefristet' | null) => {
        const r = await app.inject({ method: 'PATCH', url: `/api/v1/aktenplan/einheiten/${oben.id}`, headers: { ...reg, 'if-match': `"${version}"` }, payload: { aufbewahrungsfrist: frist } });
        if (r.statusCode === 200) version = Number(JSON.parse(r.headers.etag as string));
        return r;
      };

      // a hold on the Akte with its own Frist does not matter
      const s1 = await halte({ akteId: akteEigen.id });
      expect((await patch(8)).statusCode).toBe(200);
      // a hold on a Vorgang of an inheriting Akte does
      const s2 = await halte({ akteId: akteErbt.id, vorgangId: vorgang.id });
      const kuerzer = await patch(5);
      expectContract(kuerzer, 'updateAktenplaneinheit');
      expectProblem(kuerzer, 409, 'LOESCHSPERRE');
      expectProblem(await patch(null), 409, 'LOESCHSPERRE');
      // lengthening always, and nothing of the refused change was written
      const laenger = await patch(12);
      expect(laenger.statusCode, laenger.body).toBe(200);
      expect(laenger.json().aufbewahrungsfrist).toBe(12);
      expect(ereignisse.filter((e) => e.aktion === 'aktenplaneinheit.geaendert' && e.objektId === oben.id).map((e) => e.aenderungen?.find((a) => a.feld === 'aufbewahrungsfrist')?.neu)).toEqual([
        8, 12,
      ]);
      expect((await patch('unbefristet')).statusCode).toBe(200);
      expectProblem(await patch(40), 409, 'LOESCHSPERRE');

      await hebeAuf(s2);
      await hebeAuf(s1);
      expect((await patch(3)).statusCode).toBe(200);
    } finally {
      await db.close();
    }
  });
});
