// One transaction in a tenant's context (app.mandant, which the row-level policies read) for the
// scripts that work on the database directly: the bulk loader, the benchmarks and their tests.
import pg from 'pg';

async function verbinde(verbindung: pg.Pool | string): Promise<{ client: pg.ClientBase; schliessen: () => Promise<void> }> {
  if (typeof verbindung !== 'string') {
    const client = await verbindung.connect();
    return { client, schliessen: async () => client.release() };
  }
  const client = new pg.Client({ connectionString: verbindung });
  await client.connect();
  return { client, schliessen: () => client.end() };
}

/**
 * Runs `arbeit` in one transaction in the tenant's context, rolled back when anything fails, on a
 * client of the pool or on a connection of its own to the URL; then `nachher` on the same
 * connection after the commit (ANALYZE, which should see the committed rows).
 */
export async function imMandanten<T>(
  verbindung: pg.Pool | string,
  mandantId: string,
  arbeit: (client: pg.ClientBase) => Promise<T>,
  nachher?: (client: pg.ClientBase) => Promise<unknown>,
): Promise<T> {
  const { client, schliessen } = await verbinde(verbindung);
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.mandant', $1, true)`, [mandantId]);
    const ergebnis = await arbeit(client);
    await client.query('COMMIT');
    await nachher?.(client);
    return ergebnis;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await schliessen();
  }
}
