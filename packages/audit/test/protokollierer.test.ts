// Recording inside the caller's transaction through the published function protokoll.protokolliere:
// atomic with the change, with the leaf's canonical bytes and hash, and without a per-tenant lock
// (neither tenants nor writers of one tenant wait on each other). Numbering is the Protokoll
// service's sequencer (services/protokoll/test/sequenzierer.test.ts).
import { createDb, schema, sql, type Db } from '@eakte/db';
import { testMandant, testDatenbankUrl } from '@eakte/testing';
import type { Akteur } from '@eakte/platform';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { blattHash, blattKodierung, protokollAnhaengen, protokolliere, type ProtokollEintrag } from '../src/index.js';

let db: Db;
/** The owner reads the events: the services' roles no longer may (migration 0034). */
let owner: Db;
beforeAll(() => {
  db = createDb(testDatenbankUrl('akten'), { max: 6 });
  owner = createDb(inject('ownerUrl'), { max: 2 });
});
afterAll(async () => {
  await db.close();
  await owner.close();
});

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
  return owner.withMandant(mandantId, (tx) => tx.select().from(schema.ereignis).orderBy(schema.ereignis.eingang));
}
async function einheiten(mandantId: string) {
  return db.withMandant(mandantId, (tx) => tx.select().from(schema.aktenplaneinheit));
}

describe('protokollAnhaengen', () => {
  it('stores the event with its leaf bytes (canonical JSON without sequence) and leaf hash, not yet numbered', async () => {
    const m = await testMandant();
    const a = await db.withMandant(m.id, (tx) => protokollAnhaengen(tx, eintrag(m.id, { aenderungen: [{ feld: 'titel', alt: null, neu: 'Bau' }], details: { grund: 'Test', n: 2, ü: ['x'] } })));
    const [row] = await ereignisse(m.id);
    expect(row).toMatchObject({
      sequenz: null,
      hash: null,
      eingang: a.eingang,
      akteurName: 'Erika Muster',
      akteurRollen: ['sachbearbeitung'],
      aenderungen: [{ feld: 'titel', alt: null, neu: 'Bau' }],
    });
    const { eingang: _e, blatt: _b, ...felder } = a;
    expect(row!.kanonisch).toBe(blattKodierung(felder));
    expect(Buffer.from(row!.blatt!).toString('hex')).toBe(blattHash(row!.kanonisch!).toString('hex'));
    expect(a.blatt).toBe(blattHash(row!.kanonisch!).toString('hex'));
  });

  it('takes actor, request id and client IP from the Akteur', async () => {
    const m = await testMandant();
    const akteur: Akteur = {
      sub: 'fv-1',
      name: 'Fachverfahren X',
      rollen: ['fachverfahren'],
      client: 'fv-client',
      mandantId: m.id,
      mandantSlug: m.slug,
      scopes: [],
      anfrageId: 'req-42',
      clientIp: '10.1.2.3',
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
  });

  it('leaves no event when the change fails after it, and no change when the event fails', async () => {
    const m = await testMandant();
    const other = await testMandant();
    await expect(
      db.withMandant(m.id, async (tx) => {
        await protokollAnhaengen(tx, eintrag(m.id));
        await tx.insert(schema.aktenplaneinheit).values({ id: crypto.randomUUID(), mandantId: m.id, kennzeichen: 'ungültig!', titel: 'x' });
      }),
    ).rejects.toThrow();
    expect(await ereignisse(m.id)).toEqual([]);
    // change first, then an event the database refuses (another tenant's id)
    await expect(
      db.withMandant(m.id, async (tx) => {
        await tx.insert(schema.aktenplaneinheit).values({ id: crypto.randomUUID(), mandantId: m.id, kennzeichen: '8', titel: 'x' });
        await protokollAnhaengen(tx, eintrag(other.id));
      }),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
    expect(await einheiten(m.id)).toEqual([]);
    expect(await ereignisse(m.id)).toEqual([]);
    expect(await ereignisse(other.id)).toEqual([]);
  });

  it('does not make a writer of the same tenant, nor another tenant, wait while a transaction with an event is open', async () => {
    const a = await testMandant();
    const b = await testMandant();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let appended!: () => void;
    const holding = new Promise<void>((r) => (appended = r));
    const slow = db.withMandant(a.id, async (tx) => {
      await protokollAnhaengen(tx, eintrag(a.id));
      appended();
      await gate;
    });
    await holding;
    const t0 = Date.now();
    await db.withMandant(b.id, (tx) => protokollAnhaengen(tx, eintrag(b.id)));
    await Promise.all(Array.from({ length: 4 }, () => db.withMandant(a.id, (tx) => protokollAnhaengen(tx, eintrag(a.id)))));
    expect(Date.now() - t0).toBeLessThan(2_000);
    // the open transaction's event is not visible yet; the four others are
    expect(await ereignisse(a.id)).toHaveLength(4);
    release();
    await slow;
    expect(await ereignisse(a.id)).toHaveLength(5);
  });

  it('is the only way in: the service role cannot write or read the events table itself', async () => {
    const m = await testMandant();
    await expect(db.withMandant(m.id, (tx) => tx.execute(sql`select count(*) from protokoll.ereignis`))).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(
      db.withMandant(m.id, (tx) =>
        tx.execute(
          sql`insert into protokoll.ereignis (mandant_id, zeit, akteur_sub, akteur_name, akteur_rollen, aktion, objekt_typ, ergebnis) values (${m.id}, now(), 'x', 'x', '{}', 'x', 'x', 'erfolg')`,
        ),
      ),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
  });

  it('refuses an event outside a tenant transaction', async () => {
    const m = await testMandant();
    await expect(db.db.transaction((tx) => protokollAnhaengen(tx, eintrag(m.id)))).rejects.toThrow();
    expect(await ereignisse(m.id)).toEqual([]);
  });
});
