// Test helpers for xdomea: the official schemas kept in this package (xdomea/), validation with
// libxml2 compiled to WebAssembly (xmllint-wasm, so no system xmllint is needed), ZIP reading.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import yauzl from 'yauzl';

export const XDOMEA_DIR = fileURLToPath(new URL('../xdomea', import.meta.url));
export const XSD = path.join(XDOMEA_DIR, '3.1.0', 'xdomea.xsd');

const datei = (name: string): XMLFileInfo => ({ fileName: name, contents: readFileSync(path.join(XDOMEA_DIR, name), 'utf8') });
// the same layout as published: 3.1.0/*.xsd import ../xoev/xoev-code.xsd
const schema = datei('3.1.0/xdomea.xsd');
const teile = [
  ...readdirSync(path.join(XDOMEA_DIR, '3.1.0'))
    .filter((f) => f.endsWith('.xsd') && f !== 'xdomea.xsd')
    .map((f) => datei(`3.1.0/${f}`)),
  datei('xoev/xoev-code.xsd'),
];

/** Validates with libxml2 (what x-man uses); returns xmllint's complaints, empty when valid. */
export async function xsdFehler(xml: string): Promise<string> {
  const r = await validateXML({ xml: { fileName: 'nachricht.xml', contents: xml }, schema, preload: teile, maxMemoryPages: 4096 });
  return r.valid ? '' : r.rawOutput;
}

export interface ZipEintrag {
  name: string;
  utf8: boolean;
  inhalt: Buffer;
}

export function leseZip(buf: Buffer): Promise<ZipEintrag[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: ZipEintrag[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const teile: Buffer[] = [];
          s.on('data', (c: Buffer) => teile.push(c));
          s.on('end', () => {
            out.push({ name: e.fileName, utf8: (e.generalPurposeBitFlag & 0x800) !== 0, inhalt: Buffer.concat(teile) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const mitAttributen = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false });

/** Kopf/Absender/Behoerdenkennung of a message as written, in the tenant setting's form (null when absent). */
export function absenderKennung(xml: string): unknown {
  const doc = mitAttributen.parse(xml) as Record<string, Record<string, any>>;
  const wurzel = Object.keys(doc).find((n) => n.startsWith('Aussonderung.'))!;
  const b = doc[wurzel]!.Kopf?.Absender?.Behoerdenkennung;
  if (!b) return null;
  const s = b.Behoerdenschluessel;
  return {
    behoerdenschluessel: { code: s.code, ...(s.listURI ? { listURI: s.listURI } : {}), ...(s.listVersionID ? { listVersionID: s.listVersionID } : {}) },
    praefix: { code: b.Praefix.code },
  };
}
