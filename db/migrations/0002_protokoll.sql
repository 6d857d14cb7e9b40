CREATE SCHEMA "protokoll";
--> statement-breakpoint
CREATE TABLE "protokoll"."checkpoint" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"sequenz" bigint NOT NULL,
	"hash" text NOT NULL,
	"zeit" timestamp with time zone NOT NULL,
	"schluessel_id" text NOT NULL,
	"signatur" text NOT NULL,
	"objekt_schluessel" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "protokoll"."checkpoint" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
-- Edited by hand: drizzle-kit cannot emit partitioning. The monthly partitions are created in 0003.
CREATE TABLE "protokoll"."ereignis" (
	"mandant_id" uuid NOT NULL,
	"sequenz" bigint NOT NULL,
	"zeit" timestamp with time zone NOT NULL,
	"akteur_sub" text NOT NULL,
	"akteur_name" text NOT NULL,
	"akteur_rollen" text[] NOT NULL,
	"akteur_client" text,
	"aktion" text NOT NULL,
	"objekt_typ" text NOT NULL,
	"objekt_id" text,
	"aktenzeichen" text,
	"akte_id" text,
	"aenderungen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ergebnis" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text,
	"client_ip" text,
	"hash" text NOT NULL,
	CONSTRAINT "ereignis_pk" PRIMARY KEY("mandant_id","sequenz","zeit")
) PARTITION BY RANGE ("zeit");
--> statement-breakpoint
ALTER TABLE "protokoll"."ereignis" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "protokoll"."kette" (
	"mandant_id" uuid PRIMARY KEY NOT NULL,
	"sequenz" bigint DEFAULT 0 NOT NULL,
	"hash" text NOT NULL,
	"zeit" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "protokoll"."kette" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "protokoll"."checkpoint" ADD CONSTRAINT "checkpoint_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protokoll"."ereignis" ADD CONSTRAINT "ereignis_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protokoll"."kette" ADD CONSTRAINT "kette_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkpoint_sequenz_idx" ON "protokoll"."checkpoint" USING btree ("mandant_id","sequenz");--> statement-breakpoint
CREATE INDEX "ereignis_objekt_idx" ON "protokoll"."ereignis" USING btree ("mandant_id","objekt_id","sequenz");--> statement-breakpoint
CREATE INDEX "ereignis_akte_idx" ON "protokoll"."ereignis" USING btree ("mandant_id","akte_id","sequenz");--> statement-breakpoint
CREATE INDEX "ereignis_aktenzeichen_idx" ON "protokoll"."ereignis" USING btree ("mandant_id","aktenzeichen" text_pattern_ops,"sequenz");--> statement-breakpoint
CREATE INDEX "ereignis_akteur_idx" ON "protokoll"."ereignis" USING btree ("mandant_id","akteur_sub","sequenz");--> statement-breakpoint
CREATE INDEX "ereignis_aktion_idx" ON "protokoll"."ereignis" USING btree ("mandant_id","aktion","sequenz");--> statement-breakpoint
CREATE INDEX "ereignis_zeit_idx" ON "protokoll"."ereignis" USING btree ("mandant_id","zeit");--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "protokoll"."checkpoint" AS PERMISSIVE FOR ALL TO public USING ("protokoll"."checkpoint"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("protokoll"."checkpoint"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "protokoll"."ereignis" AS PERMISSIVE FOR ALL TO public USING ("protokoll"."ereignis"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("protokoll"."ereignis"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "protokoll"."kette" AS PERMISSIVE FOR ALL TO public USING ("protokoll"."kette"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("protokoll"."kette"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);