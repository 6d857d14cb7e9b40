// Closed objects (docs/domaene.md R9): a closed (z.d.A.) Vorgang or Akte takes no new Dokumente or
// versions; its metadata changes only by the Registratur, and only with a reason (`grund`). Both
// services answer the same: 409 `OBJEKT_GESCHLOSSEN` for content or a non-Registratur caller,
// 422 `GRUND_ERFORDERLICH` with a field error on `/grund` when the reason is missing.
import { Errors } from '@eakte/platform';

export type Status = 'offen' | 'geschlossen';

export interface Lage {
  /** The object's own status and that of every container above it (Vorgang, Akte). */
  vorgangStatus?: Status;
  akteStatus: Status;
}

export function istGeschlossen(l: Lage): boolean {
  return l.akteStatus === 'geschlossen' || l.vorgangStatus === 'geschlossen';
}

/** The problem for a missing reason, with its field error (the shape of `fehler[]` in validation problems). */
export function grundErforderlich(detail = 'Änderungen an geschlossenen Objekten brauchen einen Grund (`grund`)') {
  return Object.assign(new Errors.GrundErforderlich(detail), {
    erweiterung: { fehler: [{ ort: 'body', feld: '/grund', meldung: 'ist bei Änderungen an geschlossenen Objekten erforderlich' }] },
  });
}

/** New Dokumente or versions: refused in a closed Vorgang or Akte, for everyone. */
export function pruefeOffenFuerInhalt(l: Lage): void {
  if (l.akteStatus === 'geschlossen') throw new Errors.ObjektGeschlossen('Die Akte ist geschlossen (z.d.A.) und nimmt keine Dokumente oder Versionen mehr auf');
  if (l.vorgangStatus === 'geschlossen') throw new Errors.ObjektGeschlossen('Der Vorgang ist geschlossen (z.d.A.) und nimmt keine Dokumente oder Versionen mehr auf');
}

/** Metadata of a closed object (or of a Dokument inside one): only the Registratur, with a `grund`. */
export function pruefeAenderung(l: Lage, rollen: readonly string[], grund: string | null | undefined): void {
  if (!istGeschlossen(l)) return;
  if (!rollen.includes('registratur')) {
    throw new Errors.ObjektGeschlossen('Das Objekt ist zu den Akten verfügt (z.d.A.) oder liegt in einem solchen; Änderungen nur durch die Registratur');
  }
  if (!grund || grund.trim() === '') throw grundErforderlich();
}
