// The Akten service: Aktenplan, Akten, Vorgänge.
import { contract } from '@eakte/api-client/contract';
import { protokolliere as protokolliereImProtokoll } from '@eakte/audit';
import { createAuftragslauf, mandantMarke, verbindeMitDienst, type Auftragslauf } from '@eakte/auftraege';
import { CSV_LIMIT, datenbankUrlFuer, servicePlatform, type Protokollierer, type ServiceConfig } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import type { ObjectStore } from '@eakte/storage';
import { mailAufgabe, pruefeSmtpConfig, smtpConfigSchema, smtpVersand, type SmtpConfig } from './benachrichtigung/mail.js';
import { aktenHandlers } from './handlers/index.js';
import { AUFGABE_BENACHRICHTIGUNG } from './repositories/benachrichtigung.js';
import { createMandantenRepository } from './repositories/mandanten.js';
import { KEIN_MELDER, MAIL_MELDER, meldeUeberfaelligeFristen } from './services/benachrichtigung.js';
import { createDienste, type Dienste, type MandantAkteur } from './services/index.js';

export const SERVICE = 'akten';

/** Settings of this service on top of the shared ones (validated once at boot). */
export const aktenConfigSchema = smtpConfigSchema;

declare module 'fastify' {
  interface FastifyInstance {
    /** Tests and scripts: the periodic Frist round now (of one tenant, if given), then every due mail job (of that tenant); returns the jobs run. */
    arbeiteAktenauftraege: (mandantId?: string, opt?: { fristen?: boolean }) => Promise<number>;
  }
}

export const AUFGABE_FRISTEN = 'fristen';

export interface AktenAppOptions {
  config: ServiceConfig & Partial<SmtpConfig>;
  /** The audit trail (default: the chained Protokoll); tests may pass a recorder. */
  protokolliere?: Protokollierer;
  /** Tests only: this store instead of one from the configuration (object lock has no test server). */
  storage?: ObjectStore;
}

export default async function aktenApp(app: FastifyInstance, opts: AktenAppOptions) {
  let dienste: Dienste | undefined;
  const eigene = smtpConfigSchema.parse(opts.config);
  pruefeSmtpConfig(eigene);
  const mail = eigene.SMTP_HOST ? smtpVersand(eigene) : null;
  const protokolliere = opts.protokolliere ?? protokolliereImProtokoll;
  // the Aktenplan import takes CSV as text
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_LIMIT }, (_req, body, done) => done(null, body));
  // the caller enters the tenant's user directory with their first request that succeeds (a refused
  // one leaves nothing behind); before the answer leaves, so the next request finds them
  app.addHook('onSend', async (req, reply) => {
    if (reply.statusCode >= 400 || !req.akteur?.mandantId) return;
    // the answer stands even if the entry fails; the next request tries again
    await dienste?.organisation.verzeichneBenutzer(req.akteur as MandantAkteur).catch((err: unknown) => req.log.warn({ err }, 'user directory entry failed'));
  });
  await app.register(servicePlatform, {
    service: SERVICE,
    config: opts.config,
    document: contract,
    storage: opts.storage,
    handlers: (instance) => {
      dienste = createDienste(instance.db, protokolliere, createMandantenRepository(instance.db), instance.log, mail ? MAIL_MELDER : KEIN_MELDER);
      return aktenHandlers(dienste);
    },
  });

  // e-mail notifications only with SMTP settings: then mail jobs are queued with the step changes and
  // this instance's job runner sends them; the overdue Frist round runs once per interval across instances
  let einmal: Auftragslauf | undefined;
  app.decorate('arbeiteAktenauftraege', async (mandantId?: string, opt: { fristen?: boolean } = {}) => {
    if (!mail) return 0;
    if (opt.fristen) await meldeUeberfaelligeFristen(app.db, app.log, mandantId);
    einmal ??= createAuftragslauf({
      dienst: SERVICE,
      datenbankUrl: datenbankUrlFuer(opts.config, SERVICE),
      log: app.log,
      aufgaben: { [AUFGABE_BENACHRICHTIGUNG]: mailAufgabe(app.db, mail.versende, app.log) },
    });
    return einmal.einmal(mandantId ? { nurMarke: mandantMarke(mandantId) } : {});
  });
  if (mail && eigene.AKTEN_ARBEITER === 'an') {
    const periodisch = eigene.AKTEN_FRIST_INTERVALL_SEKUNDEN > 0 ? [{ aufgabe: AUFGABE_FRISTEN, alleSekunden: eigene.AKTEN_FRIST_INTERVALL_SEKUNDEN }] : [];
    const aufgaben = {
      [AUFGABE_BENACHRICHTIGUNG]: mailAufgabe(app.db, mail.versende, app.log),
      ...(periodisch.length ? { [AUFGABE_FRISTEN]: async () => void (await meldeUeberfaelligeFristen(app.db, app.log)) } : {}),
    };
    verbindeMitDienst(app, createAuftragslauf({ dienst: SERVICE, datenbankUrl: datenbankUrlFuer(opts.config, SERVICE), log: app.log, parallel: 2, aufgaben, periodisch }));
  }
  // after the runner's own hook: its running mail jobs finish before the transport closes
  app.addHook('onClose', async () => {
    await einmal?.stop();
    mail?.schliesse();
  });
}
