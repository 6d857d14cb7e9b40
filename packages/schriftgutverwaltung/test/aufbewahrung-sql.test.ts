// The SQL function of retention inheritance agrees with its TS mirror, stays in the tenant, stops
// at the depth limit, and tells which Akten inherit a unit's Frist (the Löschsperre gate's question).
import { sql, type Db } from '@eakte/db';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TIEFE, wirksameAufbewahrungDerAkten, wirksameAufbewahrungDerEinheiten, wirksameAufbewahrungSql, wirksameFrist } from '../src/aufbewahrung.js';
import { eigenerMandant, eindeutig } from './hilfen.js';

type Einheit = { id: string; parent: string | null; aufbewahrungsfrist: number | null; unbefristet: boolean; aussonderungsart: 'A' | 'B' | 'V' | null };

describe('aufbewahrung in SQL', () => {
  let app: Db;
  let mandant: string;
  const p = eindeutig();
  // 1 (10 J., A) ─ 1.1 (–) ─ 1.1.1 (unbefristet) ─ 1.1.1.1 (–, V)
  //              └ 1.2 (3 J.)
  const e: Record<string, Einheit> = {};
  const neu = (k: string, parent: string | null, aufbewahrungsfrist: number | null, unbefristet: boolean, aussonderungsart: Einheit['aussonderungsart']) =>
    (e[k] = { id: uuidv7(), parent: parent ? e[parent]!.id : null, aufbewahrungsfrist, unbefristet, aussonderungsart });
  neu('1', null, 10, false, 'A');
  neu('1.1', '1', null, false, null);
  neu('1.1.1', '1.1', null, true, null);
  neu('1.1.1.1', '1.1.1', null, false, 'V');
  neu('1.2', '1', 3, false, null);

  beforeAll(async () => {
    ({ app, mandant } = await eigenerMandant('aufbewahrung'));
    await app.withMandant(mandant, async (tx) => {
      for (const [k, x] of Object.entries(e)) {
        await tx.execute(sql`INSERT INTO akten.aktenplaneinheit (id, mandant_id, parent_id, kennzeichen, titel, aufbewahrungsfrist, unbefristet, aussonderungsart)
          VALUES (${x.id}, ${mandant}, ${x.parent}, ${`${p}${k}`}, ${k}, ${x.aufbewahrungsfrist}, ${x.unbefristet}, ${x.aussonderungsart})`);
      }
    });
  });
  afterAll(() => app.close());

  const kette = (k: Einheit): Einheit[] => {
    const out: Einheit[] = [];
    for (let x: Einheit | undefined = k; x; x = Object.values(e).find((y) => y.id === x!.parent)) out.push(x);
    return out;
  };

  it('inherits Frist and Aussonderungsart from the nearest unit upwards, as the TS mirror does', async () => {
    const w = await app.withMandant(mandant, (tx) =>
      wirksameAufbewahrungDerEinheiten(
        tx,
        Object.values(e).map((x) => x.id),
      ),
    );
    for (const [k, x] of Object.entries(e)) {
      expect(w.get(x.id)?.frist, k).toEqual(wirksameFrist({ aufbewahrungsfrist: null, unbefristet: false }, kette(x)).frist);
    }
    expect(w.get(e['1.1']!.id)).toEqual({ frist: 10, fristGeerbt: true, aussonderungsart: 'A', artGeerbt: true });
    expect(w.get(e['1.1.1.1']!.id)).toEqual({ frist: 'unbefristet', fristGeerbt: true, aussonderungsart: 'V', artGeerbt: true });
    expect(w.get(e['1.2']!.id)).toEqual({ frist: 3, fristGeerbt: true, aussonderungsart: 'A', artGeerbt: true });
  });

  it("an Akte's own Frist and Aussonderungsart win", async () => {
    const r = await app.withMandant(mandant, (tx) =>
      tx.execute<{ aufbewahrungsfrist: number | null; unbefristet: boolean; frist_geerbt: boolean; aussonderungsart: string; art_geerbt: boolean }>(
        sql`SELECT * FROM ${wirksameAufbewahrungSql(e['1.1.1']!.id, { aufbewahrungsfrist: 5, unbefristet: false, aussonderungsart: 'B' })}`,
      ),
    );
    expect(r.rows).toEqual([{ aufbewahrungsfrist: 5, unbefristet: false, frist_geerbt: false, aussonderungsart: 'B', art_geerbt: false }]);
  });

  it('the units inheriting a Frist: the unit and, downwards, those that set none', async () => {
    const ids = await app.withMandant(mandant, (tx) => tx.execute<{ id: string }>(sql`SELECT id FROM akten.frist_erbende_einheiten(${e['1']!.id}::uuid)`));
    expect(ids.rows.map((r) => r.id).sort()).toEqual([e['1']!.id, e['1.1']!.id].sort());
  });

  it('for stored Akten: their own values win, the rest is inherited', async () => {
    const [mit, ohne] = [uuidv7(), uuidv7()];
    const w = await app.withMandant(mandant, async (tx) => {
      for (const [i, [id, frist, art]] of (
        [
          [mit, 2, 'B'],
          [ohne, null, null],
        ] as const
      ).entries()) {
        await tx.execute(sql`INSERT INTO akten.akte (id, mandant_id, aktenplaneinheit_id, aktenzeichen, laufende_nummer, jahr, betreff, laufzeit_beginn, erstellt_von, aufbewahrungsfrist, aussonderungsart)
          VALUES (${id}, ${mandant}, ${e['1.1']!.id}, ${`${p}-${i}/2026`}, ${i + 1}, 2026, 'A', '2026-01-01', 'test', ${frist}, ${art})`);
      }
      return wirksameAufbewahrungDerAkten(tx, [mit, ohne]);
    });
    expect(w.get(mit)).toEqual({ frist: 2, fristGeerbt: false, aussonderungsart: 'B', artGeerbt: false });
    expect(w.get(ohne)).toEqual({ frist: 10, fristGeerbt: true, aussonderungsart: 'A', artGeerbt: true });
  });

  it(`stops ${MAX_TIEFE} levels up, as the TS mirror does`, async () => {
    // a chain of MAX_TIEFE + 2 units; only the top one sets a Frist and an Aussonderungsart
    const kette: Einheit[] = [];
    for (let i = 0; i < MAX_TIEFE + 2; i++) {
      kette.push({ id: uuidv7(), parent: kette[i - 1]?.id ?? null, aufbewahrungsfrist: i === 0 ? 7 : null, unbefristet: false, aussonderungsart: i === 0 ? 'V' : null });
    }
    const unten = kette.at(-1)!;
    const vorletzt = kette.at(-2)!;
    const w = await app.withMandant(mandant, async (tx) => {
      for (const [i, x] of kette.entries()) {
        await tx.execute(sql`INSERT INTO akten.aktenplaneinheit (id, mandant_id, parent_id, kennzeichen, titel, aufbewahrungsfrist, unbefristet, aussonderungsart)
          VALUES (${x.id}, ${mandant}, ${x.parent}, ${`${p}T${'.x'.repeat(i)}`}, 'tief', ${x.aufbewahrungsfrist}, ${x.unbefristet}, ${x.aussonderungsart})`);
      }
      return wirksameAufbewahrungDerEinheiten(tx, [unten.id, vorletzt.id]);
    });
    const vonUnten = (start: number) => kette.slice(0, start + 1).reverse();
    expect(w.get(vorletzt.id)).toMatchObject({ frist: 7, aussonderungsart: 'V' });
    expect(w.get(unten.id)).toMatchObject({ frist: null, aussonderungsart: null });
    expect(wirksameFrist({ aufbewahrungsfrist: null, unbefristet: false }, vonUnten(MAX_TIEFE)).frist).toBe(7);
    expect(wirksameFrist({ aufbewahrungsfrist: null, unbefristet: false }, vonUnten(MAX_TIEFE + 1)).frist).toBeNull();
  });
});

describe('aufbewahrung: SQL and TS mirror agree on random Aktenpläne', () => {
  let app: Db;
  let mandant: string;
  beforeAll(async () => {
    ({ app, mandant } = await eigenerMandant('aufbewahrung-zufall'));
  });
  afterAll(() => app.close());

  type Knoten = { eltern: number; frist: number | null; unbefristet: boolean; art: 'A' | 'B' | 'V' | null };
  const knoten: fc.Arbitrary<Knoten> = fc.record({
    eltern: fc.nat(),
    frist: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 2 }),
    unbefristet: fc.constantFrom(false, false, true),
    art: fc.option(fc.constantFrom<'A' | 'B' | 'V'>('A', 'B', 'V'), { freq: 2 }),
  });
  const akteEigen = fc.record({
    frist: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 3 }),
    unbefristet: fc.boolean(),
    art: fc.option(fc.constantFrom<'A' | 'B' | 'V'>('A', 'B', 'V'), { freq: 3 }),
  });

  it('for every unit and any own values of an Akte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(knoten, { minLength: 1, maxLength: 12 }), fc.nat(), akteEigen, async (baum, wahl, eigen) => {
        const p = eindeutig();
        // node i hangs below one of the nodes before it (node 0 is a root)
        const einheiten: Einheit[] = [];
        for (const [i, k] of baum.entries()) {
          const u = k.unbefristet && k.frist === null;
          einheiten.push({ id: uuidv7(), parent: i === 0 ? null : einheiten[k.eltern % i]!.id, aufbewahrungsfrist: u ? null : k.frist, unbefristet: u, aussonderungsart: k.art });
        }
        const ziel = einheiten[wahl % einheiten.length]!;
        const sqlWert = await app.withMandant(mandant, async (tx) => {
          for (const [i, x] of einheiten.entries()) {
            await tx.execute(sql`INSERT INTO akten.aktenplaneinheit (id, mandant_id, parent_id, kennzeichen, titel, aufbewahrungsfrist, unbefristet, aussonderungsart)
              VALUES (${x.id}, ${mandant}, ${x.parent}, ${`${p}.${i}`}, 'z', ${x.aufbewahrungsfrist}, ${x.unbefristet}, ${x.aussonderungsart})`);
          }
          const r = await tx.execute<{ aufbewahrungsfrist: number | null; unbefristet: boolean; aussonderungsart: string | null }>(
            sql`SELECT * FROM ${wirksameAufbewahrungSql(ziel.id, { aufbewahrungsfrist: eigen.unbefristet ? null : eigen.frist, unbefristet: eigen.unbefristet, aussonderungsart: eigen.art })}`,
          );
          return r.rows[0]!;
        });
        const kette: Einheit[] = [];
        for (let x: Einheit | undefined = ziel; x; x = einheiten.find((y) => y.id === x!.parent)) kette.push(x);
        const ts = wirksameFrist({ aufbewahrungsfrist: eigen.unbefristet ? null : eigen.frist, unbefristet: eigen.unbefristet }, kette);
        const tsArt = eigen.art ?? kette.find((x) => x.aussonderungsart !== null)?.aussonderungsart ?? null;
        expect(sqlWert.unbefristet ? 'unbefristet' : sqlWert.aufbewahrungsfrist).toEqual(ts.frist);
        expect(sqlWert.aussonderungsart).toEqual(tsArt);
      }),
      { numRuns: 40 },
    );
  });
});
