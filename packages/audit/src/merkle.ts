// The Merkle tree of a tenant's audit log (RFC 6962 / RFC 9162, section 2.1): leaf and node hashing,
// roots, inclusion proofs and their verification, and the signed checkpoint (C2SP tlog-checkpoint
// in a C2SP signed note, Ed25519). Stored subtrees are read through `knoten`; the sequencer writes them.
import { createHash, createPublicKey, hash, sign, verify, type KeyObject } from 'node:crypto';

const sha256 = (...teile: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const t of teile) h.update(t);
  return h.digest();
};
const EINS = Buffer.from([1]);

/** SHA-256 of the empty string: the root of the empty tree. */
export const LEERER_BAUM = sha256();

// One-shot hashing of one scratch buffer: a Hash object per leaf or node cost more than the hashing
// (the verification hashes every leaf and about as many nodes).
type Hashwert = ReturnType<typeof sha256>;
let blattPuffer = Buffer.allocUnsafe(64 * 1024);
const knotenPuffer = Buffer.allocUnsafe(65);

/** Leaf hash: SHA-256(0x00 || bytes). */
export function blattHash(bytes: Uint8Array | string): Hashwert {
  const max = 1 + (typeof bytes === 'string' ? bytes.length * 3 : bytes.length);
  if (max > blattPuffer.length) blattPuffer = Buffer.allocUnsafe(Math.max(max, blattPuffer.length * 2));
  blattPuffer[0] = 0;
  const n = typeof bytes === 'string' ? blattPuffer.write(bytes, 1, 'utf8') : (blattPuffer.set(bytes, 1), bytes.length);
  return hash('sha256', blattPuffer.subarray(0, 1 + n), 'buffer') as Hashwert;
}

/** Interior node: SHA-256(0x01 || left || right). */
export function knotenHash(links: Uint8Array, rechts: Uint8Array): Hashwert {
  if (links.length !== 32 || rechts.length !== 32) return sha256(EINS, links, rechts);
  knotenPuffer[0] = 1;
  knotenPuffer.set(links, 1);
  knotenPuffer.set(rechts, 33);
  return hash('sha256', knotenPuffer, 'buffer') as Hashwert;
}

/** Largest power of two smaller than n (n ≥ 2). */
const teilung = (n: number) => 2 ** Math.floor(Math.log2(n - 1));

/** A stored complete subtree: level (0 = leaves) and index within the level. */
export type Knotenleser = (ebene: number, index: number) => Buffer;

/** MTH(D[a:b]) from stored complete subtrees; `a` is aligned as in the RFC recursion. */
function teilbaum(a: number, b: number, knoten: Knotenleser): Buffer {
  const n = b - a;
  if ((n & (n - 1)) === 0 && a % n === 0) return knoten(Math.log2(n), a / n);
  const k = teilung(n);
  return knotenHash(teilbaum(a, a + k, knoten), teilbaum(a + k, b, knoten));
}

/** The root of the tree of the first `groesse` leaves. */
export function wurzelAus(groesse: number, knoten: Knotenleser): Buffer {
  return groesse === 0 ? LEERER_BAUM : teilbaum(0, groesse, knoten);
}

/** RFC 6962 PATH(m, D[a:b]): sibling hashes from the leaf upwards. */
function pfad(m: number, a: number, b: number, knoten: Knotenleser): Buffer[] {
  const n = b - a;
  if (n <= 1) return [];
  const k = teilung(n);
  return m < k ? [...pfad(m, a, a + k, knoten), teilbaum(a + k, b, knoten)] : [...pfad(m - k, a + k, b, knoten), teilbaum(a, a + k, knoten)];
}

/** The inclusion proof of leaf `index` (0-based) in the tree of size `groesse`. */
export function inklusionsPfad(index: number, groesse: number, knoten: Knotenleser): Buffer[] {
  if (!(index >= 0 && index < groesse)) throw new RangeError(`Blatt ${index} liegt nicht im Baum der Größe ${groesse}`);
  return pfad(index, 0, groesse, knoten);
}

/** The stored nodes a computation reads (its shape does not depend on the hashes): one query for all. */
export function benoetigteKnoten(rechnung: (knoten: Knotenleser) => unknown): [number, number][] {
  const gesehen = new Map<string, [number, number]>();
  rechnung((ebene, index) => {
    gesehen.set(`${ebene}:${index}`, [ebene, index]);
    return LEERER_BAUM;
  });
  return [...gesehen.values()];
}

/** RFC 9162, 2.1.3.2: does `pfad` lead from the leaf hash to `wurzel`? */
export function pruefeInklusion(index: number, groesse: number, blatt: Uint8Array, pfadHashes: readonly Uint8Array[], wurzel: Uint8Array): boolean {
  if (!(index >= 0 && index < groesse)) return false;
  let fn = index;
  let sn = groesse - 1;
  let r = Buffer.from(blatt);
  for (const p of pfadHashes) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = knotenHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = knotenHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(Buffer.from(wurzel));
}

/** RFC 6962 SUBPROOF(m, D[a:b], b): the nodes that prove the tree of the first m leaves is a prefix of D[a:b]. */
function teilnachweis(m: number, a: number, b: number, ganz: boolean, knoten: Knotenleser): Buffer[] {
  const n = b - a;
  if (m === n) return ganz ? [] : [teilbaum(a, b, knoten)];
  const k = teilung(n);
  return m <= k ? [...teilnachweis(m, a, a + k, ganz, knoten), teilbaum(a + k, b, knoten)] : [...teilnachweis(m - k, a + k, b, false, knoten), teilbaum(a, a + k, knoten)];
}

/** The consistency proof (RFC 6962 PROOF, RFC 9162 2.1.4) from the tree of size `alt` to the tree of size `neu`. */
export function konsistenzPfad(alt: number, neu: number, knoten: Knotenleser): Buffer[] {
  if (!(alt >= 0 && alt <= neu)) throw new RangeError(`Kein Konsistenznachweis von ${alt} nach ${neu}`);
  return alt === 0 || alt === neu ? [] : teilnachweis(alt, 0, neu, true, knoten);
}

/** RFC 9162, 2.1.4.2: does `pfad` prove that the tree (alt, altWurzel) is a prefix of the tree (neu, neuWurzel)? */
export function pruefeKonsistenz(alt: number, neu: number, pfadHashes: readonly Uint8Array[], altWurzel: Uint8Array, neuWurzel: Uint8Array): boolean {
  const gleich = (x: Uint8Array, y: Uint8Array) => Buffer.from(x).equals(Buffer.from(y));
  if (!(alt >= 0 && alt <= neu)) return false;
  if (alt === neu) return pfadHashes.length === 0 && gleich(altWurzel, neuWurzel);
  if (alt === 0) return pfadHashes.length === 0;
  if (pfadHashes.length === 0) return false;
  // a complete first tree is itself the first node of the path
  const pfad = (alt & (alt - 1)) === 0 ? [Buffer.from(altWurzel), ...pfadHashes.map((p) => Buffer.from(p))] : pfadHashes.map((p) => Buffer.from(p));
  let fn = alt - 1;
  let sn = neu - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = pfad[0]!;
  let sr = pfad[0]!;
  for (const c of pfad.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = knotenHash(c, fr);
      sr = knotenHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = knotenHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && gleich(fr, altWurzel) && gleich(sr, neuWurzel);
}

/**
 * Extends a tree of size `groesse` by `blaetter`: `rand` holds the complete subtrees along its right
 * edge (what `randKnoten` names). Returns the new nodes (every completed subtree) and the new edge.
 */
export function erweitere(groesse: number, rand: Map<string, Buffer>, blaetter: readonly Buffer[]) {
  const neu: { ebene: number; index: number; hash: Buffer }[] = [];
  const alle = new Map(rand);
  let n = groesse;
  for (const b of blaetter) {
    let ebene = 0;
    let index = n;
    let h = b;
    neu.push({ ebene, index, hash: h });
    alle.set(`${ebene}:${index}`, h);
    while (index % 2 === 1) {
      const links = alle.get(`${ebene}:${index - 1}`);
      if (!links) throw new Error(`Baumknoten ${ebene}:${index - 1} fehlt`);
      h = knotenHash(links, h);
      ebene++;
      index = (index - 1) / 2;
      neu.push({ ebene, index, hash: h });
      alle.set(`${ebene}:${index}`, h);
    }
    n++;
  }
  const knoten: Knotenleser = (e, i) => {
    const k = alle.get(`${e}:${i}`);
    if (!k) throw new Error(`Baumknoten ${e}:${i} fehlt`);
    return k;
  };
  return { neu, groesse: n, wurzel: wurzelAus(n, knoten), rand: new Map(randKnoten(n).map(([e, i]) => [`${e}:${i}`, knoten(e, i)])) };
}

/** The complete subtrees along the right edge of a tree of size n (its binary decomposition). */
export function randKnoten(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let ebene = Math.floor(Math.log2(Math.max(n, 1))); ebene >= 0; ebene--) {
    if (Math.floor(n / 2 ** ebene) % 2 === 1) out.push([ebene, Math.floor(n / 2 ** ebene) - 1]);
  }
  return out;
}

// --- checkpoints: C2SP tlog-checkpoint in a C2SP signed note, Ed25519 ---

/** The checkpoint body: origin, tree size, base64 root, each on its own line. */
export const checkpointText = (herkunft: string, groesse: number, wurzel: Uint8Array) => `${herkunft}\n${groesse}\n${Buffer.from(wurzel).toString('base64')}\n`;

const rohSchluessel = (key: KeyObject) => {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  // the last 32 bytes of the SPKI DER form are the raw Ed25519 key
  return pub.export({ type: 'spki', format: 'der' }).subarray(-32);
};

/** Signed-note key ID: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). */
export const notizSchluesselId = (name: string, key: KeyObject) => sha256(Buffer.from(`${name}\n`, 'utf8'), EINS, rohSchluessel(key)).subarray(0, 4);

/** The verifier key in the signed-note vkey form: `<name>+<hex key ID>+<base64(0x01 || key)>`. */
export const notizPruefschluessel = (name: string, key: KeyObject) => `${name}+${notizSchluesselId(name, key).toString('hex')}+${Buffer.concat([EINS, rohSchluessel(key)]).toString('base64')}`;

/** Signs `text` (ending in a newline) as a signed note with one signature line. */
export function signiereNotiz(text: string, name: string, privat: KeyObject): string {
  const signatur = sign(null, Buffer.from(text, 'utf8'), privat);
  return `${text}\n\u2014 ${name} ${Buffer.concat([notizSchluesselId(name, privat), signatur]).toString('base64')}\n`;
}

/** The body of a signed note if a signature line of `name` verifies with `key`, else null. */
export function oeffneNotiz(notiz: string, name: string, key: KeyObject): { text: string; groesse: number; wurzel: Buffer; herkunft: string } | null {
  const trenner = notiz.lastIndexOf('\n\n');
  if (trenner < 0) return null;
  const text = notiz.slice(0, trenner + 1);
  const id = notizSchluesselId(name, key);
  for (const zeile of notiz.slice(trenner + 2).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(zeile);
    if (!m || m[1] !== name) continue;
    const roh = Buffer.from(m[2]!, 'base64');
    if (roh.length !== 68 || !roh.subarray(0, 4).equals(id)) continue;
    if (!verify(null, Buffer.from(text, 'utf8'), key, roh.subarray(4))) continue;
    const [herkunft, groesse, wurzel] = text.split('\n');
    if (!herkunft || !/^\d+$/.test(groesse ?? '') || !wurzel) return null;
    return { text, herkunft, groesse: Number(groesse), wurzel: Buffer.from(wurzel, 'base64') };
  }
  return null;
}
