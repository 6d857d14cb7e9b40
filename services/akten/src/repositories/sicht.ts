// The caller's view as a SQL condition: clearance and, when the tenant restricts it, Federführung.
import { schema, sql } from '@eakte/db';
import { and, inArray, type SQL } from 'drizzle-orm';
import type { Sicht } from '../domain/sichtbarkeit.js';

const { akte } = schema;

export const uuidArray = (ids: string[]) => sql`ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::uuid[]`;

/** Akten the caller may see: clearance and, when the tenant restricts it, Federführung. */
export function akteSichtbar(sicht: Sicht): SQL {
  const stufe = inArray(akte.vertraulichkeitsstufe, sicht.stufen);
  if (sicht.organisationseinheiten === null) return stufe;
  if (sicht.organisationseinheiten.length === 0) return sql`false`;
  return and(stufe, inArray(akte.federfuehrungId, sicht.organisationseinheiten))!;
}
