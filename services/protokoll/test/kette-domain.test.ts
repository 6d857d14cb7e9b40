import { GENESIS_HASH, kanonisch, kanonischesJson, kettenHash, type KettenEreignis } from '@eakte/audit';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pruefeCheckpointSignatur, pruefeKette, schluesselIdVon, signiereCheckpoint, type GespeichertesEreignis } from '../src/domain/kette.js';

const M = '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a';
function kette(n: number): GespeichertesEreignis[] {
  const out: GespeichertesEreignis[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e: KettenEreignis = {
      mandantId: M,
      sequenz: i,
      zeit: `2026-11-27T08:00:${String(i).padStart(2, '0')}.000001Z`,
      akteurSub: 'u',
      akteurName: 'Ü',
      akteurRollen: ['registratur'],
      akteurClient: null,
      aktion: 'akte.erstellt',
      objektTyp: 'akte',
      objektId: `o${i}`,
      aktenzeichen: '2.1-0007/2026',
      akteId: null,
      aenderungen: [{ feld: 'betreff', alt: null, neu: `B${i}` }],
      ergebnis: 'erfolg',
      details: { z: 1, a: [2, { y: true, b: null }] },
      requestId: null,
      clientIp: null,
    };
    const hash = kettenHash(prev, kanonisch(e));
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}
const opts = { von: 1, vorgaengerHash: GENESIS_HASH };

describe('canonical encoding', () => {
  it('sorts keys at every level, has no whitespace and covers exactly the fixed field list', () => {
    expect(kanonischesJson({ b: 1, a: { d: [3, { f: 'ä', e: null }], c: 'x"y' } })).toBe('{"a":{"c":"x\\"y","d":[3,{"e":null,"f":"ä"}]},"b":1}');
    const [e] = kette(1);
    const text = kanonisch({ ...e!, extra: 'nicht enthalten' } as never);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'aenderungen',
      'akteId',
      'aktenzeichen',
      'akteurClient',
      'akteurName',
      'akteurRollen',
      'akteurSub',
      'aktion',
      'clientIp',
      'details',
      'ergebnis',
      'mandantId',
      'objektId',
      'objektTyp',
      'requestId',
      'sequenz',
      'zeit',
    ]);
    expect(text).not.toContain('hash');
    expect(text).not.toMatch(/\s/);
  });

  it('rejects times that are not RFC 3339 UTC with microseconds', () => {
    const [e] = kette(1);
    expect(() => kanonisch({ ...e!, zeit: '2026-11-27T08:00:01.000Z' })).toThrow(/zeit/);
  });

  it('has a stable known vector', () => {
    // sha256sum of 32 zero bytes followed by {"a":1}
    expect(kettenHash(GENESIS_HASH, '{"a":1}')).toBe('b06a229070741292512e8760f470dd7a4c46ccfdf253df781d88dabe58c1ccb1');
  });
});

describe('pruefeKette', () => {
  it('accepts an intact chain and reports its end', async () => {
    const k = kette(5);
    expect(await pruefeKette(k, { ...opts, kopf: { sequenz: 5, hash: k[4]!.hash } })).toEqual({ gueltig: true, geprueft: 5, vonSequenz: 1, bisSequenz: 5, letzterHash: k[4]!.hash, fehler: null });
  });

  it('names the edited event (hash)', async () => {
    const k = kette(5);
    k[2] = { ...k[2]!, akteurName: 'Mallory' };
    expect((await pruefeKette(k, opts)).fehler).toMatchObject({ sequenz: 3, art: 'hash' });
  });

  it('names the missing event (gap)', async () => {
    const k = kette(5).filter((e) => e.sequenz !== 3);
    expect((await pruefeKette(k, opts)).fehler).toMatchObject({ sequenz: 3, art: 'luecke' });
  });

  it('names the first of two swapped events (reordering)', async () => {
    const k = kette(5);
    const swapped = [k[0]!, { ...k[2]!, sequenz: 2 }, { ...k[1]!, sequenz: 3 }, k[3]!, k[4]!];
    expect((await pruefeKette(swapped, opts)).fehler).toMatchObject({ sequenz: 2, art: 'reihenfolge' });
  });

  it('detects a cut tail against the head and against a signed checkpoint', async () => {
    const k = kette(5);
    expect((await pruefeKette(k.slice(0, 3), { ...opts, kopf: { sequenz: 5, hash: k[4]!.hash } })).fehler).toMatchObject({ sequenz: 4, art: 'abgeschnitten' });
    // an old backup: head consistent with the shortened chain, but a checkpoint knows better
    expect((await pruefeKette(k.slice(0, 3), { ...opts, kopf: { sequenz: 3, hash: k[2]!.hash }, checkpoints: [{ sequenz: 4, hash: k[3]!.hash }] })).fehler).toMatchObject({
      sequenz: 4,
      art: 'abgeschnitten',
    });
  });

  it('detects a consistently rewritten chain at a checkpoint', async () => {
    const k = kette(4);
    expect((await pruefeKette(k, { ...opts, checkpoints: [{ sequenz: 2, hash: 'f'.repeat(64) }] })).fehler).toMatchObject({ sequenz: 2, art: 'checkpoint' });
  });

  it('checks a range from the stored hash before it', async () => {
    const k = kette(6);
    const r = await pruefeKette(k.slice(2, 4), { von: 3, vorgaengerHash: k[1]!.hash, bis: 4 });
    expect(r).toMatchObject({ gueltig: true, geprueft: 2, vonSequenz: 3, bisSequenz: 4 });
  });
});

describe('checkpoint signatures', () => {
  it('verify with the public key and fail when any signed field changes', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const c = { mandantId: M, sequenz: 7, hash: 'a'.repeat(64), zeit: '2026-11-27T08:00:00.000000Z' };
    const sig = signiereCheckpoint(privateKey, c);
    expect(pruefeCheckpointSignatur(publicKey, c, sig)).toBe(true);
    expect(pruefeCheckpointSignatur(publicKey, { ...c, sequenz: 8 }, sig)).toBe(false);
    expect(pruefeCheckpointSignatur(publicKey, { ...c, hash: 'b'.repeat(64) }, sig)).toBe(false);
    expect(schluesselIdVon(privateKey)).toBe(schluesselIdVon(publicKey));
  });
});
