// The Aussonderung process: offered objects, the archive's appraisal, transfer, import
// confirmation and destruction, as plain state arithmetic (docs/domaene.md R4–R6).
import type { Bewertung } from './aussonderung-gates.js';

export type ObjektStatus = 'angeboten' | 'bewertet' | 'abgegeben' | 'archiviert' | 'vernichtet';
export type ProzessStatus = 'angeboten' | 'bewertet' | 'abgegeben' | 'vernichtung_ausstehend' | 'abgeschlossen';

/**
 * Where an object stands in an approved destruction: not part of it, destroyed (its content gone
 * from storage), still pending (job waiting or retried, e.g. storage refusing under object lock),
 * or stopped by a Löschsperre (a hold always wins).
 */
export type Vernichtungsteil = 'keine' | 'vernichtet' | 'ausstehend' | 'gesperrt';

export interface ProzessObjekt {
  akteId: string;
  bewertung: Bewertung | null;
  status: ObjektStatus;
  /** The archive's appraisals of its Vorgänge, per Vorgang id. */
  unterbewertungen?: Readonly<Record<string, Bewertung>>;
  /** An archived Akte whose V-parts (Vorgänge appraised V) still wait for their destruction. */
  vTeilOffen?: boolean;
  /** Its part in the approved destruction (the Akte as a whole, or its V-Vorgänge). */
  vernichtung?: Vernichtungsteil;
}

/**
 * The destruction in force, if approved: whether its Vernichtungsprotokoll is written, how many
 * Nachträge it has, and whether an object destroyed since is named by none of them yet.
 */
export interface Vernichtungslage {
  freigegeben: boolean;
  protokoll: boolean;
  nachtraege: number;
  ungenannt?: boolean;
}

/** Counts of an approved destruction's objects, and whether its protocol exists. */
export interface Vernichtungsstand {
  vernichtet: number;
  ausstehend: number;
  gesperrt: number;
  protokoll: boolean;
  nachtraege: number;
}

export function vernichtungsstand(objekte: readonly ProzessObjekt[], lage: Vernichtungslage | null): Vernichtungsstand | null {
  if (!lage?.freigegeben) return null;
  const zahl = (t: Vernichtungsteil) => objekte.filter((o) => o.vernichtung === t).length;
  return { vernichtet: zahl('vernichtet'), ausstehend: zahl('ausstehend'), gesperrt: zahl('gesperrt'), protokoll: lage.protokoll, nachtraege: lage.nachtraege };
}

/**
 * The process's state follows from its objects and its destruction: `abgeschlossen` only when every
 * object is archived or destroyed and an approved destruction has its protocol (the trigger
 * `aussonderung_abschluss_tg` asks the same); `vernichtung_ausstehend` while an approved destruction
 * has objects waiting or no protocol yet.
 */
export function prozessStatus(objekte: readonly ProzessObjekt[], lage: Vernichtungslage | null = null): ProzessStatus {
  const fertig = objekte.length > 0 && objekte.every((o) => (o.status === 'archiviert' && !o.vTeilOffen) || o.status === 'vernichtet');
  const vernichtungOffen = !!lage?.freigegeben && (!lage.protokoll || !!lage.ungenannt || objekte.some((o) => o.vernichtung === 'ausstehend' || o.vernichtung === 'gesperrt'));
  if (fertig && !vernichtungOffen) return 'abgeschlossen';
  if (vernichtungOffen) return 'vernichtung_ausstehend';
  if (objekte.some((o) => o.bewertung === null)) return 'angeboten';
  if (objekte.some((o) => o.status === 'abgegeben' || o.status === 'archiviert')) return 'abgegeben';
  return 'bewertet';
}

export interface BewertungsErgebnis {
  /** Appraisals to store, per Akte id. */
  bewertungen: Map<string, Bewertung>;
  /** Appraisals of child objects (Vorgänge), per id. */
  unterobjekte: Map<string, Bewertung>;
  /** Offered Akten without an appraisal: they stay offered and are never destroyed. */
  unbewertet: string[];
  /** IDs the archive named that are not part of this process. */
  unbekannt: string[];
  /** Offered Dokumente the archive appraised apart from their Vorgang (not supported: appraisal stops at the Vorgang). */
  abweichend: string[];
}

/**
 * Applies an appraisal (0502 or manual) to the offered Akten: matched by ID, in any order. Already
 * final objects (transferred, archived, destroyed) keep their appraisal, and so do their Vorgänge.
 */
export function uebernimmBewertung(
  objekte: readonly ProzessObjekt[],
  vorgaengeJeAkte: ReadonlyMap<string, readonly string[]>,
  eingang: ReadonlyMap<string, Bewertung>,
  /** The offered Dokumente (and Anlagen), Dokument id → Vorgang id. */
  dokumentVorgang: ReadonlyMap<string, string> = new Map(),
): BewertungsErgebnis {
  const akten = new Set(objekte.map((o) => o.akteId));
  const vorgaenge = new Set([...vorgaengeJeAkte.values()].flat());
  const bewertungen = new Map<string, Bewertung>();
  const unterobjekte = new Map<string, Bewertung>();
  const unbekannt: string[] = [];
  const dokumente = new Map<string, Bewertung>();
  for (const [id, b] of eingang) {
    const klein = id.toLowerCase();
    if (akten.has(klein)) bewertungen.set(klein, b);
    else if (vorgaenge.has(klein)) unterobjekte.set(klein, b);
    else if (dokumentVorgang.has(klein)) dokumente.set(klein, b);
    else unbekannt.push(id);
  }
  const unbewertet: string[] = [];
  for (const o of objekte) {
    if (o.status !== 'angeboten' && o.status !== 'bewertet') {
      // transferred, archived or destroyed: the Akte and its Vorgänge keep what the transfer or
      // destruction was based on, so a later 0502 cannot make an untransferred part look archived
      bewertungen.delete(o.akteId);
      for (const v of vorgaengeJeAkte.get(o.akteId) ?? []) unterobjekte.delete(v);
      continue;
    }
    if (!bewertungen.has(o.akteId) && o.bewertung === null) unbewertet.push(o.akteId);
  }
  // archives such as x-man may also list each Dokument: taken when it repeats its Vorgang's decision
  const akteDes = new Map([...vorgaengeJeAkte].flatMap(([a, vs]) => vs.map((v) => [v, a] as const)));
  const objektDer = new Map(objekte.map((o) => [o.akteId, o]));
  const abweichend: string[] = [];
  for (const [d, b] of dokumente) {
    const v = dokumentVorgang.get(d)!;
    const o = objektDer.get(akteDes.get(v)!);
    const wirksam = unterobjekte.get(v) ?? o?.unterbewertungen?.[v] ?? bewertungen.get(o?.akteId ?? '') ?? o?.bewertung ?? null;
    if (b !== wirksam) abweichend.push(d);
  }
  return { bewertungen, unterobjekte, unbewertet, unbekannt, abweichend };
}

export interface Importmeldung {
  id: string;
  erfolgreich: boolean;
  archivkennung: string | null;
}

/**
 * Which Akten count as archived after a 0506: an Akte confirmed itself with `Erfolgreich` true, or
 * one whose Vorgänge are all confirmed (archives may package below the Akte). An Akte without
 * children needs its own confirmation. The Archivkennung is the Akte's own, else one given for its
 * children, else the one given for the whole package (if all confirmations carry the same).
 */
export function archivierteAkten(akten: readonly { akteId: string; vorgaenge: readonly string[] }[], meldungen: readonly Importmeldung[]): Map<string, { archivkennung: string | null }> {
  const je = new Map(meldungen.map((m) => [m.id.toLowerCase(), m]));
  const kennungen = new Set(meldungen.filter((m) => m.erfolgreich && m.archivkennung).map((m) => m.archivkennung));
  const paketKennung = kennungen.size === 1 ? [...kennungen][0]! : null;
  const out = new Map<string, { archivkennung: string | null }>();
  for (const a of akten) {
    const selbst = je.get(a.akteId);
    if (selbst && !selbst.erfolgreich) continue;
    const kinder = a.vorgaenge.map((v) => je.get(v));
    const kinderOk = a.vorgaenge.length > 0 && kinder.every((k) => k?.erfolgreich === true);
    if (selbst?.erfolgreich || kinderOk) {
      const kennung = selbst?.archivkennung ?? kinder.find((k) => k?.archivkennung)?.archivkennung ?? paketKennung;
      out.set(a.akteId, { archivkennung: kennung ?? null });
    }
  }
  return out;
}
