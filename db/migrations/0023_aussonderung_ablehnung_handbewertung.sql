CREATE TABLE "aussonderung"."bewertungsnachweis" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"aussonderung_id" uuid NOT NULL,
	"art" text NOT NULL,
	"bewertungen" jsonb NOT NULL,
	"nachricht_id" uuid,
	"zeichen" text,
	"datum" date,
	"archivar" text,
	"dokument_id" uuid,
	"erfasst_von" text NOT NULL,
	"erfasst_von_name" text NOT NULL,
	"erfasst_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bewertungsnachweis_art_ck" CHECK ("aussonderung"."bewertungsnachweis"."art" IN ('0502', 'manuell')),
	CONSTRAINT "bewertungsnachweis_herkunft_ck" CHECK (("aussonderung"."bewertungsnachweis"."art" = '0502' AND "aussonderung"."bewertungsnachweis"."nachricht_id" IS NOT NULL) OR ("aussonderung"."bewertungsnachweis"."art" = 'manuell' AND length(btrim("aussonderung"."bewertungsnachweis"."zeichen")) > 0 AND "aussonderung"."bewertungsnachweis"."datum" IS NOT NULL AND length(btrim("aussonderung"."bewertungsnachweis"."archivar")) > 0))
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."bewertungsnachweis" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" DROP CONSTRAINT "vernichtung_aussonderung_uq";--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" ADD COLUMN "abgelehnt_von" text;--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" ADD COLUMN "abgelehnt_von_name" text;--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" ADD COLUMN "abgelehnt_am" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" ADD COLUMN "ablehnungsgrund" text;--> statement-breakpoint
ALTER TABLE "aussonderung"."bewertungsnachweis" ADD CONSTRAINT "bewertungsnachweis_aussonderung_fk" FOREIGN KEY ("mandant_id","aussonderung_id") REFERENCES "aussonderung"."aussonderung"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."bewertungsnachweis" ADD CONSTRAINT "bewertungsnachweis_nachricht_fk" FOREIGN KEY ("nachricht_id") REFERENCES "aussonderung"."nachricht"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."bewertungsnachweis" ADD CONSTRAINT "bewertungsnachweis_dokument_fk" FOREIGN KEY ("mandant_id","dokument_id") REFERENCES "dokumente"."dokument"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bewertungsnachweis_aussonderung_idx" ON "aussonderung"."bewertungsnachweis" USING btree ("mandant_id","aussonderung_id","erfasst_am");--> statement-breakpoint
CREATE UNIQUE INDEX "vernichtung_aussonderung_offen_uq" ON "aussonderung"."vernichtung" USING btree ("mandant_id","aussonderung_id") WHERE abgelehnt_am IS NULL;--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" ADD CONSTRAINT "vernichtung_ablehnung_ck" CHECK (("aussonderung"."vernichtung"."abgelehnt_am" IS NULL AND "aussonderung"."vernichtung"."abgelehnt_von" IS NULL AND "aussonderung"."vernichtung"."ablehnungsgrund" IS NULL) OR ("aussonderung"."vernichtung"."abgelehnt_am" IS NOT NULL AND "aussonderung"."vernichtung"."abgelehnt_von" IS NOT NULL AND "aussonderung"."vernichtung"."abgelehnt_von" <> "aussonderung"."vernichtung"."beantragt_von" AND length(btrim("aussonderung"."vernichtung"."ablehnungsgrund")) > 0 AND "aussonderung"."vernichtung"."freigegeben_am" IS NULL));--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."bewertungsnachweis" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."bewertungsnachweis"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."bewertungsnachweis"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "aussonderung"."bewertungsnachweis" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The evidence of an appraisal is written once and never changed.
GRANT SELECT, INSERT ON "aussonderung"."bewertungsnachweis" TO eakte_app;
--> statement-breakpoint
-- A refused destruction request is history: nothing of it changes afterwards.
CREATE FUNCTION "aussonderung"."vernichtung_ablehnung_endgueltig"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.abgelehnt_am IS NOT NULL THEN
    RAISE EXCEPTION 'Eine abgelehnte Vernichtung wird nicht mehr geändert' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "vernichtung_ablehnung_endgueltig" BEFORE UPDATE ON "aussonderung"."vernichtung"
  FOR EACH ROW EXECUTE FUNCTION "aussonderung"."vernichtung_ablehnung_endgueltig"();
