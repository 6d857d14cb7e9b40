-- The application role must exist before migrations run (created by the embedded start, or by the DBA in production).
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'eakte_app') THEN
    RAISE EXCEPTION 'role eakte_app is missing: create it (LOGIN, NOSUPERUSER, NOBYPASSRLS) before migrating';
  END IF;
END $$;
--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "akten"."aktenplaneinheit" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "plattform", "akten" TO eakte_app;
--> statement-breakpoint
GRANT SELECT ON "plattform"."mandant" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "akten"."aktenplaneinheit" TO eakte_app;
