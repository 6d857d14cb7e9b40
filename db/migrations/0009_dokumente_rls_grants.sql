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
--> statement-breakpoint
-- The job queue: ids only; the worker claims across tenants in its own context (policy auftrag_zugriff).
ALTER TABLE "dokumente"."auftrag" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Jobs are claimed (lease by faellig_ab) and removed when done.
GRANT SELECT, INSERT, UPDATE, DELETE ON "dokumente"."auftrag" TO eakte_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "dokumente"."auftrag_id_seq" TO eakte_app;
