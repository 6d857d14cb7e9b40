import { describe, expect, it } from 'vitest';
import { kanonisch, kanonischReferenz, type KettenEreignis } from '../src/index.js';

const basis: KettenEreignis = {
  mandantId: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a',
  sequenz: 12,
  zeit: '2026-11-27T08:15:00.123456Z',
  akteurSub: 'u',
  akteurName: 'Jörg „Ö“ \\ "x"',
  akteurRollen: ['registratur', 'pruefung'],
  akteurClient: null,
  aktion: 'akte.zda',
  objektTyp: 'akte',
  objektId: null,
  aktenzeichen: null,
  akteId: null,
  aenderungen: [],
  ergebnis: 'erfolg',
  details: {},
  requestId: null,
  clientIp: null,
};

describe('kanonisch', () => {
  it('equals the canonical JSON of the field object for varied events', () => {
    const varianten: Partial<KettenEreignis>[] = [
      {},
      { akteurClient: 'fv', objektId: 'o', aktenzeichen: '2.1-0007/2026', akteId: 'a', requestId: 'r', clientIp: '::1' },
      { aenderungen: [{ feld: 'frist', alt: 10, neu: { jahre: 30, grund: 'Ä', liste: [1.5, null, true] } }] },
      { details: { z: 1, a: { y: [{ b: 2, a: 1 }], x: '\u0001\n😀' }, leer: {} } },
      { akteurRollen: [] },
    ];
    for (const v of varianten) {
      const e = { ...basis, ...v };
      expect(kanonisch(e)).toBe(kanonischReferenz(e));
      expect(JSON.parse(kanonisch(e))).toEqual(JSON.parse(kanonischReferenz(e)));
    }
  });

  it('refuses events that cannot be encoded canonically', () => {
    expect(() => kanonisch({ ...basis, zeit: '2026-11-27T08:15:00Z' })).toThrow(/zeit/);
    expect(() => kanonisch({ ...basis, sequenz: 0 })).toThrow(/sequenz/);
    expect(() => kanonisch({ ...basis, aktion: 5 as never })).toThrow(/aktion/);
  });
});
