// The Posteingang screen of the Registratur: a scanned letter put into the Posteingang is looked at,
// assigned by keyboard to a Vorgang found by search, OCRed by the platform (OCRmyPDF, which CI
// installs before the E2E runs) and then found by a word that exists only in the image; its Dokument
// page shows the OCR state and the preview. An item assigned meanwhile by someone else is said in plain
// German (error state). An e-mail put into a function mailbox on a real Dovecot (dovecot-imapd, which
// CI installs) is fetched by the platform and appears in the Posteingang. A letter whose Vorgang the
// Poststelle does not know is passed on to an org unit's Postkorb, where a member finds it and files it
// into a Vorgang. axe on every screen.
import { describe, expect, it } from 'vitest';
import { starteDovecot } from '../../services/dokumente/test/dovecot-hilfe.js';
import { thunderbirdMail } from '../../services/dokumente/test/mail-hilfe.js';
import { BRIEFTEXT, scanPng } from '../../services/dokumente/test/scan-hilfe.js';
import { barrierefrei, pdf, stackJeDatei } from './browser.js';

// the operator lets mailboxes reach the test Dovecot on loopback without TLS; polled every second
const stack = stackJeDatei({ POSTFACH_ERLAUBTE_NETZE: '127.0.0.0/8', POSTFACH_OHNE_TLS_ERLAUBT: 'true', POSTFACH_ABRUF_INTERVALL_SEKUNDEN: '1' });

describe('web client: the Posteingang', () => {
  it('a scan is looked at, assigned by keyboard to a Vorgang, OCRed and found by a word only in the image', async () => {
    const { context, page } = await stack.angemeldet('Registratur (Demo registratur)');
    // an Akte and a Vorgang to assign to
    await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
    await page.getByRole('link', { name: /^2\.1\s*Straßenbau$/ }).click();
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Baugenehmigung Schloßstraße 12');
    await page.getByRole('button', { name: 'Akte anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Akte 2\.1-/ }).waitFor();
    await page.getByRole('tab', { name: 'Vorgänge' }).click();
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Antrag Müller Baugenehmigung');
    await page.getByRole('button', { name: 'Vorgang anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Vorgang / }).waitFor();

    // the Poststelle's scanner puts a letter and a PDF into the Posteingang
    const scan = await scanPng(BRIEFTEXT, { winkel: 1.5, seed: 11 });
    const brief = await pdf('Widerspruch gegen den Bescheid');
    const ids = await page.evaluate(
      async ([scanB64, pdfB64]) => {
        const token = (JSON.parse(sessionStorage.getItem('eakte.sitzung')!) as { token: string }).token;
        const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const lege = async (name: string, typ: string, inhalt: Uint8Array<ArrayBuffer>, betreff: string) => {
          const f = new FormData();
          f.append('betreff', betreff);
          f.append('datei', new File([inhalt], name, { type: typ }));
          const r = await fetch('/api/v1/posteingang', { method: 'POST', body: f, headers: { authorization: `Bearer ${token}` } });
          return ((await r.json()) as { id: string }).id;
        };
        return [await lege('scan-0001.png', 'image/png', bytes(scanB64), 'Eingangsscan Müller'), await lege('widerspruch.pdf', 'application/pdf', bytes(pdfB64), 'Widerspruch Schulze')];
      },
      [scan.toString('base64'), Buffer.from(brief).toString('base64')] as const,
    );

    await page.getByRole('navigation').getByRole('link', { name: 'Posteingang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Posteingang' }).waitFor();
    await page.getByRole('cell', { name: 'Eingangsscan Müller', exact: true }).waitFor();
    await barrierefrei(page, 'Posteingang');
    await page.getByRole('button', { name: 'Inhalt ansehen: Eingangsscan Müller' }).click();
    await page.getByRole('img', { name: 'Inhalt: Eingangsscan Müller' }).waitFor();
    await barrierefrei(page, 'Posteingang mit Ansicht');

    // keyboard only: find the Vorgang, choose it, tick both items, assign
    const suchfeld = page.getByRole('textbox', { name: /^Vorgang suchen/ });
    await suchfeld.focus();
    await page.keyboard.type('Baugenehmigung');
    await page.keyboard.press('Enter');
    const vorgang = page.getByRole('radio', { name: /Antrag Müller Baugenehmigung/ });
    await vorgang.waitFor();
    await vorgang.focus();
    await page.keyboard.press('Space');
    expect(await vorgang.isChecked()).toBe(true);
    for (const betreff of ['Eingangsscan Müller', 'Widerspruch Schulze']) {
      await page.getByRole('checkbox', { name: `${betreff} auswählen` }).focus();
      await page.keyboard.press('Space');
    }
    // meanwhile someone else assigns the PDF: the screen says so, the scan is assigned all the same
    const vorgangId = await page.evaluate(async (eintrag) => {
      const token = (JSON.parse(sessionStorage.getItem('eakte.sitzung')!) as { token: string }).token;
      const h = { authorization: `Bearer ${token}` };
      const s = (await (await fetch(`/api/v1/suche?q=${encodeURIComponent('Antrag Müller Baugenehmigung')}`, { headers: h })).json()) as { items: { typ: string; id: string }[] };
      const id = s.items.find((t) => t.typ === 'vorgang')!.id;
      await fetch(`/api/v1/posteingang/${eintrag}/zuordnung`, { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: JSON.stringify({ vorgangId: id }) });
      return id;
    }, ids[1]!);
    const zuordnen = page.getByRole('button', { name: /^2 Einträge .* zuordnen$/ });
    await zuordnen.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '1 Eintrag wurde zugeordnet.' }).waitFor();
    const teilweise = page.getByRole('alert').filter({ hasText: '1 Eintrag konnte nicht zugeordnet werden:' });
    await teilweise.waitFor();
    expect(await teilweise.textContent()).toContain('Widerspruch Schulze');
    await barrierefrei(page, 'Posteingang, ein Eintrag schon zugeordnet');
    await page.getByText('Der Posteingang ist leer: alle Eingänge sind zugeordnet.').waitFor();

    // the scan is a Dokument of the Vorgang; OCR makes its text searchable (a word only in the image)
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const token = (JSON.parse(sessionStorage.getItem('eakte.sitzung')!) as { token: string }).token;
            const s = (await (await fetch('/api/v1/suche?q=Straßenverkehrsbehörde', { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { typ: string }[] };
            return s.items.filter((t) => t.typ === 'dokument').length;
          }),
        { timeout: 240_000, interval: 2000 },
      )
      .toBe(1);
    await page.locator('#suchfeld').fill('Straßenverkehrsbehörde');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Eingangsscan Müller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eingangsscan Müller' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/dokumente\//);
    await page.getByText(/Text erkannt \(1 Seite\)/).waitFor();
    // the preview job may still run: the page shows its state until a reload finds it made
    const vorschau = page.getByRole('img', { name: 'Erste Seite von scan-0001.png' });
    for (let i = 0; i < 24 && !(await vorschau.isVisible()); i++) {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Eingangsscan Müller' }).waitFor();
      await vorschau.waitFor({ timeout: 5000 }).catch(() => undefined);
    }
    await vorschau.waitFor({ timeout: 1000 });
    await barrierefrei(page, 'Dokument mit Vorschau und Texterkennung');
    expect(vorgangId).toBeTruthy();
    await context.close();
  }, 600_000);

  it('an e-mail that arrives in the function mailbox appears in the Posteingang by itself', async () => {
    const dovecot = await starteDovecot({ poststelle: 'posteingang-e2e' });
    try {
      // Fachadministration sets up the function mailbox
      const admin = await stack.angemeldet('Fachadministration (Demo fachadministration)');
      const status = await admin.page.evaluate(async (port) => {
        const t = (JSON.parse(sessionStorage.getItem('eakte.sitzung')!) as { token: string }).token;
        const r = await fetch('/api/v1/postfaecher', {
          method: 'POST',
          headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
          body: JSON.stringify({ bezeichnung: 'Poststelle', host: '127.0.0.1', port, sicherheit: 'keine', benutzer: 'poststelle', geheimnis: 'posteingang-e2e' }),
        });
        return r.status;
      }, dovecot.port);
      expect(status).toBe(201);
      await admin.context.close();

      // a citizen's mail arrives in the mailbox
      const c = await dovecot.client('poststelle', 'posteingang-e2e');
      await c.append(
        'INBOX',
        thunderbirdMail({ betreff: 'Antrag auf Sondernutzung Marktplatz', anlagen: [{ name: 'Lageplan.pdf', type: 'application/pdf', inhalt: Buffer.from(await pdf('Lageplan Marktplatz')) }] }),
      );

      const { context, page } = await stack.angemeldet('Registratur (Demo registratur)');
      await page.getByRole('navigation').getByRole('link', { name: 'Posteingang' }).click();
      await page.getByRole('heading', { level: 1, name: 'Posteingang' }).waitFor();
      // the screen shows what was there when it was opened: it is reloaded until the platform fetched the mail
      const zeile = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Antrag auf Sondernutzung Marktplatz', exact: true }) });
      for (let i = 0; i < 30 && !(await zeile.isVisible()); i++) {
        await page.waitForTimeout(1000);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Posteingang' }).waitFor();
      }
      await zeile.waitFor({ timeout: 1000 });
      await zeile.getByRole('cell', { name: 'E-Mail', exact: true }).waitFor();
      await zeile.getByRole('cell', { name: /Erika Müller/ }).waitFor();
      await barrierefrei(page, 'Posteingang mit einer E-Mail aus dem Funktionspostfach');
      // filed, then moved out of the inbox
      expect(await c.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
      expect(await c.status('Abgelegt', { messages: true })).toMatchObject({ messages: 1 });
      await c.logout();
      await context.close();
    } finally {
      await dovecot.stop();
    }
  });

  it("a letter is passed on to an org unit's Postkorb, where a member of the unit files it into a Vorgang", async () => {
    const { context, page } = await stack.angemeldet('Registratur (Demo registratur)');
    await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
    await page.getByRole('link', { name: /^2\.1\s*Straßenbau$/ }).click();
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Sondernutzung Marktplatz');
    await page.getByRole('button', { name: 'Akte anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Akte 2\.1-/ }).waitFor();
    await page.getByRole('tab', { name: 'Vorgänge' }).click();
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Sondernutzung Wochenmarkt Zuleitung');
    await page.getByRole('button', { name: 'Vorgang anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Vorgang / }).waitFor();
    const brief = await pdf('Antrag auf Sondernutzung');
    await page.evaluate(async (pdfB64) => {
      const token = (JSON.parse(sessionStorage.getItem('eakte.sitzung')!) as { token: string }).token;
      const f = new FormData();
      f.append('betreff', 'Antrag Sondernutzung Weber');
      f.append('datei', new File([Uint8Array.from(atob(pdfB64), (c) => c.charCodeAt(0))], 'antrag.pdf', { type: 'application/pdf' }));
      await fetch('/api/v1/posteingang', { method: 'POST', body: f, headers: { authorization: `Bearer ${token}` } });
    }, Buffer.from(brief).toString('base64'));

    // the Poststelle does not know the Vorgang: it passes the letter on to the unit's Postkorb
    await page.getByRole('navigation').getByRole('link', { name: 'Posteingang' }).click();
    await page.getByRole('cell', { name: 'Antrag Sondernutzung Weber', exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'Antrag Sondernutzung Weber auswählen' }).check();
    await page.getByRole('radio', { name: 'Postkorb einer Organisationseinheit' }).check();
    await page.getByRole('combobox', { name: 'Organisationseinheit' }).selectOption({ label: 'FB 1 – Fachbereich Zentrale Dienste' });
    await page.getByRole('textbox', { name: /^Hinweis an den Empfänger/ }).fill('zuständigkeitshalber');
    await barrierefrei(page, 'Posteingang, Weiterleitung');
    await page.getByRole('button', { name: '1 Eintrag an FB 1 – Fachbereich Zentrale Dienste weiterleiten' }).click();
    await page.getByRole('status').filter({ hasText: '1 Eintrag wurde an FB 1 – Fachbereich Zentrale Dienste weitergeleitet.' }).waitFor();
    // it leaves the Poststelle's list (other items of this file may still wait there)
    await page.getByRole('cell', { name: 'Antrag Sondernutzung Weber', exact: true }).waitFor({ state: 'detached' });
    await context.close();

    // a member of the unit finds it in the Postkorb and files it into the Vorgang
    const clerk = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)');
    const p = clerk.page;
    await p.getByRole('navigation').getByRole('link', { name: 'Postkorb' }).click();
    await p.getByRole('heading', { level: 2, name: 'Zugeleitete Post', exact: true }).waitFor();
    await p.getByRole('cell', { name: 'Antrag Sondernutzung Weber', exact: true }).waitFor();
    await p.getByRole('cell', { name: 'zuständigkeitshalber' }).waitFor();
    await barrierefrei(p, 'Postkorb mit zugeleiteter Post');
    await p.getByRole('checkbox', { name: 'Antrag Sondernutzung Weber auswählen' }).check();
    await p.getByRole('textbox', { name: /^Vorgang suchen/ }).fill('Wochenmarkt Zuleitung');
    await p.getByRole('form', { name: 'Vorgang suchen' }).getByRole('button', { name: 'Suchen' }).click();
    await p.getByRole('radio', { name: /Sondernutzung Wochenmarkt Zuleitung/ }).check();
    await p.getByRole('button', { name: /^1 Eintrag .* zuordnen$/ }).click();
    await p.getByRole('status').filter({ hasText: '1 Eintrag wurde zugeordnet.' }).waitFor();
    await p.getByText('Keine zugeleitete Post.').waitFor();
    await barrierefrei(p, 'Postkorb, zugeleitete Post zugeordnet');
    await clerk.context.close();
  }, 300_000);
});
