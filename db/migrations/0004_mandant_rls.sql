-- plattform.mandant: a tenant transaction sees and changes only its own row; creating and
-- listing tenants needs the platform-operations context. Not FORCEd: the owner (migrations,
-- the slug lookup below) sees every tenant.
ALTER TABLE "plattform"."mandant" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "mandant_lesen" ON "plattform"."mandant" FOR SELECT
  USING ("id" = nullif(current_setting('app.mandant', true), '')::uuid OR current_setting('app.plattformbetrieb', true) = 'an');
--> statement-breakpoint
CREATE POLICY "mandant_anlegen" ON "plattform"."mandant" FOR INSERT
  WITH CHECK (current_setting('app.plattformbetrieb', true) = 'an');
--> statement-breakpoint
CREATE POLICY "mandant_aendern" ON "plattform"."mandant" FOR UPDATE
  USING ("id" = nullif(current_setting('app.mandant', true), '')::uuid)
  WITH CHECK ("id" = nullif(current_setting('app.mandant', true), '')::uuid);
--> statement-breakpoint
-- Token verification must map a tenant slug to its id before any tenant is set.
CREATE FUNCTION "plattform"."mandant_id_fuer_slug"(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT id FROM plattform.mandant WHERE slug = p_slug $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "plattform"."mandant_id_fuer_slug"(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "plattform"."mandant_id_fuer_slug"(text) TO eakte_app;
--> statement-breakpoint
GRANT INSERT, UPDATE ("name", "einstellungen") ON "plattform"."mandant" TO eakte_app;
