// The browser and the stack for the end-to-end tests: the whole platform on a free port (embedded
// PostgreSQL and S3 in a temp dir, demo data, development issuer, the built web client) and
// Debian's chromium driven by playwright-core. Screenshots go to scripts/e2e/artefakte/.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { createServer } from '@eakte/platform';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startPlatform, type Platform } from '../lib/platform.js';

export const artefakte = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artefakte');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** `env`: settings on top of the machine's (e.g. the mailbox settings of a test IMAP server). */
export async function startStack(env: Record<string, string> = {}): Promise<{ platform: Platform; browser: Browser; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-e2e-'));
  const log = createServer({ logLevel: 'error' }).log;
  const platform = await startPlatform({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    // text extraction every second, so a filed PDF is found by its words within moments
    env: { ...process.env, DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '1', ...env },
    log,
    logLevel: 'error',
    pretty: false,
    seed: true,
    devIssuer: true,
    fast: true,
    web: true,
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  rmSync(artefakte, { recursive: true, force: true });
  mkdirSync(artefakte, { recursive: true });
  return {
    platform,
    browser,
    stop: async () => {
      await browser.close().catch(() => {});
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The stack of one test file, started before its tests and stopped after them. */
export interface DateiStack {
  readonly platform: Platform;
  readonly browser: Browser;
  /** A new browser context (German), its page logged in as the demo user `benutzer` of Stadtverwaltung Musterstadt. */
  angemeldet(benutzer: string, optionen?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
}

/** Starts the stack in the file's beforeAll and stops it in its afterAll; read its parts inside the tests. */
export function stackJeDatei(env: Record<string, string> = {}): DateiStack {
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  beforeAll(async () => {
    stack = await startStack(env);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  const gestartet = () => {
    if (!stack) throw new Error('the stack is read before beforeAll started it');
    return stack;
  };
  return {
    get platform() {
      return gestartet().platform;
    },
    get browser() {
      return gestartet().browser;
    },
    async angemeldet(benutzer, optionen = {}) {
      const context = await gestartet().browser.newContext({ ...optionen, locale: 'de-DE' });
      const page = await context.newPage();
      await anmelden(page, gestartet().platform.url, 'Stadtverwaltung Musterstadt', benutzer);
      return { context, page };
    },
  };
}

/** 0 violations of any impact on the page as it is now: WCAG 2.1 A/AA and axe's best practices (landmarks, headings). */
export async function barrierefrei(page: Page, name: string) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(
    r.violations.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${name}`,
  ).toEqual([]);
  return r.violations.length;
}

const schritte = new Map<string, number>();
/** A screenshot per step, numbered in order per test, as a test artefact. */
export async function schritt(page: Page, test: string, name: string) {
  const nr = (schritte.get(test) ?? 0) + 1;
  schritte.set(test, nr);
  await page.screenshot({ path: path.join(artefakte, `${test}-${String(nr).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** Logs in through the development issuer's page as the demo user of a tenant and role. */
export async function anmelden(page: Page, url: string, mandantName: string, benutzer: string) {
  await page.goto(`${url}/`);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/dev-issuer\/authorize/);
  await page
    .getByRole('group', { name: new RegExp(mandantName) })
    .getByRole('button', { name: benutzer, exact: true })
    .click();
  await page.waitForURL((u) => !u.pathname.startsWith('/anmeldung') && !u.pathname.startsWith('/dev-issuer'));
}

/** A one-page A4 PDF saying `text`; `anhang` bytes of incompressible ballast make its upload take long enough to watch. */
export async function pdf(text: string, anhang = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 14, font });
  if (anhang) await doc.attach(randomBytes(anhang), 'ballast.bin', { mimeType: 'application/octet-stream' });
  return doc.save();
}
