// The Geschäftsgang in the browser: a clerk writes a Verfügung on a Vorgang with two parallel
// Mitzeichnungen (a person and an org unit) and a Schlusszeichnung, its document marked as the
// Entwurf; the co-signer has named a
// deputy (a Vertretung for today, first refused at the field when naming herself), the deputy
// signs "i. V." from her Postkorb and takes the org unit's step over; the head of unit signs and
// closes the Vorgang with z.d.A. axe finds nothing on any of the new screens; a co-signer works a
// step from the Postkorb by keyboard alone.
import { signDevToken } from '@eakte/platform';
import { einheitFuerNeueAkten } from '@eakte/testing';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { barrierefrei, pdf, schritt, stackJeDatei } from './browser.js';

const stack = stackJeDatei();
const T = 'geschaeftsgang';
const berlin = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** An Akte with a Vorgang and one PDF in it, filed through the API by the clerk. */
const api = (p: string) => `${stack.platform.url}/api/v1${p}`;
async function clerkToken(rolle = 'sachbearbeitung') {
  const { key, issuer } = stack.platform.devIssuer!;
  return signDevToken(key, { issuer, audience: 'eakte', sub: `demo-${rolle}`, mandant: 'demo', rollen: [rolle], ttlSeconds: 600 });
}

async function vorgangMitDokument(): Promise<{ vorgangId: string; kennzeichen: string }> {
  const h = { authorization: `Bearer ${await clerkToken()}` };
  const plan = await json<{ einheiten: { id: string }[] }>(await fetch(api('/aktenplan'), { headers: h }), 200);
  const akte = await json<{ id: string }>(
    await fetch(api('/akten'), {
      method: 'POST',
      headers: { ...h, 'content-type': 'application/json' },
      body: JSON.stringify({ aktenplaneinheitId: einheitFuerNeueAkten(plan.einheiten).id, betreff: 'Bebauungsplan Nord' }),
    }),
    201,
  );
  const vorgang = await json<{ id: string; kennzeichen: string }>(
    await fetch(api(`/akten/${akte.id}/vorgaenge`), { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: JSON.stringify({ betreff: 'Stellungnahme der Stadt' }) }),
    201,
  );
  const form = new FormData();
  form.set('datei', new Blob([Buffer.from(await pdf('Entwurf der Stellungnahme'))], { type: 'application/pdf' }), 'Entwurf.pdf');
  form.set('betreff', 'Entwurf Stellungnahme');
  form.set('datumDesSchreibens', berlin());
  await json(await fetch(api(`/vorgaenge/${vorgang.id}/dokumente`), { method: 'POST', headers: h, body: form }), 201);
  return { vorgangId: vorgang.id, kennzeichen: vorgang.kennzeichen };
}

/** Picks a person by name in a PersonWahl of `bereich`: types `suche`, chooses the hit `treffer` by keyboard (arrow keys, Enter). */
async function waehlePerson(bereich: Locator, feld: string, suche: string, treffer: string) {
  const box = bereich.getByRole('searchbox', { name: feld, exact: true });
  await box.fill(suche);
  const liste = bereich.getByRole('list', { name: `Treffer für ${feld}` });
  await liste.getByRole('button', { name: treffer, exact: true }).waitFor();
  await box.press('ArrowDown');
  const knoepfe = liste.getByRole('button');
  for (let i = 0; i < (await knoepfe.count()); i++) {
    if ((await knoepfe.nth(i).textContent()) === treffer) break;
    await bereich.page().keyboard.press('ArrowDown');
  }
  await bereich.page().keyboard.press('Enter');
  await expect.poll(() => box.inputValue()).toBe(treffer.replace(/ \([^)]*\)$/, ''));
  return box;
}

/** Presses Tab until `ziel` has the focus (keyboard only: no click); fails after `max` presses. */
async function tabBis(page: Page, ziel: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await ziel.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`nach ${max} Tabs nicht fokussiert: ${String(ziel)}`);
}

describe('web client: Geschäftsgang', () => {
  it('works by keyboard alone: from the Postkorb to the step, the Votum given and sent', async () => {
    const { vorgangId } = await vorgangMitDokument();
    const h = { authorization: `Bearer ${await clerkToken()}`, 'content-type': 'application/json' };
    await json(
      await fetch(api(`/vorgaenge/${vorgangId}/verfuegungen`), {
        method: 'POST',
        headers: h,
        body: JSON.stringify({
          betreff: 'Per Tastatur mitzeichnen',
          laufweg: [
            { bearbeiter: { sub: 'demo-registratur' }, aktion: 'mitzeichnung' },
            // someone whose Postkorb no other case looks at
            { bearbeiter: { sub: 'tastatur-leitung' }, aktion: 'zeichnung' },
          ],
        }),
      }),
      201,
    );
    const chefin = await stack.angemeldet('Registratur (Demo registratur)');
    const c = chefin.page;
    await c.goto(`${stack.platform.url}/postkorb`);
    const link = c.getByRole('table', { name: 'Mein Postkorb' }).getByRole('link', { name: 'Per Tastatur mitzeichnen' });
    await link.waitFor();
    await tabBis(c, link);
    await c.keyboard.press('Enter');
    await c.getByRole('heading', { level: 1, name: 'Verfügung: Per Tastatur mitzeichnen' }).waitFor();
    const votum = c.getByLabel('Votum');
    await tabBis(c, votum);
    await c.keyboard.press('ArrowDown');
    await expect.poll(() => votum.inputValue()).toBe('einverstanden');
    await tabBis(c, c.getByRole('button', { name: 'Mitzeichnen' }));
    await c.keyboard.press('Enter');
    await c.getByText('Ihr Schritt ist erledigt.').waitFor();
    await chefin.context.close();
  });

  it('a Verfügung with two parallel Mitzeichnungen, one signed i. V. by the deputy, then signed and z.d.A.', async () => {
    const { vorgangId, kennzeichen } = await vorgangMitDokument();
    const betreff = 'Stellungnahme zum Bebauungsplan Nord';

    // the co-signer (and head of unit) names her deputy for today; herself is refused at the field
    const chefin = await stack.angemeldet('Registratur (Demo registratur)');
    const c = chefin.page;
    await c.getByRole('navigation').getByRole('link', { name: 'Vertretung' }).click();
    await c.getByRole('heading', { level: 1, name: 'Meine Vertretung' }).waitFor();
    await c.getByText('Sie haben keine Vertretung benannt.').waitFor();
    const v1 = c.getByRole('group', { name: 'Vertretung 1' });
    // a name typed but not picked from the hits is refused before anything is sent
    const sub = v1.getByRole('searchbox', { name: 'Vertretung (Person)' });
    await sub.fill('Niemand Unbekannt');
    await v1.getByText('Keine Person gefunden. Prüfen Sie die Schreibweise.').waitFor();
    await c.getByRole('button', { name: 'Vertretung speichern' }).click();
    await expect.poll(() => sub.getAttribute('aria-invalid')).toBe('true');
    await c.getByRole('alert').getByText('Vertretung (Person): Bitte wählen Sie die Person aus der Trefferliste.').waitFor();
    await barrierefrei(c, 'Vertretung, Person nicht gewählt');
    await waehlePerson(v1, 'Vertretung (Person)', 'registratur', 'Demo registratur (demo-registratur)');
    await v1.getByText('Gewählt: Demo registratur (Kennung demo-registratur).').waitFor();
    await c.getByRole('button', { name: 'Vertretung speichern' }).click();
    await expect.poll(() => sub.getAttribute('aria-invalid')).toBe('true');
    expect(await c.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await barrierefrei(c, 'Vertretung, Fehler am Feld');
    await waehlePerson(v1, 'Vertretung (Person)', 'registratur 2', 'Demo registratur 2 (demo-registratur-2)');
    await v1.getByLabel('Abwesend von (freiwillig)').fill(berlin());
    await v1.getByLabel('Abwesend bis (freiwillig)').fill(berlin());
    await c.getByRole('button', { name: 'Vertretung speichern' }).click();
    await c.getByText('Ihre Vertretung ist gespeichert.').waitFor();
    await barrierefrei(c, 'Vertretung gespeichert');
    await schritt(c, T, 'vertretung');

    // the clerk writes the Verfügung on the Vorgang: the document, two parallel Mitzeichnungen, the Schlusszeichnung
    const clerk = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)');
    const p = clerk.page;
    await p.goto(`${stack.platform.url}/vorgaenge/${vorgangId}`);
    await p.getByRole('link', { name: 'Verfügung schreiben' }).click();
    await p.getByRole('heading', { level: 1, name: 'Verfügung schreiben' }).waitFor();
    await p.getByRole('textbox', { name: 'Betreff der Verfügung' }).fill(betreff);
    await p.getByRole('checkbox', { name: 'Entwurf Stellungnahme (Version 1)' }).check();
    await p.getByLabel('Entwurf unter diesen Dokumenten (freiwillig)').selectOption({ label: 'Entwurf Stellungnahme (Version 1)' });
    const s1 = p.getByRole('group', { name: 'Schritt 1' });
    await waehlePerson(s1, 'Person', 'Demo reg', 'Demo registratur (demo-registratur)');
    await barrierefrei(p, 'Verfügung schreiben, Person gewählt');
    await s1.getByLabel('Aufgabe').selectOption('mitzeichnung');
    await p.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await p.getByRole('button', { name: 'Schritt 3 nach oben' }).click();
    const s2 = p.getByRole('group', { name: 'Schritt 2' });
    await s2.getByLabel('Bearbeitet von').selectOption('einheit');
    await s2.getByLabel('Organisationseinheit').selectOption({ label: 'FB 1 – Fachbereich Zentrale Dienste' });
    await expect.poll(() => s2.getByLabel('Aufgabe').inputValue()).toBe('mitzeichnung');
    await s2.getByRole('checkbox', { name: 'parallel zum vorigen Schritt' }).check();
    const s3 = p.getByRole('group', { name: 'Schritt 3' });
    expect(await s3.getByLabel('Aufgabe').inputValue()).toBe('zeichnung');
    await waehlePerson(s3, 'Person', 'demo-registratur', 'Demo registratur (demo-registratur)');
    await s3.getByLabel('Hinweis (freiwillig)').fill('Bitte zeichnen');
    await barrierefrei(p, 'Verfügung schreiben');
    await schritt(p, T, 'editor');
    await p.getByRole('button', { name: 'Verfügung absenden' }).click();
    await p.getByRole('heading', { level: 1, name: `Verfügung: ${betreff}` }).waitFor();
    await p.getByRole('heading', { name: 'Schritt 1 (2 parallel)' }).waitFor();
    // people by name, not by login id
    await p
      .getByText(/Mitzeichnung: Demo registratur – liegt vor/)
      .first()
      .waitFor();
    await p.getByText('Verfasst von', { exact: true }).locator('..').getByText('Demo sachbearbeitung').waitFor();
    await p.getByRole('button', { name: 'Anzeigen: Entwurf Stellungnahme (Version 1)' }).waitFor();
    await p.getByText('(Version 1, Entwurf)').waitFor();
    await barrierefrei(p, 'Verfügung, gesendet');

    // the deputy: both Mitzeichnungen in her Postkorb, one i. V. for the co-signer, one for the org unit
    const vertreterin = await stack.angemeldet('Registratur (Demo registratur 2)');
    const d = vertreterin.page;
    const korb = d.getByRole('region', { name: 'Mein Postkorb' });
    await korb.getByRole('row', { name: /in Vertretung für Demo registratur.*Demo sachbearbeitung/ }).waitFor();
    await barrierefrei(d, 'Start mit Postkorb');
    await schritt(d, T, 'postkorb');
    await korb
      .getByRole('row', { name: /in Vertretung für Demo registratur/ })
      .getByRole('link', { name: betreff })
      .click();
    await d.getByRole('heading', { level: 1, name: `Verfügung: ${betreff}` }).waitFor();
    // the pinned version read inline
    await d.getByRole('button', { name: 'Anzeigen: Entwurf Stellungnahme (Version 1)' }).click();
    await d.locator('iframe.eakte-pdf').waitFor();
    await d.getByLabel('Votum').selectOption('einverstanden');
    await d.getByLabel('Kommentar (freiwillig)').fill('Keine Einwände');
    await barrierefrei(d, 'Verfügung, Mitzeichnung');
    await d.getByRole('button', { name: 'Mitzeichnen' }).click();
    await d.getByText('Ihr Schritt ist erledigt.').waitFor();
    // the form went with its button: the focus is on what happened, not lost to the page
    await expect.poll(() => d.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Ihr Schritt ist erledigt.');
    await d.getByText(/Demo registratur 2 i\. V\. für Demo registratur am/).waitFor();
    await schritt(d, T, 'mitgezeichnet-iv');

    await d.getByRole('link', { name: 'Zum Postkorb' }).click();
    await d.getByRole('heading', { level: 1, name: 'Mein Postkorb' }).waitFor();
    await d
      .getByRole('row', { name: /für Ihre Organisationseinheit/ })
      .getByRole('link', { name: betreff })
      .click();
    await d.getByRole('button', { name: 'Übernehmen: Mitzeichnung' }).click();
    await d.getByText('Sie haben den Schritt übernommen; er liegt jetzt nur in Ihrem Postkorb.').waitFor();
    await d.getByText('übernommen von Demo registratur 2').waitFor();
    await d.getByLabel('Votum').selectOption('einverstanden_mit_aenderungen');
    await d.getByRole('button', { name: 'Mitzeichnen' }).click();
    await d.getByText('Ihr Schritt ist erledigt.').waitFor();
    await d.getByText('Votum: einverstanden mit Änderungen').waitFor();

    // the head of unit signs and orders z.d.A.
    await c.goto(`${stack.platform.url}/postkorb`);
    await c.getByRole('heading', { level: 1, name: 'Mein Postkorb' }).waitFor();
    await c
      .getByRole('row', { name: /Schlusszeichnung/ })
      .getByRole('link', { name: betreff })
      .click();
    await c.getByRole('heading', { level: 1, name: `Verfügung: ${betreff}` }).waitFor();
    await c.getByLabel('Schlussverfügung').selectOption('zdA');
    await barrierefrei(c, 'Verfügung, Schlusszeichnung');
    await c.getByRole('button', { name: 'Zeichnen' }).click();
    await c.getByText('Der Laufweg ist abgeschlossen.').waitFor();
    await c.getByText('Stand', { exact: true }).locator('..').getByText('abgeschlossen', { exact: true }).waitFor();
    await barrierefrei(c, 'Verfügung abgeschlossen');
    await schritt(c, T, 'gezeichnet-zda');
    await c.getByRole('link', { name: new RegExp(`Vorgang ${kennzeichen.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`) }).click();
    await c.getByRole('heading', { level: 1, name: `Vorgang ${kennzeichen}` }).waitFor();
    await c.getByText(/^z\.d\.A\. am /).waitFor();

    // the clerk's Postkorb is empty again
    await p.goto(`${stack.platform.url}/postkorb`);
    await p.getByText('Ihr Postkorb ist leer: nichts wartet auf Sie.').waitFor();
    await barrierefrei(p, 'Postkorb leer');
    for (const x of [chefin, clerk, vertreterin]) await x.context.close();
  });

  it("starts the Laufweg from an org unit's template, then sends it", async () => {
    const { vorgangId } = await vorgangMitDokument();
    const admin = { authorization: `Bearer ${await clerkToken('fachadministration')}`, 'content-type': 'application/json' };
    const oes = await json<{ items: { id: string; kuerzel: string; name: string }[] }>(await fetch(api('/organisationseinheiten'), { headers: admin }), 200);
    const fb1 = oes.items.find((o) => o.name === 'Fachbereich Zentrale Dienste')!;
    await json(
      await fetch(api(`/organisationseinheiten/${fb1.id}/laufwegvorlagen`), {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({
          vorlagen: [
            {
              name: 'Zwei Mitzeichnungen, dann die Leitung',
              laufweg: [
                { bearbeiter: { sub: 'demo-registratur' }, aktion: 'mitzeichnung', parallelGruppe: 1 },
                { bearbeiter: { organisationseinheitId: fb1.id }, aktion: 'mitzeichnung', parallelGruppe: 1 },
                { bearbeiter: { sub: 'demo-registratur' }, aktion: 'zeichnung', hinweis: 'Bitte zeichnen' },
              ],
            },
          ],
        }),
      }),
      200,
    );

    const clerk = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)');
    const p = clerk.page;
    await p.goto(`${stack.platform.url}/vorgaenge/${vorgangId}/verfuegung`);
    await p.getByRole('heading', { level: 1, name: 'Verfügung schreiben' }).waitFor();
    await p.getByRole('textbox', { name: 'Betreff der Verfügung' }).fill('Nach Vorlage');
    await p.getByLabel('Laufweg-Vorlage (freiwillig)').selectOption({ label: `${fb1.kuerzel} – ${fb1.name}: Zwei Mitzeichnungen, dann die Leitung` });
    await p.getByRole('button', { name: 'Vorlage übernehmen' }).click();
    const s2 = p.getByRole('group', { name: 'Schritt 2' });
    await expect.poll(() => s2.getByLabel('Bearbeitet von').inputValue()).toBe('einheit');
    expect(await s2.getByRole('checkbox', { name: 'parallel zum vorigen Schritt' }).isChecked()).toBe(true);
    expect(await p.getByRole('group', { name: 'Schritt 3' }).getByLabel('Hinweis (freiwillig)').inputValue()).toBe('Bitte zeichnen');
    await barrierefrei(p, 'Verfügung schreiben, nach Vorlage');
    await p.getByRole('button', { name: 'Verfügung absenden' }).click();
    await p.getByRole('heading', { level: 1, name: 'Verfügung: Nach Vorlage' }).waitFor();
    await p.getByRole('heading', { name: 'Schritt 1 (2 parallel)' }).waitFor();
    await clerk.context.close();
  });

  it('an overdue step comes first; "nicht einverstanden" returns the Verfügung to its author, who sends it again', async () => {
    const { vorgangId } = await vorgangMitDokument();
    const h = { authorization: `Bearer ${await clerkToken()}`, 'content-type': 'application/json' };
    const gestern = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() - 86_400_000));
    const neu = (betreff: string, frist?: string) =>
      fetch(api(`/vorgaenge/${vorgangId}/verfuegungen`), {
        method: 'POST',
        headers: h,
        body: JSON.stringify({
          betreff,
          laufweg: [
            { bearbeiter: { sub: 'demo-registratur' }, aktion: 'mitzeichnung', ...(frist ? { frist } : {}) },
            { bearbeiter: { sub: 'demo-registratur' }, aktion: 'zeichnung' },
          ],
        }),
      });
    await json(await neu('Ohne Frist'), 201);
    await json(await neu('Eilt: Frist gestern', gestern), 201);

    const chefin = await stack.angemeldet('Registratur (Demo registratur)');
    const c = chefin.page;
    await c.goto(`${stack.platform.url}/postkorb`);
    const zeilen = c.getByRole('table', { name: 'Mein Postkorb' }).locator('tbody tr');
    await zeilen.first().waitFor();
    // the overdue one on top though it came in later
    expect(await zeilen.first().textContent()).toMatch(/Eilt: Frist gestern.*\(überfällig\)/);
    await barrierefrei(c, 'Postkorb mit überfälligem Eintrag');
    await zeilen.first().getByRole('link', { name: 'Eilt: Frist gestern' }).click();
    await c.getByLabel('Votum').selectOption('nicht_einverstanden');
    await c.getByLabel('Kommentar (freiwillig)').fill('Rechtsgrundlage fehlt');
    await c.getByRole('button', { name: 'Mitzeichnen' }).click();
    await c.getByText('Die Verfügung geht an den Verfasser zurück.').waitFor();

    const clerk = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)');
    const p = clerk.page;
    const korb = p.getByRole('region', { name: 'Mein Postkorb' });
    await korb.getByText('Zurückgegeben', { exact: true }).first().waitFor();
    await korb.getByRole('link', { name: 'Eilt: Frist gestern' }).click();
    await p.getByText('an den Verfasser zurückgegeben').waitFor();
    await p.getByText('Kommentar: Rechtsgrundlage fehlt').waitFor();
    // sent without a reason: refused at the field before anything goes out
    await p.getByRole('button', { name: 'Erneut senden' }).click();
    await expect.poll(() => p.getByLabel('Grund der Änderung').getAttribute('aria-invalid')).toBe('true');
    await p.getByLabel('Grund der Änderung').fill('Rechtsgrundlage ergänzt');
    const s1 = p.getByRole('group', { name: 'Schritt 1' });
    await waehlePerson(s1, 'Person', 'registratur', 'Demo registratur (demo-registratur)');
    await waehlePerson(p.getByRole('group', { name: 'Schritt 2' }), 'Person', 'registratur', 'Demo registratur (demo-registratur)');
    await barrierefrei(p, 'Verfügung zurückgegeben, Laufweg ändern');
    await p.getByRole('button', { name: 'Erneut senden' }).click();
    await p.getByText('Der Laufweg ist geändert.').waitFor();
    await p.getByText('im Geschäftsgang', { exact: true }).waitFor();
    await p
      .getByText(/übersprungen/)
      .first()
      .waitFor();
    await barrierefrei(p, 'Verfügung erneut gesendet');
    for (const x of [chefin, clerk]) await x.context.close();
  });
});
