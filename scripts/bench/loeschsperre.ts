// The retention-shortening check (gesperrteErbendeAkten in packages/schriftgutverwaltung): how many
// held Akten inherit a unit's Frist, for 2,000 and 10,000 Akten under one unit with a few holds.
// Subject: the set-based gate as the check asks it (migration 0035, one call per statement);
// baseline: the same count with the per-row gate (one definer call per Akte, as before 0035).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { mandantenAnlegen } from './audit.js';
import { imMandanten } from '../lib/mandant.js';
import type { BenchKontext } from './index.js';
import { messe, vergleiche, type Zeile } from './lib.js';

export const name = 'loeschsperre';

const ERBENDE = `SELECT a.id FROM akten.akte a
   WHERE a.aktenplaneinheit_id IN (SELECT id FROM akten.frist_erbende_einheiten($1::uuid))
     AND a.aufbewahrungsfrist IS NULL AND NOT a.unbefristet`;
const SATZ_SQL = `SELECT count(*)::int AS n FROM aussonderung.gesperrte_objekte('akte', ARRAY(${ERBENDE})) g`;
const JE_ZEILE_SQL = `SELECT count(*)::int AS n FROM (${ERBENDE}) a WHERE EXISTS (SELECT 1 FROM aussonderung.aktive_loeschsperren('akte', a.id))`;

/** A unit with `n` Akten inheriting its Frist; 3 holds on 5 Akten each. */
async function einheitMitAkten(owner: pg.Pool, mandantId: string, n: number, ab: number): Promise<string> {
  const einheit = randomUUID();
  await imMandanten(owner, mandantId, async (c) => {
    await c.query(`INSERT INTO akten.aktenplaneinheit (id, mandant_id, kennzeichen, titel, aufbewahrungsfrist) VALUES ($1, $2, $3, 'Bench', 10)`, [einheit, mandantId, `B${n}`]);
    await c.query(
      `INSERT INTO akten.akte (id, mandant_id, aktenplaneinheit_id, aktenzeichen, laufende_nummer, jahr, betreff, laufzeit_beginn, erstellt_von)
       SELECT gen_random_uuid(), $1, $2, 'B-' || ($3::int + g) || '/2026', $3::int + g, 2026, 'Bench', '2026-01-01', 'bench' FROM generate_series(1, $4::int) g`,
      [mandantId, einheit, ab, n],
    );
    for (let i = 0; i < 3; i++) {
      const sperre = randomUUID();
      await c.query(`INSERT INTO aussonderung.loeschsperre (id, mandant_id, bezeichnung, grund, erstellt_von) VALUES ($1, $2, 'Bench', 'Bench', 'bench')`, [sperre, mandantId]);
      await c.query(
        `INSERT INTO aussonderung.loeschsperre_akte (mandant_id, loeschsperre_id, akte_id)
         SELECT $1, $2, a.id FROM akten.akte a WHERE a.aktenplaneinheit_id = $3 ORDER BY a.laufende_nummer OFFSET $4::int LIMIT 5`,
        [mandantId, sperre, einheit, i * 5],
      );
    }
  });
  return einheit;
}

export async function run(ctx: BenchKontext): Promise<Zeile[]> {
  const { 'bench-loeschsperre': mandantId } = await mandantenAnlegen(ctx.ownerUrl, ['bench-loeschsperre']);
  const owner = new pg.Pool({ connectionString: ctx.ownerUrl, max: 1 });
  const pool = new pg.Pool({ connectionString: ctx.appUrl, max: 1 });
  owner.on('error', () => {}); // PostgreSQL stopping at the end must not crash the run
  pool.on('error', () => {});
  try {
    const groessen = [2_000, 10_000];
    const einheiten: string[] = [];
    let ab = 0;
    for (const n of groessen) {
      einheiten.push(await einheitMitAkten(owner, mandantId!, n, ab));
      ab += n;
    }
    await owner.query('ANALYZE akten.akte');
    await owner.query('ANALYZE aussonderung.loeschsperre_akte');
    const anfragen = ctx.groesse === 'quick' ? 2 : 5;
    const zeilen: Zeile[] = [];
    for (const [i, n] of groessen.entries()) {
      const zaehle = async (text: string) => {
        const r = await imMandanten(pool, mandantId!, (c) => c.query<{ n: number }>(text, [einheiten[i]]));
        if (r.rows[0]!.n !== 15) throw new Error(`expected 15 held Akten, found ${r.rows[0]!.n}`);
      };
      zeilen.push(
        await vergleiche(
          `held Akten inheriting a unit's Frist (${n.toLocaleString('en')} Akten, 15 held): set-based vs per row`,
          ctx.runs,
          () => messe(() => zaehle(SATZ_SQL), anfragen, 1),
          () => messe(() => zaehle(JE_ZEILE_SQL), anfragen, 1),
        ),
      );
    }
    return zeilen;
  } finally {
    await Promise.all([owner.end(), pool.end()]);
  }
}
