// The Aussonderung wizard in plain words: a step is "erledigt" only when done, the steps are numbered
// without gaps, the 0502 upload is a styled file choice, a hand appraisal is called an appraisal, the
// title names the process by date rather than by UUID, and the page stops asking once it is complete.
// The Akte is prepared through the API; the approval by the second person too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { barrierefrei, stackJeDatei } from './browser.js';

const stack = stackJeDatei();

/** A call of the API with the page's session token; answers status and JSON. */
function rufe(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ([m, u, b]) => {
      const token = (JSON.parse(sessionStorage.getItem('eakte.sitzung')!) as { token: string }).token;
      const r = await fetch(u as string, {
        method: m as string,
        headers: { authorization: `Bearer ${token}`, ...(b === undefined ? {} : { 'content-type': 'application/json' }), 'idempotency-key': crypto.randomUUID() },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: r.status, json: (await r.json().catch(() => null)) as Record<string, unknown> };
    },
    [method, url, body] as const,
  );
}

describe('web client: the Aussonderung wizard', () => {
  it('says what is done, numbers its steps without gaps, and stops polling when complete', async () => {
    const { context, page } = await stack.angemeldet('Registratur (Demo registratur)', { acceptDownloads: true });
    // a migrated paper file closed long ago in 4.2 (5 years, V): due since 2021
    const plan = await rufe(page, 'GET', '/api/v1/aktenplan');
    const einheit = (plan.json.einheiten as { id: string; kennzeichen: string }[]).find((e) => e.kennzeichen === '4.2')?.id;
    expect(einheit).toBeDefined();
    const akte = await rufe(page, 'POST', '/api/v1/akten', { aktenplaneinheitId: einheit, betreff: 'Gewerbeabmeldung Kiosk am Markt', laufzeitBeginn: '2010-01-04' });
    expect(akte.status).toBe(201);
    expect((await rufe(page, 'POST', `/api/v1/akten/${akte.json.id as string}/zda`, { datum: '2015-03-02' })).status).toBe(200);

    await page.getByRole('navigation').getByRole('link', { name: 'Aussonderung' }).click();
    await page.getByRole('checkbox', { name: `${akte.json.aktenzeichen as string} auswählen` }).check();
    await page.getByRole('button', { name: 'Ausgewählte Akten dem Archiv anbieten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aussonderung: angeboten' }).waitFor();
    const kopf = (await page.locator('main .kern-hgroup').textContent())!;
    expect(kopf).not.toMatch(/Prozess-ID|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(kopf).toMatch(/begonnen am \d{2}\.\d{2}\.\d{4}/);
    const schritte = () => page.locator('.eakte-schritt h3').allTextContents();
    expect((await schritte())[0]).not.toContain('erledigt');
    // the 0502 file is chosen with a KERN button, not the browser's bare input
    expect(
      await page
        .locator('input[type=file]')
        .first()
        .evaluate((e) => e.classList.contains('kern-sr-only')),
    ).toBe(true);
    await page.getByText('Bewertungsverzeichnis 0502 (XML oder ZIP)').first().waitFor();
    await barrierefrei(page, 'Aussonderung angeboten');

    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Anbieteverzeichnis 0501 herunterladen' }).click()]);
    await expect.poll(async () => (await schritte())[0]).toContain('erledigt');

    // nothing chosen and no letter: said at the fields and in a summary that takes the focus, not by the browser's bubble
    await page.getByRole('button', { name: 'Bewertung speichern' }).click();
    const zusammenfassung = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await zusammenfassung.getByText(/Bitte bewerten Sie mindestens eine Akte/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.getByRole('textbox', { name: 'Zeichen des Archivschreibens' }).getAttribute('aria-invalid')).toBe('true');
    await barrierefrei(page, 'Bewertung von Hand, Angaben fehlen');
    await page.getByRole('radio', { name: 'V – vernichten' }).check();
    // by hand only with the archive's letter
    await page.getByRole('textbox', { name: 'Zeichen des Archivschreibens' }).fill('StA 7511/2026');
    await page.getByLabel('Datum des Archivschreibens').fill('2026-03-01');
    await page.getByRole('textbox', { name: 'Archivarin oder Archivar' }).fill('Dr. Erika Mustermann');
    await page.getByRole('button', { name: 'Bewertung speichern' }).click();
    await page.getByText('Die Bewertung wurde gespeichert.').waitFor();
    expect(await page.getByText('Die Nachricht wurde eingelesen.').count()).toBe(0);
    // V only: Anbietung, Bewertung, Vernichtung, numbered 1 to 3
    await expect.poll(async () => (await schritte()).map((s) => s.split('.')[0])).toEqual(['1', '2', '3']);
    await page.getByRole('button', { name: 'Vernichtung beantragen' }).click();
    await page.getByText('Eine zweite Person der Registratur muss die Vernichtung freigeben.').waitFor();
    const url = page.url();
    const id = new URL(url).pathname.split('/').at(-1)!;

    const { context: zweite, page: p2 } = await stack.angemeldet('Registratur (Demo registratur 2)');
    expect((await rufe(p2, 'POST', `/api/v1/aussonderungen/${id}/vernichtung/freigabe`)).status).toBeLessThan(300);
    await zweite.close();

    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByRole('heading', { level: 1 }).textContent();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe('Aussonderung: abgeschlossen');
    await barrierefrei(page, 'Aussonderung abgeschlossen');
    // complete: no more questions to the API
    const abrufe: string[] = [];
    page.on('request', (r) => r.url().includes(`/api/v1/aussonderungen/${id}`) && abrufe.push(r.url()));
    await page.waitForTimeout(5_000);
    expect(abrufe).toEqual([]);
    await context.close();
  });
});
