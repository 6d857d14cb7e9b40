CREATE TABLE "dokumente"."objektsperre_auftrag" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"akte_id" uuid NOT NULL,
	"speicherschluessel" text,
	"stand" integer DEFAULT 0 NOT NULL,
	"faellig_ab" timestamp with time zone DEFAULT now() NOT NULL,
	"versuche" integer DEFAULT 0 NOT NULL,
	"letzter_fehler" text,
	CONSTRAINT "objektsperre_auftrag_uq" UNIQUE NULLS NOT DISTINCT("mandant_id","akte_id","speicherschluessel")
);
--> statement-breakpoint
ALTER TABLE "dokumente"."objektsperre_auftrag" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "dokumente"."objektsperre_auftrag" ADD CONSTRAINT "objektsperre_auftrag_akte_fk" FOREIGN KEY ("mandant_id","akte_id") REFERENCES "akten"."akte"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objektsperre_auftrag_faellig_idx" ON "dokumente"."objektsperre_auftrag" USING btree ("faellig_ab");--> statement-breakpoint
CREATE POLICY "objektsperre_auftrag_zugriff" ON "dokumente"."objektsperre_auftrag" AS PERMISSIVE FOR ALL TO public USING ("dokumente"."objektsperre_auftrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid OR current_setting('app.dokumente_arbeiter', true) = 'an') WITH CHECK ("dokumente"."objektsperre_auftrag"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid OR current_setting('app.dokumente_arbeiter', true) = 'an');