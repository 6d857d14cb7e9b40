-- Akten publishes to Dokumente (docs/datenbank-api.md) what filing, listing and the Aktenauszug need
-- of an Akte and its Vorgänge, the clearance of a user, and the lock that keeps a Vorgang open while
-- a Dokument is filed. Plain views and a SECURITY DEFINER function owned by the owner: FORCE ROW LEVEL
-- SECURITY holds the owner to the tenant too, and each also names the tenant (app.mandant) itself.
-- Who may read or run them is granted from the database API list (packages/db/src/datenbank-api.ts).
CREATE VIEW "akten"."vorgang_kontext" AS
SELECT v.mandant_id, v.id AS vorgang_id, v.akte_id, v.kennzeichen, v.status AS vorgang_status, v.laufende_nummer,
       a.aktenzeichen, a.status AS akte_status, a.vertraulichkeitsstufe, a.federfuehrung_id
  FROM "akten"."vorgang" v
  JOIN "akten"."akte" a ON a.mandant_id = v.mandant_id AND a.id = v.akte_id
 WHERE v.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
CREATE VIEW "akten"."akte_kopf" AS
SELECT a.mandant_id, a.id, a.aktenzeichen, a.betreff, a.status, a.vertraulichkeitsstufe, a.federfuehrung_id,
       a.laufzeit_beginn, a.laufzeit_ende, a.zda_datum, a.aufbewahrung_bis, a.unbefristet
  FROM "akten"."akte" a
 WHERE a.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
CREATE VIEW "akten"."benutzer_sicht" AS
SELECT b.mandant_id, b.sub, b.freigabe,
       array(SELECT bo.organisationseinheit_id::text FROM "akten"."benutzer_organisationseinheit" bo
              WHERE bo.mandant_id = b.mandant_id AND bo.sub = b.sub) AS organisationseinheiten
  FROM "akten"."benutzer" b
 WHERE b.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
-- share-locks the Vorgang and its Akte until the caller's transaction ends: a concurrent z.d.A. waits
CREATE FUNCTION "akten"."halte_vorgang_offen"(p_vorgang_id uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM 1 FROM "akten"."vorgang" v JOIN "akten"."akte" a ON a.mandant_id = v.mandant_id AND a.id = v.akte_id
   WHERE v.id = p_vorgang_id AND v.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid FOR SHARE OF v, a;
END $$;
