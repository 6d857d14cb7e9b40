-- E-mail notifications of the Geschäftsgang (issue 20): each user's address and opt-out, and per step
-- when its overdue Frist was mailed (once; the periodic Frist job finds the rest by the partial index).
CREATE TABLE "akten"."benachrichtigung_einstellung" (
	"mandant_id" uuid NOT NULL,
	"sub" text NOT NULL,
	"email" text,
	"aktiv" boolean DEFAULT true NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benachrichtigung_einstellung_pk" PRIMARY KEY("mandant_id","sub"),
	CONSTRAINT "benachrichtigung_einstellung_email_ck" CHECK ("akten"."benachrichtigung_einstellung"."email" IS NULL OR (length("akten"."benachrichtigung_einstellung"."email") BETWEEN 3 AND 254 AND "akten"."benachrichtigung_einstellung"."email" LIKE '%_@_%'))
);
--> statement-breakpoint
ALTER TABLE "akten"."benachrichtigung_einstellung" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_schritt" ADD COLUMN "frist_gemeldet_am" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "verfuegung_schritt_frist_meldung_idx" ON "akten"."verfuegung_schritt" USING btree ("mandant_id","frist") WHERE "akten"."verfuegung_schritt"."zustand" = 'aktuell' AND "akten"."verfuegung_schritt"."frist" IS NOT NULL AND "akten"."verfuegung_schritt"."frist_gemeldet_am" IS NULL;--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."benachrichtigung_einstellung" AS PERMISSIVE FOR ALL TO public USING ("akten"."benachrichtigung_einstellung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."benachrichtigung_einstellung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "akten"."benachrichtigung_einstellung" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- a user's own setting, replaced by an upsert
GRANT SELECT, INSERT, UPDATE ON "akten"."benachrichtigung_einstellung" TO eakte_akten;
