import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The application's database role: no superuser, no BYPASSRLS, created outside the migrations. */
export const appRole = pgRole('eakte_app').existing();

/** Tenant of the current transaction, set with `set_config('app.mandant', id, true)` (SET LOCAL). */
export const currentMandant = sql`nullif(current_setting('app.mandant', true), '')::uuid`;

export const mandantIdColumn = () => uuid('mandant_id').notNull();

/** Row-level security: a row is visible and writable only inside a transaction of its tenant. */
export function mandantPolicy(mandantId: AnyPgColumn) {
  return pgPolicy('mandant_isolation', {
    as: 'permissive',
    for: 'all',
    to: 'public',
    using: sql`${mandantId} = ${currentMandant}`,
    withCheck: sql`${mandantId} = ${currentMandant}`,
  });
}
