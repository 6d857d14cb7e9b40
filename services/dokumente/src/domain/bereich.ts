// HTTP Range (RFC 9110 §14): one byte range is served as 206; anything else is answered in full
// or, when it lies outside the content, with 416.

export type Bereichsentscheidung = { art: 'ganz' } | { art: 'teil'; start: number; ende: number } | { art: 'nicht-erfuellbar' };

const EINZEL = /^bytes=(\d{0,15})-(\d{0,15})$/;

export function entscheideBereich(range: string | undefined, groesse: number): Bereichsentscheidung {
  if (range === undefined) return { art: 'ganz' };
  const m = EINZEL.exec(range.trim());
  // several ranges, other units or malformed headers: the whole content (allowed by RFC 9110)
  if (!m) return { art: 'ganz' };
  const [, von, bis] = m as unknown as [string, string, string];
  if (von === '' && bis === '') return { art: 'ganz' };
  if (von === '') {
    // suffix: the last n bytes
    const n = Number(bis);
    if (n === 0 || groesse === 0) return { art: 'nicht-erfuellbar' };
    return { art: 'teil', start: Math.max(0, groesse - n), ende: groesse - 1 };
  }
  const start = Number(von);
  const ende = bis === '' ? groesse - 1 : Math.min(Number(bis), groesse - 1);
  if (bis !== '' && Number(bis) < start) return { art: 'ganz' };
  if (start >= groesse) return { art: 'nicht-erfuellbar' };
  return { art: 'teil', start, ende };
}

/** True when an If-None-Match header names `aktuell` (or `*`). */
export function passtEtag(header: string | undefined, aktuell: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((s) => s.trim().replace(/^W\//, ''))
    .some((t) => t === aktuell || t === '*');
}
