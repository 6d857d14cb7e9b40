// Maps database constraint violations to problems with stable codes.
import { Errors, pgFehler } from '@eakte/platform';

/** Unique violations become 409, foreign-key violations (unknown referenced id) 422; others rethrown. */
export function uebersetzeDbFehler(err: unknown, texte: { eindeutig?: string; verweis?: string } = {}): never {
  const pg = pgFehler(err);
  if (pg?.code === '23505') throw new Errors.Konflikt(texte.eindeutig ?? 'Ein Objekt mit diesem Kennzeichen existiert bereits');
  if (pg?.code === '23503') throw new Errors.NichtVerarbeitbar(texte.verweis ?? 'Ein referenziertes Objekt existiert nicht');
  throw err;
}

/** The database's Laufzeit rules (migration 0019): constraint → the request field that set the refused date. */
const LAUFZEIT_REGELN: Record<string, (spalte: string | undefined) => 'laufzeitBeginn' | 'datum'> = {
  akte_laufzeit_ck: () => 'datum',
  akte_zda_laufzeit_ck: () => 'datum',
  vorgang_laufzeit_ck: () => 'datum',
  vorgang_laufzeit_in_akte: (spalte) => (spalte === 'laufzeit_beginn' ? 'laufzeitBeginn' : 'datum'),
  akte_laufzeit_umfasst_vorgaenge: (spalte) => (spalte === 'laufzeit_beginn' ? 'laufzeitBeginn' : 'datum'),
};
const LAUFZEIT_TEXTE = {
  laufzeitBeginn: 'Der Laufzeitbeginn ist unzulässig',
  datum: 'Das z.d.A.-Datum ist unzulässig',
};

/** A Laufzeit the database refuses becomes 422 `LAUFZEIT_BEGINN_UNZULAESSIG` / `LAUFZEIT_ENDE_UNZULAESSIG` with `feld`; others rethrown. */
export function uebersetzeLaufzeitFehler(err: unknown): never {
  const pg = pgFehler(err);
  const regel = pg?.code === '23514' && pg.constraint ? LAUFZEIT_REGELN[pg.constraint] : undefined;
  if (!pg || !regel) throw err;
  const feld = regel(pg.column);
  // the triggers' messages name the objects and dates; a check constraint's names only itself
  const detail = pg.constraint!.endsWith('_ck') ? `${LAUFZEIT_TEXTE[feld]}: die Laufzeit endete vor ihrem Beginn` : `${LAUFZEIT_TEXTE[feld]}: ${pg.message}`;
  const fehler = Object.assign(new Errors.NichtVerarbeitbar(detail), { code: feld === 'laufzeitBeginn' ? 'LAUFZEIT_BEGINN_UNZULAESSIG' : 'LAUFZEIT_ENDE_UNZULAESSIG' });
  throw mitErweiterung(fehler, { feld });
}

/** Adds problem extension members to a domain error. */
export function mitErweiterung<E extends Error>(err: E, erweiterung: Record<string, unknown>): E {
  return Object.assign(err, { erweiterung });
}
