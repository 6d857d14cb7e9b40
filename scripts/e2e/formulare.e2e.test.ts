// Errors where the clerk is: a required field left empty and a field the API refuses are marked at
// the field (aria-invalid, the message as its description) and in a summary that takes the focus;
// fields the role may not set are not offered; an empty file is called empty and shows no full bar;
// a client address that does not exist is the client's own page, not raw JSON. axe on every screen.
import { describe, expect, it } from 'vitest';
import { barrierefrei, stackJeDatei } from './browser.js';

const stack = stackJeDatei();

describe('web client: errors at the field', () => {
  it('a clerk sees what to correct at the field, in plain German, with the focus on the summary', async () => {
    const { context, page } = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)');
    await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
    await page.getByRole('link', { name: /^2\.1\s*Straßenbau$/ }).click();
    await page.getByRole('heading', { level: 1, name: '2.1 Straßenbau' }).waitFor();
    // only the Registratur may set an earlier Laufzeit: a clerk is not offered the field
    expect(await page.getByLabel(/Laufzeit ab/).count()).toBe(0);

    const betreff = page.getByRole('textbox', { name: 'Betreff', exact: true });
    await betreff.fill('   ');
    await page.getByRole('button', { name: 'Akte anlegen' }).click();
    const zusammenfassung = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await zusammenfassung.waitFor();
    expect(await betreff.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Bitte prüfen Sie Ihre Angaben');
    const beschreibung = await betreff.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(beschreibung).toContain('Bitte füllen Sie dieses Feld aus.');
    await barrierefrei(page, 'Aktenplaneinheit, Pflichtfeld leer');
    // the summary's link leads to the field
    await zusammenfassung.getByRole('link', { name: /Betreff/ }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('   ');

    // the API's own field error (the request is changed on the way, so the server refuses it)
    await page.route('**/api/v1/akten', (route) =>
      route.request().method() === 'POST' ? route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), betreff: '' }) }) : route.continue(),
    );
    await betreff.fill('Ausbau Ortsdurchfahrt');
    await page.getByRole('button', { name: 'Akte anlegen' }).click();
    await expect.poll(() => betreff.getAttribute('aria-invalid')).toBe('true');
    await zusammenfassung.waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('Betreff: Bitte füllen Sie dieses Feld aus.');
    expect(text).not.toMatch(/must NOT|characters|betreff:/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await barrierefrei(page, 'Aktenplaneinheit, Feldfehler der API');
    await page.unroute('**/api/v1/akten');

    await page.getByRole('button', { name: 'Akte anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Akte 2\.1-/ }).waitFor();
    await page.getByRole('tab', { name: 'Vorgänge' }).click();
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Anhörung');
    await page.getByRole('button', { name: 'Vorgang anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Vorgang / }).waitFor();

    // an empty file: said plainly, without MIME types, and without a full bar
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File([], 'Notiz.txt', { type: 'text/plain' }));
      return d;
    });
    await page.dispatchEvent('[data-testid=ablage]', 'drop', { dataTransfer: dt });
    await page.getByText('Notiz.txt: nicht hochgeladen').waitFor({ timeout: 30_000 });
    const liste = page.getByRole('list', { name: 'Hochgeladene Dateien' });
    expect(await liste.textContent()).toContain('Die Datei ist leer');
    expect(await liste.textContent()).not.toMatch(/text\/plain|octet-stream|Dateiendung/);
    expect(await liste.locator('progress').count()).toBe(0);
    await barrierefrei(page, 'Vorgang, leere Datei');

    // an address the client does not know: its own page, in the frame, not JSON
    const antwort = await page.goto(`${stack.platform.url}/akten-gibt-es/hier-nicht`);
    expect(antwort?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Nicht gefunden' }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain('ROUTE_NICHT_GEFUNDEN');
    await barrierefrei(page, 'Unbekannte Adresse');
    await context.close();
  });
});
