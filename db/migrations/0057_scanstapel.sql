-- Scan batches of the Poststelle (issue 21, in the spirit of TR-RESISCAN): one multi-page scan split
-- at its separator sheets into Posteingang items, each with its Transfervermerk (who scanned it,
-- when, with which device or profile, its pages, the quality check) and what happens to the paper.
CREATE TABLE "dokumente"."scanstapel" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"status" text DEFAULT 'ausstehend' NOT NULL,
	"grund" text,
	"seiten" integer,
	"betreff" text NOT NULL,
	"absender" text,
	"eingangsdatum" date NOT NULL,
	"gescannt_von" text NOT NULL,
	"gescannt_am" timestamp with time zone NOT NULL,
	"geraet" text NOT NULL,
	"profil" text,
	"original" text NOT NULL,
	"vernichtbar_ab" date,
	"speicherschluessel" text NOT NULL,
	"groesse" bigint NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"dateiname" text NOT NULL,
	"eingegangen_am" timestamp with time zone DEFAULT now() NOT NULL,
	"eingegangen_von" text NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scanstapel_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "scanstapel_speicherschluessel_uq" UNIQUE("speicherschluessel"),
	CONSTRAINT "scanstapel_status_ck" CHECK ("dokumente"."scanstapel"."status" IN ('ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar')),
	CONSTRAINT "scanstapel_fehler_ck" CHECK (("dokumente"."scanstapel"."status" = 'fehler') = ("dokumente"."scanstapel"."grund" IS NOT NULL)),
	CONSTRAINT "scanstapel_fertig_ck" CHECK ("dokumente"."scanstapel"."status" <> 'fertig' OR "dokumente"."scanstapel"."seiten" IS NOT NULL),
	CONSTRAINT "scanstapel_seiten_ck" CHECK ("dokumente"."scanstapel"."seiten" IS NULL OR "dokumente"."scanstapel"."seiten" >= 1),
	CONSTRAINT "scanstapel_betreff_ck" CHECK (length("dokumente"."scanstapel"."betreff") BETWEEN 1 AND 500),
	CONSTRAINT "scanstapel_absender_ck" CHECK ("dokumente"."scanstapel"."absender" IS NULL OR length("dokumente"."scanstapel"."absender") <= 500),
	CONSTRAINT "scanstapel_gescannt_von_ck" CHECK (length("dokumente"."scanstapel"."gescannt_von") BETWEEN 1 AND 200),
	CONSTRAINT "scanstapel_geraet_ck" CHECK (length("dokumente"."scanstapel"."geraet") BETWEEN 1 AND 200),
	CONSTRAINT "scanstapel_profil_ck" CHECK ("dokumente"."scanstapel"."profil" IS NULL OR length("dokumente"."scanstapel"."profil") BETWEEN 1 AND 200),
	CONSTRAINT "scanstapel_original_ck" CHECK ("dokumente"."scanstapel"."original" IN ('aufbewahren', 'vernichtbar')),
	CONSTRAINT "scanstapel_vernichtbar_ck" CHECK (("dokumente"."scanstapel"."original" = 'vernichtbar') = ("dokumente"."scanstapel"."vernichtbar_ab" IS NOT NULL)),
	CONSTRAINT "scanstapel_vernichtbar_ab_ck" CHECK ("dokumente"."scanstapel"."vernichtbar_ab" IS NULL OR "dokumente"."scanstapel"."vernichtbar_ab" >= ("dokumente"."scanstapel"."gescannt_am" AT TIME ZONE 'UTC')::date),
	CONSTRAINT "scanstapel_groesse_ck" CHECK ("dokumente"."scanstapel"."groesse" >= 0),
	CONSTRAINT "scanstapel_sha256_ck" CHECK ("dokumente"."scanstapel"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "scanstapel_schluessel_ck" CHECK (starts_with("dokumente"."scanstapel"."speicherschluessel", "dokumente"."scanstapel"."mandant_id"::text || '/')),
	CONSTRAINT "scanstapel_dateiname_ck" CHECK (length("dokumente"."scanstapel"."dateiname") BETWEEN 1 AND 255)
);
--> statement-breakpoint
ALTER TABLE "dokumente"."scanstapel" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dokumente"."transfervermerk" (
	"eintrag_id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"scanstapel_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"erste_seite" integer NOT NULL,
	"letzte_seite" integer NOT NULL,
	"qualitaet" text NOT NULL,
	"befunde" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "transfervermerk_position_uq" UNIQUE("mandant_id","scanstapel_id","position"),
	CONSTRAINT "transfervermerk_position_ck" CHECK ("dokumente"."transfervermerk"."position" >= 1),
	CONSTRAINT "transfervermerk_seiten_ck" CHECK ("dokumente"."transfervermerk"."erste_seite" >= 1 AND "dokumente"."transfervermerk"."letzte_seite" >= "dokumente"."transfervermerk"."erste_seite"),
	CONSTRAINT "transfervermerk_qualitaet_ck" CHECK ("dokumente"."transfervermerk"."qualitaet" IN ('ok', 'auffaellig')),
	CONSTRAINT "transfervermerk_befunde_ck" CHECK (jsonb_typeof("dokumente"."transfervermerk"."befunde") = 'array' AND ("dokumente"."transfervermerk"."qualitaet" = 'auffaellig') = (jsonb_array_length("dokumente"."transfervermerk"."befunde") > 0))
);
--> statement-breakpoint
ALTER TABLE "dokumente"."transfervermerk" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "dokumente"."transfervermerk" ADD CONSTRAINT "transfervermerk_eintrag_fk" FOREIGN KEY ("eintrag_id") REFERENCES "dokumente"."posteingang_eintrag"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dokumente"."transfervermerk" ADD CONSTRAINT "transfervermerk_scanstapel_fk" FOREIGN KEY ("mandant_id","scanstapel_id") REFERENCES "dokumente"."scanstapel"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scanstapel_status_idx" ON "dokumente"."scanstapel" USING btree ("mandant_id","status");--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."scanstapel" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."scanstapel"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."scanstapel"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."transfervermerk" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."transfervermerk"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."transfervermerk"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" DROP CONSTRAINT "posteingang_eintrag_art_ck";--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD CONSTRAINT "posteingang_eintrag_art_ck" CHECK ("dokumente"."posteingang_eintrag"."art" IN ('upload', 'mail', 'scan'));--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "dokumente"."scanstapel" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "dokumente"."transfervermerk" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- a batch's state moves on (ausstehend → fertig/fehler/nicht_verfuegbar); none is deleted (a receipt)
GRANT SELECT, INSERT, UPDATE ON "dokumente"."scanstapel" TO eakte_dokumente;
--> statement-breakpoint
-- a Transfervermerk is evidence of the scan: written once with its item, never changed
GRANT SELECT, INSERT ON "dokumente"."transfervermerk" TO eakte_dokumente;
--> statement-breakpoint
-- What the Poststelle entered at the upload stays as it was entered; only the state of the split
-- moves, and a finished split is final.
CREATE FUNCTION "dokumente"."scanstapel_unveraenderlich"() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF OLD.status = 'fertig' THEN
    RAISE EXCEPTION 'Der Scanstapel % ist bereits zerlegt', OLD.id
      USING ERRCODE = 'P0001', HINT = 'SCANSTAPEL_BEREITS_ZERLEGT';
  END IF;
  IF (NEW.id, NEW.mandant_id, NEW.betreff, NEW.absender, NEW.eingangsdatum, NEW.gescannt_von, NEW.gescannt_am, NEW.geraet, NEW.profil,
      NEW.original, NEW.vernichtbar_ab, NEW.speicherschluessel, NEW.groesse, NEW.sha256, NEW.mime_type, NEW.dateiname,
      NEW.eingegangen_am, NEW.eingegangen_von)
     IS DISTINCT FROM
     (OLD.id, OLD.mandant_id, OLD.betreff, OLD.absender, OLD.eingangsdatum, OLD.gescannt_von, OLD.gescannt_am, OLD.geraet, OLD.profil,
      OLD.original, OLD.vernichtbar_ab, OLD.speicherschluessel, OLD.groesse, OLD.sha256, OLD.mime_type, OLD.dateiname,
      OLD.eingegangen_am, OLD.eingegangen_von) THEN
    RAISE EXCEPTION 'Die Angaben eines Scanstapels sind unveränderlich'
      USING ERRCODE = 'P0001', HINT = 'SCANSTAPEL_UNVERAENDERLICH';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "scanstapel_unveraenderlich" BEFORE UPDATE ON "dokumente"."scanstapel"
  FOR EACH ROW EXECUTE FUNCTION "dokumente"."scanstapel_unveraenderlich"();
