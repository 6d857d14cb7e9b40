-- One login role per service (docs/datenbank-api.md). Each writes only its own schema; what another
-- service may read is granted from the database API list (packages/db/src/datenbank-api.ts) after the
-- migrations. Row-level security still applies: the policies target PUBLIC, and none of the roles
-- has BYPASSRLS. The roles are created outside the migrations (cluster level, like eakte_app).
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['eakte_akten', 'eakte_dokumente', 'eakte_aussonderung', 'eakte_protokoll'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      RAISE EXCEPTION 'role % is missing: create it (LOGIN, NOSUPERUSER, NOBYPASSRLS) before migrating (docs/datenbank-api.md)', r;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = r AND (rolsuper OR rolbypassrls)) THEN
      RAISE EXCEPTION 'role % must be NOSUPERUSER NOBYPASSRLS: row-level security keeps the tenants apart', r;
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- Every role may name objects in every schema; each object says who may use it.
GRANT USAGE ON SCHEMA "plattform", "akten", "dokumente", "aussonderung", "protokoll"
  TO eakte_akten, eakte_dokumente, eakte_aussonderung, eakte_protokoll;
--> statement-breakpoint
-- What the shared role held in a schema goes to the schema's service: the same privileges, table by
-- table (append-only audit tables stay append-only). plattform (tenants) belongs to Akten.
DO $$
DECLARE g record;
BEGIN
  FOR g IN
    SELECT n.nspname, c.relname, c.relkind, a.privilege_type
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
     WHERE a.grantee = 'eakte_app'::regrole
       AND n.nspname IN ('plattform', 'akten', 'dokumente', 'aussonderung', 'protokoll')
  LOOP
    EXECUTE format('GRANT %s ON %s %I.%I TO %I', g.privilege_type,
      CASE WHEN g.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, g.nspname, g.relname,
      CASE g.nspname WHEN 'plattform' THEN 'eakte_akten' ELSE 'eakte_' || g.nspname END);
  END LOOP;
END $$;
--> statement-breakpoint
-- column privileges (creating and changing tenants) are not in relacl: the same, column by column
DO $$
DECLARE g record;
BEGIN
  FOR g IN
    SELECT n.nspname, c.relname, a.attname, p.privilege_type
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
           aclexplode(a.attacl) p
     WHERE p.grantee = 'eakte_app'::regrole AND NOT a.attisdropped
       AND n.nspname IN ('plattform', 'akten', 'dokumente', 'aussonderung', 'protokoll')
  LOOP
    EXECUTE format('GRANT %s (%I) ON %I.%I TO %I', g.privilege_type, g.attname, g.nspname, g.relname,
      CASE g.nspname WHEN 'plattform' THEN 'eakte_akten' ELSE 'eakte_' || g.nspname END);
    EXECUTE format('REVOKE %s (%I) ON %I.%I FROM eakte_app', g.privilege_type, g.attname, g.nspname, g.relname);
  END LOOP;
END $$;
--> statement-breakpoint
-- tenants are readable by all services (the slug lookup, the tenant settings)
GRANT SELECT ON "plattform"."mandant" TO eakte_dokumente, eakte_aussonderung, eakte_protokoll;
--> statement-breakpoint
-- Functions: no longer executable by PUBLIC; each schema's service may run its own, another service
-- only what the database API publishes. Trigger functions need no EXECUTE when they fire.
DO $$
DECLARE f record;
BEGIN
  FOR f IN
    SELECT p.oid::regprocedure AS sig, n.nspname
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ('plattform', 'akten', 'dokumente', 'aussonderung', 'protokoll')
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC, eakte_app', f.sig);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f.sig,
      CASE f.nspname WHEN 'plattform' THEN 'eakte_akten' ELSE 'eakte_' || f.nspname END);
  END LOOP;
END $$;
--> statement-breakpoint
-- functions created by later migrations follow the same rule without repeating it
-- (PUBLIC's EXECUTE is a global default: a per-schema REVOKE would not remove it)
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "plattform", "akten" GRANT EXECUTE ON FUNCTIONS TO eakte_akten;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "dokumente" GRANT EXECUTE ON FUNCTIONS TO eakte_dokumente;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "aussonderung" GRANT EXECUTE ON FUNCTIONS TO eakte_aussonderung;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "protokoll" GRANT EXECUTE ON FUNCTIONS TO eakte_protokoll;
--> statement-breakpoint
-- The shared role keeps nothing: it exists only because migration 0001 checks for it.
REVOKE ALL ON ALL TABLES IN SCHEMA "plattform", "akten", "dokumente", "aussonderung", "protokoll" FROM eakte_app;
--> statement-breakpoint
REVOKE ALL ON ALL SEQUENCES IN SCHEMA "plattform", "akten", "dokumente", "aussonderung", "protokoll" FROM eakte_app;
--> statement-breakpoint
REVOKE USAGE ON SCHEMA "plattform", "akten", "dokumente", "aussonderung", "protokoll" FROM eakte_app;
--> statement-breakpoint
-- Filing a Systemdokument (Aussonderung's Vernichtungsprotokoll) without writing other schemas:
-- Akten publishes the step that finds or opens the Vorgang, Dokumente the step that files the
-- Dokument. SECURITY DEFINER: they write with the owner's rights, and the tenant is the
-- transaction's (app.mandant; the tables FORCE row-level security, so the owner is held to it too).
CREATE FUNCTION "akten"."vorgang_fuer_systemdokument"(p_akte uuid, p_betreff text, p_vorgang uuid, p_erstellt_von text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m uuid := nullif(current_setting('app.mandant', true), '')::uuid;
  a record;
  v record;
  nr integer;
BEGIN
  IF m IS NULL THEN RAISE EXCEPTION 'no tenant transaction' USING ERRCODE = '42501'; END IF;
  -- the Akte row lock orders this against a concurrent z.d.A. and other new Vorgänge
  SELECT id, aktenzeichen, status INTO a FROM akten.akte WHERE mandant_id = m AND id = p_akte FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('abgelegt', false, 'grund', 'AKTE_FEHLT'); END IF;
  IF a.status <> 'offen' THEN RETURN jsonb_build_object('abgelegt', false, 'grund', 'AKTE_GESCHLOSSEN'); END IF;
  SELECT id, kennzeichen INTO v FROM akten.vorgang
   WHERE mandant_id = m AND akte_id = p_akte AND betreff = p_betreff AND status = 'offen'
   ORDER BY laufende_nummer LIMIT 1;
  IF FOUND THEN
    RETURN jsonb_build_object('abgelegt', true, 'akteId', a.id, 'aktenzeichen', a.aktenzeichen, 'vorgangId', v.id, 'vorgangKennzeichen', v.kennzeichen, 'vorgangNeu', false);
  END IF;
  UPDATE akten.akte SET letzte_vorgang_nummer = letzte_vorgang_nummer + 1 WHERE mandant_id = m AND id = p_akte RETURNING letzte_vorgang_nummer INTO nr;
  -- the Akten service's Kennzeichen: `<Aktenzeichen>-<nnn>`, at least three digits
  INSERT INTO akten.vorgang (id, mandant_id, akte_id, laufende_nummer, kennzeichen, betreff, erstellt_von)
  VALUES (p_vorgang, m, p_akte, nr, a.aktenzeichen || '-' || CASE WHEN nr < 100 THEN lpad(nr::text, 3, '0') ELSE nr::text END, p_betreff, p_erstellt_von)
  RETURNING id, kennzeichen INTO v;
  RETURN jsonb_build_object('abgelegt', true, 'akteId', a.id, 'aktenzeichen', a.aktenzeichen, 'vorgangId', v.id, 'vorgangKennzeichen', v.kennzeichen, 'vorgangNeu', true);
END $$;
--> statement-breakpoint
-- the same rows an upload writes: the Dokument, version 1, and the text-extraction job (searchable like any PDF)
CREATE FUNCTION "dokumente"."lege_systemdokument_ab"(
  p_vorgang uuid, p_dokument uuid, p_betreff text, p_datum date, p_dateiname text, p_mime_type text,
  p_groesse bigint, p_sha256 text, p_speicherschluessel text, p_erstellt_von text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m uuid := nullif(current_setting('app.mandant', true), '')::uuid;
BEGIN
  IF m IS NULL THEN RAISE EXCEPTION 'no tenant transaction' USING ERRCODE = '42501'; END IF;
  INSERT INTO dokumente.dokument (id, mandant_id, vorgang_id, betreff, datum_des_schreibens, erstellt_von)
  VALUES (p_dokument, m, p_vorgang, p_betreff, p_datum, p_erstellt_von);
  INSERT INTO dokumente.dokument_version (mandant_id, dokument_id, nr, speicherschluessel, groesse, sha256, mime_type, dateiname, erstellt_von)
  VALUES (m, p_dokument, 1, p_speicherschluessel, p_groesse, p_sha256, p_mime_type, p_dateiname, p_erstellt_von);
  INSERT INTO dokumente.auftrag (art, mandant_id, dokument_id, version_nr) VALUES ('textextraktion', m, p_dokument, 1);
END $$;
