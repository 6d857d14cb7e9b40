// Tenant settings and their platform defaults; stored settings override these key by key.
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
  aktenzeichenRegel: '{kennzeichen}-{nr:4}/{jahr}',
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

export function wirksameEinstellungen(gespeichert: unknown): MandantEinstellungen {
  const stored = typeof gespeichert === 'object' && gespeichert !== null ? (gespeichert as Partial<MandantEinstellungen>) : {};
  return { ...STANDARD_EINSTELLUNGEN, ...stored };
}
