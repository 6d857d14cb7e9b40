-- The sequencer's backlog for /health and metrics: events committed but not yet numbered, over all
-- tenants, and when the oldest of them was appended. One probe of the partial index
-- ereignis_rueckstand_idx per tenant (as protokoll.mandanten_mit_rueckstand); the count stops at
-- p_hoechstens so a very long backlog stays a cheap read.
CREATE FUNCTION "protokoll"."rueckstand"(p_hoechstens integer DEFAULT 100000)
RETURNS TABLE (wartend bigint, aeltester timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  m uuid;
  n bigint := 0;
  a timestamptz;
  z timestamptz;
BEGIN
  PERFORM set_config('app.plattformbetrieb', 'an', true);
  FOR m IN SELECT id FROM plattform.mandant LOOP
    PERFORM set_config('app.mandant', m::text, true);
    SELECT e.zeit INTO z FROM protokoll.ereignis e WHERE e.mandant_id = m AND e.sequenz IS NULL ORDER BY e.eingang LIMIT 1;
    IF z IS NOT NULL THEN
      a := least(a, z);
      n := n + (SELECT count(*) FROM (SELECT 1 FROM protokoll.ereignis e WHERE e.mandant_id = m AND e.sequenz IS NULL LIMIT greatest(p_hoechstens - n, 0)) x);
    END IF;
  END LOOP;
  PERFORM set_config('app.mandant', '', true);
  PERFORM set_config('app.plattformbetrieb', '', true);
  RETURN QUERY SELECT n, a;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "protokoll"."rueckstand"(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "protokoll"."rueckstand"(integer) TO eakte_protokoll;
