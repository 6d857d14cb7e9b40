// Tamper evidence end to end: rows changed behind the application's back (superuser) are found
// by GET /protokoll/pruefung at the exact sequence number; a restored old backup is found through
// the signed checkpoint in object storage.
import { authHeader, expectContract, testMandant } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { checkpointText, signiereNotiz } from '@eakte/audit';
import { herkunftVon, NOTIZ_NAME } from '../src/pruefung.js';
import { bauen as bauenMit, manipuliere, nEreignisse, superuser, testDienst } from './helpers.js';

async function pruefung(app: Awaited<ReturnType<typeof bauenMit>>, slug: string, query = '') {
  const res = await app.inject({ method: 'GET', url: `/api/v1/protokoll/pruefung${query}`, headers: await authHeader({ tenant: slug, roles: ['pruefung'] }) });
  expect(res.statusCode, res.body).toBe(200);
  expectContract(res, 'pruefeProtokoll');
  return res.json();
}

// Every finding must be the same whether the whole log is walked in one pass or in worker threads over
// ranges (here of two events, so that every kind of tampering also meets a range border).
const ARTEN: { art: string; config: Record<string, string> }[] = [
  { art: 'in one pass', config: {} },
  { art: 'in worker threads over ranges', config: { PROTOKOLL_PRUEFUNG_PARALLEL_AB: '0', PROTOKOLL_PRUEFUNG_ABSCHNITT: '2', PROTOKOLL_PRUEFUNG_ARBEITER: '2' } },
];

describe.each(ARTEN)('GET /protokoll/pruefung $art', ({ config }) => {
  const bauen = () => bauenMit(config);
  it('confirms an intact chain with the number of events checked, also for a range', async () => {
    const app = await bauen();
    const m = await testMandant();
    const events = await nEreignisse(m.id, 6);
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: true, geprueft: 6, vonSequenz: 1, bisSequenz: 6, letzterHash: events[5]!.hash, fehler: null });
    expect(await pruefung(app, m.slug, '?von=3&bis=4')).toMatchObject({ gueltig: true, geprueft: 2, vonSequenz: 3, bisSequenz: 4, letzterHash: events[3]!.hash });
  });

  it('finds an edited field at its sequence number and records the finding as an event', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 5);
    await manipuliere(`UPDATE protokoll.ereignis SET akteur_name = 'Mallory' WHERE mandant_id = $1 AND sequenz = 3`, [m.id]);
    const r = await pruefung(app, m.slug);
    expect(r).toMatchObject({ gueltig: false, geprueft: 2, fehler: { sequenz: 3, art: 'hash' } });
    // a range before the edit is still valid
    expect(await pruefung(app, m.slug, '?bis=2')).toMatchObject({ gueltig: true, geprueft: 2 });

    const list = await app.inject({ method: 'GET', url: '/api/v1/protokoll?aktion=protokoll.manipulation.erkannt', headers: await authHeader({ tenant: m.slug, roles: ['pruefung'] }) });
    expect(list.json().items[0]).toMatchObject({ sequenz: 6, ergebnis: 'fehler', details: { sequenz: 3, art: 'hash' }, akteurSub: `${m.slug}-pruefung` });
  });

  it('finds an edited change value (jsonb) too', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 4);
    await manipuliere(`UPDATE protokoll.ereignis SET aenderungen = '[{"feld":"betreff","alt":"v1","neu":"gefälscht"}]' WHERE mandant_id = $1 AND sequenz = 2`, [m.id]);
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 2, art: 'hash' });
  });

  it('finds a deleted row as a gap at its sequence number', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 5);
    await manipuliere('DELETE FROM protokoll.ereignis WHERE mandant_id = $1 AND sequenz = 4', [m.id]);
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 4, art: 'luecke' });
  });

  it('finds two swapped rows as a reordering at the first of them', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 6);
    await manipuliere('UPDATE protokoll.ereignis SET sequenz = CASE sequenz WHEN 2 THEN 5 ELSE 2 END WHERE mandant_id = $1 AND sequenz IN (2, 5)', [m.id]);
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 2, art: 'reihenfolge' });
  });

  it('finds adjacent swapped rows as well', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 4);
    await manipuliere('UPDATE protokoll.ereignis SET sequenz = CASE sequenz WHEN 3 THEN 4 ELSE 3 END WHERE mandant_id = $1 AND sequenz IN (3, 4)', [m.id]);
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 3, art: 'reihenfolge' });
  });

  it('finds a truncated tail against the chain head', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 5);
    await manipuliere('DELETE FROM protokoll.ereignis WHERE mandant_id = $1 AND sequenz > 3', [m.id]);
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 4, art: 'abgeschnitten' });
  });

  it('finds a restored old backup (tail and head rolled back, newer checkpoints gone from the database) through the checkpoint in object storage', async () => {
    const app = await bauen();
    const m = await testMandant();
    const events = await nEreignisse(m.id, 3);
    const h = await authHeader({ tenant: m.slug, roles: ['registratur'] });
    expect((await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: h })).statusCode).toBe(201);
    await nEreignisse(m.id, 2);
    const newer = await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: h });
    expect(newer.json().sequenz).toBe(5);
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: true, geprueft: 5, checkpoint: { sequenz: 5 } });

    // the database as it was at sequence 3: events, head and checkpoints
    await manipuliere('DELETE FROM protokoll.ereignis WHERE mandant_id = $1 AND sequenz > 3', [m.id]);
    await manipuliere('UPDATE protokoll.kette SET sequenz = 3, hash = $2 WHERE mandant_id = $1', [m.id, events[2]!.hash]);
    await manipuliere('DELETE FROM protokoll.checkpoint WHERE mandant_id = $1 AND sequenz > 3', [m.id]);
    const r = await pruefung(app, m.slug);
    expect(r).toMatchObject({ gueltig: false, geprueft: 3, fehler: { sequenz: 4, art: 'abgeschnitten' }, checkpoint: { sequenz: 5, quelle: 'objektspeicher' } });
  });

  it('finds a consistently rewritten chain at the signed checkpoint', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 3);
    const h = await authHeader({ tenant: m.slug, roles: ['registratur'] });
    expect((await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: h })).statusCode).toBe(201);
    // the attacker rewrites event 3's stored hash and the head to match: the chain itself looks fine
    await manipuliere(`UPDATE protokoll.ereignis SET akteur_name = 'Mallory' WHERE mandant_id = $1 AND sequenz = 3`, [m.id]);
    const { kanonisch, kettenHash } = await import('@eakte/audit');
    const list = await app.inject({ method: 'GET', url: '/api/v1/protokoll', headers: await authHeader({ tenant: m.slug, roles: ['pruefung'] }) });
    const [e3, e2] = list.json().items as { hash: string }[];
    const neu = kettenHash(e2!.hash, kanonisch(e3 as never));
    await manipuliere('UPDATE protokoll.ereignis SET hash = $2 WHERE mandant_id = $1 AND sequenz = 3', [m.id, neu]);
    await manipuliere('UPDATE protokoll.kette SET hash = $2 WHERE mandant_id = $1', [m.id, neu]);
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 3, art: 'checkpoint' });
  });

  it('finds a forged checkpoint by its signature', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 2);
    const h = await authHeader({ tenant: m.slug, roles: ['registratur'] });
    expect((await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: h })).statusCode).toBe(201);
    await manipuliere(`UPDATE protokoll.checkpoint SET hash = repeat('e', 64) WHERE mandant_id = $1`, [m.id]);
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 2, art: 'signatur' });
  });

  it('finds edited leaf bytes of the Merkle tree at their sequence number', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 4);
    await manipuliere(`UPDATE protokoll.ereignis SET kanonisch = replace(kanonisch, 'Sam', 'Mal') WHERE mandant_id = $1 AND sequenz = 2`, [m.id]);
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: false, geprueft: 1, fehler: { sequenz: 2, art: 'hash' } });
  });

  it('finds a consistently rewritten event (fields, leaf, chain, head) at the signed tree checkpoint', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 3);
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/3/nachweis', headers: h })).statusCode).toBe(200);
    const { blattHash, kanonisch, kettenHash } = await import('@eakte/audit');
    await manipuliere(
      `UPDATE protokoll.ereignis SET akteur_name = 'Mallory', kanonisch = replace(kanonisch, '"akteurName":"Sam Bearbeiter"', '"akteurName":"Mallory"') WHERE mandant_id = $1 AND sequenz = 3`,
      [m.id],
    );
    const c = await superuser();
    await c.query(`SELECT set_config('app.mandant', $1, false)`, [m.id]);
    const [zeile] = (await c.query<{ kanonisch: string }>(`SELECT kanonisch FROM protokoll.ereignis WHERE mandant_id = $1 AND sequenz = 3`, [m.id])).rows;
    const list = await app.inject({ method: 'GET', url: '/api/v1/protokoll', headers: h });
    const [e3, e2] = list.json().items as { hash: string }[];
    const neu = kettenHash(e2!.hash, kanonisch(e3 as never));
    await manipuliere('UPDATE protokoll.ereignis SET hash = $2, blatt = $3 WHERE mandant_id = $1 AND sequenz = 3', [m.id, neu, blattHash(zeile!.kanonisch)]);
    await manipuliere('UPDATE protokoll.kette SET hash = $2 WHERE mandant_id = $1', [m.id, neu]);
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 3, art: 'checkpoint' });
  });

  it('finds a forged tree checkpoint by its signature', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 2);
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/1/nachweis', headers: h })).statusCode).toBe(200);
    await manipuliere(`UPDATE protokoll.baum_checkpoint SET notiz = regexp_replace(notiz, '\n2\n', E'\n3\n') WHERE mandant_id = $1`, [m.id]);
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 2, art: 'signatur' });
  });

  it('finds a fork: a second checkpoint, validly signed, of the same size with another root, at that size', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 2);
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    // signed at 2, then at 4: the log is intact so far
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/2/nachweis', headers: h })).statusCode).toBe(200);
    await nEreignisse(m.id, 2);
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/4/nachweis', headers: h })).json()).toMatchObject({ baumGroesse: 4 });
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: true, geprueft: 4 });
    // the signing key showed someone else another history of size 2 (a split view)
    const { schluessel } = testDienst();
    const andere = Buffer.alloc(32, 7);
    const notiz = signiereNotiz(checkpointText(herkunftVon(m.id), 2, andere), NOTIZ_NAME, schluessel.privat);
    await manipuliere(`INSERT INTO protokoll.baum_checkpoint (mandant_id, groesse, wurzel, notiz, zeit) VALUES ($1, 2, $2, $3, now() + interval '1 second')`, [m.id, andere, notiz]);
    const r = await pruefung(app, m.slug);
    expect(r).toMatchObject({ gueltig: false, geprueft: 1, fehler: { sequenz: 2, art: 'abzweigung', gefunden: andere.toString('hex') } });
  });

  it('finds an older signed checkpoint the tree no longer continues at its size, though the newest one matches', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 2);
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/2/nachweis', headers: h })).statusCode).toBe(200);
    await nEreignisse(m.id, 2);
    // the checkpoint of 2 replaced by one, validly signed, of another tree: no consistency proof leads from it to 4
    const { schluessel } = testDienst();
    const andere = Buffer.alloc(32, 9);
    await manipuliere(`DELETE FROM protokoll.baum_checkpoint WHERE mandant_id = $1 AND groesse = 2`, [m.id]);
    await manipuliere(`INSERT INTO protokoll.baum_checkpoint (mandant_id, groesse, wurzel, notiz) VALUES ($1, 2, $2, $3)`, [
      m.id,
      andere,
      signiereNotiz(checkpointText(herkunftVon(m.id), 2, andere), NOTIZ_NAME, schluessel.privat),
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/ereignisse/4/nachweis', headers: h })).json()).toMatchObject({ baumGroesse: 4 });
    expect((await pruefung(app, m.slug)).fehler).toMatchObject({ sequenz: 2, art: 'checkpoint', erwartet: andere.toString('hex') });
  });

  it('confirms a longer log signed at several sizes and finds an edit at the first event of a range', async () => {
    const app = await bauenMit({ ...config, ...(config.PROTOKOLL_PRUEFUNG_ABSCHNITT ? { PROTOKOLL_PRUEFUNG_ABSCHNITT: '4' } : {}) });
    const m = await testMandant();
    const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
    // tree checkpoints at 5, 8, 13 and 23: inside a range, at its end, and in the last one
    for (const [n, bis] of [
      [5, 5],
      [3, 8],
      [5, 13],
      [10, 23],
    ] as const) {
      await nEreignisse(m.id, n);
      expect((await app.inject({ method: 'GET', url: `/api/v1/protokoll/ereignisse/${bis}/nachweis`, headers: h })).json()).toMatchObject({ baumGroesse: bis });
    }
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: true, geprueft: 23, bisSequenz: 23, fehler: null });
    await manipuliere(`UPDATE protokoll.ereignis SET akteur_name = 'Mallory' WHERE mandant_id = $1 AND sequenz = 9`, [m.id]);
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: false, geprueft: 8, fehler: { sequenz: 9, art: 'hash' } });
  });

  it('rejects a range whose end is before its start', async () => {
    const app = await bauen();
    const m = await testMandant();
    const res = await app.inject({ method: 'GET', url: '/api/v1/protokoll/pruefung?von=5&bis=2', headers: await authHeader({ tenant: m.slug, roles: ['pruefung'] }) });
    expect(res.statusCode).toBe(400);
    expectContract(res, 'pruefeProtokoll');
  });
});
