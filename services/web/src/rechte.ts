// Which screens a user is shown. Each screen names the API operations it needs; a role sees it only
// when the permission matrix (the platform's own, rendered in openapi/berechtigungen.md) allows all
// of them, so nobody is offered a link that answers 403.
import type { operations } from '@eakte/api-client';
import { BERECHTIGUNGEN } from '@eakte/platform/berechtigungen';

type OperationId = keyof operations;

export const BEREICHE = {
  aktenplan: ['getAktenplan', 'getAktenplaneinheit', 'listAkten'],
  akten: ['getAkte', 'listVorgaengeDerAkte', 'getVorgang', 'listDokumente', 'getDokument'],
  wiedervorlagen: ['listVorgaenge'],
  /** one's own Wiedervorlage on a Vorgang: set, move, clear, done */
  wiedervorlageSetzen: ['setWiedervorlage', 'deleteWiedervorlage', 'erledigeWiedervorlage'],
  suche: ['suche'],
  aussonderung: ['listFaelligeAkten', 'listAussonderungen', 'getAussonderung'],
  pruefung: ['pruefeProtokoll', 'listProtokoll', 'listProtokollAkteure', 'exportProtokoll'],
  loeschsperren: ['listLoeschsperren'],
  /** the Geschäftsgang: Postkorb, a Verfügung and its steps, one's Vertretung */
  postkorb: ['getPostkorb', 'getPostkorbAnzahl', 'getVerfuegung', 'abschliessenSchritt', 'uebernehmenSchritt'],
  /** the Verfügungen of a Vorgang, on its page */
  verfuegungen: ['listVerfuegungen', 'getVerfuegung'],
  verfuegungSchreiben: ['createVerfuegung', 'listOrganisationseinheiten', 'getVorgang', 'listDokumente'],
  vertretung: ['getVertretung', 'setVertretung'],
  /** one's own e-mail notifications of the Geschäftsgang */
  benachrichtigungen: ['getBenachrichtigung', 'setBenachrichtigung'],
  laufwegAendern: ['setLaufweg', 'listOrganisationseinheiten'],
  /** an org unit's Laufweg templates, maintained by Fachadministration */
  laufwegvorlagen: ['listLaufwegvorlagen', 'setLaufwegvorlagen', 'listOrganisationseinheiten'],
  /** users by name: the tenant's user directory */
  namen: ['listBenutzer'],
  /** the Posteingang of the Poststelle/Registratur: open items, their content, assignment (one or several), the Vorgang search */
  posteingang: ['listPosteingang', 'getPosteingangInhalt', 'zuordnenPosteingangEintrag', 'zuordnenPosteingang', 'suche'],
  /** passing Posteingang items on: the org units and the user directory to choose the receiver from */
  weiterleiten: ['listOrganisationseinheiten', 'listBenutzer'],
  /** the receiver's part of the Postkorb: items the Poststelle passed on, read and filed into a Vorgang */
  zugeleitet: ['listZugeleitetePost', 'getPosteingangInhalt', 'zuordnenPosteingangEintrag', 'zuordnenPosteingang', 'suche'],
} as const satisfies Record<string, readonly OperationId[]>;

export type Bereich = keyof typeof BEREICHE;

/**
 * Fields of a request that only some roles may set (the API answers 403 to the others): they are not
 * offered to the rest. Kept beside the matrix; the services enforce them (akten: istRegistratur).
 */
export const FELDRECHTE = {
  laufzeitBeginn: ['registratur'],
  zdaDatum: ['registratur'],
} as const satisfies Record<string, readonly string[]>;

export function darfFeld(rollen: readonly string[], feld: keyof typeof FELDRECHTE): boolean {
  return FELDRECHTE[feld].some((r) => rollen.includes(r));
}

/** May a user with these roles use every operation of the screen (each by at least one role)? */
export function darf(rollen: readonly string[], bereich: Bereich): boolean {
  return BEREICHE[bereich].every((op) => (BERECHTIGUNGEN[op] ?? []).some((r) => rollen.includes(r)));
}
