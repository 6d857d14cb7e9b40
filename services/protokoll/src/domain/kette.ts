// Verification of a tenant's audit chain as plain functions: re-hash every event in sequence
// order, compare with the chain head and the signed checkpoints, name the first bad sequence.
import { kanonisch, kanonischesJson, kettenHash, type KettenEreignis } from '@eakte/audit/kette';
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export interface GespeichertesEreignis extends KettenEreignis {
  hash: string;
  /** The chain encoding when already known (spliced from the stored leaf bytes): spares encoding the fields again. */
  kettenKodierung?: string;
}

export type Fehlerart = 'hash' | 'luecke' | 'reihenfolge' | 'abgeschnitten' | 'checkpoint' | 'abzweigung' | 'signatur';

export interface Kettenfehler {
  sequenz: number;
  art: Fehlerart;
  meldung: string;
  erwartet?: string | null;
  gefunden?: string | null;
}

export interface Kettenanker {
  sequenz: number;
  hash: string;
}

export interface PruefOptionen {
  /** First sequence number expected (1 for the whole chain). */
  von: number;
  /** Hash before `von`: the genesis hash for 1, else the stored hash of `von - 1`. */
  vorgaengerHash: string;
  /** Last sequence number to check; undefined = up to the chain head. */
  bis?: number;
  /** The tenant's chain head, when the range reaches it. */
  kopf?: Kettenanker | null;
  /** Signed checkpoints (already signature-checked): the chain must pass through each. */
  checkpoints?: Kettenanker[];
}

export interface Pruefergebnis {
  gueltig: boolean;
  geprueft: number;
  vonSequenz: number;
  bisSequenz: number | null;
  letzterHash: string | null;
  fehler: Kettenfehler | null;
}

/**
 * Checks events given in ascending sequence order (a stream: memory stays constant). Stops at the
 * first problem. A content mismatch is reported as `reihenfolge` when the event is later in time
 * than its successor (times grow with the sequence, so a swapped row shows up that way).
 */
export async function pruefeKette(ereignisse: AsyncIterable<GespeichertesEreignis> | Iterable<GespeichertesEreignis>, o: PruefOptionen): Promise<Pruefergebnis> {
  const anker = new Map((o.checkpoints ?? []).map((c) => [c.sequenz, c.hash]));
  let erwartet = o.von;
  let vorgaenger = o.vorgaengerHash;
  let geprueft = 0;
  let letzter: GespeichertesEreignis | null = null;
  const ergebnis = (fehler: Kettenfehler | null): Pruefergebnis => ({
    gueltig: fehler === null,
    geprueft,
    vonSequenz: o.von,
    bisSequenz: letzter?.sequenz ?? null,
    letzterHash: letzter?.hash ?? null,
    fehler,
  });

  const einzeln = (e: GespeichertesEreignis, naechstes: GespeichertesEreignis | null): Kettenfehler | null => {
    if (e.sequenz < erwartet) {
      return { sequenz: e.sequenz, art: 'reihenfolge', meldung: `Sequenz ${e.sequenz} kommt doppelt oder außer der Reihe vor`, erwartet: String(erwartet), gefunden: String(e.sequenz) };
    }
    if (e.sequenz > erwartet) {
      return { sequenz: erwartet, art: 'luecke', meldung: `Ereignis ${erwartet} fehlt (nächstes vorhandenes: ${e.sequenz})`, erwartet: String(erwartet), gefunden: String(e.sequenz) };
    }
    let berechnet: string;
    try {
      berechnet = kettenHash(vorgaenger, e.kettenKodierung ?? kanonisch(e));
    } catch (err) {
      return { sequenz: e.sequenz, art: 'hash', meldung: `Ereignis ${e.sequenz} ist nicht kanonisch kodierbar: ${(err as Error).message}`, erwartet: e.hash, gefunden: null };
    }
    if (berechnet !== e.hash) {
      if (naechstes && naechstes.sequenz === e.sequenz + 1 && naechstes.zeit < e.zeit) {
        return { sequenz: e.sequenz, art: 'reihenfolge', meldung: `Ereignis ${e.sequenz} steht außer der Reihe (später als sein Nachfolger)`, erwartet: e.hash, gefunden: berechnet };
      }
      return { sequenz: e.sequenz, art: 'hash', meldung: `Hash von Ereignis ${e.sequenz} stimmt nicht mit seinem Inhalt und Vorgänger überein`, erwartet: e.hash, gefunden: berechnet };
    }
    const a = anker.get(e.sequenz);
    if (a !== undefined && a !== e.hash) {
      return { sequenz: e.sequenz, art: 'checkpoint', meldung: `Ereignis ${e.sequenz} weicht vom signierten Checkpoint ab`, erwartet: a, gefunden: e.hash };
    }
    return null;
  };

  let wartend: GespeichertesEreignis | null = null;
  const verarbeite = (e: GespeichertesEreignis, naechstes: GespeichertesEreignis | null) => {
    const f = einzeln(e, naechstes);
    if (f) return f;
    geprueft++;
    letzter = e;
    vorgaenger = e.hash;
    erwartet = e.sequenz + 1;
    return null;
  };
  for await (const e of ereignisse) {
    // the event after the range still serves as the last one's successor (a swapped row at the end)
    if (wartend) {
      const f = verarbeite(wartend, e);
      if (f) return ergebnis(f);
    }
    wartend = e;
    if (o.bis !== undefined && e.sequenz > o.bis) {
      wartend = null;
      break;
    }
  }
  if (wartend) {
    const f = verarbeite(wartend, null);
    if (f) return ergebnis(f);
  }
  return ergebnis(pruefeEnde(erwartet - 1, vorgaenger, o));
}

/**
 * The checks at the end of a walk that reached event `ende` (hash `letzterHash`) without a problem:
 * the chain head and every signed checkpoint in the range must lie within it.
 */
export function pruefeEnde(ende: number, letzterHash: string, o: Pick<PruefOptionen, 'bis' | 'kopf' | 'checkpoints'>): Kettenfehler | null {
  const vorgaenger = letzterHash;
  const ziel = o.bis;
  if (o.kopf && (ziel === undefined || ziel >= o.kopf.sequenz)) {
    if (ende < o.kopf.sequenz) {
      return {
        sequenz: ende + 1,
        art: 'abgeschnitten',
        meldung: `Die Kette endet bei ${ende}, ihr Kopf steht bei ${o.kopf.sequenz}`,
        erwartet: String(o.kopf.sequenz),
        gefunden: String(ende),
      };
    }
    if (ende === o.kopf.sequenz && vorgaenger !== o.kopf.hash) {
      return { sequenz: ende, art: 'hash', meldung: `Ereignis ${ende} weicht vom Kettenkopf ab`, erwartet: o.kopf.hash, gefunden: vorgaenger };
    }
  }
  for (const { sequenz: seq } of o.checkpoints ?? []) {
    if (seq > ende && (ziel === undefined || seq <= ziel)) {
      return {
        sequenz: ende + 1,
        art: 'abgeschnitten',
        meldung: `Ein signierter Checkpoint bestätigt ${seq} Ereignisse, die Kette endet bei ${ende}`,
        erwartet: String(seq),
        gefunden: String(ende),
      };
    }
  }
  return null;
}

// --- signed checkpoints ---

export interface CheckpointInhalt {
  mandantId: string;
  sequenz: number;
  hash: string;
  zeit: string;
}

/** The signed message: canonical JSON of exactly (hash, mandantId, sequenz, zeit), UTF-8. */
export function checkpointNachricht(c: CheckpointInhalt): Buffer {
  return Buffer.from(kanonischesJson({ hash: c.hash, mandantId: c.mandantId, sequenz: c.sequenz, zeit: c.zeit }), 'utf8');
}

export function signiereCheckpoint(privateKey: KeyObject, c: CheckpointInhalt): string {
  return sign(null, checkpointNachricht(c), privateKey).toString('base64');
}

export function pruefeCheckpointSignatur(publicKey: KeyObject, c: CheckpointInhalt, signatur: string): boolean {
  try {
    return verify(null, checkpointNachricht(c), publicKey, Buffer.from(signatur, 'base64'));
  } catch {
    return false;
  }
}

/** SHA-256 (hex) of the public key's SPKI DER encoding. */
export function schluesselIdVon(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}
