// E-mail notifications of the Geschäftsgang: the SMTP settings (validated once at boot), the text of a
// mail and the job that sends it. The job runs after the step change committed (it is enqueued in that
// transaction) and is retried with back-off when the SMTP server fails.
import type { Aufgabe } from '@eakte/auftraege';
import type { Db } from '@eakte/db';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import * as repo from '../repositories/benachrichtigung.js';

/** SMTP_* settings; without SMTP_HOST nothing is mailed and no mail job is queued. */
export const smtpConfigSchema = z.object({
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** `starttls` (default): the connection must be upgraded; `implizit`: TLS from the start (port 465); `aus`: plain (a relay on the same host only). */
  SMTP_TLS: z.enum(['starttls', 'implizit', 'aus']).default('starttls'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** The sender (From), e.g. `E-Akte <e-akte@behoerde.example>`. */
  SMTP_ABSENDER: z.string().min(3).optional(),
  /** `aus`: this instance sends no mail and runs no Frist round (other instances do; tests work the jobs themselves). */
  AKTEN_ARBEITER: z.enum(['an', 'aus']).default('an'),
  /** How often overdue Fristen are looked for (0 = never). */
  AKTEN_FRIST_INTERVALL_SEKUNDEN: z.coerce.number().int().min(0).default(3600),
});
export type SmtpConfig = z.infer<typeof smtpConfigSchema>;

/** Cross-field rules (at boot, like the schema). */
export function pruefeSmtpConfig(c: SmtpConfig) {
  if (!c.SMTP_HOST) return;
  if (!c.SMTP_ABSENDER) throw new Error('Invalid configuration: SMTP_ABSENDER is required with SMTP_HOST');
  if (!c.SMTP_ABSENDER.includes('@')) throw new Error('Invalid configuration: SMTP_ABSENDER is no e-mail address');
  if (Boolean(c.SMTP_USER) !== Boolean(c.SMTP_PASSWORD)) throw new Error('Invalid configuration: SMTP_USER and SMTP_PASSWORD go together');
}

export interface Mail {
  an: string;
  betreff: string;
  text: string;
}

const AKTIONEN: Record<string, string> = {
  bearbeitung: 'Bearbeitung',
  mitzeichnung: 'Mitzeichnung',
  zeichnung: 'Zeichnung',
  kenntnisnahme: 'Kenntnisnahme',
  stellungnahme: 'Stellungnahme',
};

const datum = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * The mail of one occasion: plain German, a summary without links and without any document content.
 * The Betreff of a Verfügung under a classified Akte (above "offen") stays in the E-Akte.
 */
export function verfasseMail(anlass: repo.Anlass, x: repo.MailInhalt, an: string): Mail {
  const betreff = x.verschlusssache ? 'Verschlusssache (Betreff nur in der E-Akte)' : x.betreff;
  const einleitung = {
    eingang: 'in Ihrem Postkorb ist ein neuer Schritt eingegangen.',
    frist: 'die Frist eines Schritts in Ihrem Postkorb ist überschritten.',
    rueckgabe: 'Ihre Verfügung wurde mit dem Votum „nicht einverstanden“ an Sie zurückgegeben.',
  }[anlass];
  const kopf = { eingang: 'Neuer Eingang im Postkorb', frist: 'Frist überschritten', rueckgabe: 'Verfügung zurückgegeben' }[anlass];
  const zeilen = [
    'Guten Tag,',
    '',
    einleitung,
    '',
    `Verfügung: ${betreff}`,
    `Aktion: ${AKTIONEN[x.aktion] ?? x.aktion}`,
    `Frist: ${x.frist ? datum(x.frist) : 'keine'}`,
    `Vorgang: ${x.kennzeichen}`,
    ...(anlass === 'rueckgabe' && x.erledigtVon ? [`Zurückgegeben von: ${x.erledigtVon}`] : []),
    '',
    'Die Einzelheiten finden Sie in der E-Akte.',
    '',
    'Diese Nachricht wurde automatisch erzeugt. Benachrichtigungen können Sie in Ihren Einstellungen abschalten.',
  ];
  return { an, betreff: `${kopf}: ${betreff} (${x.kennzeichen})`, text: `${zeilen.join('\n')}\n` };
}

export type Versand = (mail: Mail) => Promise<void>;

/** Sends through the configured SMTP server (one pooled transport per service instance). */
export function smtpVersand(c: SmtpConfig): { versende: Versand; schliesse: () => void } {
  const transport = nodemailer.createTransport({
    host: c.SMTP_HOST,
    port: c.SMTP_PORT,
    secure: c.SMTP_TLS === 'implizit',
    requireTLS: c.SMTP_TLS === 'starttls',
    ignoreTLS: c.SMTP_TLS === 'aus',
    auth: c.SMTP_USER ? { user: c.SMTP_USER, pass: c.SMTP_PASSWORD } : undefined,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    versende: async (m) => {
      await transport.sendMail({ from: c.SMTP_ABSENDER, to: m.an, subject: m.betreff, text: m.text });
    },
    schliesse: () => transport.close(),
  };
}

export interface MailLog {
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/**
 * The mail job: reads the step and the recipient's setting now (an opt-out since the event wins), sends,
 * and throws on an SMTP failure so the runner retries. A step no longer current gets no Eingang/Frist mail.
 */
export function mailAufgabe(db: Db, versende: Versand, log: MailLog): Aufgabe<repo.MailAuftrag> {
  return async (p) => {
    const x = await db.withMandant(p.mandantId, (tx) => repo.mailInhalt(tx, p.schrittId, p.sub));
    if (!x || !x.aktiv || !x.email) return log.debug({ ...p }, 'notification not sent: no address or turned off');
    if (p.anlass !== 'rueckgabe' && x.zustand !== 'aktuell') return log.debug({ ...p }, 'notification not sent: step no longer current');
    await versende(verfasseMail(p.anlass, x, x.email));
    log.info({ anlass: p.anlass, schrittId: p.schrittId, sub: p.sub, mandantId: p.mandantId }, 'notification mailed');
  };
}
