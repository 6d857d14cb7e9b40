-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "akten"."organisationseinheit" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."benutzer" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."benutzer_organisationseinheit" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."aktenzeichen_zaehler" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."akte" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."aktenzeichen_historie" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."vorgang" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "akten"."organisationseinheit" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "akten"."benutzer" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "akten"."benutzer_organisationseinheit" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "akten"."aktenzeichen_zaehler" TO eakte_app;
--> statement-breakpoint
-- Akten, Vorgänge and former Aktenzeichen are never deleted by the application.
GRANT SELECT, INSERT, UPDATE ON "akten"."akte" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "akten"."aktenzeichen_historie" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "akten"."vorgang" TO eakte_app;
--> statement-breakpoint
-- Aktenzeichen exact and prefix search (LIKE 'x%') independent of the collation.
CREATE INDEX "akte_aktenzeichen_muster_idx" ON "akten"."akte" ("mandant_id", "aktenzeichen" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "aktenzeichen_historie_muster_idx" ON "akten"."aktenzeichen_historie" ("mandant_id", "aktenzeichen" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "vorgang_kennzeichen_muster_idx" ON "akten"."vorgang" ("mandant_id", "kennzeichen" text_pattern_ops);
--> statement-breakpoint
-- Trigrams of the folded Betreff: typo-tolerant search and "Betreff contains" filters.
CREATE INDEX "akte_suchtext_trgm_idx" ON "akten"."akte" USING gin ("suchtext" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "vorgang_suchtext_trgm_idx" ON "akten"."vorgang" USING gin ("suchtext" gin_trgm_ops);
