-- The Protokoll publishes the history of an object (Akte, Vorgang, Dokument) for the xdomea
-- HistorienProtokollInformation the Aussonderung sends: successful events only, the columns the
-- messages need. security_invoker: the reader's row-level security keeps it to its tenant.
CREATE VIEW "protokoll"."objekthistorie" WITH (security_invoker = true) AS
  SELECT e.mandant_id, e.objekt_id, e.sequenz, e.zeit, e.akteur_name, e.akteur_sub, e.aktion, e.aenderungen
    FROM "protokoll"."ereignis" e
   WHERE e.objekt_id IS NOT NULL AND e.ergebnis = 'erfolg';
