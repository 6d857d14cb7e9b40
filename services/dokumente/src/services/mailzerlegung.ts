// An e-mail filed as a Dokument: each attachment becomes an Anlage (nested mails recursively, up to
// a depth), within limits of count and decoded size, each scanned, spooled, typed and checked
// against the tenant's allowed formats before anything is stored.
import { Readable } from 'node:stream';
import { heute } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import { erkenneDateityp, pruefeDateityp } from '../adapter/dateityp.js';
import { istMail, leseMail, MailFehler, type Mail } from '../adapter/mail.js';
import type { Scanner } from '../adapter/scanner.js';
import { ausSpool, scannerAlsProblem, spoole, type Inhalt, type Spool } from '../adapter/upload.js';
import { bereinigeDateiname } from '../domain/dateiname.js';
import { DokumentFehler } from '../domain/fehler.js';

/** An Anlage ready to be stored: spooled, scanned, typed; nested mails carry their own Anlagen. */
export interface Teil {
  id: string;
  inhalt: Inhalt;
  meta: { betreff: string; datumDesSchreibens: string; eingangsdatum?: string; absender?: string; empfaenger?: string };
  kinder: Teil[];
}

export interface MailGrenzen {
  maxAnlagen: number;
  maxTiefe: number;
  maxGroesse: number;
}

/** Dokument metadata taken from a mail (only what it has). */
export function mailMeta(mail: Mail) {
  return {
    ...(mail.betreff ? { betreff: mail.betreff } : {}),
    datumDesSchreibens: mail.datum ?? mail.eingang ?? heute(),
    ...(mail.eingang ? { eingangsdatum: mail.eingang } : {}),
    ...(mail.absender ? { absender: mail.absender } : {}),
    ...(mail.empfaenger ? { empfaenger: mail.empfaenger } : {}),
  } as { betreff?: string; datumDesSchreibens: string; eingangsdatum?: string; absender?: string; empfaenger?: string };
}

/** The Anlagen depth first (the order their objects are stored and their rows written). */
export const flach = (teile: Teil[]): Teil[] => teile.flatMap((t) => [t, ...flach(t.kinder)]);

export function createMailzerlegung(opts: { grenzen: MailGrenzen; spoolVerzeichnis: string; scanner?: Scanner | null }) {
  const { grenzen } = opts;

  /**
   * Reads a spooled mail and prepares every attachment as an Anlage (recursively for nested mails):
   * limits, malware scan, spool, type detection and allow-list. Spools of all parts end up in `alle`.
   */
  async function zerlegeMail(
    bytes: Uint8Array,
    mimeType: string,
    tiefe: number,
    z: { teile: number; bytes: number; alle: Spool[]; max: number; erlaubt: readonly string[] },
  ): Promise<{ mail: Mail; kinder: Teil[] }> {
    const mail = await leseMail(bytes, mimeType, grenzen.maxAnlagen).catch((err: unknown) => {
      throw err instanceof MailFehler ? new DokumentFehler.MailUnzulaessig(err.message) : err;
    });
    const kinder: Teil[] = [];
    let nr = 0;
    for (const a of mail.anlagen) {
      nr += 1;
      z.teile += 1;
      z.bytes += a.inhalt.byteLength;
      if (z.teile > grenzen.maxAnlagen) throw new DokumentFehler.MailUnzulaessig(`Die E-Mail hat mehr als ${grenzen.maxAnlagen} Anlagen`);
      if (z.bytes > grenzen.maxGroesse) throw new DokumentFehler.MailUnzulaessig(`Die Anlagen der E-Mail sind zusammen größer als ${grenzen.maxGroesse} Bytes`);
      const dateiname = bereinigeDateiname(a.dateiname, `Anlage ${nr}`);
      if (opts.scanner) {
        const urteil = await opts.scanner.scanne(a.inhalt).catch((err: unknown) => {
          throw scannerAlsProblem(err);
        });
        if (!urteil.sauber) throw Object.assign(new DokumentFehler.Schadsoftware(`${urteil.signatur} in der Anlage „${dateiname}“`), { signatur: urteil.signatur, anlage: dateiname });
      }
      const spool = await spoole(Readable.from([Buffer.from(a.inhalt.buffer, a.inhalt.byteOffset, a.inhalt.byteLength)]), opts.spoolVerzeichnis, z.max);
      z.alle.push(spool);
      const typ = await erkenneDateityp(spool.pfad);
      try {
        pruefeDateityp(typ, undefined, z.erlaubt);
      } catch (err) {
        (err as Error).message += ` (Anlage „${dateiname}“ der E-Mail)`;
        throw err;
      }
      const teil: Teil = {
        id: uuidv7(),
        inhalt: ausSpool(spool, typ, dateiname),
        meta: {
          betreff: [...dateiname].slice(0, 500).join(''),
          datumDesSchreibens: mail.datum ?? heute(),
          ...(mail.eingang ? { eingangsdatum: mail.eingang } : {}),
          ...(mail.absender ? { absender: mail.absender } : {}),
        },
        kinder: [],
      };
      if (istMail(typ)) {
        if (tiefe + 1 > grenzen.maxTiefe) throw new DokumentFehler.MailUnzulaessig(`Die E-Mail ist tiefer als ${grenzen.maxTiefe} Ebenen verschachtelt`);
        const innen = await zerlegeMail(a.inhalt, typ, tiefe + 1, z);
        teil.kinder = innen.kinder;
        teil.meta = { ...teil.meta, ...mailMeta(innen.mail) };
        if (!innen.mail.betreff) teil.meta.betreff = teil.meta.betreff || dateiname;
      }
      kinder.push(teil);
    }
    return { mail, kinder };
  }

  return zerlegeMail;
}
