CREATE TABLE "aussonderung"."auftrag" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"aussonderung_id" uuid NOT NULL,
	"art" text NOT NULL,
	"akte_id" uuid,
	"akteur" jsonb NOT NULL,
	"faellig_ab" timestamp with time zone DEFAULT now() NOT NULL,
	"versuche" integer DEFAULT 0 NOT NULL,
	"letzter_fehler" text,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auftrag_objekt_uq" UNIQUE NULLS NOT DISTINCT("mandant_id","aussonderung_id","art","akte_id"),
	CONSTRAINT "auftrag_art_ck" CHECK ("aussonderung"."auftrag"."art" IN ('vernichtung', 'loeschung-nach-import', 'vernichtungsprotokoll')),
	CONSTRAINT "auftrag_akte_ck" CHECK (("aussonderung"."auftrag"."art" = 'vernichtungsprotokoll') = ("aussonderung"."auftrag"."akte_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."auftrag" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "aussonderung"."loeschsperre_objekt" (
	"mandant_id" uuid NOT NULL,
	"loeschsperre_id" uuid NOT NULL,
	"akte_id" uuid NOT NULL,
	"vorgang_id" uuid NOT NULL,
	"dokument_id" uuid,
	CONSTRAINT "loeschsperre_objekt_uq" UNIQUE NULLS NOT DISTINCT("mandant_id","loeschsperre_id","vorgang_id","dokument_id")
);
--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_objekt" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" ADD COLUMN "loeschung" text;--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" ADD COLUMN "loesch_versuche" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" ADD COLUMN "loesch_fehler" text;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre" ADD COLUMN "suche" jsonb;--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" ADD COLUMN "protokoll_dokument_id" uuid;--> statement-breakpoint
ALTER TABLE "aussonderung"."auftrag" ADD CONSTRAINT "auftrag_aussonderung_fk" FOREIGN KEY ("mandant_id","aussonderung_id") REFERENCES "aussonderung"."aussonderung"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_objekt" ADD CONSTRAINT "loeschsperre_objekt_sperre_fk" FOREIGN KEY ("mandant_id","loeschsperre_id") REFERENCES "aussonderung"."loeschsperre"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_objekt" ADD CONSTRAINT "loeschsperre_objekt_akte_fk" FOREIGN KEY ("mandant_id","akte_id") REFERENCES "akten"."akte"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_objekt" ADD CONSTRAINT "loeschsperre_objekt_vorgang_fk" FOREIGN KEY ("mandant_id","vorgang_id") REFERENCES "akten"."vorgang"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_objekt" ADD CONSTRAINT "loeschsperre_objekt_dokument_fk" FOREIGN KEY ("mandant_id","vorgang_id","dokument_id") REFERENCES "dokumente"."dokument"("mandant_id","vorgang_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auftrag_faellig_idx" ON "aussonderung"."auftrag" USING btree ("faellig_ab");--> statement-breakpoint
CREATE INDEX "loeschsperre_objekt_akte_idx" ON "aussonderung"."loeschsperre_objekt" USING btree ("mandant_id","akte_id");--> statement-breakpoint
ALTER TABLE "aussonderung"."vernichtung" ADD CONSTRAINT "vernichtung_protokoll_dokument_fk" FOREIGN KEY ("mandant_id","protokoll_dokument_id") REFERENCES "dokumente"."dokument"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."aussonderung_objekt" ADD CONSTRAINT "aussonderung_objekt_loeschung_ck" CHECK ("aussonderung"."aussonderung_objekt"."loeschung" IN ('ausstehend', 'erledigt', 'gesperrt'));--> statement-breakpoint
CREATE POLICY "auftrag_zugriff" ON "aussonderung"."auftrag" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."auftrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid OR current_setting('app.aussonderung_arbeiter', true) = 'an') WITH CHECK ("aussonderung"."auftrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid OR current_setting('app.aussonderung_arbeiter', true) = 'an');--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."loeschsperre_objekt" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."loeschsperre_objekt"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."loeschsperre_objekt"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);