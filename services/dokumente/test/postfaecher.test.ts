// Function mailboxes: maintained by Fachadministration, the secret encrypted and never returned, the
// host checked against the SSRF rules (the platform's own Postgres is refused even where loopback is allowed).
import { randomBytes } from 'node:crypto';
import { schema } from '@eakte/db';
import { expectContract, expectProblem, testDatenbankUrl } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { entschluessele } from '../src/adapter/geheimnis.js';
import { baueApp, neuerMandant, ownerDb, type Mandant, type TestApp } from './hilfen.js';

const SCHLUESSEL = randomBytes(32);
const mitSchluessel = (weitere: Record<string, unknown> = {}) => baueApp({ dokumente: { POSTFACH_SCHLUESSEL: SCHLUESSEL.toString('base64'), ...weitere } });
const NEU = { bezeichnung: 'Poststelle', host: '93.184.216.34', port: 993, sicherheit: 'tls', benutzer: 'poststelle@landratsamt.example', geheimnis: 'Sehr-Geheim-42' };

const anlegen = async (t: TestApp, m: Mandant, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/postfaecher', payload: body, headers: await m.header('fachadministration') });

describe('function mailboxes', () => {
  it('stores the secret encrypted, bound to tenant and mailbox, and never returns it', async () => {
    const t = await mitSchluessel();
    const m = await neuerMandant();
    const res = await anlegen(t, m, NEU);
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createPostfach');
    expect(res.body).not.toContain('Sehr-Geheim');
    expect(res.json()).toMatchObject({ bezeichnung: 'Poststelle', host: '93.184.216.34', port: 993, ordner: 'INBOX', ziel: 'posteingang', aktiv: true, zustand: 'neu', fehler: null });
    const [row] = await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.postfach));
    expect(row!.geheimnis).not.toContain('Sehr-Geheim');
    expect(entschluessele(SCHLUESSEL, row!.geheimnis, `${m.id}/${row!.id}`)).toBe('Sehr-Geheim-42');
    expect(() => entschluessele(SCHLUESSEL, row!.geheimnis, `${m.id}/anderes`)).toThrow();
    const liste = await t.app.inject({ method: 'GET', url: '/api/v1/postfaecher', headers: await m.header('registratur') });
    expectContract(liste, 'listPostfaecher');
    expect(liste.json().items).toHaveLength(1);
    expect(liste.body).not.toContain('geheimnis');
    expect(JSON.stringify(t.protokoll)).not.toContain('Sehr-Geheim');
  });

  it('changes a mailbox with If-Match; a new secret replaces the old one and is audited as changed only', async () => {
    const t = await mitSchluessel();
    const m = await neuerMandant();
    const neu = await anlegen(t, m, NEU);
    const h = await m.header('fachadministration');
    const url = `/api/v1/postfaecher/${neu.json().id}`;
    expectProblem(await t.app.inject({ method: 'PATCH', url, payload: { aktiv: false }, headers: h }), 428);
    const res = await t.app.inject({ method: 'PATCH', url, payload: { geheimnis: 'Neu-Geheim-7', ordner: 'Posteingang' }, headers: { ...h, 'if-match': neu.headers.etag as string } });
    expect(res.statusCode, res.body).toBe(200);
    expectContract(res, 'updatePostfach');
    expect(res.json()).toMatchObject({ ordner: 'Posteingang', version: 2 });
    const [row] = await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.postfach));
    expect(entschluessele(SCHLUESSEL, row!.geheimnis, `${m.id}/${row!.id}`)).toBe('Neu-Geheim-7');
    expect(t.protokoll.at(-1)).toMatchObject({ aktion: 'postfach.geaendert', aenderungen: expect.arrayContaining([{ feld: 'geheimnis', alt: '***', neu: '***' }]) });
    expect(JSON.stringify(t.protokoll)).not.toContain('Geheim-');
    const b = await neuerMandant();
    expectProblem(await t.app.inject({ method: 'GET', url, headers: await b.header('fachadministration') }), 404);
  });

  it.each([
    ['127.0.0.1', 'POSTFACH_ZIEL_LOOPBACK'],
    ['[::1]', 'POSTFACH_ZIEL_LOOPBACK'],
    ['localhost', 'POSTFACH_ZIEL_LOOPBACK'],
    ['169.254.169.254', 'POSTFACH_ZIEL_LINK_LOCAL'],
    ['10.0.0.8', 'POSTFACH_ZIEL_PRIVAT'],
    ['192.168.1.1', 'POSTFACH_ZIEL_PRIVAT'],
  ])('refuses %s with 422 %s and saves nothing', async (host, code) => {
    const t = await mitSchluessel();
    const m = await neuerMandant();
    const p = expectProblem(await anlegen(t, m, { ...NEU, host }), 422, code);
    // the rule, not the addresses the name resolved to
    expect(p.detail).toContain(host);
    if (host === 'localhost') expect(p.detail).not.toMatch(/127\.0\.0\.1|::1/);
    expect(await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.postfach))).toEqual([]);
  });

  it("refuses the platform's own Postgres port even where the operator allows loopback", async () => {
    const db = new URL(testDatenbankUrl('dokumente'));
    const t = await mitSchluessel({ POSTFACH_ERLAUBTE_NETZE: '127.0.0.0/8', POSTFACH_OHNE_TLS_ERLAUBT: 'true' });
    const m = await neuerMandant();
    const p = expectProblem(await anlegen(t, m, { ...NEU, host: db.hostname, port: Number(db.port), sicherheit: 'keine' }), 422, 'POSTFACH_ZIEL_PLATTFORMDIENST');
    expect(p.detail).toBe(`Das Ziel „${db.hostname}:${db.port}“ ist ein Dienst der Plattform selbst`);
    expect(await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.postfach))).toEqual([]);
    // another port on the allowed loopback is fine (the test IMAP server's)
    expect((await anlegen(t, m, { ...NEU, host: db.hostname, port: 1, sicherheit: 'keine' })).statusCode).toBe(201);
  });

  it('refuses a mailbox without TLS unless the operator allows it', async () => {
    const t = await mitSchluessel();
    const m = await neuerMandant();
    expectProblem(await anlegen(t, m, { ...NEU, sicherheit: 'keine', port: 143 }), 422, 'POSTFACH_OHNE_TLS');
  });

  it('answers 503 while the operator has set no platform key', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    expectProblem(await anlegen(t, m, NEU), 503);
  });
});
