// Data access for Dokumente. Every function runs inside the caller's tenant transaction (RLS).
import { schema, sql, type Tx } from '@eakte/db';
import { einstellungenAus } from '@eakte/schriftgutverwaltung/einstellungen';
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Vertraulichkeitsstufe } from '@eakte/db/schema';
import { akteSichtbar, sichtFuer, type Sicht } from '@eakte/schriftgutverwaltung/sichtbarkeit';
import { akteKopf, benutzerSicht, halteVorgangOffen, schrittLesefreigabe, vorgangKontext } from './akten-api.js';
import { reiheTextextraktionEin } from '../arbeiter/textextraktion.js';
import { beauftrageTexterkennung } from '../arbeiter/texterkennung.js';
import { beauftrageVorschau } from '../arbeiter/vorschau.js';
import { vorschauweg } from '../domain/vorschau.js';

const d = schema.dokument;
const dv = schema.dokumentVersion;
const v = vorgangKontext;
const a = akteKopf;

export type DokumentRow = typeof d.$inferSelect;
export type FormatRow = typeof schema.dokumentFormat.$inferSelect;
export type OcrRow = typeof schema.texterkennung.$inferSelect;
export type VorschauRow = typeof schema.vorschau.$inferSelect;
/** A version with its OCR state (scans only), preview state and renditions, as the API shows them. */
export type VersionRow = typeof dv.$inferSelect & { ocr?: OcrRow; vorschau?: VorschauRow; formate?: FormatRow[] };
export type DokumentMitVersion = DokumentRow & { akteId: string; aktuell: VersionRow };

/** Adds OCR state and renditions to the versions (two set-based reads for the whole list). */
async function ergaenze<V extends VersionRow>(tx: Tx, versionen: V[]): Promise<V[]> {
  const ids = [...new Set(versionen.map((x) => x.dokumentId))];
  if (ids.length === 0) return versionen;
  const ocr = await tx.select().from(schema.texterkennung).where(inArray(schema.texterkennung.dokumentId, ids));
  const formate = await tx.select().from(schema.dokumentFormat).where(inArray(schema.dokumentFormat.dokumentId, ids));
  const vorschau = await tx.select().from(schema.vorschau).where(inArray(schema.vorschau.dokumentId, ids));
  for (const x of versionen) {
    const o = ocr.find((r) => r.dokumentId === x.dokumentId && r.versionNr === x.nr);
    const vs = vorschau.find((r) => r.dokumentId === x.dokumentId && r.versionNr === x.nr);
    if (vs) x.vorschau = vs;
    const f = formate.filter((r) => r.dokumentId === x.dokumentId && r.versionNr === x.nr);
    if (o) x.ocr = o;
    if (f.length > 0) x.formate = f;
  }
  return versionen;
}

export interface VorgangKontext {
  vorgangId: string;
  akteId: string;
  kennzeichen: string;
  aktenzeichen: string;
  vorgangStatus: 'offen' | 'geschlossen';
  akteStatus: 'offen' | 'geschlossen';
}

export type GefundenesDokument = DokumentMitVersion & { kontext: VorgangKontext; vertraulichkeitsstufe: Vertraulichkeitsstufe };

/** A Dokument with its current version and its Vorgang's context, where `bedingung` (on the Vorgang's view) holds. */
async function ladeDokument(tx: Tx, id: string, bedingung: SQL): Promise<GefundenesDokument | null> {
  const rows = await tx
    .select({
      dok: d,
      aktuell: dv,
      akteId: v.akteId,
      kennzeichen: v.kennzeichen,
      vorgangStatus: v.vorgangStatus,
      akteStatus: v.akteStatus,
      aktenzeichen: v.aktenzeichen,
      vertraulichkeitsstufe: v.vertraulichkeitsstufe,
    })
    .from(d)
    .innerJoin(dv, and(eq(dv.mandantId, d.mandantId), eq(dv.dokumentId, d.id), eq(dv.nr, d.aktuelleVersion)))
    .innerJoin(v, and(eq(v.mandantId, d.mandantId), eq(v.vorgangId, d.vorgangId)))
    .where(and(eq(d.id, id), bedingung))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  await ergaenze(tx, [r.aktuell]);
  return {
    ...r.dok,
    akteId: r.akteId,
    aktuell: r.aktuell,
    vertraulichkeitsstufe: r.vertraulichkeitsstufe,
    kontext: {
      vorgangId: r.dok.vorgangId,
      akteId: r.akteId,
      kennzeichen: r.kennzeichen,
      aktenzeichen: r.aktenzeichen,
      vorgangStatus: r.vorgangStatus,
      akteStatus: r.akteStatus,
    },
  };
}

export const dokumenteRepository = {
  /**
   * Whether the Aussonderung removed the content of the Vorgang, and why: transferred to the
   * archive (with its Archivkennung) or destroyed (with the process and its protocol's Dokument).
   * Read from the part state the Aussonderung publishes (`aussonderung.teilstand`), where the
   * deepest appraised object wins; a part not yet removed keeps its content.
   */
  async ausgesondert(
    tx: Tx,
    akteId: string,
    vorgangId: string,
  ): Promise<{ status: 'archiviert' | 'vernichtet'; archivkennung: string | null; aussonderungId: string; vernichtungsprotokollDokumentId: string | null } | null> {
    const r = await tx.execute<{ status: 'archiviert' | 'vernichtet'; archivkennung: string | null; aussonderung_id: string; protokoll: string | null }>(sql`
      SELECT status, archivkennung, aussonderung_id, vernichtungsprotokoll_dokument_id AS protokoll
        FROM aussonderung.teilstand
       WHERE akte_id = ${akteId} AND id = ${vorgangId} AND inhalt_entfernt
       LIMIT 1`);
    const x = r.rows[0];
    return x ? { status: x.status, archivkennung: x.archivkennung, aussonderungId: x.aussonderung_id, vernichtungsprotokollDokumentId: x.protokoll } : null;
  },

  /** The caller's view, from the tenant's users (clearance, org units) and visibility setting. */
  async sicht(tx: Tx, akteur: { mandantId: string; sub: string; rollen: readonly string[] }): Promise<Sicht> {
    return (await dokumenteRepository.sichtUndEinstellungen(tx, akteur)).sicht;
  },

  /** The caller's view and the tenant's settings in one round trip (both are needed before an upload). */
  async sichtUndEinstellungen(tx: Tx, akteur: { mandantId: string; sub: string; rollen: readonly string[] }) {
    const res = await tx.execute<{ e: unknown; freigabe: string | null; oes: string[] }>(
      sql`select (select m.einstellungen from plattform.mandant m where m.id = ${akteur.mandantId}) as e,
                 b.freigabe, coalesce(b.organisationseinheiten, '{}') as oes
            from (select 1) eins left join ${benutzerSicht} b on b.sub = ${akteur.sub}
           limit 1`,
    );
    const r = res.rows[0]!;
    const einstellungen = einstellungenAus(r.e);
    const freigabe = (r.freigabe ?? 'offen') as Parameters<typeof sichtFuer>[0]['freigabe'];
    return { sicht: sichtFuer({ freigabe, organisationseinheiten: r.oes }, akteur.rollen, einstellungen.sichtbarkeit), einstellungen };
  },

  /**
   * The Vorgang with its Akte's status. `sperren` takes a share lock on both rows: a concurrent
   * z.d.A. waits until this transaction has committed or rolled back.
   */
  async vorgang(tx: Tx, sicht: Sicht, vorgangId: string, sperren = false): Promise<VorgangKontext | null> {
    if (sperren) await halteVorgangOffen(tx, vorgangId);
    const rows = await tx
      .select({
        vorgangId: v.vorgangId,
        akteId: v.akteId,
        kennzeichen: v.kennzeichen,
        aktenzeichen: v.aktenzeichen,
        vorgangStatus: v.vorgangStatus,
        akteStatus: v.akteStatus,
      })
      .from(v)
      .where(and(eq(v.vorgangId, vorgangId), akteSichtbar(sicht, v)))
      .limit(1);
    return rows[0] ?? null;
  },

  async idempotenz(tx: Tx, operation: string, schluessel: string) {
    const rows = await tx
      .select()
      .from(schema.idempotenz)
      .where(and(eq(schema.idempotenz.operation, operation), eq(schema.idempotenz.schluessel, schluessel)))
      .limit(1);
    return rows[0] ?? null;
  },

  async merkeIdempotenz(tx: Tx, row: typeof schema.idempotenz.$inferInsert) {
    await tx.insert(schema.idempotenz).values(row);
  },

  async dokument(tx: Tx, sicht: Sicht, id: string, sperren = false): Promise<GefundenesDokument | null> {
    if (sperren) {
      // the Dokument row changes (versions, metadata); Vorgang and Akte only must not close meanwhile
      await tx.execute(sql`select 1 from dokumente.dokument where id = ${id} for update`);
      await halteVorgangOffen(tx, sql`(select vorgang_id from dokumente.dokument where id = ${id})`);
    }
    return ladeDokument(tx, id, akteSichtbar(sicht, v));
  },

  /**
   * A Dokument the caller does not see, read through a current step of a Verfügung pinned to it (R17):
   * the versions the step lets them read, each with the step. Only the Federführung's restriction is
   * lifted: the clearance holds, and a closed Vorgang or Akte grants nothing (it takes no more steps).
   * For reading only: no change of a Dokument asks this.
   */
  async dokumentUeberSchritt(tx: Tx, sicht: Sicht, sub: string, id: string): Promise<{ dok: GefundenesDokument; versionen: Map<number, string> } | null> {
    if (sicht.stufen.length === 0) return null;
    const frei = await schrittLesefreigabe(tx, sub, id);
    if (frei.length === 0) return null;
    const dok = await ladeDokument(tx, id, and(inArray(v.vertraulichkeitsstufe, sicht.stufen), eq(v.vorgangStatus, 'offen'), eq(v.akteStatus, 'offen'))!);
    return dok ? { dok, versionen: new Map(frei.map((f) => [f.versionNr, f.schrittId])) } : null;
  },

  async dokumenteImVorgang(tx: Tx, vorgangId: string, nach: string | null, limit: number): Promise<DokumentMitVersion[]> {
    const rows = await tx
      .select({ dok: d, aktuell: dv, akteId: v.akteId })
      .from(d)
      .innerJoin(dv, and(eq(dv.mandantId, d.mandantId), eq(dv.dokumentId, d.id), eq(dv.nr, d.aktuelleVersion)))
      .innerJoin(v, and(eq(v.mandantId, d.mandantId), eq(v.vorgangId, d.vorgangId)))
      .where(and(eq(d.vorgangId, vorgangId), nach ? gt(d.id, nach) : undefined))
      .orderBy(asc(d.id))
      .limit(limit);
    await ergaenze(
      tx,
      rows.map((r) => r.aktuell as VersionRow),
    );
    return rows.map((r) => ({ ...r.dok, akteId: r.akteId, aktuell: r.aktuell }));
  },

  /** The direct Anlagen of a Dokument with their newest versions, in filing order. */
  async anlagen(tx: Tx, elternId: string): Promise<DokumentMitVersion[]> {
    const rows = await tx
      .select({ dok: d, aktuell: dv, akteId: v.akteId })
      .from(d)
      .innerJoin(dv, and(eq(dv.mandantId, d.mandantId), eq(dv.dokumentId, d.id), eq(dv.nr, d.aktuelleVersion)))
      .innerJoin(v, and(eq(v.mandantId, d.mandantId), eq(v.vorgangId, d.vorgangId)))
      .where(eq(d.elternDokumentId, elternId))
      .orderBy(asc(d.id));
    await ergaenze(
      tx,
      rows.map((r) => r.aktuell as VersionRow),
    );
    return rows.map((r) => ({ ...r.dok, akteId: r.akteId, aktuell: r.aktuell }));
  },

  async versionen(tx: Tx, dokumentId: string): Promise<VersionRow[]> {
    return ergaenze(tx, await tx.select().from(dv).where(eq(dv.dokumentId, dokumentId)).orderBy(asc(dv.nr)));
  },

  async version(tx: Tx, dokumentId: string, nr: number): Promise<VersionRow | null> {
    const rows = await tx
      .select()
      .from(dv)
      .where(and(eq(dv.dokumentId, dokumentId), eq(dv.nr, nr)))
      .limit(1);
    return rows[0] ?? null;
  },

  async neuesDokument(tx: Tx, dok: typeof d.$inferInsert, version: typeof dv.$inferInsert) {
    await tx.insert(d).values(dok);
    await tx.insert(dv).values(version);
  },

  async neueVersion(tx: Tx, dokumentId: string, version: typeof dv.$inferInsert) {
    await tx.insert(dv).values(version);
    await tx
      .update(d)
      .set({ aktuelleVersion: version.nr, version: sql`${d.version} + 1`, geaendertAm: sql`now()` })
      .where(eq(d.id, dokumentId));
  },

  async aendere(tx: Tx, dokumentId: string, werte: Partial<Pick<DokumentRow, 'betreff' | 'datumDesSchreibens' | 'eingangsdatum' | 'ausgangsdatum' | 'absender' | 'bemerkung'>>) {
    await tx
      .update(d)
      .set({ ...werte, version: sql`${d.version} + 1`, geaendertAm: sql`now()` })
      .where(eq(d.id, dokumentId));
  },

  async behoerde(tx: Tx, mandantId: string): Promise<string> {
    const rows = await tx.select({ name: schema.mandant.name }).from(schema.mandant).where(eq(schema.mandant.id, mandantId)).limit(1);
    return rows[0]?.name ?? '';
  },

  async akte(tx: Tx, sicht: Sicht, akteId: string) {
    const rows = await tx
      .select()
      .from(a)
      .where(and(eq(a.id, akteId), akteSichtbar(sicht, a)))
      .limit(1);
    return rows[0] ?? null;
  },

  /** Every Dokument of an Akte with its newest version, in Vorgang order, then filing order. */
  async dokumenteDerAkte(tx: Tx, akteId: string) {
    return tx
      .select({ dok: d, aktuell: dv, kennzeichen: v.kennzeichen })
      .from(d)
      .innerJoin(dv, and(eq(dv.mandantId, d.mandantId), eq(dv.dokumentId, d.id), eq(dv.nr, d.aktuelleVersion)))
      .innerJoin(v, and(eq(v.mandantId, d.mandantId), eq(v.vorgangId, d.vorgangId)))
      .where(eq(v.akteId, akteId))
      .orderBy(asc(v.laufendeNummer), asc(d.id));
  },

  async beauftrageTextextraktion(tx: Tx, mandantId: string, dokumentId: string, versionNr: number) {
    await reiheTextextraktionEin(tx, { mandantId, dokumentId, versionNr });
  },

  /** A scanned image: OCR state `ausstehend` and its job. */
  async beauftrageTexterkennung(tx: Tx, mandantId: string, dokumentId: string, versionNr: number) {
    await beauftrageTexterkennung(tx, { mandantId, dokumentId, versionNr });
  },

  /** A PDF, PNG/JPEG or Office document: preview state `ausstehend` and its job (a TIFF waits for its OCR). */
  async beauftrageVorschau(tx: Tx, mandantId: string, dokumentId: string, versionNr: number, mimeType: string) {
    if (vorschauweg(mimeType)) await beauftrageVorschau(tx, { mandantId, dokumentId, versionNr });
  },

  async format(tx: Tx, dokumentId: string, versionNr: number, art: string) {
    const f = schema.dokumentFormat;
    const rows = await tx
      .select()
      .from(f)
      .where(and(eq(f.dokumentId, dokumentId), eq(f.versionNr, versionNr), eq(f.art, art as 'pdfa_ocr')))
      .limit(1);
    return rows[0] ?? null;
  },

  /** Which of `keys` no version references (set-based, one statement). */
  async unbenutzteSchluessel(tx: Tx, keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const res = await tx.execute<{ key: string }>(
      sql`select k.key from unnest(${sql.param(keys)}::text[]) as k(key)
          where not exists (select 1 from dokumente.dokument_version dv where dv.speicherschluessel = k.key)
            and not exists (select 1 from dokumente.dokument_format f where f.speicherschluessel = k.key)
            -- a Posteingang item's content has no version until it is assigned
            and not exists (select 1 from dokumente.posteingang_eintrag pe where pe.speicherschluessel = k.key)
            -- a scan batch's object until its retention ended (a crash after that commit leaves it to the sweeper)
            and not exists (select 1 from dokumente.scanstapel s where s.speicherschluessel = k.key and s.inhalt_entfernt_am is null)`,
    );
    return res.rows.map((r) => r.key);
  },
};

export type DokumenteRepository = typeof dokumenteRepository;
