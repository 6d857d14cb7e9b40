// Append-only, enforced by the database: the application role has no UPDATE/DELETE/TRUNCATE
// privilege on the events, and a trigger refuses them for every other role too.
import { createDb, sql } from '@eakte/db';
import { testMandant, testDatenbankUrl } from '@eakte/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { inject, onTestFinished } from 'vitest';
import { nEreignisse, superuser } from './helpers.js';

async function alsRolle(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  onTestFinished(() => c.end());
  return c;
}

async function fehlerVon(c: pg.Client, mandantId: string, statement: string) {
  await c.query('BEGIN');
  try {
    await c.query(`select set_config('app.mandant', $1, true)`, [mandantId]);
    await c.query(statement);
    return null;
  } catch (err) {
    return err as { code?: string; message: string };
  } finally {
    await c.query('ROLLBACK');
  }
}

describe('append-only audit table', () => {
  it('the application role may not UPDATE, DELETE or TRUNCATE events (privilege)', async () => {
    const m = await testMandant();
    await nEreignisse(m.id, 2);
    const app = await alsRolle(testDatenbankUrl('protokoll'));
    for (const stmt of [
      `UPDATE protokoll.ereignis SET akteur_name = 'x' WHERE sequenz = 1`,
      'DELETE FROM protokoll.ereignis WHERE sequenz = 1',
      'TRUNCATE protokoll.ereignis',
      'TRUNCATE protokoll.ereignis_default',
      `UPDATE protokoll.checkpoint SET hash = 'x'`,
      'DELETE FROM protokoll.checkpoint',
    ]) {
      const err = await fehlerVon(app, m.id, stmt);
      expect(err, stmt).toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
    }
    // but it can read and append (through the audit package) in its tenant
    const db = createDb(testDatenbankUrl('protokoll'), { max: 1 });
    onTestFinished(() => db.close());
    const n = await db.withMandant(m.id, (tx) => tx.execute(sql`select count(*)::int as n from protokoll.ereignis`));
    expect(n.rows[0]).toEqual({ n: 2 });
  });

  it('a trigger refuses UPDATE, DELETE and TRUNCATE for the owner and even a superuser', async () => {
    const m = await testMandant();
    await nEreignisse(m.id, 2);
    const owner = await alsRolle(inject('ownerUrl'));
    const su = await superuser();
    for (const c of [owner, su]) {
      for (const stmt of [
        `UPDATE protokoll.ereignis SET akteur_name = 'x' WHERE mandant_id = '${m.id}'`,
        `DELETE FROM protokoll.ereignis WHERE mandant_id = '${m.id}'`,
        // even a statement that matches no row
        `DELETE FROM protokoll.ereignis WHERE false`,
        'TRUNCATE protokoll.ereignis',
        'TRUNCATE protokoll.ereignis_default',
      ]) {
        const err = await fehlerVon(c, m.id, stmt);
        expect(err, stmt).toMatchObject({ message: expect.stringMatching(/unveränderlich/) });
      }
    }
    const rows = await su.query('select count(*)::int as n from protokoll.ereignis where mandant_id = $1', [m.id]);
    expect(rows.rows[0]).toEqual({ n: 2 });
  });

  it('the sequencer may only number an event once: no content change while numbering, no renumbering (trigger)', async () => {
    const m = await testMandant();
    await nEreignisse(m.id, 1);
    const db = createDb(testDatenbankUrl('akten'), { max: 1 });
    onTestFinished(() => db.close());
    const { protokollAnhaengen } = await import('@eakte/audit');
    await db.withMandant(m.id, (tx) => protokollAnhaengen(tx, { mandantId: m.id, akteur: { sub: 's', name: 'S', rollen: [] }, aktion: 'akte.gelesen', objektTyp: 'akte', objektId: null }));
    const sequenzierer = await alsRolle(testDatenbankUrl('protokoll'));
    const owner = await alsRolle(inject('ownerUrl'));
    for (const c of [sequenzierer, owner]) {
      for (const stmt of [
        // numbering the waiting event and changing its leaf bytes with it
        `UPDATE protokoll.ereignis SET sequenz = 2, hash = repeat('a', 64), blatt = '\\x00' WHERE sequenz IS NULL`,
        // numbering it without a chain hash
        `UPDATE protokoll.ereignis SET sequenz = 2 WHERE sequenz IS NULL`,
        // renumbering a numbered event
        `UPDATE protokoll.ereignis SET sequenz = 7, hash = repeat('a', 64) WHERE sequenz = 1`,
      ]) {
        const err = await fehlerVon(c, m.id, stmt);
        expect(err, stmt).toMatchObject({ code: '42501' });
      }
    }
    // what the sequencer does is allowed
    expect(await fehlerVon(sequenzierer, m.id, `UPDATE protokoll.ereignis SET sequenz = 2, hash = repeat('a', 64) WHERE sequenz IS NULL`)).toBeNull();
  });

  it('is partitioned by month, with RLS forced on every partition', async () => {
    const su = await superuser();
    const parent = await su.query(`select partstrat from pg_partitioned_table where partrelid = 'protokoll.ereignis'::regclass`);
    expect(parent.rows).toEqual([{ partstrat: 'r' }]);
    const parts = await su.query(
      `select c.relname, c.relrowsecurity, c.relforcerowsecurity from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'protokoll.ereignis'::regclass order by c.relname`,
    );
    const names = parts.rows.map((r) => r.relname as string);
    const now = new Date();
    const monat = `ereignis_${now.getUTCFullYear()}_${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    expect(names).toContain(monat);
    expect(names).toContain('ereignis_default');
    expect(names.length).toBeGreaterThanOrEqual(14);
    expect(parts.rows.every((r) => r.relrowsecurity && r.relforcerowsecurity)).toBe(true);
    // this month's events land in this month's partition, not the default one
    const m = await testMandant();
    await nEreignisse(m.id, 1);
    const where = await su.query('select tableoid::regclass::text as t from protokoll.ereignis where mandant_id = $1', [m.id]);
    expect(where.rows).toEqual([{ t: `protokoll.${monat}` }]);
  });
});
