// Fetching function mailboxes from a real Dovecot (system suite: needs `dovecot-imapd` and, for the
// malware case, `clamav-daemon`): each new message is filed into the Posteingang and moved to
// `Abgelegt`, once even when it is fetched again or the service is killed (SIGKILL) between filing
// and moving; a refused message (a format the tenant does not allow, EICAR found by a real clamd)
// goes to `Quarantaene`; a wrong password or a dead server is the mailbox's state and blocks no
// other tenant; the platform's own Postgres is never connected to.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as warte } from 'node:timers/promises';
import { schema } from '@eakte/db';
import { expectProblem, freePort, testDatenbankUrl } from '@eakte/testing';
import { and, eq, sql } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EICAR, SIGNATUR, starteClamd } from './clamd-hilfe.js';
import { imapVermittler, starteDovecot, type Dovecot } from './dovecot-hilfe.js';
import { starteDienst } from './kind.js';
import { thunderbirdMail } from './mail-hilfe.js';
import { baueApp, bis, neuerMandant, ownerDb, pdf, PNG, type Mandant, type TestApp } from './hilfen.js';

const SCHLUESSEL = randomBytes(32).toString('base64');
let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await starteDovecot({ poststelle: 'geheim', bauamt: 'auchgeheim', ordnungsamt: 'sicher', standesamt: 'vertraulich' });
});
afterAll(async () => dovecot?.stop());

// the operator lets mailboxes reach the test server on loopback, without TLS
const MAILBOX_ERLAUBT = { POSTFACH_SCHLUESSEL: SCHLUESSEL, POSTFACH_ERLAUBTE_NETZE: '127.0.0.0/8', POSTFACH_OHNE_TLS_ERLAUBT: 'true' };
const app = (extra: Record<string, string> = {}) => baueApp({ dokumente: { ...MAILBOX_ERLAUBT, ...extra } });

/** The mailboxes this file set up: a service process polling every tenant must not work them. */
const angelegt: { mandantId: string; id: string }[] = [];

async function postfach(t: TestApp, m: Mandant, benutzer: string, geheimnis: string, port = dovecot.port) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/postfaecher',
    payload: { bezeichnung: `Postfach ${benutzer}`, host: '127.0.0.1', port, sicherheit: 'keine', benutzer, geheimnis },
    headers: await m.header('fachadministration'),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  angelegt.push({ mandantId: m.id, id });
  return id;
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

  it('recognises a message without Message-ID by its content hash alone, and files a different one beside it', async () => {
    const t = await app();
    const m = await neuerMandant();
    const id = await postfach(t, m, 'bauamt', 'auchgeheim');
    const c = await dovecot.client('bauamt', 'auchgeheim');
    try {
      const ohneId = (betreff: string) => thunderbirdMail({ betreff }).toString().replace('Message-ID: <a1b2c3d4-e5f6@example.org>\r\n', '');
      expect(ohneId('x')).not.toContain('Message-ID');
      await c.append('INBOX', ohneId('Ohne Kennung'));
      expect(await t.rufePostfaecherAb(m.id)).toMatchObject({ abgelegt: 1, fehler: 0 });
      // the same bytes again (a crash before the move), and another mail without Message-ID
      await c.mailboxOpen('Abgelegt');
      await c.messageCopy('1:*', 'INBOX');
      await c.mailboxClose();
      await c.append('INBOX', ohneId('Auch ohne Kennung'));
      await ownerDb().withMandant(m.id, (tx) => tx.update(schema.postfach).set({ naechsterAbruf: new Date() }).where(eq(schema.postfach.id, id)));
      expect(await t.rufePostfaecherAb(m.id)).toMatchObject({ abgelegt: 2, fehler: 0 });
      expect((await eintraege(m)).map((e) => [e.betreff, e.messageId]).sort()).toEqual([
        ['Auch ohne Kennung', null],
        ['Ohne Kennung', null],
      ]);
      expect(await ordner(c, 'INBOX')).toBe(0);
    } finally {
      await c.mailboxOpen('Abgelegt');
      await c.messageDelete('1:*');
      await c.mailboxClose();
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

describe('a message with malware (real clamd)', () => {
  let clamd: Awaited<ReturnType<typeof starteClamd>>;
  beforeAll(async () => {
    clamd = await starteClamd();
  }, 90_000);
  afterAll(async () => clamd?.beenden());

  it('moves a mail whose Anlage is the EICAR test file to Quarantaene, audited with the signature, and files nothing of it', async () => {
    const t = await app({ CLAMAV_HOST: clamd.host, CLAMAV_PORT: String(clamd.port), CLAMAV_TIMEOUT_MS: '5000' });
    const m = await neuerMandant();
    const id = await postfach(t, m, 'standesamt', 'vertraulich');
    const c = await dovecot.client('standesamt', 'vertraulich');
    try {
      await c.append(
        'INBOX',
        thunderbirdMail({ betreff: 'Rechnung', anlagen: [{ name: 'rechnung.txt', type: 'text/plain', inhalt: EICAR }] })
          .toString()
          .replace('a1b2c3d4-e5f6', 'eicar'),
      );
      await c.append(
        'INBOX',
        thunderbirdMail({ betreff: 'Sauber', anlagen: [{ name: 'Bauantrag.pdf', type: 'application/pdf', inhalt: await pdf('Bauantrag') }] })
          .toString()
          .replace('a1b2c3d4-e5f6', 'sauber'),
      );
      expect(await t.rufePostfaecherAb(m.id)).toMatchObject({ abgelegt: 1, quarantaene: 1, fehler: 0 });
      expect(await ordner(c, 'Quarantaene')).toBe(1);
      expect(await ordner(c, 'Abgelegt')).toBe(1);
      expect(await ordner(c, 'INBOX')).toBe(0);
      // the clean one is filed, the infected one not at all
      expect((await eintraege(m)).map((e) => e.betreff)).toEqual(['Sauber']);
      const q = t.protokoll.find((p) => p.aktion === 'posteingang.mail.quarantaene');
      expect(q).toMatchObject({ objektTyp: 'postfach', objektId: id, ergebnis: 'abgelehnt', details: { code: 'SCHADSOFTWARE', ordner: 'Quarantaene' } });
      expect(String(q!.details!.grund)).toContain(SIGNATUR);
      // the folder holds exactly the infected mail
      await c.mailboxOpen('Quarantaene');
      const [nachricht] = await c.fetchAll('1:*', { envelope: true });
      expect(nachricht!.envelope!.subject).toBe('Rechnung');
      await c.mailboxClose();
    } finally {
      await c.logout();
    }
  });
});

describe('kill -9 between filing and moving', () => {
  it('files the message once: the restarted service recognises it by Message-ID and content hash and moves it', { timeout: 120_000 }, async () => {
    const t = await app();
    const m = await neuerMandant();
    // the service process polls every tenant: the mailboxes of the tests above stay out of it
    for (const a of angelegt) await ownerDb().withMandant(a.mandantId, (tx) => tx.update(schema.postfach).set({ aktiv: false }).where(eq(schema.postfach.id, a.id)));
    // the service reaches Dovecot through a relay that holds back the move after the filing
    const relais = await imapVermittler(dovecot.port);
    const spoolDir = mkdtempSync(path.join(tmpdir(), 'eakte-postfach-kill-'));
    const c = await dovecot.client('ordnungsamt', 'sicher');
    try {
      const id = await postfach(t, m, 'ordnungsamt', 'sicher', relais.port);
      await c.append('INBOX', thunderbirdMail({ betreff: 'Lärmbeschwerde' }).toString().replace('a1b2c3d4-e5f6', 'laerm'));
      const env = { ...MAILBOX_ERLAUBT, POSTFACH_ABRUF_INTERVALL_SEKUNDEN: '1' };

      const verschieben = relais.halteAn(/ UID MOVE /);
      const port = await freePort();
      const erster = await starteDienst(port, spoolDir, env);
      const frist = new AbortController();
      await Promise.race([verschieben, warte(60_000, null, { signal: frist.signal }).then(() => Promise.reject(new Error('the service did not come to moving the message within 60 s')))]).finally(() =>
        frist.abort(),
      );
      // filed and committed, not yet moved: this is the moment a crash must not file it twice
      expect((await eintraege(m)).map((e) => e.betreff)).toEqual(['Lärmbeschwerde']);
      expect(await ordner(c, 'INBOX')).toBe(1);
      const weg = new Promise((r) => erster.once('exit', (_code, signal) => r(signal)));
      erster.kill('SIGKILL');
      expect(await weg).toBe('SIGKILL');
      expect(await ordner(c, 'INBOX')).toBe(1);
      expect(await ordner(c, 'Abgelegt')).toBe(0);

      // the dead instance still locks the round; after 60 s without heartbeat the next instance frees it
      // at its start. The clock of that lock is moved back here instead of waiting.
      await ownerDb().db.execute(sql`update auftraege_dokumente.lebenszeichen set zuletzt = now() - interval '5 minutes'
        where worker_id in (select locked_by from auftraege_dokumente._private_job_queues where queue_name = 'periodisch:postfachabruf')`);
      await ownerDb().db.execute(
        sql`update auftraege_dokumente._private_job_queues set locked_at = now() - interval '5 minutes' where queue_name = 'periodisch:postfachabruf' and locked_at is not null`,
      );
      relais.lassDurch();
      const zweiter = await starteDienst(port, spoolDir, env);
      try {
        await bis(async () => (await ordner(c, 'Abgelegt')) === 1 && (await ordner(c, 'INBOX')) === 0, 30_000);
        await bis(async () => (await zustand(m, id)).zustand === 'bereit', 10_000);
      } finally {
        const ende = new Promise((r) => zweiter.once('exit', r));
        zweiter.kill('SIGTERM');
        await ende;
      }
      const items = await eintraege(m);
      expect(items.map((e) => [e.betreff, e.messageId])).toEqual([['Lärmbeschwerde', 'laerm@example.org']]);
      const eingegangen = await ownerDb().withMandant(m.id, (tx) =>
        tx
          .select()
          .from(schema.ereignis)
          .where(and(eq(schema.ereignis.aktion, 'posteingang.eingegangen'), eq(schema.ereignis.objektId, items[0]!.id))),
      );
      expect(eingegangen).toHaveLength(1);
    } finally {
      await c.logout();
      await relais.stop();
      rmSync(spoolDir, { recursive: true, force: true });
    }
  });
});
