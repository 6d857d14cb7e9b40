// Filing e-mails: the original stays the primary file, every attachment becomes an Anlage.
import { createHash } from 'node:crypto';
import { createDb, schema } from '@eakte/db';
import { expectContract, expectProblem, testDatenbankUrl } from '@eakte/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { leseMail, MailFehler } from '../src/adapter/mail.js';
import { pdfText } from '../src/pdf/text.js';
import { sucheImVolltext } from '../src/arbeiter/textextraktion.js';
import { thunderbirdMail } from './mail-hilfe.js';
import { arbeiteAb, baueApp, GIF, lade, neuerMandant, neuerVorgang, objekteUnter, ownerDb, pdf, PNG, speicher, spoolDateien, zeilen, type Mandant, type TestApp } from './hilfen.js';

const appDb = createDb(testDatenbankUrl('dokumente'), { max: 2 });
afterAll(() => appDb.close());
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function inhalt(key: string): Promise<Buffer> {
  const teile: Buffer[] = [];
  for await (const c of await speicher().get(key)) teile.push(Buffer.from(c as Buffer));
  return Buffer.concat(teile);
}

async function anlagen(t: TestApp, m: Mandant, id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}/anlagen`, headers: await m.header() });
  expect(res.statusCode, res.body).toBe(200);
  expectContract(res, 'listDokumentAnlagen');
  return res.json().items as Array<Record<string, any>>;
}

const ladeMail = (t: TestApp, m: Mandant, vorgangId: string, eml: Buffer, felder: Record<string, string> = {}) =>
  lade(t, m, vorgangId, { name: 'Bauantrag.eml', type: 'message/rfc822', inhalt: eml }, { felder: { betreff: '', datumDesSchreibens: '', ...felder } });

describe('filing an e-mail', () => {
  it('files a Thunderbird mail with two attachments as one Dokument with two Anlagen, metadata from the mail, searchable', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const bauantrag = await pdf('Bauantrag Lindenhof Dachgaube');
    const eml = thunderbirdMail({
      anlagen: [
        { name: 'Bauantrag.pdf', type: 'application/pdf', inhalt: bauantrag },
        { name: 'Lageplan.png', type: 'image/png', inhalt: PNG },
      ],
    });
    const res = await ladeMail(t, m, v.vorgangId, eml);
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'createDokument');
    const dok = res.json();
    expect(dok).toMatchObject({
      betreff: 'Bauantrag Flurstück Lindenhof 12',
      absender: 'Erika Müller <erika.mueller@example.org>',
      empfaenger: 'Bauamt <bauamt@landratsamt.example>, Max Mustermann <max@example.org>',
      datumDesSchreibens: '2026-03-02',
      eingangsdatum: '2026-03-03',
      elternDokumentId: null,
      aktuelleVersion: { mimeType: 'message/rfc822', sha256: sha(eml), groesse: eml.length, dateiname: 'Bauantrag.eml' },
    });
    // the original, unchanged
    const { versionen } = await zeilen(m.id);
    expect(await inhalt(versionen.find((x) => x.dokumentId === dok.id)!.speicherschluessel)).toEqual(eml);

    const items = await anlagen(t, m, dok.id);
    expect(items).toHaveLength(2);
    expect(items.map((a) => [a.betreff, a.aktuelleVersion.mimeType, a.aktuelleVersion.sha256, a.elternDokumentId, a.vorgangId])).toEqual([
      ['Bauantrag.pdf', 'application/pdf', sha(bauantrag), dok.id, v.vorgangId],
      ['Lageplan.png', 'image/png', sha(PNG), dok.id, v.vorgangId],
    ]);
    expect(items[0]).toMatchObject({ datumDesSchreibens: '2026-03-02', eingangsdatum: '2026-03-03', absender: 'Erika Müller <erika.mueller@example.org>' });
    for (const a of items) {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${a.id}/inhalt`, headers: await m.header() });
      expect(r.statusCode).toBe(200);
      expect(sha(r.rawPayload)).toBe(a.aktuelleVersion.sha256);
    }
    // an Anlage has no Anlagen of its own
    expect(await anlagen(t, m, items[0]!.id)).toEqual([]);
    expect(t.protokoll.filter((e) => e.aktion === 'dokument.erstellt')).toHaveLength(3);

    // the mail body (not its base64) and the attachment's text are searchable
    await arbeiteAb(t, m.id);
    expect((await sucheImVolltext(appDb, m.id, 'Flurstück freundlichen')).map((x) => x.dokumentId)).toEqual([dok.id]);
    expect((await sucheImVolltext(appDb, m.id, 'Dachgaube')).map((x) => x.dokumentId)).toEqual([items[0]!.id]);
    expect(await sucheImVolltext(appDb, m.id, 'alert')).toEqual([]);

    // the Aktenauszug lists the mail, then its Anlagen, and embeds the PDF Anlage
    const auszug = await t.app.inject({ method: 'GET', url: `/api/v1/akten/${v.akteId}/auszug.pdf`, headers: await m.header('registratur') });
    expect(auszug.statusCode).toBe(200);
    const text = await pdfText(auszug.rawPayload);
    const [mailPos, pdfPos, pngPos] = ['Bauantrag Flurstück Lindenhof 12', 'Anlage: Bauantrag.pdf', 'Anlage: Lageplan.png'].map((s) => text.indexOf(s));
    expect(mailPos).toBeGreaterThanOrEqual(0);
    expect(pdfPos).toBeGreaterThan(mailPos!);
    expect(pngPos).toBeGreaterThan(pdfPos!);
    expect(text).toContain('Bauantrag Lindenhof Dachgaube');
  });

  it('lets the form override the mail, and files a forwarded mail as an Anlage with its own Anlagen', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const innen = thunderbirdMail({ betreff: 'Stellungnahme Nachbar', text: 'Einwand gegen die Dachgaube', anlagen: [{ name: 'Foto.png', type: 'image/png', inhalt: PNG }] });
    const eml = thunderbirdMail({ betreff: 'WG: Stellungnahme', mails: [{ name: 'Stellungnahme.eml', inhalt: innen }] });
    const res = await ladeMail(t, m, v.vorgangId, eml, { betreff: 'Weitergeleitete Stellungnahme', bemerkung: 'per Mail' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ betreff: 'Weitergeleitete Stellungnahme', bemerkung: 'per Mail', datumDesSchreibens: '2026-03-02' });
    const [weitergeleitet, ...rest] = await anlagen(t, m, res.json().id);
    expect(rest).toEqual([]);
    expect(weitergeleitet).toMatchObject({ betreff: 'Stellungnahme Nachbar', aktuelleVersion: { mimeType: 'message/rfc822' } });
    const unten = await anlagen(t, m, weitergeleitet!.id);
    expect(unten.map((a) => [a.betreff, a.aktuelleVersion.mimeType, a.elternDokumentId])).toEqual([['Foto.png', 'image/png', weitergeleitet!.id]]);
    expect((await zeilen(m.id)).dokumente).toHaveLength(3);

    // the database keeps an Anlage in its mail's Vorgang
    const anderer = await neuerVorgang(m.id);
    const fremd = ownerDb().withMandant(m.id, (tx) =>
      tx
        .insert(schema.dokument)
        .values({ id: crypto.randomUUID(), mandantId: m.id, vorgangId: anderer.vorgangId, elternDokumentId: res.json().id, betreff: 'x', datumDesSchreibens: '2026-03-02', erstelltVon: 'test' }),
    );
    await expect(fremd).rejects.toMatchObject({ cause: { constraint: 'dokument_eltern_fk' } });
  });

  it('refuses absurd mails with 422 and stores nothing: too many parts, too deep, too large after decoding', async () => {
    const t = await baueApp({ dokumente: { DOKUMENTE_MAIL_MAX_ANLAGEN: '2', DOKUMENTE_MAIL_MAX_TIEFE: '2', DOKUMENTE_MAIL_MAX_GROESSE: '200000' } });
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const drei = thunderbirdMail({ anlagen: [1, 2, 3].map((i) => ({ name: `${i}.png`, type: 'image/png', inhalt: PNG })) });
    expect(expectProblem(await ladeMail(t, m, v.vorgangId, drei), 422, 'MAIL_UNZULAESSIG').detail).toMatch(/mehr als 2 Anlagen/);

    let tief = thunderbirdMail({ betreff: 'Ebene 3' });
    tief = thunderbirdMail({ betreff: 'Ebene 2', mails: [{ name: 'e3.eml', inhalt: tief }] });
    tief = thunderbirdMail({ betreff: 'Ebene 1', mails: [{ name: 'e2.eml', inhalt: tief }] });
    expect(expectProblem(await ladeMail(t, m, v.vorgangId, tief), 422, 'MAIL_UNZULAESSIG').detail).toMatch(/verschachtelt/);

    // a forwarded mail counts with its own bytes and again with its decoded attachment:
    // under the limit as sent (about 110 kB), over it after decoding (about 190 kB)
    const innen = thunderbirdMail({ betreff: 'innen', anlagen: [{ name: 'gross.txt', type: 'text/plain', inhalt: Buffer.alloc(80_000, 'Akte ') }] });
    const verschachtelt = thunderbirdMail({ betreff: 'aussen', mails: [{ name: 'innen.eml', inhalt: innen }] });
    expect(verschachtelt.length).toBeLessThan(150_000);
    const t2 = await baueApp({ dokumente: { DOKUMENTE_MAIL_MAX_GROESSE: '150000' } });
    expect(expectProblem(await ladeMail(t2, m, v.vorgangId, verschachtelt), 422, 'MAIL_UNZULAESSIG').detail).toMatch(/zusammen größer/);
    const t3 = await baueApp({ dokumente: { DOKUMENTE_MAIL_MAX_GROESSE: '100000' } });
    expect(expectProblem(await ladeMail(t3, m, v.vorgangId, verschachtelt), 422, 'MAIL_UNZULAESSIG').detail).toMatch(/E-Mails über 100000 Bytes/);

    expect((await zeilen(m.id)).dokumente).toHaveLength(0);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
    expect(spoolDateien(t2)).toEqual([]);
    expect(spoolDateien(t)).toEqual([]);
  });

  it('refuses a mail whose attachment type the tenant does not allow (415), nothing stored', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const eml = thunderbirdMail({
      anlagen: [
        { name: 'ok.png', type: 'image/png', inhalt: PNG },
        { name: 'bild.gif', type: 'image/gif', inhalt: GIF },
      ],
    });
    const body = expectProblem(await ladeMail(t, m, v.vorgangId, eml), 415, 'FORMAT_NICHT_ERLAUBT');
    expect(body.detail).toContain('bild.gif');
    expect((await zeilen(m.id)).dokumente).toHaveLength(0);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
    expect(spoolDateien(t)).toEqual([]);
  });

  it('reads the parts with postal-mime; unreadable Outlook files are MailFehler', async () => {
    const mail = await leseMail(thunderbirdMail({ anlagen: [{ name: 'a.png', type: 'image/png', inhalt: PNG }] }), 'message/rfc822');
    expect(mail.text).toContain('Lindenhof 12');
    expect(mail.text).not.toContain('<p>');
    expect(mail.anlagen.map((a) => [a.dateiname, Buffer.from(a.inhalt).equals(PNG)])).toEqual([['a.png', true]]);
    await expect(leseMail(Buffer.from('kein OLE'), 'application/vnd.ms-outlook')).rejects.toBeInstanceOf(MailFehler);
  });
});
