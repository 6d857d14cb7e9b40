-- The object-lock trigger on a new version finds the version's Akte through the view Akten publishes
-- (akten.vorgang_kontext, migration 0029) instead of reading akten.vorgang with the caller's rights:
-- the Dokumente role needs no right on Akten's tables any more.
CREATE OR REPLACE FUNCTION "dokumente"."objektsperre_version_neu"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.objektsperre', true) = 'an' THEN
    PERFORM "dokumente"."objektsperre_vormerken"(NEW.mandant_id, vg.akte_id, NEW.speicherschluessel)
       FROM "dokumente"."dokument" d
       JOIN "akten"."vorgang_kontext" vg ON vg.mandant_id = d.mandant_id AND vg.vorgang_id = d.vorgang_id
      WHERE d.mandant_id = NEW.mandant_id AND d.id = NEW.dokument_id;
  END IF;
  RETURN NULL;
END $$;
