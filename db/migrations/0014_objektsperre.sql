-- Object lock (S3_OBJECT_LOCK, defence in depth): the changes that decide an object's lock happen
-- in three services; triggers record "recompute the lock of this Akte" in the same transaction, so
-- nothing is missed, and the Dokumente worker applies it to storage with retries. The services set
-- `app.objektsperre` = 'an' per transaction only when object lock is on: when off, nothing is written.
ALTER TABLE "dokumente"."objektsperre_auftrag" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Written by the triggers (as the application role), claimed and removed by the worker.
GRANT SELECT, INSERT, UPDATE, DELETE ON "dokumente"."objektsperre_auftrag" TO eakte_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "dokumente"."objektsperre_auftrag_id_seq" TO eakte_app;
--> statement-breakpoint
-- Whether a Löschsperre covers a Dokument. The one place that says what a hold covers for the object
-- lock: today holds name Akten; when they name Vorgänge or Dokumente too, extend this function (and
-- add a trigger like the ones below on the new link tables).
CREATE FUNCTION "aussonderung"."loeschsperre_deckt"(p_mandant uuid, p_akte uuid, p_vorgang uuid, p_dokument uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "aussonderung"."loeschsperre_akte" la
    JOIN "aussonderung"."loeschsperre" l ON l.mandant_id = la.mandant_id AND l.id = la.loeschsperre_id
    WHERE la.mandant_id = p_mandant AND la.akte_id = p_akte AND l.aufgehoben_am IS NULL)
$$;
--> statement-breakpoint
-- One row per piece of work. A new request for work already queued only bumps `stand`: a worker
-- holding the row (lease) then keeps it due instead of removing it, and a row waiting for its
-- retry keeps waiting (never more than a few minutes).
CREATE FUNCTION "dokumente"."objektsperre_vormerken"(p_mandant uuid, p_akte uuid, p_schluessel text) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "dokumente"."objektsperre_auftrag" (mandant_id, akte_id, speicherschluessel) VALUES (p_mandant, p_akte, p_schluessel)
  ON CONFLICT ON CONSTRAINT "objektsperre_auftrag_uq" DO UPDATE SET stand = "objektsperre_auftrag".stand + 1
$$;
--> statement-breakpoint
CREATE FUNCTION "dokumente"."objektsperre_akte_geaendert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.objektsperre', true) = 'an' THEN
    PERFORM "dokumente"."objektsperre_vormerken"(NEW.mandant_id, NEW.id, NULL);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- z.d.A., Wiederaufnahme, a longer (or, without a hold, shorter) retention
CREATE TRIGGER "objektsperre" AFTER UPDATE OF "status", "aufbewahrung_bis", "unbefristet" ON "akten"."akte"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.aufbewahrung_bis IS DISTINCT FROM NEW.aufbewahrung_bis OR OLD.unbefristet IS DISTINCT FROM NEW.unbefristet)
  EXECUTE FUNCTION "dokumente"."objektsperre_akte_geaendert"();
--> statement-breakpoint
CREATE FUNCTION "dokumente"."objektsperre_sperre_akte"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.objektsperre', true) = 'an' THEN
    IF TG_OP = 'DELETE' THEN
      PERFORM "dokumente"."objektsperre_vormerken"(OLD.mandant_id, OLD.akte_id, NULL);
    ELSE
      PERFORM "dokumente"."objektsperre_vormerken"(NEW.mandant_id, NEW.akte_id, NULL);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- a hold placed on an Akte (or an Akte taken out of a hold)
CREATE TRIGGER "objektsperre" AFTER INSERT OR DELETE ON "aussonderung"."loeschsperre_akte"
  FOR EACH ROW EXECUTE FUNCTION "dokumente"."objektsperre_sperre_akte"();
--> statement-breakpoint
CREATE FUNCTION "dokumente"."objektsperre_sperre_aufgehoben"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.objektsperre', true) = 'an' THEN
    PERFORM "dokumente"."objektsperre_vormerken"(la.mandant_id, la.akte_id, NULL)
       FROM "aussonderung"."loeschsperre_akte" la
      WHERE la.mandant_id = NEW.mandant_id AND la.loeschsperre_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- a hold released: every Akte it named
CREATE TRIGGER "objektsperre" AFTER UPDATE OF "aufgehoben_am" ON "aussonderung"."loeschsperre"
  FOR EACH ROW WHEN (OLD.aufgehoben_am IS DISTINCT FROM NEW.aufgehoben_am)
  EXECUTE FUNCTION "dokumente"."objektsperre_sperre_aufgehoben"();
--> statement-breakpoint
CREATE FUNCTION "dokumente"."objektsperre_version_neu"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.objektsperre', true) = 'an' THEN
    PERFORM "dokumente"."objektsperre_vormerken"(NEW.mandant_id, vg.akte_id, NEW.speicherschluessel)
       FROM "dokumente"."dokument" d
       JOIN "akten"."vorgang" vg ON vg.mandant_id = d.mandant_id AND vg.id = d.vorgang_id
      WHERE d.mandant_id = NEW.mandant_id AND d.id = NEW.dokument_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- a new object (upload, new version, stamp, Anlage): locked as its Akte is at upload time
CREATE TRIGGER "objektsperre" AFTER INSERT ON "dokumente"."dokument_version"
  FOR EACH ROW EXECUTE FUNCTION "dokumente"."objektsperre_version_neu"();
