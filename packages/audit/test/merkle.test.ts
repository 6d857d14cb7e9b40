// The tree format against the published RFC 6962 test vectors (transparency-dev/merkle, testonly:
// the leaf inputs, every complete subtree, the roots of sizes 0..8 and reference inclusion proofs;
// the consistency proofs and their corruptions from proof/verify_test.go, commit 02194e9a).
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  blattHash,
  checkpointText,
  erweitere,
  inklusionsPfad,
  konsistenzPfad,
  knotenHash,
  LEERER_BAUM,
  notizPruefschluessel,
  oeffneNotiz,
  pruefeInklusion,
  pruefeKonsistenz,
  randKnoten,
  signiereNotiz,
  wurzelAus,
  type Knotenleser,
} from '../src/index.js';

const LEAF_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const NODE_HASHES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  ['d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION: { index: number; size: number; want: string[] }[] = [
  { index: 0, size: 1, want: [] },
  { index: 0, size: 2, want: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7'] },
  { index: 1, size: 2, want: ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'] },
  { index: 2, size: 3, want: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    want: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    index: 0,
    size: 8,
    want: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    want: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

// transparency-dev/merkle proof/verify_test.go `consistencyProofs` (roots are those of ROOTS)
const KONSISTENZ: { alt: number; neu: number; want: string[] }[] = [
  { alt: 1, neu: 1, want: [] },
  {
    alt: 1,
    neu: 8,
    want: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    alt: 6,
    neu: 8,
    want: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { alt: 2, neu: 5, want: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
  {
    alt: 6,
    neu: 7,
    want: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const blaetter = LEAF_INPUTS.map((i) => blattHash(Buffer.from(i, 'hex')));

/** The tree grown leaf by leaf the way the sequencer does it, all nodes kept. */
function gewachsen(n: number) {
  const alle = new Map<string, Buffer>();
  let rand = new Map<string, Buffer>();
  let groesse = 0;
  for (const b of blaetter.slice(0, n)) {
    const r = erweitere(groesse, rand, [b]);
    for (const k of r.neu) alle.set(`${k.ebene}:${k.index}`, k.hash);
    ({ groesse, rand } = r);
  }
  const knoten: Knotenleser = (e, i) => alle.get(`${e}:${i}`) ?? Buffer.alloc(0);
  return { alle, knoten };
}

describe('RFC 6962 hashing', () => {
  it('hashes the empty tree, leaves and nodes as the published vectors', () => {
    expect(hex(LEERER_BAUM)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(blattHash(Buffer.alloc(0)))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(hex(blattHash('L123456'))).toBe('395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56');
    expect(hex(knotenHash(Buffer.from('N123'), Buffer.from('N456')))).toBe('aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb');
  });

  it('stores every complete subtree of the reference tree and computes the root of every size', () => {
    const { alle } = gewachsen(8);
    expect([0, 1, 2, 3].map((e) => NODE_HASHES[e]!.map((_, i) => hex(alle.get(`${e}:${i}`)!)))).toEqual(NODE_HASHES);
    for (let n = 0; n <= 8; n++) {
      const { knoten } = gewachsen(n);
      expect(hex(wurzelAus(n, knoten)), `size ${n}`).toBe(ROOTS[n]);
      const r = erweitere(0, new Map(), blaetter.slice(0, n));
      expect(hex(r.wurzel)).toBe(ROOTS[n]);
      expect([...r.rand.keys()]).toEqual(randKnoten(n).map(([e, i]) => `${e}:${i}`));
    }
  });

  it.each(INCLUSION)('inclusion proof of leaf $index in size $size is the reference proof and verifies', ({ index, size, want }) => {
    const { knoten } = gewachsen(size);
    const pfad = inklusionsPfad(index, size, knoten);
    expect(pfad.map(hex)).toEqual(want);
    const wurzel = Buffer.from(ROOTS[size]!, 'hex');
    expect(pruefeInklusion(index, size, blaetter[index]!, pfad, wurzel)).toBe(true);
    // a wrong leaf, a wrong position and a changed path element are refused
    expect(pruefeInklusion(index, size, blaetter[(index + 1) % 8]!, pfad, wurzel)).toBe(false);
    if (size > 1) expect(pruefeInklusion((index + 1) % size, size, blaetter[index]!, pfad, wurzel)).toBe(false);
    if (pfad.length) expect(pruefeInklusion(index, size, blaetter[index]!, [Buffer.alloc(32), ...pfad.slice(1)], wurzel)).toBe(false);
  });
});

describe('RFC 6962 consistency proofs', () => {
  const wurzel = (n: number) => Buffer.from(ROOTS[n]!, 'hex');
  it.each(KONSISTENZ)('the proof from size $alt to $neu is the reference proof and verifies; its corruptions do not', ({ alt, neu, want }) => {
    const pfad = konsistenzPfad(alt, neu, gewachsen(neu).knoten);
    expect(pfad.map(hex)).toEqual(want);
    expect(pruefeKonsistenz(alt, neu, pfad, wurzel(alt), wurzel(neu))).toBe(true);
    if (!pfad.length) return;
    // the probes of verify_test.go corruptConsistencyProof
    const einige = (x: Uint8Array) => Buffer.from(x);
    const abc = Buffer.from('abacaba000000000000000000000000000000000000000000060061e00123456', 'hex');
    const proben: [number, number, Uint8Array, Uint8Array, Uint8Array[], string][] = [
      [alt - 1, neu, wurzel(alt), wurzel(neu), pfad, 'size1 - 1'],
      [alt + 1, neu, wurzel(alt), wurzel(neu), pfad, 'size1 + 1'],
      [alt ^ 2, neu, wurzel(alt), wurzel(neu), pfad, 'size1 ^ 2'],
      [alt, neu * 2, wurzel(alt), wurzel(neu), pfad, 'size2 * 2'],
      [alt, Math.floor(neu / 2), wurzel(alt), wurzel(neu), pfad, 'size2 / 2'],
      [alt, neu, Buffer.from('WrongRoot'), wurzel(neu), pfad, 'wrong root1'],
      [alt, neu, wurzel(alt), Buffer.from('WrongRoot'), pfad, 'wrong root2'],
      [alt, neu, wurzel(neu), wurzel(alt), pfad, 'swapped roots'],
      [alt, neu, wurzel(alt), wurzel(neu), [], 'empty proof'],
      [alt, neu, wurzel(alt), wurzel(neu), [...pfad, Buffer.alloc(0)], 'trailing garbage'],
      [alt, neu, wurzel(alt), wurzel(neu), [...pfad, wurzel(alt)], 'trailing root1'],
      [alt, neu, wurzel(alt), wurzel(neu), [...pfad, wurzel(neu)], 'trailing root2'],
      [alt, neu, wurzel(alt), wurzel(neu), [Buffer.alloc(0), ...pfad], 'preceding garbage'],
      [alt, neu, wurzel(alt), wurzel(neu), [wurzel(alt), ...pfad], 'preceding root1'],
      [alt, neu, wurzel(alt), wurzel(neu), [wurzel(neu), ...pfad], 'preceding root2'],
      [alt, neu, wurzel(alt), wurzel(neu), [pfad[0]!, ...pfad], 'preceding proof[0]'],
      [alt, neu, wurzel(alt), wurzel(neu), pfad.slice(0, -1), 'truncated proof'],
      [alt, neu, wurzel(alt), wurzel(neu), [abc, ...pfad.slice(1)], 'replaced proof[0]'],
      ...pfad.map((_, i): [number, number, Uint8Array, Uint8Array, Uint8Array[], string] => {
        const p = pfad.map(einige);
        p[i] = Buffer.from(p[i]!);
        p[i]![0]! ^= 16;
        return [alt, neu, wurzel(alt), wurzel(neu), p, `modified proof[${i}] bit 4`];
      }),
    ];
    const angenommen = proben.filter(([a, n, w1, w2, p]) => a >= 0 && pruefeKonsistenz(a, n, p, w1, w2)).map((p) => p[5]);
    expect(angenommen).toEqual([]);
  });

  it('accepts the trivial cases and refuses time travel and non-empty proofs where none is due (verify_test.go TestVerifyConsistency)', () => {
    const r1 = Buffer.from("don't care 1");
    const r2 = Buffer.from("don't care 2");
    expect(pruefeKonsistenz(0, 0, [], r1, r2)).toBe(false);
    expect(pruefeKonsistenz(1, 1, [], r1, r2)).toBe(false);
    expect(pruefeKonsistenz(0, 0, [], r1, r1)).toBe(true);
    expect(pruefeKonsistenz(0, 1, [], r1, r2)).toBe(true);
    expect(pruefeKonsistenz(1, 1, [], r2, r2)).toBe(true);
    expect(pruefeKonsistenz(1, 0, [], r1, r2)).toBe(false);
    expect(pruefeKonsistenz(2, 1, [], r1, r2)).toBe(false);
    expect(pruefeKonsistenz(1, 2, [], r1, r2)).toBe(false);
    expect(pruefeKonsistenz(0, 1, [LEERER_BAUM], LEERER_BAUM, LEERER_BAUM)).toBe(false);
    expect(pruefeKonsistenz(1, 1, [LEERER_BAUM], LEERER_BAUM, LEERER_BAUM)).toBe(false);
  });

  it("proves every pair of sizes of the reference tree and no pair against another size's root", () => {
    for (let neu = 1; neu <= 8; neu++) {
      const { knoten } = gewachsen(neu);
      for (let alt = 1; alt <= neu; alt++) {
        const pfad = konsistenzPfad(alt, neu, knoten);
        expect(pruefeKonsistenz(alt, neu, pfad, wurzel(alt), wurzel(neu)), `${alt}→${neu}`).toBe(true);
        if (alt > 1) expect(pruefeKonsistenz(alt, neu, pfad, wurzel(alt - 1), wurzel(neu)), `${alt}→${neu} mit falscher alter Wurzel`).toBe(false);
      }
    }
  });
});

describe('signed checkpoint (C2SP signed note)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  it('signs origin, size and base64 root and opens only with the right key and an unchanged body', () => {
    const text = checkpointText('eakte.protokoll/m-1', 8, Buffer.from(ROOTS[8]!, 'hex'));
    expect(text).toBe('eakte.protokoll/m-1\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n');
    const notiz = signiereNotiz(text, 'eakte.protokoll', privateKey);
    expect(notiz).toMatch(/^eakte\.protokoll\/m-1\n8\n\S+\n\n\u2014 eakte\.protokoll [A-Za-z0-9+/]{91}=\n$/);
    expect(oeffneNotiz(notiz, 'eakte.protokoll', publicKey)).toMatchObject({ groesse: 8, herkunft: 'eakte.protokoll/m-1' });
    expect(oeffneNotiz(notiz.replace('\n8\n', '\n9\n'), 'eakte.protokoll', publicKey)).toBeNull();
    expect(oeffneNotiz(notiz, 'eakte.protokoll', generateKeyPairSync('ed25519').publicKey)).toBeNull();
    expect(notizPruefschluessel('eakte.protokoll', publicKey)).toMatch(/^eakte\.protokoll\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
  });
});
