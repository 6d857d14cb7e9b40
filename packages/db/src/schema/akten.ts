import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, foreignKey, index, integer, pgSchema, primaryKey, text, timestamptz, unique, uniqueIndex, uuid } from './pg.js';
import { mandantIdColumn, mandantPolicy } from './common.js';
import { mandant } from './plattform.js';

export const akten = pgSchema('akten');

/** Postgres full-text vector (always a generated column here). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Folded text for search: lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents removed.
 * `akten.suchtext` is an immutable wrapper around `unaccent` (migration 0002).
 */
const gefaltet = (spalte: string) => sql.raw(`akten.suchtext(${spalte})`);

/** xdomea Vertraulichkeitsstufe codes: 003 Offen, 002 VS-NfD, 005 Vertraulich, 001 Geheim, 004 Streng geheim. */
export const VERTRAULICHKEITSSTUFEN = ['003', '002', '005', '001', '004'] as const;
export type Vertraulichkeitsstufe = (typeof VERTRAULICHKEITSSTUFEN)[number];
/** xdomea Medium codes: 001 elektronisch, 002 hybrid, 003 Papier. */
export const MEDIEN = ['001', '002', '003'] as const;
export type Medium = (typeof MEDIEN)[number];
/** Clearance of a user, in ascending order. */
export const FREIGABEN = ['offen', 'vs-nfd', 'vertraulich', 'geheim', 'streng-geheim'] as const;
export type Freigabe = (typeof FREIGABEN)[number];

/** A node of a tenant's Aktenplan (file plan), with default retention for Akten filed under it. */
export const aktenplaneinheit = akten
  .table(
    'aktenplaneinheit',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn().references(() => mandant.id),
      parentId: uuid('parent_id'),
      kennzeichen: text('kennzeichen').notNull(),
      titel: text('titel').notNull(),
      beschreibung: text('beschreibung'),
      gueltigAb: date('gueltig_ab'),
      gueltigBis: date('gueltig_bis'),
      /** Whole years; NULL together with `unbefristet` = true means indefinite. */
      aufbewahrungsfrist: integer('aufbewahrungsfrist'),
      unbefristet: boolean('unbefristet').notNull().default(false),
      aussonderungsart: text('aussonderungsart').$type<'A' | 'B' | 'V'>(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
      /** Optimistic concurrency (ETag). */
      version: integer('version').notNull().default(1),
    },
    (t) => [
      unique('aktenplaneinheit_kennzeichen_uq').on(t.mandantId, t.kennzeichen),
      // the parent must belong to the same tenant
      unique('aktenplaneinheit_mandant_id_uq').on(t.mandantId, t.id),
      foreignKey({ columns: [t.mandantId, t.parentId], foreignColumns: [t.mandantId, t.id], name: 'aktenplaneinheit_parent_fk' }),
      index('aktenplaneinheit_parent_idx').on(t.mandantId, t.parentId),
      check('aktenplaneinheit_aussonderungsart_ck', sql`${t.aussonderungsart} IN ('A', 'B', 'V')`),
      check('aktenplaneinheit_frist_ck', sql`${t.aufbewahrungsfrist} IS NULL OR ${t.aufbewahrungsfrist} BETWEEN 0 AND 200`),
      check('aktenplaneinheit_unbefristet_ck', sql`NOT (${t.unbefristet} AND ${t.aufbewahrungsfrist} IS NOT NULL)`),
      check('aktenplaneinheit_kennzeichen_ck', sql`${t.kennzeichen} ~ '^[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*$'`),
      check('aktenplaneinheit_gueltig_ck', sql`${t.gueltigBis} IS NULL OR ${t.gueltigAb} IS NULL OR ${t.gueltigBis} >= ${t.gueltigAb}`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** An org unit of the agency; owns Akten (Federführung). */
export const organisationseinheit = akten
  .table(
    'organisationseinheit',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn().references(() => mandant.id),
      kuerzel: text('kuerzel').notNull(),
      name: text('name').notNull(),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
    },
    (t) => [
      unique('organisationseinheit_mandant_id_uq').on(t.mandantId, t.id),
      unique('organisationseinheit_kuerzel_uq').on(t.mandantId, t.kuerzel),
      check('organisationseinheit_kuerzel_ck', sql`length(${t.kuerzel}) BETWEEN 1 AND 40`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * A user as the tenant knows them: clearance and org-unit memberships. A user without a row
 * has clearance `offen` and belongs to no org unit.
 */
export const benutzer = akten
  .table(
    'benutzer',
    {
      mandantId: mandantIdColumn().references(() => mandant.id),
      /** `sub` of the user's token. */
      sub: text('sub').notNull(),
      name: text('name'),
      freigabe: text('freigabe').$type<Freigabe>().notNull().default('offen'),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
      /** The name shown and sorted by: the name, else the `sub` (migration 0052). */
      anzeigename: text('anzeigename')
        .notNull()
        .generatedAlwaysAs(sql`coalesce(nullif(btrim("name"), ''), "sub")`),
      /** Name and `sub` folded for search; trigram-indexed in migration 0052. */
      suchtext: text('suchtext').generatedAlwaysAs(sql`${gefaltet(`coalesce("name", '') || ' ' || "sub"`)}`),
    },
    (t) => [
      primaryKey({ name: 'benutzer_pk', columns: [t.mandantId, t.sub] }),
      index('benutzer_anzeigename_idx').on(t.mandantId, t.anzeigename, t.sub),
      check('benutzer_freigabe_ck', sql`${t.freigabe} IN ('offen', 'vs-nfd', 'vertraulich', 'geheim', 'streng-geheim')`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

export const benutzerOrganisationseinheit = akten
  .table(
    'benutzer_organisationseinheit',
    {
      mandantId: mandantIdColumn(),
      sub: text('sub').notNull(),
      organisationseinheitId: uuid('organisationseinheit_id').notNull(),
    },
    (t) => [
      primaryKey({ name: 'benutzer_organisationseinheit_pk', columns: [t.mandantId, t.sub, t.organisationseinheitId] }),
      foreignKey({ columns: [t.mandantId, t.sub], foreignColumns: [benutzer.mandantId, benutzer.sub], name: 'benutzer_oe_benutzer_fk' }).onDelete('cascade'),
      foreignKey({
        columns: [t.mandantId, t.organisationseinheitId],
        foreignColumns: [organisationseinheit.mandantId, organisationseinheit.id],
        name: 'benutzer_oe_organisationseinheit_fk',
      }),
      index('benutzer_oe_organisationseinheit_idx').on(t.mandantId, t.organisationseinheitId),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** Running numbers per (tenant, Aktenplaneinheit, year): gap-free, never reused. */
export const aktenzeichenZaehler = akten
  .table(
    'aktenzeichen_zaehler',
    {
      mandantId: mandantIdColumn(),
      aktenplaneinheitId: uuid('aktenplaneinheit_id').notNull(),
      jahr: integer('jahr').notNull(),
      letzteNummer: integer('letzte_nummer').notNull(),
    },
    (t) => [
      primaryKey({ name: 'aktenzeichen_zaehler_pk', columns: [t.mandantId, t.aktenplaneinheitId, t.jahr] }),
      foreignKey({
        columns: [t.mandantId, t.aktenplaneinheitId],
        foreignColumns: [aktenplaneinheit.mandantId, aktenplaneinheit.id],
        name: 'aktenzeichen_zaehler_einheit_fk',
      }),
      check('aktenzeichen_zaehler_nummer_ck', sql`${t.letzteNummer} > 0`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** A file (Akte) under an Aktenplaneinheit, identified by its Aktenzeichen. */
export const akte = akten
  .table(
    'akte',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn().references(() => mandant.id),
      aktenplaneinheitId: uuid('aktenplaneinheit_id').notNull(),
      aktenzeichen: text('aktenzeichen').notNull(),
      /** Running number and year the Aktenzeichen was built from. */
      laufendeNummer: integer('laufende_nummer').notNull(),
      jahr: integer('jahr').notNull(),
      betreff: text('betreff').notNull(),
      federfuehrungId: uuid('federfuehrung_id'),
      vertraulichkeitsstufe: text('vertraulichkeitsstufe').$type<Vertraulichkeitsstufe>().notNull().default('003'),
      medium: text('medium').$type<Medium>().notNull().default('001'),
      bemerkung: text('bemerkung'),
      status: text('status').$type<'offen' | 'geschlossen'>().notNull().default('offen'),
      zdaDatum: date('zda_datum'),
      laufzeitBeginn: date('laufzeit_beginn').notNull(),
      laufzeitEnde: date('laufzeit_ende'),
      /** Override of the unit's retention; NULL and not `unbefristet` = inherited. */
      aufbewahrungsfrist: integer('aufbewahrungsfrist'),
      unbefristet: boolean('unbefristet').notNull().default(false),
      aussonderungsart: text('aussonderungsart').$type<'A' | 'B' | 'V'>(),
      /** Derived at z.d.A. (docs/domaene.md R1); NULL while open, for `unbefristet`, or without a Frist. */
      aufbewahrungBis: date('aufbewahrung_bis'),
      aussonderungFaelligAb: date('aussonderung_faellig_ab'),
      /** Highest Vorgang number handed out in this Akte (never reused). */
      letzteVorgangNummer: integer('letzte_vorgang_nummer').notNull().default(0),
      version: integer('version').notNull().default(1),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
      erstelltVon: text('erstellt_von').notNull(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
      suchtext: text('suchtext').generatedAlwaysAs(sql`${gefaltet('betreff')}`),
      suchvektor: tsvector('suchvektor').generatedAlwaysAs(sql`to_tsvector('german'::regconfig, ${gefaltet("coalesce(betreff, '') || ' ' || coalesce(bemerkung, '')")})`),
    },
    (t) => [
      unique('akte_mandant_id_uq').on(t.mandantId, t.id),
      unique('akte_aktenzeichen_uq').on(t.mandantId, t.aktenzeichen),
      foreignKey({ columns: [t.mandantId, t.aktenplaneinheitId], foreignColumns: [aktenplaneinheit.mandantId, aktenplaneinheit.id], name: 'akte_einheit_fk' }),
      foreignKey({ columns: [t.mandantId, t.federfuehrungId], foreignColumns: [organisationseinheit.mandantId, organisationseinheit.id], name: 'akte_federfuehrung_fk' }),
      index('akte_einheit_idx').on(t.mandantId, t.aktenplaneinheitId, t.aktenzeichen),
      index('akte_federfuehrung_idx').on(t.mandantId, t.federfuehrungId, t.aktenzeichen),
      index('akte_status_idx').on(t.mandantId, t.status, t.aktenzeichen),
      // plain DESC (NULLS FIRST) to match `ORDER BY geaendert_am DESC, id DESC`
      index('akte_geaendert_idx').on(t.mandantId, t.geaendertAm.desc().nullsFirst(), t.id.desc().nullsFirst()),
      index('akte_laufzeit_idx').on(t.mandantId, t.laufzeitBeginn),
      index('akte_faellig_idx').on(t.mandantId, t.aussonderungFaelligAb),
      index('akte_suchvektor_idx').using('gin', t.suchvektor),
      check('akte_vertraulichkeitsstufe_ck', sql`${t.vertraulichkeitsstufe} IN ('003', '002', '005', '001', '004')`),
      check('akte_medium_ck', sql`${t.medium} IN ('001', '002', '003')`),
      check('akte_status_ck', sql`${t.status} IN ('offen', 'geschlossen')`),
      check('akte_zda_ck', sql`(${t.status} = 'geschlossen') = (${t.zdaDatum} IS NOT NULL)`),
      check('akte_laufzeit_ck', sql`${t.laufzeitEnde} IS NULL OR ${t.laufzeitEnde} >= ${t.laufzeitBeginn}`),
      check('akte_zda_laufzeit_ck', sql`${t.zdaDatum} IS NULL OR ${t.zdaDatum} >= ${t.laufzeitBeginn}`),
      check('akte_aussonderungsart_ck', sql`${t.aussonderungsart} IN ('A', 'B', 'V')`),
      check('akte_frist_ck', sql`${t.aufbewahrungsfrist} IS NULL OR ${t.aufbewahrungsfrist} BETWEEN 0 AND 200`),
      check('akte_unbefristet_ck', sql`NOT (${t.unbefristet} AND ${t.aufbewahrungsfrist} IS NOT NULL)`),
      check('akte_betreff_ck', sql`length(${t.betreff}) BETWEEN 1 AND 500`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** Former Aktenzeichen of an Akte (after Umprotokollierung); they stay findable and are never reused. */
export const aktenzeichenHistorie = akten
  .table(
    'aktenzeichen_historie',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      akteId: uuid('akte_id').notNull(),
      aktenzeichen: text('aktenzeichen').notNull(),
      aktenplaneinheitId: uuid('aktenplaneinheit_id').notNull(),
      gueltigBis: timestamptz('gueltig_bis').notNull().defaultNow(),
      grund: text('grund').notNull(),
    },
    (t) => [
      unique('aktenzeichen_historie_uq').on(t.mandantId, t.aktenzeichen),
      foreignKey({ columns: [t.mandantId, t.akteId], foreignColumns: [akte.mandantId, akte.id], name: 'aktenzeichen_historie_akte_fk' }),
      foreignKey({
        columns: [t.mandantId, t.aktenplaneinheitId],
        foreignColumns: [aktenplaneinheit.mandantId, aktenplaneinheit.id],
        name: 'aktenzeichen_historie_einheit_fk',
      }),
      index('aktenzeichen_historie_akte_idx').on(t.mandantId, t.akteId),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/** A case inside an Akte, Kennzeichen `<Aktenzeichen>-<nnn>`. */
export const vorgang = akten
  .table(
    'vorgang',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      akteId: uuid('akte_id').notNull(),
      laufendeNummer: integer('laufende_nummer').notNull(),
      kennzeichen: text('kennzeichen').notNull(),
      betreff: text('betreff').notNull(),
      status: text('status').$type<'offen' | 'geschlossen'>().notNull().default('offen'),
      zdaDatum: date('zda_datum'),
      /** Begin of the Laufzeit (default the creation day); its end is the z.d.A. date. */
      laufzeitBeginn: date('laufzeit_beginn')
        .notNull()
        .default(sql`(now() AT TIME ZONE 'Europe/Berlin')::date`),
      version: integer('version').notNull().default(1),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
      erstelltVon: text('erstellt_von').notNull(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
      suchtext: text('suchtext').generatedAlwaysAs(sql`${gefaltet('betreff')}`),
      suchvektor: tsvector('suchvektor').generatedAlwaysAs(sql`to_tsvector('german'::regconfig, ${gefaltet('betreff')})`),
    },
    (t) => [
      unique('vorgang_mandant_id_uq').on(t.mandantId, t.id),
      unique('vorgang_kennzeichen_uq').on(t.mandantId, t.kennzeichen),
      uniqueIndex('vorgang_akte_nummer_uq').on(t.mandantId, t.akteId, t.laufendeNummer),
      foreignKey({ columns: [t.mandantId, t.akteId], foreignColumns: [akte.mandantId, akte.id], name: 'vorgang_akte_fk' }),
      index('vorgang_akte_offen_idx')
        .on(t.mandantId, t.akteId)
        .where(sql`${t.status} = 'offen'`),
      index('vorgang_suchvektor_idx').using('gin', t.suchvektor),
      check('vorgang_status_ck', sql`${t.status} IN ('offen', 'geschlossen')`),
      check('vorgang_zda_ck', sql`(${t.status} = 'geschlossen') = (${t.zdaDatum} IS NOT NULL)`),
      // the Laufzeit of a Vorgang within its Akte's: trigger vorgang_laufzeit_in_akte (migration 0019)
      check('vorgang_laufzeit_ck', sql`${t.zdaDatum} IS NULL OR ${t.zdaDatum} >= ${t.laufzeitBeginn}`),
      check('vorgang_betreff_ck', sql`length(${t.betreff}) BETWEEN 1 AND 500`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();

/**
 * A personal Wiedervorlage (migration 0032): a user's reminder to take up a Vorgang on a day,
 * optionally kept for one of the user's org units (its members see it too). One open per Vorgang
 * and user; a done one keeps `erledigtAm`.
 */
export const wiedervorlage = akten
  .table(
    'wiedervorlage',
    {
      id: uuid('id').primaryKey(),
      mandantId: mandantIdColumn(),
      vorgangId: uuid('vorgang_id').notNull(),
      sub: text('sub').notNull(),
      organisationseinheitId: uuid('organisationseinheit_id'),
      datum: date('datum').notNull(),
      erledigtAm: timestamptz('erledigt_am'),
      erstelltAm: timestamptz('erstellt_am').notNull().defaultNow(),
      geaendertAm: timestamptz('geaendert_am').notNull().defaultNow(),
    },
    (t) => [
      foreignKey({ columns: [t.mandantId, t.vorgangId], foreignColumns: [vorgang.mandantId, vorgang.id], name: 'wiedervorlage_vorgang_fk' }),
      foreignKey({ columns: [t.mandantId, t.organisationseinheitId], foreignColumns: [organisationseinheit.mandantId, organisationseinheit.id], name: 'wiedervorlage_organisationseinheit_fk' }),
      uniqueIndex('wiedervorlage_offen_uq')
        .on(t.mandantId, t.vorgangId, t.sub)
        .where(sql`${t.erledigtAm} IS NULL`),
      index('wiedervorlage_sub_idx')
        .on(t.mandantId, t.sub, t.datum, t.id)
        .where(sql`${t.erledigtAm} IS NULL`),
      index('wiedervorlage_einheit_idx')
        .on(t.mandantId, t.organisationseinheitId, t.datum, t.id)
        .where(sql`${t.erledigtAm} IS NULL AND ${t.organisationseinheitId} IS NOT NULL`),
      mandantPolicy(t.mandantId),
    ],
  )
  .enableRLS();
