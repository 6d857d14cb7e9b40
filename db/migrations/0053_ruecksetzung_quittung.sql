-- A database restored from a backup ends before the newest signed checkpoint in object storage: the
-- verification reports it (abgeschnitten/checkpoint) until someone of the tenant's Prüfung
-- acknowledges it with a reason. The acknowledgement names the checkpoint it covers (sequence and
-- hash) and the chain head it was given at; written once, never changed, and itself audited.
CREATE TABLE "protokoll"."ruecksetzung_quittung" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"checkpoint_sequenz" bigint NOT NULL,
	"checkpoint_hash" text NOT NULL,
	"checkpoint_schluessel" text NOT NULL,
	"ketten_sequenz" bigint NOT NULL,
	"grund" text NOT NULL,
	"akteur_sub" text NOT NULL,
	"akteur_name" text NOT NULL,
	"zeit" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ruecksetzung_quittung_uq" UNIQUE("mandant_id","checkpoint_sequenz","checkpoint_hash"),
	CONSTRAINT "ruecksetzung_quittung_grund_ck" CHECK (length(btrim("protokoll"."ruecksetzung_quittung"."grund")) >= 10),
	CONSTRAINT "ruecksetzung_quittung_hash_ck" CHECK ("protokoll"."ruecksetzung_quittung"."checkpoint_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "ruecksetzung_quittung_rueckfall_ck" CHECK ("protokoll"."ruecksetzung_quittung"."ketten_sequenz" >= 0 AND "protokoll"."ruecksetzung_quittung"."checkpoint_sequenz" > 0)
);
--> statement-breakpoint
ALTER TABLE "protokoll"."ruecksetzung_quittung" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "protokoll"."ruecksetzung_quittung" ADD CONSTRAINT "ruecksetzung_quittung_mandant_id_mandant_id_fk" FOREIGN KEY ("mandant_id") REFERENCES "plattform"."mandant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "protokoll"."ruecksetzung_quittung" AS PERMISSIVE FOR ALL TO public USING ("protokoll"."ruecksetzung_quittung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("protokoll"."ruecksetzung_quittung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "protokoll"."ruecksetzung_quittung" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- written once, never changed
GRANT SELECT, INSERT ON "protokoll"."ruecksetzung_quittung" TO eakte_protokoll;
