ALTER TABLE "aussonderung"."aussonderung" DROP CONSTRAINT "aussonderung_status_ck";--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung" ADD CONSTRAINT "aussonderung_status_ck" CHECK ("aussonderung"."aussonderung"."status" IN ('angeboten', 'bewertet', 'abgegeben', 'vernichtung_ausstehend', 'abgeschlossen'));--> statement-breakpoint
-- Processes marked abgeschlossen before their protocol was written (its job failing) wait for it again.
UPDATE "aussonderung"."aussonderung" a SET "status" = 'vernichtung_ausstehend', "geaendert_am" = now()
 WHERE a.status = 'abgeschlossen'
   AND EXISTS (SELECT 1 FROM "aussonderung"."vernichtung" n
                WHERE n.mandant_id = a.mandant_id AND n.aussonderung_id = a.id AND n.abgelehnt_am IS NULL
                  AND n.freigegeben_am IS NOT NULL AND n.protokoll_schluessel IS NULL);
--> statement-breakpoint
-- A process is abgeschlossen only when nothing of it is left to do: every object archived or
-- destroyed, every V-Vorgang of an archived Akte destroyed, and an approved destruction recorded by
-- its Vernichtungsprotokoll. Asked in the database, so no code path (a job, a hand-made UPDATE) can
-- mark it earlier. One query over the process's objects; owner rights to read the Vorgänge.
CREATE FUNCTION "aussonderung"."aussonderung_abschluss_pruefen"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  grund text;
BEGIN
  SELECT CASE
           WHEN NOT EXISTS (SELECT 1 FROM aussonderung.aussonderung_objekt o WHERE o.mandant_id = NEW.mandant_id AND o.aussonderung_id = NEW.id)
             THEN 'keine Objekte'
           WHEN EXISTS (SELECT 1 FROM aussonderung.aussonderung_objekt o
                         WHERE o.mandant_id = NEW.mandant_id AND o.aussonderung_id = NEW.id
                           AND (o.status NOT IN ('archiviert', 'vernichtet')
                                OR (o.status = 'vernichtet' AND (o.loeschung IS DISTINCT FROM 'erledigt' OR o.inhalt_geloescht_am IS NULL))))
             THEN 'Objekte sind weder archiviert noch vernichtet'
           WHEN EXISTS (SELECT 1 FROM aussonderung.aussonderung_objekt o
                          JOIN akten.vorgang v ON v.mandant_id = o.mandant_id AND v.akte_id = o.akte_id
                         WHERE o.mandant_id = NEW.mandant_id AND o.aussonderung_id = NEW.id AND o.status = 'archiviert'
                           AND o.teil_vernichtet_am IS NULL AND coalesce(o.unterbewertungen ->> v.id::text, o.bewertung) = 'V')
             THEN 'V-Vorgänge archivierter Akten sind nicht vernichtet'
           WHEN EXISTS (SELECT 1 FROM aussonderung.vernichtung n
                         WHERE n.mandant_id = NEW.mandant_id AND n.aussonderung_id = NEW.id AND n.abgelehnt_am IS NULL
                           AND n.freigegeben_am IS NOT NULL AND (n.protokoll_schluessel IS NULL OR n.protokoll_sha256 IS NULL))
             THEN 'das Vernichtungsprotokoll fehlt'
           WHEN EXISTS (SELECT 1 FROM aussonderung.aussonderung_objekt o
                         WHERE o.mandant_id = NEW.mandant_id AND o.aussonderung_id = NEW.id AND (o.status = 'vernichtet' OR o.teil_vernichtet_am IS NOT NULL))
            AND NOT EXISTS (SELECT 1 FROM aussonderung.vernichtung n
                             WHERE n.mandant_id = NEW.mandant_id AND n.aussonderung_id = NEW.id AND n.abgelehnt_am IS NULL
                               AND n.freigegeben_am IS NOT NULL AND n.protokoll_schluessel IS NOT NULL)
             THEN 'das Vernichtungsprotokoll fehlt'
         END INTO grund;
  IF grund IS NOT NULL THEN
    RAISE EXCEPTION 'Aussonderung % ist nicht abgeschlossen: %', NEW.id, grund USING ERRCODE = 'P0001', HINT = 'AUSSONDERUNG_NICHT_ABSCHLIESSBAR';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "aussonderung_abschluss_tg" BEFORE INSERT OR UPDATE OF "status" ON "aussonderung"."aussonderung"
  FOR EACH ROW WHEN (NEW.status = 'abgeschlossen') EXECUTE FUNCTION "aussonderung"."aussonderung_abschluss_pruefen"();
