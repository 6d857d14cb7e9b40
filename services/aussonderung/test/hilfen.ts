// Test helpers of the Aussonderung service: own data per test, written straight into the Akten
// tables (this service never calls the Akten service), and the app with a recording audit port.
import { createDb, schema, sql } from '@eakte/db';
import { eq } from 'drizzle-orm';
import type { AuditEreignis, Protokollierer } from '@eakte/platform';
import { createHash } from 'node:crypto';
import { storageSettings } from '@eakte/platform';
import { createObjectStore } from '@eakte/storage';
import { authHeader, build, testConfig } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { setTimeout as warte } from 'node:timers/promises';
import { inject, onTestFinished } from 'vitest';
import aussonderungApp, { type AussonderungAppOptions } from '../src/app.js';

export const eindeutig = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

export async function auth(tenant: string, rolle: string | string[], sub?: string) {
  const roles = Array.isArray(rolle) ? rolle : [rolle];
  return authHeader({ tenant, roles, sub: sub ?? `${tenant}-${roles[0]}` });
}

export async function baue(extra: Partial<Omit<AussonderungAppOptions, 'config'>> & { echtesProtokoll?: boolean } = {}): Promise<{ app: FastifyInstance; ereignisse: AuditEreignis[] }> {
  const ereignisse: AuditEreignis[] = [];
  if (extra.echtesProtokoll) {
    const { echtesProtokoll: _, ...rest } = extra;
    const halter: Halter = {};
    const app = await build((async (instance: FastifyInstance, opts: { config: never }) => {
      await aussonderungApp(instance, { ...opts, config: ohneArbeiter(opts.config), ...rest });
      halter.arbeite = instance.arbeiteAussonderungsauftraege;
    }) as never);
    arbeiter.set(app, halter.arbeite!);
    return { app, ereignisse };
  }
  const protokolliere: Protokollierer = async (tx, _req, e) => {
    const r = await tx.execute<{ mandant: string | null }>(sql`select ${schema.currentMandant} as mandant`);
    if (!r.rows[0]?.mandant) throw new Error('Protokollierer außerhalb einer Mandantentransaktion');
    ereignisse.push(e);
  };
  const halter: Halter = {};
  const app = await build((async (instance: FastifyInstance, opts: { config: never }) => {
    await aussonderungApp(instance, { ...opts, config: ohneArbeiter(opts.config), protokolliere, ...extra });
    halter.arbeite = instance.arbeiteAussonderungsauftraege;
  }) as never);
  arbeiter.set(app, halter.arbeite!);
  return { app, ereignisse };
}

/**
 * No background worker in tests: they run the jobs with `arbeiteAlles`, deterministically. A failed job
 * waits its minute: `arbeiteEinmal` makes it due again (a job due at once would be retried in the same run).
 */
const ohneArbeiter = (config: AussonderungAppOptions['config']) => ({ ...config, AUSSONDERUNG_ARBEITER_INTERVALL_SEKUNDEN: 0, AUSSONDERUNG_WIEDERHOLUNG_SEKUNDEN: 60 });

// the service's decorations live in its encapsulated context: the job runner is kept per app here
type Halter = { arbeite?: FastifyInstance['arbeiteAussonderungsauftraege'] };
const arbeiter = new WeakMap<FastifyInstance, FastifyInstance['arbeiteAussonderungsauftraege']>();

/** The tenant's jobs on the queue (marked with the tenant), with the payload's tries and error. */
export async function offeneAuftraege(m: string) {
  const r = await ownerDb().db.execute<{ task: string; payload: { fehlversuche?: number; letzterFehler?: string } }>(
    sql`SELECT t.identifier AS task, j.payload FROM auftraege_aussonderung._private_jobs j JOIN auftraege_aussonderung._private_tasks t ON t.id = j.task_id
         WHERE j.flags ? ${`mandant:${m}`} ORDER BY j.id`,
  );
  return r.rows.map((x) => ({ art: x.task, fehlversuche: x.payload.fehlversuche ?? 0, letzterFehler: x.payload.letzterFehler ?? null }));
}

/** One run of the app's worker over the tenant's due jobs, as it is (two-instance tests run several at once). */
export async function arbeiteGleichzeitig(app: FastifyInstance, tenant: string): Promise<number> {
  return arbeiter.get(app)!(await mandantId(tenant));
}

/** Whether the tenant has a job locked right now, or one due and free. */
async function auftragsLage(m: string): Promise<{ gesperrt: boolean; faellig: boolean }> {
  const r = await ownerDb().db.execute<{ gesperrt: boolean; faellig: boolean }>(sql`
    SELECT coalesce(bool_or(locked_at IS NOT NULL), false) AS gesperrt,
           coalesce(bool_or(locked_at IS NULL AND run_at <= now() AND attempts < max_attempts), false) AS faellig
      FROM auftraege_aussonderung._private_jobs WHERE flags ? ${`mandant:${m}`}`);
  return r.rows[0]!;
}

/**
 * One run of the worker over the tenant's jobs, a waiting retry made due; returns how many jobs ran. A job
 * another test file's worker holds for a moment (it hands a job of another tenant back) is waited for.
 */
export async function arbeiteEinmal(app: FastifyInstance, tenant: string): Promise<number> {
  const m = await mandantId(tenant);
  await ownerDb().db.execute(sql`UPDATE auftraege_aussonderung._private_jobs SET run_at = now() - interval '1 minute' WHERE flags ? ${`mandant:${m}`} AND locked_at IS NULL`);
  let n = 0;
  for (let i = 0; i < 200; i++) {
    while ((await auftragsLage(m)).gesperrt) await warte(20);
    n += await arbeiter.get(app)!(m);
    if (!(await auftragsLage(m)).faellig) break;
  }
  return n;
}

/**
 * Runs the tenant's due jobs until none is left (at most `runden` rounds); returns the rounds that
 * found work. Only this tenant's: test files run in parallel against one database.
 */
export async function arbeiteAlles(app: FastifyInstance, tenant: string, runden = 50): Promise<number> {
  for (let i = 0; i < runden; i++) {
    if ((await arbeiteEinmal(app, tenant)) === 0) return i;
  }
  throw new Error(`nach ${runden} Runden noch Aufträge offen: ${JSON.stringify(await offeneAuftraege(await mandantId(tenant)))}`);
}

/** The Behördenkennung of the tenants `neuerMandant` creates (unless told otherwise). */
export const BEHOERDENKENNUNG = {
  behoerdenschluessel: { code: '16053000', listURI: 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags', listVersionID: '2024-01-31' },
  praefix: { code: 'ags' },
};

/**
 * A fresh tenant for one test, so fixtures (units, due Akten) never show up in other tests'
 * views of the seeded tenants. Returns its slug.
 */
export async function neuerMandant(einstellungen: Record<string, unknown> = {}, behoerdenkennung: unknown = BEHOERDENKENNUNG): Promise<string> {
  const slug = `a-${eindeutig().toLowerCase()}`;
  const db = ownerDb();
  await db.db.insert(schema.mandant).values({ id: uuidv7(), slug, name: `Landesamt für Prüfzwecke ${slug}`, einstellungen, behoerdenkennung });
  return slug;
}

export async function mandantId(slug: string): Promise<string> {
  const seeded = inject('demo')[slug];
  if (seeded) return seeded;
  const db = ownerDb();
  const rows = await db.db.select({ id: schema.mandant.id }).from(schema.mandant).where(eq(schema.mandant.slug, slug));
  if (!rows[0]) throw new Error(`Mandant ${slug} fehlt`);
  return rows[0].id;
}

let geteilt: ReturnType<typeof createDb> | null = null;

/** Owner connection for fixtures, one pool per test (a property test makes many), closed after it. */
export function ownerDb() {
  if (geteilt) return geteilt;
  const db = createDb(inject('ownerUrl'), { max: 2 });
  geteilt = db;
  onTestFinished(async () => {
    geteilt = null;
    await db.close();
  });
  return db;
}

export interface Bestand {
  einheitId: string;
  kennzeichen: string;
  akten: { id: string; aktenzeichen: string; vorgaenge: string[] }[];
}

/**
 * A unit with closed Akten whose retention ended (due from `faelligAb`), each with `vorgaenge`
 * closed Vorgänge. Optionally one Akte still open, not due.
 */
export async function bestand(tenant: string, opts: { akten?: number; vorgaenge?: number; faelligAb?: string; stufe?: '003' | '002'; art?: 'A' | 'B' | 'V' } = {}): Promise<Bestand> {
  const mandant = await mandantId(tenant);
  const db = ownerDb();
  const kennzeichen = `AS${eindeutig()}`;
  const einheitId = uuidv7();
  const akten: Bestand['akten'] = [];
  await db.withMandant(mandant, async (tx) => {
    await tx
      .insert(schema.aktenplaneinheit)
      .values({ id: einheitId, mandantId: mandant, kennzeichen, titel: `Straßenbau Prüfeinheit ${kennzeichen}`, aufbewahrungsfrist: 10, aussonderungsart: opts.art ?? 'B' });
    for (let i = 1; i <= (opts.akten ?? 2); i++) {
      const id = uuidv7();
      const aktenzeichen = `${kennzeichen}-${String(i).padStart(4, '0')}/2020`;
      await tx.insert(schema.akte).values({
        id,
        mandantId: mandant,
        aktenplaneinheitId: einheitId,
        aktenzeichen,
        laufendeNummer: i,
        jahr: 2020,
        betreff: `Ausbau der Landstraße L ${1000 + i} – Grunderwerb Müller/Göß`,
        vertraulichkeitsstufe: opts.stufe ?? '003',
        status: 'geschlossen',
        zdaDatum: '2025-06-30',
        laufzeitBeginn: '2020-03-01',
        laufzeitEnde: '2025-06-30',
        aufbewahrungBis: '2025-12-31',
        aussonderungFaelligAb: opts.faelligAb ?? '2026-01-01',
        letzteVorgangNummer: opts.vorgaenge ?? 2,
        erstelltVon: `${tenant}-sachbearbeitung`,
      });
      const vorgaenge: string[] = [];
      for (let j = 1; j <= (opts.vorgaenge ?? 2); j++) {
        const vid = uuidv7();
        vorgaenge.push(vid);
        await tx.insert(schema.vorgang).values({
          id: vid,
          mandantId: mandant,
          akteId: id,
          laufendeNummer: j,
          kennzeichen: `${aktenzeichen}-${String(j).padStart(3, '0')}`,
          betreff: j === 1 ? 'Anhörung der Träger öffentlicher Belange' : 'Erörterungstermin und Einwendungen',
          status: 'geschlossen',
          zdaDatum: '2025-06-30',
          laufzeitBeginn: '2020-03-01',
          erstelltVon: `${tenant}-sachbearbeitung`,
        });
      }
      akten.push({ id, aktenzeichen, vorgaenge });
    }
  });
  return { einheitId, kennzeichen, akten };
}

/** Changes the tenant's settings (key by key), as the Fachadministration would. */
export async function setzeEinstellungen(tenant: string, einstellungen: Record<string, unknown>): Promise<void> {
  const db = ownerDb();
  await db.db.execute(sql`UPDATE plattform.mandant SET einstellungen = einstellungen || ${JSON.stringify(einstellungen)}::jsonb WHERE slug = ${tenant}`);
}

/** An open Akte that is not due. */
export async function offeneAkte(tenant: string, einheitId: string, kennzeichen: string): Promise<string> {
  const mandant = await mandantId(tenant);
  const db = ownerDb();
  const id = uuidv7();
  await db.withMandant(mandant, (tx) =>
    tx.insert(schema.akte).values({
      id,
      mandantId: mandant,
      aktenplaneinheitId: einheitId,
      aktenzeichen: `${kennzeichen}-9999/2026`,
      laufendeNummer: 9999,
      jahr: 2026,
      betreff: 'Noch offen',
      laufzeitBeginn: '2026-01-01',
      erstelltVon: `${tenant}-sachbearbeitung`,
    }),
  );
  return id;
}

export interface GespeicherteDatei {
  schluessel: string;
  sha256: string;
  inhalt: Buffer;
}

/** The test object store (the S3 server of the global setup). */
export function testSpeicher() {
  return createObjectStore(storageSettings(testConfig()));
}

/**
 * A Dokument in a Vorgang with `versionen` stored versions, written as the Dokumente service would
 * (object under `<mandantId>/<uuidv7>` first, then the rows), so this service's tests need no other service.
 */
export async function dokument(
  tenant: string,
  vorgangId: string,
  betreff: string,
  versionen: { dateiname: string; mimeType: string; inhalt: string }[],
  elternDokumentId: string | null = null,
): Promise<{ id: string; dateien: GespeicherteDatei[] }> {
  const mandant = await mandantId(tenant);
  const speicher = testSpeicher();
  const id = uuidv7();
  const dateien: GespeicherteDatei[] = [];
  for (const v of versionen) {
    const inhalt = Buffer.from(v.inhalt, 'utf8');
    const schluessel = `${mandant}/${uuidv7()}`;
    await speicher.put(schluessel, inhalt, inhalt.length, v.mimeType);
    dateien.push({ schluessel, sha256: createHash('sha256').update(inhalt).digest('hex'), inhalt });
  }
  const db = ownerDb();
  await db.withMandant(mandant, async (tx) => {
    await tx.insert(schema.dokument).values({
      id,
      mandantId: mandant,
      vorgangId,
      elternDokumentId,
      betreff,
      datumDesSchreibens: '2024-05-06',
      eingangsdatum: '2024-05-07',
      aktuelleVersion: versionen.length,
      erstelltVon: `${tenant}-sachbearbeitung`,
    });
    await tx.insert(schema.dokumentVersion).values(
      versionen.map((v, i) => ({
        mandantId: mandant,
        dokumentId: id,
        nr: i + 1,
        speicherschluessel: dateien[i]!.schluessel,
        groesse: dateien[i]!.inhalt.length,
        sha256: dateien[i]!.sha256,
        mimeType: v.mimeType,
        dateiname: v.dateiname,
        erstelltVon: `${tenant}-sachbearbeitung`,
      })),
    );
  });
  return { id, dateien };
}

/** The archive's letter a hand appraisal names (required since the Protokoll must state it). */
export const archivschreiben = { zeichen: 'LATh-HStA 7511/2026', datum: '2026-03-01', archivar: 'Dr. Erika Mustermann' } as const;
