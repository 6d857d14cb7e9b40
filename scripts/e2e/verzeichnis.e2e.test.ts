// Tables and screens around the user directory: a Vorgang's Dokumente are filtered by text, format
// and date (on the Vorgang and on the Akte's Dokumente tab); Fachadministration maintains an org
// unit's Laufweg templates, picking people by name by keyboard, a missing name refused at its field,
// and the clerk's Verfügung editor offers the saved template. axe finds nothing, error states included.
import { signDevToken } from '@eakte/platform';
import { einheitFuerNeueAkten } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { barrierefrei, pdf, schritt, stackJeDatei } from './browser.js';

const stack = stackJeDatei();
const T = 'verzeichnis';
const api = (p: string) => `${stack.platform.url}/api/v1${p}`;

async function json<X>(res: Response, status: number): Promise<X> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as X;
}

async function kopf(rolle = 'sachbearbeitung') {
  const { key, issuer } = stack.platform.devIssuer!;
  return { authorization: `Bearer ${await signDevToken(key, { issuer, audience: 'eakte', sub: `demo-${rolle}`, mandant: 'demo', rollen: [rolle], ttlSeconds: 600 })}` };
}

/** An Akte with a Vorgang holding a PDF and a text file of different dates, filed through the API. */
async function vorgangMitDokumenten(): Promise<{ akteId: string; vorgangId: string; kennzeichen: string }> {
  const h = await kopf();
  const plan = await json<{ einheiten: { id: string }[] }>(await fetch(api('/aktenplan'), { headers: h }), 200);
  const akte = await json<{ id: string }>(
    await fetch(api('/akten'), {
      method: 'POST',
      headers: { ...h, 'content-type': 'application/json' },
      body: JSON.stringify({ aktenplaneinheitId: einheitFuerNeueAkten(plan.einheiten).id, betreff: 'Filter der Dokumente' }),
    }),
    201,
  );
  const vorgang = await json<{ id: string; kennzeichen: string }>(
    await fetch(api(`/akten/${akte.id}/vorgaenge`), { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: JSON.stringify({ betreff: 'Gehwegsanierung' }) }),
    201,
  );
  const ablegen = async (datei: Blob, name: string, betreff: string, datum: string) => {
    const form = new FormData();
    form.set('datei', datei, name);
    form.set('betreff', betreff);
    form.set('datumDesSchreibens', datum);
    await json(await fetch(api(`/vorgaenge/${vorgang.id}/dokumente`), { method: 'POST', headers: h, body: form }), 201);
  };
  await ablegen(new Blob([Buffer.from(await pdf('Antrag auf Sanierung der Straße'))], { type: 'application/pdf' }), 'Antrag.pdf', 'Antrag Straßensanierung', '2026-03-02');
  await ablegen(new Blob(['Der Gehweg ist uneben.'], { type: 'text/plain' }), 'Notiz.txt', 'Aktenvermerk Ortstermin', '2026-06-15');
  return { akteId: akte.id, vorgangId: vorgang.id, kennzeichen: vorgang.kennzeichen };
}

describe('web client: filtered Dokumente, Laufweg templates', () => {
  it('filters the Dokumente of a Vorgang by text, format and date', async () => {
    const { akteId, vorgangId } = await vorgangMitDokumenten();
    const { context, page } = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)');
    await page.goto(`${stack.platform.url}/vorgaenge/${vorgangId}`);
    const tabelle = page.getByRole('table', { name: 'Dokumente' });
    await tabelle.getByRole('link', { name: 'Aktenvermerk Ortstermin' }).waitFor();
    const filter = page.getByRole('form', { name: 'Filter: Dokumente' });
    // "strasse" finds "Straße"
    await filter.getByRole('searchbox', { name: 'Betreff oder Dateiname enthält' }).fill('strasse');
    await filter.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByText('1 von 2 Dokumenten').waitFor();
    expect(await tabelle.getByRole('link').allTextContents()).toEqual(['Antrag Straßensanierung']);
    await barrierefrei(page, 'Dokumente gefiltert');
    await filter.getByRole('searchbox', { name: 'Betreff oder Dateiname enthält' }).fill('');
    await filter.getByLabel('Format').selectOption('TXT');
    await filter.getByRole('button', { name: 'Filter anwenden' }).click();
    await expect.poll(() => tabelle.getByRole('link').allTextContents()).toEqual(['Aktenvermerk Ortstermin']);
    await filter.getByLabel('Format').selectOption('');
    await filter.getByLabel('Datum des Schreibens ab').fill('2026-07-01');
    await filter.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByText('Kein Dokument passt zum Filter.').waitFor();
    await barrierefrei(page, 'Dokumente, nichts passt');
    await schritt(page, T, 'dokumente-gefiltert');

    // the Akte's Dokumente tab filters the same way
    await page.goto(`${stack.platform.url}/akten/${akteId}`);
    await page.getByRole('tab', { name: 'Dokumente' }).click();
    const vonVorgang = page.getByRole('form', { name: /^Filter: Dokumente des Vorgangs / });
    await vonVorgang.getByRole('searchbox', { name: 'Betreff oder Dateiname enthält' }).fill('notiz');
    await vonVorgang.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByText('1 von 2 Dokumenten').waitFor();
    await barrierefrei(page, 'Akte, Dokumente gefiltert');
    await context.close();
  });

  it('lets Fachadministration maintain an org unit’s Laufweg templates, by keyboard, which the editor then offers', async () => {
    const { context, page } = await stack.angemeldet('Fachadministration (Demo fachadministration)');
    await page.getByRole('navigation').getByRole('link', { name: 'Laufweg-Vorlagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Laufweg-Vorlagen' }).waitFor();
    const oes = await json<{ items: { id: string; kuerzel: string; name: string }[] }>(await fetch(api('/organisationseinheiten'), { headers: await kopf('fachadministration') }), 200);
    const oe = oes.items.at(-1)!;
    await page.getByLabel('Organisationseinheit', { exact: true }).selectOption({ label: `${oe.kuerzel} – ${oe.name}` });
    await page.getByRole('button', { name: 'Vorlage hinzufügen' }).click();
    const v1 = page.getByRole('group', { name: 'Vorlage 1' });
    // no Frist in a template
    expect(await v1.getByLabel(/^Frist/).count()).toBe(0);

    // sent without a name and without people: refused at the fields, the summary takes the focus
    await page.getByRole('button', { name: 'Vorlagen speichern' }).click();
    await expect.poll(() => v1.getByRole('textbox', { name: 'Name der Vorlage' }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await barrierefrei(page, 'Laufweg-Vorlagen, Fehler am Feld');

    await v1.getByRole('textbox', { name: 'Name der Vorlage' }).fill('Mitzeichnung Registratur, dann Zeichnung');
    for (const [n, suche, treffer] of [
      [1, 'registratur 2', 'Demo registratur 2 (demo-registratur-2)'],
      [2, 'Demo registratur', 'Demo registratur (demo-registratur)'],
    ] as const) {
      const box = v1.getByRole('group', { name: `Schritt ${n}` }).getByRole('searchbox', { name: 'Person', exact: true });
      await box.fill(suche);
      await v1
        .getByRole('group', { name: `Schritt ${n}` })
        .getByRole('button', { name: treffer, exact: true })
        .waitFor();
      // keyboard only: down into the hits, Enter picks the first
      await box.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => box.inputValue()).toBe(treffer.replace(/ \([^)]*\)$/, ''));
    }
    await barrierefrei(page, 'Laufweg-Vorlagen, Personen gewählt');
    await page.getByRole('button', { name: 'Vorlagen speichern' }).click();
    await page.getByText('Die Vorlagen sind gespeichert.').waitFor();
    await schritt(page, T, 'laufwegvorlagen');
    const gespeichert = await json<{ items: { organisationseinheitId: string; vorlagen: unknown[] }[] }>(await fetch(api('/laufwegvorlagen'), { headers: await kopf() }), 200);
    expect(gespeichert.items.find((g) => g.organisationseinheitId === oe.id)?.vorlagen).toEqual([
      {
        name: 'Mitzeichnung Registratur, dann Zeichnung',
        laufweg: [
          { bearbeiter: { sub: 'demo-registratur-2' }, aktion: 'mitzeichnung' },
          { bearbeiter: { sub: 'demo-registratur' }, aktion: 'zeichnung' },
        ],
      },
    ]);
    await context.close();

    // the clerk's editor offers it, the people by name
    const { vorgangId } = await vorgangMitDokumenten();
    const clerk = await stack.angemeldet('Sachbearbeitung (Demo sachbearbeitung)');
    const p = clerk.page;
    await p.goto(`${stack.platform.url}/vorgaenge/${vorgangId}/verfuegung`);
    await p.getByLabel('Laufweg-Vorlage (freiwillig)').selectOption({ label: `${oe.kuerzel} – ${oe.name}: Mitzeichnung Registratur, dann Zeichnung` });
    await p.getByRole('button', { name: 'Vorlage übernehmen' }).click();
    await expect.poll(() => p.getByRole('group', { name: 'Schritt 1' }).getByRole('searchbox', { name: 'Person', exact: true }).inputValue()).toBe('Demo registratur 2');
    await clerk.context.close();
  });
});
