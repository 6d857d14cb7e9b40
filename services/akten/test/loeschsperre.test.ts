// design §3.6: while a Löschsperre covers an Akte its retention may be lengthened but not shortened.
// The hold is written straight into the Aussonderung service's tables (no service imports another).
import { createDb, schema, sql } from '@eakte/db';
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it, inject } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { auth, baue, neueAkte, neueEinheit, neuerMandant } from './hilfen.js';

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
      const m = (await db.db.select({ id: schema.mandant.id }).from(schema.mandant).where(sql`slug = ${t}`))[0]!.id;
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
});
