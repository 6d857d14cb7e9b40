// A small clamd client: INSTREAM scanning fed chunk by chunk (so it can sit on the same stream as
// hashing and spooling), PING and VERSION for the health check. Protocol: a `z`-prefixed command
// (NUL-terminated), then for INSTREAM chunks of 4-byte big-endian length + data, a zero-length
// chunk ends the stream; clamd answers `stream: OK`, `stream: <Signatur> FOUND` or `… ERROR`.
import net from 'node:net';

export interface ClamdZiel {
  host?: string;
  port?: number;
  socket?: string;
  /** Per operation: connecting, each write waiting for room, and the verdict after the last chunk. */
  timeoutMs: number;
}

export type ScanErgebnis = { sauber: true } | { sauber: false; signatur: string };

/** clamd is not reachable, timed out or failed: nothing may be stored (fail closed). */
export class ScannerFehler extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScannerFehler';
  }
}

/** A frame of INSTREAM data: 4-byte big-endian length, then the bytes. */
export function rahmen(chunk: Uint8Array): Buffer {
  const kopf = Buffer.alloc(4);
  kopf.writeUInt32BE(chunk.byteLength, 0);
  return Buffer.concat([kopf, chunk]);
}

/** The end of an INSTREAM: a zero-length frame. */
export const ENDE = Buffer.alloc(4);

/** Reads clamd's answer to INSTREAM. */
export function deuteAntwort(antwort: string): ScanErgebnis {
  const a = antwort.replace(/\0/g, '').trim();
  const gefunden = /^stream: (.+) FOUND$/.exec(a);
  if (gefunden) return { sauber: false, signatur: gefunden[1]! };
  if (a === 'stream: OK') return { sauber: true };
  throw new ScannerFehler(`clamd meldet: ${a || '(keine Antwort)'}`);
}

function verbinde(ziel: ClamdZiel): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = ziel.socket ? net.createConnection({ path: ziel.socket }) : net.createConnection({ host: ziel.host!, port: ziel.port! });
    const timer = setTimeout(() => {
      s.destroy();
      reject(new ScannerFehler(`clamd antwortet nicht innerhalb von ${ziel.timeoutMs} ms`));
    }, ziel.timeoutMs);
    s.once('connect', () => {
      clearTimeout(timer);
      s.off('error', fehler);
      resolve(s);
    });
    const fehler = (err: Error) => {
      clearTimeout(timer);
      reject(new ScannerFehler(`clamd ist nicht erreichbar: ${err.message}`, { cause: err }));
    };
    s.once('error', fehler);
  });
}

/** Collects everything clamd sends until it closes the connection. */
function antwortVon(s: net.Socket, ziel: ClamdZiel): { warte(): Promise<string> } {
  const teile: Buffer[] = [];
  let fertig = false;
  let fehler: Error | null = null;
  let melde: (() => void) | null = null;
  s.on('data', (c: Buffer) => teile.push(c));
  s.on('end', () => {
    fertig = true;
    melde?.();
  });
  s.on('close', () => {
    fertig = true;
    melde?.();
  });
  s.on('error', (err) => {
    fehler = new ScannerFehler(`Verbindung zu clamd abgebrochen: ${err.message}`, { cause: err });
    melde?.();
  });
  return {
    warte: () =>
      new Promise<string>((resolve, reject) => {
        const pruefe = () => {
          if (fehler) return reject(fehler);
          if (fertig) return resolve(Buffer.concat(teile).toString('utf8'));
        };
        melde = pruefe;
        s.setTimeout(ziel.timeoutMs, () => {
          s.destroy();
          reject(new ScannerFehler(`clamd antwortet nicht innerhalb von ${ziel.timeoutMs} ms`));
        });
        pruefe();
      }),
  };
}

/** A scan in progress: feed chunks with `schreibe` (honours back-pressure), then `ergebnis()`. */
export interface Scan {
  schreibe(chunk: Uint8Array): Promise<void>;
  ergebnis(): Promise<ScanErgebnis>;
  abbrechen(): void;
}

/** Opens an INSTREAM session; rejects with ScannerFehler when clamd cannot be reached. */
export async function starteScan(ziel: ClamdZiel): Promise<Scan> {
  const s = await verbinde(ziel);
  const antwort = antwortVon(s, ziel);
  let abgebrochen: Error | null = null;
  s.on('error', (err) => {
    abgebrochen ??= new ScannerFehler(`Verbindung zu clamd abgebrochen: ${err.message}`, { cause: err });
  });
  // clamd closes early when it has found something or its stream limit is reached: that is not a
  // transport failure, the answer tells what happened
  let frueheAntwort = false;
  s.on('end', () => {
    frueheAntwort = true;
  });
  const schreibeRoh = (buf: Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (abgebrochen) return reject(abgebrochen);
      if (frueheAntwort || s.destroyed) return resolve();
      if (s.write(buf)) return resolve();
      const timer = setTimeout(() => {
        s.destroy();
        reject(new ScannerFehler(`clamd nimmt keine Daten an (${ziel.timeoutMs} ms)`));
      }, ziel.timeoutMs);
      const weiter = () => {
        clearTimeout(timer);
        s.off('close', weiter);
        resolve();
      };
      s.once('drain', weiter);
      s.once('close', weiter);
    });
  await schreibeRoh(Buffer.from('zINSTREAM\0'));
  return {
    async schreibe(chunk) {
      // clamd's default StreamMaxLength counts the data; keep frames moderate
      for (let i = 0; i < chunk.byteLength; i += 1 << 20) await schreibeRoh(rahmen(chunk.subarray(i, i + (1 << 20))));
    },
    async ergebnis() {
      await schreibeRoh(ENDE);
      const text = await antwort.warte();
      if (abgebrochen && !text) throw abgebrochen;
      return deuteAntwort(text);
    },
    abbrechen() {
      s.destroy();
    },
  };
}

/** Scans a whole buffer (extracted parts that are already in memory). */
export async function scanne(ziel: ClamdZiel, inhalt: Uint8Array): Promise<ScanErgebnis> {
  const scan = await starteScan(ziel);
  try {
    await scan.schreibe(inhalt);
    return await scan.ergebnis();
  } finally {
    scan.abbrechen();
  }
}

/** A one-word command (`PING`, `VERSION`); the answer without the NUL. */
export async function befehl(ziel: ClamdZiel, name: 'PING' | 'VERSION'): Promise<string> {
  const s = await verbinde(ziel);
  const antwort = antwortVon(s, ziel);
  s.end(`z${name}\0`);
  return (await antwort.warte()).replace(/\0/g, '').trim();
}
