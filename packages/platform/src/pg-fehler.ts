// Drivers and drizzle wrap the PostgreSQL error in `cause`; these walk that chain once for everyone.

/** The fields of a PostgreSQL error that decide how it is answered. */
export interface PgFehler {
  code: string;
  constraint?: string;
  column?: string;
  message?: string;
}

/** Every error in the `cause` chain of `err`, outermost first (at most 5, cycles cannot hang it). */
export function* fehlerKette(err: unknown): Generator<{ code?: unknown; message?: unknown; constraint?: unknown; cause?: unknown }> {
  let e = err as { cause?: unknown } | null | undefined;
  for (let tiefe = 0; e && typeof e === 'object' && tiefe < 5; tiefe++, e = e.cause as typeof e) yield e;
}

/** The PostgreSQL error (SQLSTATE code of five characters) inside `err`, or null. */
export function pgFehler(err: unknown): PgFehler | null {
  for (const e of fehlerKette(err)) if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as PgFehler;
  return null;
}

/** True when `err` is a unique violation (23505), of `constraint` when one is given. */
export function istEindeutigkeitsverletzung(err: unknown, constraint?: string): boolean {
  const pg = pgFehler(err);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/** Escapes LIKE/ILIKE wildcards (and the escape character) in user input; PostgreSQL's default escape is `\`. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
