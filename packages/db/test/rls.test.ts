// Tenant isolation lives in the database: every tenant-owned table has RLS with FORCE, and the
// application role can neither bypass it nor own the tables.
import { testDatenbankUrl } from '@eakte/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb, schema, sql } from '../src/index.js';

const SCHEMAS = ['plattform', 'akten', 'dokumente', 'aussonderung', 'protokoll'];
let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject('ownerUrl') });
  await owner.connect();
});
afterAll(() => owner.end());

describe('row-level security', () => {
  it('is enabled and forced on every table that has a mandant_id', async () => {
    const { rows } = await owner.query(
      `SELECT n.nspname || '.' || c.relname AS tabelle, c.relrowsecurity AS rls, c.relforcerowsecurity AS force,
              (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1)
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'mandant_id' AND NOT a.attisdropped)`,
      [SCHEMAS],
    );
    expect(rows.length).toBeGreaterThan(0);
    const unprotected = rows.filter((r) => !r.rls || !r.force || r.policies === 0).map((r) => r.tabelle);
    expect(unprotected).toEqual([]);
  });

  it.each(['akten', 'dokumente', 'aussonderung', 'protokoll'] as const)('gives %s a role that is no superuser, cannot bypass RLS and owns nothing', async (dienst) => {
    const appUser = new URL(testDatenbankUrl(dienst)).username;
    const { rows } = await owner.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1', [appUser]);
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const owned = await owner.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND pg_get_userbyid(c.relowner) = $2`,
      [SCHEMAS, appUser],
    );
    expect(owned.rows).toEqual([]);
  });

  it("shows nothing outside a tenant transaction and only the tenant's rows inside one", async () => {
    const db = createDb(testDatenbankUrl('akten'), { max: 1 });
    try {
      const demo = inject('demo');
      expect(await db.db.select().from(schema.aktenplaneinheit)).toEqual([]);
      const rows = await db.withMandant(demo.demo!, (tx) => tx.select().from(schema.aktenplaneinheit));
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.mandantId))).toEqual(new Set([demo.demo]));
      // interleaved on the single pooled connection: the setting never leaks to the next transaction
      const other = await db.withMandant(demo.demo2!, (tx) => tx.select().from(schema.aktenplaneinheit));
      expect(new Set(other.map((r) => r.mandantId))).toEqual(new Set([demo.demo2]));
      expect(await db.db.select().from(schema.aktenplaneinheit)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('refuses to write a row for another tenant', async () => {
    const db = createDb(testDatenbankUrl('akten'), { max: 1 });
    try {
      const demo = inject('demo');
      await expect(
        db.withMandant(demo.demo!, (tx) => tx.insert(schema.aktenplaneinheit).values({ id: crypto.randomUUID(), mandantId: demo.demo2!, kennzeichen: '99', titel: 'fremd' })),
      ).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});

describe('tenants table', () => {
  it('lets a tenant transaction see and change only its own tenant row, and create none', async () => {
    const db = createDb(testDatenbankUrl('akten'), { max: 1 });
    try {
      const demo = inject('demo');
      const visible = await db.withMandant(demo.demo!, (tx) => tx.select().from(schema.mandant));
      expect(visible.map((m) => m.slug)).toEqual(['demo']);
      const changed = await db.withMandant(demo.demo!, (tx) =>
        tx
          .update(schema.mandant)
          .set({ name: 'übernommen' })
          .where(sql`${schema.mandant.slug} = 'demo2'`)
          .returning(),
      );
      expect(changed).toEqual([]);
      await expect(db.withMandant(demo.demo!, (tx) => tx.insert(schema.mandant).values({ id: crypto.randomUUID(), slug: 'eingeschleust', name: 'X' }))).rejects.toThrow();
      // the slug lookup works without any tenant context, for token verification
      expect(await db.mandantIdFuerSlug('demo2')).toBe(demo.demo2);
      expect(await db.mandantIdFuerSlug('gibt-es-nicht')).toBeNull();
    } finally {
      await db.close();
    }
  });
});
