-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "aussonderung"."loeschsperre" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_akte" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "aussonderung"."nachricht" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "aussonderung" TO eakte_app;
--> statement-breakpoint
-- Holds are released, never deleted; their coverage only grows.
GRANT SELECT, INSERT, UPDATE ON "aussonderung"."loeschsperre" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "aussonderung"."loeschsperre_akte" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "aussonderung"."aussonderung" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "aussonderung"."aussonderung_objekt" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "aussonderung"."vernichtung" TO eakte_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "aussonderung"."nachricht" TO eakte_app;
--> statement-breakpoint
-- A Löschsperre blocks transfer and destruction in the database as well (design §3.6): no path,
-- job or configuration moves a held Akte to abgegeben, archiviert or vernichtet.
CREATE FUNCTION "aussonderung"."pruefe_loeschsperre"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('abgegeben', 'archiviert', 'vernichtet') AND NEW.status IS DISTINCT FROM OLD.status AND EXISTS (
    SELECT 1 FROM "aussonderung"."loeschsperre_akte" la
    JOIN "aussonderung"."loeschsperre" l ON l.mandant_id = la.mandant_id AND l.id = la.loeschsperre_id
    WHERE la.mandant_id = NEW.mandant_id AND la.akte_id = NEW.akte_id AND l.aufgehoben_am IS NULL
  ) THEN
    RAISE EXCEPTION 'Löschsperre auf Akte %', NEW.akte_id USING ERRCODE = 'P0001', HINT = 'LOESCHSPERRE';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "aussonderung_objekt_loeschsperre_trg" BEFORE UPDATE OF "status" ON "aussonderung"."aussonderung_objekt"
  FOR EACH ROW EXECUTE FUNCTION "aussonderung"."pruefe_loeschsperre"();
--> statement-breakpoint
-- The due list pages closed Akten by (due date, id); every Akte of a year falls due on 1 January,
-- so the id must be in the index too, or each page sorts a whole year's Akten.
CREATE INDEX "akte_aussonderung_faellig_idx" ON "akten"."akte" ("mandant_id", "aussonderung_faellig_ab", "id") WHERE "status" = 'geschlossen';
