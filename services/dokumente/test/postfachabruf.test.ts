// Fetching function mailboxes from a real Dovecot (system suite: needs `dovecot-imapd`): each new
// message is filed into the Posteingang and moved to `Abgelegt`, once even when it is fetched again;
// a refused message goes to `Quarantaene`; a wrong password or a dead server is the mailbox's state
// and blocks no other tenant; the platform's own Postgres is never connected to.
import { randomBytes } from 'node:crypto';
import { schema } from '@eakte/db';
import { expectProblem, testDatenbankUrl } from '@eakte/testing';
import { eq } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starteDovecot, type Dovecot } from './dovecot-hilfe.js';
import { thunderbirdMail } from './mail-hilfe.js';
import { baueApp, neuerMandant, ownerDb, pdf, PNG, type Mandant, type TestApp } from './hilfen.js';

const SCHLUESSEL = randomBytes(32).toString('base64');
let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await starteDovecot({ poststelle: 'geheim', bauamt: 'auchgeheim' });
});
afterAll(async () => dovecot?.stop());

// the operator lets mailboxes reach the test server on loopback, without TLS
const app = () => baueApp({ dokumente: { POSTFACH_SCHLUESSEL: SCHLUESSEL, POSTFACH_ERLAUBTE_NETZE: '127.0.0.0/8', POSTFACH_OHNE_TLS_ERLAUBT: 'true' } });

async function postfach(t: TestApp, m: Mandant, benutzer: string, geheimnis: string, port = dovecot.port) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/postfaecher',
    payload: { bezeichnung: `Postfach ${benutzer}`, host: '127.0.0.1', port, sicherheit: 'keine', benutzer, geheimnis },
    headers: await m.header('fachadministration'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function ordner(c: ImapFlow, name: string): Promise<number> {
  const s = await c.status(name, { messages: true });
  return s ? (s.messages ?? 0) : 0;
}

const eintraege = (m: Mandant) => ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.posteingangEintrag));
const zustand = async (m: Mandant, id: string) => (await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.postfach).where(eq(schema.postfach.id, id))))[0]!;

describe('fetching function mailboxes (Dovecot)', () => {
  it('files each new message into the Posteingang and moves it to Abgelegt; a message fetched again is filed once', async () => {
    const t = await app();
    const m = await neuerMandant();
    const id = await postfach(t, m, 'poststelle', 'geheim');
    const c = await dovecot.client('poststelle', 'geheim');
    try {
      await c.append('INBOX', thunderbirdMail({ anlagen: [{ name: 'Bauantrag.pdf', type: 'application/pdf', inhalt: await pdf('Bauantrag') }] }));
      await c.append(
        'INBOX',
        thunderbirdMail({ betreff: 'Widerspruch', anlagen: [{ name: 'Foto.png', type: 'image/png', inhalt: PNG }] })
          .toString()
          .replace('a1b2c3d4-e5f6', 'zweite'),
      );
      expect(await t.rufePostfaecherAb(m.id)).toMatchObject({ postfaecher: 1, abgelegt: 2, quarantaene: 0, fehler: 0 });
      const items = await eintraege(m);
      expect(items.map((i) => [i.art, i.postfachId, i.betreff, i.anlagen]).sort()).toEqual(
        [
          ['mail', id, 'Bauantrag Flurstück Lindenhof 12', 1],
          ['mail', id, 'Widerspruch', 1],
        ].sort(),
      );
      expect(await ordner(c, 'INBOX')).toBe(0);
      expect(await ordner(c, 'Abgelegt')).toBe(2);
      expect(await zustand(m, id)).toMatchObject({ zustand: 'bereit', fehler: null, fehlversuche: 0 });
      expect(t.protokoll.filter((p) => p.aktion === 'posteingang.eingegangen')).toHaveLength(2);

      // a crash after filing, before moving: the message is still in INBOX at the next round
      await c.mailboxOpen('Abgelegt');
      await c.messageCopy('1', 'INBOX');
      await c.mailboxClose();
      await ownerDb().withMandant(m.id, (tx) => tx.update(schema.postfach).set({ naechsterAbruf: new Date() }).where(eq(schema.postfach.id, id)));
      expect(await t.rufePostfaecherAb(m.id)).toMatchObject({ abgelegt: 1, fehler: 0 });
      expect(await eintraege(m)).toHaveLength(2);
      expect(await ordner(c, 'INBOX')).toBe(0);
    } finally {
      await c.logout();
    }
  });

  it('moves a refused message to Quarantaene with an audit event, and files nothing of it', async () => {
    const t = await app();
    // the tenant allows no images: the mail's Anlage is refused as filing would refuse it
    const m = await neuerMandant({ erlaubteFormate: ['application/pdf', 'message/rfc822', 'text/plain'] });
    const id = await postfach(t, m, 'bauamt', 'auchgeheim');
    const c = await dovecot.client('bauamt', 'auchgeheim');
    try {
      await c.append('INBOX', thunderbirdMail({ anlagen: [{ name: 'Foto.png', type: 'image/png', inhalt: PNG }] }));
      expect(await t.rufePostfaecherAb(m.id)).toMatchObject({ abgelegt: 0, quarantaene: 1, fehler: 0 });
      expect(await ordner(c, 'Quarantaene')).toBe(1);
      expect(await ordner(c, 'INBOX')).toBe(0);
      expect(await eintraege(m)).toEqual([]);
      expect(t.protokoll.find((p) => p.aktion === 'posteingang.mail.quarantaene')).toMatchObject({ objektId: id, ergebnis: 'abgelehnt', details: { code: 'FORMAT_NICHT_ERLAUBT' } });
    } finally {
      await c.logout();
    }
  });

  it('shows a wrong password and a dead server as the mailbox state, backs off, and still fetches the other tenant', async () => {
    const t = await app();
    const a = await neuerMandant();
    const b = await neuerMandant();
    const gut = await postfach(t, a, 'poststelle', 'geheim');
    const falsch = await postfach(t, b, 'poststelle', 'falsch');
    const tot = await postfach(t, b, 'poststelle', 'geheim', 1);
    const c = await dovecot.client('poststelle', 'geheim');
    try {
      await c.append('INBOX', thunderbirdMail({ betreff: 'Dritte' }).toString().replace('a1b2c3d4-e5f6', 'dritte'));
    } finally {
      await c.logout();
    }
    const vorher = Date.now();
    expect(await t.rufePostfaecherAb()).toMatchObject({ fehler: 2 });
    expect(await zustand(a, gut)).toMatchObject({ zustand: 'bereit' });
    expect((await eintraege(a)).map((e) => e.betreff)).toContain('Dritte');
    const f = await zustand(b, falsch);
    expect(f).toMatchObject({ zustand: 'fehler', fehler: 'Die Anmeldung am Postfach wurde abgelehnt: Benutzer oder Passwort ist falsch.', fehlversuche: 1 });
    expect(f.naechsterAbruf.getTime()).toBeGreaterThan(vorher + 60_000);
    const d = await zustand(b, tot);
    expect(d).toMatchObject({ zustand: 'fehler', fehler: 'Der Server ist nicht erreichbar oder hat die Verbindung abgebrochen.' });
    // the state the tenant sees names no address
    expect(`${f.fehler} ${d.fehler}`).not.toMatch(/127\.0\.0\.1|:\d{2,5}/);
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/postfaecher/${falsch}`, headers: await b.header('registratur') });
    expect(api.json()).toMatchObject({ zustand: 'fehler', fehlversuche: 1 });
  });

  it("never connects to the platform's own Postgres: 422 when saved, refused again at connect", async () => {
    const t = await app();
    const m = await neuerMandant();
    const db = new URL(testDatenbankUrl('dokumente'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/postfaecher',
      payload: { bezeichnung: 'Datenbank', host: db.hostname, port: Number(db.port), sicherheit: 'keine', benutzer: 'x', geheimnis: 'y' },
      headers: await m.header('fachadministration'),
    });
    expectProblem(res, 422, 'POSTFACH_ZIEL_PLATTFORMDIENST');
    // a setting that points there by other means (a name that resolves elsewhere later) fails before connecting
    const id = await postfach(t, m, 'poststelle', 'geheim');
    await ownerDb().withMandant(m.id, (tx) =>
      tx
        .update(schema.postfach)
        .set({ host: db.hostname, port: Number(db.port) })
        .where(eq(schema.postfach.id, id)),
    );
    expect(await t.rufePostfaecherAb(m.id)).toMatchObject({ fehler: 1 });
    expect(await zustand(m, id)).toMatchObject({ zustand: 'fehler', fehler: `Das Ziel „${db.hostname}:${db.port}“ ist ein Dienst der Plattform selbst` });
  });
});
