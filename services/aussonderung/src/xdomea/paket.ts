// xdomea packages: a flat ZIP (UTF-8 names, no folders) holding `<ProzessID>_<Nachricht>.xml` and, for
// a 0503, every primary file named `<UUID>.<ext>`. Streamed: files are read one after another
// while the ZIP is written, never buffered as a whole.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { nachrichtenname, type Nachrichtentyp } from './nachrichten.js';

export interface PaketDatei {
  name: string;
  /** Opened only when the ZIP writer reaches this entry. */
  oeffnen: () => Promise<Readable>;
  size?: number;
}

export function paketName(prozessId: string, typ: Nachrichtentyp): string {
  return `${nachrichtenname(prozessId, typ)}.zip`;
}

export function paket(prozessId: string, typ: Nachrichtentyp, xml: string, dateien: PaketDatei[] = [], mtime = new Date()): Readable {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(xml, 'utf8'), `${nachrichtenname(prozessId, typ)}.xml`, { mtime });
  const namen = new Set<string>();
  for (const d of dateien) {
    if (d.name.includes('/') || d.name.includes('\\') || namen.has(d.name)) throw new Error(`ungültiger oder doppelter Dateiname im Paket: ${d.name}`);
    namen.add(d.name);
    zip.addReadStreamLazy(d.name, { mtime, ...(d.size !== undefined ? { size: d.size } : {}) }, (cb) => {
      d.oeffnen().then(
        (s) => cb(null, s),
        (err: Error) => cb(err, undefined as never),
      );
    });
  }
  zip.end();
  return zip.outputStream as unknown as Readable;
}

const MAX_XML = 64 * 1024 * 1024;

/**
 * The XML of a message package as the archive's tool writes it: a ZIP with one `.xml` at its root
 * (other entries are ignored). Refuses nested paths and oversized entries.
 */
export function xmlAusPaket(zip: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (err, datei) => {
      if (err || !datei) return reject(new Error(`Kein lesbares ZIP: ${err?.message ?? 'leer'}`));
      let gefunden = false;
      datei.on('entry', (e: yauzl.Entry) => {
        if (gefunden || !e.fileName.toLowerCase().endsWith('.xml') || e.fileName.includes('/')) return datei.readEntry();
        if (e.uncompressedSize > MAX_XML) return reject(new Error('Die Nachricht im ZIP ist zu groß'));
        gefunden = true;
        datei.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(new Error('ZIP-Eintrag nicht lesbar'));
          const teile: Buffer[] = [];
          s.on('data', (c: Buffer) => teile.push(c));
          s.on('error', (e3) => reject(new Error(`ZIP-Eintrag nicht lesbar: ${e3.message}`)));
          s.on('end', () => resolve(Buffer.concat(teile).toString('utf8')));
        });
      });
      datei.on('end', () => {
        if (!gefunden) reject(new Error('Das ZIP enthält keine xdomea-Nachricht (.xml)'));
      });
      datei.on('error', (e) => reject(new Error(`Kein lesbares ZIP: ${e.message}`)));
      datei.readEntry();
    });
  });
}
