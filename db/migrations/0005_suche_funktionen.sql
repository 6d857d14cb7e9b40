-- Search support for the Akten service. unaccent and pg_trgm are trusted extensions: the
-- database owner may create them. Where the owner role may not, a DBA creates them beforehand
-- (the embedded start does so as superuser); IF NOT EXISTS then skips them here.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
--> statement-breakpoint
-- Folds text for search: Straße/Strasse, Ärzte/Aerzte, Café/Cafe compare equal. Immutable
-- (fixed dictionary, fixed replacements), so it can feed generated columns and indexes.
CREATE OR REPLACE FUNCTION akten.suchtext(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(t,
      'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'ẞ', 'SS'), chr(173), ''))
  )
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION akten.suchtext(text) TO eakte_app;
