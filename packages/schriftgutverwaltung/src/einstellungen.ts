// Tenant settings (docs/domaene.md): one validating parser for what is stored in
// `plattform.mandant.einstellungen`. Every reader calls `einstellungenAus`; unknown keys are
// dropped and an invalid value falls back to its default, key by key, so a stored setting can
// never reach a service in a shape the type does not promise.
import { pruefeRegel, STANDARD_REGEL } from './kennzeichen.js';

export interface MandantEinstellungen {
  zustaendigesArchiv: string | null;
  aktenzeichenRegel: string;
  erlaubteFormate: string[];
  maxUploadGroesse: number;
  sichtbarkeit: 'behoerde' | 'organisationseinheit';
  hoehereEinstufungenErlaubt: boolean;
  /** Akte that receives every Vernichtungsprotokoll as a Dokument (see the contract). */
  aussonderungAblageAkte: string | null;
}

export const STANDARD_EINSTELLUNGEN: MandantEinstellungen = {
  zustaendigesArchiv: null,
  aktenzeichenRegel: STANDARD_REGEL,
  // PDF (incl. PDF/A), TIFF, PNG, JPEG, text, XML, ODF, OOXML, e-mail
  erlaubteFormate: [
    'application/pdf',
    'image/tiff',
    'image/png',
    'image/jpeg',
    'text/plain',
    'application/xml',
    'text/xml',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'message/rfc822',
    'application/vnd.ms-outlook',
  ],
  maxUploadGroesse: 512 * 1024 * 1024,
  sichtbarkeit: 'behoerde',
  hoehereEinstufungenErlaubt: false,
  aussonderungAblageAkte: null,
};

export type Einstellungen = MandantEinstellungen;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export function einstellungenAus(gespeichert: unknown): Einstellungen {
  const e = gespeichert && typeof gespeichert === 'object' && !Array.isArray(gespeichert) ? (gespeichert as Record<string, unknown>) : {};
  const d = STANDARD_EINSTELLUNGEN;
  const regel = text(e.aktenzeichenRegel);
  return {
    zustaendigesArchiv: e.zustaendigesArchiv === null ? null : (text(e.zustaendigesArchiv) ?? d.zustaendigesArchiv),
    // kept as stored even when it breaks the rule: filing an Akte then says so (422) instead of numbering silently by the default
    aktenzeichenRegel: regel ?? d.aktenzeichenRegel,
    erlaubteFormate: Array.isArray(e.erlaubteFormate) && e.erlaubteFormate.every((f) => typeof f === 'string' && f !== '') ? [...(e.erlaubteFormate as string[])] : [...d.erlaubteFormate],
    maxUploadGroesse: Number.isSafeInteger(e.maxUploadGroesse) && (e.maxUploadGroesse as number) > 0 ? (e.maxUploadGroesse as number) : d.maxUploadGroesse,
    sichtbarkeit: e.sichtbarkeit === 'organisationseinheit' ? 'organisationseinheit' : e.sichtbarkeit === 'behoerde' ? 'behoerde' : d.sichtbarkeit,
    hoehereEinstufungenErlaubt: typeof e.hoehereEinstufungenErlaubt === 'boolean' ? e.hoehereEinstufungenErlaubt : d.hoehereEinstufungenErlaubt,
    aussonderungAblageAkte: e.aussonderungAblageAkte === null ? null : (text(e.aussonderungAblageAkte) ?? d.aussonderungAblageAkte),
  };
}

/** Field errors of settings about to be stored (`basis` is the JSON pointer of the settings object). */
export function einstellungsFehler(teil: Partial<Record<keyof MandantEinstellungen, unknown>>, basis = '/einstellungen'): { ort: 'body'; feld: string; meldung: string }[] {
  const fehler: { ort: 'body'; feld: string; meldung: string }[] = [];
  if (typeof teil.aktenzeichenRegel === 'string') {
    const f = pruefeRegel(teil.aktenzeichenRegel);
    if (f) fehler.push({ ort: 'body', feld: `${basis}/aktenzeichenRegel`, meldung: f });
  }
  return fehler;
}
