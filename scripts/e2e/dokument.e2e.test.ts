// The Dokument page as a daily tool: it says where the Dokument is filed (Akte and Vorgang, linked),
// and its Betreff, Absender, Eingangsdatum and Bemerkung can be changed; a change made meanwhile by
// someone else (a stale ETag, 412) is said in plain German and nothing is overwritten. axe on every screen.
import { describe, expect, it } from 'vitest';
import { barrierefrei, stackJeDatei } from './browser.js';

const stack = stackJeDatei();

describe('web client: a Dokument', () => {
  it('shows its Akte and Vorgang, and its metadata can be changed with If-Match', async () => {
    const { context, page } = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)');
    await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
    await page.getByRole('link', { name: /^2\.1\s*Straßenbau$/ }).click();
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Gehwegsanierung Lindenallee');
    await page.getByRole('button', { name: 'Akte anlegen' }).click();
    const akteH1 = page.getByRole('heading', { level: 1, name: /^Akte 2\.1-/ });
    await akteH1.waitFor();
    const aktenzeichen = (await akteH1.textContent())!.replace('Akte ', '');
    await page.getByRole('tab', { name: 'Vorgänge' }).click();
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Beschwerde eines Anwohners');
    await page.getByRole('button', { name: 'Vorgang anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Vorgang / }).waitFor();
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['Sehr geehrte Damen und Herren, der Gehweg ist uneben.'], 'Beschwerde.txt', { type: 'text/plain' }));
      return d;
    });
    await page.dispatchEvent('[data-testid=ablage]', 'drop', { dataTransfer: dt });
    await page.getByRole('link', { name: 'Beschwerde', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Beschwerde' }).waitFor();

    // where it is filed, not "Versionen"
    const kopf = await page.locator('main .kern-hgroup').textContent();
    expect(kopf).not.toContain('Versionen');
    expect(kopf).toContain('Dokument');
    await page.getByRole('link', { name: `Akte ${aktenzeichen}` }).waitFor();
    await page.getByRole('link', { name: /^Vorgang .*-001: Beschwerde eines Anwohners$/ }).waitFor();
    await barrierefrei(page, 'Dokument mit Kontext');

    const formular = page.locator('section', { has: page.getByRole('heading', { name: 'Angaben ändern' }) });
    await formular.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Beschwerde über den Gehweg');
    await formular.getByRole('textbox', { name: /^Absender/ }).fill('Max Mustermann');
    await formular.getByLabel(/^Eingangsdatum/).fill('2026-11-30');
    await formular.getByRole('textbox', { name: 'Bemerkung' }).fill('telefonisch bestätigt');
    await formular.getByRole('button', { name: 'Angaben speichern' }).click();
    await page.getByText('Die Angaben wurden gespeichert.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Beschwerde über den Gehweg' }).waitFor();
    const angaben = page.locator('main dl');
    await expect.poll(() => angaben.textContent()).toContain('Max Mustermann');
    expect(await angaben.textContent()).toContain('30.11.2026');
    expect(await angaben.textContent()).toContain('telefonisch bestätigt');
    await barrierefrei(page, 'Dokument geändert');

    // someone else changes it meanwhile: the page's ETag is stale
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    const status = await page.evaluate(async (dokId) => {
      const token = (JSON.parse(sessionStorage.getItem('eakte.sitzung')!) as { token: string }).token;
      const h = { authorization: `Bearer ${token}` };
      const etag = (await fetch(`/api/v1/dokumente/${dokId}`, { headers: h })).headers.get('etag')!;
      const r = await fetch(`/api/v1/dokumente/${dokId}`, {
        method: 'PATCH',
        headers: { ...h, 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify({ bemerkung: 'von anderer Stelle' }),
      });
      return r.status;
    }, id);
    expect(status).toBe(200);
    await formular.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Beschwerde (überschrieben?)');
    await formular.getByRole('button', { name: 'Angaben speichern' }).click();
    const meldung = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat das Objekt inzwischen geändert.' });
    await meldung.waitFor();
    expect(await meldung.textContent()).toContain('Laden Sie die Seite neu');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await barrierefrei(page, 'Dokument, veraltete Fassung');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Beschwerde über den Gehweg' }).waitFor();
    expect(await page.locator('main dl').textContent()).toContain('von anderer Stelle');
    await context.close();
  });
});
