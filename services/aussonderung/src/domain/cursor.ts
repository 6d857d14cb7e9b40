// Opaque keyset cursors: base64url of a small JSON object, checked when read back.
export function kodiereCursor(werte: Record<string, string>): string {
  return Buffer.from(JSON.stringify(werte), 'utf8').toString('base64url');
}

export function dekodiereCursor<T>(cursor: string, pruefe: (c: Record<string, unknown>) => T | null): T | null {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!c || typeof c !== 'object' || Array.isArray(c)) return null;
    return pruefe(c as Record<string, unknown>);
  } catch {
    return null;
  }
}
