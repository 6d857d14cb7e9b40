// The Geschäftsgang (xdomea Beteiligungsschritt): Verfügungen on Vorgänge with their Laufweg.
// Owned by the Akten service (the Vorgang's owner), in its schema. The Laufweg rules that span rows
// (Zeichnung last, current steps all at the current position) are a deferred trigger (migration 0036).
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, primaryKey, text, timestamptz, unique, uniqueIndex, uuid } from './pg.js';
import { mandantIdColumn, mandantPolicy } from './common.js';
import { akten, organisationseinheit, vorgang } from './akten.js';
import { dokument, dokumentVersion } from './dokumente.js';

export const SCHRITT_AKTIONEN = ['bearbeitung', 'mitzeichnung', 'zeichnung', 'kenntnisnahme', 'stellungnahme'] as const;
export type SchrittAktion = (typeof SCHRITT_AKTIONEN)[number];
export const SCHRITT_ZUSTAENDE = ['geplant', 'aktuell', 'erledigt', 'zurueckgegeben', 'uebersprungen'] as const;
export type SchrittZustand = (typeof SCHRITT_ZUSTAENDE)[number];
/** The Votum of a Mitzeichnung; other steps carry only a comment. */
export const MITZEICHNUNG_VOTEN = ['einverstanden', 'einverstanden_mit_aenderungen', 'nicht_einverstanden'] as const;
export type MitzeichnungVotum = (typeof MITZEICHNUNG_VOTEN)[number];
export type VerfuegungStatus = 'laufend' | 'zurueckgegeben' | 'abgeschlossen';
/** The Schlussverfügung: `zdA` closes the Vorgang, `wv` sets its Wiedervorlage, `zum_vorgang` files the result into the open Vorgang, `weglegen` ends the matter without further action. */
export const SCHLUSSVERFUEGUNGEN = ['zdA', 'wv', 'zum_vorgang', 'weglegen'] as const;
export type Schlussverfuegung = (typeof SCHLUSSVERFUEGUNGEN)[number];

/** An order on a Vorgang, written by its author (`verfasser`), carried along its Laufweg. */
export const verfuegung = akten
  .table(
    'verfuegung',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      vorgangId: uuid('vorgang_id').notNull(),
      betreff: text('betreff').notNull(),
      /** `sub` of the author. */
      verfasser: text('verfasser').notNull(),
      status: text('status').$type<VerfuegungStatus>().notNull().default('laufend'),
      /** The Laufweg position whose steps are current; NULL unless `laufend`. */
      aktuellePosition: integer('aktuelle_position'),
      schlussverfuegung: text('schlussverfuegung').$type<Schlussverfuegung>(),
      wiedervorlage: date('wiedervorlage'),
      /** Counts the pinnings of the documents: a Mitzeichnung given under an older one was given on an older version. */
      dokumenteStand: integer('dokumente_stand').notNull().default(1),
      version: integer('version').notNull().default(1),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      unique('verfuegung_mandant_id_uq').on(t.mandantId, t.id),
      unique('verfuegung_mandant_id_vorgang_uq').on(t.mandantId, t.id, t.vorgangId),
      foreignKey({ columns: [t.mandantId, t.vorgangId], foreignColumns: [vorgang.mandantId, vorgang.id], name: 'verfuegung_vorgang_fk' }),
      index('verfuegung_vorgang_idx').on(t.mandantId, t.vorgangId),
      // returned Verfügungen land in their author's Postkorb
      index('verfuegung_rueckgabe_idx')
        .on(t.mandantId, t.verfasser, t.geaendertAm, t.id)
        .where(sql`${t.status} = 'zurueckgegeben'`),
      // the Postkorb's Absender filter: the running Verfügungen of an author
      index('verfuegung_verfasser_laufend_idx')
        .on(t.mandantId, t.verfasser, t.id)
        .where(sql`${t.status} = 'laufend'`),
      check('verfuegung_status_ck', sql`${t.status} IN ('laufend', 'zurueckgegeben', 'abgeschlossen')`),
      check('verfuegung_position_ck', sql`(${t.status} = 'laufend') = (${t.aktuellePosition} IS NOT NULL)`),
      check('verfuegung_schluss_ck', sql`${t.schlussverfuegung} IS NULL OR (${t.status} = 'abgeschlossen' AND ${t.schlussverfuegung} IN ('zdA', 'wv', 'zum_vorgang', 'weglegen'))`),
      check('verfuegung_wv_ck', sql`(coalesce(${t.schlussverfuegung}, '') = 'wv') = (${t.wiedervorlage} IS NOT NULL)`),
      check('verfuegung_betreff_ck', sql`length(${t.betreff}) BETWEEN 1 AND 500`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** A document the Verfügung concerns, pinned to one version; it lies in the Verfügung's Vorgang. */
export const verfuegungDokument = akten
  .table(
    'verfuegung_dokument',
    {
      mandantId: mandantIdColumn(),
      verfuegungId: uuid('verfuegung_id').notNull(),
      vorgangId: uuid('vorgang_id').notNull(),
      dokumentId: uuid('dokument_id').notNull(),
      versionNr: integer('version_nr').notNull(),
      /** the Verfügung's Entwurf (the draft it is signed on): at most one per Verfügung (migration 0050) */
      entwurf: boolean('entwurf').notNull().default(false),
    },
    (t) => [
      primaryKey({ name: 'verfuegung_dokument_pk', columns: [t.mandantId, t.verfuegungId, t.dokumentId] }),
      foreignKey({
        columns: [t.mandantId, t.verfuegungId, t.vorgangId],
        foreignColumns: [verfuegung.mandantId, verfuegung.id, verfuegung.vorgangId],
        name: 'verfuegung_dokument_verfuegung_fk',
      }),
      foreignKey({ columns: [t.mandantId, t.vorgangId, t.dokumentId], foreignColumns: [dokument.mandantId, dokument.vorgangId, dokument.id], name: 'verfuegung_dokument_dokument_fk' }),
      foreignKey({
        columns: [t.mandantId, t.dokumentId, t.versionNr],
        foreignColumns: [dokumentVersion.mandantId, dokumentVersion.dokumentId, dokumentVersion.nr],
        name: 'verfuegung_dokument_version_fk',
      }),
      // the read grant of a step's Bearbeiter looks a pinned Dokument up by its id (migration 0050)
      index('verfuegung_dokument_dokument_idx').on(t.mandantId, t.dokumentId),
      uniqueIndex('verfuegung_dokument_entwurf_uq')
        .on(t.mandantId, t.verfuegungId)
        .where(sql`${t.entwurf}`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * A step of a Laufweg. Steps run in the order of `position`; steps sharing a position form a
 * parallel group (`zweig` numbers them). The Bearbeiter is a user or an org unit.
 */
export const verfuegungSchritt = akten
  .table(
    'verfuegung_schritt',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      verfuegungId: uuid('verfuegung_id').notNull(),
      position: integer('position').notNull(),
      zweig: integer('zweig').notNull().default(1),
      bearbeiterSub: text('bearbeiter_sub'),
      bearbeiterOeId: uuid('bearbeiter_oe_id'),
      /** A member who took over an org unit's step (`übernehmen`): it left the group's Postkorb for theirs. */
      uebernommenVon: text('uebernommen_von'),
      aktion: text('aktion').$type<SchrittAktion>().notNull(),
      frist: date('frist'),
      hinweis: text('hinweis'),
      zustand: text('zustand').$type<SchrittZustand>().notNull().default('geplant'),
      /** Since when the step is current (its arrival in the Postkorb). */
      aktuellSeit: timestamptz('aktuell_seit'),
      votum: text('votum').$type<MitzeichnungVotum>(),
      kommentar: text('kommentar'),
      erledigtVon: text('erledigt_von'),
      erledigtAm: timestamptz('erledigt_am'),
      /** When a deputy acted: the `sub` of the one they acted for ("i. V."). */
      imAuftragVon: text('im_auftrag_von'),
      /** A Mitzeichnung done: the Verfügung's `dokumente_stand` it was given under. */
      dokumenteStand: integer('dokumente_stand'),
      /** A Zeichnung done over Mitzeichnungen on an older version: the signer's reason. */
      vorversionGrund: text('vorversion_grund'),
      /** When the overdue Frist was mailed (once per step, by the periodic Frist job). */
      fristGemeldetAm: timestamptz('frist_gemeldet_am'),
    },
    (t) => [
      unique('verfuegung_schritt_mandant_id_uq').on(t.mandantId, t.id),
      unique('verfuegung_schritt_platz_uq').on(t.mandantId, t.verfuegungId, t.position, t.zweig),
      // at most one Zeichnung per Verfügung (that it is last: the Laufweg trigger); a skipped one stays as history
      uniqueIndex('verfuegung_schritt_zeichnung_uq')
        .on(t.mandantId, t.verfuegungId)
        .where(sql`${t.aktion} = 'zeichnung' AND ${t.zustand} <> 'uebersprungen'`),
      foreignKey({ columns: [t.mandantId, t.verfuegungId], foreignColumns: [verfuegung.mandantId, verfuegung.id], name: 'verfuegung_schritt_verfuegung_fk' }),
      foreignKey({
        columns: [t.mandantId, t.bearbeiterOeId],
        foreignColumns: [organisationseinheit.mandantId, organisationseinheit.id],
        name: 'verfuegung_schritt_oe_fk',
      }),
      // the Postkorb: current steps of a user, of an org unit
      index('verfuegung_schritt_postkorb_sub_idx')
        .on(t.mandantId, t.bearbeiterSub, t.aktuellSeit, t.id)
        .where(sql`${t.zustand} = 'aktuell'`),
      index('verfuegung_schritt_postkorb_oe_idx')
        .on(t.mandantId, t.bearbeiterOeId, t.aktuellSeit, t.id)
        .where(sql`${t.zustand} = 'aktuell' AND ${t.uebernommenVon} IS NULL`),
      index('verfuegung_schritt_postkorb_uebernommen_idx')
        .on(t.mandantId, t.uebernommenVon, t.aktuellSeit, t.id)
        .where(sql`${t.zustand} = 'aktuell'`),
      // the Postkorb by Frist (none: last), overdue first; its Frist filter (fällig bis) is a range on it
      index('verfuegung_schritt_postkorb_frist_sub_idx')
        .on(t.mandantId, t.bearbeiterSub, sql`coalesce(${t.frist}, '9999-12-31'::date)`, t.aktuellSeit, t.id)
        .where(sql`${t.zustand} = 'aktuell'`),
      index('verfuegung_schritt_postkorb_frist_oe_idx')
        .on(t.mandantId, t.bearbeiterOeId, sql`coalesce(${t.frist}, '9999-12-31'::date)`, t.aktuellSeit, t.id)
        .where(sql`${t.zustand} = 'aktuell' AND ${t.uebernommenVon} IS NULL`),
      index('verfuegung_schritt_postkorb_frist_uebernommen_idx')
        .on(t.mandantId, t.uebernommenVon, sql`coalesce(${t.frist}, '9999-12-31'::date)`, t.aktuellSeit, t.id)
        .where(sql`${t.zustand} = 'aktuell'`),
      // the periodic Frist job: current steps with a Frist not yet mailed, per tenant by Frist
      index('verfuegung_schritt_frist_meldung_idx')
        .on(t.mandantId, t.frist)
        .where(sql`${t.zustand} = 'aktuell' AND ${t.frist} IS NOT NULL AND ${t.fristGemeldetAm} IS NULL`),
      check('verfuegung_schritt_bearbeiter_ck', sql`(${t.bearbeiterSub} IS NULL) <> (${t.bearbeiterOeId} IS NULL)`),
      check('verfuegung_schritt_aktion_ck', sql`${t.aktion} IN ('bearbeitung', 'mitzeichnung', 'zeichnung', 'kenntnisnahme', 'stellungnahme')`),
      check('verfuegung_schritt_zustand_ck', sql`${t.zustand} IN ('geplant', 'aktuell', 'erledigt', 'zurueckgegeben', 'uebersprungen')`),
      check('verfuegung_schritt_platz_ck', sql`${t.position} >= 1 AND ${t.zweig} >= 1`),
      check('verfuegung_schritt_aktuell_ck', sql`(${t.zustand} = 'aktuell') <= (${t.aktuellSeit} IS NOT NULL)`),
      // done (or returned) means: who, when; a Mitzeichnung also with its Votum, the others without one
      check('verfuegung_schritt_erledigt_ck', sql`(${t.zustand} IN ('erledigt', 'zurueckgegeben')) = (${t.erledigtAm} IS NOT NULL AND ${t.erledigtVon} IS NOT NULL)`),
      check(
        'verfuegung_schritt_votum_ck',
        sql`CASE WHEN ${t.aktion} = 'mitzeichnung' AND ${t.zustand} IN ('erledigt', 'zurueckgegeben')
                 THEN coalesce(${t.votum} IN ('einverstanden', 'einverstanden_mit_aenderungen', 'nicht_einverstanden'), false)
                 ELSE ${t.votum} IS NULL END`,
      ),
      check('verfuegung_schritt_rueckgabe_ck', sql`(${t.zustand} = 'zurueckgegeben') = (coalesce(${t.votum}, '') = 'nicht_einverstanden')`),
      check('verfuegung_schritt_uebernommen_ck', sql`${t.uebernommenVon} IS NULL OR ${t.bearbeiterOeId} IS NOT NULL`),
      check('verfuegung_schritt_auftrag_ck', sql`${t.imAuftragVon} IS NULL OR ${t.erledigtVon} IS NOT NULL`),
      check('verfuegung_schritt_stand_ck', sql`(${t.aktion} = 'mitzeichnung' AND ${t.zustand} = 'erledigt') = (${t.dokumenteStand} IS NOT NULL)`),
      check(
        'verfuegung_schritt_vorversion_ck',
        sql`${t.vorversionGrund} IS NULL OR (${t.aktion} = 'zeichnung' AND ${t.zustand} = 'erledigt' AND length(btrim(${t.vorversionGrund})) BETWEEN 1 AND 1000)`,
      ),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * A user's deputy (Vertretung). While it is in force — today within `abwesendVon`..`abwesendBis`,
 * an open end unbounded, neither given: always — the user's steps show in the deputy's Postkorb
 * and the deputy may complete them "i. V.".
 */
export const vertretung = akten
  .table(
    'vertretung',
    {
      mandantId: mandantIdColumn(),
      /** `sub` of the one who is represented. */
      sub: text('sub').notNull(),
      vertreterSub: text('vertreter_sub').notNull(),
      abwesendVon: date('abwesend_von'),
      abwesendBis: date('abwesend_bis'),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'vertretung_pk', columns: [t.mandantId, t.sub, t.vertreterSub] }),
      index('vertretung_vertreter_idx').on(t.mandantId, t.vertreterSub),
      check('vertretung_selbst_ck', sql`${t.sub} <> ${t.vertreterSub}`),
      check('vertretung_zeitraum_ck', sql`${t.abwesendVon} IS NULL OR ${t.abwesendBis} IS NULL OR ${t.abwesendVon} <= ${t.abwesendBis}`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** A step of a Laufweg template: as a new step, without a Frist (a template has no dates). */
export interface VorlageSchritt {
  bearbeiter: { sub?: string; organisationseinheitId?: string };
  aktion: SchrittAktion;
  hinweis?: string;
  parallelGruppe?: number;
}

/** An org unit's Laufweg templates (migration 0050): named, in order, replaced as a whole by the Fachadministration. */
export const laufwegVorlage = akten
  .table(
    'laufweg_vorlage',
    {
      mandantId: mandantIdColumn(),
      organisationseinheitId: uuid('organisationseinheit_id').notNull(),
      name: text('name').notNull(),
      reihenfolge: integer('reihenfolge').notNull(),
      laufweg: jsonb('laufweg').$type<VorlageSchritt[]>().notNull(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'laufweg_vorlage_pk', columns: [t.mandantId, t.organisationseinheitId, t.name] }),
      foreignKey({ columns: [t.mandantId, t.organisationseinheitId], foreignColumns: [organisationseinheit.mandantId, organisationseinheit.id], name: 'laufweg_vorlage_oe_fk' }),
      check('laufweg_vorlage_name_ck', sql`length(btrim(${t.name})) BETWEEN 1 AND 200`),
      check('laufweg_vorlage_laufweg_ck', sql`jsonb_typeof(${t.laufweg}) = 'array' AND jsonb_array_length(${t.laufweg}) BETWEEN 1 AND 50`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** Creating requests already answered, by their `Idempotency-Key` (as in Dokumente): a retry gets the first result. */
export const aktenIdempotenz = akten
  .table(
    'idempotenz',
    {
      mandantId: mandantIdColumn(),
      operation: text('operation').notNull(),
      schluessel: text('schluessel').notNull(),
      /** SHA-256 of the request (caller, target, body): the same key with another request is refused. */
      anfrageSha256: text('anfrage_sha256').notNull(),
      objektId: uuid('objekt_id').notNull(),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'akten_idempotenz_pk', columns: [t.mandantId, t.operation, t.schluessel] }),
      check('akten_idempotenz_schluessel_ck', sql`length(${t.schluessel}) BETWEEN 1 AND 200`),
      check('akten_idempotenz_sha256_ck', sql`${t.anfrageSha256} ~ '^[0-9a-f]{64}$'`),
      index('akten_idempotenz_erstellt_idx').on(t.erstelltAm),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * A user's e-mail notification setting (Geschäftsgang): their address and whether they want mail.
 * No row (or no address) means no mail.
 */
export const benachrichtigungEinstellung = akten
  .table(
    'benachrichtigung_einstellung',
    {
      mandantId: mandantIdColumn(),
      sub: text('sub').notNull(),
      email: text('email'),
      aktiv: boolean('aktiv').notNull().default(true),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'benachrichtigung_einstellung_pk', columns: [t.mandantId, t.sub] }),
      check('benachrichtigung_einstellung_email_ck', sql`${t.email} IS NULL OR (length(${t.email}) BETWEEN 3 AND 254 AND ${t.email} LIKE '%_@_%')`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();
