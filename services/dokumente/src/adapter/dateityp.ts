// The type of an upload is taken from its bytes, never from what the client claims. file-type
// knows binary formats by their magic bytes; plain text, XML and e-mail have none, so a small
// look at the first bytes decides those.
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { DokumentFehler } from '../domain/fehler.js';

const TEXT_PROBE = 64 * 1024;
// file-type knows these by two printable letters ("BM", "MZ"): a letter beginning "BMW …" is text.
// Their real headers carry zero bytes, which text never has.
const SCHWACHE_KENNUNG = new Set(['image/bmp', 'application/x-msdownload']);
const MSG_KENNUNG = Buffer.from('__substg1.0_', 'utf16le');

async function anfang(pfad: string, bytes: number): Promise<Buffer> {
  const fh = await open(pfad, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Text without magic bytes: plain text, XML or an RFC 822 message; null when binary. */
export function erkenneText(probe: Buffer): string | null {
  if (probe.length === 0) return null;
  if (probe.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(probe, { stream: true });
  } catch {
    // not UTF-8: accept single-byte text (Latin-1/Windows-1252) without control characters
    text = probe.toString('latin1');
  }
  const steuer = text.match(/[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/g)?.length ?? 0;
  if (steuer > text.length / 100) return null;
  const rumpf = text.replace(/^\uFEFF/, '').trimStart();
  // HTML is a format of its own (scripts, active content): the tenant's allow-list decides, not XML's
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|script|iframe|meta|title)[\s>/]/i.test(rumpf)) return 'text/html';
  if (rumpf.startsWith('<?xml') || /^<[A-Za-z_][\w.:-]*[\s>/]/.test(rumpf)) return 'application/xml';
  // e-mail: a header block of `Name: value` lines (with folded continuations) up to a blank line
  const kopf = rumpf.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const zeilen = kopf.split(/\r?\n/);
  const namen = new Set<string>();
  let nurKopfzeilen = zeilen.length > 1;
  for (const z of zeilen) {
    const m = /^([A-Za-z][A-Za-z0-9-]*):/.exec(z);
    if (m) namen.add(m[1]!.toLowerCase());
    else if (!/^[ \t]/.test(z)) nurKopfzeilen = false;
  }
  if (nurKopfzeilen && namen.has('from') && ['date', 'subject', 'message-id', 'mime-version', 'received'].some((n) => namen.has(n))) {
    return 'message/rfc822';
  }
  return 'text/plain';
}

/** Detects the MIME type of a spooled file from its content. */
export async function erkenneDateityp(pfad: string): Promise<string> {
  const erkannt = await fileTypeFromFile(pfad);
  if (erkannt && SCHWACHE_KENNUNG.has(erkannt.mime)) {
    const text = erkenneText(await anfang(pfad, TEXT_PROBE));
    if (text) return text;
  }
  if (erkannt) {
    if (erkannt.mime === 'application/x-cfb') {
      // Outlook .msg is an OLE compound file with `__substg1.0_` streams
      const probe = await anfang(pfad, 1024 * 1024);
      if (probe.includes(MSG_KENNUNG)) return 'application/vnd.ms-outlook';
    }
    return erkannt.mime;
  }
  return erkenneText(await anfang(pfad, TEXT_PROBE)) ?? 'application/octet-stream';
}

const ALIASSE: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'text/xml': 'application/xml',
  'image/tif': 'image/tiff',
};
const normal = (t: string) => {
  const basis = t.split(';')[0]!.trim().toLowerCase();
  return ALIASSE[basis] ?? basis;
};
// `*/*` is what the contract's encoding of `datei` says, and what clients built from it send
const UNBESTIMMT = new Set(['', '*/*', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);
const TEXTARTIG = (t: string) => t.startsWith('text/') || t === 'application/xml' || t === 'message/rfc822' || t === 'application/json' || t.endsWith('+xml');
const ZIPARTIG = (t: string) => t === 'application/zip' || t === 'application/x-zip-compressed';

/** Does the client's declared type contradict the detected one? */
export function widersprichtAngabe(angegeben: string | undefined, erkannt: string): boolean {
  const a = normal(angegeben ?? '');
  const e = normal(erkannt);
  if (UNBESTIMMT.has(a) || a === e) return false;
  // text has no magic: any text-like declaration fits text-like content
  if (TEXTARTIG(a) && TEXTARTIG(e)) return false;
  // office formats are ZIP containers
  if (ZIPARTIG(a) && (e.includes('officedocument') || e.includes('opendocument') || e === 'application/zip')) return false;
  if (a === 'application/vnd.ms-outlook' && e === 'application/x-cfb') return false;
  return true;
}

/** 415 unless the detected type is allowed for the tenant and fits the declared one. */
export function pruefeDateityp(erkannt: string, angegeben: string | undefined, erlaubt: readonly string[]) {
  if (widersprichtAngabe(angegeben, erkannt)) throw new DokumentFehler.TypWiderspruch(normal(angegeben ?? ''), erkannt);
  const zulaessig = new Set(erlaubt.map(normal));
  if (!zulaessig.has(normal(erkannt))) throw new DokumentFehler.FormatNichtErlaubt(erkannt);
}
