CREATE SCHEMA "aussonderung";
--> statement-breakpoint
CREATE TABLE "aussonderung"."aussonderung" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"status" text DEFAULT 'angeboten' NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	"erstellt_von" text NOT NULL,
	"bewertet_am" timestamp with time zone,
	"empfangsbestaetigung_angefordert" boolean DEFAULT false NOT NULL,
	"abgegeben_am" timestamp with time zone,
	"fortschritt_erledigt" integer DEFAULT 0 NOT NULL,
	"fortschritt_gesamt" integer DEFAULT 0 NOT NULL,
	"fortschritt_schritt" text,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aussonderung_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "aussonderung_status_ck" CHECK ("aussonderung"."aussonderung"."status" IN ('angeboten', 'bewertet', 'abgegeben', 'abgeschlossen')),
	CONSTRAINT "aussonderung_fortschritt_ck" CHECK ("aussonderung"."aussonderung"."fortschritt_erledigt" BETWEEN 0 AND "aussonderung"."aussonderung"."fortschritt_gesamt")
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "aussonderung"."aussonderung_objekt" (
	"mandant_id" uuid NOT NULL,
	"aussonderung_id" uuid NOT NULL,
	"akte_id" uuid NOT NULL,
	"bewertung" text,
	"unterbewertungen" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'angeboten' NOT NULL,
	"archivkennung" text,
	"erfolgreich" boolean,
	"inhalt_geloescht_am" timestamp with time zone,
	CONSTRAINT "aussonderung_objekt_pk" PRIMARY KEY("mandant_id","aussonderung_id","akte_id"),
	CONSTRAINT "aussonderung_objekt_akte_uq" UNIQUE("mandant_id","akte_id"),
	CONSTRAINT "aussonderung_objekt_bewertung_ck" CHECK ("aussonderung"."aussonderung_objekt"."bewertung" IN ('A', 'V')),
	CONSTRAINT "aussonderung_objekt_status_ck" CHECK ("aussonderung"."aussonderung_objekt"."status" IN ('angeboten', 'bewertet', 'abgegeben', 'archiviert', 'vernichtet')),
	CONSTRAINT "aussonderung_objekt_vernichtet_ck" CHECK ("aussonderung"."aussonderung_objekt"."status" <> 'vernichtet' OR "aussonderung"."aussonderung_objekt"."bewertung" = 'V'),
	CONSTRAINT "aussonderung_objekt_abgabe_ck" CHECK ("aussonderung"."aussonderung_objekt"."status" NOT IN ('abgegeben', 'archiviert') OR "aussonderung"."aussonderung_objekt"."bewertung" = 'A'),
	CONSTRAINT "aussonderung_objekt_bewertet_ck" CHECK ("aussonderung"."aussonderung_objekt"."status" = 'angeboten' OR "aussonderung"."aussonderung_objekt"."bewertung" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "aussonderung"."loeschsperre" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"bezeichnung" text NOT NULL,
	"grund" text NOT NULL,
	"aktenzeichen_gericht" text,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	"erstellt_von" text NOT NULL,
	"aufgehoben_am" timestamp with time zone,
	"aufgehoben_von" text,
	"aufhebungsgrund" text,
	CONSTRAINT "loeschsperre_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "loeschsperre_bezeichnung_ck" CHECK (length("aussonderung"."loeschsperre"."bezeichnung") BETWEEN 1 AND 300),
	CONSTRAINT "loeschsperre_grund_ck" CHECK (length("aussonderung"."loeschsperre"."grund") BETWEEN 1 AND 2000),
	CONSTRAINT "loeschsperre_aufhebung_ck" CHECK (("aussonderung"."loeschsperre"."aufgehoben_am" IS NULL) = ("aussonderung"."loeschsperre"."aufgehoben_von" IS NULL) AND ("aussonderung"."loeschsperre"."aufgehoben_am" IS NULL) = ("aussonderung"."loeschsperre"."aufhebungsgrund" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "aussonderung"."loeschsperre_akte" (
	"mandant_id" uuid NOT NULL,
	"loeschsperre_id" uuid NOT NULL,
	"akte_id" uuid NOT NULL,
	CONSTRAINT "loeschsperre_akte_pk" PRIMARY KEY("mandant_id","loeschsperre_id","akte_id")
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_akte" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "aussonderung"."nachricht" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"aussonderung_id" uuid NOT NULL,
	"typ" text NOT NULL,
	"erstellungszeitpunkt" text,
	"absender" text,
	"empfangen_am" timestamp with time zone DEFAULT now() NOT NULL,
	"empfangen_von" text NOT NULL,
	"inhalt" text,
	CONSTRAINT "nachricht_typ_ck" CHECK ("aussonderung"."nachricht"."typ" IN ('0502', '0504', '0506', '0507'))
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."nachricht" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "aussonderung"."vernichtung" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"aussonderung_id" uuid NOT NULL,
	"beantragt_von" text NOT NULL,
	"beantragt_von_name" text NOT NULL,
	"beantragt_am" timestamp with time zone DEFAULT now() NOT NULL,
	"freigegeben_von" text,
	"freigegeben_von_name" text,
	"freigegeben_am" timestamp with time zone,
	"objekte" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"protokoll_schluessel" text,
	"protokoll_sha256" text,
	CONSTRAINT "vernichtung_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "vernichtung_aussonderung_uq" UNIQUE("mandant_id","aussonderung_id"),
	CONSTRAINT "vernichtung_vier_augen_ck" CHECK ("aussonderung"."vernichtung"."freigegeben_von" IS NULL OR "aussonderung"."vernichtung"."freigegeben_von" <> "aussonderung"."vernichtung"."beantragt_von"),
	CONSTRAINT "vernichtung_freigabe_ck" CHECK (("aussonderung"."vernichtung"."freigegeben_von" IS NULL) = ("aussonderung"."vernichtung"."freigegeben_am" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung" ADD CONSTRAINT "aussonderung_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" ADD CONSTRAINT "aussonderung_objekt_aussonderung_fk" FOREIGN KEY ("mandant_id","aussonderung_id") REFERENCES "aussonderung"."aussonderung"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" ADD CONSTRAINT "aussonderung_objekt_akte_fk" FOREIGN KEY ("mandant_id","akte_id") REFERENCES "akten"."akte"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre" ADD CONSTRAINT "loeschsperre_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_akte" ADD CONSTRAINT "loeschsperre_akte_sperre_fk" FOREIGN KEY ("mandant_id","loeschsperre_id") REFERENCES "aussonderung"."loeschsperre"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_akte" ADD CONSTRAINT "loeschsperre_akte_akte_fk" FOREIGN KEY ("mandant_id","akte_id") REFERENCES "akten"."akte"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."nachricht" ADD CONSTRAINT "nachricht_aussonderung_fk" FOREIGN KEY ("mandant_id","aussonderung_id") REFERENCES "aussonderung"."aussonderung"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" ADD CONSTRAINT "vernichtung_aussonderung_fk" FOREIGN KEY ("mandant_id","aussonderung_id") REFERENCES "aussonderung"."aussonderung"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aussonderung_erstellt_idx" ON "aussonderung"."aussonderung" USING btree ("mandant_id","erstellt_am" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "loeschsperre_erstellt_idx" ON "aussonderung"."loeschsperre" USING btree ("mandant_id","erstellt_am" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "loeschsperre_akte_akte_idx" ON "aussonderung"."loeschsperre_akte" USING btree ("mandant_id","akte_id");--> statement-breakpoint
CREATE INDEX "nachricht_aussonderung_idx" ON "aussonderung"."nachricht" USING btree ("mandant_id","aussonderung_id","empfangen_am");--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."aussonderung" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."aussonderung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."aussonderung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."aussonderung_objekt" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."aussonderung_objekt"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."aussonderung_objekt"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."loeschsperre" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."loeschsperre"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."loeschsperre"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."loeschsperre_akte" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."loeschsperre_akte"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."loeschsperre_akte"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."nachricht" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."nachricht"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."nachricht"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."vernichtung" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."vernichtung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."vernichtung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);