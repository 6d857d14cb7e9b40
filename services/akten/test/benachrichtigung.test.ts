// E-mail notifications of the Geschäftsgang (issue 20): a step reaching a Postkorb, an overdue Frist and a
// return are mailed through SMTP, after the change committed, once per event, to users who gave an address
// and did not turn notifications off. A real SMTP server (smtp-server) on a free port receives them.
import type { AddressInfo } from 'node:net';
import { heute } from '@eakte/platform';
import { expectContract, expectProblem } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verfasseMail } from '../src/benachrichtigung/mail.js';
import { auth, baue, eindeutig, neueAkte, neueEinheit, neuerMandant } from './hilfen.js';

interface Angekommen {
  an: string[];
  von: string;
  betreff: string;
  text: string;
}

const angekommen: Angekommen[] = [];
/** rejects the next so many recipients with a temporary error (a failing mail server) */
let abweisen = 0;
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(adresse, _session, cb) {
      if (abweisen > 0) {
        abweisen--;
        return cb(Object.assign(new Error('Mailbox vorübergehend nicht erreichbar'), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      const teile: Buffer[] = [];
      stream.on('data', (c: Buffer) => teile.push(c));
      stream.on('end', () => {
        void PostalMime.parse(Buffer.concat(teile)).then((m) => {
          angekommen.push({ an: session.envelope.rcptTo.map((r) => r.address), von: m.from?.address ?? '', betreff: m.subject ?? '', text: m.text ?? '' });
          cb();
        }, cb);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const smtp = (weitere: Record<string, string> = {}) => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(port),
  SMTP_TLS: 'aus',
  SMTP_ABSENDER: 'E-Akte <e-akte@behoerde.example>',
  AKTEN_ARBEITER: 'aus',
  ...weitere,
});

const tagPlus = (tage: number) => {
  const d = new Date(`${heute()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + tage);
  return d.toISOString().slice(0, 10);
};
const deutsch = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** A fresh tenant with an open Vorgang of `verfasser`, and users with addresses. */
async function welt({ app, innen }: { app: FastifyInstance; innen: FastifyInstance }) {
  const T = await neuerMandant();
  const mandantId = (await innen.db.mandantIdFuerSlug(T))!;
  const n = eindeutig().toLowerCase();
  const u = { verfasser: `verf-${n}`, a: `a-${n}`, b: `b-${n}`, c: `c-${n}` };
  const adresse = (sub: string) => `${sub}@behoerde.example`;
  const h = (sub: string) => auth(T, 'sachbearbeitung', sub);
  const setze = async (sub: string, body: Record<string, unknown>) => {
    const r = await app.inject({ method: 'PUT', url: '/api/v1/einstellungen/benachrichtigungen', headers: await h(sub), payload: body });
    expect(r.statusCode, r.body).toBe(200);
    expectContract(r, 'setBenachrichtigung');
    return r.json();
  };
  const e = await neueEinheit(app, T);
  const akte = (await neueAkte(app, e.id, {}, { tenant: T, sub: u.verfasser })).json();
  const v = await app.inject({ method: 'POST', url: `/api/v1/akten/${akte.id}/vorgaenge`, headers: await h(u.verfasser), payload: { betreff: 'Bebauungsplan Nord' } });
  expect(v.statusCode, v.body).toBe(201);
  const vorgang = v.json() as { id: string; kennzeichen: string };
  const verfuege = async (betreff: string, laufweg: Record<string, unknown>[]) => {
    const r = await app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgang.id}/verfuegungen`, headers: await h(u.verfasser), payload: { betreff, laufweg } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; laufweg: { id: string }[] };
  };
  const schliesseAb = async (schrittId: string, sub: string, body: Record<string, unknown> = {}) => {
    const r = await app.inject({ method: 'POST', url: `/api/v1/schritte/${schrittId}/abschliessen`, headers: await h(sub), payload: body });
    expect(r.statusCode, r.body).toBe(200);
  };
  /** works the tenant's mail jobs (after the Frist round, if asked) and returns the mails that arrived meanwhile */
  const arbeite = async (opt: { fristen?: boolean } = {}) => {
    const vorher = angekommen.length;
    await innen.arbeiteAktenauftraege(mandantId, opt);
    return angekommen.slice(vorher).filter((m) => m.an.some((x) => x.endsWith(`-${n}@behoerde.example`)));
  };
  return { T, mandantId, u, adresse, h, setze, vorgang, verfuege, schliesseAb, arbeite };
}

describe('e-mail notifications', () => {
  it('mails a step reaching a Postkorb, after the commit, to its Bearbeiter only; the next step when it is its turn', async () => {
    const b = await baue(smtp());
    const w = await welt(b);
    await w.setze(w.u.a, { email: w.adresse(w.u.a), aktiv: true });
    await w.setze(w.u.b, { email: w.adresse(w.u.b), aktiv: true });
    // the author's own step does not mail the author (they just wrote it)
    await w.setze(w.u.verfasser, { email: w.adresse(w.u.verfasser), aktiv: true });
    const frist = tagPlus(5);
    const v = await w.verfuege('Stellungnahme zum Bebauungsplan', [
      { bearbeiter: { sub: w.u.a }, aktion: 'mitzeichnung', frist },
      { bearbeiter: { sub: w.u.b }, aktion: 'zeichnung' },
    ]);
    const erste = await w.arbeite();
    expect(erste).toHaveLength(1);
    expect(erste[0]).toMatchObject({ an: [w.adresse(w.u.a)], von: 'e-akte@behoerde.example', betreff: `Neuer Eingang im Postkorb: Stellungnahme zum Bebauungsplan (${w.vorgang.kennzeichen})` });
    expect(erste[0]!.text).toContain('in Ihrem Postkorb ist ein neuer Schritt eingegangen.');
    expect(erste[0]!.text).toContain('Verfügung: Stellungnahme zum Bebauungsplan');
    expect(erste[0]!.text).toContain('Aktion: Mitzeichnung');
    expect(erste[0]!.text).toContain(`Frist: ${deutsch(frist)}`);
    expect(erste[0]!.text).toContain(`Vorgang: ${w.vorgang.kennzeichen}`);
    expect(erste[0]!.text).not.toMatch(/https?:|www\./);
    // once per event: nothing is left to send
    expect(await w.arbeite()).toEqual([]);

    await w.schliesseAb(v.laufweg[0]!.id, w.u.a, { votum: 'einverstanden' });
    const zweite = await w.arbeite();
    expect(zweite.map((m) => m.an)).toEqual([[w.adresse(w.u.b)]]);
    expect(zweite[0]!.text).toContain('Aktion: Zeichnung');
    expect(zweite[0]!.text).toContain('Frist: keine');
  });

  it('does not mail the one whose own action brought the step', async () => {
    const b = await baue(smtp());
    const w = await welt(b);
    await w.setze(w.u.a, { email: w.adresse(w.u.a), aktiv: true });
    await w.setze(w.u.verfasser, { email: w.adresse(w.u.verfasser), aktiv: true });
    const v = await w.verfuege('Zwei Schritte für a', [
      { bearbeiter: { sub: w.u.verfasser }, aktion: 'bearbeitung' },
      { bearbeiter: { sub: w.u.a }, aktion: 'kenntnisnahme' },
      { bearbeiter: { sub: w.u.a }, aktion: 'stellungnahme' },
    ]);
    // the author's own first step: no mail to the author
    expect(await w.arbeite()).toEqual([]);
    await w.schliesseAb(v.laufweg[0]!.id, w.u.verfasser);
    expect((await w.arbeite()).map((m) => m.an)).toEqual([[w.adresse(w.u.a)]]);
    // a's next step follows a's own completion: a knows
    await w.schliesseAb(v.laufweg[1]!.id, w.u.a);
    expect(await w.arbeite()).toEqual([]);
  });

  it('mails a return (nicht einverstanden) to the author of the Verfügung', async () => {
    const b = await baue(smtp());
    const w = await welt(b);
    await w.setze(w.u.verfasser, { email: w.adresse(w.u.verfasser), aktiv: true });
    const v = await w.verfuege('Zuschussantrag Sportverein', [
      { bearbeiter: { sub: w.u.a }, aktion: 'mitzeichnung' },
      { bearbeiter: { sub: w.u.b }, aktion: 'zeichnung' },
    ]);
    expect(await w.arbeite()).toEqual([]); // a has no address
    await w.schliesseAb(v.laufweg[0]!.id, w.u.a, { votum: 'nicht_einverstanden', kommentar: 'Die Summe im Entwurf stimmt nicht' });
    const mails = await w.arbeite();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ an: [w.adresse(w.u.verfasser)], betreff: `Verfügung zurückgegeben: Zuschussantrag Sportverein (${w.vorgang.kennzeichen})` });
    expect(mails[0]!.text).toContain('„nicht einverstanden“');
    expect(mails[0]!.text).toContain(`Zurückgegeben von: ${w.u.a}`);
    // the comment may quote the documents: it stays in the E-Akte
    expect(mails[0]!.text).not.toContain('Summe');
  });

  it('respects the opt-out, also one made after the event and before the mail went', async () => {
    const b = await baue(smtp());
    const { app } = b;
    const w = await welt(b);
    const aus = await w.setze(w.u.a, { email: w.adresse(w.u.a), aktiv: false });
    expect(aus).toEqual({ email: w.adresse(w.u.a), aktiv: false });
    // audited without the address itself
    expect(b.ereignisse.at(-1)).toMatchObject({
      aktion: 'benachrichtigung.gesetzt',
      details: { sub: w.u.a },
      aenderungen: [
        { feld: 'benachrichtigungAktiv', alt: true, neu: false },
        { feld: 'emailHinterlegt', alt: false, neu: true },
      ],
    });
    expect(JSON.stringify(b.ereignisse.at(-1))).not.toContain('@');
    const ansehen = await app.inject({ method: 'GET', url: '/api/v1/einstellungen/benachrichtigungen', headers: await w.h(w.u.a) });
    expectContract(ansehen, 'getBenachrichtigung');
    expect(ansehen.json()).toEqual({ email: w.adresse(w.u.a), aktiv: false });
    await w.verfuege('Ohne Mail', [{ bearbeiter: { sub: w.u.a }, aktion: 'kenntnisnahme' }]);
    expect(await w.arbeite()).toEqual([]);

    await w.setze(w.u.b, { email: w.adresse(w.u.b), aktiv: true });
    await w.verfuege('Abgeschaltet vor dem Versand', [{ bearbeiter: { sub: w.u.b }, aktion: 'kenntnisnahme' }]);
    await w.setze(w.u.b, { email: w.adresse(w.u.b), aktiv: false });
    expect(await w.arbeite()).toEqual([]);
  });

  it("mails an org unit's step to its members and a step to the deputy in force", async () => {
    const b = await baue(smtp());
    const { app } = b;
    const w = await welt(b);
    const admin = await auth(w.T, 'fachadministration');
    const oe = await app.inject({ method: 'POST', url: '/api/v1/organisationseinheiten', headers: admin, payload: { kuerzel: `M${eindeutig()}`, name: 'Referat Mail' } });
    expect(oe.statusCode, oe.body).toBe(201);
    for (const sub of [w.u.a, w.u.b]) {
      const m = await app.inject({ method: 'PUT', url: `/api/v1/benutzer/${sub}`, headers: admin, payload: { freigabe: 'offen', organisationseinheiten: [oe.json().id] } });
      expect(m.statusCode, m.body).toBe(200);
      await w.setze(sub, { email: w.adresse(sub), aktiv: true });
    }
    await w.verfuege('An das Referat', [{ bearbeiter: { organisationseinheitId: oe.json().id }, aktion: 'bearbeitung' }]);
    expect((await w.arbeite()).flatMap((m) => m.an).sort()).toEqual([w.adresse(w.u.a), w.adresse(w.u.b)].sort());

    const vt = await app.inject({ method: 'PUT', url: '/api/v1/vertretung', headers: await w.h(w.u.verfasser), payload: { vertreter: [{ sub: w.u.c }] } });
    expect(vt.statusCode, vt.body).toBe(200);
    const vc = await app.inject({ method: 'PUT', url: '/api/v1/vertretung', headers: await w.h(w.u.a), payload: { vertreter: [{ sub: w.u.c, abwesendVon: tagPlus(-1), abwesendBis: tagPlus(3) }] } });
    expect(vc.statusCode, vc.body).toBe(200);
    await w.setze(w.u.c, { email: w.adresse(w.u.c), aktiv: true });
    await w.verfuege('An a, vertreten durch c', [{ bearbeiter: { sub: w.u.a }, aktion: 'stellungnahme' }]);
    expect((await w.arbeite()).flatMap((m) => m.an).sort()).toEqual([w.adresse(w.u.a), w.adresse(w.u.c)].sort());
  });

  it('mails an overdue Frist once per step, from the periodic round', async () => {
    const b = await baue(smtp());
    const w = await welt(b);
    await w.setze(w.u.a, { email: w.adresse(w.u.a), aktiv: true });
    await w.verfuege('Fristsache', [{ bearbeiter: { sub: w.u.a }, aktion: 'stellungnahme', frist: tagPlus(-2) }]);
    await w.verfuege('Noch Zeit', [{ bearbeiter: { sub: w.u.a }, aktion: 'stellungnahme', frist: heute() }]);
    expect((await w.arbeite()).map((m) => m.betreff)).toHaveLength(2); // the two arrivals
    const frist = await w.arbeite({ fristen: true });
    expect(frist).toHaveLength(1);
    expect(frist[0]).toMatchObject({ an: [w.adresse(w.u.a)], betreff: `Frist überschritten: Fristsache (${w.vorgang.kennzeichen})` });
    expect(frist[0]!.text).toContain('die Frist eines Schritts in Ihrem Postkorb ist überschritten.');
    expect(frist[0]!.text).toContain(`Frist: ${deutsch(tagPlus(-2))}`);
    // the next round remembers it
    expect(await w.arbeite({ fristen: true })).toEqual([]);
  });

  it('mails the overdue Frist of a Verfügung returned and sent again: its new steps are reported afresh', async () => {
    const b = await baue(smtp());
    const { app } = b;
    const w = await welt(b);
    await w.setze(w.u.a, { email: w.adresse(w.u.a), aktiv: true });
    await w.setze(w.u.b, { email: w.adresse(w.u.b), aktiv: true });
    const v = await w.verfuege('Fristsache mit Rückgabe', [
      { bearbeiter: { sub: w.u.a }, aktion: 'mitzeichnung', frist: tagPlus(-2), parallelGruppe: 1 },
      { bearbeiter: { sub: w.u.b }, aktion: 'mitzeichnung', frist: tagPlus(-2), parallelGruppe: 1 },
      { bearbeiter: { sub: w.u.c }, aktion: 'zeichnung' },
    ]);
    await w.arbeite();
    expect((await w.arbeite({ fristen: true })).flatMap((m) => m.an).sort()).toEqual([w.adresse(w.u.a), w.adresse(w.u.b)].sort());
    await w.schliesseAb(v.laufweg[0]!.id, w.u.a, { votum: 'nicht_einverstanden', kommentar: 'Fehlt noch' });
    await w.arbeite();
    const neu = await app.inject({
      method: 'PUT',
      url: `/api/v1/verfuegungen/${v.id}/laufweg`,
      headers: await w.h(w.u.verfasser),
      payload: {
        grund: 'Ergänzt',
        laufweg: [
          { bearbeiter: { sub: w.u.a }, aktion: 'mitzeichnung', frist: tagPlus(-1), parallelGruppe: 1 },
          { bearbeiter: { sub: w.u.b }, aktion: 'mitzeichnung', frist: tagPlus(-1), parallelGruppe: 1 },
          { bearbeiter: { sub: w.u.c }, aktion: 'zeichnung' },
        ],
      },
    });
    expect(neu.statusCode, neu.body).toBe(200);
    expect((await w.arbeite()).flatMap((m) => m.an).sort()).toEqual([w.adresse(w.u.a), w.adresse(w.u.b)].sort()); // the arrivals
    const frist = await w.arbeite({ fristen: true });
    expect(frist.flatMap((m) => m.an).sort()).toEqual([w.adresse(w.u.a), w.adresse(w.u.b)].sort());
    expect(frist[0]!.text).toContain(`Frist: ${deutsch(tagPlus(-1))}`);
    expect(await w.arbeite({ fristen: true })).toEqual([]);
  });

  it('retries a mail the SMTP server refused and delivers it once', async () => {
    const b = await baue(smtp());
    const w = await welt(b);
    await w.setze(w.u.a, { email: w.adresse(w.u.a), aktiv: true });
    abweisen = 1;
    await w.verfuege('Zweiter Versuch', [{ bearbeiter: { sub: w.u.a }, aktion: 'kenntnisnahme' }]);
    expect(await w.arbeite()).toEqual([]);
    expect(abweisen).toBe(0);
    // graphile-worker's back-off after the first attempt: exp(1) ≈ 2.7 s
    await new Promise((r) => setTimeout(r, 3000));
    expect((await w.arbeite()).map((m) => m.an)).toEqual([[w.adresse(w.u.a)]]);
    expect(await w.arbeite()).toEqual([]);
  });

  it("sends from the service's own job runner, without anyone working the queue", async () => {
    const w = await welt(await baue(smtp({ AKTEN_ARBEITER: 'an', AKTEN_FRIST_INTERVALL_SEKUNDEN: '0' })));
    await w.setze(w.u.a, { email: w.adresse(w.u.a), aktiv: true });
    await w.verfuege('Von selbst', [{ bearbeiter: { sub: w.u.a }, aktion: 'kenntnisnahme' }]);
    await expect.poll(() => angekommen.filter((m) => m.an.includes(w.adresse(w.u.a))).length, { timeout: 10_000 }).toBe(1);
  });

  it('queues no mail without SMTP settings; the setting itself still works', async () => {
    const ohne = await baue();
    const w = await welt(ohne);
    await w.setze(w.u.a, { email: w.adresse(w.u.a), aktiv: true });
    await w.verfuege('Ohne SMTP', [{ bearbeiter: { sub: w.u.a }, aktion: 'kenntnisnahme' }]);
    // an instance with SMTP finds no job of that tenant: none was queued
    const mit = await baue(smtp());
    const vorher = angekommen.length;
    expect(await mit.innen.arbeiteAktenauftraege(w.mandantId)).toBe(0);
    expect(angekommen.length).toBe(vorher);
  });

  it('refuses an invalid address and an incomplete SMTP configuration', async () => {
    const { app } = await baue();
    const r = await app.inject({
      method: 'PUT',
      url: '/api/v1/einstellungen/benachrichtigungen',
      headers: await auth('demo', 'sachbearbeitung', `x-${eindeutig()}`),
      payload: { email: 'kein-at', aktiv: true },
    });
    expectProblem(r, 400);
    const leer = await app.inject({ method: 'GET', url: '/api/v1/einstellungen/benachrichtigungen', headers: await auth('demo', 'sachbearbeitung', `y-${eindeutig()}`) });
    expect(leer.json()).toEqual({ email: null, aktiv: true });
    await expect(baue({ SMTP_HOST: '127.0.0.1' })).rejects.toThrow(/SMTP_ABSENDER/);
  });

  it('withholds the Betreff of a Verfügung under a classified Akte', () => {
    const m = verfasseMail(
      'frist',
      {
        betreff: 'Personalsache Müller',
        verschlusssache: true,
        aktion: 'zeichnung',
        frist: '2026-12-01',
        zustand: 'aktuell',
        kennzeichen: 'A-1/2026/3',
        erledigtVon: null,
        email: 'x@y.example',
        aktiv: true,
      },
      'x@y.example',
    );
    expect(m.betreff).toBe('Frist überschritten: Verschlusssache (Betreff nur in der E-Akte) (A-1/2026/3)');
    expect(m.text).not.toContain('Müller');
    expect(m.text).toContain('Frist: 01.12.2026');
  });
});
