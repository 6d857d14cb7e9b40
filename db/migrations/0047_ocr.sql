CREATE TABLE "dokumente"."dokument_format" (
	"mandant_id" uuid NOT NULL,
	"dokument_id" uuid NOT NULL,
	"version_nr" integer NOT NULL,
	"art" text NOT NULL,
	"speicherschluessel" text NOT NULL,
	"groesse" bigint NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"dateiname" text NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dokument_format_pk" PRIMARY KEY("mandant_id","dokument_id","version_nr","art"),
	CONSTRAINT "dokument_format_speicherschluessel_uq" UNIQUE("speicherschluessel"),
	CONSTRAINT "dokument_format_art_ck" CHECK ("dokumente"."dokument_format"."art" IN ('pdfa_ocr')),
	CONSTRAINT "dokument_format_groesse_ck" CHECK ("dokumente"."dokument_format"."groesse" >= 0),
	CONSTRAINT "dokument_format_sha256_ck" CHECK ("dokumente"."dokument_format"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "dokument_format_schluessel_ck" CHECK (starts_with("dokumente"."dokument_format"."speicherschluessel", "dokumente"."dokument_format"."mandant_id"::text || '/')),
	CONSTRAINT "dokument_format_dateiname_ck" CHECK (length("dokumente"."dokument_format"."dateiname") BETWEEN 1 AND 255)
);
--> statement-breakpoint
ALTER TABLE "dokumente"."dokument_format" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dokumente"."texterkennung" (
	"mandant_id" uuid NOT NULL,
	"dokument_id" uuid NOT NULL,
	"version_nr" integer NOT NULL,
	"status" text NOT NULL,
	"seiten" integer,
	"grund" text,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "texterkennung_pk" PRIMARY KEY("mandant_id","dokument_id","version_nr"),
	CONSTRAINT "texterkennung_status_ck" CHECK ("dokumente"."texterkennung"."status" IN ('ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar')),
	CONSTRAINT "texterkennung_fertig_ck" CHECK (("dokumente"."texterkennung"."status" = 'fertig') = ("dokumente"."texterkennung"."seiten" IS NOT NULL)),
	CONSTRAINT "texterkennung_fehler_ck" CHECK (("dokumente"."texterkennung"."status" = 'fehler') = ("dokumente"."texterkennung"."grund" IS NOT NULL)),
	CONSTRAINT "texterkennung_seiten_ck" CHECK ("dokumente"."texterkennung"."seiten" IS NULL OR "dokumente"."texterkennung"."seiten" >= 1)
);
--> statement-breakpoint
ALTER TABLE "dokumente"."texterkennung" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "dokumente"."dokument_format" ADD CONSTRAINT "dokument_format_version_fk" FOREIGN KEY ("mandant_id","dokument_id","version_nr") REFERENCES "dokumente"."dokument_version"("mandant_id","dokument_id","nr") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dokumente"."texterkennung" ADD CONSTRAINT "texterkennung_version_fk" FOREIGN KEY ("mandant_id","dokument_id","version_nr") REFERENCES "dokumente"."dokument_version"("mandant_id","dokument_id","nr") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."dokument_format" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."dokument_format"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."dokument_format"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."texterkennung" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."texterkennung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."texterkennung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "dokumente"."dokument_format" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "dokumente"."texterkennung" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A rendition is immutable like the version it was made from; it goes only with its version's content.
GRANT SELECT, INSERT ON "dokumente"."dokument_format" TO eakte_dokumente;
--> statement-breakpoint
-- The OCR state moves on (ausstehend → fertig/fehler/nicht_verfuegbar); it is not a record.
GRANT SELECT, INSERT, UPDATE ON "dokumente"."texterkennung" TO eakte_dokumente;
--> statement-breakpoint
-- The renditions of each version, for the transfer (0503, beside the version's own file) and the
-- removal of content (owner rights, tenant from app.mandant, like version_fuer_aussonderung).
CREATE VIEW "dokumente"."format_fuer_aussonderung" AS
  SELECT f.mandant_id, f.dokument_id, f.version_nr, f.art, f.speicherschluessel, f.groesse, f.sha256, f.mime_type, f.dateiname, f.erstellt_am
    FROM "dokumente"."dokument_format" f
   WHERE f.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
-- The search's pending count also names scans whose OCR is waiting or running (task texterkennung):
-- their text comes from the OCR, not from the text extraction.
CREATE OR REPLACE FUNCTION "dokumente"."volltext_ausstehend"(p_grenze integer)
RETURNS TABLE (dokument_id uuid, vorgang_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT d.id, d.vorgang_id
    FROM "auftraege_dokumente"."_private_jobs" j
    JOIN "auftraege_dokumente"."_private_tasks" t ON t.id = j.task_id
    JOIN "dokumente"."dokument" d
      ON d.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid
     -- cast only these tasks' payloads (other tasks' payloads have other shapes)
     AND d.id = CASE WHEN t.identifier IN ('textextraktion', 'texterkennung') THEN (j.payload->>'dokumentId')::uuid END
     AND d.aktuelle_version = CASE WHEN t.identifier IN ('textextraktion', 'texterkennung') THEN (j.payload->>'versionNr')::int END
   WHERE j.payload->>'mandantId' = nullif(current_setting('app.mandant', true), '')
     AND t.identifier IN ('textextraktion', 'texterkennung')
     AND j.attempts < j.max_attempts
   LIMIT p_grenze
$$;
