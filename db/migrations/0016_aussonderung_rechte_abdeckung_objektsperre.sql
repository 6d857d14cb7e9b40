-- drizzle-kit never emits FORCE: without it the owner role would bypass the policy.
ALTER TABLE "aussonderung"."auftrag" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- a finished job is deleted; what it did stays on the object and in the Protokoll
GRANT SELECT, INSERT, UPDATE, DELETE ON "aussonderung"."auftrag" TO eakte_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "aussonderung"."auftrag_id_seq" TO eakte_app;

--> statement-breakpoint
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
--> statement-breakpoint
-- Object lock: a Dokument is held when any active Löschsperre covers it, its ancestors or its Anlagen —
-- the same answer every gate gets (aktive_loeschsperren).
CREATE OR REPLACE FUNCTION "aussonderung"."loeschsperre_deckt"(p_mandant uuid, p_akte uuid, p_vorgang uuid, p_dokument uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "aussonderung"."aktive_loeschsperren"(
      CASE WHEN p_dokument IS NOT NULL THEN 'dokument' WHEN p_vorgang IS NOT NULL THEN 'vorgang' ELSE 'akte' END,
      coalesce(p_dokument, p_vorgang, p_akte)) s(id)
    JOIN "aussonderung"."loeschsperre" l ON l.id = s.id
    WHERE l.mandant_id = p_mandant)
$$;
--> statement-breakpoint
-- a hold placed on a Vorgang or Dokument: recompute the lock of its Akte
CREATE TRIGGER "objektsperre" AFTER INSERT ON "aussonderung"."loeschsperre_objekt"
  FOR EACH ROW EXECUTE FUNCTION "dokumente"."objektsperre_sperre_akte"();
--> statement-breakpoint
-- a hold released: every Akte it named, directly or through its Vorgänge and Dokumente
CREATE OR REPLACE FUNCTION "dokumente"."objektsperre_sperre_aufgehoben"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.objektsperre', true) = 'an' THEN
    PERFORM "dokumente"."objektsperre_vormerken"(x.mandant_id, x.akte_id, NULL)
       FROM (SELECT la.mandant_id, la.akte_id FROM "aussonderung"."loeschsperre_akte" la
              WHERE la.mandant_id = NEW.mandant_id AND la.loeschsperre_id = NEW.id
             UNION
             SELECT lo.mandant_id, lo.akte_id FROM "aussonderung"."loeschsperre_objekt" lo
              WHERE lo.mandant_id = NEW.mandant_id AND lo.loeschsperre_id = NEW.id) x;
  END IF;
  RETURN NULL;
END $$;
