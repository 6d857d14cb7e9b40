// Which formats give text for the full-text index, and how raw text becomes index text.

const TEXTFORMATE = new Set(['text/plain', 'application/xml', 'text/xml', 'message/rfc822', 'application/vnd.ms-outlook']);

export const textExtrahierbar = (mimeType: string) => mimeType === 'application/pdf' || TEXTFORMATE.has(mimeType);

/** Index text from the bytes of a text format: decoded, markup removed, no NUL characters. */
export function textAusBytes(bytes: Uint8Array, mimeType: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = Buffer.from(bytes).toString('latin1');
  }
  if (mimeType.endsWith('xml')) text = text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, ' $1 ').replace(/<[^>]*>/g, ' ');
  return bereinige(text);
}

export const bereinige = (text: string) =>
  text
    .replace(/\u0000/g, '')
    .replace(/\s+/g, ' ')
    .trim();
