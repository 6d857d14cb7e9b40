-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policy.
ALTER TABLE "aussonderung"."loeschsperre_objekt" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- like loeschsperre_akte: a hold's coverage only grows; it is released as a whole
GRANT SELECT, INSERT ON "aussonderung"."loeschsperre_objekt" TO eakte_app;
--> statement-breakpoint
-- THE answer to "which active Löschsperren stand in the way of removing or changing this object"
-- (design §3.6), for every gate in every service and for the storage's legal hold: holds on the
-- object itself, on its ancestors (Vorgang, Akte; the mail of an Anlage) and on what it contains
-- (an Akte's Vorgänge and Dokumente, a Vorgang's Dokumente, a mail's Anlagen). Runs with the
-- caller's rights, so row-level security keeps it inside the caller's tenant.
CREATE FUNCTION "aussonderung"."aktive_loeschsperren"(p_typ text, p_id uuid) RETURNS SETOF uuid
LANGUAGE sql STABLE AS $$
  WITH ziel AS (
    SELECT a.id AS akte_id, NULL::uuid AS vorgang_id, NULL::uuid AS dokument_id, NULL::uuid AS eltern_id
      FROM akten.akte a WHERE p_typ = 'akte' AND a.id = p_id
    UNION ALL
    SELECT v.akte_id, v.id, NULL::uuid, NULL::uuid FROM akten.vorgang v WHERE p_typ = 'vorgang' AND v.id = p_id
    UNION ALL
    SELECT v.akte_id, v.id, d.id, d.eltern_dokument_id
      FROM dokumente.dokument d JOIN akten.vorgang v ON v.mandant_id = d.mandant_id AND v.id = d.vorgang_id
     WHERE p_typ = 'dokument' AND d.id = p_id
  ), treffer AS (
    SELECT la.loeschsperre_id FROM aussonderung.loeschsperre_akte la JOIN ziel ON la.akte_id = ziel.akte_id
    UNION
    SELECT lo.loeschsperre_id FROM aussonderung.loeschsperre_objekt lo JOIN ziel ON lo.akte_id = ziel.akte_id
     WHERE ziel.vorgang_id IS NULL
        OR (lo.vorgang_id = ziel.vorgang_id AND (
              ziel.dokument_id IS NULL OR lo.dokument_id IS NULL OR lo.dokument_id = ziel.dokument_id OR lo.dokument_id = ziel.eltern_id
              OR lo.dokument_id IN (SELECT k.id FROM dokumente.dokument k WHERE k.eltern_dokument_id = ziel.dokument_id)))
  )
  SELECT t.loeschsperre_id FROM treffer t
    JOIN aussonderung.loeschsperre l ON l.id = t.loeschsperre_id
   WHERE l.aufgehoben_am IS NULL
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "aussonderung"."aktive_loeschsperren"(text, uuid) TO eakte_app;
--> statement-breakpoint
-- the database's own hold gate now sees holds on Vorgänge and Dokumente of the Akte too
CREATE OR REPLACE FUNCTION "aussonderung"."pruefe_loeschsperre"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('abgegeben', 'archiviert', 'vernichtet') AND NEW.status IS DISTINCT FROM OLD.status
     AND EXISTS (SELECT 1 FROM "aussonderung"."aktive_loeschsperren"('akte', NEW.akte_id)) THEN
    RAISE EXCEPTION 'Löschsperre auf Akte %', NEW.akte_id USING ERRCODE = 'P0001', HINT = 'LOESCHSPERRE';
  END IF;
  RETURN NEW;
END $$;
