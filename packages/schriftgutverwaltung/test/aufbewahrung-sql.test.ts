// The SQL function of retention inheritance agrees with its TS mirror, stays in the tenant, stops
// at the depth limit, and tells which Akten inherit a unit's Frist (the Löschsperre gate's question).
import { sql, type Db } from '@eakte/db';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wirksameAufbewahrungDerEinheiten, wirksameAufbewahrungSql, wirksameFrist } from '../src/aufbewahrung.js';
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
    const w = await app.withMandant(mandant, (tx) => wirksameAufbewahrungDerEinheiten(tx, Object.values(e).map((x) => x.id)));
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
});
