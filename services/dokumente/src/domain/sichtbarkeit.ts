// Who sees which Dokumente: those of the Akten the caller may see — clearance against the Akte's
// Vertraulichkeitsstufe and, when the tenant restricts visibility to org units, the Akte's
// Federführung (the Registratur keeps the whole agency's records). The same rule as the Akten
// service's `sichtbarkeit`; both belong in one shared module once the branches meet.
import type { Freigabe, Vertraulichkeitsstufe } from '@eakte/db/schema';

const STUFEN_AUFSTEIGEND: readonly Vertraulichkeitsstufe[] = ['003', '002', '005', '001', '004'];
const FREIGABE_RANG: Record<Freigabe, number> = { offen: 0, 'vs-nfd': 1, vertraulich: 2, geheim: 3, 'streng-geheim': 4 };

export interface Sicht {
  stufen: Vertraulichkeitsstufe[];
  /** null = the whole agency; otherwise only Akten whose Federführung is one of these. */
  organisationseinheiten: string[] | null;
}

export function sichtFuer(
  benutzer: { freigabe: Freigabe; organisationseinheiten: string[] },
  rollen: readonly string[],
  sichtbarkeit: 'behoerde' | 'organisationseinheit',
): Sicht {
  const eingeschraenkt = sichtbarkeit === 'organisationseinheit' && !rollen.includes('registratur');
  return {
    stufen: STUFEN_AUFSTEIGEND.slice(0, (FREIGABE_RANG[benutzer.freigabe] ?? 0) + 1),
    organisationseinheiten: eingeschraenkt ? benutzer.organisationseinheiten : null,
  };
}
