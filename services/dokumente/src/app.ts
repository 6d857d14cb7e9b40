// The Dokumente service: document content in object storage, versions, downloads.
import os from 'node:os';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { contract } from '@eakte/api-client/contract';
import { createAuftragslauf, mandantMarke, verbindeMitDienst, type Aufgabe, type Auftragslauf } from '@eakte/auftraege';
import { datenbankUrlFuer, servicePlatform, type Protokollierer, type ServiceConfig, type Zaehler } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import type { ObjectStore } from '@eakte/storage';
import { isIP } from 'node:net';
import { z } from 'zod';
import { leseSchluessel } from './adapter/geheimnis.js';
import { createZielpruefung } from './adapter/zielpruefung.js';
import { createPostfachService } from './services/postfaecher.js';
import { createAblage } from './services/ablage.js';
import { createDokumentService } from './services/dokumente.js';
import { createInhaltService } from './services/inhalt.js';
import { createPdfService } from './services/pdf.js';
import { createPosteingangService } from './services/posteingang.js';
import { createScanner } from './adapter/scanner.js';
import { protokolliere as protokolliereImProtokoll } from '@eakte/audit';
import { dokumenteHandlers } from './handlers/index.js';
import { dokumenteRepository } from './repositories/dokumente.js';
import { raeumeOcrVerzeichnisse, raeumeSpoolVerzeichnis, raeumeVerwaisteObjekte } from './arbeiter/sweeper.js';
import { pruefeFixityAllerMandanten } from './arbeiter/fixity.js';
import { AUFGABE_TEXTEXTRAKTION, textextraktion } from './arbeiter/textextraktion.js';
import { AUFGABE_TEXTERKENNUNG, texterkennung } from './arbeiter/texterkennung.js';
import { AUFGABE_VORSCHAU, vorschau } from './arbeiter/vorschau.js';
import { AUFGABE_OBJEKTSPERRE, objektsperre } from './arbeiter/objektsperre.js';
import { AUFGABE_SCANSTAPEL, raeumeScanstapel, SCAN_ORDNER_PREFIX, scanstapelZerlegung } from './arbeiter/scanstapel.js';
import { AUFGABE_POSTFACHABRUF, createPostfachabruf, type AbrufErgebnis, type Postfachabruf } from './arbeiter/postfachabruf.js';

export const SERVICE = 'dokumente';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs every due job of the Dokumente queue now (text extraction, OCR, object lock; of one tenant, if given); returns how many ran. */
    arbeiteDokumentauftraege: (mandantId?: string) => Promise<number>;
    /** Fetches every due function mailboxes now (of one tenant, if given). */
    rufePostfaecherAb: (mandantId?: string) => Promise<AbrufErgebnis>;
  }
}

/** Periodic tasks of the job runner (packages/auftraege). */
export const AUFGABE_SWEEPER = 'sweeper';
export const AUFGABE_FIXITY = 'fixity';

/** Settings of this service on top of the shared ones (validated once at boot). */
export const dokumenteConfigSchema = z.object({
  /** Where uploads are spooled while they are hashed (private, on a disk with room for the largest upload). */
  DOKUMENTE_SPOOL_DIR: z.string().min(1).default(path.join(os.tmpdir(), 'eakte-dokumente-spool')),
  /** Objects without row younger than this are left alone (an upload may be about to commit). */
  DOKUMENTE_SWEEPER_KARENZ_SEKUNDEN: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 3600),
  /** How often the sweeper runs; 0 = never (tests call it directly). */
  DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: z.coerce.number().int().min(0).default(3600),
  /**
   * > 0: this instance works the jobs (text extraction; object lock when on), woken by each new job;
   * 0: it leaves them to other instances (tests and the bench work them with `arbeiteDokumentauftraege`).
   */
  DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: z.coerce.number().int().min(0).default(5),
  /** How often stored content is re-read and its SHA-256 compared (per tenant, oldest checks first); 0 = never. */
  DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 3600),
  /** E-mail filing: at most this many Anlagen (all levels), nesting depth, and bytes of a mail or of its decoded parts. */
  DOKUMENTE_MAIL_MAX_ANLAGEN: z.coerce.number().int().min(1).default(100),
  DOKUMENTE_MAIL_MAX_TIEFE: z.coerce.number().int().min(1).max(10).default(3),
  DOKUMENTE_MAIL_MAX_GROESSE: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024 * 1024),
  /** clamd over TCP (with CLAMAV_PORT) — when set, every upload is scanned before it is committed. */
  CLAMAV_HOST: z.string().min(1).optional(),
  CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  /** clamd over a Unix socket instead of TCP. */
  CLAMAV_SOCKET: z.string().min(1).optional(),
  /** Connect, write and verdict timeout per scan step. */
  CLAMAV_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Store unscanned when clamd fails instead of answering 503; only allowed for the embedded default. */
  CLAMAV_FAIL_OPEN: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
  /**
   * Content responses: `no-store` (default) keeps them out of every cache, so each view is fetched
   * and audited; `revalidieren` lets browsers keep open (003) content and revalidate it (each 304
   * is audited too). VS-NfD and above are always `no-store`.
   */
  DOKUMENTE_INHALT_CACHE: z.enum(['no-store', 'revalidieren']).default('no-store'),
  /** OCR of scans: the OCRmyPDF program (not installed → OCR state `nicht_verfuegbar`) and qpdf (comes with it). */
  DOKUMENTE_OCR_PROGRAMM: z.string().min(1).default('ocrmypdf'),
  DOKUMENTE_OCR_QPDF: z.string().min(1).default('qpdf'),
  /** Scans above these limits are not recognised (state `fehler`, `zu_viele_seiten` / `zu_gross`). */
  DOKUMENTE_OCR_MAX_SEITEN: z.coerce.number().int().min(1).max(100_000).default(500),
  DOKUMENTE_OCR_MAX_GROESSE: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024 * 1024),
  /** One OCR run is stopped after this long (and tried again, three times in all). */
  DOKUMENTE_OCR_TIMEOUT_SEKUNDEN: z.coerce.number().int().min(10).default(3600),
  /** Where a scan and its result are kept while OCRmyPDF works (room for both). */
  DOKUMENTE_OCR_VERZEICHNIS: z.string().min(1).default(os.tmpdir()),
  /** Scan batches: zbarimg (zbar-tools) reads the separator sheets, Ghostscript renders and measures the pages; missing → `nicht_verfuegbar`. */
  DOKUMENTE_SCAN_ZBARIMG: z.string().min(1).default('zbarimg'),
  DOKUMENTE_SCAN_GHOSTSCRIPT: z.string().min(1).default('gs'),
  /** img2pdf wraps a TIFF batch into a PDF before the split (only TIFF batches need it). */
  DOKUMENTE_SCAN_IMG2PDF: z.string().min(1).default('img2pdf'),
  /** Batches above these limits are not split (state `fehler`, `zu_viele_seiten` / `zu_gross`). */
  DOKUMENTE_SCAN_MAX_SEITEN: z.coerce.number().int().min(1).max(100_000).default(1000),
  DOKUMENTE_SCAN_MAX_GROESSE: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024 * 1024),
  /** Days a split batch's object is kept after its last document was assigned (then removed; its row stays). */
  DOKUMENTE_SCAN_STAPEL_AUFBEWAHRUNG_TAGE: z.coerce.number().int().min(0).default(90),
  /** One program run of a split (rendering a whole batch) is stopped after this long; three tries in all. */
  DOKUMENTE_SCAN_TIMEOUT_SEKUNDEN: z.coerce.number().int().min(10).default(1800),
  /** Previews: LibreOffice for Office documents, poppler-utils' pdftoppm/pdfinfo (not installed → `nicht_verfuegbar`). */
  DOKUMENTE_VORSCHAU_LIBREOFFICE: z.string().min(1).default('soffice'),
  DOKUMENTE_VORSCHAU_PDFTOPPM: z.string().min(1).default('pdftoppm'),
  DOKUMENTE_VORSCHAU_PDFINFO: z.string().min(1).default('pdfinfo'),
  /** Files above this get no preview (`zu_gross`); a PNG/JPEG is wrapped into a PDF in memory, so it has a lower one. */
  DOKUMENTE_VORSCHAU_MAX_GROESSE: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024 * 1024),
  DOKUMENTE_VORSCHAU_MAX_BILD_GROESSE: z.coerce
    .number()
    .int()
    .min(1024)
    .default(40 * 1024 * 1024),
  /** One program run of a preview is stopped after this long (`zeitueberschreitung`). */
  DOKUMENTE_VORSCHAU_TIMEOUT_SEKUNDEN: z.coerce.number().int().min(5).default(180),
  /**
   * Function mailboxes: the platform key (32 bytes, base64) their secrets are encrypted with; without
   * it the mailbox operations answer 503 and nothing is fetched. Keep it like a database password.
   */
  POSTFACH_SCHLUESSEL: z.string().min(1).optional(),
  /**
   * Networks (CIDR, comma-separated) a mailbox may reach although they are loopback, link-local or
   * private (an IMAP server inside the data centre); default none. The platform's own services never.
   */
  POSTFACH_ERLAUBTE_NETZE: z
    .string()
    .default('')
    .refine((v) => netzListe(v).every((n) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(n) && isIP(n.split('/')[0]!) !== 0), 'comma-separated CIDR networks (e.g. 10.20.0.0/16)'),
  /** Allow mailboxes without TLS (`sicherheit: keine`); only for a test server on an allowed network. */
  POSTFACH_OHNE_TLS_ERLAUBT: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
  /** How often the mailboxes are polled (each when it is due); 0 = never (tests poll directly). */
  POSTFACH_ABRUF_INTERVALL_SEKUNDEN: z.coerce.number().int().min(0).default(60),
});
export type DokumenteConfig = z.infer<typeof dokumenteConfigSchema>;

const netzListe = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Cross-field rules of the scanner settings (checked once at boot, like the schema). */
export function pruefeScannerConfig(c: DokumenteConfig, s3Emulator: boolean) {
  if (c.CLAMAV_HOST && c.CLAMAV_SOCKET) throw new Error('Invalid configuration: CLAMAV_HOST and CLAMAV_SOCKET are mutually exclusive');
  if (c.CLAMAV_FAIL_OPEN && !s3Emulator) throw new Error('Invalid configuration: CLAMAV_FAIL_OPEN=true is only allowed for the embedded default');
  if (c.CLAMAV_FAIL_OPEN && !c.CLAMAV_HOST && !c.CLAMAV_SOCKET) throw new Error('Invalid configuration: CLAMAV_FAIL_OPEN needs CLAMAV_HOST or CLAMAV_SOCKET');
}

export interface DokumenteAppOptions {
  config: ServiceConfig & Partial<DokumenteConfig>;
  /** Records every change and content read inside its transaction. */
  protokolliere?: Protokollierer;
  /** Tests only: this store instead of one from the configuration (object lock has no test server). */
  storage?: ObjectStore;
}

export default async function dokumenteApp(app: FastifyInstance, opts: DokumenteAppOptions) {
  const eigene = dokumenteConfigSchema.parse(opts.config);
  pruefeScannerConfig(eigene, (opts.config as { S3_EMULATOR?: boolean | string }).S3_EMULATOR === true || (opts.config as { S3_EMULATOR?: unknown }).S3_EMULATOR === 'true');
  const protokolliere = opts.protokolliere ?? protokolliereImProtokoll;
  // counted once the platform's metrics exist (scans only run in requests, after the boot)
  const urteile: { zaehler?: Zaehler } = {};
  const scanner =
    eigene.CLAMAV_HOST || eigene.CLAMAV_SOCKET
      ? createScanner(
          eigene.CLAMAV_SOCKET ? { socket: eigene.CLAMAV_SOCKET, timeoutMs: eigene.CLAMAV_TIMEOUT_MS } : { host: eigene.CLAMAV_HOST, port: eigene.CLAMAV_PORT, timeoutMs: eigene.CLAMAV_TIMEOUT_MS },
          { failOpen: eigene.CLAMAV_FAIL_OPEN, log: app.log, urteil: (u) => urteile.zaehler?.inc({ urteil: u }) },
        )
      : null;
  // a malformed key fails the boot here, not the first mailbox
  const postfachSchluessel = eigene.POSTFACH_SCHLUESSEL ? leseSchluessel(eigene.POSTFACH_SCHLUESSEL) : null;
  const zielpruefung = createZielpruefung({ erlaubteNetze: netzListe(eigene.POSTFACH_ERLAUBTE_NETZE), plattformdienste: plattformdienste(opts.config, eigene) });
  let postfachabruf: Postfachabruf | undefined;
  // before the contract routes: multipart bodies are streamed by the handlers, never parsed whole
  await app.register(multipart, { throwFileSizeLimit: true });
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    storage: opts.storage,
    handlers: (instance) => {
      const repo = dokumenteRepository;
      const { db, storage, log } = instance;
      const ablage = createAblage({
        db,
        storage,
        repo,
        protokolliere,
        log,
        spoolVerzeichnis: eigene.DOKUMENTE_SPOOL_DIR,
        scanner,
        mail: { maxAnlagen: eigene.DOKUMENTE_MAIL_MAX_ANLAGEN, maxTiefe: eigene.DOKUMENTE_MAIL_MAX_TIEFE, maxGroesse: eigene.DOKUMENTE_MAIL_MAX_GROESSE },
      });
      const pdf = createPdfService({ db, storage, repo, ablage, protokolliere, log });
      const posteingang = createPosteingangService({ db, storage, repo, ablage, pdf, protokolliere, log, spoolVerzeichnis: eigene.DOKUMENTE_SPOOL_DIR });
      postfachabruf = createPostfachabruf({
        db,
        log,
        repo,
        ablage,
        posteingang,
        protokolliere,
        schluessel: postfachSchluessel,
        zielpruefung,
        intervallSekunden: eigene.POSTFACH_ABRUF_INTERVALL_SEKUNDEN || 60,
      });
      return dokumenteHandlers({
        db,
        storage,
        protokolliere,
        ablage,
        dokumente: createDokumentService({ db, repo, protokolliere }),
        inhalt: createInhaltService({ db, storage, repo, protokolliere, log }),
        pdf,
        posteingang,
        postfaecher: createPostfachService({ db, protokolliere, schluessel: postfachSchluessel, zielpruefung, ohneTlsErlaubt: eigene.POSTFACH_OHNE_TLS_ERLAUBT }),
        inhaltCache: eigene.DOKUMENTE_INHALT_CACHE,
      });
    },
  });

  urteile.zaehler = app.metriken.counter('eakte_malware_scan_verdicts_total', 'Ergebnisse der Virenprüfung: sauber, befund, fehler (abgewiesen), ungeprueft (fail-open)', ['urteil']);
  const ocrSeiten = app.metriken.counter('eakte_ocr_seiten_total', 'Seiten, deren Texterkennung ein abgelegtes PDF/A ergab');
  if (scanner) {
    // /health: clamd's state and signature version (e.g. `ClamAV 1.4.6/27000/Thu Nov 26 …`)
    app.healthChecks.set('clamav', async () => {
      const v = await scanner.version();
      if (!v.startsWith('ClamAV')) throw new Error(`unerwartete Antwort: ${v}`);
      return v;
    });
  }

  // the spool directory is this instance's own disk: swept by each instance
  wiederhole(app, eigene.DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN, 'spool sweeper', async () => {
    await raeumeSpoolVerzeichnis({ verzeichnis: eigene.DOKUMENTE_SPOOL_DIR, log: app.log, karenzMs: eigene.DOKUMENTE_SWEEPER_KARENZ_SEKUNDEN * 1000 });
    // a job runs OCRmyPDF at most twice and qpdf a few times, each within the timeout
    await raeumeOcrVerzeichnisse({
      verzeichnis: eigene.DOKUMENTE_OCR_VERZEICHNIS,
      log: app.log,
      karenzMs: Math.max(eigene.DOKUMENTE_SWEEPER_KARENZ_SEKUNDEN, 4 * eigene.DOKUMENTE_OCR_TIMEOUT_SEKUNDEN) * 1000,
    });
    // a split's work folder, left by a process that died during it (a split runs a handful of programs per page)
    await raeumeOcrVerzeichnisse({
      verzeichnis: eigene.DOKUMENTE_SPOOL_DIR,
      prefix: SCAN_ORDNER_PREFIX,
      log: app.log,
      karenzMs: Math.max(eigene.DOKUMENTE_SWEEPER_KARENZ_SEKUNDEN, 4 * eigene.DOKUMENTE_SCAN_TIMEOUT_SEKUNDEN) * 1000,
    });
  });

  // the jobs the filing transactions and the object-lock triggers enqueue, claimed by whichever instance is free
  const modus = opts.config.S3_OBJECT_LOCK ?? 'off';
  const auftraege: Record<string, Aufgabe<never>> = {
    [AUFGABE_TEXTEXTRAKTION]: textextraktion({ db: app.db, storage: app.storage, repo: dokumenteRepository, log: app.log }),
    [AUFGABE_TEXTERKENNUNG]: texterkennung({
      db: app.db,
      storage: app.storage,
      log: app.log,
      seitenErkannt: (n) => ocrSeiten.inc(n),
      einstellungen: {
        programm: eigene.DOKUMENTE_OCR_PROGRAMM,
        qpdf: eigene.DOKUMENTE_OCR_QPDF,
        maxSeiten: eigene.DOKUMENTE_OCR_MAX_SEITEN,
        maxGroesse: eigene.DOKUMENTE_OCR_MAX_GROESSE,
        timeoutMs: eigene.DOKUMENTE_OCR_TIMEOUT_SEKUNDEN * 1000,
        verzeichnis: eigene.DOKUMENTE_OCR_VERZEICHNIS,
      },
    }),
    [AUFGABE_SCANSTAPEL]: scanstapelZerlegung({
      db: app.db,
      storage: app.storage,
      log: app.log,
      einstellungen: {
        zbarimg: eigene.DOKUMENTE_SCAN_ZBARIMG,
        ghostscript: eigene.DOKUMENTE_SCAN_GHOSTSCRIPT,
        qpdf: eigene.DOKUMENTE_OCR_QPDF,
        img2pdf: eigene.DOKUMENTE_SCAN_IMG2PDF,
        maxSeiten: eigene.DOKUMENTE_SCAN_MAX_SEITEN,
        maxGroesse: eigene.DOKUMENTE_SCAN_MAX_GROESSE,
        timeoutMs: eigene.DOKUMENTE_SCAN_TIMEOUT_SEKUNDEN * 1000,
        verzeichnis: eigene.DOKUMENTE_SPOOL_DIR,
      },
    }),
    [AUFGABE_VORSCHAU]: vorschau({
      db: app.db,
      storage: app.storage,
      log: app.log,
      einstellungen: {
        libreoffice: eigene.DOKUMENTE_VORSCHAU_LIBREOFFICE,
        pdftoppm: eigene.DOKUMENTE_VORSCHAU_PDFTOPPM,
        pdfinfo: eigene.DOKUMENTE_VORSCHAU_PDFINFO,
        maxGroesse: eigene.DOKUMENTE_VORSCHAU_MAX_GROESSE,
        maxBildGroesse: eigene.DOKUMENTE_VORSCHAU_MAX_BILD_GROESSE,
        timeoutMs: eigene.DOKUMENTE_VORSCHAU_TIMEOUT_SEKUNDEN * 1000,
        // the OCR's folder: its sweeper removes what a dead process left there
        verzeichnis: eigene.DOKUMENTE_OCR_VERZEICHNIS,
      },
    }),
    // only with object lock on: with it off the triggers enqueue nothing, and an instance without it
    // must not take (and drop) another's lock jobs
    ...(modus !== 'off' ? { [AUFGABE_OBJEKTSPERRE]: objektsperre({ db: app.db, storage: app.storage, modus, log: app.log }) } : {}),
  };
  // the storage sweep and the fixity check concern the one store: once per round across all instances,
  // run by whichever instance's job runner claims the round (a failed round is not retried, the next follows)
  const periodisch = [
    { aufgabe: AUFGABE_SWEEPER, alleSekunden: eigene.DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN },
    { aufgabe: AUFGABE_FIXITY, alleSekunden: eigene.DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN },
    // without a platform key there is nothing to fetch
    { aufgabe: AUFGABE_POSTFACHABRUF, alleSekunden: postfachSchluessel ? eigene.POSTFACH_ABRUF_INTERVALL_SEKUNDEN : 0 },
  ].filter((p) => p.alleSekunden > 0);
  const periodischeAufgaben: Record<string, () => Promise<void>> = {
    [AUFGABE_SWEEPER]: async () => {
      await raeumeScanstapel({ db: app.db, storage: app.storage, log: app.log, aufbewahrungMs: eigene.DOKUMENTE_SCAN_STAPEL_AUFBEWAHRUNG_TAGE * 86_400_000 });
      await raeumeVerwaisteObjekte({ db: app.db, storage: app.storage, repo: dokumenteRepository, log: app.log, karenzMs: eigene.DOKUMENTE_SWEEPER_KARENZ_SEKUNDEN * 1000 });
    },
    [AUFGABE_FIXITY]: async () => {
      await pruefeFixityAllerMandanten({ db: app.db, storage: app.storage, log: app.log });
    },
    [AUFGABE_POSTFACHABRUF]: async () => {
      await postfachabruf!.runde();
    },
  };
  // only the tasks this instance runs: another instance (other settings) leaves the rest to those that do
  const aufgaben = {
    ...(eigene.DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN > 0 ? auftraege : {}),
    ...Object.fromEntries(periodisch.map((p) => [p.aufgabe, periodischeAufgaben[p.aufgabe]!])),
  };
  const datenbankUrl = datenbankUrlFuer(opts.config, SERVICE);
  if (Object.keys(aufgaben).length > 0) {
    verbindeMitDienst(app, createAuftragslauf({ dienst: SERVICE, datenbankUrl, log: app.log, parallel: 2, aufgaben, periodisch }));
  }
  // tests and scripts work the due jobs synchronously (also with the worker switched off)
  let einmal: Auftragslauf | undefined;
  app.decorate('arbeiteDokumentauftraege', async (mandantId?: string) => {
    einmal ??= createAuftragslauf({ dienst: SERVICE, datenbankUrl, log: app.log, aufgaben: auftraege });
    return einmal.einmal(mandantId ? { nurMarke: mandantMarke(mandantId) } : {});
  });
  app.addHook('onClose', async () => einmal?.stop());
  app.decorate('rufePostfaecherAb', (mandantId?: string) => postfachabruf!.runde(mandantId));
}

/** host:port of every service the platform itself talks to or offers: never a tenant's mailbox. */
function plattformdienste(config: Record<string, unknown>, eigene: DokumenteConfig): { host: string; port: number }[] {
  const dienste: { host: string; port: number }[] = [];
  const url = (wert: unknown, standard: number) => {
    if (typeof wert !== 'string') return;
    try {
      const u = new URL(wert);
      dienste.push({ host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : standard });
    } catch {
      // not a URL: nothing to protect under this setting
    }
  };
  for (const [k, v] of Object.entries(config)) if (k.startsWith('DATABASE_URL')) url(v, 5432);
  url(config.S3_ENDPOINT, 443);
  if (eigene.CLAMAV_HOST) dienste.push({ host: eigene.CLAMAV_HOST, port: eigene.CLAMAV_PORT });
  if (typeof config.HOST === 'string' && typeof config.PORT === 'number') dienste.push({ host: config.HOST, port: config.PORT });
  return dienste;
}

/** Runs `arbeit` every `sekunden` (0 = never), never overlapping itself, stopped on close. */
function wiederhole(app: FastifyInstance, sekunden: number, name: string, arbeit: () => Promise<void>) {
  if (sekunden <= 0) return;
  let laeuft = false;
  const timer = setInterval(() => {
    if (laeuft) return;
    laeuft = true;
    arbeit()
      .catch((err: unknown) => app.log.warn({ err }, `${name} run failed`))
      .finally(() => {
        laeuft = false;
      });
  }, sekunden * 1000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
