import { describe, expect, it } from 'vitest';
import { entscheideBereich, passtEtag } from '../src/domain/bereich.js';
import { bereinigeDateiname } from '../src/domain/dateiname.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { erkenneDateityp, erkenneText, widersprichtAngabe } from '../src/adapter/dateityp.js';
import { leseSpeicherschluessel, neuerSpeicherschluessel } from '../src/domain/speicherschluessel.js';
import { asciiName } from '../src/handlers/inhalt.js';

describe('bereinigeDateiname', () => {
  it.each([
    ['C:\\Users\\x\\Antrag.pdf', 'Antrag.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['rechnung\u202Efdp.exe', 'rechnungfdp.exe'],
    ['a\u0000b\u0007c\r\n.txt', 'abc.txt'],
    ['  ..versteckt. ', 'versteckt'],
    ['CON.txt', '_CON.txt'],
    ['wer?was*:"<>|.pdf', 'wer_was______.pdf'],
    ['', 'dokument'],
    ['\u200B\u200F', 'dokument'],
    ['Mu\u0308ller.pdf', 'Müller.pdf'],
  ])('%j → %j', (roh, erwartet) => {
    expect(bereinigeDateiname(roh)).toBe(erwartet);
  });

  it('caps the length and keeps the extension', () => {
    const name = bereinigeDateiname(`${'ä'.repeat(400)}.pdf`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('gives an ASCII fallback for old clients', () => {
    expect(asciiName('Grüße "Straße" €.pdf')).toBe('Gruesse _Strasse_ _.pdf');
  });
});

describe('entscheideBereich', () => {
  it.each([
    [undefined, 100, { art: 'ganz' }],
    ['bytes=0-0', 100, { art: 'teil', start: 0, ende: 0 }],
    ['bytes=90-', 100, { art: 'teil', start: 90, ende: 99 }],
    ['bytes=-10', 100, { art: 'teil', start: 90, ende: 99 }],
    ['bytes=-1000', 100, { art: 'teil', start: 0, ende: 99 }],
    ['bytes=100-', 100, { art: 'nicht-erfuellbar' }],
    ['bytes=-0', 100, { art: 'nicht-erfuellbar' }],
    ['bytes=0-', 0, { art: 'nicht-erfuellbar' }],
    ['bytes=0-1,3-4', 100, { art: 'ganz' }],
    ['bytes=5-1', 100, { art: 'ganz' }],
    ['bytes=-', 100, { art: 'ganz' }],
    ['lines=1-2', 100, { art: 'ganz' }],
  ])('%s of %d bytes', (range, groesse, erwartet) => {
    expect(entscheideBereich(range, groesse)).toEqual(erwartet);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(passtEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(passtEtag('*', '"x"')).toBe(true);
    expect(passtEtag('"a"', '"b"')).toBe(false);
    expect(passtEtag(undefined, '"b"')).toBe(false);
  });
});

describe('type detection of text', () => {
  it.each([
    ['Hallo Welt\n', 'text/plain'],
    ['\uFEFF<?xml version="1.0"?><a/>', 'application/xml'],
    ['<xdomea:Akte xmlns:xdomea="urn:x"/>', 'application/xml'],
    ['<!DOCTYPE html><html><body>x</body></html>', 'text/html'],
    ['<!-- Export --> <HTML><script>alert(1)</script></HTML>', 'text/html'],
    ['<html><body><script>fetch("/api/v1/akten")</script></body></html>', 'text/html'],
    ['<htmlDaten>kein HTML</htmlDaten>', 'application/xml'],
    ['Received: from x\r\n  by y\r\nFrom: a@b\r\nSubject: s\r\n\r\nText', 'message/rfc822'],
    ['From: a@b\nKein Mailkopf ohne Datum\n', 'text/plain'],
  ])('%j → %s', (text, erwartet) => {
    expect(erkenneText(Buffer.from(text))).toBe(erwartet);
  });

  it('rejects binary data and accepts Latin-1 text', () => {
    expect(erkenneText(Buffer.from([0x25, 0x00, 0x01]))).toBeNull();
    expect(erkenneText(Buffer.from('Gr\xfc\xdfe', 'latin1'))).toBe('text/plain');
    expect(erkenneText(Buffer.alloc(0))).toBeNull();
  });

  it('takes a letter that begins with "BM" or "MZ" for text, and a real bitmap for a bitmap', async () => {
    // file-type knows BMP and EXE by two printable letters only
    const ordner = await mkdtemp(join(tmpdir(), 'dateityp-'));
    try {
      const datei = async (name: string, inhalt: Buffer) => {
        const pfad = join(ordner, name);
        await writeFile(pfad, inhalt);
        return erkenneDateityp(pfad);
      };
      expect(await datei('brief.txt', Buffer.from('BMW Niederlassung München\nSehr geehrte Damen und Herren,\n'))).toBe('text/plain');
      expect(await datei('mz.txt', Buffer.from('MZ-Nummer 4711 bitte angeben\n'))).toBe('text/plain');
      const bmp = Buffer.alloc(58);
      bmp.write('BM', 0, 'latin1');
      bmp.writeUInt32LE(58, 2);
      bmp.writeUInt32LE(54, 10);
      bmp.writeUInt32LE(40, 14);
      bmp.writeInt32LE(1, 18);
      bmp.writeInt32LE(1, 22);
      bmp.writeUInt16LE(1, 26);
      bmp.writeUInt16LE(24, 28);
      expect(await datei('bild.bmp', bmp)).toBe('image/bmp');
    } finally {
      await rm(ordner, { recursive: true, force: true });
    }
  });

  it('sees a declared type contradict the content, but not a vaguer declaration', () => {
    expect(widersprichtAngabe('application/pdf', 'image/png')).toBe(true);
    expect(widersprichtAngabe('application/octet-stream', 'image/png')).toBe(false);
    expect(widersprichtAngabe('image/jpg', 'image/jpeg')).toBe(false);
    expect(widersprichtAngabe('text/xml', 'text/plain')).toBe(false);
    expect(widersprichtAngabe('application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(false);
    expect(widersprichtAngabe('application/pdf; charset=binary', 'application/pdf')).toBe(false);
  });

  it('takes the wildcard the contract gives as the part type (encoding datei: */*) as no declaration', () => {
    // Portman/Postman clients copy the contract's encoding into the part header
    expect(widersprichtAngabe('*/*', 'application/pdf')).toBe(false);
    expect(widersprichtAngabe('application/*', 'image/png')).toBe(true);
  });
});

describe('Speicherschlüssel', () => {
  it('carries tenant and issue time, and nothing from the file name', () => {
    const t = Date.UTC(2026, 2, 2, 9, 0, 0);
    const key = neuerSpeicherschluessel('01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a', t);
    expect(leseSpeicherschluessel(key)).toEqual({ mandantId: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a', ausgegebenAm: t });
    expect(leseSpeicherschluessel('01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a/Antrag.pdf')).toBeNull();
  });
});
