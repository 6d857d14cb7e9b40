// The Aussonderung service's shared terms: its limits, inputs and views, and the small rules all use cases share.
import type { Readable } from 'node:stream';
import type { ObjectStore } from '@eakte/storage';
import type { Akteur, Protokollierer } from '@eakte/platform';
import type { Bewertung } from '../domain/aussonderung-gates.js';
import type { Vernichtungsstand } from '../domain/aussonderungsprozess.js';
import type * as repo from '../repositories/aussonderung.js';
import type { Historienquelle, Inhalte } from './ports.js';

/** The caller, inside a tenant (handlers pass `akteurOf(req)`). */
export type MandantAkteur = Akteur & { mandantId: string };

export const LIMIT_STANDARD = 50;
export const LIMIT_MAX = 200;
/** A hold's search adds at most this many Akten. */
export const MAX_SUCHTREFFER = 10_000;
/** xdomea `Typ` of Akte and Vorgang (free text in 3.1.0). */
export const AKTENTYP = 'Sachakte';
export const VORGANGSTYP = 'Sachvorgang';

export interface SperrSuche {
  aktenplaneinheit?: string;
  aktenzeichen?: string;
  betreff?: string;
  laufzeitEndeBis?: string;
}

/** The archive the agency offers to. */
export interface ArchivEinstellungen {
  name: string;
  kurzbezeichnung?: string;
}

export interface AussonderungAnsicht {
  row: repo.AussonderungRow;
  objekte: repo.ObjektRow[];
  /** Each Akte's parts with their own state, per Akte. */
  teile: Map<string, repo.TeilRow[]>;
  /** The request in force, else the newest refused one. */
  vernichtung: repo.VernichtungRow | null;
  /** Counts of the approved destruction's objects (destroyed, pending, held) and whether its protocol exists. */
  vernichtungsstand: Vernichtungsstand | null;
  nachrichten: repo.NachrichtRow[];
}

/** A hand appraisal: the decisions and the archive's letter they come from. */
export interface BewertungManuell {
  bewertungen: Record<string, Bewertung>;
  zeichen?: string;
  datum?: string;
  archivar?: string;
  dokumentId?: string;
}

export interface Download {
  dateiname: string;
  inhalt: Readable | Uint8Array;
}

/**
 * How an offered Akte goes as a whole: A when any part goes to the archive (the Akte is then the
 * container of its A-parts, its V-parts are destroyed on their own), V when all its parts are V.
 */
export function teilBewertung(o: Pick<repo.ObjektRow, 'mitA' | 'mitV' | 'bewertung'>): Bewertung | null {
  return o.mitA ? 'A' : o.mitV ? 'V' : o.bewertung;
}

/** Page size of the lists: the default when none is asked for, never above the maximum. */
export const begrenze = (limit: number | undefined) => Math.min(Math.max(limit ?? LIMIT_STANDARD, 1), LIMIT_MAX);

/** The caller as the actor of a job's audit events (the job runs long after the request). */
export function auftragAkteur(a: MandantAkteur) {
  return { sub: a.sub, name: a.name, rollen: [...a.rollen], client: a.client ?? null };
}

/** What the service is built from: the audit port, the Dokumente and Protokoll ports, the archive, the store. */
export interface AussonderungDeps {
  protokolliere: Protokollierer;
  inhalte: Inhalte;
  historie: Historienquelle;
  archiv: ArchivEinstellungen;
  storage: ObjectStore;
}
