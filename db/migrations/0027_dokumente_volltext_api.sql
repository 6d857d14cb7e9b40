-- Dokumente publishes the full-text search over its extracted texts (docs/datenbank-api.md): the
-- Akten service's search reads them through these functions, never through the tables. Only the
-- current version of a Dokument counts. SECURITY DEFINER (the caller's role may not read the
-- tables), so the tenant condition is explicit: the transaction's app.mandant. Whether the caller
-- may see the Dokument's Akte stays with the caller (Akten joins its Vorgang and Akte). Who may
-- run them is granted from the database API list (packages/db/src/datenbank-api.ts).

-- The first p_grenze Dokumente whose current text matches (in index order), with their rank.
CREATE FUNCTION "dokumente"."volltext_treffer"(p_anfrage tsquery, p_grenze integer)
RETURNS TABLE (dokument_id uuid, vorgang_id uuid, betreff text, rang real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT d.id, d.vorgang_id, d.betreff, ts_rank(k.vektor, p_anfrage)
    FROM "dokumente"."volltext" k
    JOIN "dokumente"."dokument" d ON d.mandant_id = k.mandant_id AND d.id = k.dokument_id AND d.aktuelle_version = k.version_nr
   WHERE k.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid
     AND k.vektor @@ p_anfrage
   LIMIT p_grenze
$$;
--> statement-breakpoint
-- The passage of a Dokument's current text that matches, matches between « and ».
CREATE FUNCTION "dokumente"."volltext_ausschnitt"(p_dokument uuid, p_anfrage tsquery)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT ts_headline('german'::regconfig, k.inhalt, p_anfrage, 'StartSel=«, StopSel=», MaxWords=25, MinWords=10, MaxFragments=2')
    FROM "dokumente"."volltext" k
    JOIN "dokumente"."dokument" d ON d.mandant_id = k.mandant_id AND d.id = k.dokument_id AND d.aktuelle_version = k.version_nr
   WHERE k.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid
     AND k.dokument_id = p_dokument
$$;
