-- Rules of a Verfügung beyond its Laufweg (issue 20): a Mitzeichnung given on an older version of a
-- pinned Dokument, the Schlussverfügungen "zum Vorgang" and "weglegen", the Idempotency-Key of its creation.
--
-- Dokumente publishes each Dokument's current version to Akten (docs/datenbank-api.md): Akten compares
-- it with the version a Verfügung is pinned to. A new version is written by Dokumente alone, which never
-- writes Akten's tables; whether a Mitzeichnung is on an older version is derived, never stored.
CREATE VIEW "dokumente"."dokument_stand" AS
SELECT d.mandant_id, d.id AS dokument_id, d.vorgang_id, d.aktuelle_version
  FROM "dokumente"."dokument" d
 WHERE d.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung" ADD COLUMN "dokumente_stand" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_schritt" ADD COLUMN "dokumente_stand" integer;
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_schritt" ADD COLUMN "vorversion_grund" text;
--> statement-breakpoint
-- Mitzeichnungen done before this migration were given under the first pinning
UPDATE "akten"."verfuegung_schritt" SET "dokumente_stand" = 1 WHERE "aktion" = 'mitzeichnung' AND "zustand" = 'erledigt';
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_schritt" ADD CONSTRAINT "verfuegung_schritt_stand_ck" CHECK (("akten"."verfuegung_schritt"."aktion" = 'mitzeichnung' AND "akten"."verfuegung_schritt"."zustand" = 'erledigt') = ("akten"."verfuegung_schritt"."dokumente_stand" IS NOT NULL));
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_schritt" ADD CONSTRAINT "verfuegung_schritt_vorversion_ck" CHECK ("akten"."verfuegung_schritt"."vorversion_grund" IS NULL OR ("akten"."verfuegung_schritt"."aktion" = 'zeichnung' AND "akten"."verfuegung_schritt"."zustand" = 'erledigt' AND length(btrim("akten"."verfuegung_schritt"."vorversion_grund")) BETWEEN 1 AND 1000));
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung" DROP CONSTRAINT "verfuegung_schluss_ck";
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung" ADD CONSTRAINT "verfuegung_schluss_ck" CHECK ("akten"."verfuegung"."schlussverfuegung" IS NULL OR ("akten"."verfuegung"."status" = 'abgeschlossen' AND "akten"."verfuegung"."schlussverfuegung" IN ('zdA', 'wv', 'zum_vorgang', 'weglegen')));
--> statement-breakpoint
-- A Mitzeichnung is given under the Verfügung's current pinning: the database records which, whoever writes the step.
CREATE FUNCTION "akten"."verfuegung_mitzeichnung_stand"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.aktion = 'mitzeichnung' AND NEW.zustand = 'erledigt' AND (TG_OP = 'INSERT' OR OLD.zustand <> 'erledigt') THEN
    SELECT v.dokumente_stand INTO NEW.dokumente_stand FROM "akten"."verfuegung" v WHERE v.mandant_id = NEW.mandant_id AND v.id = NEW.verfuegung_id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "verfuegung_mitzeichnung_stand" BEFORE INSERT OR UPDATE OF "zustand" ON "akten"."verfuegung_schritt"
  FOR EACH ROW EXECUTE FUNCTION "akten"."verfuegung_mitzeichnung_stand"();
--> statement-breakpoint
-- a renewed Mitzeichnung pins the Verfügung to the Dokumente's current versions
GRANT UPDATE ("version_nr") ON "akten"."verfuegung_dokument" TO eakte_akten;
--> statement-breakpoint
-- THE rule: the done Mitzeichnungen of a Verfügung given on an older version of a pinned Dokument,
-- either under an earlier pinning (history: a renewed Mitzeichnung followed them), or under the current
-- one while a pinned Dokument has a newer version than the pinned one (`offen`: the Zeichnung must
-- ask them again or pass over them with a reason).
CREATE FUNCTION "akten"."mitzeichnungen_auf_vorversion"(p_verfuegung_id uuid) RETURNS TABLE (schritt_id uuid, offen boolean)
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH v AS (
    SELECT v.mandant_id, v.id, v.dokumente_stand,
           EXISTS (SELECT 1 FROM "akten"."verfuegung_dokument" p
                     JOIN "dokumente"."dokument_stand" d ON d.mandant_id = p.mandant_id AND d.dokument_id = p.dokument_id
                    WHERE p.mandant_id = v.mandant_id AND p.verfuegung_id = v.id AND d.aktuelle_version > p.version_nr) AS veraltet
      FROM "akten"."verfuegung" v WHERE v.id = p_verfuegung_id
  )
  SELECT s.id, s.dokumente_stand = v.dokumente_stand
    FROM "akten"."verfuegung_schritt" s
    JOIN v ON v.mandant_id = s.mandant_id AND v.id = s.verfuegung_id
   WHERE s.aktion = 'mitzeichnung' AND s.zustand = 'erledigt'
     AND (s.dokumente_stand < v.dokumente_stand OR v.veraltet)
   ORDER BY s.position, s.zweig
$$;
--> statement-breakpoint
-- A Zeichnung is done over Mitzeichnungen on an older version only with the signer's reason.
CREATE FUNCTION "akten"."verfuegung_vorversion_pruefen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.vorversion_grund IS NULL AND EXISTS (SELECT 1 FROM "akten"."mitzeichnungen_auf_vorversion"(NEW.verfuegung_id) m WHERE m.offen) THEN
    RAISE EXCEPTION 'Verfügung %: eine Mitzeichnung wurde auf einer Vorversion gegeben; die Zeichnung braucht erneute Mitzeichnung oder einen Grund', NEW.verfuegung_id
      USING ERRCODE = 'check_violation', SCHEMA = 'akten', TABLE = 'verfuegung_schritt', CONSTRAINT = 'verfuegung_vorversion';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "verfuegung_vorversion" BEFORE UPDATE OF "zustand" ON "akten"."verfuegung_schritt"
  FOR EACH ROW WHEN (NEW.aktion = 'zeichnung' AND NEW.zustand = 'erledigt' AND OLD.zustand <> 'erledigt')
  EXECUTE FUNCTION "akten"."verfuegung_vorversion_pruefen"();
--> statement-breakpoint
-- Creating requests already answered, by their Idempotency-Key (the mechanism of dokumente.idempotenz)
CREATE TABLE "akten"."idempotenz" (
	"mandant_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"schluessel" text NOT NULL,
	"anfrage_sha256" text NOT NULL,
	"objekt_id" uuid NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "akten_idempotenz_pk" PRIMARY KEY("mandant_id","operation","schluessel"),
	CONSTRAINT "akten_idempotenz_schluessel_ck" CHECK (length("akten"."idempotenz"."schluessel") BETWEEN 1 AND 200),
	CONSTRAINT "akten_idempotenz_sha256_ck" CHECK ("akten"."idempotenz"."anfrage_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "akten"."idempotenz" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE INDEX "akten_idempotenz_erstellt_idx" ON "akten"."idempotenz" USING btree ("erstellt_am");
--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."idempotenz" AS PERMISSIVE FOR ALL TO public USING ("akten"."idempotenz"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."idempotenz"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "akten"."idempotenz" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON "akten"."idempotenz" TO eakte_akten;
