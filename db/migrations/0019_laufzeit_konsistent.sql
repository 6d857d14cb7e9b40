-- Laufzeiten are consistent (issue 17): a Vorgang has its own Laufzeit begin (till now its creation
-- day was written as Beginn, so a backdated z.d.A. ended it before it began), Beginn <= Ende for Akten
-- and Vorgänge, and a Vorgang's Laufzeit lies within its Akte's.
ALTER TABLE "akten"."vorgang" ADD COLUMN "laufzeit_beginn" date;
--> statement-breakpoint
-- Existing rows, repaired before the rules are added. What a Registratur states on purpose wins over
-- what data entry left behind; no retention date moves (only a Vorgang's dates and an Akte's begin change):
-- (The owner sees all tenants' rows only while the tables do not force row-level security: lifted for
-- these statements inside the migration's transaction, forced again below.)
ALTER TABLE "akten"."akte" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."vorgang" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- 1. the Beginn of a Vorgang is its creation day, as it was shown and sent until now;
UPDATE "akten"."vorgang" SET "laufzeit_beginn" = ("erstellt_am" AT TIME ZONE 'Europe/Berlin')::date WHERE "laufzeit_beginn" IS NULL;
--> statement-breakpoint
-- 2. a closed Akte covers its Vorgänge: one still open counts as closed with the Akte, and a Vorgang
--    closed after its Akte's (backdated) z.d.A. is closed on that day (the Akte's z.d.A. starts its retention);
UPDATE "akten"."vorgang" v SET "status" = 'geschlossen', "zda_datum" = a."laufzeit_ende"
  FROM "akten"."akte" a
 WHERE a."mandant_id" = v."mandant_id" AND a."id" = v."akte_id" AND a."laufzeit_ende" IS NOT NULL
   AND (v."zda_datum" IS NULL OR v."zda_datum" > a."laufzeit_ende");
--> statement-breakpoint
-- 3. a Vorgang ending before it began (backdated z.d.A.) began with its Akte, unless that is after its end;
--    then it began on its last day: nothing is known about it beyond its Akte and its z.d.A.;
UPDATE "akten"."vorgang" v
   SET "laufzeit_beginn" = CASE WHEN a."laufzeit_beginn" <= v."zda_datum" THEN a."laufzeit_beginn" ELSE v."zda_datum" END
  FROM "akten"."akte" a
 WHERE a."mandant_id" = v."mandant_id" AND a."id" = v."akte_id" AND v."zda_datum" < v."laufzeit_beginn";
--> statement-breakpoint
-- 4. an Akte holding a Vorgang that began earlier began then too (its Laufzeit is widened, never a Vorgang's cut).
UPDATE "akten"."akte" a SET "laufzeit_beginn" = f."beginn"
  FROM (SELECT "mandant_id", "akte_id", min("laufzeit_beginn") AS "beginn" FROM "akten"."vorgang" GROUP BY 1, 2) f
 WHERE f."mandant_id" = a."mandant_id" AND f."akte_id" = a."id" AND f."beginn" < a."laufzeit_beginn";
--> statement-breakpoint
ALTER TABLE "akten"."akte" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."vorgang" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."vorgang" ALTER COLUMN "laufzeit_beginn" SET DEFAULT (now() AT TIME ZONE 'Europe/Berlin')::date;
--> statement-breakpoint
ALTER TABLE "akten"."vorgang" ALTER COLUMN "laufzeit_beginn" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "akten"."akte" ADD CONSTRAINT "akte_zda_laufzeit_ck" CHECK ("akten"."akte"."zda_datum" IS NULL OR "akten"."akte"."zda_datum" >= "akten"."akte"."laufzeit_beginn");
--> statement-breakpoint
ALTER TABLE "akten"."vorgang" ADD CONSTRAINT "vorgang_laufzeit_ck" CHECK ("akten"."vorgang"."zda_datum" IS NULL OR "akten"."vorgang"."zda_datum" >= "akten"."vorgang"."laufzeit_beginn");
--> statement-breakpoint
-- A Vorgang's Laufzeit within its Akte's: it begins no earlier than the Akte, and in a closed Akte
-- (Laufzeit with an end) it is closed no later than the Akte. Checked from both sides, so neither a
-- Vorgang change (new, z.d.A., another Akte) nor an Akte change (begin, z.d.A.) escapes it. Row locks
-- order the two sides: the Vorgang side share-locks the Akte row, which an Akte update holds exclusively.
-- Constraint triggers, immediate by default: a transaction that must close an Akte before its Vorgänge
-- may SET CONSTRAINTS ... DEFERRED. Errors name the constraint and the column (mapped to a 422 by the services).
CREATE FUNCTION "akten"."vorgang_laufzeit_in_akte"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a record;
BEGIN
  SELECT "laufzeit_beginn", "laufzeit_ende", "aktenzeichen" INTO a FROM "akten"."akte"
   WHERE "mandant_id" = NEW."mandant_id" AND "id" = NEW."akte_id" FOR SHARE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF NEW."laufzeit_beginn" < a."laufzeit_beginn" THEN
    RAISE EXCEPTION 'Der Vorgang % beginnt (%) vor seiner Akte % (%)', NEW."kennzeichen", NEW."laufzeit_beginn", a."aktenzeichen", a."laufzeit_beginn"
      USING ERRCODE = 'check_violation', SCHEMA = 'akten', TABLE = 'vorgang', COLUMN = 'laufzeit_beginn', CONSTRAINT = 'vorgang_laufzeit_in_akte';
  END IF;
  IF a."laufzeit_ende" IS NOT NULL AND (NEW."zda_datum" IS NULL OR NEW."zda_datum" > a."laufzeit_ende") THEN
    RAISE EXCEPTION 'Der Vorgang % endet (%) nach seiner Akte % (%)', NEW."kennzeichen", coalesce(NEW."zda_datum"::text, 'offen'), a."aktenzeichen", a."laufzeit_ende"
      USING ERRCODE = 'check_violation', SCHEMA = 'akten', TABLE = 'vorgang', COLUMN = 'zda_datum', CONSTRAINT = 'vorgang_laufzeit_in_akte';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "vorgang_laufzeit_in_akte" AFTER INSERT OR UPDATE OF "laufzeit_beginn", "zda_datum", "akte_id" ON "akten"."vorgang"
  DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION "akten"."vorgang_laufzeit_in_akte"();
--> statement-breakpoint
CREATE FUNCTION "akten"."akte_laufzeit_umfasst_vorgaenge"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v record;
BEGIN
  -- the first offending Vorgang by number (index vorgang_akte_nummer_uq)
  SELECT "kennzeichen", "laufzeit_beginn", "zda_datum", "laufzeit_beginn" < NEW."laufzeit_beginn" AS "zu_frueh" INTO v FROM "akten"."vorgang"
   WHERE "mandant_id" = NEW."mandant_id" AND "akte_id" = NEW."id"
     AND ("laufzeit_beginn" < NEW."laufzeit_beginn"
          OR (NEW."laufzeit_ende" IS NOT NULL AND ("zda_datum" IS NULL OR "zda_datum" > NEW."laufzeit_ende")))
   ORDER BY "laufende_nummer" LIMIT 1;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF v."zu_frueh" THEN
    RAISE EXCEPTION 'Die Akte % beginnt (%) nach ihrem Vorgang % (%)', NEW."aktenzeichen", NEW."laufzeit_beginn", v."kennzeichen", v."laufzeit_beginn"
      USING ERRCODE = 'check_violation', SCHEMA = 'akten', TABLE = 'akte', COLUMN = 'laufzeit_beginn', CONSTRAINT = 'akte_laufzeit_umfasst_vorgaenge';
  END IF;
  RAISE EXCEPTION 'Die Akte % endet (%) vor ihrem Vorgang % (%)', NEW."aktenzeichen", NEW."laufzeit_ende", v."kennzeichen", coalesce(v."zda_datum"::text, 'offen')
    USING ERRCODE = 'check_violation', SCHEMA = 'akten', TABLE = 'akte', COLUMN = 'laufzeit_ende', CONSTRAINT = 'akte_laufzeit_umfasst_vorgaenge';
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "akte_laufzeit_umfasst_vorgaenge" AFTER UPDATE OF "laufzeit_beginn", "laufzeit_ende" ON "akten"."akte"
  DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION "akten"."akte_laufzeit_umfasst_vorgaenge"();
