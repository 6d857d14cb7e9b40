-- The Behördenkennung becomes xdomea's BehoerdenkennungType as jsonb. A free-text value of the form
-- `praefix:schluessel` becomes the structure; any other text is kept aside in behoerdenkennung_unlesbar
-- (the value becomes NULL) and the Aussonderung service names these tenants at start.
ALTER TABLE "plattform"."mandant" ADD COLUMN "behoerdenkennung_unlesbar" text;--> statement-breakpoint
UPDATE "plattform"."mandant" SET "behoerdenkennung_unlesbar" = "behoerdenkennung"
  WHERE "behoerdenkennung" IS NOT NULL AND btrim("behoerdenkennung") !~ '^[^:[:space:]]+:[^:[:space:]]+$';--> statement-breakpoint
ALTER TABLE "plattform"."mandant" ALTER COLUMN "behoerdenkennung" SET DATA TYPE jsonb USING (
  CASE WHEN btrim("behoerdenkennung") ~ '^[^:[:space:]]+:[^:[:space:]]+$' THEN jsonb_build_object(
    'behoerdenschluessel', jsonb_build_object('code', split_part(btrim("behoerdenkennung"), ':', 2)),
    'praefix', jsonb_build_object('code', split_part(btrim("behoerdenkennung"), ':', 1)))
  END);--> statement-breakpoint
ALTER TABLE "plattform"."mandant" ADD CONSTRAINT "mandant_behoerdenkennung_ck" CHECK ("plattform"."mandant"."behoerdenkennung" IS NULL OR (jsonb_typeof("plattform"."mandant"."behoerdenkennung" #> '{behoerdenschluessel,code}') = 'string' AND jsonb_typeof("plattform"."mandant"."behoerdenkennung" #> '{praefix,code}') = 'string') IS TRUE);--> statement-breakpoint
-- the agency administration sets it (PATCH /mandant), which clears a value kept aside
GRANT UPDATE ("behoerdenkennung", "behoerdenkennung_unlesbar") ON "plattform"."mandant" TO eakte_app;
