// The web client in a real browser against the real stack: (1) a clerk files a PDF and finds it by
// a word inside it, (2) a records manager runs an Aussonderung and finds it again among the begun
// ones, (3) another tenant's user cannot open that Akte by its URL, (4) an auditor's chain check is
// green, and red naming the entry once a superuser rewrote it. axe on every screen.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { barrierefrei, pdf, schritt, stackJeDatei } from './browser.js';

const WORT = 'Flurbereinigungsplan';

const stack = stackJeDatei();
let akteUrl = '';

describe('web client', () => {
  it('(1) a clerk logs in, creates an Akte, uploads PDFs with progress, finds one by a word inside it and downloads it byte-exact', async () => {
    const context = await stack.browser.newContext({ acceptDownloads: true, locale: 'de-DE' });
    const page = await context.newPage();
    const fehlerImBrowser: string[] = [];
    page.on('console', (m) => m.type() === 'error' && fehlerImBrowser.push(m.text()));
    const t = 'sachbearbeitung';

    await page.goto(`${stack.platform.url}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Anmeldung');
    await barrierefrei(page, 'Anmeldung');
    await schritt(page, t, 'anmeldung');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(/\/dev-issuer\/authorize/);
    await barrierefrei(page, 'Entwicklungs-Anmeldedienst');
    await schritt(page, t, 'demo-benutzer');
    await page
      .getByRole('group', { name: /Stadtverwaltung Musterstadt/ })
      .getByRole('button', { name: /^Sachbearbeitung/ })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Willkommen, Demo sachbearbeitung');
    await barrierefrei(page, 'Start');
    await schritt(page, t, 'start');

    await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
    await page
      .getByRole('link', { name: /2\.1\s*Straßenbau/ })
      .first()
      .waitFor();
    await barrierefrei(page, 'Aktenplan');
    await schritt(page, t, 'aktenplan');
    await page.getByRole('link', { name: /^2\.1\s*Straßenbau$/ }).click();
    await page.getByRole('heading', { level: 1, name: '2.1 Straßenbau' }).waitFor();
    await barrierefrei(page, 'Aktenplaneinheit');
    await schritt(page, t, 'einheit');

    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Flurneuordnung Nordfeld');
    await page.getByRole('button', { name: 'Akte anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Akte 2\.1-\d{4}\/\d{4}$/ }).waitFor();
    akteUrl = page.url();
    await barrierefrei(page, 'Akte');
    await schritt(page, t, 'akte');
    await page.getByRole('tab', { name: 'Historie' }).click();
    await page.getByRole('tabpanel').getByRole('table').waitFor();
    // the Historie speaks German: the action by name, the object by its kind
    await page.getByRole('tabpanel').getByRole('cell', { name: 'Akte angelegt', exact: true }).waitFor();
    expect(await page.getByRole('tabpanel').getByText('akte.erstellt').count()).toBe(0);
    await barrierefrei(page, 'Akte, Historie');
    await page.getByRole('tab', { name: 'Vorgänge' }).click();
    await barrierefrei(page, 'Akte, Vorgänge');
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Antrag der Teilnehmergemeinschaft');
    await page.getByRole('button', { name: 'Vorgang anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Vorgang / }).waitFor();
    await barrierefrei(page, 'Vorgang');
    await schritt(page, t, 'vorgang');

    // two files dropped at once; the network is slowed so the progress can be seen moving
    const antrag = await pdf(`Antrag auf Aufstellung eines ${WORT} für die Gemarkung Nordfeld`, 400_000);
    const anlage = await pdf('Lageplan der Gemarkung Nordfeld');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 150 * 1024 });
    const dt = await page.evaluateHandle(
      ([a, b]) => {
        const d = new DataTransfer();
        d.items.add(new File([new Uint8Array(a!)], 'Antrag Flurbereinigung.pdf', { type: 'application/pdf' }));
        d.items.add(new File([new Uint8Array(b!)], 'Lageplan.pdf', { type: 'application/pdf' }));
        return d;
      },
      [[...antrag], [...anlage]],
    );
    await page.dispatchEvent('[data-testid=ablage]', 'drop', { dataTransfer: dt });
    // the bar stands between 0 and 100 while the bytes go out
    await page.waitForFunction(() => [...document.querySelectorAll('progress')].some((p) => p.value > 0 && p.value < 100), undefined, { polling: 20, timeout: 30_000 });
    await schritt(page, t, 'upload-fortschritt');
    await page.getByText('Antrag Flurbereinigung.pdf: hochgeladen').waitFor({ timeout: 60_000 });
    await page.getByText('Lageplan.pdf: hochgeladen').waitFor();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(await page.locator('progress').evaluateAll((ps) => ps.map((p) => (p as HTMLProgressElement).value))).toEqual([100, 100]);
    await page.getByRole('link', { name: 'Antrag Flurbereinigung' }).waitFor();
    await barrierefrei(page, 'Vorgang mit Dokumenten');
    await schritt(page, t, 'hochgeladen');
    // the Akte with its Vorgänge (the README's screenshot of the clerk's view)
    await page.locator('main dl').getByRole('link').first().click();
    await page.getByRole('tab', { name: 'Vorgänge' }).click();
    await page.getByRole('tabpanel').getByRole('link', { name: /-001$/ }).waitFor();
    await schritt(page, t, 'akte-mit-vorgang');
    // the Akte's Dokumente, by Vorgang: with few Vorgänge each is open at once
    await page.getByRole('tab', { name: 'Dokumente' }).click();
    await expect.poll(() => page.getByRole('tabpanel').locator('details', { hasText: 'Antrag der Teilnehmergemeinschaft' }).getAttribute('open')).toBe('');
    const dokumente = page.getByRole('table', { name: /^Dokumente des Vorgangs .*-001$/ });
    await dokumente.getByRole('link', { name: 'Antrag Flurbereinigung' }).waitFor();
    await dokumente.getByRole('link', { name: 'Lageplan' }).waitFor();
    await barrierefrei(page, 'Akte, Dokumente');
    await schritt(page, t, 'akte-dokumente');

    // found by a word inside the PDF (text extraction runs in the background)
    const suchfeld = page.getByRole('searchbox', { name: /Suche/ });
    await expect
      .poll(
        async () => {
          await suchfeld.fill(WORT);
          await suchfeld.press('Enter');
          await page.getByRole('heading', { level: 1, name: `Ergebnisse für „${WORT}“` }).waitFor();
          await page
            .locator('main')
            .getByText(/Keine Treffer|Dokument/)
            .first()
            .waitFor();
          return page.locator('mark', { hasText: new RegExp(WORT, 'i') }).count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    await barrierefrei(page, 'Suche');
    await schritt(page, t, 'suche');
    await page.getByRole('link', { name: /Dokument .*Antrag Flurbereinigung/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Antrag Flurbereinigung' }).waitFor();
    await barrierefrei(page, 'Dokument');
    await schritt(page, t, 'dokument');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Antrag Flurbereinigung\.pdf herunterladen \(Version 1\)/ }).click()]);
    expect(download.suggestedFilename()).toBe('Antrag Flurbereinigung.pdf');
    const geladen = readFileSync(await download.path());
    expect(Buffer.compare(geladen, Buffer.from(antrag))).toBe(0);

    await page.getByRole('button', { name: /PDF anzeigen: Antrag Flurbereinigung\.pdf/ }).click();
    await page.locator('iframe[title^="Ansicht"]').waitFor();
    await barrierefrei(page, 'Dokument mit PDF-Ansicht');
    await schritt(page, t, 'pdf-ansicht');
    expect(fehlerImBrowser.filter((m) => !/status of 4\d\d/.test(m))).toEqual([]);
    await context.close();
  });

  it('(2) a records manager backdates a z.d.A., finds the Akte in the due list and runs the Aussonderung to the Vernichtungsprotokoll', async () => {
    const t = 'registratur';
    const { context, page } = await stack.angemeldet('Registratur (Demo registratur)', { acceptDownloads: true });
    await page.getByRole('navigation').getByRole('link', { name: 'Aktenplan' }).click();
    await page.getByRole('link', { name: /^4\.2\s*Gewerbeangelegenheiten$/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Aktenplaneinheit pflegen' }).waitFor();
    await barrierefrei(page, 'Aktenplaneinheit (Registratur)');
    await schritt(page, t, 'einheit-pflege');
    await page.getByRole('textbox', { name: 'Betreff', exact: true }).fill('Gewerbeabmeldung Imbiss Sonnenschein');
    await page.getByLabel(/Laufzeit ab/).fill('2010-01-04');
    await page.getByRole('button', { name: 'Akte anlegen' }).click();
    const h1 = page.getByRole('heading', { level: 1, name: /^Akte 4\.2-\d{4}\/\d{4}$/ });
    await h1.waitFor();
    const aktenzeichen = (await h1.textContent())!.replace('Akte ', '');

    // a migrated paper file closed long ago: retention 5 years from 2016 → due since 2021
    await page.getByLabel(/Datum der Verfügung/).fill('2015-03-02');
    await page.getByRole('button', { name: 'Akte zu den Akten verfügen (z.d.A.)' }).click();
    // an explicit confirmation naming the Akte and the date
    const zdaFrage = page.getByRole('dialog', { name: 'Akte wirklich zu den Akten verfügen?' });
    await zdaFrage.getByText(`Die Akte ${aktenzeichen} wird zum 02.03.2015 zu den Akten verfügt`).waitFor();
    await barrierefrei(page, 'z.d.A. bestätigen');
    await zdaFrage.getByRole('button', { name: 'Ja, Akte z.d.A. verfügen' }).click();
    await page.getByText('Die Akte ist zu den Akten verfügt.').waitFor();
    await page.getByText('01.01.2021').waitFor();
    await barrierefrei(page, 'Akte nach z.d.A.');
    await schritt(page, t, 'zda-rueckdatiert');
    const akteUrl2 = page.url();

    // a legal hold keeps the Akte out of any Aussonderung until it is released
    await page.getByRole('tab', { name: 'Löschsperren' }).click();
    await page.getByRole('textbox', { name: /Bezeichnung/ }).fill('Verfahren VG Weimar');
    await page.getByRole('textbox', { name: 'Grund', exact: true }).fill('Klage gegen die Gewerbeuntersagung');
    await page.getByRole('button', { name: 'Löschsperre setzen' }).click();
    await page.getByText('Die Löschsperre wurde gesetzt.').waitFor();
    await barrierefrei(page, 'Akte, Löschsperren');
    await schritt(page, t, 'loeschsperre');
    await page.getByRole('navigation').getByRole('link', { name: 'Aussonderung' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: `${aktenzeichen} auswählen` }).isDisabled()).toBe(true);
    await page.goto(`${akteUrl2}?reiter=loeschsperren`);
    await page.getByRole('textbox', { name: /Grund der Aufhebung/ }).fill('Klage zurückgenommen');
    await page.getByRole('button', { name: 'Löschsperre aufheben' }).click();
    await page.getByText('Die Löschsperre wurde aufgehoben.').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Aussonderung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zur Aussonderung fällige Akten' }).waitFor();
    await page.getByRole('checkbox', { name: `${aktenzeichen} auswählen` }).check();
    await barrierefrei(page, 'Fällige Akten');
    await schritt(page, t, 'faellig');
    await page.getByRole('button', { name: 'Ausgewählte Akten dem Archiv anbieten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aussonderung: angeboten' }).waitFor();
    const wizardUrl = page.url();
    await barrierefrei(page, 'Aussonderung angeboten');
    await schritt(page, t, 'angeboten');

    const [anbietung] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Anbieteverzeichnis 0501 herunterladen' }).click()]);
    expect(anbietung.suggestedFilename()).toMatch(/_Aussonderung\.Anbieteverzeichnis\.0501\.zip$/);
    expect(
      readFileSync(await anbietung.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    await page.getByRole('radio', { name: 'V – vernichten' }).check();
    // by hand only with the archive's letter
    await page.getByRole('textbox', { name: 'Zeichen des Archivschreibens' }).fill('StA 7511/2026');
    await page.getByLabel('Datum des Archivschreibens').fill('2026-03-01');
    await page.getByRole('textbox', { name: 'Archivarin oder Archivar' }).fill('Dr. Erika Mustermann');
    await page.getByRole('button', { name: 'Bewertung speichern' }).click();
    await page.getByRole('button', { name: 'Vernichtung beantragen' }).click();
    await page.getByText('Eine zweite Person der Registratur muss die Vernichtung freigeben.').waitFor();
    expect(await page.getByRole('button', { name: 'Vernichtung freigeben' }).count()).toBe(0);
    await barrierefrei(page, 'Vernichtung beantragt');
    await schritt(page, t, 'vernichtung-beantragt');

    // the process is found again among the begun Aussonderungen, flagged as waiting for approval
    await page.getByRole('navigation').getByRole('link', { name: 'Aussonderung' }).click();
    await page.getByRole('heading', { level: 2, name: 'Begonnene Aussonderungen' }).waitFor();
    const zeile = page.getByRole('row').filter({ has: page.locator(`a[href="${new URL(wizardUrl).pathname}"]`) });
    await zeile.getByText('Freigabe ausstehend').waitFor();
    expect(await zeile.getByRole('cell').nth(3).textContent()).toMatch(/^bewertet/);
    await barrierefrei(page, 'Begonnene Aussonderungen');
    await schritt(page, t, 'begonnene');
    await zeile.getByRole('link').click();
    await page.waitForURL(wizardUrl);
    await page.getByText('Eine zweite Person der Registratur muss die Vernichtung freigeben.').waitFor();
    // the requester's own start page shows no approval waiting for them
    await page.goto(`${stack.platform.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Willkommen/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Vernichtungen warten auf Ihre Freigabe' }).count()).toBe(0);

    // the second person sees on the start page that an approval waits, and refuses it with a reason
    const { context: zweite, page: p2 } = await stack.angemeldet('Registratur (Demo registratur 2)', { acceptDownloads: true });
    const hinweis = p2.getByRole('status').filter({ has: p2.getByRole('heading', { name: 'Vernichtungen warten auf Ihre Freigabe' }) });
    await hinweis.waitFor();
    // people by name, the process by its date and size, not by login id or UUID
    await hinweis.getByText(/^Aussonderung vom .* \(1 Akte\), beantragt von Demo registratur$/).waitFor();
    await barrierefrei(p2, 'Start mit ausstehender Freigabe');
    await schritt(p2, t, 'start-freigabe-ausstehend');
    await hinweis.locator(`a[href="${new URL(wizardUrl).pathname}"]`).click();
    await p2.waitForURL(wizardUrl);
    await p2.getByRole('button', { name: 'Vernichtung ablehnen' }).click();
    const ablehnung = p2.getByRole('dialog', { name: 'Vernichtung ablehnen' });
    expect(await ablehnung.getByRole('button', { name: 'Ablehnung speichern' }).isDisabled()).toBe(true);
    await ablehnung.getByRole('textbox', { name: 'Grund der Ablehnung' }).fill('Das Schreiben des Archivs liegt nicht in der Akte');
    await barrierefrei(p2, 'Vernichtung ablehnen');
    await ablehnung.getByRole('button', { name: 'Ablehnung speichern' }).click();
    await p2.getByText(/Abgelehnt von .* „Das Schreiben des Archivs liegt nicht in der Akte“/).waitFor();
    await schritt(p2, t, 'vernichtung-abgelehnt');
    // nothing was destroyed; the Registratur requests again (now the second person is the requester)
    expect(await p2.getByRole('heading', { level: 1, name: 'Aussonderung: bewertet' }).count()).toBe(1);
    await p2.getByRole('button', { name: 'Vernichtung beantragen' }).click();
    await p2.getByText('Eine zweite Person der Registratur muss die Vernichtung freigeben.').waitFor();
    await page.goto(wizardUrl);
    await page.getByText(/^Beantragt von Demo registratur 2 am /).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('demo-registratur');

    // the first person approves, after a confirmation naming what will be destroyed
    await page.getByRole('button', { name: 'Vernichtung freigeben' }).click();
    const frage = page.getByRole('dialog', { name: 'Vernichtung wirklich freigeben?' });
    await frage.getByText('Sie geben die Vernichtung von 1 Akte frei.', { exact: false }).waitFor();
    await frage.getByText(`${aktenzeichen} – Gewerbeabmeldung Imbiss Sonnenschein`, { exact: true }).waitFor();
    await barrierefrei(page, 'Vernichtung bestätigen');
    await schritt(page, t, 'freigabe-bestaetigen');
    await frage.getByRole('button', { name: 'Ja, endgültig vernichten' }).click();
    await page.getByRole('button', { name: 'Vernichtungsprotokoll (PDF) herunterladen' }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: 'Aussonderung: abgeschlossen' }).waitFor({ timeout: 60_000 });
    await barrierefrei(page, 'Aussonderung abgeschlossen');
    await schritt(page, t, 'abgeschlossen');
    const [protokoll] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vernichtungsprotokoll (PDF) herunterladen' }).click()]);
    expect(
      readFileSync(await protokoll.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await zweite.close();
    await context.close();
  });

  it('(3) a user of another tenant cannot reach the Akte by its URL', async () => {
    expect(akteUrl).toMatch(/\/akten\/[0-9a-f-]{36}$/);
    const context = await stack.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(akteUrl);
    // login first, then back to the Akte's address
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page
      .getByRole('group', { name: /Landesamt für Umwelt/ })
      .getByRole('button', { name: /^Sachbearbeitung/ })
      .click();
    await page.waitForURL(akteUrl);
    await page.getByRole('heading', { level: 1, name: 'Nicht gefunden' }).waitFor();
    expect(await page.getByText(/Flurneuordnung Nordfeld/).count()).toBe(0);
    await barrierefrei(page, 'Nicht gefunden');
    await schritt(page, 'mandantentrennung', 'nicht-gefunden');
    await context.close();
  });

  it('(4) an auditor verifies the audit chain (green), searches the Protokoll and exports it; a rewritten entry turns the check red', async () => {
    const { context, page } = await stack.angemeldet('Prüfung (Demo pruefung)', { acceptDownloads: true });
    // the start page offers an auditor only what the permission matrix lets them open: no 403 anywhere
    await page.getByRole('heading', { level: 1, name: /^Willkommen/ }).waitFor();
    await page
      .getByRole('main')
      .getByRole('link', { name: /Prüfung des Protokolls/ })
      .waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Start', 'Prüfung']);
    expect(await page.getByRole('search').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await barrierefrei(page, 'Start (Prüfung)');
    await schritt(page, 'pruefung', 'start');
    await page.getByRole('navigation').getByRole('link', { name: 'Prüfung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prüfung des Protokolls' }).waitFor();
    await page.getByRole('button', { name: 'Kette jetzt prüfen' }).click();
    await page.getByText(/Die Protokollkette ist unverändert: \d+ Einträge geprüft/).waitFor();
    await page.getByRole('textbox', { name: 'Aktenzeichen' }).fill('4.2-');
    await page.getByRole('button', { name: 'Suchen', exact: true }).last().click();
    await barrierefrei(page, 'Prüfung');
    await schritt(page, 'pruefung', 'kette-gruen');
    // the Aktion is picked from a German list, not typed as `akte.erstellt`
    await page.getByRole('textbox', { name: 'Aktenzeichen' }).fill('');
    await page.getByRole('combobox', { name: 'Aktion' }).selectOption({ label: 'Akte angelegt' });
    await page.getByRole('button', { name: 'Suchen', exact: true }).last().click();
    await expect.poll(async () => [...new Set(await page.getByRole('main').locator('table tbody tr td:nth-child(4)').allTextContents())]).toEqual(['Akte angelegt']);
    // the user is picked by name, never typed as a `sub`; the table names them too
    const benutzer = page.getByRole('combobox', { name: 'Benutzer' });
    await expect.poll(async () => (await benutzer.locator('option').allTextContents()).length).toBeGreaterThan(1);
    const namen = (await benutzer.locator('option').allTextContents()).slice(1);
    expect(namen.every((n) => !/^demo-/.test(n))).toBe(true);
    const name = (await page.getByRole('main').locator('table tbody tr td:nth-child(3)').first().textContent())!;
    expect(namen).toContain(name);
    await benutzer.selectOption({ label: name });
    await page.getByRole('button', { name: 'Suchen', exact: true }).last().click();
    await expect.poll(async () => [...new Set(await page.getByRole('main').locator('table tbody tr td:nth-child(3)').allTextContents())]).toEqual([name]);
    // an entry opens: its fields and values in words
    const erste = page.getByRole('main').locator('table tbody tr').first();
    const nr = (await erste.locator('td').first().textContent())!;
    await erste.getByRole('button', { name: `Eintrag ${nr} öffnen` }).click();
    const offen = page.getByRole('heading', { level: 3, name: `Eintrag Nr. ${nr}` });
    await offen.waitFor();
    expect(await offen.evaluate((h) => h === document.activeElement)).toBe(true);
    await page.getByText('Akte angelegt').last().waitFor();
    await barrierefrei(page, 'Prüfung, Eintrag geöffnet');
    await schritt(page, 'pruefung', 'eintrag');
    // exactly the entries found, as German spreadsheet software opens them (issue 19)
    const [gefiltert] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gefundene Einträge als CSV für Excel herunterladen' }).click()]);
    const excel = readFileSync(await gefiltert.path(), 'utf8');
    expect(excel.startsWith('\uFEFF')).toBe(true);
    const excelZeilen = excel.slice(1).trimEnd().split('\r\n');
    expect(excelZeilen[0]).toBe('Nr.;Zeit;Wer;Kennung;Aktion;Objekt;Aktenzeichen;Änderungen;Ergebnis');
    expect(excelZeilen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(excelZeilen.slice(1).map((z) => z.split(';')[4]))).toEqual(new Set(['Akte angelegt']));
    expect(new Set(excelZeilen.slice(1).map((z) => z.split(';')[2]))).toEqual(new Set([name]));
    const gefunden = await page.getByRole('main').locator('table tbody tr td:nth-child(1)').allTextContents();
    // the list shows the newest first, the file runs in sequence order: the same entries
    expect(gefunden.length).toBeLessThan(100);
    expect(excelZeilen.slice(1).map((z) => z.split(';')[0])).toEqual([...gefunden].reverse());
    expect(excelZeilen[1]).toMatch(/^\d+;\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2};/);
    const [exp] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Protokoll exportieren (CSV)' }).click()]);
    expect(exp.suggestedFilename()).toMatch(/\.csv$/);
    const zeilen = readFileSync(await exp.path(), 'utf8')
      .trim()
      .split('\n');
    expect(zeilen[0]).toContain('sequenz');
    expect(zeilen.length).toBeGreaterThanOrEqual(2);

    // someone with database access rewrites an old entry: the same check turns red and names it
    expect(stack.platform.infra.superuserUrl).toBeTruthy();
    const db = new pg.Client({ connectionString: stack.platform.infra.superuserUrl });
    await db.connect();
    try {
      // the Protokoll's immutability triggers stop everyone else; a superuser can switch them off
      await db.query('SET session_replication_role = replica');
      const r = await db.query(`UPDATE protokoll.ereignis SET akteur_name = 'Mallory' WHERE sequenz = 3 AND mandant_id = (SELECT id FROM plattform.mandant WHERE slug = 'demo')`);
      expect(r.rowCount).toBe(1);
    } finally {
      await db.end();
    }
    await page.getByRole('button', { name: 'Kette jetzt prüfen' }).click();
    const rot = page.getByRole('alert').filter({ hasText: 'Die Protokollkette ist verändert worden.' });
    await rot.waitFor();
    await rot.getByText(/^Erste Abweichung bei Eintrag 3: /).waitFor();
    expect(await page.getByText(/Die Protokollkette ist unverändert/).count()).toBe(0);
    await barrierefrei(page, 'Prüfung, Kette verändert');
    await schritt(page, 'pruefung', 'kette-rot');
    await context.close();
  });
});
