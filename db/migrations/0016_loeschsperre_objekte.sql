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
ALTER TABLE "aussonderung"."loeschsperre" ADD COLUMN "suche" jsonb;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_objekt" ADD CONSTRAINT "loeschsperre_objekt_sperre_fk" FOREIGN KEY ("mandant_id","loeschsperre_id") REFERENCES "aussonderung"."loeschsperre"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_objekt" ADD CONSTRAINT "loeschsperre_objekt_akte_fk" FOREIGN KEY ("mandant_id","akte_id") REFERENCES "akten"."akte"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_objekt" ADD CONSTRAINT "loeschsperre_objekt_vorgang_fk" FOREIGN KEY ("mandant_id","vorgang_id") REFERENCES "akten"."vorgang"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aussonderung"."loeschsperre_objekt" ADD CONSTRAINT "loeschsperre_objekt_dokument_fk" FOREIGN KEY ("mandant_id","vorgang_id","dokument_id") REFERENCES "dokumente"."dokument"("mandant_id","vorgang_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loeschsperre_objekt_akte_idx" ON "aussonderung"."loeschsperre_objekt" USING btree ("mandant_id","akte_id");--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "aussonderung"."loeschsperre_objekt" AS PERMISSIVE FOR ALL TO public USING ("aussonderung"."loeschsperre_objekt"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("aussonderung"."loeschsperre_objekt"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);