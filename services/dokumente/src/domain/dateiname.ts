// File names are metadata only: shown to people and sent back on download, never used as a
// storage key. What remains is a plain name without path, control or direction-changing characters.

export const MAX_DATEINAME = 200;
const RESERVIERT = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Sanitises a client's file name; `ersatz` when nothing usable remains. */
export function bereinigeDateiname(roh: string | undefined | null, ersatz = 'dokument'): string {
  let name = (roh ?? '').normalize('NFC');
  // path parts of any platform
  name = name.split(/[/\\]/).pop() ?? '';
  // control characters, format characters (bidi overrides, zero-width, BOM), line and paragraph separators
  name = name.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '');
  // characters no common file system accepts
  name = name.replace(/[<>:"|?*]/g, '_');
  name = name.replace(/\s+/gu, ' ').trim();
  // no hidden files, no trailing dots (Windows)
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (RESERVIERT.test(name)) name = `_${name}`;
  const zeichen = [...name];
  if (zeichen.length > MAX_DATEINAME) {
    const punkt = name.lastIndexOf('.');
    const endung = punkt > 0 ? [...name.slice(punkt)] : [];
    const behalten = endung.length > 0 && endung.length <= 16 ? endung : [];
    name =
      zeichen
        .slice(0, MAX_DATEINAME - behalten.length)
        .join('')
        .trimEnd() + behalten.join('');
  }
  return name.length > 0 ? name : ersatz;
}
