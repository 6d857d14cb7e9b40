-- Protokoll: monthly partitions, append-only enforcement, FORCE RLS and the application role's rights.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'eakte_app') THEN
    RAISE EXCEPTION 'role eakte_app is missing: create it (LOGIN, NOSUPERUSER, NOBYPASSRLS) before migrating';
  END IF;
END $$;
--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "protokoll"."kette" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "protokoll"."ereignis" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "protokoll"."checkpoint" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Audit events are never changed or removed, by anyone: privileges keep the application role out,
-- these triggers refuse it for every other role too (also for statements that match no row).
CREATE FUNCTION "protokoll"."unveraenderlich"() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'Das Protokoll ist unveränderlich: % auf %.% ist nicht erlaubt', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "ereignis_unveraenderlich_zeile" BEFORE UPDATE OR DELETE ON "protokoll"."ereignis"
  FOR EACH ROW EXECUTE FUNCTION "protokoll"."unveraenderlich"();
--> statement-breakpoint
CREATE TRIGGER "ereignis_unveraenderlich" BEFORE UPDATE OR DELETE OR TRUNCATE ON "protokoll"."ereignis"
  FOR EACH STATEMENT EXECUTE FUNCTION "protokoll"."unveraenderlich"();
--> statement-breakpoint
-- Attaches one partition: RLS with FORCE and the tenant policy (like every tenant table), and the
-- TRUNCATE guard (statement triggers are not cloned to partitions; row triggers are).
CREATE FUNCTION "protokoll"."partition_absichern"(name text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  EXECUTE format('ALTER TABLE protokoll.%I ENABLE ROW LEVEL SECURITY', name);
  EXECUTE format('ALTER TABLE protokoll.%I FORCE ROW LEVEL SECURITY', name);
  IF NOT EXISTS (SELECT FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'protokoll' AND c.relname = name AND p.polname = 'mandant_isolation') THEN
    EXECUTE format($f$CREATE POLICY mandant_isolation ON protokoll.%I AS PERMISSIVE FOR ALL TO public
      USING (mandant_id = nullif(current_setting('app.mandant', true), '')::uuid)
      WITH CHECK (mandant_id = nullif(current_setting('app.mandant', true), '')::uuid)$f$, name);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'protokoll' AND c.relname = name AND t.tgname = 'ereignis_unveraenderlich') THEN
    EXECUTE format('CREATE TRIGGER ereignis_unveraenderlich BEFORE TRUNCATE ON protokoll.%I FOR EACH STATEMENT EXECUTE FUNCTION protokoll.unveraenderlich()', name);
  END IF;
END $$;
--> statement-breakpoint
-- Creates the partition of the month containing `monat` (idempotent). Runs as the owner, so the
-- application role may call it to keep partitions ahead without owning the table.
CREATE FUNCTION "protokoll"."monatspartition_anlegen"(monat date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  von date := date_trunc('month', monat)::date;
  bis date := (date_trunc('month', monat) + interval '1 month')::date;
  name text := 'ereignis_' || to_char(von, 'YYYY_MM');
BEGIN
  IF to_regclass('protokoll.' || name) IS NULL THEN
    EXECUTE format('CREATE TABLE protokoll.%I PARTITION OF protokoll.ereignis FOR VALUES FROM (%L) TO (%L)', name, von, bis);
  END IF;
  PERFORM protokoll.partition_absichern(name);
  RETURN name;
END $$;
--> statement-breakpoint
-- Keeps the partitions of this month and the next `monate` months present.
CREATE FUNCTION "protokoll"."partitionen_sicherstellen"(monate integer DEFAULT 3) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  FOR i IN 0..monate LOOP
    PERFORM protokoll.monatspartition_anlegen((date_trunc('month', now()) + make_interval(months => i))::date);
  END LOOP;
END $$;
--> statement-breakpoint
-- The default partition catches events of a month whose partition was not created in time, so an
-- append never fails for want of a partition; rows there mean the maintenance did not run.
CREATE TABLE "protokoll"."ereignis_default" PARTITION OF "protokoll"."ereignis" DEFAULT;
--> statement-breakpoint
SELECT protokoll.partition_absichern('ereignis_default');
--> statement-breakpoint
SELECT protokoll.monatspartition_anlegen((date_trunc('month', now()) - interval '1 month')::date);
--> statement-breakpoint
SELECT protokoll.partitionen_sicherstellen(12);
--> statement-breakpoint
REVOKE ALL ON FUNCTION "protokoll"."partition_absichern"(text),
  "protokoll"."monatspartition_anlegen"(date), "protokoll"."partitionen_sicherstellen"(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "protokoll" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "protokoll"."ereignis" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "protokoll"."kette" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "protokoll"."checkpoint" TO eakte_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "protokoll"."partitionen_sicherstellen"(integer) TO eakte_app;
