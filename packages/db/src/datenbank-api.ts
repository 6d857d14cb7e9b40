// The database API: what each schema publishes to the other services, and the cross-schema accesses
// that remain until they move behind it. The ONE place cross-schema privileges come from:
// `runMigrations` grants exactly this list after the migrations (docs/datenbank-api.md).

export const DIENSTE = ['akten', 'dokumente', 'aussonderung', 'protokoll'] as const;
export type Dienst = (typeof DIENSTE)[number];

/** The login role of a service. */
export const dienstRolle = (dienst: Dienst) => `eakte_${dienst}`;

/** The schemas a service owns and alone writes (`auftraege_<dienst>`: its job queue, migration 0025); `plattform` (tenants) belongs to Akten, all read it. */
export const EIGENE_SCHEMATA: Record<Dienst, readonly string[]> = {
  akten: ['akten', 'plattform', 'auftraege_akten'],
  dokumente: ['dokumente', 'auftraege_dokumente'],
  aussonderung: ['aussonderung', 'auftraege_aussonderung'],
  protokoll: ['protokoll', 'auftraege_protokoll'],
};

export const SCHEMATA = Object.values(EIGENE_SCHEMATA).flat();

export const eigentuemer = (schemaName: string): Dienst | undefined => DIENSTE.find((d) => EIGENE_SCHEMATA[d].includes(schemaName));

/** A view or function a schema publishes for other services. Functions are named with their argument types. */
export interface Veroeffentlichung {
  objekt: string;
  art: 'sicht' | 'funktion';
  fuer: readonly Dienst[];
  warum: string;
}

export const DATENBANK_API: readonly Veroeffentlichung[] = [
  {
    objekt: 'plattform.mandant',
    art: 'sicht',
    fuer: ['dokumente', 'aussonderung', 'protokoll'],
    warum: 'tenants and their settings are read by every service (granted in migration 0026: a table, read-only)',
  },
  {
    objekt: 'plattform.mandant_id_fuer_slug(text)',
    art: 'funktion',
    fuer: ['dokumente', 'aussonderung', 'protokoll'],
    warum: 'token verification maps the tenant slug to its id before any tenant context exists',
  },
  {
    objekt: 'akten.suchtext(text)',
    art: 'funktion',
    fuer: ['dokumente', 'aussonderung'],
    warum: 'the one normalisation of search text; generated columns run it with the writing role’s rights',
  },
  {
    objekt: 'aussonderung.aktive_loeschsperren(text, uuid)',
    art: 'funktion',
    fuer: ['akten', 'dokumente'],
    warum: 'THE hold gate: which active Löschsperren stand in the way of changing or removing an object (owner rights, tenant from app.mandant; migration 0031)',
  },
  {
    objekt: 'aussonderung.loeschsperren_der_objekte(text, uuid[])',
    art: 'funktion',
    fuer: ['akten', 'dokumente'],
    warum:
      'THE rule beneath both hold gates, which active Löschsperren cover each object of a set (owner rights, tenant from app.mandant; migration 0035): the two gates are inlined invoker wrappers over it',
  },
  {
    objekt: 'aussonderung.gesperrte_objekte(text, uuid[])',
    art: 'funktion',
    fuer: ['akten', 'dokumente'],
    warum: 'the hold gate over a set of objects in one call: the held ones and their number of active Löschsperren (the same rule: a wrapper over loeschsperren_der_objekte; migration 0035)',
  },
  {
    objekt: 'aussonderung.loeschsperre_deckt(uuid, uuid, uuid, uuid)',
    art: 'funktion',
    fuer: ['akten', 'dokumente'],
    warum: 'whether a hold covers an object: the object lock, and the view teilstand (owner rights; only in the tenant of app.mandant)',
  },
  {
    objekt: 'aussonderung.aktenstand',
    art: 'sicht',
    fuer: ['akten', 'dokumente'],
    warum: 'the disposal state of an Akte, for its display; the object lock leaves out Akten whose content goes (owner rights, tenant from app.mandant)',
  },
  {
    objekt: 'aussonderung.teilstand',
    art: 'sicht',
    fuer: ['akten', 'dokumente'],
    warum: 'the disposal state of the parts of an Akte (Vorgänge, Dokumente), for their display (owner rights, tenant from app.mandant)',
  },
  {
    objekt: 'dokumente.dokument_fuer_aussonderung',
    art: 'sicht',
    fuer: ['aussonderung'],
    warum: 'the Dokumente of Vorgänge for the xdomea messages, the appraisal and the Löschsperren (owner rights, tenant from app.mandant)',
  },
  {
    objekt: 'dokumente.dokument_stand',
    art: 'sicht',
    fuer: ['akten'],
    warum: 'the current version of each Dokument: a Mitzeichnung on an older version of a Dokument a Verfügung is pinned to (owner rights, tenant from app.mandant; migration 0040)',
  },
  {
    objekt: 'dokumente.version_fuer_aussonderung',
    art: 'sicht',
    fuer: ['aussonderung'],
    warum: 'the file of each version of a Dokument, for the transfer (0503), the removal of content and the Vernichtungsprotokoll (owner rights, tenant from app.mandant)',
  },
  {
    objekt: 'dokumente.format_fuer_aussonderung',
    art: 'sicht',
    fuer: ['aussonderung'],
    warum: 'the renditions of each version (the PDF/A of a scan), for the transfer (0503) beside the version and the removal of content (owner rights, tenant from app.mandant)',
  },
  {
    objekt: 'protokoll.objekthistorie',
    art: 'sicht',
    fuer: ['aussonderung'],
    warum: 'the history of an Akte, Vorgang or Dokument for the xdomea HistorienProtokollInformation (owner rights, tenant from app.mandant; migration 0034)',
  },
  {
    objekt: 'protokoll.protokolliere(jsonb, text)',
    art: 'funktion',
    fuer: ['akten', 'dokumente', 'aussonderung'],
    warum: 'THE audit port (packages/audit): appends an event of the transaction’s tenant with its leaf bytes and hash, without a lock; the Protokoll service sequences it (migration 0034)',
  },
  {
    objekt: 'akten.wirksame_aufbewahrung(uuid, integer, boolean, text)',
    art: 'funktion',
    fuer: ['aussonderung'],
    warum: 'THE retention inheritance (R2): the Frist and Aussonderungsart an Akte keeps or inherits from its unit, for the due list and the xdomea messages (owner rights, tenant from app.mandant)',
  },
  {
    objekt: 'akten.vorgang_fuer_systemdokument(uuid, text, uuid, text)',
    art: 'funktion',
    fuer: ['aussonderung'],
    warum: 'filing a Systemdokument (Vernichtungsprotokoll): the open Vorgang of that name in the Akte, opened if none; refuses a missing or closed Akte',
  },
  {
    objekt: 'dokumente.lege_systemdokument_ab(uuid, uuid, text, date, text, text, bigint, text, text, text)',
    art: 'funktion',
    fuer: ['aussonderung'],
    warum: 'filing a Systemdokument: the Dokument, version 1 and its text-extraction job, as an upload writes them',
  },
  {
    objekt: 'dokumente.volltext_treffer(tsquery, integer)',
    art: 'funktion',
    fuer: ['akten'],
    warum: 'the search: the Dokumente whose current extracted text matches, with their rank (the caller checks the Akte’s visibility)',
  },
  {
    objekt: 'dokumente.volltext_ausstehend(integer)',
    art: 'funktion',
    fuer: ['akten'],
    warum: 'the search: the Dokumente whose text is still being extracted, to say so (the caller checks the Akte’s visibility)',
  },
  {
    objekt: 'dokumente.volltext_ausschnitt(uuid, tsquery)',
    art: 'funktion',
    fuer: ['akten'],
    warum: 'the search: the matching passage of a Dokument’s current text',
  },
  {
    objekt: 'akten.vorgang_kontext',
    art: 'sicht',
    fuer: ['dokumente'],
    warum: 'a Vorgang with its Akte’s Aktenzeichen, status and classification: filing, listing and visibility of Dokumente (migration 0029)',
  },
  {
    objekt: 'akten.akte_kopf',
    art: 'sicht',
    fuer: ['dokumente'],
    warum: 'the head of an Akte: the Aktenauszug’s cover, the object lock’s retention (migration 0029)',
  },
  {
    objekt: 'akten.benutzer_sicht',
    art: 'sicht',
    fuer: ['dokumente'],
    warum: 'a user’s clearance and org units, for the caller’s view of Dokumente (migration 0029)',
  },
  {
    objekt: 'akten.schritt_lesefreigabe(text, uuid)',
    art: 'funktion',
    fuer: ['dokumente'],
    warum:
      'the read grant of a Verfügung’s step: the pinned versions of a Dokument a user may read while a current step is theirs (as Bearbeiter, member, taker or deputy), whatever the Vorgang’s visibility (migration 0050)',
  },
  {
    objekt: 'akten.halte_vorgang_offen(uuid)',
    art: 'funktion',
    fuer: ['dokumente'],
    warum: 'share-locks a Vorgang and its Akte while a Dokument is filed, so that a concurrent z.d.A. waits (migration 0029)',
  },
  {
    objekt: 'akten.akte_fuer_aussonderung',
    art: 'sicht',
    fuer: ['aussonderung'],
    warum: 'an Akte with its Aktenplan unit and lead org unit: the xdomea messages, the due list, the Löschsperren, the offered Akten’s list (migration 0031)',
  },
  {
    objekt: 'akten.vorgang_fuer_aussonderung',
    art: 'sicht',
    fuer: ['aussonderung'],
    warum: 'the Vorgänge of Akten: the xdomea messages, the appraisal per Vorgang, holds on Vorgänge and Dokumente (migration 0031)',
  },
  {
    objekt: 'akten.aktenplan_fuer_aussonderung',
    art: 'sicht',
    fuer: ['aussonderung'],
    warum: 'the Aktenplan’s tree: the due list and a hold’s search by unit and below (migration 0031)',
  },
  {
    objekt: 'akten.halte_akten_fuer_aussonderung(uuid[])',
    art: 'funktion',
    fuer: ['aussonderung'],
    warum: 'share-locks the Akten offered for disposal while they are offered, so that none is reopened or changed meanwhile (migration 0031)',
  },
  {
    objekt: 'dokumente.objektsperre_vormerken(uuid, uuid, text)',
    art: 'funktion',
    fuer: ['akten', 'aussonderung'],
    warum: 'the object-lock triggers on Akten and Löschsperren enqueue a job on Dokumente’s queue (SECURITY DEFINER: their roles get no right on it)',
  },
];

/** Table privileges; `USAGE` is a sequence's (taking ids). */
export type Recht = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'USAGE';

/**
 * An access of a service to another service's table that is not yet behind the database API.
 * `quelle: 'code'`: the service's source names the table (raw SQL or a drizzle table object), checked
 * exactly by the catalog test (packages/db/test/dienstrollen.test.ts): a new access fails it, and so
 * does an entry whose access is gone. `quelle: 'datenbank'`: a function or trigger running with the
 * caller's rights reads or writes it; `quelle: 'paket'`: a shared package does it for the service
 * (`wo` says which). Removing an entry removes its grant. The goal is an empty list.
 */
export interface VerbleibenderZugriff {
  dienst: Dienst;
  tabelle: string;
  rechte: readonly Recht[];
  quelle: 'code' | 'datenbank' | 'paket';
  wo?: string;
  /**
   * The service locks rows of the table (`FOR SHARE`), which PostgreSQL allows only with an UPDATE
   * privilege: granted on `mandant_id` alone, which row-level security keeps from changing.
   */
  sperren?: true;
}

/** Empty since migration 0038; a new cross-schema need is published by its owner instead (docs/datenbank-api.md). */
export const VERBLEIBENDE_ZUGRIFFE: readonly VerbleibenderZugriff[] = [];

const name = (objekt: string) => objekt.replace(/^(\w+)\.(\w+)/, '"$1"."$2"');

/**
 * The statements that make the cross-schema privileges exactly this list: first every privilege of a
 * service role on another service's objects is revoked, then the list is granted.
 */
export function rechteAnweisungen(): string[] {
  const anweisungen: string[] = [];
  for (const dienst of DIENSTE) {
    const rolle = dienstRolle(dienst);
    for (const fremd of SCHEMATA.filter((s) => !EIGENE_SCHEMATA[dienst].includes(s))) {
      anweisungen.push(
        `REVOKE ALL ON ALL TABLES IN SCHEMA "${fremd}" FROM ${rolle}`,
        `REVOKE ALL ON ALL SEQUENCES IN SCHEMA "${fremd}" FROM ${rolle}`,
        `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA "${fremd}" FROM ${rolle}`,
      );
    }
  }
  for (const v of DATENBANK_API) {
    const rollen = v.fuer.map(dienstRolle).join(', ');
    anweisungen.push(v.art === 'funktion' ? `GRANT EXECUTE ON FUNCTION ${name(v.objekt)} TO ${rollen}` : `GRANT SELECT ON ${name(v.objekt)} TO ${rollen}`);
  }
  for (const z of VERBLEIBENDE_ZUGRIFFE) {
    anweisungen.push(`GRANT ${z.rechte.join(', ')} ON ${z.rechte.includes('USAGE') ? 'SEQUENCE ' : ''}${name(z.tabelle)} TO ${dienstRolle(z.dienst)}`);
    if (z.sperren) anweisungen.push(`GRANT UPDATE ("mandant_id") ON ${name(z.tabelle)} TO ${dienstRolle(z.dienst)}`);
  }
  return anweisungen;
}
