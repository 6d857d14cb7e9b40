// A clerk opens one PDF three times in the browser (download, view, download): the Protokoll has
// three content reads. The browser must not answer the second and third from its cache unaudited.
import { signDevToken } from '@eakte/platform';
import { einheitFuerNeueAkten } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { anmelden, pdf, stackJeDatei } from './browser.js';

const stack = stackJeDatei();

async function token(sub: string, rolle: string) {
  const { key, issuer } = stack.platform.devIssuer!;
  return signDevToken(key, { issuer, audience: 'eakte', sub, mandant: 'demo', rollen: [rolle], ttlSeconds: 600 });
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe('web client: reading content', () => {
  it('download, view and download again are three audited reads', async () => {
    const t = await token('demo-sachbearbeitung', 'sachbearbeitung');
    const api = (p: string) => `${stack.platform.url}/api/v1${p}`;
    const h = { authorization: `Bearer ${t}` };
    const plan = await json<{ einheiten: { id: string }[] }>(await fetch(api('/aktenplan'), { headers: h }), 200);
    const akte = await json<{ id: string }>(
      await fetch(api('/akten'), {
        method: 'POST',
        headers: { ...h, 'content-type': 'application/json' },
        body: JSON.stringify({ aktenplaneinheitId: einheitFuerNeueAkten(plan.einheiten).id, betreff: 'Cache' }),
      }),
      201,
    );
    const vorgang = await json<{ id: string }>(
      await fetch(api(`/akten/${akte.id}/vorgaenge`), { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: JSON.stringify({ betreff: 'Cache' }) }),
      201,
    );
    const form = new FormData();
    form.set('datei', new Blob([Buffer.from(await pdf('Bescheid'))], { type: 'application/pdf' }), 'Bescheid.pdf');
    form.set('betreff', 'Bescheid');
    form.set('datumDesSchreibens', '2026-11-30');
    const dok = await json<{ id: string }>(await fetch(api(`/vorgaenge/${vorgang.id}/dokumente`), { method: 'POST', headers: h, body: form }), 201);

    const context = await stack.browser.newContext({ acceptDownloads: true, locale: 'de-DE' });
    const page = await context.newPage();
    const antworten: Promise<string | null>[] = [];
    // the version's content only: the page's preview (a rendition, read and audited on its own) may load too
    page.on('response', (r) => void (/\/versionen\/\d+\/inhalt$/.test(r.url()) && antworten.push(r.headerValue('cache-control'))));
    await anmelden(page, stack.platform.url, 'Stadtverwaltung Musterstadt', 'Sachbearbeitung (Demo sachbearbeitung)');
    await page.goto(`${stack.platform.url}/dokumente/${dok.id}`);
    const herunterladen = page.getByRole('button', { name: 'Bescheid.pdf herunterladen (Version 1)' });
    await herunterladen.waitFor();

    await Promise.all([page.waitForEvent('download'), herunterladen.click()]);
    await page.getByRole('button', { name: 'PDF anzeigen: Bescheid.pdf (Version 1)' }).click();
    await page.locator('iframe.eakte-pdf').waitFor();
    await Promise.all([page.waitForEvent('download'), herunterladen.click()]);
    await context.close();

    // the page asked three times and was told not to keep the content (Chrome reports a
    // revalidated copy as 200 too, so the Protokoll below is what tells the cases apart)
    expect(await Promise.all(antworten)).toEqual(['private, no-store', 'private, no-store', 'private, no-store']);
    const pruefer = await token('demo-pruefung', 'pruefung');
    const protokoll = await json<{ items: { aktion: string; akteurSub: string; details: Record<string, unknown> | null }[] }>(
      await fetch(api(`/protokoll?objektId=${dok.id}&aktion=dokument.inhalt.gelesen&limit=100`), { headers: { authorization: `Bearer ${pruefer}` } }),
      200,
    );
    expect(protokoll.items.filter((e) => !e.details?.format).map((e) => e.akteurSub)).toEqual(['demo-sachbearbeitung', 'demo-sachbearbeitung', 'demo-sachbearbeitung']);
  });
});
