-- A destruction a Löschsperre stopped goes on once the hold is released (the approval covered the
-- object; the hold only suspended it). What is destroyed after the Vernichtungsprotokoll was written
-- is recorded by a Nachtrag: one PDF per round, numbered per destruction, written once.
CREATE TABLE "aussonderung"."vernichtungsnachtrag" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"vernichtung_id" uuid NOT NULL,
	"nr" integer NOT NULL,
	"objekte" jsonb NOT NULL,
	"schluessel" text NOT NULL,
	"sha256" text NOT NULL,
	"dokument_id" uuid,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vernichtungsnachtrag_nr_uq" UNIQUE("mandant_id","vernichtung_id","nr"),
	CONSTRAINT "vernichtungsnachtrag_nr_ck" CHECK ("aussonderung"."vernichtungsnachtrag"."nr" > 0)
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtungsnachtrag" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtungsnachtrag" ADD CONSTRAINT "vernichtungsnachtrag_vernichtung_fk" FOREIGN KEY ("mandant_id","vernichtung_id") REFERENCES "aussonderung"."vernichtung"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtungsnachtrag" ADD CONSTRAINT "vernichtungsnachtrag_dokument_fk" FOREIGN KEY ("mandant_id","dokument_id") REFERENCES "dokumente"."dokument"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."vernichtungsnachtrag" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."vernichtungsnachtrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."vernichtungsnachtrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "aussonderung"."vernichtungsnachtrag" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- written once, never changed
GRANT SELECT, INSERT ON "aussonderung"."vernichtungsnachtrag" TO eakte_aussonderung;
--> statement-breakpoint
-- abgeschlossen also needs every destroyed object named by the protocol or a Nachtrag (by its Akte:
-- a V-Akte, or the V-Vorgänge of an A-Akte, which the protocol lists with their Akte's id)
CREATE OR REPLACE FUNCTION "aussonderung"."aussonderung_abschluss_pruefen"() RETURNS trigger
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
           WHEN EXISTS (SELECT 1 FROM aussonderung.aussonderung_objekt o
                          JOIN aussonderung.vernichtung n ON n.mandant_id = o.mandant_id AND n.aussonderung_id = o.aussonderung_id
                                                         AND n.abgelehnt_am IS NULL AND n.freigegeben_am IS NOT NULL
                         WHERE o.mandant_id = NEW.mandant_id AND o.aussonderung_id = NEW.id AND (o.status = 'vernichtet' OR o.teil_vernichtet_am IS NOT NULL)
                           AND NOT n.objekte @> jsonb_build_array(jsonb_build_object('akteId', o.akte_id::text))
                           AND NOT EXISTS (SELECT 1 FROM aussonderung.vernichtungsnachtrag t
                                            WHERE t.mandant_id = n.mandant_id AND t.vernichtung_id = n.id
                                              AND t.objekte @> jsonb_build_array(jsonb_build_object('akteId', o.akte_id::text))))
             THEN 'ein vernichtetes Objekt fehlt im Vernichtungsprotokoll und seinen Nachträgen'
         END INTO grund;
  IF grund IS NOT NULL THEN
    RAISE EXCEPTION 'Aussonderung % ist nicht abgeschlossen: %', NEW.id, grund USING ERRCODE = 'P0001', HINT = 'AUSSONDERUNG_NICHT_ABSCHLIESSBAR';
  END IF;
  RETURN NEW;
END $$;
