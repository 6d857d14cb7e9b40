// The permission matrix: which roles may call which operation. One place, used by the
// services, the docs table and the permission tests.
export const ROLLEN = ['sachbearbeitung', 'registratur', 'fachadministration', 'pruefung', 'plattformbetrieb', 'fachverfahren'] as const;
export type Rolle = (typeof ROLLEN)[number];

const ALLE_FACHLICHEN: readonly Rolle[] = ['sachbearbeitung', 'registratur', 'fachadministration', 'fachverfahren'];

export const BERECHTIGUNGEN: Record<string, readonly Rolle[]> = {
  getAktenplan: [...ALLE_FACHLICHEN],
  getAktenplaneinheit: [...ALLE_FACHLICHEN],
  listMandanten: ['plattformbetrieb'],
  createMandant: ['plattformbetrieb'],
  getMandant: ['sachbearbeitung', 'registratur', 'fachadministration', 'pruefung', 'fachverfahren'],
  updateMandant: ['fachadministration'],
  // Protokoll: Prüfung and Registratur read all of their tenant; clerks an Akte's history;
  // Plattformbetrieb nothing.
  listProtokoll: ['pruefung', 'registratur'],
  pruefeProtokoll: ['pruefung', 'registratur'],
  exportProtokoll: ['pruefung', 'registratur'],
  listProtokollCheckpoints: ['pruefung', 'registratur'],
  createProtokollCheckpoint: ['pruefung', 'registratur'],
  getProtokollSchluessel: ['pruefung', 'registratur'],
  getAkteHistorie: ['pruefung', 'registratur', 'sachbearbeitung'],
};

export function erlaubteRollen(operationId: string): readonly Rolle[] {
  const rollen = BERECHTIGUNGEN[operationId];
  if (!rollen) throw new Error(`operation ${operationId} missing from the permission matrix`);
  return rollen;
}
