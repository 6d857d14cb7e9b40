// Test helpers of the Protokoll service: fresh tenants with events, the app built with its own
// configuration, and a superuser connection for tampering.
import { protokollAnhaengen, type ProtokollEintrag } from '@eakte/audit';
import { createDb } from '@eakte/db';
import { storageSettings } from '@eakte/platform';
import { createObjectStore } from '@eakte/storage';
import { build, testConfig, testDatenbankUrl } from '@eakte/testing';
import pg from 'pg';
import { inject, onTestFinished } from 'vitest';
import protokollApp, { protokollConfigSchema, type ProtokollConfig } from '../src/app.js';
import { createProtokollDienst, ladeSchluessel } from '../src/pruefung.js';
import { createProtokollRepository } from '../src/repositories/protokoll.js';
import { createSequenzierer } from '../src/sequenzierer.js';

export const bauen = (overrides: Record<string, string> = {}) =>
  build(protokollApp as never, { PROTOKOLL_CHECKPOINT_INTERVALL: '0', PROTOKOLL_SEQUENZ_INTERVALL_MS: '0', ...overrides }, protokollConfigSchema);

export const AKTEUR = { sub: 'sb-1', name: 'Sam Bearbeiter', rollen: ['sachbearbeitung'], client: null };

/** Appends events for a tenant through the audit package (each in its own transaction) and sequences them: the stored events. */
export async function ereignisseAnlegen(mandantId: string, eintraege: Partial<ProtokollEintrag>[]) {
  const db = createDb(testDatenbankUrl('protokoll'), { max: 1 });
  try {
    const repo = createProtokollRepository(db);
    const vorher = (await repo.kopf(mandantId))?.sequenz ?? 0;
    for (const e of eintraege) {
      await db.withMandant(mandantId, (tx) =>
        protokollAnhaengen(tx, { mandantId, akteur: AKTEUR, aktion: 'akte.geaendert', objektTyp: 'akte', objektId: crypto.randomUUID(), requestId: 'r', clientIp: '127.0.0.1', ...e }),
      );
    }
    await createSequenzierer(db).alles(mandantId);
    const out = [];
    for await (const e of repo.strom(mandantId, vorher + 1, vorher + eintraege.length)) out.push(e);
    return out;
  } finally {
    await db.close();
  }
}

export const nEreignisse = (mandantId: string, n: number) =>
  ereignisseAnlegen(
    mandantId,
    Array.from({ length: n }, (_, i) => ({ aktion: 'akte.geaendert', aenderungen: [{ feld: 'betreff', alt: `v${i}`, neu: `v${i + 1}` }] })),
  );

/** A superuser connection (bypasses RLS; `session_replication_role = replica` skips the append-only triggers). */
export async function superuser(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: inject('superuserUrl') });
  await c.connect();
  onTestFinished(() => c.end());
  return c;
}

export async function manipuliere(sqlText: string, params: unknown[]) {
  const c = await superuser();
  await c.query('SET session_replication_role = replica');
  await c.query(sqlText, params);
}

/** The service's checkpoint/verification logic wired to the test database and storage. */
export function testDienst() {
  const config = testConfig({}, protokollConfigSchema) as unknown as ProtokollConfig;
  const db = createDb(testDatenbankUrl('protokoll'), { max: 2 });
  onTestFinished(() => db.close());
  const storage = createObjectStore(storageSettings(config));
  const repo = createProtokollRepository(db);
  const schluessel = ladeSchluessel(config.PROTOKOLL_SIGNING_KEY);
  const log = { error() {}, warn() {}, info() {} } as never;
  const sequenzierer = createSequenzierer(db);
  return { dienst: createProtokollDienst({ db, storage, repo, schluessel, log, sequenzierer }), storage, repo, schluessel, sequenzierer };
}
