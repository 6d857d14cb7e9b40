// The Aussonderung service: retention, legal holds, hand-over to the state archive.
import { contract } from '@eakte/api-client/contract';
import { protokolliere as protokolliereImProtokoll } from '@eakte/audit';
import { createAuftragslauf, mandantMarke, verbindeMitDienst, type Auftragslauf, type AuftragsKontext } from '@eakte/auftraege';
import { datenbankUrlFuer, servicePlatform, type Protokollierer, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import type { ObjectStore } from '@eakte/storage';
import { z } from 'zod';
import { aussonderungHandlers } from './handlers/index.js';
import { createAussonderungService, type ArchivEinstellungen, type AussonderungService } from './services/aussonderung.js';
import { historieAusProtokoll } from './services/historie.js';
import { inhalteAusDokumenten } from './services/inhalte.js';
import type { Historienquelle, Inhalte } from './services/ports.js';
import { bereiteSchemapruefungVor } from './xdomea/schema.js';
import { AUFTRAGSARTEN, mandantenMitUnlesbarerBehoerdenkennung, type AuftragDaten } from './repositories/aussonderung.js';

export const SERVICE = 'aussonderung';

export const STANDARD_ARCHIV: ArchivEinstellungen = { name: 'Landesarchiv', kurzbezeichnung: 'LA' };

/** Settings of this service on top of the shared ones (validated once at boot). */
export const aussonderungConfigSchema = z.object({
  /**
   * > 0: this instance works the jobs (content removal, protocol), woken by each new job; 0: it leaves
   * them to other instances (tests drive them with `arbeiteAussonderungsauftraege`).
   */
  AUSSONDERUNG_ARBEITER_INTERVALL_SEKUNDEN: z.coerce.number().int().min(0).default(5),
  /** A failed job waits this long times its attempts (at most an hour) before the next try. */
  AUSSONDERUNG_WIEDERHOLUNG_SEKUNDEN: z.coerce.number().int().min(0).default(60),
});
export type AussonderungConfig = z.infer<typeof aussonderungConfigSchema>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the due Aussonderung jobs until none is left (only one tenant's, if given); returns how many it ran. */
    arbeiteAussonderungsauftraege: (mandantId?: string) => Promise<number>;
  }
}

export interface AussonderungAppOptions {
  config: ServiceConfig & Partial<AussonderungConfig>;
  /** The audit trail (default: the chained Protokoll); tests may pass a recorder. */
  protokolliere?: Protokollierer;
  /** Tests only: this store instead of one from the configuration (object lock has no test server). */
  storage?: ObjectStore;
  inhalte?: Inhalte;
  historie?: Historienquelle;
  archiv?: ArchivEinstellungen;
}

export default async function aussonderungApp(app: FastifyInstance, opts: AussonderungAppOptions) {
  const eigene = aussonderungConfigSchema.parse(opts.config);
  let service: AussonderungService | undefined;
  // xdomea replies arrive as XML documents: handed to the handler as text, parsed there.
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // … or packed as the archive's tool writes them (a ZIP with the XML inside)
  app.addContentTypeParser('application/zip', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // a ZIP arrives as a Buffer; the contract's `format: binary` string schema would only reject it
  // (the platform still accepts only the media types the contract names)
  app.addHook('onRoute', (route) => {
    const content = (route.schema?.body as { content?: Record<string, unknown> } | undefined)?.content;
    if (content) delete content['application/zip'];
  });
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    storage: opts.storage,
    handlers: (instance) => {
      service = createAussonderungService(instance.db, {
        protokolliere: opts.protokolliere ?? protokolliereImProtokoll,
        inhalte: opts.inhalte ?? inhalteAusDokumenten(instance.storage),
        historie: opts.historie ?? historieAusProtokoll,
        archiv: opts.archiv ?? STANDARD_ARCHIV,
        storage: instance.storage,
      });
      return aussonderungHandlers(service);
    },
  });

  // the first xdomea message should not pay for starting the schema validator
  app.addHook('onReady', async () => bereiteSchemapruefungVor());
  // a tenant whose Behördenkennung the migration could not read sends no xdomea message until
  // the agency administration sets it: say so at start, not only at the first download
  app.addHook('onReady', async () => {
    const unlesbar = await app.db.alsPlattformbetrieb((tx) => mandantenMitUnlesbarerBehoerdenkennung(tx));
    if (unlesbar.length) {
      app.log.warn({ mandanten: unlesbar.map((m) => m.slug), werte: unlesbar }, 'tenants with an unreadable Behördenkennung send no xdomea message until it is set (PATCH /mandant behoerdenkennung)');
    }
  });

  // the jobs (content removal, Vernichtungsprotokoll) on the service's queue, claimed by whichever instance is free
  const lauf = () =>
    createAuftragslauf({
      dienst: SERVICE,
      datenbankUrl: datenbankUrlFuer(opts.config, SERVICE),
      log: app.log,
      parallel: 2,
      // the service exists once the platform has built the handlers: the tasks look it up when they run
      aufgaben: Object.fromEntries(
        AUFTRAGSARTEN.map((art) => [art, (p: AuftragDaten, k: AuftragsKontext) => service!.auftragsAufgaben(app.log, eigene.AUSSONDERUNG_WIEDERHOLUNG_SEKUNDEN)[art](p, k)]),
      ),
    });
  if (eigene.AUSSONDERUNG_ARBEITER_INTERVALL_SEKUNDEN > 0) verbindeMitDienst(app, lauf());
  // tests and `pnpm archiv:antwort` work the due jobs synchronously (also with the worker switched off)
  let einmal: Auftragslauf | undefined;
  app.decorate('arbeiteAussonderungsauftraege', async (mandantId?: string) => {
    einmal ??= lauf();
    return einmal.einmal(mandantId ? { nurMarke: mandantMarke(mandantId) } : {});
  });
  app.addHook('onClose', async () => einmal?.stop());
}
