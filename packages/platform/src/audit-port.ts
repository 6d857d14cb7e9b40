// The seam between services and the audit trail: every change and every content read is
// recorded by a Protokollierer inside the same database transaction as the change itself.
import type { Tx } from '@eakte/db';
import type { Akteur } from './auth.js';

export interface Aenderung {
  feld: string;
  alt: unknown;
  neu: unknown;
}

export interface AuditEreignis {
  /** Stable verb, e.g. `akte.erstellt`, `akte.geaendert`, `akte.zda`, `dokument.inhalt.gelesen`. */
  aktion: string;
  /** e.g. `akte`, `vorgang`, `dokument`, `aktenplaneinheit`, `mandant`. */
  objektTyp: string;
  objektId: string | null;
  aktenzeichen?: string | null;
  /** For Dokumente/Vorgänge: the Akte they belong to, so an Akte's history finds them. */
  akteId?: string | null;
  aenderungen?: Aenderung[];
  ergebnis?: 'erfolg' | 'abgelehnt' | 'fehler';
  details?: Record<string, unknown>;
}

/** Appends one audit event in `tx` (the transaction of the change) for `akteur`. */
export type Protokollierer = (tx: Tx, akteur: Akteur, ereignis: AuditEreignis) => Promise<void>;
