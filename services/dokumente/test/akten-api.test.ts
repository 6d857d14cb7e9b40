// What Dokumente reads of Akten goes through the views and the function Akten publishes
// (migration 0029): they keep each tenant's rows to itself, and the lock holds a Vorgang open.
import { createDb, sql } from '@eakte/db';
import { pgFehler } from '@eakte/platform';
import { testDatenbankUrl } from '@eakte/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { neuerMandant, neuerVorgang, ownerDb } from './hilfen.js';

const appDb = createDb(testDatenbankUrl('dokumente'), { max: 2 });
afterAll(() => appDb.close());

describe('the database API Akten publishes for Dokumente', () => {
  it('shows a tenant only its own Vorgänge and Akten', async () => {
    const a = await neuerMandant();
    const b = await neuerMandant();
    const va = await neuerVorgang(a.id);
    const vb = await neuerVorgang(b.id);
    const sieht = (mandantId: string) =>
      appDb.withMandant(mandantId, async (tx) => {
        const v = await tx.execute<{ vorgang_id: string }>(sql`select vorgang_id from akten.vorgang_kontext where vorgang_id in (${va.vorgangId}, ${vb.vorgangId})`);
        const k = await tx.execute<{ id: string }>(sql`select id from akten.akte_kopf where id in (${va.akteId}, ${vb.akteId})`);
        return [...v.rows.map((r) => r.vorgang_id), ...k.rows.map((r) => r.id)];
      });
    expect(await sieht(a.id)).toEqual([va.vorgangId, va.akteId]);
    expect(await sieht(b.id)).toEqual([vb.vorgangId, vb.akteId]);
  });

  it('holds a Vorgang open while a filing transaction runs: closing it waits', async () => {
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    let freigeben!: () => void;
    const gehalten = new Promise<void>((r) => (freigeben = r));
    let gesperrt!: () => void;
    const sperreDa = new Promise<void>((r) => (gesperrt = r));
    const ablage = appDb.withMandant(m.id, async (tx) => {
      await tx.execute(sql`select akten.halte_vorgang_offen(${v.vorgangId})`);
      gesperrt();
      await gehalten;
    });
    await sperreDa;
    const schliesse = () =>
      ownerDb().withMandant(m.id, async (tx) => {
        await tx.execute(sql`set local lock_timeout = '300ms'`);
        await tx.execute(sql`update akten.vorgang set status = 'geschlossen', zda_datum = '2026-02-01' where id = ${v.vorgangId}`);
      });
    const fehler: unknown = await schliesse().catch((e: unknown) => e);
    expect(pgFehler(fehler)?.code).toBe('55P03');
    freigeben();
    await ablage;
    await schliesse();
  });
});
