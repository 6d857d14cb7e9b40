// The sequencer: integrates committed audit events of one tenant in batches. Under the chain head's
// row lock (only sequencers take it; appending never does) it gives them the next gap-free sequence
// numbers and their chain hash, and extends the tenant's Merkle tree (RFC 6962) by their leaves.
import { blattHash, blattKodierung, erweitere, GENESIS_HASH, kanonisch, kettenHash, LEERER_BAUM, randKnoten, ZEIT_SQL, type KettenEreignis } from '@eakte/audit';
import { sql, type Db, type Tx } from '@eakte/db';

export const SEQUENZ_STAPEL = 2_000;

const SPALTEN = `eingang, to_char(zeit AT TIME ZONE 'UTC', ${ZEIT_SQL}) AS zeit, akteur_sub, akteur_name, akteur_rollen, akteur_client,
  aktion, objekt_typ, objekt_id, aktenzeichen, akte_id, aenderungen, ergebnis, details, request_id, client_ip, sequenz, hash, kanonisch, blatt`;

type Zeile = {
  eingang: string;
  zeit: string;
  akteur_sub: string;
  akteur_name: string;
  akteur_rollen: string[];
  akteur_client: string | null;
  aktion: string;
  objekt_typ: string;
  objekt_id: string | null;
  aktenzeichen: string | null;
  akte_id: string | null;
  aenderungen: KettenEreignis['aenderungen'];
  ergebnis: string;
  details: Record<string, unknown>;
  request_id: string | null;
  client_ip: string | null;
  sequenz: string | null;
  hash: string | null;
  kanonisch: string | null;
  blatt: Buffer | null;
};

const alsKette = (mandantId: string, r: Zeile, sequenz: number): KettenEreignis => ({
  mandantId,
  sequenz,
  zeit: r.zeit,
  akteurSub: r.akteur_sub,
  akteurName: r.akteur_name,
  akteurRollen: r.akteur_rollen,
  akteurClient: r.akteur_client,
  aktion: r.aktion,
  objektTyp: r.objekt_typ,
  objektId: r.objekt_id,
  aktenzeichen: r.aktenzeichen,
  akteId: r.akte_id,
  aenderungen: r.aenderungen,
  ergebnis: r.ergebnis,
  details: r.details,
  requestId: r.request_id,
  clientIp: r.client_ip,
});

/**
 * The leaf of a sequenced event: its stored leaf hash, or for an event appended before the tree
 * existed (migration 0034) the hash of its chain encoding, sequence included.
 */
export const blattVon = (mandantId: string, r: Zeile): Buffer => r.blatt ?? blattHash(kanonisch(alsKette(mandantId, r, Number(r.sequenz))));

export interface Sequenzierung {
  /** Events numbered in this batch. */
  sequenziert: number;
  /** The tree's size after the batch (= the highest sequence number). */
  groesse: number;
  /** Commit times of the numbered events' appends (for the sequencing latency). */
  zeiten: string[];
}

export function createSequenzierer(db: Db, opts: { stapel?: number } = {}) {
  const stapel = opts.stapel ?? SEQUENZ_STAPEL;

  /** The tree's stored right edge for size n. */
  async function rand(tx: Tx, n: number): Promise<Map<string, Buffer>> {
    const koordinaten = randKnoten(n);
    if (!koordinaten.length) return new Map();
    const r = await tx.execute<{ ebene: number; index: string; hash: Buffer }>(
      sql`SELECT ebene, index, hash FROM protokoll.baumknoten
           WHERE mandant_id = nullif(current_setting('app.mandant', true), '')::uuid AND (ebene, index) IN (SELECT * FROM jsonb_to_recordset(${JSON.stringify(koordinaten.map(([e, i]) => ({ e, i })))}::jsonb) AS k(e smallint, i bigint))`,
    );
    const m = new Map(r.rows.map((k) => [`${k.ebene}:${k.index}`, k.hash]));
    for (const [e, i] of koordinaten) if (!m.has(`${e}:${i}`)) throw new Error(`Baumknoten ${e}:${i} fehlt`);
    return m;
  }

  /** Sequenced events the tree does not hold yet (events from before the tree; normally none). */
  async function baumNachziehen(tx: Tx, mandantId: string, groesse: number, bis: number): Promise<number> {
    let n = groesse;
    let randKn = await rand(tx, n);
    while (n < bis) {
      const r = await tx.execute<Zeile>(
        sql`SELECT ${sql.raw(SPALTEN)} FROM protokoll.ereignis WHERE mandant_id = ${mandantId} AND sequenz > ${n} AND sequenz <= ${bis} ORDER BY sequenz LIMIT ${stapel}`,
      );
      if (!r.rows.length) throw new Error(`Ereignis ${n + 1} fehlt: der Baum kann nicht wachsen`);
      r.rows.forEach((z, i) => {
        if (Number(z.sequenz) !== n + i + 1) throw new Error(`Ereignis ${n + i + 1} fehlt: der Baum kann nicht wachsen`);
      });
      const e = erweitere(
        n,
        randKn,
        r.rows.map((z) => blattVon(mandantId, z)),
      );
      await knotenSpeichern(tx, mandantId, e.neu);
      await tx.execute(sql`UPDATE protokoll.baum SET groesse = ${e.groesse}, wurzel = ${e.wurzel} WHERE mandant_id = ${mandantId}`);
      n = e.groesse;
      randKn = e.rand;
    }
    return n;
  }

  async function knotenSpeichern(tx: Tx, mandantId: string, neu: { ebene: number; index: number; hash: Buffer }[]) {
    if (!neu.length) return;
    await tx.execute(
      sql`INSERT INTO protokoll.baumknoten (mandant_id, ebene, index, hash)
          SELECT ${mandantId}, k.e, k.i, decode(k.h, 'hex')
            FROM jsonb_to_recordset(${JSON.stringify(neu.map((k) => ({ e: k.ebene, i: k.index, h: k.hash.toString('hex') })))}::jsonb) AS k(e smallint, i bigint, h text)`,
    );
  }

  /** One batch for one tenant; 0 when nothing was waiting. */
  async function stapelSequenzieren(mandantId: string): Promise<Sequenzierung> {
    return db.withMandant(mandantId, async (tx) => {
      await tx.execute(sql`INSERT INTO protokoll.kette (mandant_id, sequenz, hash) VALUES (${mandantId}, 0, ${GENESIS_HASH}) ON CONFLICT (mandant_id) DO NOTHING`);
      await tx.execute(sql`INSERT INTO protokoll.baum (mandant_id, groesse, wurzel) VALUES (${mandantId}, 0, ${LEERER_BAUM}) ON CONFLICT (mandant_id) DO NOTHING`);
      // one sequencer per tenant at a time; writers never wait on this lock
      const kopf = (await tx.execute<{ sequenz: string; hash: string }>(sql`SELECT sequenz, hash FROM protokoll.kette WHERE mandant_id = ${mandantId} FOR UPDATE`)).rows[0];
      const baum = (await tx.execute<{ groesse: string }>(sql`SELECT groesse FROM protokoll.baum WHERE mandant_id = ${mandantId} FOR UPDATE`)).rows[0];
      if (!kopf || !baum) throw new Error('Protokollkette nicht lesbar: Transaktion gehört nicht zum Mandanten');
      const bisher = Number(kopf.sequenz);
      // events already numbered before the tree existed become its first leaves
      let groesse = Number(baum.groesse);
      if (groesse < bisher) groesse = await baumNachziehen(tx, mandantId, groesse, bisher);

      // committed events only (READ COMMITTED): one still in flight is taken by a later batch
      const r = await tx.execute<Zeile>(sql`SELECT ${sql.raw(SPALTEN)} FROM protokoll.ereignis WHERE mandant_id = ${mandantId} AND sequenz IS NULL ORDER BY eingang LIMIT ${stapel}`);
      if (!r.rows.length) return { sequenziert: 0, groesse, zeiten: [] };
      let vorgaenger = kopf.hash;
      const werte = r.rows.map((z, i) => {
        const sequenz = bisher + i + 1;
        const hash = kettenHash(vorgaenger, kanonisch(alsKette(mandantId, z, sequenz)));
        vorgaenger = hash;
        return { eingang: z.eingang, zeit: z.zeit, sequenz, hash };
      });
      await tx.execute(
        sql`UPDATE protokoll.ereignis e SET sequenz = v.sequenz, hash = v.hash
              FROM jsonb_to_recordset(${JSON.stringify(werte)}::jsonb) AS v(eingang bigint, zeit timestamptz, sequenz bigint, hash text)
             WHERE e.mandant_id = ${mandantId} AND e.eingang = v.eingang AND e.zeit = v.zeit AND e.sequenz IS NULL`,
      );
      const letzter = werte[werte.length - 1]!;
      await tx.execute(sql`UPDATE protokoll.kette SET sequenz = ${letzter.sequenz}, hash = ${letzter.hash}, zeit = ${letzter.zeit}::timestamptz WHERE mandant_id = ${mandantId}`);
      const e = erweitere(
        groesse,
        await rand(tx, groesse),
        r.rows.map((z) => z.blatt ?? blattHash(blattKodierung(alsKette(mandantId, z, 1)))),
      );
      await knotenSpeichern(tx, mandantId, e.neu);
      await tx.execute(sql`UPDATE protokoll.baum SET groesse = ${e.groesse}, wurzel = ${e.wurzel} WHERE mandant_id = ${mandantId}`);
      return { sequenziert: werte.length, groesse: e.groesse, zeiten: werte.map((w) => w.zeit) };
    });
  }

  return {
    stapelSequenzieren,
    /** Integrates everything committed so far for the tenant (the read barrier of the Protokoll API). */
    async alles(mandantId: string): Promise<number> {
      // without a lock first: most reads find nothing waiting
      const [frei] = (
        await db.withMandant(mandantId, (tx) =>
          tx.execute<{ wartend: boolean }>(
            sql`SELECT EXISTS (SELECT 1 FROM protokoll.ereignis WHERE mandant_id = ${mandantId} AND sequenz IS NULL)
                  OR coalesce((SELECT sequenz FROM protokoll.kette WHERE mandant_id = ${mandantId}), 0)
                     > coalesce((SELECT groesse FROM protokoll.baum WHERE mandant_id = ${mandantId}), 0) AS wartend`,
          ),
        )
      ).rows;
      if (!frei?.wartend) return 0;
      let n = 0;
      for (;;) {
        const s = await stapelSequenzieren(mandantId);
        n += s.sequenziert;
        if (s.sequenziert < stapel) return n;
      }
    },
    /** The leaf of event `sequenz`: its bytes and hash (null if not sequenced). */
    async blatt(tx: Tx, mandantId: string, sequenz: number): Promise<{ daten: string; hash: Buffer } | null> {
      const [z] = (await tx.execute<Zeile>(sql`SELECT ${sql.raw(SPALTEN)} FROM protokoll.ereignis WHERE mandant_id = ${mandantId} AND sequenz = ${sequenz} LIMIT 1`)).rows;
      if (!z) return null;
      const daten = z.kanonisch ?? kanonisch(alsKette(mandantId, z, sequenz));
      return { daten, hash: blattVon(mandantId, z) };
    },
    /** The tenants with events waiting (one call for all tenants). */
    async wartende(): Promise<string[]> {
      const r = await db.db.transaction((tx) => tx.execute<{ m: string }>(sql`SELECT m FROM protokoll.mandanten_mit_rueckstand() AS m`));
      return r.rows.map((z) => z.m);
    },
    /** The backlog over all tenants: events waiting (counted up to `hoechstens`) and how long the oldest has waited. */
    async gesamtRueckstand(hoechstens = 100_000): Promise<{ wartend: number; aeltesterWartetSekunden: number }> {
      const r = await db.db.transaction((tx) =>
        tx.execute<{ wartend: string; sekunden: number | null }>(sql`SELECT wartend, extract(epoch FROM clock_timestamp() - aeltester)::float8 AS sekunden FROM protokoll.rueckstand(${hoechstens})`),
      );
      const z = r.rows[0];
      return { wartend: Number(z?.wartend ?? 0), aeltesterWartetSekunden: Math.max(0, Math.round((z?.sekunden ?? 0) * 10) / 10) };
    },
    /** Events of the tenant waiting to be sequenced. */
    async rueckstand(mandantId: string): Promise<number> {
      const r = await db.withMandant(mandantId, (tx) => tx.execute<{ n: string }>(sql`SELECT count(*) AS n FROM protokoll.ereignis WHERE mandant_id = ${mandantId} AND sequenz IS NULL`));
      return Number(r.rows[0]?.n ?? 0);
    },
  };
}

export type Sequenzierer = ReturnType<typeof createSequenzierer>;
