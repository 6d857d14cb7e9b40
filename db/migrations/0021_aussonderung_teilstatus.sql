ALTER TABLE "aussonderung"."aussonderung_objekt" DROP CONSTRAINT "aussonderung_objekt_vernichtet_ck";--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" DROP CONSTRAINT "aussonderung_objekt_abgabe_ck";--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" ADD CONSTRAINT "aussonderung_objekt_vernichtet_ck" CHECK ("aussonderung"."aussonderung_objekt"."status" <> 'vernichtet' OR (("aussonderung"."aussonderung_objekt"."bewertung" = 'V' OR jsonb_path_exists("aussonderung"."aussonderung_objekt"."unterbewertungen", '$.* ? (@ == "V")')) AND NOT jsonb_path_exists("aussonderung"."aussonderung_objekt"."unterbewertungen", '$.* ? (@ == "A")')));--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" ADD CONSTRAINT "aussonderung_objekt_abgabe_ck" CHECK ("aussonderung"."aussonderung_objekt"."status" NOT IN ('abgegeben', 'archiviert') OR "aussonderung"."aussonderung_objekt"."bewertung" = 'A' OR jsonb_path_exists("aussonderung"."aussonderung_objekt"."unterbewertungen", '$.* ? (@ == "A")'));--> statement-breakpoint
-- Where each part (Vorgang) of an offered Akte stands: the one place that answers it, for the
-- Aussonderung itself, the Akte's stub and the Dokumente service's 410. The deepest appraised
-- object wins (the Vorgang's own appraisal, else its Akte's). An Akte with an A-part goes to the
-- archive as their container; its V-parts are then destroyed on their own (teil_vernichtet_am),
-- an Akte with V-parts only as a whole (status vernichtet). Invoker's rights: RLS applies.
CREATE VIEW "aussonderung"."teilstand" WITH (security_invoker = true) AS
SELECT o.mandant_id, o.aussonderung_id, o.akte_id, 'vorgang'::text AS typ, v.id, v.kennzeichen, v.betreff, v.laufende_nummer AS reihenfolge,
       t.bewertung,
       CASE
         WHEN t.bewertung IS NULL THEN 'angeboten'
         WHEN t.bewertung = 'A' AND o.status IN ('abgegeben', 'archiviert') THEN o.status
         WHEN t.bewertung = 'V' AND k.vernichtet THEN 'vernichtet'
         -- a hold always wins: also a destruction the job stopped shows it, until the hold is released
         WHEN "aussonderung"."loeschsperre_deckt"(o.mandant_id, o.akte_id, v.id, NULL) THEN 'gesperrt'
         WHEN t.bewertung = 'V' AND n.id IS NOT NULL AND n.protokoll_schluessel IS NULL THEN 'vernichtung_beantragt'
         ELSE 'bewertet'
       END AS status,
       CASE WHEN t.bewertung = 'A' AND o.status = 'archiviert' THEN o.archivkennung END AS archivkennung,
       CASE WHEN t.bewertung = 'A' THEN o.status = 'archiviert' AND o.inhalt_geloescht_am IS NOT NULL ELSE coalesce(k.vernichtet, false) END AS inhalt_entfernt,
       CASE WHEN t.bewertung = 'V' AND k.vernichtet THEN n.protokoll_dokument_id END AS vernichtungsprotokoll_dokument_id
  FROM "aussonderung"."aussonderung_objekt" o
  JOIN "akten"."vorgang" v ON v.mandant_id = o.mandant_id AND v.akte_id = o.akte_id
  LEFT JOIN "aussonderung"."vernichtung" n ON n.mandant_id = o.mandant_id AND n.aussonderung_id = o.aussonderung_id
  CROSS JOIN LATERAL (SELECT coalesce(o.unterbewertungen ->> v.id::text, o.bewertung) AS bewertung) t
  CROSS JOIN LATERAL (
    SELECT CASE
             WHEN EXISTS (SELECT 1 FROM "akten"."vorgang" w
                           WHERE w.mandant_id = o.mandant_id AND w.akte_id = o.akte_id
                             AND coalesce(o.unterbewertungen ->> w.id::text, o.bewertung) = 'A')
             THEN o.teil_vernichtet_am IS NOT NULL
             ELSE o.status = 'vernichtet'
           END AS vernichtet) k;
--> statement-breakpoint
GRANT SELECT ON "aussonderung"."teilstand" TO eakte_app;
--> statement-breakpoint
-- Where an Akte stands in its Aussonderung, for the Akte's stub: its state as a whole, whether the
-- content of every part is gone, and its parts (from teilstand).
CREATE VIEW "aussonderung"."aktenstand" WITH (security_invoker = true) AS
SELECT o.mandant_id, o.akte_id, o.aussonderung_id, o.status, o.archivkennung,
       coalesce(t.alle_entfernt, o.inhalt_geloescht_am IS NOT NULL) AS inhalt_entfernt,
       coalesce(t.teile, '[]'::jsonb) AS teile
  FROM "aussonderung"."aussonderung_objekt" o
  LEFT JOIN LATERAL (
    SELECT bool_and(s.inhalt_entfernt) AS alle_entfernt,
           jsonb_agg(jsonb_build_object('typ', s.typ, 'id', s.id, 'kennzeichen', s.kennzeichen, 'betreff', s.betreff,
                                        'bewertung', s.bewertung, 'status', s.status, 'archivkennung', s.archivkennung) ORDER BY s.reihenfolge) AS teile
      FROM "aussonderung"."teilstand" s
     WHERE s.mandant_id = o.mandant_id AND s.aussonderung_id = o.aussonderung_id AND s.akte_id = o.akte_id) t ON true;
--> statement-breakpoint
GRANT SELECT ON "aussonderung"."aktenstand" TO eakte_app;
