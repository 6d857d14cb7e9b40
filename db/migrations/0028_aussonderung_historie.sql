-- The Protokoll publishes the history of an object (Akte, Vorgang, Dokument) for the xdomea
-- HistorienProtokollInformation the Aussonderung sends: successful events only, the columns the
-- messages need. security_invoker: the reader's row-level security keeps it to its tenant.
CREATE VIEW "protokoll"."objekthistorie" WITH (security_invoker = true) AS
  SELECT e.mandant_id, e.objekt_id, e.sequenz, e.zeit, e.akteur_name, e.akteur_sub, e.aktion, e.aenderungen
    FROM "protokoll"."ereignis" e
   WHERE e.objekt_id IS NOT NULL AND e.ergebnis = 'erfolg';
--> statement-breakpoint
-- The Dokumente service publishes the versions of its Dokumente for the transfer (0503) and the
-- removal of content: the file of each version, as the package and the protocol need it. It runs
-- with its owner's rights (the reader needs no grant on dokument_version); the tenant condition is
-- written out, in addition to the forced row-level security of the table.
CREATE VIEW "dokumente"."version_fuer_aussonderung" AS
  SELECT v.mandant_id, v.dokument_id, v.nr, v.speicherschluessel, v.groesse, v.sha256, v.mime_type, v.dateiname, v.erstellt_von, v.erstellt_am
    FROM "dokumente"."dokument_version" v
   WHERE v.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
--> statement-breakpoint
-- ... and its Dokumente, as the messages, the appraisal and the Löschsperren name them (owner
-- rights, tenant from app.mandant, as above).
CREATE VIEW "dokumente"."dokument_fuer_aussonderung" AS
  SELECT d.mandant_id, d.id, d.vorgang_id, d.eltern_dokument_id, d.betreff, d.datum_des_schreibens, d.eingangsdatum, d.ausgangsdatum, d.erstellt_am
    FROM "dokumente"."dokument" d
   WHERE d.mandant_id = nullif(current_setting('app.mandant', true), '')::uuid;
