-- One login role per service (docs/datenbank-api.md). Each writes only its own schema; what another
-- service may read is granted from the database API list (packages/db/src/datenbank-api.ts) after the
-- migrations. Row-level security still applies: the policies target PUBLIC, and none of the roles
-- has BYPASSRLS. The roles are created outside the migrations (cluster level, like eakte_app).
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['eakte_akten', 'eakte_dokumente', 'eakte_aussonderung', 'eakte_protokoll'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      RAISE EXCEPTION 'role % is missing: create it (LOGIN, NOSUPERUSER, NOBYPASSRLS) before migrating (docs/datenbank-api.md)', r;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = r AND (rolsuper OR rolbypassrls)) THEN
      RAISE EXCEPTION 'role % must be NOSUPERUSER NOBYPASSRLS: row-level security keeps the tenants apart', r;
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- Every role may name objects in every schema; each object says who may use it.
GRANT USAGE ON SCHEMA "plattform", "akten", "dokumente", "aussonderung", "protokoll"
  TO eakte_akten, eakte_dokumente, eakte_aussonderung, eakte_protokoll;
--> statement-breakpoint
-- What the shared role held in a schema goes to the schema's service: the same privileges, table by
-- table (append-only audit tables stay append-only). plattform (tenants) belongs to Akten.
DO $$
DECLARE g record;
BEGIN
  FOR g IN
    SELECT n.nspname, c.relname, c.relkind, a.privilege_type
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
     WHERE a.grantee = 'eakte_app'::regrole
       AND n.nspname IN ('plattform', 'akten', 'dokumente', 'aussonderung', 'protokoll')
  LOOP
    EXECUTE format('GRANT %s ON %s %I.%I TO %I', g.privilege_type,
      CASE WHEN g.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, g.nspname, g.relname,
      CASE g.nspname WHEN 'plattform' THEN 'eakte_akten' ELSE 'eakte_' || g.nspname END);
  END LOOP;
END $$;
--> statement-breakpoint
-- column privileges (creating and changing tenants) are not in relacl: the same, column by column
DO $$
DECLARE g record;
BEGIN
  FOR g IN
    SELECT n.nspname, c.relname, a.attname, p.privilege_type
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
           aclexplode(a.attacl) p
     WHERE p.grantee = 'eakte_app'::regrole AND NOT a.attisdropped
       AND n.nspname IN ('plattform', 'akten', 'dokumente', 'aussonderung', 'protokoll')
  LOOP
    EXECUTE format('GRANT %s (%I) ON %I.%I TO %I', g.privilege_type, g.attname, g.nspname, g.relname,
      CASE g.nspname WHEN 'plattform' THEN 'eakte_akten' ELSE 'eakte_' || g.nspname END);
    EXECUTE format('REVOKE %s (%I) ON %I.%I FROM eakte_app', g.privilege_type, g.attname, g.nspname, g.relname);
  END LOOP;
END $$;
--> statement-breakpoint
-- tenants are readable by all services (the slug lookup, the tenant settings)
GRANT SELECT ON "plattform"."mandant" TO eakte_dokumente, eakte_aussonderung, eakte_protokoll;
--> statement-breakpoint
-- Functions: no longer executable by PUBLIC; each schema's service may run its own, another service
-- only what the database API publishes. Trigger functions need no EXECUTE when they fire.
DO $$
DECLARE f record;
BEGIN
  FOR f IN
    SELECT p.oid::regprocedure AS sig, n.nspname
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ('plattform', 'akten', 'dokumente', 'aussonderung', 'protokoll')
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC, eakte_app', f.sig);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f.sig,
      CASE f.nspname WHEN 'plattform' THEN 'eakte_akten' ELSE 'eakte_' || f.nspname END);
  END LOOP;
END $$;
--> statement-breakpoint
-- functions created by later migrations follow the same rule without repeating it
ALTER DEFAULT PRIVILEGES IN SCHEMA "plattform", "akten", "dokumente", "aussonderung", "protokoll" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "plattform", "akten" GRANT EXECUTE ON FUNCTIONS TO eakte_akten;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "dokumente" GRANT EXECUTE ON FUNCTIONS TO eakte_dokumente;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "aussonderung" GRANT EXECUTE ON FUNCTIONS TO eakte_aussonderung;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "protokoll" GRANT EXECUTE ON FUNCTIONS TO eakte_protokoll;
--> statement-breakpoint
-- The shared role keeps nothing: it exists only because migration 0001 checks for it.
REVOKE ALL ON ALL TABLES IN SCHEMA "plattform", "akten", "dokumente", "aussonderung", "protokoll" FROM eakte_app;
--> statement-breakpoint
REVOKE ALL ON ALL SEQUENCES IN SCHEMA "plattform", "akten", "dokumente", "aussonderung", "protokoll" FROM eakte_app;
--> statement-breakpoint
REVOKE USAGE ON SCHEMA "plattform", "akten", "dokumente", "aussonderung", "protokoll" FROM eakte_app;
