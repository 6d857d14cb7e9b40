// Migration 0018 turns the free-text Behördenkennung into xdomea's structure. Its statements run
// here, in one rolled-back transaction, on a copy of the pre-0018 table with the values seen in use.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

let owner: pg.Client;
beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject('ownerUrl') });
  await owner.connect();
});
afterAll(() => owner.end());

const migration = readFileSync(new URL('../../../db/migrations/0018_mandant_behoerdenkennung.sql', import.meta.url), 'utf8');

describe('migration 0018 (Behördenkennung)', () => {
  it('reads praefix:schluessel into the structure and keeps any other value aside, the setting then empty', async () => {
    await owner.query('BEGIN');
    try {
      await owner.query('CREATE SCHEMA m0018; CREATE TABLE m0018.mandant (slug text PRIMARY KEY, behoerdenkennung text)');
      await owner.query(`INSERT INTO m0018.mandant VALUES ('a', 'ags:09162000'), ('b', ' TH:160530 '), ('c', 'DEMO-001'), ('d', 'LFU-01'), ('e', 'a:b:c'), ('f', NULL), ('g', 'x: y')`);
      for (const statement of migration.split('--> statement-breakpoint')) await owner.query(statement.replaceAll('"plattform"."mandant"', '"m0018"."mandant"'));
      const { rows } = await owner.query('SELECT slug, behoerdenkennung, behoerdenkennung_unlesbar AS unlesbar FROM m0018.mandant ORDER BY slug');
      expect(rows).toEqual([
        { slug: 'a', behoerdenkennung: { behoerdenschluessel: { code: '09162000' }, praefix: { code: 'ags' } }, unlesbar: null },
        { slug: 'b', behoerdenkennung: { behoerdenschluessel: { code: '160530' }, praefix: { code: 'TH' } }, unlesbar: null },
        { slug: 'c', behoerdenkennung: null, unlesbar: 'DEMO-001' },
        { slug: 'd', behoerdenkennung: null, unlesbar: 'LFU-01' },
        { slug: 'e', behoerdenkennung: null, unlesbar: 'a:b:c' },
        { slug: 'f', behoerdenkennung: null, unlesbar: null },
        { slug: 'g', behoerdenkennung: null, unlesbar: 'x: y' },
      ]);
      // the shape the message writer relies on is a constraint
      await expect(owner.query(`UPDATE m0018.mandant SET behoerdenkennung = '{"praefix":{"code":"ags"}}' WHERE slug = 'a'`)).rejects.toThrow(/mandant_behoerdenkennung_ck/);
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});
