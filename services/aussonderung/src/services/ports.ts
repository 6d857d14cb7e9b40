// What the Aussonderung needs from the Dokumente service's data and from the Protokoll, as ports:
// the service reads documents and history through them and never imports another service.
import type { Readable } from 'node:stream';
import type { Tx } from '@eakte/db';
import type { Historie } from '../xdomea/nachrichten.js';

export interface InhaltDatei {
  /** Storage key of the content. */
  schluessel: string;
  sha256: string;
  groesse: number;
  /** `<UUID>.<ext>`: the name in the 0503 package. */
  paketname: string;
  dateinameOriginal: string;
  format: string;
  mimeType: string;
  ersteller: string | null;
  erstelltAm: Date;
  /** A rendition known to be PDF/A (the OCR result of a scan), sent beside the version's own file. */
  pdfA?: boolean;
  /** A preview the platform renders for its web client: removed with the content, never transferred. */
  vorschau?: boolean;
}

export interface InhaltDokument {
  id: string;
  vorgangId: string;
  /** Set for an Anlage (e.g. a mail attachment): the Dokument it belongs to. */
  elternDokumentId: string | null;
  betreff: string;
  datumDesSchreibens: string | null;
  posteingangsdatum: string | null;
  postausgangsdatum: string | null;
  bearbeiter: string | null;
  versionen: { nummer: number; dateien: InhaltDatei[] }[];
}

export interface Inhalte {
  /** Documents of the Vorgänge with every version's files. */
  dokumente(tx: Tx, vorgangIds: readonly string[]): Promise<InhaltDokument[]>;
  /** Opens one file's content for streaming into a package. */
  oeffne(schluessel: string): Promise<Readable>;
  /** Removes the content (every version) from storage; the metadata stays. */
  entferne(dateien: readonly InhaltDatei[]): Promise<void>;
}

export interface Historienquelle {
  /** `HistorienProtokollInformation` per object id (Akte, Vorgang, Dokument), oldest first. */
  historie(tx: Tx, objektIds: readonly string[]): Promise<Map<string, Historie[]>>;
}
