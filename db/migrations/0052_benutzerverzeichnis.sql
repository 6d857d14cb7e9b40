-- The tenant's user directory (GET /benutzer): everyone is picked and shown by name. It is searched
-- by name or login id ("contains", folded like every search: trigram index) and listed by the name
-- shown, then `sub` (keyset order, btree index).
ALTER TABLE "akten"."benutzer" ADD COLUMN "anzeigename" text GENERATED ALWAYS AS (coalesce(nullif(btrim("name"), ''), "sub")) STORED NOT NULL;
--> statement-breakpoint
ALTER TABLE "akten"."benutzer" ADD COLUMN "suchtext" text GENERATED ALWAYS AS (akten.suchtext(coalesce("name", '') || ' ' || "sub")) STORED;
--> statement-breakpoint
CREATE INDEX "benutzer_anzeigename_idx" ON "akten"."benutzer" USING btree ("mandant_id","anzeigename","sub");
--> statement-breakpoint
CREATE INDEX "benutzer_suchtext_trgm_idx" ON "akten"."benutzer" USING gin ("suchtext" gin_trgm_ops);
--> statement-breakpoint
-- Who acted before the directory existed and has no row yet enters it with the name the Protokoll
-- last recorded (from now on the Akten service enters a user on their first request). Technical
-- clients (only the Fachverfahren role) are no people to pick. Row-level security needs the tenant set.
DO $$
DECLARE m uuid;
BEGIN
  FOR m IN SELECT id FROM plattform.mandant LOOP
    PERFORM set_config('app.mandant', m::text, true);
    INSERT INTO akten.benutzer (mandant_id, sub, name)
    SELECT DISTINCT ON (e.akteur_sub) e.mandant_id, e.akteur_sub, nullif(btrim(e.akteur_name), '')
      FROM protokoll.ereignis e
     WHERE e.mandant_id = m AND e.sequenz IS NOT NULL AND NOT (e.akteur_rollen <@ ARRAY['fachverfahren']::text[])
     ORDER BY e.akteur_sub, e.sequenz DESC
    ON CONFLICT DO NOTHING;
  END LOOP;
  PERFORM set_config('app.mandant', '', true);
END $$;
