// Bulk test data written with COPY (not through the API): an Aktenplan, Akten and about as many
// Vorgänge in one tenant, deterministic pseudo-random. Used by scripts/seed-bulk.ts and the benchmarks.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { v7 as uuidv7 } from 'uuid';
import { imMandanten } from './mandant.js';

interface Zufall {
  zufall: () => number;
  wahl: <T>(xs: readonly T[]) => T;
}

function zufallsquelle(seed = 20260301): Zufall {
  const zufall = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { zufall, wahl: (xs) => xs[Math.floor(zufall() * xs.length)]! };
}

export const THEMEN = [
  'Straßenbau',
  'Genehmigung',
  'Bauantrag',
  'Zulassung der Ärzte',
  'Windkraftanlage',
  'Gewässerunterhaltung',
  'Kindertagesstätte',
  'Schulentwicklungsplanung',
  'Bebauungsplan',
  'Förderantrag',
  'Widerspruchsverfahren',
  'Gewerbeanmeldung',
  'Brandschutz',
  'Denkmalschutz',
  'Abwasserbeseitigung',
  'Personalangelegenheiten',
  'Haushaltsplanung',
  'Vergabeverfahren',
  'Immissionsschutz',
  'Baumfällung',
] as const;
export const ORTE = ['Musterstadt', 'Nordhöhe', 'Südfeld', 'Am Großen Weg', 'Lindenallee', 'Mühlbach', 'Ölmühle', 'Außenbereich', 'Hauptstraße', 'Schloßpark'] as const;
const esc = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
/** One line of COPY's text format. */
export const zeile = (felder: (string | number | null)[]) => `${felder.map((f) => (f === null ? '\\N' : esc(String(f)))).join('\t')}\n`;

function* einheitenZeilen(z: Zufall, anzahlEinheiten: number, mandantId: string, ids: { id: string; kz: string }[]) {
  const { wahl } = z;
  const wurzeln = Math.max(1, Math.round(Math.sqrt(anzahlEinheiten / 2)));
  const kinder = Math.max(1, Math.ceil(anzahlEinheiten / wurzeln) - 1);
  for (let w = 1; w <= wurzeln; w++) {
    const wid = uuidv7();
    yield zeile([wid, mandantId, null, `B${w}`, `${wahl(THEMEN)} (Gruppe ${w})`, null, null]);
    for (let k = 1; k <= kinder && ids.length < anzahlEinheiten; k++) {
      const id = uuidv7();
      ids.push({ id, kz: `B${w}.${k}` });
      yield zeile([id, mandantId, wid, `B${w}.${k}`, `${wahl(THEMEN)} ${k}`, wahl([5, 10, 30, null]), wahl(['A', 'B', 'V'])]);
    }
  }
}

function* aktenZeilen(z: Zufall, anzahlAkten: number, mandantId: string, einheiten: { id: string; kz: string }[], vorgaenge: string[]) {
  const { wahl, zufall } = z;
  const zaehler = new Map<string, number>();
  for (let i = 0; i < anzahlAkten; i++) {
    const e = einheiten[Math.floor(zufall() * einheiten.length)]!;
    const jahr = 2015 + Math.floor(zufall() * 12);
    const key = `${e.id}/${jahr}`;
    const nr = (zaehler.get(key) ?? 0) + 1;
    zaehler.set(key, nr);
    const az = `${e.kz}-${String(nr).padStart(4, '0')}/${jahr}`;
    const beginn = `${jahr}-${String(1 + Math.floor(zufall() * 12)).padStart(2, '0')}-${String(1 + Math.floor(zufall() * 28)).padStart(2, '0')}`;
    const geschlossen = jahr < 2024 && zufall() < 0.6;
    const zda = geschlossen ? `${jahr + 1}-06-30` : null;
    const id = uuidv7();
    const anzahlV = Math.floor(zufall() * 3);
    for (let v = 1; v <= anzahlV; v++) {
      vorgaenge.push(
        zeile([
          uuidv7(),
          mandantId,
          id,
          v,
          `${az}-${String(v).padStart(3, '0')}`,
          `${wahl(THEMEN)} – ${wahl(['Anhörung', 'Stellungnahme', 'Bescheid', 'Nachforderung'])}`,
          geschlossen ? 'geschlossen' : 'offen',
          zda,
          geschlossen ? null : `2026-${String(1 + Math.floor(zufall() * 12)).padStart(2, '0')}-15`,
        ]),
      );
    }
    yield zeile([id, mandantId, e.id, az, nr, jahr, `${wahl(THEMEN)} ${wahl(ORTE)} ${i}`, zufall() < 0.05 ? '002' : '003', geschlossen ? 'geschlossen' : 'offen', zda, beginn, zda, anzahlV]);
  }
}

async function copy(client: pg.ClientBase, sql: string, rows: Iterable<string>) {
  await pipeline(Readable.from(rows), client.query(copyFrom(sql)));
}

export interface BulkOptionen {
  akten: number;
  einheiten: number;
  /** progress lines */
  log?: (s: string) => void;
}

/** Writes an Aktenplan of `einheiten` units, `akten` Akten and about as many Vorgänge into one tenant. */
export async function bulkSeeden(ownerUrl: string, mandantId: string, opts: BulkOptionen): Promise<void> {
  const out = opts.log ?? (() => {});
  const anzahlAkten = opts.akten;
  const z = zufallsquelle();
  const t0 = Date.now();
  await imMandanten(
    ownerUrl,
    mandantId,
    async (client) => {
      // COPY into temporary tables (COPY FROM cannot write tables under row-level security), then
      // move the rows with INSERT … SELECT, which the tenant policy checks.
      await client.query(`CREATE TEMP TABLE bulk_einheit (id uuid, mandant_id uuid, parent_id uuid, kennzeichen text, titel text, frist int, art text) ON COMMIT DROP`);
      await client.query(
        `CREATE TEMP TABLE bulk_akte (id uuid, mandant_id uuid, einheit uuid, az text, nr int, jahr int, betreff text, stufe text, status text, zda date, beginn date, ende date, vnr int) ON COMMIT DROP`,
      );
      await client.query(`CREATE TEMP TABLE bulk_vorgang (id uuid, mandant_id uuid, akte_id uuid, nr int, kennzeichen text, betreff text, status text, zda date, wv date) ON COMMIT DROP`);
      const einheiten: { id: string; kz: string }[] = [];
      await copy(client, 'COPY bulk_einheit FROM STDIN', einheitenZeilen(z, opts.einheiten, mandantId, einheiten));
      const vorgaenge: string[] = [];
      await copy(client, 'COPY bulk_akte FROM STDIN', aktenZeilen(z, anzahlAkten, mandantId, einheiten, vorgaenge));
      await copy(client, 'COPY bulk_vorgang FROM STDIN', vorgaenge);
      out(`COPY: ${einheiten.length} units, ${anzahlAkten} Akten, ${vorgaenge.length} Vorgänge in ${Date.now() - t0} ms`);
      await client.query(`INSERT INTO akten.aktenplaneinheit (id, mandant_id, parent_id, kennzeichen, titel, aufbewahrungsfrist, aussonderungsart)
                        SELECT id, mandant_id, parent_id, kennzeichen, titel, frist, art FROM bulk_einheit ORDER BY parent_id NULLS FIRST`);
      await client.query(`INSERT INTO akten.akte (id, mandant_id, aktenplaneinheit_id, aktenzeichen, laufende_nummer, jahr, betreff, vertraulichkeitsstufe, status, zda_datum,
                          laufzeit_beginn, laufzeit_ende, letzte_vorgang_nummer, erstellt_von)
                        SELECT id, mandant_id, einheit, az, nr, jahr, betreff, stufe, status, zda, beginn, ende, vnr, 'seed-bulk' FROM bulk_akte`);
      // a Vorgang's Laufzeit begins with its Akte's (the database keeps it within)
      await client.query(`INSERT INTO akten.vorgang (id, mandant_id, akte_id, laufende_nummer, kennzeichen, betreff, status, zda_datum, laufzeit_beginn, erstellt_von)
                        SELECT v.id, v.mandant_id, v.akte_id, v.nr, v.kennzeichen, v.betreff, v.status, v.zda, a.beginn, 'seed-bulk' FROM bulk_vorgang v JOIN bulk_akte a ON a.id = v.akte_id`);
      // the seeded Wiedervorlagen are the seeding user's own (migration 0032)
      await client.query(`INSERT INTO akten.wiedervorlage (id, mandant_id, vorgang_id, sub, datum)
                        SELECT gen_random_uuid(), mandant_id, id, 'seed-bulk', wv FROM bulk_vorgang WHERE wv IS NOT NULL`);
      // the counters must know the numbers handed out, so new Akten continue after them
      await client.query(`INSERT INTO akten.aktenzeichen_zaehler (mandant_id, aktenplaneinheit_id, jahr, letzte_nummer)
                        SELECT mandant_id, einheit, jahr, max(nr) FROM bulk_akte GROUP BY 1, 2, 3
                        ON CONFLICT (mandant_id, aktenplaneinheit_id, jahr) DO UPDATE SET letzte_nummer = greatest(akten.aktenzeichen_zaehler.letzte_nummer, excluded.letzte_nummer)`);
    },
    async (client) => {
      out(`inserted and committed in ${Date.now() - t0} ms`);
      await client.query('ANALYZE akten.aktenplaneinheit, akten.akte, akten.vorgang, akten.aktenzeichen_zaehler');
    },
  );
}

// ---- Dokumente with full text --------------------------------------------------------------------

/**
 * German word forms as they occur in administrative letters: each entry a lemma with some of its
 * inflected forms (case, number, verb forms), so stemming and compounds are exercised like in real text.
 */
export const WORTFORMEN: readonly (readonly string[])[] = [
  ['Antrag', 'Anträge', 'Anträgen', 'Antrags', 'Antrages'],
  ['Bauantrag', 'Bauanträge', 'Bauanträgen', 'Bauantrags'],
  ['Genehmigung', 'Genehmigungen', 'genehmigt', 'genehmigen', 'genehmigte'],
  ['Baugenehmigung', 'Baugenehmigungen'],
  ['Bescheid', 'Bescheide', 'Bescheiden', 'Bescheids', 'beschieden'],
  ['Widerspruch', 'Widersprüche', 'Widersprüchen', 'Widerspruchs', 'widersprochen', 'widerspricht'],
  ['Frist', 'Fristen', 'fristgerecht', 'fristgemäß'],
  ['Unterlage', 'Unterlagen'],
  ['Stellungnahme', 'Stellungnahmen'],
  ['Grundstück', 'Grundstücke', 'Grundstücken', 'Grundstücks'],
  ['Gebäude', 'Gebäuden', 'Gebäudes'],
  ['Straße', 'Straßen', 'Straßenbau', 'Straßenbaus'],
  ['Windkraftanlage', 'Windkraftanlagen', 'Windenergieanlage', 'Windenergieanlagen'],
  ['Gewässer', 'Gewässern', 'Gewässers', 'Gewässerunterhaltung'],
  ['Kindertagesstätte', 'Kindertagesstätten', 'Kita', 'Kitas'],
  ['Förderung', 'Förderungen', 'Fördermittel', 'Fördermitteln', 'gefördert', 'fördern'],
  ['Zulassung', 'Zulassungen', 'zugelassen', 'zulassen'],
  ['Arzt', 'Ärzte', 'Ärzten', 'Ärztin', 'Ärztinnen', 'ärztlich', 'ärztliche'],
  ['Brandschutz', 'Brandschutzes', 'Brandschutzkonzept', 'Brandschutzkonzepte'],
  ['Gutachten', 'Gutachtens', 'Gutachter', 'Gutachterin'],
  ['Gemeinde', 'Gemeinden', 'Gemeinderat', 'Gemeinderats'],
  ['Behörde', 'Behörden', 'behördlich', 'behördliche'],
  ['Prüfung', 'Prüfungen', 'geprüft', 'prüfen', 'prüfte'],
  ['Entscheidung', 'Entscheidungen', 'entschieden', 'entscheiden'],
  ['Zahlung', 'Zahlungen', 'gezahlt', 'zahlen', 'Gebühr', 'Gebühren'],
  ['Anhörung', 'Anhörungen', 'angehört', 'anhören'],
  ['Nachbar', 'Nachbarn', 'Nachbarschaft', 'nachbarlich'],
  ['Lärm', 'Lärms', 'Lärmschutz', 'Immissionen', 'Immissionsschutz'],
  ['Abwasser', 'Abwässer', 'Abwasserbeseitigung', 'Kanalisation'],
  ['Baum', 'Bäume', 'Bäumen', 'Baumfällung', 'Baumfällungen', 'gefällt'],
  ['Vergabe', 'Vergaben', 'Vergabeverfahren', 'Ausschreibung', 'Ausschreibungen'],
  ['Haushalt', 'Haushalts', 'Haushaltsmittel', 'Haushaltsplan'],
  ['Denkmal', 'Denkmäler', 'Denkmalschutz', 'denkmalgeschützt'],
  ['Schule', 'Schulen', 'Schulträger', 'Schülerbeförderung'],
  ['Mitteilung', 'Mitteilungen', 'mitgeteilt', 'teilen', 'teilten'],
  ['Verfahren', 'Verfahrens', 'Verfahren', 'verfahrensrechtlich'],
  ['Eingang', 'Eingangs', 'eingegangen', 'Eingangsbestätigung'],
  ['Auflage', 'Auflagen', 'Nebenbestimmung', 'Nebenbestimmungen'],
  ['Klage', 'Klagen', 'Kläger', 'Klägerin', 'verklagt'],
  ['Gericht', 'Gerichts', 'Verwaltungsgericht', 'Verwaltungsgerichts'],
];
const FUELLWOERTER = [
  'der',
  'die',
  'das',
  'und',
  'im',
  'zum',
  'zur',
  'mit',
  'vom',
  'auf',
  'für',
  'wegen',
  'nach',
  'gemäß',
  'bitte',
  'hiermit',
  'wird',
  'wurde',
  'sind',
  'ist',
  'nicht',
  'bereits',
  'bis',
  'zum',
];

const SILBEN = [
  'ber',
  'gen',
  'hau',
  'mar',
  'lin',
  'dor',
  'wald',
  'sen',
  'ket',
  'rup',
  'hel',
  'fin',
  'gar',
  'stein',
  'bach',
  'feld',
  'ler',
  'mann',
  'ho',
  'ra',
  'ku',
  'ti',
  'ne',
  'sa',
  'lo',
  'we',
  'bi',
  'zu',
  'pe',
  'dri',
];
/** A name from three syllables (27,000 possible): the long tail of real letters (people, streets, firms). */
const eigenname = (z: Zufall) => {
  const n = `${z.wahl(SILBEN)}${z.wahl(SILBEN)}${z.wahl(SILBEN)}`;
  return n[0]!.toUpperCase() + n.slice(1);
};

/**
 * A letter-like text of about `woerter` words from the word forms, place names and filler words,
 * plus names and parcel numbers. The long tail matters: with only a few hundred distinct words
 * PostgreSQL's statistics make every unknown word look common, which real text never does.
 */
export function volltext(z: Zufall, woerter: number): string {
  const teile: string[] = [`Herr ${eigenname(z)}`, `${eigenname(z)}straße ${1 + Math.floor(z.zufall() * 120)}`, `Flurstück ${1 + Math.floor(z.zufall() * 5000)}/${1 + Math.floor(z.zufall() * 9)},`];
  for (let i = 0; i < woerter; i++) {
    const r = z.zufall();
    teile.push(r < 0.45 ? z.wahl(z.wahl(WORTFORMEN)) : r < 0.5 ? z.wahl(ORTE) : z.wahl(FUELLWOERTER));
    if (i % 12 === 11) teile.push('.');
  }
  return `Sehr geehrte Damen und Herren, ${teile.join(' ').replaceAll(' .', '.')}. Mit freundlichen Grüßen`;
}

export interface DokumenteOptionen {
  dokumente: number;
  /** words of extracted text per Dokument */
  woerter?: number;
  log?: (s: string) => void;
}

/**
 * Writes `dokumente` Dokumente (one version each, with extracted full text) spread over the
 * tenant's Vorgänge, with COPY. Objects are not written: the keys point nowhere, which is
 * enough for metadata and search (downloads are measured on uploaded Dokumente).
 */
export async function dokumenteSeeden(ownerUrl: string, mandantId: string, opts: DokumenteOptionen): Promise<void> {
  const out = opts.log ?? (() => {});
  const z = zufallsquelle(20261127);
  const woerter = opts.woerter ?? 40;
  const t0 = Date.now();
  await imMandanten(
    ownerUrl,
    mandantId,
    async (client) => {
      const vorgaenge = (await client.query<{ id: string }>('SELECT id FROM akten.vorgang ORDER BY id')).rows.map((r) => r.id);
      if (vorgaenge.length === 0) throw new Error('dokumenteSeeden: the tenant has no Vorgänge (run bulkSeeden first)');
      await client.query(
        `CREATE TEMP TABLE bulk_dokument (id uuid, vorgang_id uuid, betreff text, datum date, absender text, schluessel text, groesse bigint, sha256 text, inhalt text) ON COMMIT DROP`,
      );
      function* zeilen() {
        for (let i = 0; i < opts.dokumente; i++) {
          const id = uuidv7();
          const lemma = z.wahl(WORTFORMEN);
          const betreff = `${z.wahl(lemma)} ${z.wahl(THEMEN)} ${z.wahl(ORTE)}`;
          const datum = `${2015 + Math.floor(z.zufall() * 12)}-${String(1 + Math.floor(z.zufall() * 12)).padStart(2, '0')}-${String(1 + Math.floor(z.zufall() * 28)).padStart(2, '0')}`;
          const sha = (i.toString(16).padStart(8, '0') + id.replaceAll('-', '')).padEnd(64, '0').slice(0, 64);
          yield zeile([
            id,
            z.wahl(vorgaenge),
            betreff,
            datum,
            z.zufall() < 0.5 ? `Gemeinde ${z.wahl(ORTE)}` : null,
            `${mandantId}/${id}`,
            20_000 + Math.floor(z.zufall() * 2_000_000),
            sha,
            volltext(z, woerter),
          ]);
        }
      }
      await copy(client, 'COPY bulk_dokument FROM STDIN', zeilen());
      out(`COPY: ${opts.dokumente} Dokumente in ${Date.now() - t0} ms`);
      await client.query(
        `INSERT INTO dokumente.dokument (id, mandant_id, vorgang_id, betreff, datum_des_schreibens, absender, erstellt_von)
                        SELECT id, $1, vorgang_id, betreff, datum, absender, 'seed-bulk' FROM bulk_dokument`,
        [mandantId],
      );
      await client.query(
        `INSERT INTO dokumente.dokument_version (mandant_id, dokument_id, nr, speicherschluessel, groesse, sha256, mime_type, dateiname, erstellt_von)
                        SELECT $1, id, 1, schluessel, groesse, sha256, 'application/pdf', 'schreiben.pdf', 'seed-bulk' FROM bulk_dokument`,
        [mandantId],
      );
      out(`Dokumente and versions inserted in ${Date.now() - t0} ms`);
      // the generated tsvector column and the GIN index are filled here (the slow part)
      await client.query(
        `INSERT INTO dokumente.volltext (mandant_id, dokument_id, version_nr, status, inhalt)
                        SELECT $1, id, 1, 'extrahiert', inhalt FROM bulk_dokument`,
        [mandantId],
      );
    },
    async (client) => {
      out(`full text inserted and committed in ${Date.now() - t0} ms`);
      await client.query('ANALYZE dokumente.dokument, dokumente.dokument_version, dokumente.volltext');
    },
  );
}
