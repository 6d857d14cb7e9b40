// The xdomea code list "Dateiformat" (urn:xoev-de:xdomea:codeliste:dateiformat) for the Format of
// every Primärdokument in 0503. Version 1.0 of the list, as published by the AG xdomea and as the
// Thuringian state archive's own tooling writes it: every code is known to the receiving side.
// Formats outside the list go as 100 "Sonstiges" with their name in `SonstigerName`.

export const DATEIFORMAT_LISTE = 'dateiformat';
export const DATEIFORMAT_LISTENVERSION = '1.0';
export const DATEIFORMAT_SONSTIGES = '100';

/** Extension → code, straight from the list (each code names exactly one extension). */
const NACH_ENDUNG: Readonly<Record<string, string>> = {
  bmp: '001',
  csv: '002',
  doc: '003', // Word for Windows (004/005: MS-DOS/Macintosh variants, not told apart by extension)
  eml: '006',
  htm: '007',
  html: '008',
  jpe: '009',
  jpeg: '010',
  jpg: '011',
  msg: '012',
  odp: '013',
  ods: '014',
  odt: '015',
  otp: '016',
  ots: '017',
  pdf: '018', // 044 is PDF/A: only when the file is known to conform (see `pdfA`)
  png: '019',
  ppt: '020',
  ps: '021',
  rtf: '022',
  tif: '023',
  tiff: '024',
  wps: '025',
  xlc: '026',
  xlm: '027',
  xls: '028',
  xlw: '029',
  xml: '030',
  xsd: '031',
  dot: '032',
  pot: '033',
  xlt: '034',
  docx: '035',
  xlsx: '036',
  pptx: '037',
  dotx: '038',
  xltx: '039',
  potx: '040',
  dtd: '041',
  mpp: '042',
  ott: '043',
  txt: '045',
};

/** Media type → extension of the list, for content whose file name says nothing useful. */
const NACH_TYP: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/html': 'html',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'image/bmp': 'bmp',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'application/rtf': 'rtf',
  'application/postscript': 'ps',
  'message/rfc822': 'eml',
  'application/vnd.ms-outlook': 'msg',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.ms-project': 'mpp',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

export interface Dateiformat {
  code: string;
  /** Set for 100 "Sonstiges": what the format is. */
  sonstigerName?: string;
}

/**
 * The code for a file: by its extension when the list has it (the archive checks the ZIP entry's
 * extension against the code), else by its detected media type, else 100 with the extension (or
 * media type) as `SonstigerName`. `pdfA` marks a PDF known to conform to PDF/A (code 044).
 */
export function dateiformat(endung: string, mimeType?: string | null, opts: { pdfA?: boolean } = {}): Dateiformat {
  const e = endung.trim().toLowerCase().replace(/^\./, '');
  const typ = mimeType?.split(';')[0]!.trim().toLowerCase() ?? '';
  const ausTyp = NACH_TYP[typ];
  const code = NACH_ENDUNG[e] ?? (ausTyp ? NACH_ENDUNG[ausTyp] : undefined);
  if (code === '018' && opts.pdfA) return { code: '044' };
  if (code) return { code };
  return { code: DATEIFORMAT_SONSTIGES, sonstigerName: e || typ || 'unbekannt' };
}
