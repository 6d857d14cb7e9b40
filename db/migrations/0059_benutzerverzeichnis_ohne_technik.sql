-- Migration 0052 filled the user directory from the Protokoll with everyone but accounts of the
-- Fachverfahren role alone: Plattformbetrieb accounts (alone or with the Fachverfahren role) came in
-- too, and they are no people to pick. Their entries go: every event the Protokoll has of them carries
-- only these roles. An entry Fachadministration set something for (a clearance, an org unit) stays;
-- an account that acted with a role of a person is a person. Row-level security needs the tenant set.
DO $$
DECLARE m uuid;
BEGIN
  FOR m IN SELECT id FROM plattform.mandant LOOP
    PERFORM set_config('app.mandant', m::text, true);
    DELETE FROM akten.benutzer b
     WHERE b.mandant_id = m AND b.freigabe = 'offen'
       AND NOT EXISTS (SELECT 1 FROM akten.benutzer_organisationseinheit o WHERE o.mandant_id = m AND o.sub = b.sub)
       AND EXISTS (SELECT 1 FROM protokoll.ereignis e WHERE e.mandant_id = m AND e.akteur_sub = b.sub)
       AND NOT EXISTS (SELECT 1 FROM protokoll.ereignis e
                        WHERE e.mandant_id = m AND e.akteur_sub = b.sub
                          AND NOT (e.akteur_rollen <@ ARRAY['fachverfahren', 'plattformbetrieb']::text[]));
  END LOOP;
  PERFORM set_config('app.mandant', '', true);
END $$;
