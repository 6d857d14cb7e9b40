// Test helpers of the Dokumente service: own tenants and Vorgänge per test (owner-role inserts,
// the Akten API is not part of this service), multipart bodies, a recording audit seam.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as warte } from 'node:timers/promises';
import { createDb, schema, sql, type Db } from '@eakte/db';
import { createServer, storageSettings, type AuditEreignis, type Protokollierer } from '@eakte/platform';
import { createObjectStore, type ObjectStore } from '@eakte/storage';
import { authHeader, testConfig } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, inject, onTestFinished } from 'vitest';
import dokumenteApp from '../src/app.js';

let owner: Db | null = null;
export function ownerDb(): Db {
  owner ??= createDb(inject('ownerUrl'), { max: 2 });
  return owner;
}
afterAll(async () => {
  await owner?.close();
  owner = null;
});

let store: ObjectStore | null = null;
export function speicher(): ObjectStore {
  store ??= createObjectStore(storageSettings(testConfig()));
  return store;
}

export interface TestApp {
  app: FastifyInstance;
  protokoll: AuditEreignis[];
  spoolDir: string;
  /** Runs every due job of the Dokumente queue (text extraction, object lock) with this app's store. */
  arbeite: (mandantId?: string) => Promise<number>;
  /** Fetches the due function mailboxes (of one tenant). */
  rufePostfaecherAb: (mandantId?: string) => ReturnType<FastifyInstance['rufePostfaecherAb']>;
}

/** The service with a private spool dir and an audit seam that records into `protokoll`. */
export async function baueApp(opts: { overrides?: Record<string, string>; protokolliere?: Protokollierer; dokumente?: Record<string, unknown>; storage?: ObjectStore } = {}): Promise<TestApp> {
  const spoolDir = mkdtempSync(path.join(tmpdir(), 'eakte-dok-spool-'));
  const protokoll: AuditEreignis[] = [];
  const app = createServer({ logLevel: 'silent' });
  // the service's decorations stay in its own context: its job runner is taken from there
  let arbeite: ((mandantId?: string) => Promise<number>) | undefined;
  let abruf: FastifyInstance['rufePostfaecherAb'] | undefined;
  const mitArbeiter = async (instance: FastifyInstance, o: Parameters<typeof dokumenteApp>[1]) => {
    await dokumenteApp(instance, o);
    arbeite = instance.arbeiteDokumentauftraege;
    abruf = instance.rufePostfaecherAb;
  };
  await app.register(mitArbeiter, {
    config: {
      ...testConfig(opts.overrides),
      DOKUMENTE_SPOOL_DIR: spoolDir,
      DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: 0,
      DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: 0,
      DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN: 0,
      // `pnpm test` is Node-only: OCR is "not installed" unless a test names the program (system suite)
      DOKUMENTE_OCR_PROGRAMM: 'eakte-test-ocrmypdf-fehlt',
      // likewise the split of scan batches (zbar-tools)
      DOKUMENTE_SCAN_ZBARIMG: 'eakte-test-zbarimg-fehlt',
      // … and so are the preview's LibreOffice and pdftoppm
      DOKUMENTE_VORSCHAU_LIBREOFFICE: 'eakte-test-soffice-fehlt',
      DOKUMENTE_VORSCHAU_PDFTOPPM: 'eakte-test-pdftoppm-fehlt',
      DOKUMENTE_VORSCHAU_PDFINFO: 'eakte-test-pdfinfo-fehlt',
      POSTFACH_ABRUF_INTERVALL_SEKUNDEN: 0,
      ...opts.dokumente,
    },
    protokolliere:
      opts.protokolliere ??
      (async (_tx: unknown, _akteur: unknown, e: AuditEreignis) => {
        protokoll.push(e);
      }),
    ...(opts.storage ? { storage: opts.storage } : {}),
  } as never);
  await app.ready();
  onTestFinished(async () => {
    await app.close();
    rmSync(spoolDir, { recursive: true, force: true });
  });
  return { app, protokoll, spoolDir, arbeite: (mandantId?: string) => arbeite!(mandantId), rufePostfaecherAb: (mandantId?: string) => abruf!(mandantId) };
}

/** The waiting (or running) jobs of a task for one tenant, from the queue's job keys (`<aufgabe>:<mandant>:…`). */
export async function offeneAuftraege(mandantId: string, aufgabe = 'textextraktion'): Promise<{ key: string; attempts: number }[]> {
  const r = await ownerDb().db.execute<{ key: string; attempts: number }>(sql`select key, attempts from auftraege_dokumente._private_jobs where key like ${`${aufgabe}:${mandantId}:%`} order by id`);
  return r.rows;
}

/** Makes the tenant's waiting jobs of `aufgabe` due now (a retry would otherwise wait its back-off). */
export async function machFaellig(mandantId: string, aufgabe = 'textextraktion') {
  await ownerDb().db.execute(sql`update auftraege_dokumente._private_jobs set run_at = now() - interval '1 minute' where key like ${`${aufgabe}:${mandantId}:%`} and locked_at is null`);
}

/** Works the queue until the tenant has no job of `aufgabe` left. */
export async function arbeiteAb(t: TestApp, mandantId: string, aufgabe = 'textextraktion') {
  for (let i = 0; i < 50; i++) {
    await machFaellig(mandantId, aufgabe);
    await t.arbeite(mandantId);
    if ((await offeneAuftraege(mandantId, aufgabe)).length === 0) return;
    await warte(100);
  }
  const r = await ownerDb().db.execute(sql`select key, attempts, max_attempts, last_error from auftraege_dokumente._private_jobs where key like ${`${aufgabe}:${mandantId}:%`}`);
  throw new Error(`jobs left: ${JSON.stringify(r.rows)}`);
}

export const spoolDateien = (t: TestApp) => readdirSync(t.spoolDir);

export interface Mandant {
  id: string;
  slug: string;
  header(rolle?: string): Promise<Record<string, string>>;
}

/** A fresh tenant with its own settings, so limits can differ per test without touching others. */
export async function neuerMandant(einstellungen: Record<string, unknown> = {}): Promise<Mandant> {
  const id = uuidv7();
  const slug = `t${id.replaceAll('-', '').slice(-12)}`;
  await ownerDb()
    .db.insert(schema.mandant)
    .values({ id, slug, name: `Testbehörde ${slug}`, einstellungen });
  return { id, slug, header: (rolle = 'sachbearbeitung') => authHeader({ tenant: slug, roles: [rolle] }) };
}

export interface VorgangFixture {
  vorgangId: string;
  akteId: string;
  aktenzeichen: string;
}

/** An Aktenplaneinheit, an Akte and a Vorgang of `mandantId`, open unless asked otherwise. */
export async function neuerVorgang(
  mandantId: string,
  opts: { vorgang?: 'offen' | 'geschlossen'; akte?: 'offen' | 'geschlossen'; vertraulichkeitsstufe?: '003' | '002'; federfuehrungId?: string } = {},
): Promise<VorgangFixture> {
  const einheitId = uuidv7();
  const akteId = uuidv7();
  const vorgangId = uuidv7();
  const nr = Math.floor(Math.random() * 1e6);
  const kennzeichen = `9${nr}`;
  const aktenzeichen = `${kennzeichen}-0001/2026`;
  await ownerDb().withMandant(mandantId, async (tx) => {
    await tx.insert(schema.aktenplaneinheit).values({ id: einheitId, mandantId, kennzeichen, titel: 'Testeinheit' });
    await tx.insert(schema.akte).values({
      id: akteId,
      mandantId,
      aktenplaneinheitId: einheitId,
      aktenzeichen,
      laufendeNummer: 1,
      jahr: 2026,
      betreff: 'Testakte Müller',
      laufzeitBeginn: '2026-01-01',
      erstelltVon: 'test',
      ...(opts.vertraulichkeitsstufe ? { vertraulichkeitsstufe: opts.vertraulichkeitsstufe } : {}),
      ...(opts.federfuehrungId ? { federfuehrungId: opts.federfuehrungId } : {}),
      ...(opts.akte === 'geschlossen' ? { status: 'geschlossen' as const, zdaDatum: '2026-02-01' } : {}),
    });
    await tx.insert(schema.vorgang).values({
      id: vorgangId,
      mandantId,
      akteId,
      laufendeNummer: 1,
      kennzeichen: `${aktenzeichen}-001`,
      betreff: 'Testvorgang',
      laufzeitBeginn: '2026-01-01',
      erstelltVon: 'test',
      ...(opts.vorgang === 'geschlossen' ? { status: 'geschlossen' as const, zdaDatum: '2026-02-01' } : {}),
    });
  });
  return { vorgangId, akteId, aktenzeichen };
}

export async function schliesseVorgang(mandantId: string, vorgangId: string) {
  await ownerDb().withMandant(mandantId, (tx) => tx.execute(sql`update akten.vorgang set status = 'geschlossen', zda_datum = greatest(current_date, laufzeit_beginn) where id = ${vorgangId}`));
}

export interface Datei {
  name: string;
  type?: string;
  inhalt: Buffer | Uint8Array;
}

/** A multipart/form-data body as the browser would send it. */
export async function formular(felder: Record<string, string>, datei?: Datei, dateiFeld = 'datei') {
  const fd = new FormData();
  for (const [k, v] of Object.entries(felder)) fd.append(k, v);
  if (datei) fd.append(dateiFeld, new Blob([new Uint8Array(datei.inhalt)], datei.type ? { type: datei.type } : {}), datei.name);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

export const META = { betreff: 'Antrag auf Baugenehmigung', datumDesSchreibens: '2026-02-27' };

export async function pdf(text = 'Antrag Müller'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

// 1×1 PNG and a GIF header: real magic bytes for type detection
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');

/** Files a Dokument through the API and returns its JSON. */
export async function lade(t: TestApp, m: Mandant, vorgangId: string, datei: Datei, extra: { felder?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const { payload, headers } = await formular({ ...META, ...extra.felder }, datei);
  return t.app.inject({ method: 'POST', url: `/api/v1/vorgaenge/${vorgangId}/dokumente`, payload, headers: { ...(await m.header()), ...headers, ...extra.headers } });
}

export async function objekteUnter(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of speicher().list(prefix)) keys.push(o.key);
  return keys;
}

export async function zeilen(mandantId: string) {
  return ownerDb().withMandant(mandantId, async (tx) => ({
    dokumente: await tx.select().from(schema.dokument),
    versionen: await tx.select().from(schema.dokumentVersion),
  }));
}

/** An org unit of the tenant. */
export async function neueOrganisationseinheit(mandantId: string): Promise<string> {
  const id = uuidv7();
  await ownerDb().withMandant(mandantId, (tx) => tx.insert(schema.organisationseinheit).values({ id, mandantId, kuerzel: `OE${id.slice(-6)}`, name: 'Referat' }));
  return id;
}

/** A user as the tenant knows them (clearance, org units); `sub` as minted by `Mandant.header(rolle)`. */
export async function neuerBenutzer(m: Mandant, rolle: string, freigabe: 'offen' | 'vs-nfd', organisationseinheiten: string[] = []) {
  const sub = `${m.slug}-${rolle}`;
  await ownerDb().withMandant(m.id, async (tx) => {
    await tx.insert(schema.benutzer).values({ mandantId: m.id, sub, freigabe });
    for (const oe of organisationseinheiten) await tx.insert(schema.benutzerOrganisationseinheit).values({ mandantId: m.id, sub, organisationseinheitId: oe });
  });
}

/** Waits until `bedingung` holds, polling; fails after `ms`. */
export async function bis(bedingung: () => Promise<boolean> | boolean, ms = 10_000) {
  const ende = Date.now() + ms;
  while (Date.now() < ende) {
    if (await bedingung()) return;
    await warte(25);
  }
  throw new Error('condition not reached in time');
}
