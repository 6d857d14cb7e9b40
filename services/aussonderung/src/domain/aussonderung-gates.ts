// The gates of records law for Aussonderung (docs/domaene.md R3–R8) as plain functions. Every path that
// offers, transfers, destroys or shortens retention asks these first; none of them bypasses them.

export type Bewertung = 'A' | 'V';

/** What the gates need to know about one object (an Akte) at the moment of the decision. */
export interface Objektlage {
  /** Offered to the archive in an Aussonderung (0501 produced). */
  angeboten: boolean;
  /** The archive's appraisal; null while unappraised. */
  bewertung: Bewertung | null;
  /** Number of Löschsperren covering the object that are not released. */
  aktiveSperren: number;
  /** Content already removed (archived or destroyed). */
  inhaltGeloescht?: boolean;
}

export type Verstoss =
  | { code: 'LOESCHSPERRE'; text: string }
  | { code: 'NICHT_ANGEBOTEN'; text: string }
  | { code: 'NICHT_ALS_V_BEWERTET'; text: string }
  | { code: 'NICHT_ALS_A_BEWERTET'; text: string }
  | { code: 'INHALT_BEREITS_GELOESCHT'; text: string }
  | { code: 'VIER_AUGEN'; text: string };

const sperre = (): Verstoss => ({ code: 'LOESCHSPERRE', text: 'Eine Löschsperre liegt auf dem Objekt' });

/** A hold covers an object until it is released; the object is free only when all are released. */
export function aktiveSperren(sperren: readonly { aufgehobenAm: Date | string | null }[]): number {
  return sperren.filter((s) => s.aufgehobenAm === null).length;
}

/** Offering (0501) is refused for held objects. */
export function pruefeAnbietung(o: Pick<Objektlage, 'aktiveSperren'>): Verstoss | null {
  return o.aktiveSperren > 0 ? sperre() : null;
}

/**
 * Offer before destroy (R4): only what was offered and appraised V may be destroyed,
 * and never while a Löschsperre covers it.
 */
export function pruefeVernichtung(o: Objektlage): Verstoss | null {
  if (o.aktiveSperren > 0) return sperre();
  if (!o.angeboten) return { code: 'NICHT_ANGEBOTEN', text: 'Nicht angeboten: ohne Anbietung an das Archiv keine Vernichtung' };
  if (o.bewertung !== 'V') return { code: 'NICHT_ALS_V_BEWERTET', text: 'Nur vom Archiv mit V bewertete Objekte dürfen vernichtet werden' };
  if (o.inhaltGeloescht) return { code: 'INHALT_BEREITS_GELOESCHT', text: 'Der Inhalt ist bereits gelöscht' };
  return null;
}

/** Transfer (0503) carries only objects appraised A and not held. */
export function pruefeAbgabe(o: Objektlage): Verstoss | null {
  if (o.aktiveSperren > 0) return sperre();
  if (!o.angeboten) return { code: 'NICHT_ANGEBOTEN', text: 'Nicht angeboten' };
  if (o.bewertung !== 'A') return { code: 'NICHT_ALS_A_BEWERTET', text: 'Nur mit A bewertete Objekte werden abgegeben' };
  return null;
}

/** Deleting content after the archive's import confirmation (0506) — also blocked by a hold. */
export function pruefeLoeschungNachImport(o: Objektlage & { importBestaetigt: boolean }): Verstoss | null {
  if (o.aktiveSperren > 0) return sperre();
  const abgabe = pruefeAbgabe(o);
  if (abgabe) return abgabe;
  if (!o.importBestaetigt) return { code: 'NICHT_ALS_A_BEWERTET', text: 'Ohne Importbestätigung des Archivs wird nichts gelöscht' };
  return null;
}

/** Four eyes (R6): the approver of a destruction is a different person from its initiator. */
export function pruefeVierAugen(initiator: string, freigebender: string): Verstoss | null {
  return initiator === freigebender ? { code: 'VIER_AUGEN', text: 'Die Freigabe muss eine andere Person erteilen als die, die die Vernichtung beantragt hat' } : null;
}

// Shortening a Frist under a hold (R8) is the records-rules package's gate: @eakte/schriftgutverwaltung/loeschsperre.
