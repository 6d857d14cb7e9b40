// Reading a filed e-mail: RFC 5322 (.eml) with postal-mime, Outlook (.msg) with msgreader. What
// comes out is metadata for the Dokument, the text for the full-text index and the attachments
// (decoded) that become Anlagen. Nested messages stay attachments here (their raw bytes); the
// caller recurses into them with its own depth limit.
import * as msgreaderModul from '@kenjiuno/msgreader';
import PostalMime, { type Address } from 'postal-mime';
import { bereinige } from '../domain/volltext.js';

export const MAIL_TYPEN = new Set(['message/rfc822', 'application/vnd.ms-outlook']);
export const istMail = (mimeType: string) => MAIL_TYPEN.has(mimeType);

export interface MailAnlage {
  dateiname: string | null;
  angegebenerTyp: string;
  inhalt: Uint8Array;
}

export interface Mail {
  betreff: string | null;
  absender: string | null;
  empfaenger: string | null;
  /** Date header as a calendar date (Europe/Berlin). */
  datum: string | null;
  /** When it reached us: the newest Received header (Europe/Berlin). */
  eingang: string | null;
  /** Message-ID without angle brackets (a mailbox files each message once by it and its hash). */
  messageId: string | null;
  /** Subject, people and body as plain text (HTML converted), for the full-text index. */
  text: string;
  anlagen: MailAnlage[];
}

/** The mail cannot be read or is beyond the limits: 422, nothing stored. */
export class MailFehler extends Error {}

const TAG = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
export function kalendertag(wert: string | Date | undefined | null): string | null {
  if (!wert) return null;
  const d = wert instanceof Date ? wert : new Date(wert);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 9999) return null;
  return TAG.format(d);
}

function adresse(a: Address | undefined): string[] {
  if (!a) return [];
  if ('group' in a && Array.isArray(a.group)) return a.group.flatMap((m) => adresse(m));
  const m = a as { name?: string; address?: string };
  if (m.name && m.address) return [`${m.name} <${m.address}>`];
  return [m.address || m.name || ''].filter(Boolean);
}

const kuerze = (s: string | null, max: number) => (s && s.trim() ? [...s.trim()].slice(0, max).join('') : null);

/** HTML to plain text for the index: no tags, scripts or styles; entities decoded for the common cases. */
export function htmlAlsText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&amp;/gi, '&');
}

async function leseEml(bytes: Uint8Array, maxTeile: number): Promise<Mail> {
  let mail;
  try {
    mail = await PostalMime.parse(bytes, {
      attachmentEncoding: 'arraybuffer',
      // nested messages stay attachments with their raw bytes: the caller files them as Anlagen
      forceRfc822Attachments: true,
      maxRfc822NestingDepth: 0,
      maxNestingDepth: 32,
      maxHeadersSize: 1024 * 1024,
    });
  } catch (err) {
    throw new MailFehler(`Die E-Mail ist nicht lesbar: ${(err as Error).message}`);
  }
  if (mail.attachments.length > maxTeile) throw new MailFehler(`Die E-Mail hat mehr als ${maxTeile} Anlagen`);
  const empfaenger = [...(mail.to ?? []), ...(mail.cc ?? [])].flatMap((a) => adresse(a));
  const received = mail.headers.find((h) => h.key === 'received')?.value;
  const eingang = received && received.includes(';') ? kalendertag(received.slice(received.lastIndexOf(';') + 1).trim()) : null;
  const absender = adresse(mail.from)[0] ?? null;
  const koerper = mail.text ?? (mail.html ? htmlAlsText(mail.html) : '');
  return {
    betreff: kuerze(mail.subject ?? null, 500),
    absender: kuerze(absender, 500),
    empfaenger: kuerze(empfaenger.join(', '), 4000),
    messageId: kuerze(mail.messageId?.replace(/^\s*<|>\s*$/g, '') ?? null, 998),
    datum: kalendertag(mail.date),
    eingang,
    text: bereinige([mail.subject, absender, empfaenger.join(', '), koerper].filter(Boolean).join('\n')),
    anlagen: mail.attachments.map((a) => ({
      dateiname: a.filename,
      angegebenerTyp: a.mimeType,
      inhalt: typeof a.content === 'string' ? Buffer.from(a.content) : new Uint8Array(a.content),
    })),
  };
}

type MsgReaderKlasse = new (daten: ArrayBuffer | DataView) => {
  getFileData(): Record<string, unknown> & { attachments?: Array<Record<string, unknown>>; recipients?: Array<Record<string, unknown>> };
  getAttachment(a: Record<string, unknown>): { fileName: string; content: Uint8Array };
};
const MsgReader = ((msgreaderModul as unknown as { default: { default?: unknown } }).default.default ?? (msgreaderModul as unknown as { default: unknown }).default) as MsgReaderKlasse;

function leseMsg(bytes: Uint8Array, maxTeile: number): Mail {
  let daten;
  let leser;
  try {
    leser = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    daten = leser.getFileData();
  } catch (err) {
    throw new MailFehler(`Die Outlook-Nachricht ist nicht lesbar: ${(err as Error).message}`);
  }
  if (daten.error) throw new MailFehler(`Die Outlook-Nachricht ist nicht lesbar: ${String(daten.error)}`);
  const s = (k: string) => (typeof daten[k] === 'string' ? (daten[k] as string) : null);
  const anhaenge = daten.attachments ?? [];
  if (anhaenge.length > maxTeile) throw new MailFehler(`Die E-Mail hat mehr als ${maxTeile} Anlagen`);
  const anlagen: MailAnlage[] = anhaenge.map((a) => {
    if (a.innerMsgContent) throw new MailFehler('In Outlook-Nachrichten eingebettete Nachrichten werden noch nicht unterstützt');
    const inhalt = leser.getAttachment(a);
    return { dateiname: inhalt.fileName || (a.fileName as string) || null, angegebenerTyp: (a.attachMimeTag as string) || 'application/octet-stream', inhalt: inhalt.content };
  });
  const person = (name: string | null, mail: string | null) => (name && mail && name !== mail ? `${name} <${mail}>` : mail || name);
  const empfaenger = (daten.recipients ?? [])
    .filter((r) => r.recipType !== 'bcc')
    .map((r) => person((r.name as string) ?? null, ((r.smtpAddress ?? r.email) as string) ?? null))
    .filter(Boolean);
  const absender = person(s('senderName'), s('senderSmtpAddress') ?? s('senderEmail'));
  const koerper = s('body') ?? (s('bodyHtml') ? htmlAlsText(s('bodyHtml')!) : '');
  return {
    betreff: kuerze(s('subject'), 500),
    absender: kuerze(absender, 500),
    empfaenger: kuerze(empfaenger.join(', '), 4000),
    messageId: kuerze(s('internetMessageId')?.replace(/^\s*<|>\s*$/g, '') ?? null, 998),
    datum: kalendertag(s('clientSubmitTime') ?? s('creationTime')),
    eingang: kalendertag(s('messageDeliveryTime')),
    text: bereinige([s('subject'), absender, empfaenger.join(', '), koerper].filter(Boolean).join('\n')),
    anlagen,
  };
}

/** Reads a mail of type `mimeType` (see MAIL_TYPEN); MailFehler when it is unreadable or has too many parts. */
export async function leseMail(bytes: Uint8Array, mimeType: string, maxTeile = 100): Promise<Mail> {
  if (mimeType === 'application/vnd.ms-outlook') return leseMsg(bytes, maxTeile);
  return leseEml(bytes, maxTeile);
}
