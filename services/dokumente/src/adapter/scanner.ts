// The malware scanner as the service uses it: configured once at boot (clamd over TCP or a Unix
// socket), fail closed unless fail-open was allowed for the embedded default.
import type { FastifyBaseLogger } from 'fastify';
import { befehl, scanne, starteScan, ScannerFehler, type ClamdZiel, type Scan, type ScanErgebnis } from './clamd.js';

export interface Scanner {
  /** A scan for one file, fed chunk by chunk while the file is spooled. */
  starte(): Promise<Scan>;
  /** A scan of bytes already in memory (extracted mail parts). */
  scanne(inhalt: Uint8Array): Promise<ScanErgebnis>;
  /** The health check: clamd's VERSION line (engine/signature version/date). */
  version(): Promise<string>;
}

/** What a scan ended with, for the metrics: clean, malware found, scanner failed (refused), or let pass unscanned (fail-open). */
export type Urteil = 'sauber' | 'befund' | 'fehler' | 'ungeprueft';

/** A scan that lets everything pass because clamd failed (fail-open: embedded default only). */
function ungeprueft(log: FastifyBaseLogger, err: unknown, zaehle: (u: Urteil) => void): Scan {
  log.warn({ err }, 'clamd not reachable; upload NOT scanned (CLAMAV_FAIL_OPEN)');
  return {
    schreibe: async () => {},
    ergebnis: async () => {
      zaehle('ungeprueft');
      return { sauber: true };
    },
    abbrechen: () => {},
  };
}

export function createScanner(ziel: ClamdZiel, opts: { failOpen: boolean; log: FastifyBaseLogger; urteil?: (u: Urteil) => void }): Scanner {
  const { failOpen, log } = opts;
  const zaehle = opts.urteil ?? (() => {});
  /** The verdict of a scan clamd answered, counted; a failure is counted by its caller (fail-open lets it pass). */
  const gezaehlt = (e: ScanErgebnis) => {
    zaehle(e.sauber ? 'sauber' : 'befund');
    return e;
  };
  const fehler = (err: unknown) => {
    zaehle('fehler');
    return err;
  };
  return {
    async starte() {
      let scan: Scan;
      try {
        scan = await starteScan(ziel);
      } catch (err) {
        if (failOpen && err instanceof ScannerFehler) return ungeprueft(log, err, zaehle);
        throw fehler(err);
      }
      if (!failOpen) return { ...scan, ergebnis: () => scan.ergebnis().then(gezaehlt, (err: unknown) => Promise.reject(fehler(err))) };
      let kaputt = false;
      return {
        schreibe: (c) =>
          kaputt
            ? Promise.resolve()
            : scan.schreibe(c).catch((err: unknown) => {
                kaputt = true;
                log.warn({ err }, 'clamd failed during the upload; NOT scanned (CLAMAV_FAIL_OPEN)');
              }),
        ergebnis: async () => {
          if (kaputt) {
            zaehle('ungeprueft');
            return { sauber: true };
          }
          try {
            return gezaehlt(await scan.ergebnis());
          } catch (err) {
            if (err instanceof ScannerFehler) return ungeprueft(log, err, zaehle).ergebnis();
            throw fehler(err);
          }
        },
        abbrechen: () => scan.abbrechen(),
      };
    },
    async scanne(inhalt) {
      try {
        return gezaehlt(await scanne(ziel, inhalt));
      } catch (err) {
        if (failOpen && err instanceof ScannerFehler) return ungeprueft(log, err, zaehle).ergebnis();
        throw fehler(err);
      }
    },
    version: () => befehl(ziel, 'VERSION'),
  };
}
