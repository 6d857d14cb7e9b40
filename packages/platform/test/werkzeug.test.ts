// The one toolkit: cursor, If-Match, today, LIKE escaping, PostgreSQL error unwrapping.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, escapeLike, etag, heute, istEindeutigkeitsverletzung, pgFehler, pruefeIfMatch } from '../src/index.js';

describe('cursor', () => {
  it('round-trips and refuses garbage, cut-off and foreign cursors with UNGUELTIGER_CURSOR', () => {
    const c = encodeCursor({ t: '2026-01-02T03:04:05Z', id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    expect(decodeCursor(c, { t: 'zeitpunkt', id: 'uuid' })).toEqual({ t: '2026-01-02T03:04:05Z', id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    expect(decodeCursor(undefined, { id: 'uuid' })).toBeNull();
    for (const kaputt of ['!!', c.slice(0, 5), encodeCursor({ seq: 1 }), 'x'.repeat(501)]) {
      expect(() => decodeCursor(kaputt, { t: 'zeitpunkt', id: 'uuid' })).toThrow(expect.objectContaining({ code: 'UNGUELTIGER_CURSOR', statusCode: 400 }));
    }
  });
});

describe('If-Match', () => {
  it('428 without or with an empty header, 412 when stale, passes on the current ETag, a weak one or *', () => {
    for (const fehlt of [undefined, '', '  ']) expect(() => pruefeIfMatch(fehlt, etag('3'))).toThrow(expect.objectContaining({ statusCode: 428 }));
    expect(() => pruefeIfMatch('"2"', etag('3'))).toThrow(expect.objectContaining({ statusCode: 412 }));
    for (const ok of ['"3"', 'W/"3"', '"1", "3"', '*']) expect(() => pruefeIfMatch(ok, etag('3'))).not.toThrow();
  });
});

describe('heute', () => {
  it('is the calendar day in Berlin, not in UTC', () => {
    expect(heute(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(heute(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });
});

describe('escapeLike', () => {
  it('escapes the wildcards and the escape character', () => expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b'));
});

describe('pgFehler', () => {
  it('finds the PostgreSQL error inside the wrappers drizzle puts around it', () => {
    const innen = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'akte_az_key' });
    const aussen = new Error('Failed query', { cause: innen });
    expect(pgFehler(aussen)).toBe(innen);
    expect(istEindeutigkeitsverletzung(aussen)).toBe(true);
    expect(istEindeutigkeitsverletzung(aussen, 'anderer')).toBe(false);
    expect(pgFehler(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBeNull();
  });
});
