-- Issue 20: the read grant of a step's Bearbeiter, the Entwurf among a Verfügung's Dokumente, and the
-- Laufweg templates of an org unit.
--
-- A Bearbeiter who could not otherwise see the Vorgang reads the Dokumente a Verfügung is pinned to,
-- in the pinned version, while the step is theirs (issue 20, R17). The grant is never stored: it is
-- derived from the current step, so it ends when the step ends (done, returned, skipped) or the
-- Verfügung stops. Who holds a step is the rule of the Postkorb: its user, the member who took it
-- over, else every member of its org unit, and each of these users' deputies in force today
-- (Europe/Berlin). Dokumente asks this function and keeps its own rules on top: the clearance, the
-- open Vorgang and Akte, reading only. SECURITY DEFINER: the Dokumente role reads none of these
-- tables; the tenant is the transaction's (app.mandant), which FORCE ROW LEVEL SECURITY also holds.
CREATE FUNCTION "akten"."schritt_lesefreigabe"(p_sub text, p_dokument_id uuid)
RETURNS TABLE (version_nr integer, schritt_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  WITH pins AS (
    SELECT s.id, s.mandant_id, s.bearbeiter_sub, s.bearbeiter_oe_id, s.uebernommen_von, p.version_nr
      FROM "akten"."verfuegung_dokument" p
      JOIN "akten"."verfuegung" v ON v.mandant_id = p.mandant_id AND v.id = p.verfuegung_id AND v.status = 'laufend'
      JOIN "akten"."verfuegung_schritt" s ON s.mandant_id = v.mandant_id AND s.verfuegung_id = v.id AND s.zustand = 'aktuell'
     WHERE p.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid AND p.dokument_id = p_dokument_id
  ), fuer AS (
    -- the caller and the users they represent today
    SELECT p_sub AS sub
    UNION
    SELECT x.sub FROM "akten"."vertretung" x
     WHERE x.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid AND x.vertreter_sub = p_sub
       AND (x.abwesend_von IS NULL OR x.abwesend_von <= (now() AT TIME ZONE 'Europe/Berlin')::date)
       AND (x.abwesend_bis IS NULL OR x.abwesend_bis >= (now() AT TIME ZONE 'Europe/Berlin')::date)
  )
  SELECT pins.version_nr, pins.id FROM pins
   WHERE coalesce(pins.uebernommen_von, pins.bearbeiter_sub) IN (SELECT fuer.sub FROM fuer)
      OR (pins.uebernommen_von IS NULL AND pins.bearbeiter_oe_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM "akten"."benutzer_organisationseinheit" m
             WHERE m.mandant_id = pins.mandant_id AND m.organisationseinheit_id = pins.bearbeiter_oe_id AND m.sub IN (SELECT fuer.sub FROM fuer)))
   ORDER BY pins.version_nr, pins.id
$$;
--> statement-breakpoint
-- a pinned Dokument is looked up by its id (the key starts with the Verfügung)
CREATE INDEX "verfuegung_dokument_dokument_idx" ON "akten"."verfuegung_dokument" USING btree ("mandant_id","dokument_id");
--> statement-breakpoint
-- A Verfügung names at most one of its Dokumente as its Entwurf (the draft it is co-signed and signed on).
ALTER TABLE "akten"."verfuegung_dokument" ADD COLUMN "entwurf" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "verfuegung_dokument_entwurf_uq" ON "akten"."verfuegung_dokument" USING btree ("mandant_id","verfuegung_id") WHERE "akten"."verfuegung_dokument"."entwurf";
--> statement-breakpoint
-- An org unit's Laufweg templates: the editor starts a Verfügung's Laufweg from one. Replaced as a whole.
CREATE TABLE "akten"."laufweg_vorlage" (
	"mandant_id" uuid NOT NULL,
	"organisationseinheit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"reihenfolge" integer NOT NULL,
	"laufweg" jsonb NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "laufweg_vorlage_pk" PRIMARY KEY("mandant_id","organisationseinheit_id","name"),
	CONSTRAINT "laufweg_vorlage_name_ck" CHECK (length(btrim("akten"."laufweg_vorlage"."name")) BETWEEN 1 AND 200),
	CONSTRAINT "laufweg_vorlage_laufweg_ck" CHECK (jsonb_typeof("akten"."laufweg_vorlage"."laufweg") = 'array' AND jsonb_array_length("akten"."laufweg_vorlage"."laufweg") BETWEEN 1 AND 50)
);
--> statement-breakpoint
ALTER TABLE "akten"."laufweg_vorlage" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."laufweg_vorlage" ADD CONSTRAINT "laufweg_vorlage_oe_fk" FOREIGN KEY ("mandant_id","organisationseinheit_id") REFERENCES "akten"."organisationseinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."laufweg_vorlage" AS PERMISSIVE FOR ALL TO public USING ("akten"."laufweg_vorlage"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."laufweg_vorlage"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "akten"."laufweg_vorlage" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "akten"."laufweg_vorlage" TO eakte_akten;
