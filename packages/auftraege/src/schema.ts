// The runner's tables: graphile-worker's own schema, one per service (`auftraege_<service>`), so that each
// service role is granted only its own queue. They are installed by the migrate step as the owner (migration
// `auftraege`, written by `pnpm --filter @eakte/auftraege run migration`), never by a service at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const DIENSTE = ['akten', 'dokumente', 'aussonderung', 'protokoll'] as const;
export type Dienst = (typeof DIENSTE)[number];

/** The schema that holds a service's queue. */
export const auftragsschema = (dienst: Dienst) => `auftraege_${dienst}`;

/** graphile-worker's migrations as shipped in its package (`000001.sql` …), in order. */
export function bibliotheksMigrationen(): { nummer: number; breaking: boolean; sql: string }[] {
  // the package exports only its entry point: its sql/ folder lies beside dist/
  const einstieg = createRequire(import.meta.url).resolve('graphile-worker');
  const ordner = path.join(path.dirname(einstieg), '..', 'sql');
  return readdirSync(ordner)
    .filter((f) => /^\d{6}\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(path.join(ordner, f), 'utf8');
      return { nummer: Number.parseInt(f.slice(0, 6), 10), breaking: sql.startsWith('--! breaking'), sql };
    });
}

/**
 * The SQL that installs graphile-worker's migrations `ab`… into every service's schema and records them as
 * applied, as graphile-worker's own migrate would: a worker then finds nothing to do and needs no DDL rights.
 */
export function installationsSql(ab = 1): string {
  const teile: string[] = [];
  for (const dienst of DIENSTE) {
    const s = `"${auftragsschema(dienst)}"`;
    if (ab === 1) {
      teile.push(`CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.migrations (id int PRIMARY KEY, ts timestamptz DEFAULT now() NOT NULL, breaking boolean NOT NULL DEFAULT false);`);
    }
    for (const m of bibliotheksMigrationen().filter((x) => x.nummer >= ab)) {
      teile.push(`-- graphile-worker ${String(m.nummer).padStart(6, '0')}.sql in ${s}
INSERT INTO ${s}.migrations (id, breaking) VALUES (${m.nummer}, ${m.breaking});
${m.sql.replace(/:GRAPHILE_WORKER_SCHEMA\b/g, s).trim()}`);
    }
  }
  return `${teile.join('\n--> statement-breakpoint\n')}\n`;
}

/**
 * Grants a service's role its own queue: the app role of today (`eakte_app`) and, where it exists already,
 * the service's own login role (`eakte_<service>`). A role created later is granted by `rechteSqlFuer`.
 */
export function rechteSql(): string {
  const teile = DIENSTE.map((dienst) => {
    const s = `"${auftragsschema(dienst)}"`;
    return `DO $$
DECLARE r text; t text;
BEGIN
  FOREACH r IN ARRAY ARRAY['eakte_app', 'eakte_${dienst}'] LOOP
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('GRANT USAGE ON SCHEMA ${s} TO %I', r);
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO %I', r);
      EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO %I', r);
      EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO %I', r);
      -- graphile-worker turns row-level security on for its tables (no tenant rows in them): the queue's own role may use all
      FOR t IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = '${s}'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity LOOP
        EXECUTE format('CREATE POLICY %I ON ${s}.%I FOR ALL TO %I USING (true) WITH CHECK (true)', 'dienst_' || r, t, r);
      END LOOP;
    END IF;
  END LOOP;
END $$;`;
  });
  return `${teile.join('\n--> statement-breakpoint\n')}\n`;
}
