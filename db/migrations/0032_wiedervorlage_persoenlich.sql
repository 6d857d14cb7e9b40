-- Wiedervorlagen become personal (issue 19): each user keeps their own on a Vorgang, optionally for
-- one of their org units, and marks it done. The one shared date on the Vorgang goes; what was set
-- there is kept as the Wiedervorlage of whoever created the Vorgang.
CREATE TABLE "akten"."wiedervorlage" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"vorgang_id" uuid NOT NULL,
	"sub" text NOT NULL,
	"organisationseinheit_id" uuid,
	"datum" date NOT NULL,
	"erledigt_am" timestamp with time zone,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "akten"."wiedervorlage" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "akten"."vorgang_wiedervorlage_idx";--> statement-breakpoint
ALTER TABLE "akten"."wiedervorlage" ADD CONSTRAINT "wiedervorlage_vorgang_fk" FOREIGN KEY ("mandant_id","vorgang_id") REFERENCES "akten"."vorgang"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."wiedervorlage" ADD CONSTRAINT "wiedervorlage_organisationseinheit_fk" FOREIGN KEY ("mandant_id","organisationseinheit_id") REFERENCES "akten"."organisationseinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wiedervorlage_offen_uq" ON "akten"."wiedervorlage" USING btree ("mandant_id","vorgang_id","sub") WHERE "akten"."wiedervorlage"."erledigt_am" IS NULL;--> statement-breakpoint
CREATE INDEX "wiedervorlage_sub_idx" ON "akten"."wiedervorlage" USING btree ("mandant_id","sub","datum","id") WHERE "akten"."wiedervorlage"."erledigt_am" IS NULL;--> statement-breakpoint
CREATE INDEX "wiedervorlage_einheit_idx" ON "akten"."wiedervorlage" USING btree ("mandant_id","organisationseinheit_id","datum","id") WHERE "akten"."wiedervorlage"."erledigt_am" IS NULL AND "akten"."wiedervorlage"."organisationseinheit_id" IS NOT NULL;--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."wiedervorlage" AS PERMISSIVE FOR ALL TO public USING ("akten"."wiedervorlage"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."wiedervorlage"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "akten"."wiedervorlage" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "akten"."wiedervorlage" TO eakte_akten;
--> statement-breakpoint
INSERT INTO "akten"."wiedervorlage" (id, mandant_id, vorgang_id, sub, datum)
SELECT gen_random_uuid(), v.mandant_id, v.id, v.erstellt_von, v.wiedervorlage
  FROM "akten"."vorgang" v
 WHERE v.wiedervorlage IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "akten"."vorgang" DROP COLUMN "wiedervorlage";
--> statement-breakpoint
-- Published for the Postkorb (docs/datenbank-api.md): the open Wiedervorlagen of open Vorgänge, whose
-- they are and what the Akte's visibility needs; the reader picks the days (due: datum <= today).
-- Owner rights, the tenant condition written out as in the other published views.
CREATE VIEW "akten"."offene_wiedervorlagen" AS
SELECT w.mandant_id, w.id, w.vorgang_id, w.sub, w.organisationseinheit_id, w.datum,
       v.kennzeichen, v.betreff, v.akte_id, a.aktenzeichen, a.vertraulichkeitsstufe, a.federfuehrung_id
  FROM "akten"."wiedervorlage" w
  JOIN "akten"."vorgang" v ON v.mandant_id = w.mandant_id AND v.id = w.vorgang_id
  JOIN "akten"."akte" a ON a.mandant_id = v.mandant_id AND a.id = v.akte_id
 WHERE w.erledigt_am IS NULL AND v.status = 'offen' AND a.status = 'offen'
   AND w.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
GRANT SELECT ON "akten"."offene_wiedervorlagen" TO eakte_akten;
