// Rebuilding a tenant's Merkle tree from the stored leaf bytes while the chain is checked, for the
// whole log in one pass or for one range of it (a worker of the parallel verification).
import { blattKodierung, kanonisch } from '@eakte/audit/kette';
import { blattHash, knotenHash, LEERER_BAUM } from '@eakte/audit/merkle';
import type { Kettenfehler } from './kette.js';
import type { StromEreignis } from '../repositories/strom-zeile.js';

/** A compact range: the roots of the complete subtrees covering a run of leaves, largest first. */
export type KompakterBereich = { ebene: number; hash: Buffer }[];

/** The root of a compact range that starts at leaf 0. */
export function wurzelVon(stapel: KompakterBereich): Buffer {
  if (!stapel.length) return LEERER_BAUM;
  let r = stapel[stapel.length - 1]!.hash;
  for (let i = stapel.length - 2; i >= 0; i--) r = knotenHash(stapel[i]!.hash, r);
  return r;
}

/** Appends a complete subtree to a compact range (its level is at most the smallest one there). */
export function anhaengen(stapel: KompakterBereich, ebene: number, hash: Buffer): void {
  let h = hash;
  let e = ebene;
  while (stapel.length && stapel[stapel.length - 1]!.ebene === e) {
    h = knotenHash(stapel.pop()!.hash, h);
    e++;
  }
  stapel.push({ ebene: e, hash: h });
}

// `,"zeit":"2026-11-27T08:15:00.123456Z"}`: the fixed-length tail of every leaf's canonical bytes
const ZEIT_ENDE = ',"zeit":"'.length + 27 + 2;

/**
 * Checks each event's leaf bytes (the canonical encoding of its fields, hashing to its stored leaf
 * hash) and extends a compact range by its leaf. The whole log starts at `start` 0 and compares the
 * root with the signed one at each size in `ziele`; a range starting at a multiple of a power of two
 * no smaller than itself records its compact range at each size in `marken` instead (the caller
 * knows what lies before). The chain encoding is spliced from the checked leaf bytes, so the fields
 * are encoded once per event, not twice.
 */
export class Baumpruefung {
  fehler: Kettenfehler | null = null;
  readonly stapel: KompakterBereich = [];
  /** The compact range of `start..size` at each size in `marken`. */
  readonly beiMarken = new Map<number, KompakterBereich>();
  private n: number;

  constructor(
    private readonly ziele: Map<number, Buffer[]> = new Map(),
    private readonly start = 0,
    private readonly marken: ReadonlySet<number> = new Set(),
    /** The range's last leaf: an event behind it is only read as the successor of the last. */
    private readonly bis = Infinity,
  ) {
    this.n = start;
  }

  /** The tree's size so far (the leaves before `start` included). */
  get groesse() {
    return this.n;
  }

  private blatt(e: StromEreignis): Buffer | Kettenfehler {
    if (e.blattDaten == null) {
      // an event from before the tree: its leaf bytes are its chain encoding
      try {
        e.kettenKodierung = kanonisch(e);
      } catch (err) {
        return { sequenz: e.sequenz, art: 'hash', meldung: `Ereignis ${e.sequenz} ist nicht kanonisch kodierbar: ${(err as Error).message}` };
      }
      return blattHash(e.kettenKodierung);
    }
    const { sequenz: _s, hash: _h, blattDaten, blattHash: gespeichert, kettenKodierung: _k, ...felder } = e;
    let erwartet: string;
    try {
      erwartet = blattKodierung(felder);
    } catch (err) {
      return { sequenz: e.sequenz, art: 'hash', meldung: `Ereignis ${e.sequenz} ist nicht kanonisch kodierbar: ${(err as Error).message}` };
    }
    const h = blattHash(blattDaten);
    if (erwartet !== blattDaten || !gespeichert || !h.equals(gespeichert)) {
      return {
        sequenz: e.sequenz,
        art: 'hash',
        meldung: `Das Blatt von Ereignis ${e.sequenz} passt nicht zu seinem Inhalt`,
        erwartet: h.toString('hex'),
        gefunden: gespeichert ? Buffer.from(gespeichert).toString('hex') : null,
      };
    }
    // the leaf bytes are the fields' canonical encoding: the chain's adds `sequenz` just before `zeit`
    e.kettenKodierung = `${blattDaten.slice(0, -ZEIT_ENDE)},"sequenz":${e.sequenz}${blattDaten.slice(-ZEIT_ENDE)}`;
    return h;
  }

  /**
   * Takes one event in stream order. An event that is not the next leaf (a gap, a duplicate) is
   * skipped: the chain check names it. The tree stops at its first problem.
   */
  nimm(e: StromEreignis): void {
    if (this.fehler || e.sequenz !== this.n + 1 || e.sequenz > this.bis) return;
    const b = this.blatt(e);
    if (!Buffer.isBuffer(b)) {
      this.fehler = b;
      return;
    }
    anhaengen(this.stapel, 0, b);
    this.n++;
    if (this.marken.has(this.n)) this.beiMarken.set(this.n, [...this.stapel]);
    const signiert = this.ziele.get(this.n);
    if (signiert) {
      const w = wurzelVon(this.stapel);
      const abweichend = signiert.find((x) => !x.equals(w));
      if (abweichend) {
        this.fehler = {
          sequenz: this.n,
          art: 'checkpoint',
          meldung: `Der Baum bis Ereignis ${this.n} weicht vom signierten Baum-Checkpoint ab`,
          erwartet: abweichend.toString('hex'),
          gefunden: w.toString('hex'),
        };
      }
    }
  }

  async *durch(ereignisse: AsyncIterable<StromEreignis>): AsyncGenerator<StromEreignis> {
    for await (const e of ereignisse) {
      this.nimm(e);
      yield e;
    }
  }
}
