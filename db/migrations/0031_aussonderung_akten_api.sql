-- Akten publishes to the Aussonderung what the xdomea messages, the due list and the Löschsperren
-- read of Akten, Vorgänge and the Aktenplan, and the lock that holds offered Akten; the Aussonderung's
-- hold gate and its state views read with the owner's rights (docs/datenbank-api.md). No service
-- role then needs a grant on another schema's tables for them. Definer rights are not tenant rights:
-- each object names the tenant (app.mandant) itself, besides FORCE ROW LEVEL SECURITY holding the
-- owner to it. Who may read or run them is granted from the database API list
-- (packages/db/src/datenbank-api.ts).
CREATE VIEW "akten"."akte_fuer_aussonderung" AS
SELECT a.mandant_id, a.id, a.aktenplaneinheit_id, a.aktenzeichen, a.laufende_nummer, a.jahr, a.betreff, a.federfuehrung_id,
       a.vertraulichkeitsstufe, a.medium, a.bemerkung, a.status, a.zda_datum, a.laufzeit_beginn, a.laufzeit_ende,
       a.aufbewahrungsfrist, a.unbefristet, a.aussonderungsart, a.aufbewahrung_bis, a.aussonderung_faellig_ab,
       a.erstellt_am, a.erstellt_von, a.geaendert_am,
       e.kennzeichen AS einheit_kennzeichen, e.titel AS einheit_titel, e.beschreibung AS einheit_beschreibung,
       e.aufbewahrungsfrist AS einheit_aufbewahrungsfrist, e.unbefristet AS einheit_unbefristet, e.aussonderungsart AS einheit_aussonderungsart,
       oe.name AS federfuehrung
  FROM "akten"."akte" a
  JOIN "akten"."aktenplaneinheit" e ON e.mandant_id = a.mandant_id AND e.id = a.aktenplaneinheit_id
  LEFT JOIN "akten"."organisationseinheit" oe ON oe.mandant_id = a.mandant_id AND oe.id = a.federfuehrung_id
 WHERE a.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
CREATE VIEW "akten"."vorgang_fuer_aussonderung" AS
SELECT v.mandant_id, v.id, v.akte_id, v.laufende_nummer, v.kennzeichen, v.betreff, v.status, v.zda_datum, v.laufzeit_beginn,
       v.erstellt_am, v.erstellt_von, v.geaendert_am
  FROM "akten"."vorgang" v
 WHERE v.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
CREATE VIEW "akten"."aktenplan_fuer_aussonderung" AS
SELECT e.mandant_id, e.id, e.parent_id, e.kennzeichen, e.titel
  FROM "akten"."aktenplaneinheit" e
 WHERE e.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
-- share-locks the offered Akten until the caller's transaction ends: none is reopened or changed
-- meanwhile; returns the ids it found (the tenant's)
CREATE FUNCTION "akten"."halte_akten_fuer_aussonderung"(p_akten uuid[]) RETURNS SETOF uuid
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT a.id FROM "akten"."akte" a
   WHERE a.id = ANY(p_akten) AND a.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid
   ORDER BY a.id FOR SHARE
$$;
--> statement-breakpoint
-- The retention inheritance (migration 0024) with the owner's rights: the Aussonderung no longer
-- reads the Aktenplan's table. The same walk, within the transaction's tenant.
CREATE OR REPLACE FUNCTION akten.wirksame_aufbewahrung(p_einheit uuid, p_frist integer, p_unbefristet boolean, p_art text)
RETURNS TABLE (aufbewahrungsfrist integer, unbefristet boolean, frist_geerbt boolean, aussonderungsart text, art_geerbt boolean)
LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  WITH RECURSIVE kette AS (
    SELECT e.id, e.parent_id, e.mandant_id, e.aufbewahrungsfrist, e.unbefristet, e.aussonderungsart, 0 AS tiefe,
           (e.aufbewahrungsfrist IS NOT NULL OR e.unbefristet) AS frist_da, e.aussonderungsart IS NOT NULL AS art_da
      FROM akten.aktenplaneinheit e
     WHERE e.id = p_einheit AND e.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid
    UNION ALL
    SELECT p.id, p.parent_id, p.mandant_id, p.aufbewahrungsfrist, p.unbefristet, p.aussonderungsart, k.tiefe + 1,
           k.frist_da OR p.aufbewahrungsfrist IS NOT NULL OR p.unbefristet, k.art_da OR p.aussonderungsart IS NOT NULL
      FROM kette k JOIN akten.aktenplaneinheit p ON p.mandant_id = k.mandant_id AND p.id = k.parent_id
     -- only as far up as something is still missing
     WHERE k.tiefe < 50 AND ((NOT k.frist_da AND NOT p_unbefristet AND p_frist IS NULL) OR (NOT k.art_da AND p_art IS NULL))
  )
  SELECT CASE WHEN p_unbefristet OR p_frist IS NOT NULL THEN CASE WHEN p_unbefristet THEN NULL ELSE p_frist END ELSE f.aufbewahrungsfrist END,
         CASE WHEN p_unbefristet OR p_frist IS NOT NULL THEN p_unbefristet ELSE coalesce(f.unbefristet, false) END,
         NOT (p_unbefristet OR p_frist IS NOT NULL),
         coalesce(p_art, a.aussonderungsart),
         p_art IS NULL
    FROM (SELECT 1) eins
    LEFT JOIN LATERAL (SELECT k.aufbewahrungsfrist, k.unbefristet FROM kette k
                        WHERE k.aufbewahrungsfrist IS NOT NULL OR k.unbefristet ORDER BY k.tiefe LIMIT 1) f ON true
    LEFT JOIN LATERAL (SELECT k.aussonderungsart FROM kette k WHERE k.aussonderungsart IS NOT NULL ORDER BY k.tiefe LIMIT 1) a ON true
$$;
--> statement-breakpoint
-- THE hold gate (migration 0016) with the owner's rights: Akten and Dokumente ask it without grants
-- on the Aussonderung's tables, the Aussonderung without grants on Akten's and Dokumente's. Every
-- table is read in the transaction's tenant only: another tenant's hold never counts.
CREATE OR REPLACE FUNCTION "aussonderung"."aktive_loeschsperren"(p_typ text, p_id uuid) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH m AS (SELECT nullif(current_setting('app.mandant', true), '')::uuid AS id),
  ziel AS (
    SELECT a.id AS akte_id, NULL::uuid AS vorgang_id, NULL::uuid AS dokument_id, NULL::uuid AS eltern_id
      FROM akten.akte a, m WHERE p_typ = 'akte' AND a.id = p_id AND a.mandant_id = m.id
    UNION ALL
    SELECT v.akte_id, v.id, NULL::uuid, NULL::uuid FROM akten.vorgang v, m WHERE p_typ = 'vorgang' AND v.id = p_id AND v.mandant_id = m.id
    UNION ALL
    SELECT v.akte_id, v.id, d.id, d.eltern_dokument_id
      FROM dokumente.dokument d JOIN akten.vorgang v ON v.mandant_id = d.mandant_id AND v.id = d.vorgang_id, m
     WHERE p_typ = 'dokument' AND d.id = p_id AND d.mandant_id = m.id
  ), treffer AS (
    SELECT la.loeschsperre_id FROM aussonderung.loeschsperre_akte la JOIN ziel ON la.akte_id = ziel.akte_id, m
     WHERE la.mandant_id = m.id
    UNION
    SELECT lo.loeschsperre_id FROM aussonderung.loeschsperre_objekt lo JOIN ziel ON lo.akte_id = ziel.akte_id, m
     WHERE lo.mandant_id = m.id AND (ziel.vorgang_id IS NULL
        OR (lo.vorgang_id = ziel.vorgang_id AND (
              ziel.dokument_id IS NULL OR lo.dokument_id IS NULL OR lo.dokument_id = ziel.dokument_id OR lo.dokument_id = ziel.eltern_id
              OR lo.dokument_id IN (SELECT k.id FROM dokumente.dokument k WHERE k.mandant_id = m.id AND k.eltern_dokument_id = ziel.dokument_id)))))
  SELECT t.loeschsperre_id FROM treffer t
    JOIN aussonderung.loeschsperre l ON l.id = t.loeschsperre_id, m
   WHERE l.mandant_id = m.id AND l.aufgehoben_am IS NULL
$$;
--> statement-breakpoint
-- p_mandant must be the transaction's tenant as well: naming another tenant finds nothing
CREATE OR REPLACE FUNCTION "aussonderung"."loeschsperre_deckt"(p_mandant uuid, p_akte uuid, p_vorgang uuid, p_dokument uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM "aussonderung"."aktive_loeschsperren"(
      CASE WHEN p_dokument IS NOT NULL THEN 'dokument' WHEN p_vorgang IS NOT NULL THEN 'vorgang' ELSE 'akte' END,
      coalesce(p_dokument, p_vorgang, p_akte)) s(id)
    JOIN "aussonderung"."loeschsperre" l ON l.id = s.id
    WHERE l.mandant_id = p_mandant AND l.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid)
$$;
--> statement-breakpoint
-- the database's own hold gate on a transfer or destruction (the gate reads in the transaction's
-- tenant, which row-level security makes the row's)
CREATE OR REPLACE FUNCTION "aussonderung"."pruefe_loeschsperre"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.status IN ('abgegeben', 'archiviert', 'vernichtet') AND NEW.status IS DISTINCT FROM OLD.status
     AND EXISTS (SELECT 1 FROM "aussonderung"."aktive_loeschsperren"('akte', NEW.akte_id)) THEN
    RAISE EXCEPTION 'Löschsperre auf Akte %', NEW.akte_id USING ERRCODE = 'P0001', HINT = 'LOESCHSPERRE';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- The state views (migration 0021) with the owner's rights (security_invoker off): their readers need
-- no grants on the tables beneath; the tenant is named in each.
CREATE OR REPLACE VIEW "aussonderung"."teilstand" WITH (security_invoker = false) AS
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
           END AS vernichtet) k
 WHERE o.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
CREATE OR REPLACE VIEW "aussonderung"."aktenstand" WITH (security_invoker = false) AS
SELECT o.mandant_id, o.akte_id, o.aussonderung_id, o.status, o.archivkennung,
       coalesce(t.alle_entfernt, o.inhalt_geloescht_am IS NOT NULL) AS inhalt_entfernt,
       coalesce(t.teile, '[]'::jsonb) AS teile
  FROM "aussonderung"."aussonderung_objekt" o
  LEFT JOIN LATERAL (
    SELECT bool_and(s.inhalt_entfernt) AS alle_entfernt,
           jsonb_agg(jsonb_build_object('typ', s.typ, 'id', s.id, 'kennzeichen', s.kennzeichen, 'betreff', s.betreff,
                                        'bewertung', s.bewertung, 'status', s.status, 'archivkennung', s.archivkennung) ORDER BY s.reihenfolge) AS teile
      FROM "aussonderung"."teilstand" s
     WHERE s.mandant_id = o.mandant_id AND s.aussonderung_id = o.aussonderung_id AND s.akte_id = o.akte_id) t ON true
 WHERE o.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
