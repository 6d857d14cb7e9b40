-- Text extraction, object lock and the Aussonderung's jobs move onto the job runner (packages/auftraege,
-- queues auftraege_dokumente and auftraege_aussonderung): pending rows become jobs, the hand-written job tables go.
-- FORCE ROW LEVEL SECURITY hides other tenants' rows from the owner too: the worker switch shows them.
SELECT set_config('app.dokumente_arbeiter', 'an', true);
--> statement-breakpoint
SELECT "auftraege_dokumente".add_job('textextraktion', json_build_object('mandantId', mandant_id, 'dokumentId', dokument_id, 'versionNr', version_nr),
  run_at => faellig_ab, max_attempts => 3, job_key => 'textextraktion:' || mandant_id || ':' || dokument_id || ':' || version_nr, flags => ARRAY['mandant:' || mandant_id])
  FROM "dokumente"."auftrag";
--> statement-breakpoint
DROP TABLE "dokumente"."auftrag";
--> statement-breakpoint
-- the filing of a Systemdokument (Aussonderung) enqueues its text extraction like an upload does
CREATE OR REPLACE FUNCTION "dokumente"."lege_systemdokument_ab"(
  p_vorgang uuid, p_dokument uuid, p_betreff text, p_datum date, p_dateiname text, p_mime_type text,
  p_groesse bigint, p_sha256 text, p_speicherschluessel text, p_erstellt_von text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m uuid := nullif(current_setting('app.mandant', true), '')::uuid;
BEGIN
  IF m IS NULL THEN RAISE EXCEPTION 'no tenant transaction' USING ERRCODE = '42501'; END IF;
  INSERT INTO dokumente.dokument (id, mandant_id, vorgang_id, betreff, datum_des_schreibens, erstellt_von)
  VALUES (p_dokument, m, p_vorgang, p_betreff, p_datum, p_erstellt_von);
  INSERT INTO dokumente.dokument_version (mandant_id, dokument_id, nr, speicherschluessel, groesse, sha256, mime_type, dateiname, erstellt_von)
  VALUES (m, p_dokument, 1, p_speicherschluessel, p_groesse, p_sha256, p_mime_type, p_dateiname, p_erstellt_von);
  PERFORM auftraege_dokumente.add_job('textextraktion', json_build_object('mandantId', m, 'dokumentId', p_dokument, 'versionNr', 1),
    max_attempts => 3, job_key => 'textextraktion:' || m || ':' || p_dokument || ':1', flags => ARRAY['mandant:' || m]);
END $$;
--> statement-breakpoint
-- Object lock: the triggers fire in Akten's and Aussonderung's transactions, whose roles have no right on
-- Dokumente's queue: the function enqueues with its owner's rights. One waiting job per Akte (or object);
-- a change while its job runs adds a new job after it (graphile-worker moves the key to it). Marked with
-- the tenant, like every job of the converted loops.
CREATE OR REPLACE FUNCTION "dokumente"."objektsperre_vormerken"(p_mandant uuid, p_akte uuid, p_schluessel text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM auftraege_dokumente.add_job('objektsperre', json_build_object('mandantId', p_mandant, 'akteId', p_akte, 'speicherschluessel', p_schluessel),
    max_attempts => 32767, job_key => 'objektsperre:' || p_mandant || ':' || p_akte || ':' || coalesce(p_schluessel, '*'), flags => ARRAY['mandant:' || p_mandant], job_key_mode => 'replace');
END $$;
--> statement-breakpoint
SELECT "dokumente"."objektsperre_vormerken"(mandant_id, akte_id, speicherschluessel) FROM "dokumente"."objektsperre_auftrag";
--> statement-breakpoint
DROP TABLE "dokumente"."objektsperre_auftrag";
--> statement-breakpoint
-- The Aussonderung's jobs move onto its queue (auftraege_aussonderung): one task per kind, the jobs of one
-- Aussonderung in one named queue (one after another), marked with their tenant, tried until they work.
SELECT set_config('app.aussonderung_arbeiter', 'an', true);
--> statement-breakpoint
SELECT "auftraege_aussonderung".add_job(art, json_build_object('mandantId', mandant_id, 'aussonderungId', aussonderung_id, 'akteId', akte_id, 'akteur', akteur),
  queue_name => 'aussonderung:' || aussonderung_id, run_at => faellig_ab, max_attempts => 32767,
  job_key => art || ':' || mandant_id || ':' || aussonderung_id || ':' || coalesce(akte_id::text, ''), flags => ARRAY['mandant:' || mandant_id],
  job_key_mode => 'preserve_run_at')
  FROM "aussonderung"."auftrag" ORDER BY id;
--> statement-breakpoint
DROP TABLE "aussonderung"."auftrag";
