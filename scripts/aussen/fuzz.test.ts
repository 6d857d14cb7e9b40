// The schema-driven fuzzer of scripts/test/fuzz.test.ts through the gateway of the started platform
// on its socket (node:http, one keep-alive connection): no 5xx, every answer matches the contract.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDb, schema } from '@eakte/db';
import { afterAll, beforeAll } from 'vitest';
import { fuzzeJedeOperation } from '../test/fuzz-suite.js';
import { plattform, token } from './lib.js';
import { schliesseAgent, senden } from './socket.js';

const tenant = `fuzz-${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  const { ownerUrl } = JSON.parse(readFileSync(path.join(plattform().dataDir, 'embedded.json'), 'utf8')) as { ownerUrl: string };
  const db = createDb(ownerUrl, { max: 1 });
  await db.db.insert(schema.mandant).values({ id: crypto.randomUUID(), slug: tenant, name: 'Fuzz-Behörde' });
  await db.close();
});
afterAll(() => schliesseAgent());

fuzzeJedeOperation({
  titel: 'schema-driven fuzzing through the gateway',
  bericht: 'fuzz (gateway, socket)',
  bearer: (rolle) => token(rolle === 'plattformbetrieb' ? { roles: [rolle] } : { tenant, roles: [rolle] }),
  sende: (_op, a) => senden(a.method, `/api/v1${a.url}`, a.headers, a.payload),
});
