// Maps database constraint violations to problems with stable codes.
import { Errors } from '@eakte/platform';

interface PgFehler {
  code?: string;
  constraint?: string;
}

function pgFehler(err: unknown): PgFehler | null {
  for (let e = err as { cause?: unknown } | null, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    const code = (e as PgFehler).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as PgFehler;
  }
  return null;
}

/** Unique violations become 409, foreign-key violations (unknown referenced id) 422; others rethrown. */
export function uebersetzeDbFehler(err: unknown, texte: { eindeutig?: string; verweis?: string } = {}): never {
  const pg = pgFehler(err);
  if (pg?.code === '23505') throw new Errors.Konflikt(texte.eindeutig ?? 'Ein Objekt mit diesem Kennzeichen existiert bereits');
  if (pg?.code === '23503') throw new Errors.NichtVerarbeitbar(texte.verweis ?? 'Ein referenziertes Objekt existiert nicht');
  throw err;
}

/** Adds problem extension members to a domain error. */
export function mitErweiterung<E extends Error>(err: E, erweiterung: Record<string, unknown>): E {
  return Object.assign(err, { erweiterung });
}
