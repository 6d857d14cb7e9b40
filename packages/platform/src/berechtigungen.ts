// The permission matrix: which roles may call which operation. One place, used by the
// services, the docs table and the permission tests.
export const ROLLEN = ['sachbearbeitung', 'registratur', 'fachadministration', 'pruefung', 'plattformbetrieb', 'fachverfahren'] as const;
export type Rolle = (typeof ROLLEN)[number];
/** How a role is called on screen (the development issuer's login page, the web client). */
export const ROLLEN_NAMEN: Record<Rolle, string> = {
  sachbearbeitung: 'Sachbearbeitung',
  registratur: 'Registratur',
  fachadministration: 'Fachadministration',
  pruefung: 'Prüfung',
  plattformbetrieb: 'Plattformbetrieb',
  fachverfahren: 'Fachverfahren',
};

const ALLE_FACHLICHEN: readonly Rolle[] = ['sachbearbeitung', 'registratur', 'fachadministration', 'fachverfahren'];
/** Who files and reads documents; Fachadministration sees their metadata, Prüfung neither. */
const DOKUMENTE_SCHREIBEN: readonly Rolle[] = ['sachbearbeitung', 'registratur', 'fachverfahren'];
const DOKUMENTE_METADATEN: readonly Rolle[] = ['sachbearbeitung', 'registratur', 'fachadministration', 'fachverfahren'];

export const BERECHTIGUNGEN: Record<string, readonly Rolle[]> = {
  getAktenplan: [...ALLE_FACHLICHEN],
  getAktenplaneinheit: [...ALLE_FACHLICHEN],
  exportAktenplan: [...ALLE_FACHLICHEN],
  importAktenplan: ['registratur'],
  listMandanten: ['plattformbetrieb'],
  createMandant: ['plattformbetrieb'],
  getMandant: ['sachbearbeitung', 'registratur', 'fachadministration', 'pruefung', 'fachverfahren'],
  updateMandant: ['fachadministration'],
  // Protokoll: Prüfung and Registratur read all of their tenant; clerks an Akte's history;
  // Plattformbetrieb nothing.
  listProtokoll: ['pruefung', 'registratur'],
  listProtokollAkteure: ['pruefung', 'registratur'],
  pruefeProtokoll: ['pruefung', 'registratur'],
  exportProtokoll: ['pruefung', 'registratur'],
  listProtokollCheckpoints: ['pruefung', 'registratur'],
  createProtokollCheckpoint: ['pruefung', 'registratur'],
  getProtokollSchluessel: ['pruefung', 'registratur'],
  getProtokollNachweis: ['pruefung', 'registratur'],
  getProtokollKonsistenz: ['pruefung', 'registratur'],
  // accepting a rollback after a restore is the auditors' call alone
  quittiereProtokollRuecksetzung: ['pruefung'],
  getAkteHistorie: ['pruefung', 'registratur', 'sachbearbeitung'],
  // Akten service: registratur maintains the Aktenplan, retention, Wiederaufnahme, Umprotokollierung;
  // sachbearbeitung works with Akten and Vorgänge; fachverfahren reads and creates like it;
  // fachadministration manages org units and users; pruefung reads no content; plattformbetrieb nothing.
  createAktenplaneinheit: ['registratur'],
  updateAktenplaneinheit: ['registratur'],
  deleteAktenplaneinheit: ['registratur'],
  listOrganisationseinheiten: [...ALLE_FACHLICHEN],
  createOrganisationseinheit: ['fachadministration'],
  // the user directory: everyone of the tenant shows and picks people by name
  listBenutzer: ['sachbearbeitung', 'registratur', 'fachadministration', 'pruefung', 'fachverfahren'],
  setBenutzer: ['fachadministration'],
  listAkten: ['sachbearbeitung', 'registratur', 'fachverfahren'],
  createAkte: ['sachbearbeitung', 'registratur', 'fachverfahren'],
  getAkte: ['sachbearbeitung', 'registratur', 'fachverfahren'],
  updateAkte: ['sachbearbeitung', 'registratur'],
  zdaAkte: ['sachbearbeitung', 'registratur'],
  wiederaufnahmeAkte: ['registratur'],
  umprotokolliereAkte: ['registratur'],
  listVorgaengeDerAkte: ['sachbearbeitung', 'registratur', 'fachverfahren'],
  createVorgang: ['sachbearbeitung', 'registratur', 'fachverfahren'],
  listVorgaenge: ['sachbearbeitung', 'registratur', 'fachverfahren'],
  getVorgang: ['sachbearbeitung', 'registratur', 'fachverfahren'],
  updateVorgang: ['sachbearbeitung', 'registratur'],
  zdaVorgang: ['sachbearbeitung', 'registratur'],
  // one's own reminders: whoever works on Vorgänge
  setWiedervorlage: ['sachbearbeitung', 'registratur'],
  deleteWiedervorlage: ['sachbearbeitung', 'registratur'],
  erledigeWiedervorlage: ['sachbearbeitung', 'registratur'],
  suche: ['sachbearbeitung', 'registratur', 'fachverfahren'],
  // Geschäftsgang: who works on Vorgänge writes Verfügungen and completes steps; each user has a Postkorb.
  createVerfuegung: ['sachbearbeitung', 'registratur'],
  listVerfuegungen: ['sachbearbeitung', 'registratur'],
  getVerfuegung: ['sachbearbeitung', 'registratur'],
  abschliessenSchritt: ['sachbearbeitung', 'registratur'],
  setLaufweg: ['sachbearbeitung', 'registratur'],
  uebernehmenSchritt: ['sachbearbeitung', 'registratur'],
  getPostkorb: ['sachbearbeitung', 'registratur'],
  getPostkorbAnzahl: ['sachbearbeitung', 'registratur'],
  getVertretung: ['sachbearbeitung', 'registratur'],
  setVertretung: ['sachbearbeitung', 'registratur'],
  getBenutzerVertretung: ['fachadministration'],
  setBenutzerVertretung: ['fachadministration'],
  // an org unit's Laufweg templates: read by who writes Verfügungen, set by the unit's administration
  listLaufwegvorlagen: ['sachbearbeitung', 'registratur', 'fachadministration'],
  setLaufwegvorlagen: ['fachadministration'],
  getBenachrichtigung: ['sachbearbeitung', 'registratur'],
  setBenachrichtigung: ['sachbearbeitung', 'registratur'],
  listDokumente: [...DOKUMENTE_METADATEN],
  createDokument: [...DOKUMENTE_SCHREIBEN],
  getDokument: [...DOKUMENTE_METADATEN],
  updateDokument: [...DOKUMENTE_SCHREIBEN],
  listDokumentVersionen: [...DOKUMENTE_METADATEN],
  listDokumentAnlagen: [...DOKUMENTE_METADATEN],
  createDokumentVersion: [...DOKUMENTE_SCHREIBEN],
  getDokumentInhalt: [...DOKUMENTE_SCHREIBEN],
  getDokumentVersionInhalt: [...DOKUMENTE_SCHREIBEN],
  getDokumentFormatInhalt: [...DOKUMENTE_SCHREIBEN],
  createEingangsstempel: [...DOKUMENTE_SCHREIBEN],
  // Posteingang: the Poststelle's work, done with the Registratur role (the platform has no role of
  // its own for it); a technical client (scan station, mail gateway) may put items in, not read them.
  // An item passed on (Zuleitung) is also its receiver's, a clerk or an org unit's member: they read it
  // and file it (the service answers 404 for anything else that is not theirs).
  listPosteingang: ['registratur'],
  listZugeleitetePost: ['sachbearbeitung', 'registratur'],
  createPosteingangEintrag: ['registratur', 'fachverfahren'],
  getPosteingangEintrag: ['registratur', 'sachbearbeitung'],
  // scan batches are the Poststelle's (Registratur) work, not a Fachverfahren's
  createScanstapel: ['registratur'],
  getScanstapel: ['registratur'],
  getPosteingangInhalt: ['registratur', 'sachbearbeitung'],
  zuordnenPosteingangEintrag: ['registratur', 'sachbearbeitung'],
  zuordnenPosteingang: ['registratur', 'sachbearbeitung'],
  // function mailboxes: maintained by Fachadministration; the Poststelle sees their state (a failing mailbox)
  listPostfaecher: ['fachadministration', 'registratur'],
  getPostfach: ['fachadministration', 'registratur'],
  createPostfach: ['fachadministration'],
  updatePostfach: ['fachadministration'],
  getAktenauszug: [...DOKUMENTE_SCHREIBEN],
  runFixityCheck: ['registratur'],
  // Aussonderung service: registratur runs it; pruefung may read the holds; nobody else sees any of it.
  createLoeschsperre: ['registratur'],
  listLoeschsperren: ['registratur', 'pruefung'],
  aufhebenLoeschsperre: ['registratur'],
  listFaelligeAkten: ['registratur'],
  listAussonderungen: ['registratur'],
  createAussonderung: ['registratur'],
  getAussonderung: ['registratur'],
  getAnbietung: ['registratur'],
  postBewertung: ['registratur'],
  getBewertungsbestaetigung: ['registratur'],
  postEmpfangsbestaetigung: ['registratur'],
  getAbgabe: ['registratur'],
  postImportbestaetigung: ['registratur'],
  postVernichtung: ['registratur'],
  postVernichtungFreigabe: ['registratur'],
  postVernichtungAblehnung: ['registratur'],
  getVernichtungsprotokoll: ['registratur'],
};

export function erlaubteRollen(operationId: string): readonly Rolle[] {
  const rollen = BERECHTIGUNGEN[operationId];
  if (!rollen) throw new Error(`operation ${operationId} missing from the permission matrix`);
  return rollen;
}
