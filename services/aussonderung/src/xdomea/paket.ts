// xdomea packages: a flat ZIP (UTF-8 names, no folders) holding `<ProzessID>_<Nachricht>.xml` and, for
// a 0503, every primary file named `<UUID>.<ext>`. Streamed: files are read one after another
// while the ZIP is written, never buffered as a whole.
import type { Readable } from 'node:stream';
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
