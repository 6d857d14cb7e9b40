// Which lock each stored object of an Akte gets (object lock as defence in depth, S3_OBJECT_LOCK).
// The mapping of one record's state to a lock is `sperreFuer` (packages/storage); this turns the
// rows of an Akte's objects into the list of storage operations the worker carries out.
import { sperreFuer, type ObjektsperreModus, type Sperre } from '@eakte/storage';

/** One stored object (a version's content) and the state of its Akte, as read in one query. */
export interface ObjektStand {
  schluessel: string;
  akteStatus: 'offen' | 'geschlossen';
  /** Last day of retention (`YYYY-MM-DD`), set at z.d.A.; null while open, for `unbefristet` or without a Frist. */
  aufbewahrungBis: string | null;
  unbefristet: boolean;
  /** A Löschsperre covers the object (`aussonderung.loeschsperre_deckt`). */
  gesperrt: boolean;
}

export interface SperrOperation {
  schluessel: string;
  sperre: Sperre;
}

/** The lock per object; nothing when object lock is off. An open Akte's retention is not running yet. */
export function sperrplan(modus: ObjektsperreModus, objekte: readonly ObjektStand[]): SperrOperation[] {
  if (modus === 'off') return [];
  return objekte.map((o) => {
    const bis = o.akteStatus === 'geschlossen' && o.aufbewahrungBis ? new Date(`${o.aufbewahrungBis}T00:00:00Z`) : null;
    return { schluessel: o.schluessel, sperre: sperreFuer(modus, { aufbewahrungBis: bis, unbefristet: o.unbefristet, loeschsperre: o.gesperrt })! };
  });
}
