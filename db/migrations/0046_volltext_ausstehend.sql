-- Dokumente publishes which of the tenant's Dokumente still wait for their text (docs/datenbank-api.md):
-- the search tells a caller that a fresh upload is not yet searchable instead of only "Keine Treffer".
-- Pending means a text-extraction job of the document's current version that is waiting or running;
-- graphile-worker deletes a job that worked, and one whose attempts are used up has failed for good.
-- The index on the job's tenant keeps this a short index scan however long another tenant's backlog is.
CREATE INDEX "jobs_mandant" ON "auftraege_dokumente"."_private_jobs" ((payload->>'mandantId'));
--> statement-breakpoint
-- The first p_grenze Dokumente of the transaction's tenant (app.mandant) whose current text is still
-- being extracted, with their Vorgang; whether the caller may see them stays with the caller (Akten
-- joins Vorgang and Akte). SECURITY DEFINER: the caller's role may read neither the queue nor the tables.
CREATE FUNCTION "dokumente"."volltext_ausstehend"(p_grenze integer)
RETURNS TABLE (dokument_id uuid, vorgang_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT d.id, d.vorgang_id
    FROM "auftraege_dokumente"."_private_jobs" j
    JOIN "auftraege_dokumente"."_private_tasks" t ON t.id = j.task_id
    JOIN "dokumente"."dokument" d
      ON d.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid
     -- cast only a text-extraction job's payload (other tasks' payloads have other shapes)
     AND d.id = CASE WHEN t.identifier = 'textextraktion' THEN (j.payload->>'dokumentId')::uuid END
     AND d.aktuelle_version = CASE WHEN t.identifier = 'textextraktion' THEN (j.payload->>'versionNr')::int END
   WHERE j.payload->>'mandantId' = nullif(current_setting('app.mandant', true), '')
     AND t.identifier = 'textextraktion'
     AND j.attempts < j.max_attempts
   LIMIT p_grenze
$$;
