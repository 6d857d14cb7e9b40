// Signed checkpoints and chain verification, on top of the repository and object storage.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import {
  benoetigteKnoten,
  checkpointText,
  GENESIS_HASH,
  inklusionsPfad,
  konsistenzPfad,
  wurzelAus,
  kanonischesJson,
  notizPruefschluessel,
  oeffneNotiz,
  protokollAnhaengen,
  signiereNotiz,
  ZEIT_SQL,
  type Knotenleser,
} from '@eakte/audit';
import { sql, type Db, type Tx } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { Baumpruefung } from './domain/baum.js';
import { pruefeCheckpointSignatur, pruefeKette, schluesselIdVon, signiereCheckpoint, type Kettenanker, type Kettenfehler, type Pruefergebnis } from './domain/kette.js';
import { pruefeParallel, type ParallelOptionen, type Prueferpool } from './parallelpruefung.js';
import type { CheckpointRow, ProtokollRepository } from './repositories/protokoll.js';
import { createRuecksetzung } from './ruecksetzung.js';
import type { Sequenzierer } from './sequenzierer.js';

/** The signed-note key name of the tree checkpoints; the origin adds the tenant. */
export const NOTIZ_NAME = 'eakte.protokoll';
export const herkunftVon = (mandantId: string) => `${NOTIZ_NAME}/${mandantId}`;

export interface BaumCheckpoint {
  groesse: number;
  wurzel: Buffer;
  notiz: string;
}

export interface Inklusionsnachweis {
  sequenz: number;
  blattIndex: number;
  blattDaten: string;
  blattHash: string;
  baumGroesse: number;
  wurzel: string;
  pfad: string[];
  checkpoint: string;
  pruefschluessel: string;
}

export interface Konsistenznachweis {
  vonGroesse: number;
  bisGroesse: number;
  vonWurzel: string;
  bisWurzel: string;
  pfad: string[];
  vonCheckpoint: string | null;
  bisCheckpoint: string;
  pruefschluessel: string;
}

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

export function createProtokollDienst(deps: {
  db: Db;
  storage: ObjectStore;
  repo: ProtokollRepository;
  schluessel: Signaturschluessel;
  log: FastifyBaseLogger;
  sequenzierer: Sequenzierer;
  /** Whole-log verification in worker threads from `ab` events on (else one pass in this thread). */
  parallel?: { pool: Prueferpool; optionen: ParallelOptionen; ab: number };
}) {
  const { db, storage, repo, schluessel, sequenzierer, parallel } = deps;

  /**
   * Every signed tree checkpoint of the tenant, oldest size first, each with whether its signature
   * holds and states its stored size and this tenant's origin.
   */
  async function baumCheckpoints(mandantId: string): Promise<{ groesse: number; wurzel: Buffer; gueltig: boolean }[]> {
    const zeilen = (
      await db.withMandant(mandantId, (tx) =>
        tx.execute<{ groesse: string; wurzel: Buffer; notiz: string }>(sql`SELECT groesse, wurzel, notiz FROM protokoll.baum_checkpoint WHERE mandant_id = ${mandantId} ORDER BY groesse, zeit`),
      )
    ).rows;
    return zeilen.map((z) => {
      const offen = oeffneNotiz(z.notiz, NOTIZ_NAME, schluessel.oeffentlich);
      const groesse = Number(z.groesse);
      const gueltig = offen !== null && offen.groesse === groesse && offen.herkunft === herkunftVon(mandantId);
      return { groesse, wurzel: offen?.wurzel ?? z.wurzel, gueltig };
    });
  }

  /** The stored nodes a proof needs, in one query. */
  async function knotenLesen(tx: Tx, mandantId: string, koordinaten: [number, number][]): Promise<Knotenleser> {
    const r = koordinaten.length
      ? await tx.execute<{ ebene: number; index: string; hash: Buffer }>(
          sql`SELECT ebene, index, hash FROM protokoll.baumknoten WHERE mandant_id = ${mandantId}
                AND (ebene, index) IN (SELECT * FROM jsonb_to_recordset(${JSON.stringify(koordinaten.map(([e, i]) => ({ e, i })))}::jsonb) AS k(e smallint, i bigint))`,
        )
      : { rows: [] };
    const knoten = new Map(r.rows.map((k) => [`${k.ebene}:${k.index}`, k.hash]));
    return (e, i) => {
      const h = knoten.get(`${e}:${i}`);
      if (!h) throw new Error(`Baumknoten ${e}:${i} fehlt`);
      return h;
    };
  }

  /** The newest signed tree checkpoint, or a new one when it does not reach `mindestens` (or the tree grew and `nurWennNeu`). */
  async function baumCheckpoint(mandantId: string, o: { mindestens?: number; nurWennNeu?: boolean } = {}): Promise<BaumCheckpoint | null> {
    return db.withMandant(mandantId, async (tx) => {
      const [letzter] = (
        await tx.execute<{ groesse: string; wurzel: Buffer; notiz: string }>(
          sql`SELECT groesse, wurzel, notiz FROM protokoll.baum_checkpoint WHERE mandant_id = ${mandantId} ORDER BY groesse DESC, zeit DESC LIMIT 1`,
        )
      ).rows;
      const [baum] = (await tx.execute<{ groesse: string; wurzel: Buffer }>(sql`SELECT groesse, wurzel FROM protokoll.baum WHERE mandant_id = ${mandantId}`)).rows;
      const alt = letzter ? { groesse: Number(letzter.groesse), wurzel: letzter.wurzel, notiz: letzter.notiz } : null;
      const groesse = Number(baum?.groesse ?? 0);
      const mindestens = o.mindestens ?? 1;
      if (alt && alt.groesse >= mindestens && !(o.nurWennNeu && groesse > alt.groesse)) return alt;
      if (!baum || groesse < mindestens || (alt && alt.groesse >= groesse)) return null;
      const notiz = signiereNotiz(checkpointText(herkunftVon(mandantId), groesse, baum.wurzel), NOTIZ_NAME, schluessel.privat);
      await tx.execute(sql`INSERT INTO protokoll.baum_checkpoint (mandant_id, groesse, wurzel, notiz) VALUES (${mandantId}, ${groesse}, ${baum.wurzel}, ${notiz})`);
      return { groesse, wurzel: baum.wurzel, notiz };
    });
  }

  /** The newest signed tree checkpoint of exactly this size. */
  async function checkpointDerGroesse(mandantId: string, groesse: number): Promise<BaumCheckpoint | null> {
    const [z] = (
      await db.withMandant(mandantId, (tx) =>
        tx.execute<{ groesse: string; wurzel: Buffer; notiz: string }>(
          sql`SELECT groesse, wurzel, notiz FROM protokoll.baum_checkpoint WHERE mandant_id = ${mandantId} AND groesse = ${groesse} ORDER BY zeit DESC LIMIT 1`,
        ),
      )
    ).rows;
    return z ? { groesse: Number(z.groesse), wurzel: z.wurzel, notiz: z.notiz } : null;
  }

  async function neuesterImSpeicher(mandantId: string): Promise<CheckpointRow | null> {
    const key = `${prefix(mandantId)}${NEUESTER}`;
    if (!(await storage.stat(key))) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(key)) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as CheckpointRow;
  }

  const gueltig = (c: CheckpointRow) => c.schluesselId === schluessel.id && pruefeCheckpointSignatur(schluessel.oeffentlich, c, c.signatur);
  const ruecksetzung = createRuecksetzung({ db, storage, repo, gueltig, log: deps.log });

  return {
    /** Signs the tenant's chain head; with `nurWennNeu` only when it moved since the newest checkpoint. */
    async checkpointErstellen(mandantId: string, nurWennNeu = false): Promise<CheckpointRow | null> {
      await sequenzierer.alles(mandantId);
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
      // after a restore the newest object is the witness of what was lost: it stays until acknowledged
      const ersetzbar = async (b: CheckpointRow) => b.sequenz <= sequenz && ((await repo.hashVon(mandantId, b.sequenz)) === b.hash || (await ruecksetzung.istQuittiert(mandantId, b)));
      if (!bisher || (await ersetzbar(bisher))) await storage.put(`${prefix(mandantId)}${NEUESTER}`, body, body.length, 'application/json');
      await repo.checkpointSpeichern(row);
      return row;
    },

    /** Verifies `von..bis` (default: the whole chain) against its head and signed checkpoints. */
    async pruefen(mandantId: string, von = 1, bis?: number): Promise<PruefungMitCheckpoint> {
      await sequenzierer.alles(mandantId);
      const kopf = await repo.kopf(mandantId);
      const [ausDb] = await repo.checkpoints(mandantId, 1);
      let ausSpeicher = await neuesterImSpeicher(mandantId);
      // a rollback an operator acknowledged (ruecksetzung.ts) is no longer held against the chain
      if (ausSpeicher && (await ruecksetzung.istQuittiert(mandantId, ausSpeicher))) ausSpeicher = null;
      const kandidaten = [...(ausDb ? [{ c: ausDb, quelle: 'datenbank' as const }] : []), ...(ausSpeicher ? [{ c: ausSpeicher, quelle: 'objektspeicher' as const }] : [])];
      const imBereich = await repo.checkpointsImBereich(mandantId, von, bis ?? null);
      const ohne = (fehler: Kettenfehler): PruefungMitCheckpoint => ({ gueltig: false, geprueft: 0, vonSequenz: von, bisSequenz: null, letzterHash: null, fehler, checkpoint: null });
      for (const c of [...kandidaten.map((k) => k.c), ...imBereich]) {
        if (!gueltig(c) || c.mandantId !== mandantId) {
          return ohne({ sequenz: c.sequenz, art: 'signatur', meldung: `Die Signatur des Checkpoints bei ${c.sequenz} ist ungültig` });
        }
      }
      // both the database's and object storage's newest: after a restore the one in object storage is the
      // witness of the lost history even once the database has newer checkpoints of its own (it wins a tie)
      const anker: Kettenanker[] = [...imBereich, ...kandidaten.map((k) => k.c)].filter((c) => c.sequenz >= von).map((c) => ({ sequenz: c.sequenz, hash: c.hash }));
      let neuester = [...kandidaten].sort((a, b) => b.c.sequenz - a.c.sequenz)[0] ?? null;

      let vorgaengerHash = GENESIS_HASH;
      if (von > 1) {
        const h = await repo.hashVon(mandantId, von - 1);
        if (!h) return ohne({ sequenz: von - 1, art: 'luecke', meldung: `Ereignis ${von - 1} vor dem Prüfbereich fehlt` });
        vorgaengerHash = h;
      }
      // the whole log: the Merkle tree is rebuilt from the stored leaf bytes and must reach the signed tree checkpoint
      const baumCps = von === 1 ? await baumCheckpoints(mandantId) : [];
      const gefaelscht = baumCps.find((c) => !c.gueltig);
      if (gefaelscht) return ohne({ sequenz: gefaelscht.groesse, art: 'signatur', meldung: `Die Signatur des Baum-Checkpoints bei ${gefaelscht.groesse} ist ungültig` });
      const baumCp = baumCps[baumCps.length - 1] ?? null;
      // every signed size is compared with the rebuilt tree; two roots signed for one size are a fork
      const ziele = new Map<number, Buffer[]>();
      for (const c of baumCps) ziele.set(c.groesse, [...(ziele.get(c.groesse) ?? []), c.wurzel]);
      const gabel = [...ziele].find(([, w]) => w.some((x) => !x.equals(w[0]!)));
      const abzweigung: Kettenfehler | null = gabel
        ? {
            sequenz: gabel[0],
            art: 'abzweigung',
            meldung: `Zwei signierte Baum-Checkpoints der Größe ${gabel[0]} nennen verschiedene Wurzeln: das Protokoll hat sich verzweigt`,
            erwartet: gabel[1][0]!.toString('hex'),
            gefunden: gabel[1].find((x) => !x.equals(gabel[1][0]!))!.toString('hex'),
          }
        : null;
      // the highest sequence number the log claims: its head, or a signed size beyond it
      const ende = Math.max(kopf?.sequenz ?? 0, ...anker.map((a) => a.sequenz), ...baumCps.map((c) => c.groesse));
      let ergebnis: Pruefergebnis;
      let baum: { fehler: Kettenfehler | null; groesse: number } | null;
      if (von === 1 && bis === undefined && parallel && ende >= parallel.ab) {
        ({ ergebnis, baum } = await pruefeParallel(db, parallel.pool, parallel.optionen, { mandantId, ende, kopf, anker, ziele }));
      } else {
        const b = von === 1 ? new Baumpruefung(ziele) : null;
        const strom = repo.strom(mandantId, von, bis ?? Number.MAX_SAFE_INTEGER, { blatt: b !== null });
        ergebnis = await pruefeKette(b ? b.durch(strom) : strom, { von, vorgaengerHash, bis, kopf, checkpoints: anker });
        baum = b;
      }
      // the first problem wins; on the same event the chain's finding (it names the kind)
      const blattFehler =
        (abzweigung && (!baum?.fehler || abzweigung.sequenz <= baum.fehler.sequenz) ? abzweigung : null) ??
        baum?.fehler ??
        (baum && baumCp && baum.groesse < baumCp.groesse && (bis === undefined || bis >= baumCp.groesse)
          ? {
              sequenz: baum.groesse + 1,
              art: 'abgeschnitten' as const,
              meldung: `Ein signierter Baum-Checkpoint bestätigt ${baumCp.groesse} Ereignisse, der Baum endet bei ${baum.groesse}`,
              erwartet: String(baumCp.groesse),
              gefunden: String(baum.groesse),
            }
          : null);
      if (blattFehler && (!ergebnis.fehler || blattFehler.sequenz < ergebnis.fehler.sequenz)) {
        return {
          ...ergebnis,
          gueltig: false,
          geprueft: blattFehler.sequenz - 1,
          bisSequenz: blattFehler.sequenz - 1 > 0 ? blattFehler.sequenz - 1 : null,
          fehler: blattFehler,
          checkpoint: neuester ? { sequenz: neuester.c.sequenz, hash: neuester.c.hash, zeit: neuester.c.zeit, quelle: neuester.quelle } : null,
        };
      }
      // a finding at or behind the witness in object storage names that checkpoint
      const zeuge = kandidaten.find((k) => k.quelle === 'objektspeicher');
      if (ergebnis.fehler && zeuge && (ergebnis.fehler.sequenz === zeuge.c.sequenz || zeuge.c.sequenz > (ergebnis.bisSequenz ?? 0))) neuester = zeuge;
      const checkpoint = neuester ? { sequenz: neuester.c.sequenz, hash: neuester.c.hash, zeit: neuester.c.zeit, quelle: neuester.quelle } : null;
      return { ...ergebnis, checkpoint };
    },

    /** Records a detected manipulation as a security event of the tenant. */
    async manipulationProtokollieren(
      mandantId: string,
      akteur: { sub: string; name: string; rollen: readonly string[]; client?: string | null },
      kontext: { requestId: string; clientIp: string },
      fehler: Kettenfehler,
    ) {
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
          await baumCheckpoint(m, { nurWennNeu: true });
        } catch (err) {
          deps.log.error({ err, mandantId: m }, 'checkpoint failed');
        }
      }
      return n;
    },
    partitionenSicherstellen: () => repo.partitionenSicherstellen(),
    ruecksetzung,
    mandanten: () => repo.mandanten(),

    /** Sequences everything the tenant committed so far (the read barrier before answering). */
    integrieren: (mandantId: string) => sequenzierer.alles(mandantId),
    sequenzieren: (mandantId: string) => sequenzierer.stapelSequenzieren(mandantId),
    /** The tenants with events waiting for the sequencer. */
    wartende: () => sequenzierer.wartende(),
    baumCheckpoint,

    /** The inclusion proof of event `sequenz` against the latest signed checkpoint (signed now if it does not cover it); null if no such event. */
    async nachweis(mandantId: string, sequenz: number): Promise<Inklusionsnachweis | null> {
      await sequenzierer.alles(mandantId);
      const cp = await baumCheckpoint(mandantId, { mindestens: sequenz });
      if (!cp || cp.groesse < sequenz) return null;
      const index = sequenz - 1;
      const koordinaten = benoetigteKnoten((k) => inklusionsPfad(index, cp.groesse, k));
      return db.withMandant(mandantId, async (tx) => {
        const blatt = await sequenzierer.blatt(tx, mandantId, sequenz);
        if (!blatt) return null;
        const pfad = inklusionsPfad(index, cp.groesse, await knotenLesen(tx, mandantId, koordinaten));
        return {
          sequenz,
          blattIndex: index,
          blattDaten: blatt.daten,
          blattHash: blatt.hash.toString('hex'),
          baumGroesse: cp.groesse,
          wurzel: cp.wurzel.toString('hex'),
          pfad: pfad.map((p) => p.toString('hex')),
          checkpoint: cp.notiz,
          pruefschluessel: notizPruefschluessel(NOTIZ_NAME, schluessel.oeffentlich),
        };
      });
    },

    /**
     * The consistency proof from the tree of size `von` to the signed checkpoint of size `bis` (default
     * the newest, signed now if the tree grew), with the signed checkpoint of size `von` when there is one.
     * Null when no checkpoint has size `bis`.
     */
    async konsistenz(mandantId: string, von: number, bis?: number): Promise<Konsistenznachweis | { hinter: number } | null> {
      await sequenzierer.alles(mandantId);
      const ziel = bis === undefined ? await baumCheckpoint(mandantId, { nurWennNeu: true }) : await checkpointDerGroesse(mandantId, bis);
      if (!ziel) return null;
      if (von > ziel.groesse) return { hinter: ziel.groesse };
      const start = await checkpointDerGroesse(mandantId, von);
      const rechnung = (k: Knotenleser) => ({ pfad: konsistenzPfad(von, ziel.groesse, k), wurzel: wurzelAus(von, k) });
      const koordinaten = benoetigteKnoten(rechnung);
      const r = await db.withMandant(mandantId, async (tx) => rechnung(await knotenLesen(tx, mandantId, koordinaten)));
      return {
        vonGroesse: von,
        bisGroesse: ziel.groesse,
        // the stored nodes' root; a client compares it with the checkpoint of that size it kept
        vonWurzel: r.wurzel.toString('hex'),
        bisWurzel: ziel.wurzel.toString('hex'),
        pfad: r.pfad.map((p) => p.toString('hex')),
        vonCheckpoint: start?.notiz ?? null,
        bisCheckpoint: ziel.notiz,
        pruefschluessel: notizPruefschluessel(NOTIZ_NAME, schluessel.oeffentlich),
      };
    },
  };
}

export type ProtokollDienst = ReturnType<typeof createProtokollDienst>;
