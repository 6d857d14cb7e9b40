// axe on the screens and states no other browser test looks at: the notification settings (with a
// refused address said at the field in plain German), a search without hits, and a due list whose
// filter finds nothing.
import { describe, expect, it } from 'vitest';
import { barrierefrei, stackJeDatei } from './browser.js';

const stack = stackJeDatei();

describe('web client: the remaining screens', () => {
  it('a clerk sets the notification address; a malformed one is said at the field', async () => {
    const { context, page } = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)');
    await page.goto(`${stack.platform.url}/einstellungen/benachrichtigungen`);
    await page.getByRole('heading', { level: 1, name: 'Meine Benachrichtigungen' }).waitFor();
    const email = page.getByRole('textbox', { name: /E-Mail-Adresse/ });
    await email.waitFor();
    await barrierefrei(page, 'Benachrichtigungen');
    await email.fill('erika.mustermann');
    await page.getByRole('button', { name: 'Einstellung speichern' }).click();
    const zusammenfassung = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await zusammenfassung.waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await zusammenfassung.textContent()).toContain('Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await barrierefrei(page, 'Benachrichtigungen, Adresse falsch');
    await email.fill('erika.mustermann@musterstadt.de');
    await page.getByRole('button', { name: 'Einstellung speichern' }).click();
    await page.getByText('Ihre Einstellung ist gespeichert.').waitFor();
    await barrierefrei(page, 'Benachrichtigungen gespeichert');

    await page
      .getByRole('searchbox')
      .or(page.getByRole('textbox', { name: /Suche nach/ }))
      .first()
      .fill('Xylophonquartett');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByText(/^Keine Treffer/).waitFor();
    await barrierefrei(page, 'Suche ohne Treffer');
    await context.close();
  });

  it('the Registratur filters the due list to a year without due Akten', async () => {
    const { context, page } = await stack.angemeldet('Registratur (Demo registratur)');
    await page.getByRole('navigation').getByRole('link', { name: 'Aussonderung' }).click();
    const filter = page.getByRole('form', { name: 'Fällige Akten filtern' });
    await filter.getByRole('textbox', { name: 'Fällig geworden im Jahr' }).fill('1990');
    await filter.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByText('Keine fällige Akte passt zu diesem Filter.').waitFor();
    await barrierefrei(page, 'Fällige Akten, Filter ohne Treffer');
    await context.close();
  });
});
