-- Audit append without a per-tenant lock (issue 22). Services append through the published function
-- protokoll.protokolliere in their own transaction; the Protokoll service's sequencer later numbers
-- committed events per tenant (gap-free), chains them and extends the tenant's Merkle tree (RFC 6962).
-- Events appended before this migration keep their sequence and chain hash; they become the first
-- leaves of the tree (leaf bytes: their chain encoding, sequence included; docs/protokoll-merkle.md).
CREATE SEQUENCE "protokoll"."ereignis_eingang_seq";
--> statement-breakpoint
-- the order of arrival (not gap-free, not per tenant): the sequencer integrates in this order
ALTER TABLE "protokoll"."ereignis" ADD COLUMN "eingang" bigint NOT NULL DEFAULT nextval('protokoll.ereignis_eingang_seq');
--> statement-breakpoint
-- the leaf's canonical bytes (UTF-8 JSON, without the sequence) and SHA-256(0x00 || bytes)
ALTER TABLE "protokoll"."ereignis" ADD COLUMN "kanonisch" text, ADD COLUMN "blatt" bytea;
--> statement-breakpoint
ALTER TABLE "protokoll"."ereignis" DROP CONSTRAINT "ereignis_pk";
--> statement-breakpoint
ALTER TABLE "protokoll"."ereignis" ALTER COLUMN "sequenz" DROP NOT NULL, ALTER COLUMN "hash" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "protokoll"."ereignis" ADD CONSTRAINT "ereignis_pk" PRIMARY KEY ("mandant_id", "eingang", "zeit");
--> statement-breakpoint
CREATE UNIQUE INDEX "ereignis_sequenz_idx" ON "protokoll"."ereignis" ("mandant_id", "sequenz", "zeit");
--> statement-breakpoint
-- the sequencer's backlog: events not yet numbered
CREATE INDEX "ereignis_rueckstand_idx" ON "protokoll"."ereignis" ("mandant_id", "eingang") WHERE "sequenz" IS NULL;
--> statement-breakpoint
-- Append-only still, with one exception: the sequencer sets sequence and chain hash of an event that
-- has none yet, and nothing else. DELETE and TRUNCATE stay refused by the statement trigger.
DROP TRIGGER "ereignis_unveraenderlich" ON "protokoll"."ereignis";
--> statement-breakpoint
CREATE TRIGGER "ereignis_unveraenderlich" BEFORE DELETE OR TRUNCATE ON "protokoll"."ereignis"
  FOR EACH STATEMENT EXECUTE FUNCTION "protokoll"."unveraenderlich"();
--> statement-breakpoint
DROP TRIGGER "ereignis_unveraenderlich_zeile" ON "protokoll"."ereignis";
--> statement-breakpoint
CREATE FUNCTION "protokoll"."nur_sequenzierung"() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  neu record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.sequenz IS NULL AND NEW.sequenz IS NOT NULL AND NEW.hash IS NOT NULL THEN
    neu := NEW;
    neu.sequenz := NULL;
    neu.hash := OLD.hash;
    IF neu IS NOT DISTINCT FROM OLD THEN RETURN NEW; END IF;
  END IF;
  RAISE EXCEPTION 'Das Protokoll ist unveränderlich: % auf %.% ist nicht erlaubt', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "ereignis_unveraenderlich_zeile" BEFORE UPDATE OR DELETE ON "protokoll"."ereignis"
  FOR EACH ROW EXECUTE FUNCTION "protokoll"."nur_sequenzierung"();
--> statement-breakpoint
-- THE audit port: appends one event of the transaction's tenant (app.mandant) with its leaf bytes and
-- leaf hash, and takes no lock but the row's own. The caller sends the fields and the canonical bytes
-- up to the time (every field but `zeit`, which sorts last); the time is the database's.
CREATE FUNCTION "protokoll"."protokolliere"(p_ereignis jsonb, p_kopf text)
RETURNS TABLE (eingang bigint, zeit text, blatt text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  m uuid := nullif(current_setting('app.mandant', true), '')::uuid;
  z timestamptz := clock_timestamp();
  zt text := to_char(z AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
  k text;
  b bytea;
  e bigint;
BEGIN
  IF m IS NULL THEN RAISE EXCEPTION 'no tenant transaction' USING ERRCODE = '42501'; END IF;
  IF (p_ereignis ->> 'mandantId') IS DISTINCT FROM m::text OR left(p_kopf, 1) <> '{'
     OR position(',"mandantId":"' || m::text || '",' IN p_kopf) = 0 THEN
    RAISE EXCEPTION 'audit event of another tenant' USING ERRCODE = '42501';
  END IF;
  k := p_kopf || ',"zeit":"' || zt || '"}';
  b := sha256('\x00'::bytea || convert_to(k, 'UTF8'));
  INSERT INTO protokoll.ereignis AS r (mandant_id, sequenz, zeit, akteur_sub, akteur_name, akteur_rollen, akteur_client,
    aktion, objekt_typ, objekt_id, aktenzeichen, akte_id, aenderungen, ergebnis, details, request_id, client_ip, hash, kanonisch, blatt)
  VALUES (m, NULL, z, p_ereignis ->> 'akteurSub', p_ereignis ->> 'akteurName',
    ARRAY(SELECT jsonb_array_elements_text(p_ereignis -> 'akteurRollen')), p_ereignis ->> 'akteurClient',
    p_ereignis ->> 'aktion', p_ereignis ->> 'objektTyp', p_ereignis ->> 'objektId', p_ereignis ->> 'aktenzeichen',
    p_ereignis ->> 'akteId', p_ereignis -> 'aenderungen', p_ereignis ->> 'ergebnis', p_ereignis -> 'details',
    p_ereignis ->> 'requestId', p_ereignis ->> 'clientIp', NULL, k, b)
  RETURNING r.eingang INTO e;
  RETURN QUERY SELECT e, zt, encode(b, 'hex');
END $$;
--> statement-breakpoint
-- The sequencer's round: the tenants with events waiting, in one call instead of one query per tenant.
CREATE FUNCTION "protokoll"."mandanten_mit_rueckstand"() RETURNS SETOF uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE m uuid;
BEGIN
  PERFORM set_config('app.plattformbetrieb', 'an', true);
  FOR m IN SELECT id FROM plattform.mandant LOOP
    PERFORM set_config('app.mandant', m::text, true);
    IF EXISTS (SELECT 1 FROM protokoll.ereignis e WHERE e.mandant_id = m AND e.sequenz IS NULL) THEN RETURN NEXT m; END IF;
  END LOOP;
  PERFORM set_config('app.mandant', '', true);
  PERFORM set_config('app.plattformbetrieb', '', true);
END $$;
--> statement-breakpoint
-- The Merkle tree of a tenant's log: every complete subtree, by level (0 = leaves) and index within
-- the level; the leaf with index i is the event with sequence i + 1.
CREATE TABLE "protokoll"."baumknoten" (
  "mandant_id" uuid NOT NULL REFERENCES "plattform"."mandant"("id"),
  "ebene" smallint NOT NULL,
  "index" bigint NOT NULL,
  "hash" bytea NOT NULL,
  CONSTRAINT "baumknoten_pk" PRIMARY KEY ("mandant_id", "ebene", "index")
);
--> statement-breakpoint
-- The tree's size per tenant (how many sequenced events it holds) and its root.
CREATE TABLE "protokoll"."baum" (
  "mandant_id" uuid PRIMARY KEY NOT NULL REFERENCES "plattform"."mandant"("id"),
  "groesse" bigint NOT NULL DEFAULT 0,
  "wurzel" bytea NOT NULL
);
--> statement-breakpoint
-- Signed checkpoints of the tree in the C2SP signed-note format (the whole note, as published).
CREATE TABLE "protokoll"."baum_checkpoint" (
  "mandant_id" uuid NOT NULL REFERENCES "plattform"."mandant"("id"),
  "groesse" bigint NOT NULL,
  "wurzel" bytea NOT NULL,
  "zeit" timestamp with time zone NOT NULL DEFAULT now(),
  "notiz" text NOT NULL,
  CONSTRAINT "baum_checkpoint_pk" PRIMARY KEY ("mandant_id", "groesse", "zeit")
);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['baumknoten', 'baum', 'baum_checkpoint'] LOOP
    EXECUTE format('ALTER TABLE protokoll.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE protokoll.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($f$CREATE POLICY mandant_isolation ON protokoll.%I AS PERMISSIVE FOR ALL TO public
      USING (mandant_id = nullif(current_setting('app.mandant', true), '')::uuid)
      WITH CHECK (mandant_id = nullif(current_setting('app.mandant', true), '')::uuid)$f$, t);
  END LOOP;
END $$;
--> statement-breakpoint
-- tree nodes and checkpoints are append-only like the events; the size row moves
CREATE TRIGGER "baumknoten_unveraenderlich" BEFORE UPDATE OR DELETE OR TRUNCATE ON "protokoll"."baumknoten"
  FOR EACH STATEMENT EXECUTE FUNCTION "protokoll"."unveraenderlich"();
--> statement-breakpoint
CREATE TRIGGER "baum_checkpoint_unveraenderlich" BEFORE UPDATE OR DELETE OR TRUNCATE ON "protokoll"."baum_checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "protokoll"."unveraenderlich"();
--> statement-breakpoint
GRANT SELECT, INSERT ON "protokoll"."baumknoten", "protokoll"."baum_checkpoint" TO eakte_protokoll;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "protokoll"."baum" TO eakte_protokoll;
--> statement-breakpoint
-- the sequencer numbers and chains (the row trigger allows nothing else)
GRANT UPDATE ("sequenz", "hash") ON "protokoll"."ereignis" TO eakte_protokoll;
--> statement-breakpoint
-- The history view Aussonderung reads now runs with its owner's rights (Aussonderung no longer reads
-- the events table); the tenant condition is written out, as in the other published views. `eingang`
-- orders the events the sequencer has not numbered yet (their sequenz is null).
CREATE OR REPLACE VIEW "protokoll"."objekthistorie" WITH (security_invoker = false) AS
  SELECT e.mandant_id, e.objekt_id, e.sequenz, e.zeit, e.akteur_name, e.akteur_sub, e.aktion, e.aenderungen, e.eingang
    FROM "protokoll"."ereignis" e
   WHERE e.objekt_id IS NOT NULL AND e.ergebnis = 'erfolg'
     AND e.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
