CREATE TABLE "akten"."akte" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"aktenplaneinheit_id" uuid NOT NULL,
	"aktenzeichen" text NOT NULL,
	"laufende_nummer" integer NOT NULL,
	"jahr" integer NOT NULL,
	"betreff" text NOT NULL,
	"federfuehrung_id" uuid,
	"vertraulichkeitsstufe" text DEFAULT '003' NOT NULL,
	"medium" text DEFAULT '001' NOT NULL,
	"bemerkung" text,
	"status" text DEFAULT 'offen' NOT NULL,
	"zda_datum" date,
	"laufzeit_beginn" date NOT NULL,
	"laufzeit_ende" date,
	"aufbewahrungsfrist" integer,
	"unbefristet" boolean DEFAULT false NOT NULL,
	"aussonderungsart" text,
	"aufbewahrung_bis" date,
	"aussonderung_faellig_ab" date,
	"letzte_vorgang_nummer" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	"erstellt_von" text NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	"suchtext" text GENERATED ALWAYS AS (akten.suchtext(betreff)) STORED,
	"suchvektor" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, akten.suchtext(coalesce(betreff, '') || ' ' || coalesce(bemerkung, '')))) STORED,
	CONSTRAINT "akte_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "akte_aktenzeichen_uq" UNIQUE("mandant_id","aktenzeichen"),
	CONSTRAINT "akte_vertraulichkeitsstufe_ck" CHECK ("akten"."akte"."vertraulichkeitsstufe" IN ('003', '002', '005', '001', '004')),
	CONSTRAINT "akte_medium_ck" CHECK ("akten"."akte"."medium" IN ('001', '002', '003')),
	CONSTRAINT "akte_status_ck" CHECK ("akten"."akte"."status" IN ('offen', 'geschlossen')),
	CONSTRAINT "akte_zda_ck" CHECK (("akten"."akte"."status" = 'geschlossen') = ("akten"."akte"."zda_datum" IS NOT NULL)),
	CONSTRAINT "akte_laufzeit_ck" CHECK ("akten"."akte"."laufzeit_ende" IS NULL OR "akten"."akte"."laufzeit_ende" >= "akten"."akte"."laufzeit_beginn"),
	CONSTRAINT "akte_aussonderungsart_ck" CHECK ("akten"."akte"."aussonderungsart" IN ('A', 'B', 'V')),
	CONSTRAINT "akte_frist_ck" CHECK ("akten"."akte"."aufbewahrungsfrist" IS NULL OR "akten"."akte"."aufbewahrungsfrist" BETWEEN 0 AND 200),
	CONSTRAINT "akte_unbefristet_ck" CHECK (NOT ("akten"."akte"."unbefristet" AND "akten"."akte"."aufbewahrungsfrist" IS NOT NULL)),
	CONSTRAINT "akte_betreff_ck" CHECK (length("akten"."akte"."betreff") BETWEEN 1 AND 500)
);
--> statement-breakpoint
ALTER TABLE "akten"."akte" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "akten"."aktenzeichen_historie" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"akte_id" uuid NOT NULL,
	"aktenzeichen" text NOT NULL,
	"aktenplaneinheit_id" uuid NOT NULL,
	"gueltig_bis" timestamp with time zone DEFAULT now() NOT NULL,
	"grund" text NOT NULL,
	CONSTRAINT "aktenzeichen_historie_uq" UNIQUE("mandant_id","aktenzeichen")
);
--> statement-breakpoint
ALTER TABLE "akten"."aktenzeichen_historie" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "akten"."aktenzeichen_zaehler" (
	"mandant_id" uuid NOT NULL,
	"aktenplaneinheit_id" uuid NOT NULL,
	"jahr" integer NOT NULL,
	"letzte_nummer" integer NOT NULL,
	CONSTRAINT "aktenzeichen_zaehler_pk" PRIMARY KEY("mandant_id","aktenplaneinheit_id","jahr"),
	CONSTRAINT "aktenzeichen_zaehler_nummer_ck" CHECK ("akten"."aktenzeichen_zaehler"."letzte_nummer" > 0)
);
--> statement-breakpoint
ALTER TABLE "akten"."aktenzeichen_zaehler" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "akten"."benutzer" (
	"mandant_id" uuid NOT NULL,
	"sub" text NOT NULL,
	"name" text,
	"freigabe" text DEFAULT 'offen' NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benutzer_pk" PRIMARY KEY("mandant_id","sub"),
	CONSTRAINT "benutzer_freigabe_ck" CHECK ("akten"."benutzer"."freigabe" IN ('offen', 'vs-nfd', 'vertraulich', 'geheim', 'streng-geheim'))
);
--> statement-breakpoint
ALTER TABLE "akten"."benutzer" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "akten"."benutzer_organisationseinheit" (
	"mandant_id" uuid NOT NULL,
	"sub" text NOT NULL,
	"organisationseinheit_id" uuid NOT NULL,
	CONSTRAINT "benutzer_organisationseinheit_pk" PRIMARY KEY("mandant_id","sub","organisationseinheit_id")
);
--> statement-breakpoint
ALTER TABLE "akten"."benutzer_organisationseinheit" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "akten"."organisationseinheit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"kuerzel" text NOT NULL,
	"name" text NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisationseinheit_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "organisationseinheit_kuerzel_uq" UNIQUE("mandant_id","kuerzel"),
	CONSTRAINT "organisationseinheit_kuerzel_ck" CHECK (length("akten"."organisationseinheit"."kuerzel") BETWEEN 1 AND 40)
);
--> statement-breakpoint
ALTER TABLE "akten"."organisationseinheit" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "akten"."vorgang" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"akte_id" uuid NOT NULL,
	"laufende_nummer" integer NOT NULL,
	"kennzeichen" text NOT NULL,
	"betreff" text NOT NULL,
	"status" text DEFAULT 'offen' NOT NULL,
	"zda_datum" date,
	"wiedervorlage" date,
	"version" integer DEFAULT 1 NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	"erstellt_von" text NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	"suchtext" text GENERATED ALWAYS AS (akten.suchtext(betreff)) STORED,
	"suchvektor" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, akten.suchtext(betreff))) STORED,
	CONSTRAINT "vorgang_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "vorgang_kennzeichen_uq" UNIQUE("mandant_id","kennzeichen"),
	CONSTRAINT "vorgang_status_ck" CHECK ("akten"."vorgang"."status" IN ('offen', 'geschlossen')),
	CONSTRAINT "vorgang_zda_ck" CHECK (("akten"."vorgang"."status" = 'geschlossen') = ("akten"."vorgang"."zda_datum" IS NOT NULL)),
	CONSTRAINT "vorgang_betreff_ck" CHECK (length("akten"."vorgang"."betreff") BETWEEN 1 AND 500)
);
--> statement-breakpoint
ALTER TABLE "akten"."vorgang" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "akten"."aktenplaneinheit" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "akten"."akte" ADD CONSTRAINT "akte_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."akte" ADD CONSTRAINT "akte_einheit_fk" FOREIGN KEY ("mandant_id","aktenplaneinheit_id") REFERENCES "akten"."aktenplaneinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."akte" ADD CONSTRAINT "akte_federfuehrung_fk" FOREIGN KEY ("mandant_id","federfuehrung_id") REFERENCES "akten"."organisationseinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."aktenzeichen_historie" ADD CONSTRAINT "aktenzeichen_historie_akte_fk" FOREIGN KEY ("mandant_id","akte_id") REFERENCES "akten"."akte"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."aktenzeichen_historie" ADD CONSTRAINT "aktenzeichen_historie_einheit_fk" FOREIGN KEY ("mandant_id","aktenplaneinheit_id") REFERENCES "akten"."aktenplaneinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."aktenzeichen_zaehler" ADD CONSTRAINT "aktenzeichen_zaehler_einheit_fk" FOREIGN KEY ("mandant_id","aktenplaneinheit_id") REFERENCES "akten"."aktenplaneinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."benutzer" ADD CONSTRAINT "benutzer_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."benutzer_organisationseinheit" ADD CONSTRAINT "benutzer_oe_benutzer_fk" FOREIGN KEY ("mandant_id","sub") REFERENCES "akten"."benutzer"("mandant_id","sub") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."benutzer_organisationseinheit" ADD CONSTRAINT "benutzer_oe_organisationseinheit_fk" FOREIGN KEY ("mandant_id","organisationseinheit_id") REFERENCES "akten"."organisationseinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."organisationseinheit" ADD CONSTRAINT "organisationseinheit_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."vorgang" ADD CONSTRAINT "vorgang_akte_fk" FOREIGN KEY ("mandant_id","akte_id") REFERENCES "akten"."akte"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "akte_einheit_idx" ON "akten"."akte" USING btree ("mandant_id","aktenplaneinheit_id","aktenzeichen");--> statement-breakpoint
CREATE INDEX "akte_federfuehrung_idx" ON "akten"."akte" USING btree ("mandant_id","federfuehrung_id","aktenzeichen");--> statement-breakpoint
CREATE INDEX "akte_status_idx" ON "akten"."akte" USING btree ("mandant_id","status","aktenzeichen");--> statement-breakpoint
CREATE INDEX "akte_geaendert_idx" ON "akten"."akte" USING btree ("mandant_id","geaendert_am" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "akte_laufzeit_idx" ON "akten"."akte" USING btree ("mandant_id","laufzeit_beginn");--> statement-breakpoint
CREATE INDEX "akte_faellig_idx" ON "akten"."akte" USING btree ("mandant_id","aussonderung_faellig_ab");--> statement-breakpoint
CREATE INDEX "akte_suchvektor_idx" ON "akten"."akte" USING gin ("suchvektor");--> statement-breakpoint
CREATE INDEX "aktenzeichen_historie_akte_idx" ON "akten"."aktenzeichen_historie" USING btree ("mandant_id","akte_id");--> statement-breakpoint
CREATE INDEX "benutzer_oe_organisationseinheit_idx" ON "akten"."benutzer_organisationseinheit" USING btree ("mandant_id","organisationseinheit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vorgang_akte_nummer_uq" ON "akten"."vorgang" USING btree ("mandant_id","akte_id","laufende_nummer");--> statement-breakpoint
CREATE INDEX "vorgang_wiedervorlage_idx" ON "akten"."vorgang" USING btree ("mandant_id","wiedervorlage","id") WHERE "akten"."vorgang"."status" = 'offen' AND "akten"."vorgang"."wiedervorlage" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "vorgang_akte_offen_idx" ON "akten"."vorgang" USING btree ("mandant_id","akte_id") WHERE "akten"."vorgang"."status" = 'offen';--> statement-breakpoint
CREATE INDEX "vorgang_suchvektor_idx" ON "akten"."vorgang" USING gin ("suchvektor");--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."akte" AS PERMISSIVE FOR ALL TO public USING ("akten"."akte"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."akte"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."aktenzeichen_historie" AS PERMISSIVE FOR ALL TO public USING ("akten"."aktenzeichen_historie"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."aktenzeichen_historie"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."aktenzeichen_zaehler" AS PERMISSIVE FOR ALL TO public USING ("akten"."aktenzeichen_zaehler"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."aktenzeichen_zaehler"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."benutzer" AS PERMISSIVE FOR ALL TO public USING ("akten"."benutzer"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."benutzer"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."benutzer_organisationseinheit" AS PERMISSIVE FOR ALL TO public USING ("akten"."benutzer_organisationseinheit"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."benutzer_organisationseinheit"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."organisationseinheit" AS PERMISSIVE FOR ALL TO public USING ("akten"."organisationseinheit"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."organisationseinheit"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."vorgang" AS PERMISSIVE FOR ALL TO public USING ("akten"."vorgang"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."vorgang"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);