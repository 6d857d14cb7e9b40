CREATE SCHEMA "dokumente";
--> statement-breakpoint
CREATE TABLE "dokumente"."auftrag" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"art" text NOT NULL,
	"mandant_id" uuid NOT NULL,
	"dokument_id" uuid NOT NULL,
	"version_nr" integer NOT NULL,
	"faellig_ab" timestamp with time zone DEFAULT now() NOT NULL,
	"versuche" integer DEFAULT 0 NOT NULL,
	"letzter_fehler" text,
	CONSTRAINT "auftrag_art_ck" CHECK ("dokumente"."auftrag"."art" IN ('textextraktion'))
);
--> statement-breakpoint
ALTER TABLE "dokumente"."auftrag" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dokumente"."dokument" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"vorgang_id" uuid NOT NULL,
	"betreff" text NOT NULL,
	"datum_des_schreibens" date NOT NULL,
	"eingangsdatum" date,
	"absender" text,
	"bemerkung" text,
	"aktuelle_version" integer DEFAULT 1 NOT NULL,
	"integritaet" text DEFAULT 'ungeprueft' NOT NULL,
	"integritaet_geprueft_am" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	"erstellt_von" text NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dokument_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "dokument_betreff_ck" CHECK (length("dokumente"."dokument"."betreff") BETWEEN 1 AND 500),
	CONSTRAINT "dokument_absender_ck" CHECK ("dokumente"."dokument"."absender" IS NULL OR length("dokumente"."dokument"."absender") <= 500),
	CONSTRAINT "dokument_bemerkung_ck" CHECK ("dokumente"."dokument"."bemerkung" IS NULL OR length("dokumente"."dokument"."bemerkung") <= 4000),
	CONSTRAINT "dokument_integritaet_ck" CHECK ("dokumente"."dokument"."integritaet" IN ('ungeprueft', 'intakt', 'verletzt')),
	CONSTRAINT "dokument_aktuelle_version_ck" CHECK ("dokumente"."dokument"."aktuelle_version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "dokumente"."dokument" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dokumente"."dokument_version" (
	"mandant_id" uuid NOT NULL,
	"dokument_id" uuid NOT NULL,
	"nr" integer NOT NULL,
	"speicherschluessel" text NOT NULL,
	"groesse" bigint NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"dateiname" text NOT NULL,
	"herkunft" text DEFAULT 'upload' NOT NULL,
	"erstellt_von" text NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dokument_version_pk" PRIMARY KEY("mandant_id","dokument_id","nr"),
	CONSTRAINT "dokument_version_speicherschluessel_uq" UNIQUE("speicherschluessel"),
	CONSTRAINT "dokument_version_nr_ck" CHECK ("dokumente"."dokument_version"."nr" >= 1),
	CONSTRAINT "dokument_version_groesse_ck" CHECK ("dokumente"."dokument_version"."groesse" >= 0),
	CONSTRAINT "dokument_version_sha256_ck" CHECK ("dokumente"."dokument_version"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "dokument_version_schluessel_ck" CHECK (starts_with("dokumente"."dokument_version"."speicherschluessel", "dokumente"."dokument_version"."mandant_id"::text || '/')),
	CONSTRAINT "dokument_version_dateiname_ck" CHECK (length("dokumente"."dokument_version"."dateiname") BETWEEN 1 AND 255),
	CONSTRAINT "dokument_version_herkunft_ck" CHECK ("dokumente"."dokument_version"."herkunft" IN ('upload', 'eingangsstempel'))
);
--> statement-breakpoint
ALTER TABLE "dokumente"."dokument_version" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dokumente"."idempotenz" (
	"mandant_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"schluessel" text NOT NULL,
	"dokument_id" uuid NOT NULL,
	"version_nr" integer NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotenz_pk" PRIMARY KEY("mandant_id","operation","schluessel"),
	CONSTRAINT "idempotenz_schluessel_ck" CHECK (length("dokumente"."idempotenz"."schluessel") BETWEEN 1 AND 200)
);
--> statement-breakpoint
ALTER TABLE "dokumente"."idempotenz" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dokumente"."volltext" (
	"mandant_id" uuid NOT NULL,
	"dokument_id" uuid NOT NULL,
	"version_nr" integer NOT NULL,
	"status" text NOT NULL,
	"inhalt" text,
	"vektor" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(inhalt, ''))) STORED,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volltext_pk" PRIMARY KEY("mandant_id","dokument_id","version_nr"),
	CONSTRAINT "volltext_status_ck" CHECK ("dokumente"."volltext"."status" IN ('extrahiert', 'fehler', 'kein_text'))
);
--> statement-breakpoint
ALTER TABLE "dokumente"."volltext" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "dokumente"."auftrag" ADD CONSTRAINT "auftrag_version_fk" FOREIGN KEY ("mandant_id","dokument_id","version_nr") REFERENCES "dokumente"."dokument_version"("mandant_id","dokument_id","nr") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dokumente"."dokument" ADD CONSTRAINT "dokument_vorgang_fk" FOREIGN KEY ("mandant_id","vorgang_id") REFERENCES "akten"."vorgang"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dokumente"."dokument_version" ADD CONSTRAINT "dokument_version_dokument_fk" FOREIGN KEY ("mandant_id","dokument_id") REFERENCES "dokumente"."dokument"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dokumente"."idempotenz" ADD CONSTRAINT "idempotenz_version_fk" FOREIGN KEY ("mandant_id","dokument_id","version_nr") REFERENCES "dokumente"."dokument_version"("mandant_id","dokument_id","nr") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dokumente"."volltext" ADD CONSTRAINT "volltext_version_fk" FOREIGN KEY ("mandant_id","dokument_id","version_nr") REFERENCES "dokumente"."dokument_version"("mandant_id","dokument_id","nr") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auftrag_faellig_idx" ON "dokumente"."auftrag" USING btree ("art","faellig_ab");--> statement-breakpoint
CREATE INDEX "dokument_vorgang_idx" ON "dokumente"."dokument" USING btree ("mandant_id","vorgang_id","id");--> statement-breakpoint
CREATE INDEX "idempotenz_erstellt_idx" ON "dokumente"."idempotenz" USING btree ("erstellt_am");--> statement-breakpoint
CREATE INDEX "volltext_vektor_idx" ON "dokumente"."volltext" USING gin ("vektor");--> statement-breakpoint
CREATE POLICY "auftrag_zugriff" ON "dokumente"."auftrag" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."auftrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid OR current_setting('app.dokumente_arbeiter', true) = 'an') WITH CHECK ("dokumente"."auftrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid OR current_setting('app.dokumente_arbeiter', true) = 'an');--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."dokument" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."dokument"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."dokument"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."dokument_version" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."dokument_version"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."dokument_version"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."idempotenz" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."idempotenz"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."idempotenz"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."volltext" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."volltext"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."volltext"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);