-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "dokumente"."dokument" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "dokumente"."dokument_version" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "dokumente"."idempotenz" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "dokumente"."volltext" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "dokumente" TO eakte_app;
--> statement-breakpoint
-- Dokumente are never deleted by the application (destruction is the Aussonderung's job).
GRANT SELECT, INSERT, UPDATE ON "dokumente"."dokument" TO eakte_app;
--> statement-breakpoint
-- Versions are immutable: a change is a new version (design §3 rule 7).
GRANT SELECT, INSERT ON "dokumente"."dokument_version" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "dokumente"."idempotenz" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "dokumente"."volltext" TO eakte_app;
