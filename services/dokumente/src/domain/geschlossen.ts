// Records law (docs/domaene.md R9): closed (z.d.A.) Vorgänge and Akten accept no new Dokumente or
// versions; their metadata changes only by the Registratur, with a reason.
import { Errors } from '@eakte/platform';
import { DokumentFehler } from './fehler.js';

export interface Status {
  vorgangStatus: 'offen' | 'geschlossen';
  akteStatus: 'offen' | 'geschlossen';
}

export function istGeschlossen(s: Status): boolean {
  return s.vorgangStatus === 'geschlossen' || s.akteStatus === 'geschlossen';
}

export function pruefeOffenFuerInhalt(s: Status) {
  if (s.akteStatus === 'geschlossen') throw new Errors.ObjektGeschlossen('Die Akte ist geschlossen (z.d.A.) und nimmt keine Dokumente oder Versionen mehr auf');
  if (s.vorgangStatus === 'geschlossen') throw new Errors.ObjektGeschlossen('Der Vorgang ist geschlossen (z.d.A.) und nimmt keine Dokumente oder Versionen mehr auf');
}

export function pruefeMetadatenAenderung(s: Status, rollen: readonly string[], grund: string | undefined) {
  if (!istGeschlossen(s)) return;
  if (!rollen.includes('registratur')) {
    throw new Errors.ObjektGeschlossen('Das Dokument liegt in einem geschlossenen Vorgang oder einer geschlossenen Akte; nur die Registratur kann es ändern');
  }
  if (!grund) throw new DokumentFehler.GrundErforderlich('Änderungen an geschlossenen Objekten brauchen einen Grund (`grund`)');
}
