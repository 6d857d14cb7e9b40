// Signed checkpoints and chain verification, on top of the repository and object storage.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { GENESIS_HASH, kanonischesJson, protokollAnhaengen, ZEIT_SQL } from '@eakte/audit';
import { sql, type Db } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { pruefeCheckpointSignatur, pruefeKette, schluesselIdVon, signiereCheckpoint, type Kettenanker, type Kettenfehler, type Pruefergebnis } from './domain/kette.js';
import type { CheckpointRow, ProtokollRepository } from './repositories/protokoll.js';

export interface Signaturschluessel {
  privat: KeyObject;
  oeffentlich: KeyObject;
  id: string;
  pem: string;
}

export function ladeSchluessel(pem: string): Signaturschluessel {
  const privat = createPrivateKey(pem);
  const oeffentlich = createPublicKey(privat);
  return { privat, oeffentlich, id: schluesselIdVon(oeffentlich), pem: oeffentlich.export({ type: 'spki', format: 'pem' }).toString() };
}

const prefix = (mandantId: string) => `protokoll/checkpoints/${mandantId}/`;
const NEUESTER = 'neuester.json';

export interface PruefungMitCheckpoint extends Pruefergebnis {
  checkpoint: { sequenz: number; hash: string; zeit: string; quelle: 'datenbank' | 'objektspeicher' } | null;
}

export function createProtokollDienst(deps: { db: Db; storage: ObjectStore; repo: ProtokollRepository; schluessel: Signaturschluessel; log: FastifyBaseLogger }) {
  const { db, storage, repo, schluessel } = deps;

  async function neuesterImSpeicher(mandantId: string): Promise<CheckpointRow | null> {
    const key = `${prefix(mandantId)}${NEUESTER}`;
    if (!(await storage.stat(key))) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(key)) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as CheckpointRow;
  }

  const gueltig = (c: CheckpointRow) => c.schluesselId === schluessel.id && pruefeCheckpointSignatur(schluessel.oeffentlich, c, c.signatur);

  return {
    /** Signs the tenant's chain head; with `nurWennNeu` only when it moved since the newest checkpoint. */
    async checkpointErstellen(mandantId: string, nurWennNeu = false): Promise<CheckpointRow | null> {
      const kopf = await db.withMandant(mandantId, async (tx) => {
        const r = await tx.execute<{ sequenz: string; hash: string; jetzt: string }>(
          sql`select sequenz, hash, to_char(clock_timestamp() AT TIME ZONE 'UTC', ${sql.raw(ZEIT_SQL)}) as jetzt from protokoll.kette`,
        );
        return r.rows[0];
      });
      if (!kopf || Number(kopf.sequenz) === 0) return null;
      const sequenz = Number(kopf.sequenz);
      if (nurWennNeu) {
        const [letzter] = await repo.checkpoints(mandantId, 1);
        if (letzter && letzter.sequenz >= sequenz) return null;
      }
      const id = uuidv7();
      const inhalt = { mandantId, sequenz, hash: kopf.hash, zeit: kopf.jetzt };
      const row: CheckpointRow = {
        id,
        ...inhalt,
        schluesselId: schluessel.id,
        signatur: signiereCheckpoint(schluessel.privat, inhalt),
        objektSchluessel: `${prefix(mandantId)}${String(sequenz).padStart(19, '0')}-${id}.json`,
      };
      // object storage first: it survives a database restored from an old backup
      const body = Buffer.from(kanonischesJson(row), 'utf8');
      await storage.put(row.objektSchluessel, body, body.length, 'application/json');
      const bisher = await neuesterImSpeicher(mandantId).catch(() => null);
      if (!bisher || bisher.sequenz <= sequenz) await storage.put(`${prefix(mandantId)}${NEUESTER}`, body, body.length, 'application/json');
      await repo.checkpointSpeichern(row);
      return row;
    },

    /** Verifies `von..bis` (default: the whole chain) against its head and signed checkpoints. */
    async pruefen(mandantId: string, von = 1, bis?: number): Promise<PruefungMitCheckpoint> {
      const kopf = await repo.kopf(mandantId);
      const [ausDb] = await repo.checkpoints(mandantId, 1);
      const ausSpeicher = await neuesterImSpeicher(mandantId);
      const kandidaten = [
        ...(ausDb ? [{ c: ausDb, quelle: 'datenbank' as const }] : []),
        ...(ausSpeicher ? [{ c: ausSpeicher, quelle: 'objektspeicher' as const }] : []),
      ];
      const imBereich = await repo.checkpointsImBereich(mandantId, von, bis ?? null);
      const ohne = (fehler: Kettenfehler): PruefungMitCheckpoint => ({ gueltig: false, geprueft: 0, vonSequenz: von, bisSequenz: null, letzterHash: null, fehler, checkpoint: null });
      for (const c of [...kandidaten.map((k) => k.c), ...imBereich]) {
        if (!gueltig(c) || c.mandantId !== mandantId) {
          return ohne({ sequenz: c.sequenz, art: 'signatur', meldung: `Die Signatur des Checkpoints bei ${c.sequenz} ist ungültig` });
        }
      }
      const neuester = kandidaten.sort((a, b) => b.c.sequenz - a.c.sequenz)[0] ?? null;
      const anker: Kettenanker[] = [...imBereich, ...(neuester ? [neuester.c] : [])].filter((c) => c.sequenz >= von).map((c) => ({ sequenz: c.sequenz, hash: c.hash }));

      let vorgaengerHash = GENESIS_HASH;
      if (von > 1) {
        const h = await repo.hashVon(mandantId, von - 1);
        if (!h) return ohne({ sequenz: von - 1, art: 'luecke', meldung: `Ereignis ${von - 1} vor dem Prüfbereich fehlt` });
        vorgaengerHash = h;
      }
      const ergebnis = await pruefeKette(repo.strom(mandantId, von, bis ?? Number.MAX_SAFE_INTEGER), { von, vorgaengerHash, bis, kopf, checkpoints: anker });
      const checkpoint = neuester ? { sequenz: neuester.c.sequenz, hash: neuester.c.hash, zeit: neuester.c.zeit, quelle: neuester.quelle } : null;
      return { ...ergebnis, checkpoint };
    },

    /** Records a detected manipulation as a security event of the tenant. */
    async manipulationProtokollieren(mandantId: string, akteur: { sub: string; name: string; rollen: readonly string[]; client?: string | null }, kontext: { requestId: string; clientIp: string }, fehler: Kettenfehler) {
      await db.withMandant(mandantId, (tx) =>
        protokollAnhaengen(tx, {
          mandantId,
          akteur,
          aktion: 'protokoll.manipulation.erkannt',
          objektTyp: 'protokoll',
          objektId: null,
          ergebnis: 'fehler',
          details: { ...fehler },
          requestId: kontext.requestId,
          clientIp: kontext.clientIp,
        }),
      );
    },

    /** One round of the periodic job: partitions ahead, a checkpoint per tenant whose chain moved. */
    async periodisch(): Promise<number> {
      await repo.partitionenSicherstellen();
      let n = 0;
      for (const m of await repo.mandanten()) {
        try {
          if (await this.checkpointErstellen(m, true)) n++;
        } catch (err) {
          deps.log.error({ err, mandantId: m }, 'checkpoint failed');
        }
      }
      return n;
    },
    partitionenSicherstellen: () => repo.partitionenSicherstellen(),
  };
}

export type ProtokollDienst = ReturnType<typeof createProtokollDienst>;
