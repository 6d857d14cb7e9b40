// Laufzeiten are kept consistent by the database (migration 0019), whoever writes: Beginn <= Ende for
// Akten and Vorgänge, and a Vorgang's Laufzeit within its Akte's. Existing rows are repaired by the migration.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testDatenbankUrl } from '@eakte/testing';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, migrationsFolder, type Db } from '../src/index.js';

const eindeutig = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

/** pg error of a refused statement (drizzle wraps it). */
async function verweigert(p: Promise<unknown>): Promise<{ code?: string; constraint?: string; column?: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the statement was accepted').not.toBeNull();
  let e = err as { code?: string; cause?: unknown };
  while (e && !/^[0-9A-Z]{5}$/.test(e.code ?? '') && e.cause) e = e.cause as typeof e;
  return e as never;
}

describe('Laufzeit rules in the database', () => {
  let app: Db;
  let mandant: string;
  let einheit: string;

  beforeAll(async () => {
    app = createDb(testDatenbankUrl('akten'), { max: 1 });
    // a tenant of its own: the demo tenant's Aktenplan is asserted whole by other tests
    mandant = uuidv7();
    const owner = createDb(inject('ownerUrl'), { max: 1 });
    try {
      await owner.db.execute(`INSERT INTO plattform.mandant (id, slug, name) VALUES ('${mandant}', 'laufzeit-${eindeutig().toLowerCase()}', 'Laufzeitprüfung')`);
    } finally {
      await owner.close();
    }
    einheit = uuidv7();
    await app.withMandant(mandant, (tx) => tx.execute(`INSERT INTO akten.aktenplaneinheit (id, mandant_id, kennzeichen, titel) VALUES ('${einheit}', '${mandant}', 'L${eindeutig()}', 'Laufzeit')`));
  });
  afterAll(() => app.close());

  /** As the application role: an Akte begun `beginn`, with Vorgänge `[beginn, zda]`; returns their ids. */
  async function akteMit(beginn: string, vorgaenge: [string, string | null][]): Promise<{ akte: string; vorgaenge: string[] }> {
    const akte = uuidv7();
    const az = `L${eindeutig()}-0001/2015`;
    const ids = vorgaenge.map(() => uuidv7());
    await app.withMandant(mandant, async (tx) => {
      await tx.execute(`INSERT INTO akten.akte (id, mandant_id, aktenplaneinheit_id, aktenzeichen, laufende_nummer, jahr, betreff, laufzeit_beginn, erstellt_von)
                        VALUES ('${akte}', '${mandant}', '${einheit}', '${az}', 1, 2015, 'Laufzeit', '${beginn}', 'test')`);
      for (const [i, [b, zda]] of vorgaenge.entries()) {
        await tx.execute(`INSERT INTO akten.vorgang (id, mandant_id, akte_id, laufende_nummer, kennzeichen, betreff, status, zda_datum, laufzeit_beginn, erstellt_von)
                          VALUES ('${ids[i]}', '${mandant}', '${akte}', ${i + 1}, '${az}-00${i + 1}', 'V', '${zda ? 'geschlossen' : 'offen'}', ${zda ? `'${zda}'` : 'NULL'}, '${b}', 'test')`);
      }
    });
    return { akte, vorgaenge: ids };
  }
  const sqlAls = (text: string) => app.withMandant(mandant, (tx) => tx.execute(text));

  it('refuses a direct update that inverts a Laufzeit (Akte and Vorgang)', async () => {
    const { akte, vorgaenge } = await akteMit('2015-01-01', [['2015-02-01', null]]);
    const v = await verweigert(sqlAls(`UPDATE akten.vorgang SET status = 'geschlossen', zda_datum = '2015-01-31' WHERE id = '${vorgaenge[0]}'`));
    expect(v).toMatchObject({ code: '23514', constraint: 'vorgang_laufzeit_ck' });
    await sqlAls(`UPDATE akten.vorgang SET status = 'geschlossen', zda_datum = '2015-03-01' WHERE id = '${vorgaenge[0]}'`);
    const a = await verweigert(sqlAls(`UPDATE akten.akte SET status = 'geschlossen', zda_datum = '2014-12-31', laufzeit_ende = '2014-12-31' WHERE id = '${akte}'`));
    expect(a).toMatchObject({ code: '23514' });
    expect(['akte_laufzeit_ck', 'akte_zda_laufzeit_ck']).toContain(a.constraint);
  });

  it('keeps a Vorgang within its Akte: not begun before it, not ended after it, not open in a closed Akte', async () => {
    const { akte, vorgaenge } = await akteMit('2015-01-01', [
      ['2015-02-01', '2016-06-30'],
      ['2015-03-01', null],
    ]);
    // a new Vorgang begun before its Akte
    const vorher = await verweigert(akteMitVorgangVor(akte));
    expect(vorher).toMatchObject({ code: '23514', constraint: 'vorgang_laufzeit_in_akte', column: 'laufzeit_beginn' });
    // the Akte's begin moved after a Vorgang's
    const beginn = await verweigert(sqlAls(`UPDATE akten.akte SET laufzeit_beginn = '2015-02-15' WHERE id = '${akte}'`));
    expect(beginn).toMatchObject({ code: '23514', constraint: 'akte_laufzeit_umfasst_vorgaenge', column: 'laufzeit_beginn' });
    // closed while a Vorgang is open, and closed before a Vorgang's z.d.A.
    const offen = await verweigert(sqlAls(`UPDATE akten.akte SET status = 'geschlossen', zda_datum = '2016-12-31', laufzeit_ende = '2016-12-31' WHERE id = '${akte}'`));
    expect(offen).toMatchObject({ constraint: 'akte_laufzeit_umfasst_vorgaenge', column: 'laufzeit_ende' });
    await sqlAls(`UPDATE akten.vorgang SET status = 'geschlossen', zda_datum = '2016-12-31' WHERE id = '${vorgaenge[1]}'`);
    const frueh = await verweigert(sqlAls(`UPDATE akten.akte SET status = 'geschlossen', zda_datum = '2016-06-29', laufzeit_ende = '2016-06-29' WHERE id = '${akte}'`));
    expect(frueh).toMatchObject({ constraint: 'akte_laufzeit_umfasst_vorgaenge', column: 'laufzeit_ende' });
    expect(frueh.message).toContain('-001');
    await sqlAls(`UPDATE akten.akte SET status = 'geschlossen', zda_datum = '2016-12-31', laufzeit_ende = '2016-12-31' WHERE id = '${akte}'`);
    // a Vorgang of the closed Akte cannot be moved past its end (registratur correcting a date)
    const spaeter = await verweigert(sqlAls(`UPDATE akten.vorgang SET zda_datum = '2017-01-01' WHERE id = '${vorgaenge[0]}'`));
    expect(spaeter).toMatchObject({ constraint: 'vorgang_laufzeit_in_akte', column: 'zda_datum' });
  });

  async function akteMitVorgangVor(akte: string) {
    return sqlAls(`INSERT INTO akten.vorgang (id, mandant_id, akte_id, laufende_nummer, kennzeichen, betreff, laufzeit_beginn, erstellt_von)
                   VALUES ('${uuidv7()}', '${mandant}', '${akte}', 99, 'L${eindeutig()}-099', 'V', '2014-12-31', 'test')`);
  }

  it('checks a Vorgang moved to another Akte against that Akte', async () => {
    const alt = await akteMit('2010-01-01', [['2012-01-01', null]]);
    const ziel = await akteMit('2015-01-01', []);
    const umzug = await verweigert(sqlAls(`UPDATE akten.vorgang SET akte_id = '${ziel.akte}' WHERE id = '${alt.vorgaenge[0]}'`));
    expect(umzug).toMatchObject({ constraint: 'vorgang_laufzeit_in_akte', column: 'laufzeit_beginn' });
  });

  it('lets one transaction close an Akte before its Vorgänge when it defers the check', async () => {
    const { akte, vorgaenge } = await akteMit('2015-01-01', [['2015-02-01', null]]);
    await app.withMandant(mandant, async (tx) => {
      await tx.execute('SET CONSTRAINTS akten.akte_laufzeit_umfasst_vorgaenge, akten.vorgang_laufzeit_in_akte DEFERRED');
      await tx.execute(`UPDATE akten.akte SET status = 'geschlossen', zda_datum = '2016-12-31', laufzeit_ende = '2016-12-31' WHERE id = '${akte}'`);
      await tx.execute(`UPDATE akten.vorgang SET status = 'geschlossen', zda_datum = '2016-12-31' WHERE id = '${vorgaenge[0]}'`);
    });
    // deferred, a violation left at commit still fails the whole transaction
    const {
      akte: zweite,
      vorgaenge: [v2],
    } = await akteMit('2015-01-01', [['2015-02-01', null]]);
    const amEnde = await verweigert(
      app.withMandant(mandant, async (tx) => {
        await tx.execute('SET CONSTRAINTS ALL DEFERRED');
        await tx.execute(`UPDATE akten.akte SET status = 'geschlossen', zda_datum = '2016-12-31', laufzeit_ende = '2016-12-31' WHERE id = '${zweite}'`);
      }),
    );
    expect(amEnde).toMatchObject({ constraint: 'akte_laufzeit_umfasst_vorgaenge' });
    const [zustand] = (await app.withMandant(mandant, (tx) => tx.execute(`SELECT status FROM akten.vorgang WHERE id = '${v2}'`))).rows;
    expect(zustand).toEqual({ status: 'offen' });
  });
});

describe('migration 0019 on rows written before it', () => {
  const name = `eakte_mig_${eindeutig().toLowerCase()}`;
  const dbUrl = (url: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  let su: pg.Client;
  let ordner: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: inject('superuserUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} OWNER ${new URL(inject('ownerUrl')).username}`);
    await admin.end();
    // the committed migrations up to the one before 0019
    ordner = mkdtempSync(path.join(tmpdir(), 'eakte-mig-'));
    cpSync(migrationsFolder, ordner, { recursive: true });
    const journal = JSON.parse(readFileSync(path.join(ordner, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0019');
    writeFileSync(path.join(ordner, 'meta/_journal.json'), JSON.stringify(journal));
    await migriere(ordner);
    su = new pg.Client({ connectionString: dbUrl(inject('superuserUrl')) });
    await su.connect();
  }, 120_000);
  afterAll(async () => {
    await su?.end();
    rmSync(ordner, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: inject('superuserUrl') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  async function migriere(folder: string) {
    const pool = new pg.Pool({ connectionString: dbUrl(inject('ownerUrl')), max: 1 });
    try {
      await migrate(drizzle(pool), { migrationsFolder: folder });
    } finally {
      await pool.end();
    }
  }

  it('repairs inverted Laufzeiten as a records manager would, then enforces the rules', async () => {
    const m = uuidv7();
    const e = uuidv7();
    await su.query(`INSERT INTO plattform.mandant (id, slug, name) VALUES ($1, $2, 'Migration')`, [m, name.replaceAll('_', '-')]);
    await su.query(`INSERT INTO akten.aktenplaneinheit (id, mandant_id, kennzeichen, titel) VALUES ($1, $2, '1', 'E')`, [e, m]);
    const akte = async (nr: number, beginn: string, ende: string | null) => {
      const id = uuidv7();
      await su.query(
        `INSERT INTO akten.akte (id, mandant_id, aktenplaneinheit_id, aktenzeichen, laufende_nummer, jahr, betreff, status, zda_datum, laufzeit_beginn, laufzeit_ende, erstellt_von)
         VALUES ($1, $2, $3, $4, $5, 2026, 'A', $6, $7, $8, $7, 'test')`,
        [id, m, e, `1-000${nr}/2026`, nr, ende ? 'geschlossen' : 'offen', ende, beginn],
      );
      return id;
    };
    const vorgang = async (akteId: string, nr: number, erstellt: string, zda: string | null) => {
      const id = uuidv7();
      await su.query(
        `INSERT INTO akten.vorgang (id, mandant_id, akte_id, laufende_nummer, kennzeichen, betreff, status, zda_datum, erstellt_am, erstellt_von)
         VALUES ($1, $2, $3, $4, $5, 'V', $6, $7, $8, 'test')`,
        [id, m, akteId, nr, `${akteId}-${nr}`, zda ? 'geschlossen' : 'offen', zda, erstellt],
      );
      return id;
    };
    // the issue's case: an Akte begun today, a Vorgang created today and closed backdated
    const heutig = await akte(1, '2026-12-02', null);
    const rueckdatiert = await vorgang(heutig, 1, '2026-12-02T09:00:00Z', '2015-03-01');
    // a migrated paper Akte begun 2010: its Vorgang, created today, closed 2015
    const papier = await akte(2, '2010-01-01', null);
    const imPapier = await vorgang(papier, 1, '2026-12-02T09:00:00Z', '2015-03-01');
    // an Akte closed backdated after its Vorgänge were closed (or left open) today
    const zu = await akte(3, '2010-01-01', '2015-06-30');
    const spaeterZu = await vorgang(zu, 1, '2026-12-02T09:00:00Z', '2026-12-02');
    const nochOffen = await vorgang(zu, 2, '2026-12-02T09:00:00Z', null);
    // an ordinary Vorgang, created late in the evening (the next day in Berlin)
    const normal = await vorgang(papier, 2, '2026-11-01T23:30:00Z', null);

    await migriere(migrationsFolder);

    const { rows: v } = await su.query(`SELECT id, status, laufzeit_beginn::text AS beginn, zda_datum::text AS ende FROM akten.vorgang WHERE mandant_id = $1`, [m]);
    const von = (id: string) => v.find((r) => r.id === id);
    expect(von(rueckdatiert)).toMatchObject({ beginn: '2015-03-01', ende: '2015-03-01' });
    expect(von(imPapier)).toMatchObject({ beginn: '2010-01-01', ende: '2015-03-01' });
    expect(von(spaeterZu)).toMatchObject({ beginn: '2010-01-01', ende: '2015-06-30' });
    expect(von(nochOffen)).toMatchObject({ status: 'geschlossen', beginn: '2010-01-01', ende: '2015-06-30' });
    expect(von(normal)).toMatchObject({ status: 'offen', beginn: '2026-11-02', ende: null });
    const { rows: a } = await su.query(`SELECT id, laufzeit_beginn::text AS beginn, laufzeit_ende::text AS ende, zda_datum::text AS zda FROM akten.akte WHERE mandant_id = $1`, [m]);
    const akteVon = (id: string) => a.find((r) => r.id === id);
    // widened to cover its Vorgang; no Akte's z.d.A. (the start of its retention) moved
    expect(akteVon(heutig)).toMatchObject({ beginn: '2015-03-01', ende: null });
    expect(akteVon(papier)).toMatchObject({ beginn: '2010-01-01', ende: null });
    expect(akteVon(zu)).toMatchObject({ beginn: '2010-01-01', ende: '2015-06-30', zda: '2015-06-30' });

    // from now on the database refuses what the rows were
    await expect(su.query(`UPDATE akten.vorgang SET zda_datum = '2015-02-28' WHERE id = $1`, [rueckdatiert])).rejects.toMatchObject({ code: '23514', constraint: 'vorgang_laufzeit_ck' });
    await expect(su.query(`UPDATE akten.vorgang SET zda_datum = '2026-12-02' WHERE id = $1`, [spaeterZu])).rejects.toMatchObject({ constraint: 'vorgang_laufzeit_in_akte' });
    const { rows: neu } = await su.query(
      `INSERT INTO akten.vorgang (id, mandant_id, akte_id, laufende_nummer, kennzeichen, betreff, erstellt_von) VALUES ($1, $2, $3, 3, 'neu', 'V', 'test') RETURNING laufzeit_beginn::text AS beginn`,
      [uuidv7(), m, papier],
    );
    expect(neu[0].beginn).toBe(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date()));
  });
});
