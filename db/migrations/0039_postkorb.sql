-- The Postkorb (issue 20): sorted by Frist (none: last), so overdue steps come first, and filtered
-- by Frist (fällig bis: a range on the same column), by Vorgang (verfuegung_vorgang_idx) and by
-- Absender, the Verfügung's Verfasser. One index per part of the Postkorb, as the arrival order has
-- since 0036; the Wiedervorlagen read wiedervorlage_sub_idx (0032), the deputies' org units the key
-- of benutzer_organisationseinheit.
CREATE INDEX "verfuegung_verfasser_laufend_idx" ON "akten"."verfuegung" USING btree ("mandant_id","verfasser","id") WHERE "akten"."verfuegung"."status" = 'laufend';--> statement-breakpoint
CREATE INDEX "verfuegung_schritt_postkorb_frist_sub_idx" ON "akten"."verfuegung_schritt" USING btree ("mandant_id","bearbeiter_sub",coalesce("frist", '9999-12-31'::date),"aktuell_seit","id") WHERE "akten"."verfuegung_schritt"."zustand" = 'aktuell';--> statement-breakpoint
CREATE INDEX "verfuegung_schritt_postkorb_frist_oe_idx" ON "akten"."verfuegung_schritt" USING btree ("mandant_id","bearbeiter_oe_id",coalesce("frist", '9999-12-31'::date),"aktuell_seit","id") WHERE "akten"."verfuegung_schritt"."zustand" = 'aktuell' AND "akten"."verfuegung_schritt"."uebernommen_von" IS NULL;--> statement-breakpoint
CREATE INDEX "verfuegung_schritt_postkorb_frist_uebernommen_idx" ON "akten"."verfuegung_schritt" USING btree ("mandant_id","uebernommen_von",coalesce("frist", '9999-12-31'::date),"aktuell_seit","id") WHERE "akten"."verfuegung_schritt"."zustand" = 'aktuell';
