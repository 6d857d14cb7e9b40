// Bulk actions of the Registratur: several due Akten, found by unit and year, offered to the
// archive at once with "alle auswählen"; one Löschsperre placed on a selection of a unit's Akten,
// which each Akte's overview then shows. axe on every screen, the error state included.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { barrierefrei, schritt, stackJeDatei } from './browser.js';

const stack = stackJeDatei();

/** A new Akte in the unit now shown; with `zdaAm` closed on that day (a paper file migrated late). */
async function neueAkte(page: Page, betreff: string, zdaAm?: string): Promise<string> {
  await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill(betreff);
  if (zdaAm) await page.getByLabel(/Laufzeit ab/).fill('2010-01-04');
  await page.getByRole('button', { name: 'Akte anlegen' }).click();
  const h1 = page.getByRole('heading', { level: 1, name: /^Akte / });
  await h1.waitFor();
  const aktenzeichen = (await h1.textContent())!.replace('Akte ', '');
  if (zdaAm) {
    await page.getByLabel(/Datum der Verfügung/).fill(zdaAm);
    await page.getByRole('button', { name: 'Akte zu den Akten verfügen (z.d.A.)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, Akte z.d.A. verfügen' }).click();
    await page.getByText('Die Akte ist zu den Akten verfügt.').waitFor();
  }
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: 'Akten', exact: true }).waitFor();
  return aktenzeichen;
}

describe('web client: bulk actions', () => {
  it('the Registratur offers several due Akten of a unit and year at once', async () => {
    const t = 'sammel-aussonderung';
    const { context, page } = await stack.angemeldet('Registratur (Demo registratur)');
    await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
    await page.getByRole('link', { name: /^4\.2\s*Gewerbeangelegenheiten$/ }).click();
    await page.getByRole('heading', { level: 1, name: /^4\.2/ }).waitFor();
    // retention 5 years from the end of 2015 → due since 01.01.2021
    const a = await neueAkte(page, 'Gewerbeabmeldung Kiosk Am Markt', '2015-03-02');
    const b = await neueAkte(page, 'Gewerbeabmeldung Schlüsseldienst', '2015-06-30');

    await page.getByRole('navigation').getByRole('link', { name: 'Aussonderung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zur Aussonderung fällige Akten' }).waitFor();
    const filter = page.getByRole('form', { name: 'Fällige Akten filtern' });
    await filter.getByRole('combobox', { name: /Aktenplaneinheit/ }).selectOption({ label: '4.2 Gewerbeangelegenheiten' });
    await filter.getByRole('textbox', { name: 'Fällig geworden im Jahr' }).fill('2021');
    await filter.getByRole('button', { name: 'Filter anwenden' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: / auswählen$/ }).count()).toBe(2);
    const alle = page.getByRole('checkbox', { name: 'Alle auswählen (2 Akten)' });
    await alle.check();
    expect(await page.getByRole('checkbox', { name: `${a} auswählen` }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: `${b} auswählen` }).isChecked()).toBe(true);
    await page.getByRole('status').filter({ hasText: '2 Akten ausgewählt' }).waitFor();
    // the columns sort: newest Aktenzeichen first on the second click
    const spalte = page.getByRole('columnheader', { name: 'Aktenzeichen' });
    await spalte.getByRole('button').click();
    await spalte.getByRole('button').click();
    expect(await spalte.getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('tbody tr').first().textContent()).toContain(b);
    await barrierefrei(page, 'Fällige Akten, alle ausgewählt');
    await schritt(page, t, 'faellig-alle');
    // a year without due Akten says so
    await filter.getByRole('textbox', { name: 'Fällig geworden im Jahr' }).fill('2020');
    await filter.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByText('Keine fällige Akte passt zu diesem Filter.').waitFor();
    await filter.getByRole('textbox', { name: 'Fällig geworden im Jahr' }).fill('2021');
    await filter.getByRole('button', { name: 'Filter anwenden' }).click();
    await alle.check();
    await page.getByRole('button', { name: 'Ausgewählte Akten dem Archiv anbieten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aussonderung: angeboten' }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain(a);
    expect(text).toContain(b);
    await context.close();
  });

  it('the Registratur places one Löschsperre on a selection of Akten, and each Akte shows it', async () => {
    const t = 'sammel-sperre';
    const { context, page } = await stack.angemeldet('Registratur (Demo registratur)');
    await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
    await page.getByRole('link', { name: /^2\.1\s*Straßenbau$/ }).click();
    await page.getByRole('heading', { level: 1, name: '2.1 Straßenbau' }).waitFor();
    const a = await neueAkte(page, 'Ausbau der Lindenallee');
    const b = await neueAkte(page, 'Brücke über den Mühlbach');
    await page.getByRole('status').filter({ hasText: 'Wählen Sie in der Tabelle die Akten aus' }).waitFor();
    await page.getByRole('checkbox', { name: `${a} auswählen` }).check();
    await page.getByRole('checkbox', { name: `${b} auswählen` }).check();
    const knopf = page.getByRole('button', { name: 'Löschsperre auf 2 Akten setzen' });
    // the error state: what is missing is said at the field, the summary takes the focus
    await knopf.click();
    await page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' }).waitFor();
    expect(await page.getByRole('textbox', { name: /Bezeichnung/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await barrierefrei(page, 'Sammelsperre, Pflichtfelder leer');
    await page.getByRole('textbox', { name: /Bezeichnung/ }).fill('Verfahren VG Weimar 3 K 12/26');
    await page.getByRole('textbox', { name: 'Grund', exact: true }).fill('Klage der Anlieger gegen die Ausbaubeiträge');
    await knopf.click();
    await page.getByText('Die Löschsperre wurde auf 2 Akten gesetzt.').waitFor();
    // the selection is cleared after the action
    expect(await page.getByRole('checkbox', { name: `${a} auswählen` }).isChecked()).toBe(false);
    await barrierefrei(page, 'Sammelsperre gesetzt');
    await schritt(page, t, 'gesetzt');
    for (const az of [a, b]) {
      await page.getByRole('link', { name: az, exact: true }).click();
      await page.getByText(/Verfahren VG Weimar 3 K 12\/26/).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 2, name: 'Akten', exact: true }).waitFor();
    }
    await context.close();
  });
});
