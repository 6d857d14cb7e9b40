-- drizzle-kit never emits FORCE: without it the owner role would bypass the policy.
ALTER TABLE "aussonderung"."auftrag" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- a finished job is deleted; what it did stays on the object and in the Protokoll
GRANT SELECT, INSERT, UPDATE, DELETE ON "aussonderung"."auftrag" TO eakte_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "aussonderung"."auftrag_id_seq" TO eakte_app;
