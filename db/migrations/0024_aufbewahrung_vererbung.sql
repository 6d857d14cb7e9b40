-- Retention inheritance down the Aktenplan (docs/domaene.md R2), written once: the Akte's own Frist
-- and Aussonderungsart, else the nearest unit's upwards. Every service calls these functions
-- (through packages/schriftgutverwaltung/src/aufbewahrung.ts); none walks the Aktenplan itself.
-- The walk stays within the start unit's tenant and stops at depth 50, as the Akten service did.
-- SECURITY INVOKER: row-level security of the caller applies.

-- p_unbefristet is NOT NULL like its column; the result is always one row.
CREATE FUNCTION akten.wirksame_aufbewahrung(p_einheit uuid, p_frist integer, p_unbefristet boolean, p_art text)
RETURNS TABLE (aufbewahrungsfrist integer, unbefristet boolean, frist_geerbt boolean, aussonderungsart text, art_geerbt boolean)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH RECURSIVE kette AS (
    SELECT e.id, e.parent_id, e.mandant_id, e.aufbewahrungsfrist, e.unbefristet, e.aussonderungsart, 0 AS tiefe,
           (e.aufbewahrungsfrist IS NOT NULL OR e.unbefristet) AS frist_da, e.aussonderungsart IS NOT NULL AS art_da
      FROM akten.aktenplaneinheit e WHERE e.id = p_einheit
    UNION ALL
    SELECT p.id, p.parent_id, p.mandant_id, p.aufbewahrungsfrist, p.unbefristet, p.aussonderungsart, k.tiefe + 1,
           k.frist_da OR p.aufbewahrungsfrist IS NOT NULL OR p.unbefristet, k.art_da OR p.aussonderungsart IS NOT NULL
      FROM kette k JOIN akten.aktenplaneinheit p ON p.mandant_id = k.mandant_id AND p.id = k.parent_id
     -- only as far up as something is still missing
     WHERE k.tiefe < 50 AND ((NOT k.frist_da AND NOT p_unbefristet AND p_frist IS NULL) OR (NOT k.art_da AND p_art IS NULL))
  )
  SELECT CASE WHEN p_unbefristet OR p_frist IS NOT NULL THEN CASE WHEN p_unbefristet THEN NULL ELSE p_frist END ELSE f.aufbewahrungsfrist END,
         CASE WHEN p_unbefristet OR p_frist IS NOT NULL THEN p_unbefristet ELSE coalesce(f.unbefristet, false) END,
         NOT (p_unbefristet OR p_frist IS NOT NULL),
         coalesce(p_art, a.aussonderungsart),
         p_art IS NULL
    FROM (SELECT 1) eins
    LEFT JOIN LATERAL (SELECT k.aufbewahrungsfrist, k.unbefristet FROM kette k
                        WHERE k.aufbewahrungsfrist IS NOT NULL OR k.unbefristet ORDER BY k.tiefe LIMIT 1) f ON true
    LEFT JOIN LATERAL (SELECT k.aussonderungsart FROM kette k WHERE k.aussonderungsart IS NOT NULL ORDER BY k.tiefe LIMIT 1) a ON true
$$;

-- The units whose Akten take their Frist from unit p_einheit: the unit itself and, downwards, every
-- unit that sets none (the same rule as above, seen from the top; used by the Löschsperre gate).
CREATE FUNCTION akten.frist_erbende_einheiten(p_einheit uuid)
RETURNS TABLE (id uuid)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH RECURSIVE erben AS (
    SELECT e.id, e.mandant_id, 0 AS tiefe FROM akten.aktenplaneinheit e WHERE e.id = p_einheit
    UNION ALL
    SELECT k.id, k.mandant_id, erben.tiefe + 1 FROM akten.aktenplaneinheit k JOIN erben ON k.mandant_id = erben.mandant_id AND k.parent_id = erben.id
     WHERE k.aufbewahrungsfrist IS NULL AND NOT k.unbefristet AND erben.tiefe < 50)
  SELECT id FROM erben
$$;

-- (functions are executable by every role by default; the service roles reach them through USAGE on akten)
