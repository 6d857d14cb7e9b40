-- Previews of a version for the web client: a thumbnail and a page image of the first page (PNG), and
-- for an Office document the PDF LibreOffice made of it. They are renditions (formats) of the version,
-- never the Primärdokument, and go with the version's content.
ALTER TABLE "dokumente"."dokument_format" DROP CONSTRAINT "dokument_format_art_ck";--> statement-breakpoint
ALTER TABLE "dokumente"."dokument_format" ADD CONSTRAINT "dokument_format_art_ck" CHECK ("dokumente"."dokument_format"."art" IN ('pdfa_ocr', 'vorschau_pdf', 'vorschau_miniatur', 'vorschau_seite'));--> statement-breakpoint
CREATE TABLE "dokumente"."vorschau" (
	"mandant_id" uuid NOT NULL,
	"dokument_id" uuid NOT NULL,
	"version_nr" integer NOT NULL,
	"status" text NOT NULL,
	"seiten" integer,
	"grund" text,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vorschau_pk" PRIMARY KEY("mandant_id","dokument_id","version_nr"),
	CONSTRAINT "vorschau_status_ck" CHECK ("dokumente"."vorschau"."status" IN ('ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar')),
	CONSTRAINT "vorschau_fertig_ck" CHECK (("dokumente"."vorschau"."status" = 'fertig') = ("dokumente"."vorschau"."seiten" IS NOT NULL)),
	CONSTRAINT "vorschau_fehler_ck" CHECK (("dokumente"."vorschau"."status" = 'fehler') = ("dokumente"."vorschau"."grund" IS NOT NULL)),
	CONSTRAINT "vorschau_seiten_ck" CHECK ("dokumente"."vorschau"."seiten" IS NULL OR "dokumente"."vorschau"."seiten" >= 1)
);
--> statement-breakpoint
ALTER TABLE "dokumente"."vorschau" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "dokumente"."vorschau" ADD CONSTRAINT "vorschau_version_fk" FOREIGN KEY ("mandant_id","dokument_id","version_nr") REFERENCES "dokumente"."dokument_version"("mandant_id","dokument_id","nr") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."vorschau" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."vorschau"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."vorschau"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "dokumente"."vorschau" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The preview state moves on (ausstehend → fertig/fehler/nicht_verfuegbar); it is not a record.
GRANT SELECT, INSERT, UPDATE ON "dokumente"."vorschau" TO eakte_dokumente;
