// Who sees what: clearance against Vertraulichkeitsstufe, and the tenant's org-unit visibility.
import type { Freigabe, Vertraulichkeitsstufe } from '@eakte/db/schema';

/** xdomea codes in ascending order of classification. */
export const STUFEN_AUFSTEIGEND: readonly Vertraulichkeitsstufe[] = ['003', '002', '005', '001', '004'];
const FREIGABE_RANG: Record<Freigabe, number> = { offen: 0, 'vs-nfd': 1, vertraulich: 2, geheim: 3, 'streng-geheim': 4 };

/** Vertraulichkeitsstufen a user with `freigabe` may see. */
export function sichtbareStufen(freigabe: Freigabe): Vertraulichkeitsstufe[] {
  return STUFEN_AUFSTEIGEND.slice(0, FREIGABE_RANG[freigabe] + 1);
}

/** Levels above VS-NfD are held only when the tenant allows it. */
export function stufeZulaessig(stufe: Vertraulichkeitsstufe, hoehereEinstufungenErlaubt: boolean): boolean {
  return STUFEN_AUFSTEIGEND.indexOf(stufe) <= 1 || hoehereEinstufungenErlaubt;
}

export interface Einstellungen {
  sichtbarkeit: 'behoerde' | 'organisationseinheit';
  hoehereEinstufungenErlaubt: boolean;
  aktenzeichenRegel: string;
}

export function einstellungenAus(json: unknown, standardRegel: string): Einstellungen {
  const e = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  return {
    sichtbarkeit: e.sichtbarkeit === 'organisationseinheit' ? 'organisationseinheit' : 'behoerde',
    hoehereEinstufungenErlaubt: e.hoehereEinstufungenErlaubt === true,
    aktenzeichenRegel: typeof e.aktenzeichenRegel === 'string' && e.aktenzeichenRegel !== '' ? e.aktenzeichenRegel : standardRegel,
  };
}

/** The caller's view: which levels, and (when restricted) which org units' Akten. */
export interface Sicht {
  stufen: Vertraulichkeitsstufe[];
  /** null = the whole agency; otherwise only Akten whose Federführung is one of these. */
  organisationseinheiten: string[] | null;
}

export function sichtFuer(
  benutzer: { freigabe: Freigabe; organisationseinheiten: string[] },
  rollen: readonly string[],
  einstellungen: Einstellungen,
): Sicht {
  // Registratur keeps the records of the whole agency, whatever the visibility setting.
  const eingeschraenkt = einstellungen.sichtbarkeit === 'organisationseinheit' && !rollen.includes('registratur');
  return { stufen: sichtbareStufen(benutzer.freigabe), organisationseinheiten: eingeschraenkt ? benutzer.organisationseinheiten : null };
}
