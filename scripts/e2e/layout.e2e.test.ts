// The clerk's main flow at 200 % zoom (a 1280×800 screen: 640×400 CSS pixels) and on a 390×844
// phone: no page scrolls sideways, nothing hides in a sideways-scrolling box, the main actions are
// within the screen's width, the page title is on the first screen (the header stays compact), and
// axe finds nothing on any screen.
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { barrierefrei, pdf, schritt, stackJeDatei } from './browser.js';

const stack = stackJeDatei();

const ANSICHTEN: { name: string; optionen: BrowserContextOptions }[] = [
  { name: 'zoom-200', optionen: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } },
  { name: 'telefon', optionen: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } },
];

/** The screen as a narrow one must be: nothing sideways, the actions in reach, the title on the first screen, axe clean. */
async function passt(page: Page, name: string, aktionen: Locator[], titelOben = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const m = await page.evaluate(() => {
    const d = document.documentElement;
    const seitlich = [...document.querySelectorAll('body *')]
      .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    const h1 = document.querySelector('h1')!.getBoundingClientRect();
    return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, seitlich, titelOben: h1.top, hoehe: window.innerHeight };
  });
  expect(m.scrollWidth, `${name}: page wider than the screen`).toBeLessThanOrEqual(m.clientWidth);
  expect(m.seitlich, `${name}: boxes scrolling sideways`).toEqual([]);
  if (titelOben) expect(m.titelOben, `${name}: the page title is below the first screen`).toBeLessThan(m.hoehe / 2);
  for (const a of aktionen) {
    const box = (await a.boundingBox())!;
    expect(box, `${name}: ${String(a)} not shown`).not.toBeNull();
    expect(box.x, `${name}: ${String(a)}`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name}: ${String(a)} beyond the screen`).toBeLessThanOrEqual(m.clientWidth);
  }
  await barrierefrei(page, name);
}

describe('web client on narrow screens', () => {
  for (const ansicht of ANSICHTEN) {
    it(`${ansicht.name}: the clerk's main flow fits the screen`, async () => {
      const { context, page } = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)', ansicht.optionen);
      const t = `schmal-${ansicht.name}`;
      await page.getByRole('heading', { level: 1, name: /^Willkommen/ }).waitFor();
      const menue = page.getByRole('button', { name: 'Menü' });
      await passt(page, `${t} Start`, [menue, page.getByRole('button', { name: 'Suchen' })]);
      await schritt(page, t, 'start');
      await menue.click();
      expect(await menue.getAttribute('aria-expanded')).toBe('true');
      await passt(page, `${t} Menü`, [page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }), page.getByRole('button', { name: 'Abmelden' })], false);
      await schritt(page, t, 'menue');
      await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
      await page.getByRole('link', { name: /^2\.1\s*Straßenbau$/ }).click();
      await page.getByRole('heading', { level: 1, name: '2.1 Straßenbau' }).waitFor();
      // the menu folds again after navigating
      expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).isVisible()).toBe(false);
      const anlegen = page.getByRole('button', { name: 'Akte anlegen' });
      await passt(page, `${t} Aktenplaneinheit`, [anlegen]);
      // an error state, too
      await anlegen.click();
      await page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' }).waitFor();
      await passt(page, `${t} Aktenplaneinheit mit Fehler`, [anlegen]);
      await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Radweg entlang der Kreisstraße mit einem sehr langen Betreff ohne Umbruchmöglichkeit');
      await anlegen.click();
      await page.getByRole('heading', { level: 1, name: /^Akte 2\.1-/ }).waitFor();
      await passt(page, `${t} Akte`, [page.getByRole('tab', { name: 'Vorgänge' }), page.getByRole('tab', { name: 'Historie' })]);
      await page.getByRole('tab', { name: 'Historie' }).click();
      const historie = page.getByRole('tabpanel').getByRole('table');
      await historie.waitFor();
      await passt(page, `${t} Akte, Historie`, [historie.locator('td[data-titel="Aktion"]').first()]);
      // an entry without changed fields says so, not an empty cell
      expect(await historie.locator('td[data-titel="Änderungen"]').first().textContent()).toBe('–');
      // the breadcrumbs' current page stands on the links' line, in their size
      const krumen = await page.locator('.eakte-brotkrumen li').evaluateAll((li) => li.map((l) => ({ unten: Math.round(l.getBoundingClientRect().bottom), schrift: getComputedStyle(l).fontSize })));
      expect(new Set(krumen.map((k) => k.schrift)).size, `${t}: breadcrumbs in one size`).toBe(1);
      expect(Math.abs(krumen.at(-1)!.unten - krumen[0]!.unten), `${t}: the current page on the links' line`).toBeLessThanOrEqual(2);
      await schritt(page, t, 'historie');
      await page.getByRole('tab', { name: 'Vorgänge' }).click();
      await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Planfeststellung');
      await page.getByRole('button', { name: 'Vorgang anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: /^Vorgang / }).waitFor();
      const dt = await page.evaluateHandle(
        (b) => {
          const d = new DataTransfer();
          d.items.add(new File([new Uint8Array(b)], 'Lageplan Radweg.pdf', { type: 'application/pdf' }));
          return d;
        },
        [...(await pdf('Lageplan des Radwegs'))],
      );
      await page.dispatchEvent('[data-testid=ablage]', 'drop', { dataTransfer: dt });
      await page.getByText('Lageplan Radweg.pdf: hochgeladen').waitFor({ timeout: 30_000 });
      await passt(page, `${t} Vorgang`, [page.getByText('Dateien auswählen'), page.getByRole('link', { name: 'Lageplan Radweg' })]);
      await page.getByRole('link', { name: 'Lageplan Radweg' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lageplan Radweg' }).waitFor();
      // "Herunterladen" and "PDF anzeigen" in reach, not in a sideways-scrolling table
      const herunterladen = page.getByRole('button', { name: /Lageplan Radweg\.pdf herunterladen/ });
      const anzeigen = page.getByRole('button', { name: /PDF anzeigen: Lageplan Radweg\.pdf/ });
      await passt(page, `${t} Dokument`, [herunterladen, anzeigen, page.getByRole('button', { name: 'Angaben speichern' })]);
      await schritt(page, t, 'dokument');
      await context.close();
    });
  }

  it('the client has a favicon', async () => {
    const res = await fetch(`${stack.platform.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});
