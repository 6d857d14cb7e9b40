CREATE SCHEMA "plattform";
--> statement-breakpoint
CREATE SCHEMA "akten";
--> statement-breakpoint
CREATE TABLE "plattform"."mandant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"behoerdenkennung" text,
	"einstellungen" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandant_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "akten"."aktenplaneinheit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"parent_id" uuid,
	"kennzeichen" text NOT NULL,
	"titel" text NOT NULL,
	"beschreibung" text,
	"gueltig_ab" date,
	"gueltig_bis" date,
	"aufbewahrungsfrist" integer,
	"unbefristet" boolean DEFAULT false NOT NULL,
	"aussonderungsart" text,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aktenplaneinheit_kennzeichen_uq" UNIQUE("mandant_id","kennzeichen"),
	CONSTRAINT "aktenplaneinheit_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "aktenplaneinheit_aussonderungsart_ck" CHECK ("akten"."aktenplaneinheit"."aussonderungsart" IN ('A', 'B', 'V')),
	CONSTRAINT "aktenplaneinheit_frist_ck" CHECK ("akten"."aktenplaneinheit"."aufbewahrungsfrist" IS NULL OR "akten"."aktenplaneinheit"."aufbewahrungsfrist" BETWEEN 0 AND 200),
	CONSTRAINT "aktenplaneinheit_unbefristet_ck" CHECK (NOT ("akten"."aktenplaneinheit"."unbefristet" AND "akten"."aktenplaneinheit"."aufbewahrungsfrist" IS NOT NULL)),
	CONSTRAINT "aktenplaneinheit_kennzeichen_ck" CHECK ("akten"."aktenplaneinheit"."kennzeichen" ~ '^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$'),
	CONSTRAINT "aktenplaneinheit_gueltig_ck" CHECK ("akten"."aktenplaneinheit"."gueltig_bis" IS NULL OR "akten"."aktenplaneinheit"."gueltig_ab" IS NULL OR "akten"."aktenplaneinheit"."gueltig_bis" >= "akten"."aktenplaneinheit"."gueltig_ab")
);
--> statement-breakpoint
ALTER TABLE "akten"."aktenplaneinheit" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "akten"."aktenplaneinheit" ADD CONSTRAINT "aktenplaneinheit_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."aktenplaneinheit" ADD CONSTRAINT "aktenplaneinheit_parent_fk" FOREIGN KEY ("mandant_id","parent_id") REFERENCES "akten"."aktenplaneinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aktenplaneinheit_parent_idx" ON "akten"."aktenplaneinheit" USING btree ("mandant_id","parent_id");--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."aktenplaneinheit" AS PERMISSIVE FOR ALL TO public USING ("akten"."aktenplaneinheit"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."aktenplaneinheit"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);