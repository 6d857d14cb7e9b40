// The permission matrix: which roles may call which operation. One place, used by the
// services, the docs table and the permission tests.
export const ROLLEN = ['sachbearbeitung', 'registratur', 'fachadministration', 'pruefung', 'plattformbetrieb', 'fachverfahren'] as const;
export type Rolle = (typeof ROLLEN)[number];

const ALLE_FACHLICHEN: readonly Rolle[] = ['sachbearbeitung', 'registratur', 'fachadministration', 'fachverfahren'];
/** Who files and reads documents; Fachadministration sees their metadata, Prüfung neither. */
const DOKUMENTE_SCHREIBEN: readonly Rolle[] = ['sachbearbeitung', 'registratur', 'fachverfahren'];
const DOKUMENTE_METADATEN: readonly Rolle[] = ['sachbearbeitung', 'registratur', 'fachadministration', 'fachverfahren'];

export const BERECHTIGUNGEN: Record<string, readonly Rolle[]> = {
  getAktenplan: [...ALLE_FACHLICHEN],
  getAktenplaneinheit: [...ALLE_FACHLICHEN],
  listDokumente: [...DOKUMENTE_METADATEN],
  createDokument: [...DOKUMENTE_SCHREIBEN],
  getDokument: [...DOKUMENTE_METADATEN],
  updateDokument: [...DOKUMENTE_SCHREIBEN],
  listDokumentVersionen: [...DOKUMENTE_METADATEN],
  createDokumentVersion: [...DOKUMENTE_SCHREIBEN],
  getDokumentInhalt: [...DOKUMENTE_SCHREIBEN],
  getDokumentVersionInhalt: [...DOKUMENTE_SCHREIBEN],
  createEingangsstempel: [...DOKUMENTE_SCHREIBEN],
  getAktenauszug: [...DOKUMENTE_SCHREIBEN],
  runFixityCheck: ['registratur'],
};

export function erlaubteRollen(operationId: string): readonly Rolle[] {
  const rollen = BERECHTIGUNGEN[operationId];
  if (!rollen) throw new Error(`operation ${operationId} missing from the permission matrix`);
  return rollen;
}
