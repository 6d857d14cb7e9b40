-- The Posteingang (issue 21): incoming items not yet assigned to a Vorgang (uploads, mails from the
-- tenant's function mailboxes), and the function mailboxes themselves. Owned by Dokumente: an item's
-- content is stored like a version's and becomes one on assignment.
CREATE TABLE "dokumente"."posteingang_eintrag" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"art" text NOT NULL,
	"status" text DEFAULT 'offen' NOT NULL,
	"betreff" text NOT NULL,
	"absender" text,
	"empfaenger" text,
	"datum_des_schreibens" date,
	"eingangsdatum" date NOT NULL,
	"anlagen" integer DEFAULT 0 NOT NULL,
	"message_id" text,
	"postfach_id" uuid,
	"speicherschluessel" text NOT NULL,
	"groesse" bigint NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"dateiname" text NOT NULL,
	"eingegangen_am" timestamp with time zone DEFAULT now() NOT NULL,
	"eingegangen_von" text NOT NULL,
	"dokument_id" uuid,
	"vorgang_id" uuid,
	"zugeordnet_am" timestamp with time zone,
	"zugeordnet_von" text,
	CONSTRAINT "posteingang_eintrag_speicherschluessel_uq" UNIQUE("speicherschluessel"),
	CONSTRAINT "posteingang_eintrag_art_ck" CHECK ("dokumente"."posteingang_eintrag"."art" IN ('upload', 'mail')),
	CONSTRAINT "posteingang_eintrag_status_ck" CHECK ("dokumente"."posteingang_eintrag"."status" IN ('offen', 'zugeordnet')),
	CONSTRAINT "posteingang_eintrag_zuordnung_ck" CHECK (("dokumente"."posteingang_eintrag"."status" = 'offen' AND "dokumente"."posteingang_eintrag"."dokument_id" IS NULL AND "dokumente"."posteingang_eintrag"."zugeordnet_am" IS NULL) OR ("dokumente"."posteingang_eintrag"."status" = 'zugeordnet' AND "dokumente"."posteingang_eintrag"."dokument_id" IS NOT NULL AND "dokumente"."posteingang_eintrag"."vorgang_id" IS NOT NULL AND "dokumente"."posteingang_eintrag"."zugeordnet_am" IS NOT NULL AND "dokumente"."posteingang_eintrag"."zugeordnet_von" IS NOT NULL)),
	CONSTRAINT "posteingang_eintrag_betreff_ck" CHECK (length("dokumente"."posteingang_eintrag"."betreff") BETWEEN 1 AND 500),
	CONSTRAINT "posteingang_eintrag_absender_ck" CHECK ("dokumente"."posteingang_eintrag"."absender" IS NULL OR length("dokumente"."posteingang_eintrag"."absender") <= 500),
	CONSTRAINT "posteingang_eintrag_empfaenger_ck" CHECK ("dokumente"."posteingang_eintrag"."empfaenger" IS NULL OR length("dokumente"."posteingang_eintrag"."empfaenger") <= 4000),
	CONSTRAINT "posteingang_eintrag_message_id_ck" CHECK ("dokumente"."posteingang_eintrag"."message_id" IS NULL OR length("dokumente"."posteingang_eintrag"."message_id") BETWEEN 1 AND 998),
	CONSTRAINT "posteingang_eintrag_anlagen_ck" CHECK ("dokumente"."posteingang_eintrag"."anlagen" >= 0),
	CONSTRAINT "posteingang_eintrag_groesse_ck" CHECK ("dokumente"."posteingang_eintrag"."groesse" >= 0),
	CONSTRAINT "posteingang_eintrag_sha256_ck" CHECK ("dokumente"."posteingang_eintrag"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "posteingang_eintrag_schluessel_ck" CHECK (starts_with("dokumente"."posteingang_eintrag"."speicherschluessel", "dokumente"."posteingang_eintrag"."mandant_id"::text || '/')),
	CONSTRAINT "posteingang_eintrag_dateiname_ck" CHECK (length("dokumente"."posteingang_eintrag"."dateiname") BETWEEN 1 AND 255)
);
--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dokumente"."postfach" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"bezeichnung" text NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"sicherheit" text DEFAULT 'tls' NOT NULL,
	"benutzer" text NOT NULL,
	"geheimnis" text NOT NULL,
	"ordner" text DEFAULT 'INBOX' NOT NULL,
	"ziel" text DEFAULT 'posteingang' NOT NULL,
	"aktiv" boolean DEFAULT true NOT NULL,
	"zustand" text DEFAULT 'neu' NOT NULL,
	"fehler" text,
	"fehlversuche" integer DEFAULT 0 NOT NULL,
	"letzter_abruf" timestamp with time zone,
	"naechster_abruf" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postfach_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "postfach_bezeichnung_ck" CHECK (length("dokumente"."postfach"."bezeichnung") BETWEEN 1 AND 200),
	CONSTRAINT "postfach_host_ck" CHECK (length("dokumente"."postfach"."host") BETWEEN 1 AND 253),
	CONSTRAINT "postfach_port_ck" CHECK ("dokumente"."postfach"."port" BETWEEN 1 AND 65535),
	CONSTRAINT "postfach_sicherheit_ck" CHECK ("dokumente"."postfach"."sicherheit" IN ('tls', 'starttls', 'keine')),
	CONSTRAINT "postfach_benutzer_ck" CHECK (length("dokumente"."postfach"."benutzer") BETWEEN 1 AND 320),
	CONSTRAINT "postfach_ordner_ck" CHECK (length("dokumente"."postfach"."ordner") BETWEEN 1 AND 200),
	CONSTRAINT "postfach_ziel_ck" CHECK ("dokumente"."postfach"."ziel" IN ('posteingang')),
	CONSTRAINT "postfach_zustand_ck" CHECK ("dokumente"."postfach"."zustand" IN ('neu', 'bereit', 'fehler')),
	CONSTRAINT "postfach_fehler_ck" CHECK ("dokumente"."postfach"."fehler" IS NULL OR length("dokumente"."postfach"."fehler") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "dokumente"."postfach" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD CONSTRAINT "posteingang_eintrag_dokument_fk" FOREIGN KEY ("mandant_id","dokument_id") REFERENCES "dokumente"."dokument"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD CONSTRAINT "posteingang_eintrag_postfach_fk" FOREIGN KEY ("mandant_id","postfach_id") REFERENCES "dokumente"."postfach"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "posteingang_eintrag_status_idx" ON "dokumente"."posteingang_eintrag" USING btree ("mandant_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "posteingang_eintrag_mail_uq" ON "dokumente"."posteingang_eintrag" USING btree ("mandant_id","postfach_id",coalesce("message_id", ''),"sha256") WHERE "dokumente"."posteingang_eintrag"."postfach_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "postfach_faellig_idx" ON "dokumente"."postfach" USING btree ("naechster_abruf") WHERE "dokumente"."postfach"."aktiv";--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."posteingang_eintrag" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."posteingang_eintrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."posteingang_eintrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "dokumente"."postfach" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."postfach"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("dokumente"."postfach"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "dokumente"."postfach" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- items are never deleted (a receipt is evidence); assignment is an UPDATE
GRANT SELECT, INSERT, UPDATE ON "dokumente"."posteingang_eintrag" TO eakte_dokumente;
--> statement-breakpoint
-- mailboxes are maintained (and their state written by the poller); none is deleted, it is switched off
GRANT SELECT, INSERT, UPDATE ON "dokumente"."postfach" TO eakte_dokumente;
--> statement-breakpoint
-- An item's receipt stays as it came in: only the one step offen → zugeordnet is allowed, and an
-- assigned item never changes again (not even back to offen), whatever the service does.
CREATE FUNCTION "dokumente"."posteingang_eintrag_unveraenderlich"() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF OLD.status <> 'offen' THEN
    RAISE EXCEPTION 'Der Posteingangseintrag % ist bereits zugeordnet', OLD.id
      USING ERRCODE = 'P0001', HINT = 'POSTEINGANG_BEREITS_ZUGEORDNET';
  END IF;
  IF (NEW.id, NEW.mandant_id, NEW.art, NEW.betreff, NEW.absender, NEW.empfaenger, NEW.datum_des_schreibens, NEW.eingangsdatum,
      NEW.anlagen, NEW.message_id, NEW.postfach_id, NEW.speicherschluessel, NEW.groesse, NEW.sha256, NEW.mime_type,
      NEW.dateiname, NEW.eingegangen_am, NEW.eingegangen_von)
     IS DISTINCT FROM
     (OLD.id, OLD.mandant_id, OLD.art, OLD.betreff, OLD.absender, OLD.empfaenger, OLD.datum_des_schreibens, OLD.eingangsdatum,
      OLD.anlagen, OLD.message_id, OLD.postfach_id, OLD.speicherschluessel, OLD.groesse, OLD.sha256, OLD.mime_type,
      OLD.dateiname, OLD.eingegangen_am, OLD.eingegangen_von) THEN
    RAISE EXCEPTION 'Der Eingang eines Posteingangseintrags ist unveränderlich'
      USING ERRCODE = 'P0001', HINT = 'POSTEINGANG_UNVERAENDERLICH';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "posteingang_eintrag_unveraenderlich" BEFORE UPDATE ON "dokumente"."posteingang_eintrag"
  FOR EACH ROW EXECUTE FUNCTION "dokumente"."posteingang_eintrag_unveraenderlich"();
