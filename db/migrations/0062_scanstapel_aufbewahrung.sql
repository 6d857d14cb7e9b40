-- Retention of a stored scan batch: its object is a working copy of the split. Once split, all its
-- documents assigned and the waiting period passed, the object is removed (the sweeper, after
-- DOKUMENTE_SCAN_STAPEL_AUFBEWAHRUNG_TAGE); the row stays as the evidence: SHA-256, Transfervermerke and
-- the audit trail still tie every document to the pages it was cut from. A batch that failed is kept.
ALTER TABLE "dokumente"."scanstapel" ADD COLUMN "inhalt_entfernt_am" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dokumente"."scanstapel" ADD CONSTRAINT "scanstapel_inhalt_entfernt_ck" CHECK ("dokumente"."scanstapel"."inhalt_entfernt_am" IS NULL OR "dokumente"."scanstapel"."status" = 'fertig');--> statement-breakpoint
-- A finished split stays final; the one change left is the removal of the object, once, and only when
-- every document of the batch has been assigned (the Poststelle is done with it).
CREATE OR REPLACE FUNCTION "dokumente"."scanstapel_unveraenderlich"() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  n "dokumente"."scanstapel";
BEGIN
  IF OLD.status = 'fertig' THEN
    n := NEW;
    n.inhalt_entfernt_am := NULL;
    n.geaendert_am := OLD.geaendert_am;
    IF OLD.inhalt_entfernt_am IS NOT NULL OR NEW.inhalt_entfernt_am IS NULL OR n IS DISTINCT FROM OLD THEN
      RAISE EXCEPTION 'Der Scanstapel % ist bereits zerlegt', OLD.id
        USING ERRCODE = 'P0001', HINT = 'SCANSTAPEL_BEREITS_ZERLEGT';
    END IF;
    IF EXISTS (SELECT 1 FROM "dokumente"."transfervermerk" tv JOIN "dokumente"."posteingang_eintrag" e ON e.mandant_id = tv.mandant_id AND e.id = tv.eintrag_id
               WHERE tv.mandant_id = OLD.mandant_id AND tv.scanstapel_id = OLD.id AND e.status <> 'zugeordnet') THEN
      RAISE EXCEPTION 'Der Scanstapel % hat noch nicht zugeordnete Dokumente', OLD.id
        USING ERRCODE = 'P0001', HINT = 'SCANSTAPEL_NICHT_ZUGEORDNET';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.inhalt_entfernt_am IS NOT NULL THEN
    RAISE EXCEPTION 'Der Scanstapel % ist noch nicht zerlegt', OLD.id
      USING ERRCODE = 'P0001', HINT = 'SCANSTAPEL_NICHT_ZERLEGT';
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
