// Reading a multipart upload without holding it in memory: the file part is hashed (SHA-256)
// and counted while it is written to a private temporary file, because S3 needs the size up
// front and multipart parts carry none. The temporary file is removed on every path.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import { v7 as uuidv7 } from 'uuid';
import { bereinigeDateiname } from '../domain/dateiname.js';
import { DokumentFehler } from '../domain/fehler.js';
import { ScannerFehler, type Scan } from './clamd.js';
import { Errors } from '@eakte/platform';
import type { Scanner } from './scanner.js';

export interface Spool {
  pfad: string;
  groesse: number;
  sha256: string;
  entfernen(): Promise<void>;
}

/** Limits under which the multipart body is read (busboy's). */
export interface FormularGrenzen {
  fileSize: number;
  files: number;
  fields: number;
  fieldSize: number;
  parts: number;
}

/**
 * A multipart body as the handler hands it on, not yet read: the service decides when to read it
 * (after its checks) and under which limits (the tenant's).
 */
export interface Formular {
  mehrteilig: boolean;
  teile(grenzen: FormularGrenzen): AsyncIterable<Multipart>;
}

/** Content to be stored: a spooled upload or bytes the service made itself. */
export interface Inhalt {
  koerper: () => Readable | Buffer;
  groesse: number;
  sha256: string;
  mimeType: string;
  dateiname: string;
  /** The key under which this content is stored already (a Posteingang item's): filed without a copy. */
  gespeichert?: string;
}

/** A spool as content to be stored. */
export const ausSpool = (spool: Spool, mimeType: string, dateiname: string): Inhalt => ({
  koerper: () => createReadStream(spool.pfad),
  groesse: spool.groesse,
  sha256: spool.sha256,
  mimeType,
  dateiname,
});

export interface Upload {
  datei: Spool & { dateiname: string; angegebenerTyp: string };
  felder: Record<string, string>;
}

/**
 * Streams `quelle` into a new file under `verzeichnis`; fails with 413 past `max` bytes. With a
 * `scanner`, every chunk also goes to clamd on the same pass (a tee): infected → 422
 * SCHADSOFTWARE, scanner failure → 503; in both cases the file is removed again.
 */
export async function spoole(quelle: Readable, verzeichnis: string, max: number, scanner?: Scanner | null): Promise<Spool & { signatur?: string }> {
  await mkdir(verzeichnis, { recursive: true, mode: 0o700 });
  const pfad = path.join(verzeichnis, `${uuidv7()}.upload`);
  const hash = createHash('sha256');
  let groesse = 0;
  const zaehler = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      groesse += chunk.length;
      if (groesse > max) return cb(new DokumentFehler.DateiZuGross(String(max)));
      hash.update(chunk);
      if (!scan) return cb(null, chunk);
      scan.schreibe(chunk).then(() => cb(null, chunk), cb);
    },
  });
  const entfernen = () => rm(pfad, { force: true });
  let scan: Scan | null = null;
  try {
    scan = scanner ? await scanner.starte() : null;
    await pipeline(quelle, zaehler, createWriteStream(pfad, { flags: 'wx', mode: 0o600 }));
    const urteil = scan ? await scan.ergebnis() : { sauber: true as const };
    if (!urteil.sauber) throw Object.assign(new DokumentFehler.Schadsoftware(urteil.signatur), { signatur: urteil.signatur });
  } catch (err) {
    scan?.abbrechen();
    await entfernen();
    throw scannerAlsProblem(err);
  }
  scan?.abbrechen();
  return { pfad, groesse, sha256: hash.digest('hex'), entfernen };
}

/** clamd unreachable, timing out or failing: 503, nothing stored (fail closed). */
export function scannerAlsProblem(err: unknown): unknown {
  if (err instanceof ScannerFehler) {
    return Object.assign(new Errors.DienstNichtVerfuegbar('Der Virenscanner ist nicht erreichbar oder antwortet nicht; es wurde nichts gespeichert. Bitte später erneut versuchen.'), {
      scanner: err.message,
    });
  }
  return err;
}

/** Errors of the multipart parser that are the client's fault. */
function formularFehler(err: unknown): Error {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return err as Error;
  if (code.startsWith('FST_') || /multipart|boundary|Unexpected end of form/i.test((err as Error).message ?? '')) {
    return new DokumentFehler.UngueltigesFormular(`Das Formular ist ungültig: ${(err as Error).message}`);
  }
  return err as Error;
}

/**
 * Reads the multipart body: exactly one file part `dateiFeld`, text fields from `erlaubteFelder`.
 * The caller owns the returned spool file and must call `entfernen()`.
 */
export async function leseUpload(formular: Formular, opts: { verzeichnis: string; max: number; dateiFeld: string; erlaubteFelder: readonly string[]; scanner?: Scanner | null }): Promise<Upload> {
  if (!formular.mehrteilig) throw new DokumentFehler.KeinFormular();
  let datei: Upload['datei'] | null = null;
  const felder: Record<string, string> = {};
  try {
    const parts = formular.teile(
      // one byte over the limit lets the spool tell "exactly max" from "too large"
      { fileSize: opts.max + 1, files: 1, fields: opts.erlaubteFelder.length, fieldSize: 8 * 1024, parts: opts.erlaubteFelder.length + 1 },
    );
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== opts.dateiFeld) throw new DokumentFehler.UngueltigesFormular(`Unbekannter Dateiteil „${part.fieldname}“; erwartet wird „${opts.dateiFeld}“`);
        const spool = await spoole(part.file, opts.verzeichnis, opts.max, opts.scanner);
        datei = { ...spool, dateiname: bereinigeDateiname(part.filename), angegebenerTyp: part.mimetype };
      } else {
        if (!opts.erlaubteFelder.includes(part.fieldname)) throw new DokumentFehler.UngueltigesFormular(`Unbekanntes Feld „${part.fieldname}“`);
        if (part.valueTruncated) throw new DokumentFehler.UngueltigesFormular(`Feld „${part.fieldname}“ ist zu lang`);
        felder[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    await datei?.entfernen();
    throw formularFehler(err);
  }
  if (!datei) throw new DokumentFehler.UngueltigesFormular(`Der Dateiteil „${opts.dateiFeld}“ fehlt`);
  return { datei, felder };
}
