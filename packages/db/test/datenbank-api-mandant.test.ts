// What Akten publishes to the Aussonderung, and the Aussonderung's hold gate and state views, run with
// the owner's rights (migration 0031): the service roles need no grant on the tables beneath. They
// must stay inside the transaction's tenant: another tenant's row behaves as missing.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { testDatenbankUrl, testMandant } from '@eakte/testing';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDb, schema, type Dienst } from '../src/index.js';

/**
 * Tables the Aussonderung, the hold gate and the views aktenstand/teilstand read before migration 0031
 * (Dokumente's read of akten.vorgang stays with the object-lock trigger, a listed remaining access).
 */
const NUR_UEBER_DIE_API: Partial<Record<Dienst, readonly string[]>> = {
  aussonderung: ['akten.akte', 'akten.vorgang', 'akten.aktenplaneinheit', 'akten.organisationseinheit', 'dokumente.dokument'],
  akten: ['aussonderung.loeschsperre', 'aussonderung.loeschsperre_akte', 'aussonderung.loeschsperre_objekt', 'aussonderung.aussonderung_objekt', 'aussonderung.vernichtung', 'dokumente.dokument'],
  dokumente: ['aussonderung.loeschsperre', 'aussonderung.loeschsperre_akte', 'aussonderung.loeschsperre_objekt', 'aussonderung.aussonderung_objekt', 'aussonderung.vernichtung', 'akten.akte'],
};

let owner: pg.Client;
/** The tenant the rows belong to, and the tenant the service roles ask from. */
let fremd: string;
let eigen: string;
const ids = { einheit: randomUUID(), unter: randomUUID(), oe: randomUUID(), akte: randomUUID(), vorgang: randomUUID(), sperre: randomUUID(), aussonderung: randomUUID() };

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject('ownerUrl') });
  await owner.connect();
  fremd = (await testMandant('fremd')).id;
  eigen = (await testMandant('eigen')).id;
  const db = createDb(inject('ownerUrl'), { max: 1 });
  try {
    await db.withMandant(fremd, async (tx) => {
      await tx.insert(schema.aktenplaneinheit).values([
        { id: ids.einheit, mandantId: fremd, kennzeichen: '1', titel: 'Oben', aufbewahrungsfrist: 7, aussonderungsart: 'A' },
        { id: ids.unter, mandantId: fremd, parentId: ids.einheit, kennzeichen: '1.1', titel: 'Unten' },
      ]);
      await tx.insert(schema.organisationseinheit).values({ id: ids.oe, mandantId: fremd, kuerzel: 'OE', name: 'Fremdes Amt' });
      await tx.insert(schema.akte).values({
        id: ids.akte,
        mandantId: fremd,
        aktenplaneinheitId: ids.unter,
        aktenzeichen: '1.1-1/2026',
        laufendeNummer: 1,
        jahr: 2026,
        betreff: 'Fremde Akte',
        federfuehrungId: ids.oe,
        laufzeitBeginn: '2026-01-01',
        erstelltVon: 'test',
      });
      await tx
        .insert(schema.vorgang)
        .values({ id: ids.vorgang, mandantId: fremd, akteId: ids.akte, laufendeNummer: 1, kennzeichen: '1.1-1/2026-001', betreff: 'Fremder Vorgang', erstelltVon: 'test' });
      await tx.insert(schema.loeschsperre).values({ id: ids.sperre, mandantId: fremd, bezeichnung: 'Sperre', grund: 'Prüfung', erstelltVon: 'test' });
      await tx.insert(schema.loeschsperreAkte).values({ mandantId: fremd, loeschsperreId: ids.sperre, akteId: ids.akte });
      await tx.insert(schema.aussonderung).values({ id: ids.aussonderung, mandantId: fremd, erstelltVon: 'test' });
      await tx.insert(schema.aussonderungObjekt).values({ mandantId: fremd, aussonderungId: ids.aussonderung, akteId: ids.akte });
    });
  } finally {
    await db.close();
  }
});
afterAll(() => owner.end());

/** Runs `sql` as the service's role in a transaction of tenant `mandant` (rolled back). */
async function als<T extends pg.QueryResultRow>(dienst: Dienst, mandant: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: testDatenbankUrl(dienst) });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query(`SELECT set_config('app.mandant', $1, true)`, [mandant]);
    const { rows } = await c.query<T>(sql, params);
    await c.query('ROLLBACK');
    return rows;
  } finally {
    await c.end();
  }
}

describe('tables read only through the database API', () => {
  it.each(Object.entries(NUR_UEBER_DIE_API))('%s may not read them directly', async (dienst, tabellen) => {
    const { rows } = await owner.query(
      `SELECT t AS tabelle FROM unnest($2::text[]) t
        WHERE has_table_privilege($1, t::regclass, 'SELECT') OR has_any_column_privilege($1, t::regclass, 'SELECT')`,
      [`eakte_${dienst}`, tabellen],
    );
    expect(rows.map((r) => r.tabelle)).toEqual([]);
  });
});

describe('what Akten publishes to the Aussonderung stays in the tenant', () => {
  it.each([
    ['akten.akte_fuer_aussonderung', 'id'],
    ['akten.vorgang_fuer_aussonderung', 'akte_id'],
    ['akten.aktenplan_fuer_aussonderung', 'id'],
  ])('%s shows another tenant’s rows to nobody', async (sicht, spalte) => {
    const wert = sicht === 'akten.aktenplan_fuer_aussonderung' ? ids.einheit : ids.akte;
    const sql = `SELECT * FROM ${sicht} WHERE ${spalte} = $1`;
    expect(await als('aussonderung', eigen, sql, [wert])).toEqual([]);
    expect(await als('aussonderung', fremd, sql, [wert])).toHaveLength(1);
  });

  it('an Akte comes with its unit and its lead org unit', async () => {
    const [a] = await als('aussonderung', fremd, `SELECT aktenzeichen, einheit_kennzeichen, einheit_titel, federfuehrung FROM akten.akte_fuer_aussonderung WHERE id = $1`, [ids.akte]);
    expect(a).toEqual({ aktenzeichen: '1.1-1/2026', einheit_kennzeichen: '1.1', einheit_titel: 'Unten', federfuehrung: 'Fremdes Amt' });
  });

  it('the retention inheritance walks only the tenant’s Aktenplan', async () => {
    const sql = `SELECT aufbewahrungsfrist, aussonderungsart FROM akten.wirksame_aufbewahrung($1, NULL, false, NULL)`;
    expect(await als('aussonderung', fremd, sql, [ids.unter])).toEqual([{ aufbewahrungsfrist: 7, aussonderungsart: 'A' }]);
    expect(await als('aussonderung', eigen, sql, [ids.unter])).toEqual([{ aufbewahrungsfrist: null, aussonderungsart: null }]);
  });

  it('holding offered Akten locks the tenant’s Akten only, until the transaction ends', async () => {
    const sql = `SELECT akten.halte_akten_fuer_aussonderung(ARRAY[$1]::uuid[]) AS id`;
    expect(await als('aussonderung', eigen, sql, [ids.akte])).toEqual([]);
    const aussonderung = new pg.Client({ connectionString: testDatenbankUrl('aussonderung') });
    const akten = new pg.Client({ connectionString: testDatenbankUrl('akten') });
    await Promise.all([aussonderung.connect(), akten.connect()]);
    try {
      await aussonderung.query('BEGIN');
      await aussonderung.query(`SELECT set_config('app.mandant', $1, true)`, [fremd]);
      expect((await aussonderung.query(sql, [ids.akte])).rows).toEqual([{ id: ids.akte }]);
      await akten.query('BEGIN');
      await akten.query(`SELECT set_config('app.mandant', $1, true), set_config('lock_timeout', '200ms', true)`, [fremd]);
      // a change of the Akte (a reopening, say) waits for the Aussonderung's transaction
      const fehler = await akten.query(`UPDATE akten.akte SET bemerkung = 'x' WHERE id = $1`, [ids.akte]).catch((err: { code?: string }) => err);
      expect(fehler).toMatchObject({ code: '55P03' });
    } finally {
      await Promise.all([aussonderung.end(), akten.end()]);
    }
  });
});

describe('the hold gate and the disposal state stay in the tenant', () => {
  it.each(['akten', 'dokumente', 'aussonderung'] as const)('for %s another tenant’s hold never counts', async (dienst) => {
    const sql = `SELECT count(*)::int AS n FROM aussonderung.aktive_loeschsperren('vorgang', $1)`;
    expect(await als(dienst, fremd, sql, [ids.vorgang])).toEqual([{ n: 1 }]);
    expect(await als(dienst, eigen, sql, [ids.vorgang])).toEqual([{ n: 0 }]);
  });

  it.each(['akten', 'dokumente', 'aussonderung'] as const)('for %s another tenant’s hold never counts in the set-based gate', async (dienst) => {
    const sql = `SELECT id, sperren FROM aussonderung.gesperrte_objekte($1, ARRAY[$2]::uuid[])`;
    expect(await als(dienst, fremd, sql, ['vorgang', ids.vorgang])).toEqual([{ id: ids.vorgang, sperren: 1 }]);
    expect(await als(dienst, fremd, sql, ['akte', ids.akte])).toEqual([{ id: ids.akte, sperren: 1 }]);
    expect(await als(dienst, eigen, sql, ['vorgang', ids.vorgang])).toEqual([]);
    expect(await als(dienst, eigen, sql, ['akte', ids.akte])).toEqual([]);
  });

  it('the database’s own gate still refuses to destroy a held Akte for the Aussonderung’s role', async () => {
    const fehler = await als('aussonderung', fremd, `UPDATE aussonderung.aussonderung_objekt SET status = 'vernichtet' WHERE akte_id = $1`, [ids.akte]).catch(
      (err: { code?: string; hint?: string }) => err,
    );
    expect(fehler).toMatchObject({ code: 'P0001', hint: 'LOESCHSPERRE' });
  });

  it.each(['akten', 'dokumente'] as const)('for %s a hold covers nothing when the tenant is named only in the argument', async (dienst) => {
    const sql = `SELECT aussonderung.loeschsperre_deckt($1, $2, $3, NULL) AS gedeckt`;
    expect(await als(dienst, fremd, sql, [fremd, ids.akte, ids.vorgang])).toEqual([{ gedeckt: true }]);
    expect(await als(dienst, eigen, sql, [fremd, ids.akte, ids.vorgang])).toEqual([{ gedeckt: false }]);
  });

  it.each(['akten', 'dokumente'] as const)('for %s the views aktenstand and teilstand show the tenant’s Akten only', async (dienst) => {
    const akte = `SELECT status FROM aussonderung.aktenstand WHERE akte_id = $1`;
    const teil = `SELECT id, status FROM aussonderung.teilstand WHERE akte_id = $1`;
    expect(await als(dienst, fremd, akte, [ids.akte])).toEqual([{ status: 'angeboten' }]);
    expect(await als(dienst, fremd, teil, [ids.akte])).toEqual([{ id: ids.vorgang, status: 'angeboten' }]);
    expect(await als(dienst, eigen, akte, [ids.akte])).toEqual([]);
    expect(await als(dienst, eigen, teil, [ids.akte])).toEqual([]);
  });
});
