// Schema ownership, enforced: each service role writes only its own schema and uses another schema only
// through what it publishes (DATENBANK_API) or what is still listed as a remaining access
// (VERBLEIBENDE_ZUGRIFFE, checked here exactly against the services' source).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { testDatenbankUrl } from '@eakte/testing';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DATENBANK_API, DIENSTE, EIGENE_SCHEMATA, SCHEMATA, VERBLEIBENDE_ZUGRIFFE, dienstRolle, eigentuemer, schema, type Dienst } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject('ownerUrl') });
  await owner.connect();
});
afterAll(() => owner.end());

const ohneArgumente = (objekt: string) => objekt.replace(/\(.*$/, '');
const veroeffentlichtFuer = (dienst: Dienst) => new Set(DATENBANK_API.filter((v) => v.fuer.includes(dienst)).map((v) => ohneArgumente(v.objekt)));
const gelistet = (dienst: Dienst) => VERBLEIBENDE_ZUGRIFFE.filter((z) => z.dienst === dienst);

describe('service roles', () => {
  it('exist as login roles without superuser or BYPASSRLS', async () => {
    const { rows } = await owner.query(`SELECT rolname FROM pg_roles WHERE rolname = ANY($1) AND rolcanlogin AND NOT rolsuper AND NOT rolbypassrls`, [DIENSTE.map(dienstRolle)]);
    expect(rows.map((r) => r.rolname).sort()).toEqual(DIENSTE.map(dienstRolle).sort());
  });

  it('the former shared role eakte_app holds no privileges', async () => {
    const { rows } = await owner.query(
      `SELECT n.nspname || '.' || c.relname AS objekt FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND (has_table_privilege('eakte_app', c.oid, 'SELECT,INSERT,UPDATE,DELETE,TRUNCATE')
          OR (c.relkind IN ('r', 'p', 'v') AND has_any_column_privilege('eakte_app', c.oid, 'SELECT,INSERT,UPDATE')))`,
      [SCHEMATA],
    );
    expect(rows).toEqual([]);
  });

  it.each(DIENSTE)('%s cannot write a table of another service beyond the listed remaining accesses', async (dienst) => {
    const { rows } = await owner.query(
      `SELECT n.nspname || '.' || c.relname AS tabelle, r.recht
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
              unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) r(recht)
        WHERE c.relkind IN ('r', 'p', 'v') AND n.nspname = ANY($2)
          AND (has_table_privilege($1, c.oid, r.recht) OR (r.recht IN ('INSERT', 'UPDATE') AND has_any_column_privilege($1, c.oid, r.recht)))`,
      [dienstRolle(dienst), SCHEMATA.filter((s) => !EIGENE_SCHEMATA[dienst].includes(s))],
    );
    const erlaubt = new Set(gelistet(dienst).flatMap((z) => [...z.rechte, ...(z.sperren ? ['UPDATE'] : [])].map((r) => `${z.tabelle} ${r}`)));
    expect(rows.map((r) => `${r.tabelle} ${r.recht}`).filter((g) => !erlaubt.has(g))).toEqual([]);
  });

  it.each(DIENSTE)('%s reads another schema only through its published API or a listed access', async (dienst) => {
    const { rows } = await owner.query(
      `SELECT n.nspname || '.' || c.relname AS objekt FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname = ANY($2) AND NOT c.relispartition
          AND (has_table_privilege($1, c.oid, 'SELECT') OR has_any_column_privilege($1, c.oid, 'SELECT'))`,
      [dienstRolle(dienst), SCHEMATA.filter((s) => !EIGENE_SCHEMATA[dienst].includes(s))],
    );
    const erlaubt = new Set([...veroeffentlichtFuer(dienst), ...gelistet(dienst).map((z) => z.tabelle)]);
    expect(rows.map((r) => r.objekt).filter((o) => !erlaubt.has(o))).toEqual([]);
  });

  it.each(DIENSTE)('%s can execute no unpublished function of another schema', async (dienst) => {
    const { rows } = await owner.query(
      `SELECT p.oid::regprocedure::text AS funktion, n.nspname || '.' || p.proname AS name
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY($2) AND has_function_privilege($1, p.oid, 'EXECUTE')`,
      [dienstRolle(dienst), SCHEMATA.filter((s) => !EIGENE_SCHEMATA[dienst].includes(s))],
    );
    const erlaubt = veroeffentlichtFuer(dienst);
    expect(rows.filter((r) => !erlaubt.has(r.name)).map((r) => r.funktion)).toEqual([]);
  });

  it('the published filing functions take the tenant from the transaction, never from an argument', async () => {
    const c = new pg.Client({ connectionString: testDatenbankUrl('aussonderung') });
    await c.connect();
    try {
      const fehler = await c.query(`SELECT akten.vorgang_fuer_systemdokument(gen_random_uuid(), 'x', gen_random_uuid(), 'x')`).catch((err: { code?: string }) => err);
      expect(fehler).toMatchObject({ code: '42501' });
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.mandant', $1, true)`, [inject('demo').demo]);
      // an Akte of another tenant is invisible: the same answer as a missing one
      const { rows } = await c.query(`SELECT akten.vorgang_fuer_systemdokument(gen_random_uuid(), 'x', gen_random_uuid(), 'x') AS r`);
      expect(rows[0].r).toEqual({ abgelegt: false, grund: 'AKTE_FEHLT' });
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
  });

  it('every published object exists, and its owner schema is not its consumer', async () => {
    for (const v of DATENBANK_API) {
      const [schemaName] = v.objekt.split('.');
      expect(v.fuer, v.objekt).not.toContain(eigentuemer(schemaName!));
      const sql = v.art === 'funktion' ? 'SELECT to_regprocedure($1) IS NOT NULL AS da' : 'SELECT to_regclass($1) IS NOT NULL AS da';
      const { rows } = await owner.query(sql, [v.objekt]);
      expect(rows[0].da, v.objekt).toBe(true);
    }
  });
});

/** Every file below `dir` ending in .ts. */
function quelldateien(dir: string): string[] {
  return readdirSync(dir).flatMap((eintrag) => {
    const p = path.join(dir, eintrag);
    return statSync(p).isDirectory() ? quelldateien(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The drizzle table objects of `@eakte/db`'s schema by export name, with their schema-qualified table. */
const drizzleTabellen = new Map(
  Object.entries(schema)
    .filter(([, wert]) => wert instanceof PgTable)
    .map(([exportName, tabelle]) => {
      const cfg = getTableConfig(tabelle as PgTable);
      return [exportName, `${cfg.schema}.${cfg.name}`] as const;
    }),
);

describe('service source', () => {
  it('names another service’s table only through the published API or a listed access', async () => {
    const { rows } = await owner.query<{ objekt: string }>(
      `SELECT n.nspname || '.' || c.relname AS objekt FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname = ANY($1) AND NOT c.relispartition
       UNION SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY($1)`,
      [SCHEMATA],
    );
    const katalog = new Set(rows.map((r) => r.objekt));
    const gefunden: Record<string, string[]> = {};
    for (const dienst of DIENSTE) {
      const namen = new Set<string>();
      for (const datei of quelldateien(path.join(root, 'services', dienst, 'src'))) {
        const text = readFileSync(datei, 'utf8');
        for (const [, s, o] of text.matchAll(/\b(plattform|akten|dokumente|aussonderung|protokoll)\.([a-z_][a-z0-9_]*)\b/g)) {
          if (katalog.has(`${s}.${o}`)) namen.add(`${s}.${o}`);
        }
        // drizzle table objects: `schema.dokument` and `const { akte, vorgang } = schema`
        const exporte = [...text.matchAll(/\bschema\.([A-Za-z_]\w*)/g)].map((m) => m[1]!);
        for (const [, liste] of text.matchAll(/const \{([^}]*)\} = schema\b/g)) exporte.push(...liste!.split(',').map((e) => e.trim().split(':')[0]!.trim()));
        for (const exportName of exporte) {
          const tabelle = drizzleTabellen.get(exportName);
          if (tabelle) namen.add(tabelle);
        }
      }
      const fremd = [...namen].filter((n) => !EIGENE_SCHEMATA[dienst].includes(n.split('.')[0]!) && !veroeffentlichtFuer(dienst).has(n));
      gefunden[dienst] = fremd.sort();
    }
    const liste = Object.fromEntries(
      DIENSTE.map((d) => [
        d,
        [
          ...new Set(
            gelistet(d)
              .filter((z) => z.quelle === 'code')
              .map((z) => z.tabelle),
          ),
        ].sort(),
      ]),
    );
    // the list must say exactly what the source does: a new access fails, a removed one must leave the list
    expect(liste, 'VERBLEIBENDE_ZUGRIFFE (quelle: code) in packages/db/src/datenbank-api.ts').toEqual(gefunden);
  });
});
