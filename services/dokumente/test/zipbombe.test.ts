// DOCX/ODT zip bombs: a few hundred kilobytes that unpack to 256 MiB. The only code on the upload
// path that unpacks anything is the type detection (`file-type` reads `[Content_Types].xml` or
// `mimetype` from the ZIP), and it inflates at most 1 MiB per entry, also when the entry's
// declared size lies. Text extraction never opens office formats, and clamd applies its own
// scan limits. Each bomb is answered quickly with 201 (stored as the type detected, never
// unpacked later) or 415, without the process's memory growing by the unpacked size.
import { createDeflateRaw, crc32 } from 'node:zlib';
import { berichte, expectProblem } from '@eakte/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { baueApp, lade, neuerMandant, neuerVorgang, objekteUnter, offeneAuftraege, spoolDateien, zeilen } from './hilfen.js';

const MiB = 1024 * 1024;
const ENTPACKT = 256 * MiB;

/** 256 MiB of zeros, deflated once (about 250 KiB), and their CRC-32. */
let bombe: { daten: Buffer; crc: number };
beforeAll(async () => {
  const deflate = createDeflateRaw({ level: 9 });
  const teile: Buffer[] = [];
  deflate.on('data', (c: Buffer) => teile.push(c));
  const ende = new Promise((r) => deflate.on('end', r));
  const null1 = Buffer.alloc(MiB);
  let crc = 0;
  for (let i = 0; i < ENTPACKT / MiB; i++) {
    crc = crc32(null1, crc);
    if (!deflate.write(null1)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await ende;
  bombe = { daten: Buffer.concat(teile), crc };
});

interface Eintrag {
  name: string;
  /** Stored as is; without it the entry is the bomb. */
  inhalt?: string;
  /** Declared uncompressed size instead of the true one (a lying header). */
  angeblich?: number;
}

/**
 * The fields a local file header and its central directory entry share, in the same order from
 * `ab` on (the version needed to extract): method, CRC-32, compressed and uncompressed size, name length.
 */
function eintragsFelder(kopf: Buffer, ab: number, f: { methode: number; crc: number; laenge: number; groesse: number; nameLaenge: number }) {
  kopf.writeUInt16LE(20, ab);
  kopf.writeUInt16LE(f.methode, ab + 4);
  kopf.writeUInt32LE(f.crc, ab + 10);
  kopf.writeUInt32LE(f.laenge, ab + 14);
  kopf.writeUInt32LE(f.groesse, ab + 18);
  kopf.writeUInt16LE(f.nameLaenge, ab + 22);
}

/** A ZIP written by hand, so that headers can lie; entries with `inhalt` are stored, the others are the bomb. */
function zip(eintraege: Eintrag[]): Buffer {
  const lokal: Buffer[] = [];
  const zentral: Buffer[] = [];
  let offset = 0;
  for (const e of eintraege) {
    const name = Buffer.from(e.name);
    const roh = e.inhalt === undefined ? null : Buffer.from(e.inhalt);
    const daten = roh ?? bombe.daten;
    const crc = roh ? crc32(roh) : bombe.crc;
    const groesse = e.angeblich ?? (roh ? roh.length : ENTPACKT);
    const methode = roh ? 0 : 8;
    const felder = { methode, crc, laenge: daten.length, groesse, nameLaenge: name.length };
    const kopf = Buffer.alloc(30);
    kopf.writeUInt32LE(0x04034b50, 0);
    eintragsFelder(kopf, 4, felder);
    lokal.push(kopf, name, daten);
    const z = Buffer.alloc(46);
    z.writeUInt32LE(0x02014b50, 0);
    z.writeUInt16LE(20, 4); // version made by
    eintragsFelder(z, 6, felder);
    z.writeUInt32LE(offset, 42);
    zentral.push(z, name);
    offset += kopf.length + name.length + daten.length;
  }
  const cd = Buffer.concat(zentral);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(eintraege.length, 8);
  eocd.writeUInt16LE(eintraege.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...lokal, cd, eocd]);
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';
const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  `<Override PartName="/word/document.xml" ContentType="${DOCX}.main+xml"/></Types>`;

const BOMBEN: { name: string; datei: string; eintraege: () => Eintrag[] }[] = [
  { name: 'DOCX, bomb in word/document.xml', datei: 'bombe.docx', eintraege: () => [{ name: '[Content_Types].xml', inhalt: contentTypes }, { name: 'word/document.xml' }] },
  { name: 'DOCX, bomb in [Content_Types].xml', datei: 'bombe.docx', eintraege: () => [{ name: '[Content_Types].xml' }, { name: 'word/document.xml', inhalt: '<w:document/>' }] },
  {
    name: 'DOCX, [Content_Types].xml bomb claiming 200 bytes',
    datei: 'bombe.docx',
    eintraege: () => [
      { name: '[Content_Types].xml', angeblich: 200 },
      { name: 'word/document.xml', inhalt: '<w:document/>' },
    ],
  },
  { name: 'ODT, bomb in content.xml', datei: 'bombe.odt', eintraege: () => [{ name: 'mimetype', inhalt: ODT }, { name: 'content.xml' }] },
  {
    name: 'ODT, mimetype bomb claiming 39 bytes',
    datei: 'bombe.odt',
    eintraege: () => [
      { name: 'mimetype', angeblich: ODT.length },
      { name: 'content.xml', inhalt: '<office:document-content/>' },
    ],
  },
];

describe('zip bombs', () => {
  it("are answered quickly with 201 or 415, unpacked no further than the type detection's 1 MiB, and never queued for text extraction", { timeout: 120_000 }, async (context) => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    let gespeichert = 0;
    let groessterZuwachs = 0;
    let laengste = 0;
    let inhaltGroesse = 0;
    for (const b of BOMBEN) {
      const inhalt = zip(b.eintraege());
      inhaltGroesse = inhalt.length;
      expect(inhalt.length).toBeLessThan(MiB);
      // peak resident memory of this process (the service runs in it): unpacking would show up here
      const spitzeVorher = process.resourceUsage().maxRSS * 1024;
      const start = Date.now();
      const res = await lade(t, m, v.vorgangId, { name: b.datei, type: 'application/octet-stream', inhalt });
      const dauer = Date.now() - start;
      const zuwachs = process.resourceUsage().maxRSS * 1024 - spitzeVorher;
      expect(zuwachs, `${b.name}: peak memory grew by ${zuwachs} bytes`).toBeLessThan(64 * MiB);
      expect(dauer, b.name).toBeLessThan(10_000);
      if (res.statusCode === 201) {
        gespeichert++;
        expect([DOCX, ODT, 'application/zip']).toContain(res.json().aktuelleVersion.mimeType);
      } else {
        expectProblem(res, 415);
      }
      groessterZuwachs = Math.max(groessterZuwachs, zuwachs);
      laengste = Math.max(laengste, dauer);
      expect(spoolDateien(t)).toEqual([]);
    }
    // the one with an intact [Content_Types].xml is a DOCX as detected, the intact ODT an ODT
    const { dokumente, versionen } = await zeilen(m.id);
    expect(versionen.map((x) => x.mimeType)).toEqual(expect.arrayContaining([DOCX, ODT]));
    expect(dokumente).toHaveLength(gespeichert);
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(gespeichert);
    // office formats are never opened for the full-text index: no job, nothing to unpack later
    const auftraege = await offeneAuftraege(m.id);
    expect(auftraege).toEqual([]);
    berichte(
      context,
      'zip-bomb (service, inject)',
      `${BOMBEN.length} DOCX/ODT bombs (${inhaltGroesse} bytes → 256 MiB), ${gespeichert} stored as detected, ${BOMBEN.length - gespeichert} refused (415), ` +
        `slowest ${laengste} ms, peak memory +${(groessterZuwachs / MiB).toFixed(1)} MiB, 0 text extraction jobs`,
    );
  });
});
