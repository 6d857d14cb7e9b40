// Wiedervorlage as a daily tool: a clerk sets it on an existing Vorgang (a day already past is
// refused at the field), finds it under "Meine Wiedervorlagen" (the Registratur does not), moves it
// by a week and marks it done; the empty list names the chosen "Fällig bis". axe on every screen.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../lib/platform.js';
import { anmelden, barrierefrei, startStack } from './browser.js';

let platform: Platform;
let browser: Browser;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ platform, browser, stop } = await startStack());
});
afterAll(async () => {
  await stop?.();
});

const berlin = (tage = 0) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + tage * 86_400_000));
const deutsch = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

describe('web client: Wiedervorlage', () => {
  it('is personal, set and moved on the Vorgang, done from the list, with dates checked', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await anmelden(page, platform.url, 'Stadtverwaltung Musterstadt', 'Sachbearbeitung (Demo sachbearbeitung)');
    await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
    await page.getByRole('link', { name: /^2\.1\s*Straßenbau$/ }).click();
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Radweg Mühlenstraße');
    await page.getByRole('button', { name: 'Akte anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Akte 2\.1-/ }).waitFor();
    await page.getByRole('tab', { name: 'Vorgänge' }).click();
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Stellungnahme Fahrradclub');
    await page.getByRole('button', { name: 'Vorgang anlegen' }).click();
    const vorgangH1 = page.getByRole('heading', { level: 1, name: /^Vorgang / });
    await vorgangH1.waitFor();
    const kennzeichen = (await vorgangH1.textContent())!.replace('Vorgang ', '');

    // set on the existing Vorgang; yesterday is refused at the field
    const bereich = page.locator('section', { has: page.getByRole('heading', { name: 'Meine Wiedervorlage' }) });
    await bereich.getByText('Sie haben für diesen Vorgang keine Wiedervorlage gesetzt.').waitFor();
    const tag = bereich.getByLabel(/^Wiedervorlage am/);
    await tag.fill(berlin(-1));
    await bereich.getByRole('button', { name: 'Wiedervorlage setzen' }).click();
    await expect.poll(() => tag.getAttribute('aria-invalid')).toBe('true');
    const beschreibung = await tag.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(beschreibung).toContain('Bitte wählen Sie heute oder einen späteren Tag.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await barrierefrei(page, 'Vorgang, Wiedervorlage in der Vergangenheit');
    await tag.fill(berlin());
    await bereich.getByRole('button', { name: 'Wiedervorlage setzen' }).click();
    await bereich.getByText(`Die Wiedervorlage ist auf den ${deutsch(berlin())} gesetzt.`).waitFor();
    await bereich.getByText(`Wiedervorlage am ${deutsch(berlin())} (nur für Sie sichtbar).`).waitFor();
    await barrierefrei(page, 'Vorgang mit Wiedervorlage');

    await page.getByRole('navigation').getByRole('link', { name: 'Wiedervorlagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Wiedervorlagen' }).waitFor();
    await page.getByRole('link', { name: kennzeichen }).waitFor();
    await barrierefrei(page, 'Meine Wiedervorlagen');

    // the Registratur's list is its own
    const reg = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await anmelden(reg, platform.url, 'Stadtverwaltung Musterstadt', 'Registratur (Demo registratur)');
    await reg.getByRole('navigation').getByRole('link', { name: 'Wiedervorlagen' }).click();
    await reg.getByRole('heading', { level: 1, name: 'Meine Wiedervorlagen' }).waitFor();
    await reg.getByText('Heute ist nichts zur Wiedervorlage fällig.').or(reg.getByRole('table')).first().waitFor();
    expect(await reg.getByRole('link', { name: kennzeichen }).count()).toBe(0);

    // moved by a week: nothing due today, and the text says so; up to the new day it is listed
    await page.getByRole('button', { name: `Eine Woche später: Wiedervorlage für ${kennzeichen}` }).click();
    await page.getByText(`Die Wiedervorlage für ${kennzeichen} ist auf den ${deutsch(berlin(7))} verschoben.`).waitFor();
    await expect.poll(() => page.getByRole('link', { name: kennzeichen }).count()).toBe(0);
    await page.getByLabel('Fällig bis').fill(berlin(7));
    await page.getByRole('link', { name: kennzeichen }).waitFor();
    await page.getByRole('button', { name: `Erledigt: Wiedervorlage für ${kennzeichen}` }).click();
    await page.getByText(`Die Wiedervorlage für ${kennzeichen} ist erledigt.`).waitFor();
    await page.getByText(`Bis zum ${deutsch(berlin(7))} ist nichts zur Wiedervorlage fällig.`).waitFor();
    expect(await page.getByText('Heute ist nichts').count()).toBe(0);
    await barrierefrei(page, 'Meine Wiedervorlagen, erledigt');
  });
});
