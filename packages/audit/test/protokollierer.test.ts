// Recording inside the caller's transaction: atomic with the change, gap-free per tenant, and
// tenants never wait on each other.
import { createDb, schema, sql, type Db } from '@eakte/db';
import { testMandant, testDatenbankUrl } from '@eakte/testing';
import type { Akteur } from '@eakte/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, kanonisch, kettenHash, protokollAnhaengen, protokolliere, type ProtokollEintrag } from '../src/index.js';

let db: Db;
beforeAll(() => {
  db = createDb(testDatenbankUrl('akten'), { max: 6 });
});
afterAll(() => db.close());

const akteur = { sub: 'u-1', name: 'Erika Muster', rollen: ['sachbearbeitung'], client: null };
const eintrag = (mandantId: string, extra: Partial<ProtokollEintrag> = {}): ProtokollEintrag => ({
  mandantId,
  akteur,
  aktion: 'aktenplaneinheit.erstellt',
  objektTyp: 'aktenplaneinheit',
  objektId: crypto.randomUUID(),
  ...extra,
});

async function ereignisse(mandantId: string) {
  return db.withMandant(mandantId, (tx) => tx.select().from(schema.ereignis).orderBy(schema.ereignis.sequenz));
}
async function einheiten(mandantId: string) {
  return db.withMandant(mandantId, (tx) => tx.select().from(schema.aktenplaneinheit));
}

describe('protokollAnhaengen', () => {
  it('chains events per tenant from the genesis hash with gap-free sequence numbers', async () => {
    const m = await testMandant();
    const a = await db.withMandant(m.id, (tx) => protokollAnhaengen(tx, eintrag(m.id, { aenderungen: [{ feld: 'titel', alt: null, neu: 'Bau' }] })));
    const b = await db.withMandant(m.id, (tx) => protokollAnhaengen(tx, eintrag(m.id, { details: { grund: 'Test', n: 2 } })));
    expect([a.sequenz, b.sequenz]).toEqual([1, 2]);
    expect(a.hash).toBe(kettenHash(GENESIS_HASH, kanonisch(a)));
    expect(b.hash).toBe(kettenHash(a.hash, kanonisch(b)));
    expect(b.zeit >= a.zeit).toBe(true);
    const rows = await ereignisse(m.id);
    expect(rows.map((r) => [r.sequenz, r.hash])).toEqual([
      [1, a.hash],
      [2, b.hash],
    ]);
    expect(rows[0]).toMatchObject({ akteurName: 'Erika Muster', akteurRollen: ['sachbearbeitung'], aenderungen: [{ feld: 'titel', alt: null, neu: 'Bau' }] });
    const [kopf] = await db.withMandant(m.id, (tx) => tx.select().from(schema.kette));
    expect(kopf).toMatchObject({ sequenz: 2, hash: b.hash });
  });

  it('takes actor, request id and client IP from the Akteur', async () => {
    const m = await testMandant();
    const akteur: Akteur = {
      sub: 'fv-1', name: 'Fachverfahren X', rollen: ['fachverfahren'], client: 'fv-client', mandantId: m.id, mandantSlug: m.slug, scopes: [],
      anfrageId: 'req-42', clientIp: '10.1.2.3',
    };
    await db.withMandant(m.id, (tx) => protokolliere(tx, akteur, { aktion: 'dokument.inhalt.gelesen', objektTyp: 'dokument', objektId: 'd-1', akteId: 'a-1' }));
    const [row] = await ereignisse(m.id);
    expect(row).toMatchObject({
      akteurSub: 'fv-1',
      akteurName: 'Fachverfahren X',
      akteurClient: 'fv-client',
      requestId: 'req-42',
      clientIp: '10.1.2.3',
      aktion: 'dokument.inhalt.gelesen',
      akteId: 'a-1',
      ergebnis: 'erfolg',
    });
  });

  it('rolls back event and change together when the transaction fails at the end', async () => {
    const m = await testMandant();
    await expect(
      db.withMandant(m.id, async (tx) => {
        const id = crypto.randomUUID();
        await tx.insert(schema.aktenplaneinheit).values({ id, mandantId: m.id, kennzeichen: '7', titel: 'Neu' });
        await protokollAnhaengen(tx, eintrag(m.id, { objektId: id }));
        throw new Error('Abbruch am Ende');
      }),
    ).rejects.toThrow('Abbruch am Ende');
    expect(await einheiten(m.id)).toEqual([]);
    expect(await ereignisse(m.id)).toEqual([]);
    // the chain head did not move either: the next event is number 1
    const next = await db.withMandant(m.id, (tx) => protokollAnhaengen(tx, eintrag(m.id)));
    expect(next.sequenz).toBe(1);
  });

  it('leaves no event when the change fails after it, and no change when the event fails', async () => {
    const m = await testMandant();
    const other = await testMandant();
    // event first, then a change that violates a constraint
    await expect(
      db.withMandant(m.id, async (tx) => {
        await protokollAnhaengen(tx, eintrag(m.id));
        await tx.insert(schema.aktenplaneinheit).values({ id: crypto.randomUUID(), mandantId: m.id, kennzeichen: 'ungültig!', titel: 'x' });
      }),
    ).rejects.toThrow();
    expect(await ereignisse(m.id)).toEqual([]);
    // change first, then an event the database refuses (another tenant's id: row-level security)
    await expect(
      db.withMandant(m.id, async (tx) => {
        await tx.insert(schema.aktenplaneinheit).values({ id: crypto.randomUUID(), mandantId: m.id, kennzeichen: '8', titel: 'x' });
        await protokollAnhaengen(tx, eintrag(other.id));
      }),
    ).rejects.toThrow();
    expect(await einheiten(m.id)).toEqual([]);
    expect(await ereignisse(m.id)).toEqual([]);
    expect(await ereignisse(other.id)).toEqual([]);
  });

  it('numbers concurrent appends of one tenant without gaps or duplicates', async () => {
    const m = await testMandant();
    const results = await Promise.all(Array.from({ length: 30 }, () => db.withMandant(m.id, (tx) => protokollAnhaengen(tx, eintrag(m.id)))));
    expect(results.map((r) => r.sequenz).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const rows = await ereignisse(m.id);
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const found = results.find((x) => x.sequenz === r.sequenz)!;
      expect(r.hash).toBe(kettenHash(prev, kanonisch(found)));
      prev = r.hash;
    }
  });

  it('does not make another tenant wait while one tenant\'s transaction holds its chain head', async () => {
    const a = await testMandant();
    const b = await testMandant();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let appended!: () => void;
    const holding = new Promise<void>((r) => (appended = r));
    const slow = db.withMandant(a.id, async (tx) => {
      await protokollAnhaengen(tx, eintrag(a.id));
      appended();
      await gate; // keeps tenant a's head locked
    });
    await holding;
    const t0 = Date.now();
    const other = await db.withMandant(b.id, (tx) => protokollAnhaengen(tx, eintrag(b.id)));
    expect(other.sequenz).toBe(1);
    expect(Date.now() - t0).toBeLessThan(2_000);
    // the same tenant does wait: its append completes only after the first transaction ends
    let sameDone = false;
    const same = db.withMandant(a.id, (tx) => protokollAnhaengen(tx, eintrag(a.id))).then((r) => {
      sameDone = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(sameDone).toBe(false);
    release();
    await slow;
    expect((await same).sequenz).toBe(2);
  });

  it('refuses an event outside a tenant transaction', async () => {
    const m = await testMandant();
    await expect(db.db.transaction((tx) => protokollAnhaengen(tx, eintrag(m.id)))).rejects.toThrow();
    const n = await db.withMandant(m.id, (tx) => tx.execute(sql`select count(*)::int as n from protokoll.ereignis`));
    expect(n.rows[0]).toEqual({ n: 0 });
  });
});
