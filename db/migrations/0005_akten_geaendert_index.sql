DROP INDEX "akten"."akte_geaendert_idx";--> statement-breakpoint
CREATE INDEX "akte_geaendert_idx" ON "akten"."akte" USING btree ("mandant_id","geaendert_am" DESC NULLS FIRST,"id" DESC NULLS FIRST);