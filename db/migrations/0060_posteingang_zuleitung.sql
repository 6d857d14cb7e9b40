-- Issue 21: the Poststelle passes a Posteingang item on to an org unit's Postkorb or to a person
-- (Zuleitung) when it does not know the Vorgang itself; the receiver files it into one. The item stays
-- the Poststelle's receipt in the state `weitergeleitet` until then: nothing is copied, nothing filed
-- twice. The receiver is a user (`an_sub`) or an org unit (`an_oe_id`) of the same tenant: the foreign
-- keys carry `mandant_id`, so another tenant's id never matches. On filing, the item keeps the text of
-- its Eingangsstempel (`eingangsvermerk`): the record of the stamp also for a scan or an image, whose
-- content is not stamped (items assigned before this migration have none: they cannot be changed).
ALTER TABLE "dokumente"."posteingang_eintrag" ADD COLUMN "an_sub" text;--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD COLUMN "an_oe_id" uuid;--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD COLUMN "hinweis" text;--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD COLUMN "weitergeleitet_am" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD COLUMN "weitergeleitet_von" text;--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD COLUMN "eingangsvermerk" text;--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" DROP CONSTRAINT "posteingang_eintrag_status_ck";--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD CONSTRAINT "posteingang_eintrag_status_ck" CHECK ("dokumente"."posteingang_eintrag"."status" IN ('offen', 'weitergeleitet', 'zugeordnet'));--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" DROP CONSTRAINT "posteingang_eintrag_zuordnung_ck";--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD CONSTRAINT "posteingang_eintrag_zuordnung_ck" CHECK (("dokumente"."posteingang_eintrag"."status" = 'offen' AND "dokumente"."posteingang_eintrag"."dokument_id" IS NULL AND "dokumente"."posteingang_eintrag"."zugeordnet_am" IS NULL AND num_nonnulls("dokumente"."posteingang_eintrag"."an_sub", "dokumente"."posteingang_eintrag"."an_oe_id") = 0) OR ("dokumente"."posteingang_eintrag"."status" = 'weitergeleitet' AND "dokumente"."posteingang_eintrag"."dokument_id" IS NULL AND "dokumente"."posteingang_eintrag"."zugeordnet_am" IS NULL AND num_nonnulls("dokumente"."posteingang_eintrag"."an_sub", "dokumente"."posteingang_eintrag"."an_oe_id") = 1 AND "dokumente"."posteingang_eintrag"."weitergeleitet_am" IS NOT NULL AND "dokumente"."posteingang_eintrag"."weitergeleitet_von" IS NOT NULL) OR ("dokumente"."posteingang_eintrag"."status" = 'zugeordnet' AND "dokumente"."posteingang_eintrag"."dokument_id" IS NOT NULL AND "dokumente"."posteingang_eintrag"."vorgang_id" IS NOT NULL AND "dokumente"."posteingang_eintrag"."zugeordnet_am" IS NOT NULL AND "dokumente"."posteingang_eintrag"."zugeordnet_von" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD CONSTRAINT "posteingang_eintrag_hinweis_ck" CHECK ("dokumente"."posteingang_eintrag"."hinweis" IS NULL OR length("dokumente"."posteingang_eintrag"."hinweis") BETWEEN 1 AND 1000);--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD CONSTRAINT "posteingang_eintrag_an_benutzer_fk" FOREIGN KEY ("mandant_id","an_sub") REFERENCES "akten"."benutzer"("mandant_id","sub") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dokumente"."posteingang_eintrag" ADD CONSTRAINT "posteingang_eintrag_an_oe_fk" FOREIGN KEY ("mandant_id","an_oe_id") REFERENCES "akten"."organisationseinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- the receiver's list: what was passed on to a user, or to one of their org units, in arrival order
CREATE INDEX "posteingang_eintrag_an_sub_idx" ON "dokumente"."posteingang_eintrag" USING btree ("mandant_id","an_sub","id") WHERE "dokumente"."posteingang_eintrag"."status" = 'weitergeleitet';--> statement-breakpoint
CREATE INDEX "posteingang_eintrag_an_oe_idx" ON "dokumente"."posteingang_eintrag" USING btree ("mandant_id","an_oe_id","id") WHERE "dokumente"."posteingang_eintrag"."status" = 'weitergeleitet';--> statement-breakpoint
-- The receipt stays as it came in. Allowed: offen → weitergeleitet → (weitergeleitet →) zugeordnet, and
-- offen → zugeordnet; an assigned item never changes again, and nothing goes back to offen (a receiver
-- who is not responsible passes it on, e.g. to the Poststelle's org unit; the audit keeps every step).
CREATE OR REPLACE FUNCTION "dokumente"."posteingang_eintrag_unveraenderlich"() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF OLD.status = 'zugeordnet' THEN
    RAISE EXCEPTION 'Der Posteingangseintrag % ist bereits zugeordnet', OLD.id
      USING ERRCODE = 'P0001', HINT = 'POSTEINGANG_BEREITS_ZUGEORDNET';
  END IF;
  IF NEW.status = 'offen' AND OLD.status <> 'offen' THEN
    RAISE EXCEPTION 'Ein weitergeleiteter Posteingangseintrag wird nicht wieder offen; er wird weitergeleitet oder zugeordnet'
      USING ERRCODE = 'P0001', HINT = 'POSTEINGANG_UNVERAENDERLICH';
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
