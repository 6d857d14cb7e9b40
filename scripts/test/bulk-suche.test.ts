// The bulk loader behind the benchmarks writes a consistent tenant (Akten, Vorgänge, Dokumente
// with full text), and search over more full-text matches than it ranks (DOKUMENT_KANDIDATEN)
// still answers with document hits, page after page without repeats; likewise a typo matching more
// Akten than the fallback ranks (AEHNLICH_KANDIDATEN), without showing an Akte above the clearance.
import akten from '@eakte/akten';
import { authHeader, build, expectContract, testDatenbankUrl, testMandant } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { AEHNLICH_KANDIDATEN, DOKUMENT_KANDIDATEN } from '../../services/akten/src/repositories/suche.js';
import { bulkSeeden, dokumenteSeeden } from '../lib/bulk.js';
import { imMandanten } from '../lib/mandant.js';

interface Treffer {
  typ: string;
  id: string;
  trefferArt: string;
}

/** Searches `q` three pages of 50 deep: each page as the contract says, full, of hits `passt` accepts, none seen before, with a cursor on. */
async function dreiSeiten(app: FastifyInstance, h: Record<string, string>, q: string, passt: (t: Treffer) => boolean): Promise<Set<string>> {
  const gesehen = new Set<string>();
  let cursor: string | null = null;
  for (let seite = 0; seite < 3; seite++) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/suche?q=${encodeURIComponent(q)}&limit=50${cursor ? `&cursor=${cursor}` : ''}`, headers: h });
    expect(res.statusCode, res.body).toBe(200);
    expectContract(res, 'suche');
    const body = res.json() as { items: Treffer[]; nextCursor: string | null };
    expect(body.items).toHaveLength(50);
    expect(body.items.every(passt)).toBe(true);
    for (const t of body.items) {
      expect(gesehen.has(t.id)).toBe(false);
      gesehen.add(t.id);
    }
    cursor = body.nextCursor;
    expect(cursor).toBeTruthy();
  }
  return gesehen;
}

describe('bulk tenant and capped document search', { timeout: 120_000 }, () => {
  it('loads Akten, Vorgänge and Dokumente by COPY and searches past the candidate cap', async () => {
    const app = await build(akten);
    const m = await testMandant('bulk');
    const anzahl = DOKUMENT_KANDIDATEN + 500;
    await bulkSeeden(inject('ownerUrl'), m.id, { akten: 200, einheiten: 20 });
    await dokumenteSeeden(inject('ownerUrl'), m.id, { dokumente: anzahl, woerter: 20 });

    const r = await imMandanten(inject('ownerUrl'), m.id, (owner) =>
      owner.query<{ dok: number; volltext: number; verwaist: number }>(
        `SELECT (SELECT count(*)::int FROM dokumente.dokument) AS dok,
                (SELECT count(*)::int FROM dokumente.volltext WHERE vektor @@ to_tsquery('german', 'Sehr & geehrt')) AS volltext,
                (SELECT count(*)::int FROM dokumente.dokument d WHERE NOT EXISTS (SELECT 1 FROM dokumente.dokument_version v WHERE v.dokument_id = d.id)) AS verwaist`,
      ),
    );
    expect(r.rows[0]).toEqual({ dok: anzahl, volltext: anzahl, verwaist: 0 });

    // every generated letter starts with „Sehr geehrte Damen und Herren“: all of them match
    const h = await authHeader({ tenant: m.slug, roles: ['sachbearbeitung'] });
    await dreiSeiten(app, h, 'geehrte Damen', (t) => t.typ === 'dokument');
  });

  it('ranks a typo over more trigram matches than the fallback caps, page after page, only visible Akten', async () => {
    const app = await build(akten);
    const m = await testMandant('bulk-tippfehler');
    const anzahl = AEHNLICH_KANDIDATEN * 2 + 200;
    await bulkSeeden(inject('ownerUrl'), m.id, { akten: anzahl, einheiten: 20 });
    // every Akte says the same word; every other one is VS-NfD, above the user's clearance
    await imMandanten(
      inject('ownerUrl'),
      m.id,
      async (owner) => {
        await owner.query(`UPDATE akten.akte SET betreff = 'Windkraftanlage ' || laufende_nummer,
                                  vertraulichkeitsstufe = CASE WHEN laufende_nummer % 2 = 0 THEN '002' ELSE '003' END`);
        await owner.query(`UPDATE akten.vorgang SET betreff = 'Stellungnahme'`);
      },
      (owner) => owner.query('ANALYZE akten.akte, akten.vorgang'),
    );

    const h = await authHeader({ tenant: m.slug, roles: ['sachbearbeitung'] });
    const gesehen = await dreiSeiten(app, h, 'Wndkraftanlage', (t) => t.typ === 'akte' && t.trefferArt === 'aehnlich');
    const r = await imMandanten(inject('ownerUrl'), m.id, (owner) =>
      owner.query<{ stufe: string; n: number }>('SELECT vertraulichkeitsstufe AS stufe, count(*)::int AS n FROM akten.akte WHERE id = ANY($1::uuid[]) GROUP BY 1', [[...gesehen]]),
    );
    expect(r.rows).toEqual([{ stufe: '003', n: 150 }]);
  });

  it('finds Dokumente of the own tenant only: what Dokumente publishes for the search answers nothing outside a tenant context', async () => {
    const app = await build(akten);
    const a = await testMandant('volltext-a');
    const b = await testMandant('volltext-b');
    for (const [m, dokumente] of [
      [a, 30],
      [b, 20],
    ] as const) {
      await bulkSeeden(inject('ownerUrl'), m.id, { akten: 10, einheiten: 3 });
      await dokumenteSeeden(inject('ownerUrl'), m.id, { dokumente, woerter: 10 });
    }
    // the same letters in both tenants: B's search shows B's 20 and none of A's
    const res = await app.inject({ method: 'GET', url: `/api/v1/suche?q=${encodeURIComponent('geehrte Damen')}&limit=200`, headers: await authHeader({ tenant: b.slug, roles: ['sachbearbeitung'] }) });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: { typ: string }[] }).items.filter((t) => t.typ === 'dokument')).toHaveLength(20);

    // as the Akten service's role: no tenant, no rows; a tenant, its rows
    const rolle = new pg.Client({ connectionString: testDatenbankUrl('akten') });
    await rolle.connect();
    const treffer = async (mandant: string | null) => {
      await rolle.query('BEGIN');
      if (mandant) await rolle.query(`SELECT set_config('app.mandant', $1, true)`, [mandant]);
      const r = await rolle.query<{ n: number }>(`SELECT count(*)::int AS n FROM dokumente.volltext_treffer(websearch_to_tsquery('german', 'geehrte'), 1000)`);
      await rolle.query('COMMIT');
      return r.rows[0]!.n;
    };
    try {
      expect(await treffer(null)).toBe(0);
      expect(await treffer(a.id)).toBe(30);
      await expect(rolle.query('SELECT count(*) FROM dokumente.volltext')).rejects.toThrow(/permission denied/);
    } finally {
      await rolle.end();
    }
  });
});
