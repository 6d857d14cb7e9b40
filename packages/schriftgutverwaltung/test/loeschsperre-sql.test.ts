// The hold gate against the database: which Akten a hold covers (the one SQL function) and which
// held Akten inherit a unit's Frist, so that shortening it must be refused.
import { createDb, sql, type Db } from '@eakte/db';
import { testDatenbankUrl } from '@eakte/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aktiveLoeschsperren, gesperrteAkten, gesperrteErbendeAkten } from '../src/loeschsperre.js';
import { eigenerMandant, eindeutig } from './hilfen.js';

describe('loeschsperre in SQL', () => {
  let app: Db;
  let mandant: string;
  const aussonderung = createDb(testDatenbankUrl('aussonderung'), { max: 1 });
  const p = eindeutig();
  // oben (10 J.) ─ mitte (–) ─ unten (5 J.)
  const einheit = { oben: uuidv7(), mitte: uuidv7(), unten: uuidv7() };
  // Akten: erbt in mitte (held), eigen in mitte (own Frist, held), in unten (held), frei in oben (not held)
  const akte = { erbt: uuidv7(), eigen: uuidv7(), unten: uuidv7(), frei: uuidv7() };
  const sperre = uuidv7();

  beforeAll(async () => {
    ({ app, mandant } = await eigenerMandant('sperre'));
    await app.withMandant(mandant, async (tx) => {
      const e = (id: string, parent: string | null, k: string, frist: number | null) =>
        tx.execute(sql`INSERT INTO akten.aktenplaneinheit (id, mandant_id, parent_id, kennzeichen, titel, aufbewahrungsfrist) VALUES (${id}, ${mandant}, ${parent}, ${`${p}${k}`}, ${k}, ${frist})`);
      await e(einheit.oben, null, '1', 10);
      await e(einheit.mitte, einheit.oben, '1.1', null);
      await e(einheit.unten, einheit.mitte, '1.1.1', 5);
      let nr = 0;
      for (const [id, in_, frist] of [
        [akte.erbt, einheit.mitte, null],
        [akte.eigen, einheit.mitte, 3],
        [akte.unten, einheit.unten, null],
        [akte.frei, einheit.oben, null],
      ] as const) {
        nr++;
        await tx.execute(sql`INSERT INTO akten.akte (id, mandant_id, aktenplaneinheit_id, aktenzeichen, laufende_nummer, jahr, betreff, laufzeit_beginn, erstellt_von, aufbewahrungsfrist)
          VALUES (${id}, ${mandant}, ${in_}, ${`${p}-${nr}/2026`}, ${nr}, 2026, 'A', '2026-01-01', 'test', ${frist})`);
      }
    });
    // the holds are Aussonderung's tables: written with its role
    await aussonderung.withMandant(mandant, async (tx) => {
      await tx.execute(sql`INSERT INTO aussonderung.loeschsperre (id, mandant_id, bezeichnung, grund, erstellt_von) VALUES (${sperre}, ${mandant}, 'Verfahren', 'Gericht', 'test')`);
      for (const id of [akte.erbt, akte.eigen, akte.unten]) {
        await tx.execute(sql`INSERT INTO aussonderung.loeschsperre_akte (mandant_id, loeschsperre_id, akte_id) VALUES (${mandant}, ${sperre}, ${id})`);
      }
    });
  });
  afterAll(() => Promise.all([app.close(), aussonderung.close()]));

  it('counts the active holds on an Akte until they are released', async () => {
    await app.withMandant(mandant, async (tx) => {
      expect(await aktiveLoeschsperren(tx, akte.erbt)).toBe(1);
      expect(await aktiveLoeschsperren(tx, akte.frei)).toBe(0);
    });
  });

  it('asks a set of Akten at once: the held ones with their number of holds, the same answer as one by one', async () => {
    await app.withMandant(mandant, async (tx) => {
      const alle = Object.values(akte);
      const satz = await gesperrteAkten(tx, [...alle, akte.erbt]);
      expect(satz).toEqual(
        new Map([
          [akte.erbt, 1],
          [akte.eigen, 1],
          [akte.unten, 1],
        ]),
      );
      for (const id of alle) expect(satz.get(id) ?? 0).toBe(await aktiveLoeschsperren(tx, id));
      expect(await gesperrteAkten(tx, [])).toEqual(new Map());
    });
  });

  it('finds the held Akten that inherit a unit Frist: not those with their own, not those under a unit that sets one', async () => {
    await app.withMandant(mandant, async (tx) => {
      // oben's Frist reaches the Akten in oben and mitte without their own: `erbt` is held, `frei` is not
      expect(await gesperrteErbendeAkten(tx, einheit.oben)).toBe(1);
      expect(await gesperrteErbendeAkten(tx, einheit.mitte)).toBe(1);
      expect(await gesperrteErbendeAkten(tx, einheit.unten)).toBe(1);
    });
    await aussonderung.withMandant(mandant, (tx) =>
      tx.execute(sql`UPDATE aussonderung.loeschsperre SET aufgehoben_am = now(), aufgehoben_von = 'test', aufhebungsgrund = 'erledigt' WHERE id = ${sperre}`),
    );
    await app.withMandant(mandant, async (tx) => {
      expect(await gesperrteErbendeAkten(tx, einheit.oben)).toBe(0);
      expect(await aktiveLoeschsperren(tx, akte.erbt)).toBe(0);
    });
  });
});
