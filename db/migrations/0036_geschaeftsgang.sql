CREATE TABLE "akten"."verfuegung" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"vorgang_id" uuid NOT NULL,
	"betreff" text NOT NULL,
	"verfasser" text NOT NULL,
	"status" text DEFAULT 'laufend' NOT NULL,
	"aktuelle_position" integer,
	"schlussverfuegung" text,
	"wiedervorlage" date,
	"version" integer DEFAULT 1 NOT NULL,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verfuegung_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "verfuegung_mandant_id_vorgang_uq" UNIQUE("mandant_id","id","vorgang_id"),
	CONSTRAINT "verfuegung_status_ck" CHECK ("akten"."verfuegung"."status" IN ('laufend', 'zurueckgegeben', 'abgeschlossen')),
	CONSTRAINT "verfuegung_position_ck" CHECK (("akten"."verfuegung"."status" = 'laufend') = ("akten"."verfuegung"."aktuelle_position" IS NOT NULL)),
	CONSTRAINT "verfuegung_schluss_ck" CHECK ("akten"."verfuegung"."schlussverfuegung" IS NULL OR ("akten"."verfuegung"."status" = 'abgeschlossen' AND "akten"."verfuegung"."schlussverfuegung" IN ('zdA', 'wv'))),
	CONSTRAINT "verfuegung_wv_ck" CHECK ((coalesce("akten"."verfuegung"."schlussverfuegung", '') = 'wv') = ("akten"."verfuegung"."wiedervorlage" IS NOT NULL)),
	CONSTRAINT "verfuegung_betreff_ck" CHECK (length("akten"."verfuegung"."betreff") BETWEEN 1 AND 500)
);
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "akten"."verfuegung_dokument" (
	"mandant_id" uuid NOT NULL,
	"verfuegung_id" uuid NOT NULL,
	"vorgang_id" uuid NOT NULL,
	"dokument_id" uuid NOT NULL,
	"version_nr" integer NOT NULL,
	CONSTRAINT "verfuegung_dokument_pk" PRIMARY KEY("mandant_id","verfuegung_id","dokument_id")
);
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_dokument" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "akten"."verfuegung_schritt" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandant_id" uuid NOT NULL,
	"verfuegung_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"zweig" integer DEFAULT 1 NOT NULL,
	"bearbeiter_sub" text,
	"bearbeiter_oe_id" uuid,
	"uebernommen_von" text,
	"aktion" text NOT NULL,
	"frist" date,
	"hinweis" text,
	"zustand" text DEFAULT 'geplant' NOT NULL,
	"aktuell_seit" timestamp with time zone,
	"votum" text,
	"kommentar" text,
	"erledigt_von" text,
	"erledigt_am" timestamp with time zone,
	"im_auftrag_von" text,
	CONSTRAINT "verfuegung_schritt_mandant_id_uq" UNIQUE("mandant_id","id"),
	CONSTRAINT "verfuegung_schritt_platz_uq" UNIQUE("mandant_id","verfuegung_id","position","zweig"),
	CONSTRAINT "verfuegung_schritt_bearbeiter_ck" CHECK (("akten"."verfuegung_schritt"."bearbeiter_sub" IS NULL) <> ("akten"."verfuegung_schritt"."bearbeiter_oe_id" IS NULL)),
	CONSTRAINT "verfuegung_schritt_aktion_ck" CHECK ("akten"."verfuegung_schritt"."aktion" IN ('bearbeitung', 'mitzeichnung', 'zeichnung', 'kenntnisnahme', 'stellungnahme')),
	CONSTRAINT "verfuegung_schritt_zustand_ck" CHECK ("akten"."verfuegung_schritt"."zustand" IN ('geplant', 'aktuell', 'erledigt', 'zurueckgegeben', 'uebersprungen')),
	CONSTRAINT "verfuegung_schritt_platz_ck" CHECK ("akten"."verfuegung_schritt"."position" >= 1 AND "akten"."verfuegung_schritt"."zweig" >= 1),
	CONSTRAINT "verfuegung_schritt_aktuell_ck" CHECK (("akten"."verfuegung_schritt"."zustand" = 'aktuell') <= ("akten"."verfuegung_schritt"."aktuell_seit" IS NOT NULL)),
	CONSTRAINT "verfuegung_schritt_erledigt_ck" CHECK (("akten"."verfuegung_schritt"."zustand" IN ('erledigt', 'zurueckgegeben')) = ("akten"."verfuegung_schritt"."erledigt_am" IS NOT NULL AND "akten"."verfuegung_schritt"."erledigt_von" IS NOT NULL)),
	CONSTRAINT "verfuegung_schritt_votum_ck" CHECK (CASE WHEN "akten"."verfuegung_schritt"."aktion" = 'mitzeichnung' AND "akten"."verfuegung_schritt"."zustand" IN ('erledigt', 'zurueckgegeben')
                 THEN coalesce("akten"."verfuegung_schritt"."votum" IN ('einverstanden', 'einverstanden_mit_aenderungen', 'nicht_einverstanden'), false)
                 ELSE "akten"."verfuegung_schritt"."votum" IS NULL END),
	CONSTRAINT "verfuegung_schritt_rueckgabe_ck" CHECK (("akten"."verfuegung_schritt"."zustand" = 'zurueckgegeben') = (coalesce("akten"."verfuegung_schritt"."votum", '') = 'nicht_einverstanden')),
	CONSTRAINT "verfuegung_schritt_uebernommen_ck" CHECK ("akten"."verfuegung_schritt"."uebernommen_von" IS NULL OR "akten"."verfuegung_schritt"."bearbeiter_oe_id" IS NOT NULL),
	CONSTRAINT "verfuegung_schritt_auftrag_ck" CHECK ("akten"."verfuegung_schritt"."im_auftrag_von" IS NULL OR "akten"."verfuegung_schritt"."erledigt_von" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_schritt" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "akten"."vertretung" (
	"mandant_id" uuid NOT NULL,
	"sub" text NOT NULL,
	"vertreter_sub" text NOT NULL,
	"abwesend_von" date,
	"abwesend_bis" date,
	"erstellt_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vertretung_pk" PRIMARY KEY("mandant_id","sub","vertreter_sub"),
	CONSTRAINT "vertretung_selbst_ck" CHECK ("akten"."vertretung"."sub" <> "akten"."vertretung"."vertreter_sub"),
	CONSTRAINT "vertretung_zeitraum_ck" CHECK ("akten"."vertretung"."abwesend_von" IS NULL OR "akten"."vertretung"."abwesend_bis" IS NULL OR "akten"."vertretung"."abwesend_von" <= "akten"."vertretung"."abwesend_bis")
);
--> statement-breakpoint
ALTER TABLE "akten"."vertretung" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "akten"."verfuegung" ADD CONSTRAINT "verfuegung_vorgang_fk" FOREIGN KEY ("mandant_id","vorgang_id") REFERENCES "akten"."vorgang"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_dokument" ADD CONSTRAINT "verfuegung_dokument_verfuegung_fk" FOREIGN KEY ("mandant_id","verfuegung_id","vorgang_id") REFERENCES "akten"."verfuegung"("mandant_id","id","vorgang_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_dokument" ADD CONSTRAINT "verfuegung_dokument_dokument_fk" FOREIGN KEY ("mandant_id","vorgang_id","dokument_id") REFERENCES "dokumente"."dokument"("mandant_id","vorgang_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_dokument" ADD CONSTRAINT "verfuegung_dokument_version_fk" FOREIGN KEY ("mandant_id","dokument_id","version_nr") REFERENCES "dokumente"."dokument_version"("mandant_id","dokument_id","nr") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_schritt" ADD CONSTRAINT "verfuegung_schritt_verfuegung_fk" FOREIGN KEY ("mandant_id","verfuegung_id") REFERENCES "akten"."verfuegung"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_schritt" ADD CONSTRAINT "verfuegung_schritt_oe_fk" FOREIGN KEY ("mandant_id","bearbeiter_oe_id") REFERENCES "akten"."organisationseinheit"("mandant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verfuegung_vorgang_idx" ON "akten"."verfuegung" USING btree ("mandant_id","vorgang_id");--> statement-breakpoint
CREATE INDEX "verfuegung_rueckgabe_idx" ON "akten"."verfuegung" USING btree ("mandant_id","verfasser","geaendert_am","id") WHERE "akten"."verfuegung"."status" = 'zurueckgegeben';--> statement-breakpoint
CREATE UNIQUE INDEX "verfuegung_schritt_zeichnung_uq" ON "akten"."verfuegung_schritt" USING btree ("mandant_id","verfuegung_id") WHERE "akten"."verfuegung_schritt"."aktion" = 'zeichnung' AND "akten"."verfuegung_schritt"."zustand" <> 'uebersprungen';--> statement-breakpoint
CREATE INDEX "verfuegung_schritt_postkorb_sub_idx" ON "akten"."verfuegung_schritt" USING btree ("mandant_id","bearbeiter_sub","aktuell_seit","id") WHERE "akten"."verfuegung_schritt"."zustand" = 'aktuell';--> statement-breakpoint
CREATE INDEX "verfuegung_schritt_postkorb_oe_idx" ON "akten"."verfuegung_schritt" USING btree ("mandant_id","bearbeiter_oe_id","aktuell_seit","id") WHERE "akten"."verfuegung_schritt"."zustand" = 'aktuell' AND "akten"."verfuegung_schritt"."uebernommen_von" IS NULL;--> statement-breakpoint
CREATE INDEX "verfuegung_schritt_postkorb_uebernommen_idx" ON "akten"."verfuegung_schritt" USING btree ("mandant_id","uebernommen_von","aktuell_seit","id") WHERE "akten"."verfuegung_schritt"."zustand" = 'aktuell';--> statement-breakpoint
CREATE INDEX "vertretung_vertreter_idx" ON "akten"."vertretung" USING btree ("mandant_id","vertreter_sub");--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."verfuegung" AS PERMISSIVE FOR ALL TO public USING ("akten"."verfuegung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."verfuegung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."verfuegung_dokument" AS PERMISSIVE FOR ALL TO public USING ("akten"."verfuegung_dokument"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."verfuegung_dokument"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."verfuegung_schritt" AS PERMISSIVE FOR ALL TO public USING ("akten"."verfuegung_schritt"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."verfuegung_schritt"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mandant_isolation" ON "akten"."vertretung" AS PERMISSIVE FOR ALL TO public USING ("akten"."vertretung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid) WITH CHECK ("akten"."vertretung"."mandant_id" = nullif(current_setting('app.mandant', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit never emits FORCE: without it the owner role would bypass the tenant policies.
ALTER TABLE "akten"."verfuegung" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_dokument" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."verfuegung_schritt" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "akten"."vertretung" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Verfügungen and their steps are never deleted: the Geschäftsgang is part of the record.
GRANT SELECT, INSERT, UPDATE ON "akten"."verfuegung" TO eakte_akten;
--> statement-breakpoint
GRANT SELECT, INSERT ON "akten"."verfuegung_dokument" TO eakte_akten;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "akten"."verfuegung_schritt" TO eakte_akten;
--> statement-breakpoint
-- a user's deputies are replaced as a whole
GRANT SELECT, INSERT, DELETE ON "akten"."vertretung" TO eakte_akten;
--> statement-breakpoint
-- The Laufweg rules that span rows, checked at commit (a step's completion moves several rows):
-- a Zeichnung stands alone at the last position (skipped steps are history and do not count); the current steps are exactly the unfinished
-- ones at the Verfügung's current position; before it nothing is open, after it nothing has started.
CREATE FUNCTION "akten"."verfuegung_laufweg_pruefen"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- fires for a step (its verfuegung_id) and for the Verfügung itself (its id)
  vid uuid := coalesce(to_jsonb(NEW)->>'verfuegung_id', to_jsonb(NEW)->>'id')::uuid;
  v record;
  fehler text;
BEGIN
  SELECT status, aktuelle_position INTO v FROM akten.verfuegung WHERE mandant_id = NEW.mandant_id AND id = vid;
  SELECT CASE
           WHEN bool_or(s.aktion = 'zeichnung' AND s.zustand <> 'uebersprungen' AND (
                  s.position < (SELECT max(x.position) FROM akten.verfuegung_schritt x
                                 WHERE x.mandant_id = NEW.mandant_id AND x.verfuegung_id = vid AND x.zustand <> 'uebersprungen')
                  OR (SELECT count(*) FROM akten.verfuegung_schritt x
                       WHERE x.mandant_id = NEW.mandant_id AND x.verfuegung_id = vid AND x.position = s.position AND x.zustand <> 'uebersprungen') > 1))
             THEN 'die Zeichnung ist nicht allein der letzte Schritt'
           WHEN bool_or(s.zustand = 'aktuell' AND s.position IS DISTINCT FROM v.aktuelle_position)
             THEN 'ein aktueller Schritt steht nicht an der aktuellen Position'
           WHEN bool_or(s.position < v.aktuelle_position AND s.zustand IN ('geplant', 'aktuell'))
             THEN 'vor der aktuellen Position ist ein Schritt offen'
           WHEN bool_or(s.position > v.aktuelle_position AND s.zustand NOT IN ('geplant', 'uebersprungen'))
             THEN 'nach der aktuellen Position hat ein Schritt begonnen'
           WHEN v.status = 'laufend' AND NOT bool_or(s.position = v.aktuelle_position AND s.zustand = 'aktuell')
             THEN 'an der aktuellen Position ist kein Schritt aktuell'
         END INTO fehler
    FROM akten.verfuegung_schritt s
   WHERE s.mandant_id = NEW.mandant_id AND s.verfuegung_id = vid;
  IF fehler IS NOT NULL THEN
    RAISE EXCEPTION 'Laufweg der Verfügung %: %', vid, fehler
      USING ERRCODE = 'check_violation', SCHEMA = 'akten', TABLE = 'verfuegung_schritt', CONSTRAINT = 'verfuegung_laufweg';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "verfuegung_laufweg" AFTER INSERT OR UPDATE ON "akten"."verfuegung_schritt"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "akten"."verfuegung_laufweg_pruefen"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "verfuegung_laufweg" AFTER INSERT OR UPDATE ON "akten"."verfuegung"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "akten"."verfuegung_laufweg_pruefen"();
