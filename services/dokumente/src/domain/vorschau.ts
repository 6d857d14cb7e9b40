// Previews for the web client: which versions get one, how LibreOffice and pdftoppm are called, and
// what their answers mean for the version's preview state. Plain functions; the job in
// arbeiter/vorschau.ts runs them.
import type { OcrStatus } from '@eakte/db/schema';

/** Office formats LibreOffice turns into a PDF first (its extension tells LibreOffice the filter). */
const OFFICEFORMATE: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/rtf': 'rtf',
};

/** Images pdf-lib can wrap into a one-page PDF for pdftoppm (a TIFF gets its preview from its OCR result). */
const BILDFORMATE = new Set(['image/png', 'image/jpeg']);

export type Vorschauweg = 'pdf' | 'office' | 'bild';

/** How a version becomes a preview, or null when it gets none. */
export function vorschauweg(mimeType: string): Vorschauweg | null {
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType in OFFICEFORMATE) return 'office';
  if (BILDFORMATE.has(mimeType)) return 'bild';
  return null;
}

export const endungFuerOffice = (mimeType: string) => OFFICEFORMATE[mimeType] ?? 'bin';

/** Stable reasons of the state `fehler` (the API shows them with a German text). */
export const VORSCHAU_GRUENDE = {
  zu_gross: 'Die Datei ist größer als die eingestellte Grenze für die Vorschau.',
  passwortgeschuetzt: 'Das Dokument ist mit einem Passwort geschützt; ohne Passwort kann keine Vorschau erzeugt werden.',
  defekt: 'Die Datei ist beschädigt oder in ihrem Format nicht lesbar; es gibt keine Vorschau.',
  zeitueberschreitung: 'Die Vorschau hat länger gedauert als erlaubt und wurde abgebrochen.',
  vorschau_fehlgeschlagen: 'Die Vorschau ist mehrfach fehlgeschlagen.',
} as const;
export type VorschauGrund = keyof typeof VORSCHAU_GRUENDE;

/** What to install when previews are not available (shown with `nicht_verfuegbar`). */
export const VORSCHAU_INSTALLATIONSHINWEIS =
  'Die Vorschau ist auf diesem Server nicht installiert: die Debian-Pakete poppler-utils sowie für Office-Dokumente libreoffice-writer-nogui und libreoffice-calc-nogui installieren (apt-get install poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui).';

export interface VorschauZustand {
  status: OcrStatus;
  seiten?: number | null;
  grund?: VorschauGrund | null;
}

/** The preview state as the API shows it, with a text for a reason or for `nicht_verfuegbar`. */
export function vorschauDarstellung(z: { status: OcrStatus; seiten: number | null; grund: string | null }) {
  return {
    status: z.status,
    ...(z.seiten !== null ? { seiten: z.seiten } : {}),
    ...(z.grund !== null ? { grund: z.grund as VorschauGrund } : {}),
    ...(z.status === 'fehler' && z.grund ? { meldung: VORSCHAU_GRUENDE[z.grund as VorschauGrund] ?? z.grund } : {}),
    ...(z.status === 'nicht_verfuegbar' ? { meldung: VORSCHAU_INSTALLATIONSHINWEIS } : {}),
  };
}

/** Like the OCR: `fertig` is final, a failed or unavailable preview may be made again. */
const UEBERGAENGE: Record<OcrStatus, readonly OcrStatus[]> = {
  ausstehend: ['ausstehend', 'fertig', 'fehler', 'nicht_verfuegbar'],
  fehler: ['ausstehend'],
  nicht_verfuegbar: ['ausstehend'],
  fertig: [],
};

export const vorschauUebergangErlaubt = (von: OcrStatus | null, nach: OcrStatus) => (von === null ? nach === 'ausstehend' || nach === 'fehler' : UEBERGAENGE[von].includes(nach));

/** Widths in pixels: the thumbnail of a list, the page image of the Dokument page. */
export const MINIATUR_BREITE = 240;
export const SEITEN_BREITE = 1200;

/**
 * LibreOffice converting one file to PDF: headless, no first-start wizard, with a profile of its own
 * in the job's temporary folder (two conversions at once would otherwise fight over the user profile).
 */
export function officeArgumente(o: { eingabe: string; ausgabeVerzeichnis: string; profil: string }): string[] {
  return ['--headless', '--norestore', '--nolockcheck', '--nodefault', `-env:UserInstallation=file://${o.profil}`, '--convert-to', 'pdf', '--outdir', o.ausgabeVerzeichnis, o.eingabe];
}

/** pdftoppm rendering the first page as a PNG `width` pixels wide (the height follows the page). */
export function seitenArgumente(o: { eingabe: string; ausgabeOhneEndung: string; breite: number }): string[] {
  return ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', String(o.breite), '-scale-to-y', '-1', o.eingabe, o.ausgabeOhneEndung];
}

/** The page count pdfinfo prints (`Pages: 3`), or null. */
export function seitenAusPdfinfo(stdout: string): number | null {
  const m = /^Pages:\s+(\d+)\s*$/m.exec(stdout);
  const n = m ? Number.parseInt(m[1]!, 10) : NaN;
  return Number.isFinite(n) && n >= 1 ? n : null;
}

/** What a failed pdfinfo/pdftoppm says about the file (poppler prints "Incorrect password" for a locked PDF). */
export function deutePopplerFehler(stderr: string): VorschauGrund {
  return /incorrect password|password/i.test(stderr) ? 'passwortgeschuetzt' : 'defekt';
}
