// Rollback detection after a restore, and its acknowledgement. Every signed checkpoint is written to
// object storage before the database (pruefung.ts); a restore fills the bucket from its newest copy,
// never from the backup point (docs/betrieb.md#backups). So a checkpoint in object storage whose id the
// database does not know, and whose (sequence, hash) the chain does not reach, was signed by a state
// the database has lost. The verification reports it (`abgeschnitten`/`checkpoint`) and /health names
// it until someone of the tenant's Prüfung acknowledges it with a reason (migration 0053, audited).
// /health is public: it says that and for how many tenants, never which ones or where the chain ends
// (that is the tenant's Prüfung's to see at GET /protokoll/pruefung, and the operator's in the log).
import { protokollAnhaengen } from '@eakte/audit';
import { sql, type Db } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { CheckpointRow, ProtokollRepository } from './repositories/protokoll.js';

export interface VerlorenerCheckpoint {
  id: string;
  sequenz: number;
  hash: string;
  zeit: string;
  objektSchluessel: string;
}

export interface Ruecksetzung {
  /** The newest signed checkpoint the restored chain no longer reaches. */
  checkpoint: VerlorenerCheckpoint;
  /** All such checkpoints, oldest first. */
  verloren: VerlorenerCheckpoint[];
  kettenSequenz: number;
}

export interface Quittung {
  id: string;
  checkpointSequenz: number;
  checkpointHash: string;
  kettenSequenz: number;
  grund: string;
  akteurSub: string;
  akteurName: string;
  zeit: string;
}

/** What /health shows of the rollbacks: the finding and a count, nothing of any tenant. */
export interface RuecksetzungHinweis {
  hinweis: string;
  ruecksetzungErkannt: true;
  betroffeneMandanten: number;
}

const praefix = (mandantId: string) => `protokoll/checkpoints/${mandantId}/`;
// `<sequence, 19 digits>-<id>.json` (pruefung.ts)
const NAME = /^(\d{19})-([0-9a-f-]{36})\.json$/;

/** How old the rollback finding /health shows may be: it lists object storage per tenant. */
const HINWEIS_ALTER_MS = 30_000;

export function createRuecksetzung(deps: { db: Db; storage: ObjectStore; repo: ProtokollRepository; gueltig: (c: CheckpointRow) => boolean; log: FastifyBaseLogger }) {
  const { db, storage, repo } = deps;
  let hinweisStand: { zeit: number; hinweis: RuecksetzungHinweis | null; gemeldet?: string; laufend?: Promise<void> } = { zeit: 0, hinweis: null };

  async function lesen(key: string): Promise<CheckpointRow | null> {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(key)) chunks.push(chunk as Buffer);
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as CheckpointRow;
    } catch {
      return null;
    }
  }

  async function quittierte(mandantId: string): Promise<Set<string>> {
    const r = await db.withMandant(mandantId, (tx) =>
      tx.execute<{ s: string; h: string }>(sql`SELECT checkpoint_sequenz AS s, checkpoint_hash AS h FROM protokoll.ruecksetzung_quittung WHERE mandant_id = ${mandantId}`),
    );
    return new Set(r.rows.map((z) => `${Number(z.s)}:${z.h}`));
  }

  /** The signed checkpoints in object storage the database lost and nobody acknowledged; null when none. */
  async function erkennen(mandantId: string): Promise<Ruecksetzung | null> {
    const imSpeicher: { key: string; sequenz: number; id: string }[] = [];
    for await (const o of storage.list(praefix(mandantId))) {
      const m = NAME.exec(o.key.slice(praefix(mandantId).length));
      if (m) imSpeicher.push({ key: o.key, sequenz: Number(m[1]), id: m[2]! });
    }
    if (!imSpeicher.length) return null;
    const bekannt = await db.withMandant(mandantId, (tx) => tx.execute<{ id: string }>(sql`SELECT id FROM protokoll.checkpoint WHERE mandant_id = ${mandantId}`));
    const ids = new Set(bekannt.rows.map((z) => z.id));
    const fremd = imSpeicher.filter((c) => !ids.has(c.id)).sort((a, b) => a.sequenz - b.sequenz);
    if (!fremd.length) return null;
    const kopf = await repo.kopf(mandantId);
    const kettenSequenz = kopf?.sequenz ?? 0;
    const quittiert = await quittierte(mandantId);
    const verloren: VerlorenerCheckpoint[] = [];
    for (const f of fremd) {
      const c = await lesen(f.key);
      // a forged or foreign object is the signature finding of the verification, not a rollback
      if (!c || c.mandantId !== mandantId || !deps.gueltig(c) || quittiert.has(`${c.sequenz}:${c.hash}`)) continue;
      // the chain confirms it (the database write after the object failed): nothing was lost
      if (c.sequenz <= kettenSequenz && (await repo.hashVon(mandantId, c.sequenz)) === c.hash) continue;
      verloren.push({ id: c.id, sequenz: c.sequenz, hash: c.hash, zeit: c.zeit, objektSchluessel: f.key });
    }
    if (!verloren.length) return null;
    return { checkpoint: verloren[verloren.length - 1]!, verloren, kettenSequenz };
  }

  async function hinweisSuchen(mandanten: () => Promise<string[]>) {
    const gefunden: { mandantId: string; kettenSequenz: number; checkpointSequenz: number }[] = [];
    for (const m of await mandanten()) {
      const r = await erkennen(m);
      if (r) gefunden.push({ mandantId: m, kettenSequenz: r.kettenSequenz, checkpointSequenz: r.checkpoint.sequenz });
    }
    // which tenants, for the operator: once per change, in the log, not at /health
    const gemeldet = JSON.stringify(gefunden);
    if (gefunden.length && gemeldet !== hinweisStand.gemeldet) deps.log.warn({ ruecksetzungen: gefunden }, 'audit trail rolled back by a restore: the chain no longer reaches signed checkpoints');
    hinweisStand = {
      ...hinweisStand,
      zeit: Date.now(),
      gemeldet,
      hinweis: gefunden.length
        ? {
            hinweis: `Rücksetzung des Protokolls erkannt (betroffene Mandanten: ${gefunden.length}); die Prüfung des Mandanten sieht sie unter GET /protokoll/pruefung und quittiert sie mit POST /protokoll/ruecksetzung/quittung`,
            ruecksetzungErkannt: true,
            betroffeneMandanten: gefunden.length,
          }
        : null,
    };
  }

  return {
    erkennen,

    /**
     * The finding for /health, looked up in the background at most every 30 s: each answer waits at most
     * a second for a lookup in flight, so /health stays fast with many tenants.
     */
    async hinweis(mandanten: () => Promise<string[]>): Promise<RuecksetzungHinweis | null> {
      if (Date.now() - hinweisStand.zeit > HINWEIS_ALTER_MS && !hinweisStand.laufend) {
        hinweisStand.laufend = hinweisSuchen(mandanten)
          .catch(() => {
            // storage or database unreachable: their own checks say so; the last finding stays
            hinweisStand.zeit = Date.now();
          })
          .finally(() => (hinweisStand.laufend = undefined));
      }
      if (hinweisStand.laufend) await Promise.race([hinweisStand.laufend, new Promise((r) => setTimeout(r, 1000).unref())]);
      return hinweisStand.hinweis;
    },

    /** Whether the verification may leave this checkpoint out: an operator acknowledged its loss. */
    async istQuittiert(mandantId: string, c: { sequenz: number; hash: string }): Promise<boolean> {
      return (await quittierte(mandantId)).has(`${c.sequenz}:${c.hash}`);
    },

    /** Acknowledges every lost checkpoint at once, with the reason; null when there is nothing to acknowledge. */
    async quittieren(
      mandantId: string,
      akteur: { sub: string; name: string; rollen: readonly string[]; client?: string | null },
      kontext: { requestId: string; clientIp: string },
      grund: string,
    ): Promise<Quittung | null> {
      const r = await erkennen(mandantId);
      if (!r) return null;
      return db.withMandant(mandantId, async (tx) => {
        let neueste: Quittung | null = null;
        for (const c of r.verloren) {
          const id = uuidv7();
          const z = await tx.execute<{ zeit: string }>(
            sql`INSERT INTO protokoll.ruecksetzung_quittung (id, mandant_id, checkpoint_sequenz, checkpoint_hash, checkpoint_schluessel, ketten_sequenz, grund, akteur_sub, akteur_name)
                VALUES (${id}, ${mandantId}, ${c.sequenz}, ${c.hash}, ${c.objektSchluessel}, ${r.kettenSequenz}, ${grund}, ${akteur.sub}, ${akteur.name})
                ON CONFLICT DO NOTHING RETURNING to_char(zeit AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS zeit`,
          );
          if (z.rows[0]) {
            neueste = { id, checkpointSequenz: c.sequenz, checkpointHash: c.hash, kettenSequenz: r.kettenSequenz, grund, akteurSub: akteur.sub, akteurName: akteur.name, zeit: z.rows[0].zeit };
          }
        }
        if (!neueste) return null;
        // the next /health looks again
        hinweisStand = { zeit: 0, hinweis: null };
        await protokollAnhaengen(tx, {
          mandantId,
          akteur,
          aktion: 'protokoll.ruecksetzung.quittiert',
          objektTyp: 'protokoll',
          objektId: neueste.id,
          ergebnis: 'erfolg',
          details: { grund, checkpointSequenz: r.checkpoint.sequenz, checkpointHash: r.checkpoint.hash, kettenSequenz: r.kettenSequenz, verloreneCheckpoints: r.verloren.length },
          requestId: kontext.requestId,
          clientIp: kontext.clientIp,
        });
        return neueste;
      });
    },
  };
}

export type RuecksetzungDienst = ReturnType<typeof createRuecksetzung>;
