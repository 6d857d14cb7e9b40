ALTER TABLE "dokumente"."dokument" ADD COLUMN "empfaenger" text;--> statement-breakpoint
ALTER TABLE "dokumente"."dokument" ADD COLUMN "eltern_dokument_id" uuid;--> statement-breakpoint
ALTER TABLE "dokumente"."dokument" ADD CONSTRAINT "dokument_mandant_vorgang_id_uq" UNIQUE("mandant_id","vorgang_id","id");--> statement-breakpoint
ALTER TABLE "dokumente"."dokument" ADD CONSTRAINT "dokument_eltern_fk" FOREIGN KEY ("mandant_id","vorgang_id","eltern_dokument_id") REFERENCES "dokumente"."dokument"("mandant_id","vorgang_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dokument_eltern_idx" ON "dokumente"."dokument" USING btree ("mandant_id","eltern_dokument_id","id");--> statement-breakpoint
ALTER TABLE "dokumente"."dokument" ADD CONSTRAINT "dokument_empfaenger_ck" CHECK ("dokumente"."dokument"."empfaenger" IS NULL OR length("dokumente"."dokument"."empfaenger") <= 4000);--> statement-breakpoint
ALTER TABLE "dokumente"."dokument" ADD CONSTRAINT "dokument_eltern_ck" CHECK ("dokumente"."dokument"."eltern_dokument_id" IS NULL OR "dokumente"."dokument"."eltern_dokument_id" <> "dokumente"."dokument"."id");