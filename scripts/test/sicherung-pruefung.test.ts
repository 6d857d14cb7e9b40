// The check after a restore (scripts/lib/sicherung.ts `pruefen`) against the real schema: every table
// that names an object in storage is asked, so a restored object a row still names is never reported
// as an orphan. The full backup and restore drill is scripts/betrieb/sicherung.test.ts.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ObjectStore } from '@eakte/storage';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { pruefen } from '../lib/sicherung.js';

const stille = { schritt() {}, weiter() {}, info() {} };

/** Storage holding just the given objects (only what `pruefen` reads: list and get). */
function speicherMit(objekte: Map<string, Buffer>): ObjectStore {
  return {
    async *list() {
      for (const [key, inhalt] of objekte) yield { key, size: inhalt.length };
    },
    async get(key: string) {
      return Readable.from([objekte.get(key)!]);
    },
  } as unknown as ObjectStore;
}

describe('the restore check', () => {
  it('counts the scan of a Scanstapel and a Nachtrag to a Vernichtungsprotokoll as named by their rows, not as orphans', async () => {
    // a tenant of its own: its rows show up in no other test's lists
    const mandantId = randomUUID();
    const id = randomUUID();
    const schluessel = `${mandantId}/${randomUUID()}`;
    const inhalt = Buffer.from(`%PDF-1.7 Scanstapel ${id}`);
    const sha256 = createHash('sha256').update(inhalt).digest('hex');
    // a Nachtrag not filed in an Akte: only its own row names it
    const nachtrag = `aussonderung/${mandantId}/${id}/vernichtungsprotokoll-${id}-nachtrag-1.pdf`;
    const nachtragInhalt = Buffer.from(`%PDF-1.7 Nachtrag ${id}`);
    const db = new pg.Client({ connectionString: inject('superuserUrl') });
    await db.connect();
    try {
      await db.query(`INSERT INTO plattform.mandant (id, slug, name) VALUES ($1, $2, 'Sicherungsprüfung')`, [mandantId, `s${id.replaceAll('-', '').slice(-12)}`]);
      await db.query(`INSERT INTO aussonderung.aussonderung (id, mandant_id, erstellt_von) VALUES ($1, $2, 'registratur')`, [id, mandantId]);
      await db.query(`INSERT INTO aussonderung.vernichtung (id, mandant_id, aussonderung_id, beantragt_von, beantragt_von_name) VALUES ($1, $2, $1, 'registratur', 'Registratur')`, [id, mandantId]);
      await db.query(`INSERT INTO aussonderung.vernichtungsnachtrag (id, mandant_id, vernichtung_id, nr, objekte, schluessel, sha256) VALUES ($1, $2, $1, 1, '[]', $3, $4)`, [
        id,
        mandantId,
        nachtrag,
        createHash('sha256').update(nachtragInhalt).digest('hex'),
      ]);
      await db.query(
        `INSERT INTO dokumente.scanstapel (id, mandant_id, betreff, eingangsdatum, gescannt_von, gescannt_am, geraet, original, speicherschluessel, groesse, sha256, mime_type, dateiname, eingegangen_von)
         VALUES ($1, $2, 'Posteingang Montag', current_date, 'poststelle', now(), 'Scanner 1', 'aufbewahren', $3, $4, $5, 'application/pdf', 'stapel.pdf', 'poststelle')`,
        [id, mandantId, schluessel, inhalt.length, sha256],
      );
    } finally {
      await db.end();
    }
    const verwaist = `${mandantId}/${randomUUID()}`;
    const bericht = await pruefen({
      superuserUrl: inject('superuserUrl'),
      speicher: speicherMit(
        new Map([
          [schluessel, inhalt],
          [nachtrag, nachtragInhalt],
          [verwaist, Buffer.from('später')],
        ]),
      ),
      fortschritt: stille,
    });
    expect(bericht.verwaist.map((v) => v.schluessel)).toEqual([verwaist]);
    // both checked against the SHA-256 their rows record
    const kaputt = await pruefen({
      superuserUrl: inject('superuserUrl'),
      speicher: speicherMit(
        new Map([
          [schluessel, Buffer.from('x')],
          [nachtrag, Buffer.from('y')],
        ]),
      ),
      fortschritt: stille,
    });
    expect(kaputt.abweichend.map((a) => a.tabelle).sort()).toEqual(['aussonderung.vernichtungsnachtrag', 'dokumente.scanstapel']);
  });
});
