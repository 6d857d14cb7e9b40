// Scan batches of the Poststelle (issue 21, TR-RESISCAN): the form of a batch's upload (its
// Transfervermerk), which pages are separator sheets, how a batch splits into documents, the
// quality check of a page (pixel statistics of its grey image), and how zbarimg's answer is read. Plain
// functions; the job in arbeiter/scanstapel.ts runs the programs.
import type { ScanstapelZustand, SeitenBefund } from '@eakte/db/schema';
import { z } from 'zod';

/**
 * Barcode texts that mark a separator sheet: `PATCHT` (the patch code T, the common document
 * separator, printed as QR or Code 128 since zbar does not read patch codes) and the platform's own.
 */
export const TRENNCODES = ['PATCHT', 'PATCH T', 'EAKTE-TRENNBLATT'] as const;

/** A page is a separator sheet when one of its barcodes reads a separator code (case and spaces at the ends ignored). */
export function istTrennblatt(codes: readonly string[]): boolean {
  return codes.some((c) => (TRENNCODES as readonly string[]).includes(c.trim().toUpperCase()));
}

export interface Abschnitt {
  /** 1-based page numbers in the batch, both inclusive. */
  ersteSeite: number;
  letzteSeite: number;
}

/**
 * The documents of a batch: the runs of pages between separator sheets; the separators themselves
 * are dropped, and separators in a row (or at the start or end) make no empty document. A batch
 * without separator is one document. Blank pages stay in their document (flagged, never dropped:
 * the scan must be complete).
 */
export function zerlege(trennblatt: readonly boolean[]): Abschnitt[] {
  const abschnitte: Abschnitt[] = [];
  let start: number | null = null;
  trennblatt.forEach((trenn, i) => {
    const seite = i + 1;
    if (trenn) {
      if (start !== null) abschnitte.push({ ersteSeite: start, letzteSeite: seite - 1 });
      start = null;
    } else if (start === null) start = seite;
  });
  if (start !== null) abschnitte.push({ ersteSeite: start, letzteSeite: trennblatt.length });
  return abschnitte;
}

/**
 * Share of dark pixels (grey value below {@link DUNKEL}) below which a page counts as blank and above
 * which it is too dark to read. A typed letter darkens about 0.3–5 % of its pixels, a scanned blank
 * sheet with dust under 0.01 % (a page with a single word may fall below too: it is flagged, not dropped), a black page (lid open, wrong exposure) most of them.
 */
export const QUALITAET_SCHWELLEN = { leerUnter: 0.0005, unlesbarUeber: 0.6 } as const;
/** A pixel darker than this (0 black … 255 white) is ink; the grain of a scanner's white stays above it. */
export const DUNKEL = 128;

export function bewerteSeite(deckung: number, s: { leerUnter: number; unlesbarUeber: number } = QUALITAET_SCHWELLEN): SeitenBefund['befund'] | null {
  if (!Number.isFinite(deckung) || deckung < s.leerUnter) return 'leer';
  if (deckung > s.unlesbarUeber) return 'unlesbar';
  return null;
}

/**
 * Counts the dark pixels of a binary greyscale PGM (P5, 8 bit, as Ghostscript's `pgmraw` writes it)
 * chunk by chunk, so a page is never held whole; `anteil()` is the share of dark pixels, NaN when
 * the file is no such PGM.
 */
export function pgmZaehler() {
  let kopf: Buffer | null = Buffer.alloc(0);
  let pixel = 0;
  let dunkel = 0;
  let erwartet = -1;
  const zaehle = (b: Buffer) => {
    for (let i = 0; i < b.length; i++) if (b[i]! < DUNKEL) dunkel++;
    pixel += b.length;
  };
  return {
    schreibe(chunk: Buffer) {
      if (kopf === null) return zaehle(chunk);
      kopf = Buffer.concat([kopf, chunk]);
      // P5 header: magic, width, height, maxval, each followed by whitespace; comments start with #
      const m = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s/.exec(kopf.toString('latin1', 0, Math.min(kopf.length, 512)));
      if (!m) {
        if (kopf.length > 512) kopf = null;
        return;
      }
      if (m[3] !== '255') {
        kopf = null;
        erwartet = -2;
        return;
      }
      erwartet = Number(m[1]) * Number(m[2]);
      const rest = kopf.subarray(m[0].length);
      kopf = null;
      zaehle(rest);
    },
    anteil(): number {
      if (erwartet <= 0 || pixel < erwartet) return Number.NaN;
      return dunkel / pixel;
    },
  };
}

/** The quality check of one document: the flagged pages (numbered within the document). */
export function pruefeQualitaet(deckungen: readonly number[]): { qualitaet: 'ok' | 'auffaellig'; befunde: SeitenBefund[] } {
  const befunde: SeitenBefund[] = [];
  deckungen.forEach((d, i) => {
    const befund = bewerteSeite(d);
    if (befund) befunde.push({ seite: i + 1, befund, deckung: Math.round((Number.isFinite(d) ? d : 0) * 1e5) / 1e5 });
  });
  return { qualitaet: befunde.length ? 'auffaellig' : 'ok', befunde };
}

/** zbarimg's answer for one image: exit 0 with one `TYPE:text` line per symbol, 4 when it found none. */
export function leseZbar(code: number | null, ausgabe: string): string[] | null {
  if (code === 4) return [];
  if (code !== 0) return null;
  return ausgabe
    .split('\n')
    .map((z) => z.trim())
    .filter(Boolean)
    .map((z) => z.replace(/^[A-Za-z0-9-]+:/, ''));
}

/** Stable reasons of the state `fehler` of a batch (the API shows them with a German text). */
export const SCAN_GRUENDE = {
  zu_gross: 'Der Scanstapel ist größer als die eingestellte Grenze.',
  zu_viele_seiten: 'Der Scanstapel hat mehr Seiten als die eingestellte Grenze.',
  passwortgeschuetzt: 'Das PDF ist mit einem Passwort geschützt; ohne Passwort kann es nicht zerlegt werden.',
  defekt: 'Die Datei ist beschädigt oder kein lesbares PDF oder TIFF.',
  keine_dokumente: 'Der Scanstapel enthält nur Trennblätter, kein Dokument.',
  zerlegung_fehlgeschlagen: 'Die Zerlegung ist mehrfach fehlgeschlagen.',
} as const;
export type ScanGrund = keyof typeof SCAN_GRUENDE;

export const SCAN_INSTALLATIONSHINWEIS =
  'Die Zerlegung von Scanstapeln ist auf diesem Server nicht installiert: die Debian-Pakete zbar-tools, ghostscript und qpdf installieren, für TIFF-Stapel auch img2pdf (apt-get install zbar-tools ghostscript qpdf img2pdf).';

export function scanstapelMeldung(status: ScanstapelZustand, grund: string | null): string | null {
  if (status === 'fehler' && grund) return SCAN_GRUENDE[grund as ScanGrund] ?? grund;
  if (status === 'nicht_verfuegbar') return SCAN_INSTALLATIONSHINWEIS;
  return null;
}

export interface ScanGrenzen {
  maxSeiten: number;
  maxGroesse: number;
}

export function pruefeScanGrenzen(g: ScanGrenzen, groesse: number, seiten: number | null): ScanGrund | null {
  if (groesse > g.maxGroesse) return 'zu_gross';
  if (seiten !== null && seiten > g.maxSeiten) return 'zu_viele_seiten';
  return null;
}

const datum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'erwartet JJJJ-MM-TT')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'kein gültiges Datum');
const leerAlsFehlend = (s: unknown) => (typeof s === 'string' && s.trim() === '' ? undefined : s);
const text = (max: number) => z.preprocess(leerAlsFehlend, z.string().trim().min(1).max(max).optional()) as z.ZodType<string | undefined>;

/**
 * The form of a batch upload: its Betreff and the Transfervermerk — who scanned it (default: the
 * uploader), when (default: now; not in the future), the device (required) and the profile, and the
 * paper original: kept (`aufbewahren`) or destroyable from a date (`vernichtbar` with `vernichtbarAb`,
 * not before the scan day).
 */
export function transfervermerkSchema(jetzt: Date) {
  return z
    .object({
      betreff: z.preprocess(leerAlsFehlend, z.string({ required_error: 'erforderlich' }).trim().min(1).max(500)) as z.ZodType<string>,
      absender: text(500),
      eingangsdatum: z.preprocess(leerAlsFehlend, datum.optional()) as z.ZodType<string | undefined>,
      gescanntVon: text(200),
      gescanntAm: z.preprocess(
        leerAlsFehlend,
        z
          .string()
          .datetime({ offset: true, message: 'erwartet einen Zeitpunkt nach ISO 8601 (z. B. 2026-12-07T09:30:00+01:00)' })
          .refine((s) => Number.isNaN(Date.parse(s)) || Date.parse(s) <= jetzt.getTime() + 5 * 60_000, 'liegt in der Zukunft')
          .optional(),
      ) as z.ZodType<string | undefined>,
      geraet: z.preprocess(leerAlsFehlend, z.string({ required_error: 'erforderlich (Scanner oder Arbeitsplatz)' }).trim().min(1).max(200)) as z.ZodType<string>,
      profil: text(200),
      original: z.preprocess(leerAlsFehlend, z.enum(['aufbewahren', 'vernichtbar'], { required_error: 'erforderlich (aufbewahren oder vernichtbar)' })),
      vernichtbarAb: z.preprocess(leerAlsFehlend, datum.optional()) as z.ZodType<string | undefined>,
    })
    .superRefine((f, ctx) => {
      if (f.original === 'vernichtbar' && !f.vernichtbarAb)
        ctx.addIssue({ code: 'custom', path: ['vernichtbarAb'], message: 'erforderlich, wenn das Original vernichtet werden darf (Tag nach Ablauf der Wartefrist)' });
      if (f.original === 'aufbewahren' && f.vernichtbarAb) ctx.addIssue({ code: 'custom', path: ['vernichtbarAb'], message: 'nur mit original=vernichtbar' });
      const scan = f.gescanntAm ? new Date(f.gescanntAm) : jetzt;
      // an invalid scan time is reported by its own field
      const scantag = Number.isNaN(scan.getTime()) ? null : scan.toISOString().slice(0, 10);
      if (f.vernichtbarAb && scantag && datum.safeParse(f.vernichtbarAb).success && f.vernichtbarAb < scantag)
        ctx.addIssue({ code: 'custom', path: ['vernichtbarAb'], message: `liegt vor dem Scantag ${scantag}` });
    });
}
export type TransfervermerkFormular = z.infer<ReturnType<typeof transfervermerkSchema>>;
export const SCANSTAPEL_FELDER = ['betreff', 'absender', 'eingangsdatum', 'gescanntVon', 'gescanntAm', 'geraet', 'profil', 'original', 'vernichtbarAb'] as const;
