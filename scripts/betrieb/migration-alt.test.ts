// Migrations while the old version runs (CONTRIBUTING.md#migrations-while-the-old-version-runs): the
// previous release — the commit before the newest migration arrived — serves with two instances of every
// service at its own migration level; under load the migrations it lacks are applied, then the first instance
// of every service is restarted with this checkout's code, so old and new code serve side by side on the
// new schema. No request may fail but the documented retryable ones, no acknowledged Dokument be lost.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runMigrations } from '@eakte/db';
import { berichte, einheitFuerNeueAkten } from '@eakte/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../lib/generated.js';
import { DIENSTE, frueheresRelease, starteTopologie, type Topologie } from './topologie.js';

const journal = JSON.parse(readFileSync(path.join(root, 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const neueste = journal.entries.at(-1)!.tag;

/** The newest commit on the first-parent line of HEAD that does not have the newest migration yet. */
function vorigesRelease(): string {
  const commits = execFileSync('git', ['rev-list', '--first-parent', '--max-count=200', 'HEAD'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const c of commits) {
    try {
      execFileSync('git', ['cat-file', '-e', `${c}:db/migrations/${neueste}.sql`], { cwd: root, stdio: 'ignore' });
    } catch {
      return c;
    }
  }
  throw new Error(`no commit without db/migrations/${neueste}.sql in the last 200 of HEAD's first-parent history: the clone is too shallow for this test`);
}

let t: Topologie;
let release: ReturnType<typeof frueheresRelease>;
const commit = vorigesRelease();

beforeAll(async () => {
  release = frueheresRelease(commit);
  t = await starteTopologie({ wurzel: release.wurzel, env: { PROTOKOLL_CHECKPOINT_INTERVALL: '0' }, gatewayEnv: { RATE_LIMIT_MAX: '100000' } });
});
afterAll(async () => {
  await t?.stop();
  release?.entfernen();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const warte = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function angewandt(): Promise<number> {
  const db = new pg.Client({ connectionString: t.infra.ownerUrl });
  await db.connect();
  try {
    return (await db.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0]!.n;
  } finally {
    await db.end();
  }
}

describe('migrations while the previous release serves', () => {
  it('applies the newest migration under load and restarts onto the new code with 0 failed requests', async (context) => {
    // the previous release's own level: one migration fewer, or more when one merge brought several
    const alteStufe = await angewandt();
    expect(alteStufe).toBeLessThan(journal.entries.length);
    const sb = await t.kopf(['sachbearbeitung']);
    const pruefung = await t.kopf(['pruefung']);
    const json = { ...sb, 'content-type': 'application/json' };
    const plan = (await (await fetch(`${t.gateway}/api/v1/aktenplan`, { headers: sb })).json()) as { einheiten: { id: string }[] };
    const einheitId = einheitFuerNeueAkten(plan.einheiten).id;
    const z = { anfragen: 0, wiederholt: 0, fehler: [] as string[] };
    const bestaetigt: { id: string; sha256: string }[] = [];
    let aus = false;
    // a client as the API documents it: 503 with Retry-After is repeated (an upload with its Idempotency-Key)
    const anfrage = async (pfad: string, init: RequestInit = {}) => {
      for (let versuch = 0; ; versuch++) {
        z.anfragen++;
        const res = await fetch(`${t.gateway}${pfad}`, init);
        // patient as a client should be: a restarting instance under CI load may take many seconds
        if (res.status !== 503 || !res.headers.get('retry-after') || versuch >= 60) return res;
        z.wiederholt++;
        await res.body?.cancel();
        await warte(500);
      }
    };
    const pruefe = async (was: string, res: Response, status: number) => {
      if (res.status !== status) z.fehler.push(`${was}: ${res.status} (Retry-After ${res.headers.get('retry-after') ?? 'none'}) ${await res.text()}`);
      else return res;
    };
    // each round: an Akte with a Vorgang (Akten), an upload and a read (Dokumente), the audit trail (Protokoll)
    const client = async (c: number) => {
      for (let n = 0; !aus; n++) {
        try {
          const akte = await pruefe(
            'akte',
            await anfrage('/api/v1/akten', { method: 'POST', headers: json, body: JSON.stringify({ aktenplaneinheitId: einheitId, betreff: `Release ${c}-${n}` }) }),
            201,
          );
          if (!akte) continue;
          const { id: akteId } = (await akte.json()) as { id: string };
          const vorgang = await pruefe('vorgang', await anfrage(`/api/v1/akten/${akteId}/vorgaenge`, { method: 'POST', headers: json, body: JSON.stringify({ betreff: `Vorgang ${c}-${n}` }) }), 201);
          if (!vorgang) continue;
          const { id: vorgangId } = (await vorgang.json()) as { id: string };
          // a text line first: random base64 may begin with `BM`, which the upload check takes for a bitmap
          const inhalt = Buffer.from(`Release ${c}-${n}\n${randomBytes(2_000 + Math.floor(Math.random() * 20_000)).toString('base64')}`);
          const schluessel = randomUUID();
          const upload = await pruefe(
            'upload',
            await anfrage(`/api/v1/vorgaenge/${vorgangId}/dokumente`, {
              method: 'POST',
              headers: { ...sb, 'idempotency-key': schluessel },
              body: (() => {
                const form = new FormData();
                form.set('betreff', `Release ${c}-${n}`);
                form.set('datumDesSchreibens', '2026-12-01');
                form.set('datei', new Blob([inhalt], { type: 'text/plain' }), 'release.txt');
                return form;
              })(),
            }),
            201,
          );
          if (!upload) continue;
          bestaetigt.push({ id: ((await upload.json()) as { id: string }).id, sha256: sha(inhalt) });
          const ziel = bestaetigt[Math.floor(Math.random() * bestaetigt.length)]!;
          const gelesen = await pruefe('read', await anfrage(`/api/v1/dokumente/${ziel.id}/inhalt`, { headers: sb }), 200);
          if (gelesen && sha(new Uint8Array(await gelesen.arrayBuffer())) !== ziel.sha256) z.fehler.push(`read ${ziel.id}: other bytes`);
          const protokoll = await pruefe('protokoll', await anfrage(`/api/v1/protokoll?limit=5`, { headers: pruefung }), 200);
          await protokoll?.body?.cancel();
        } catch (err) {
          z.fehler.push(`client ${c}: ${(err as Error).message}`);
        }
      }
    };
    const last = Promise.all([0, 1, 2].map(client));
    const phasen = { vorher: 0, migration: 0, neu: 0, migrationMs: 0, neuStartMs: 0 };
    try {
      await warte(3_000);
      phasen.vorher = z.anfragen;
      const t0 = Date.now();
      await runMigrations(t.infra.ownerUrl);
      phasen.migrationMs = Date.now() - t0;
      // the previous release keeps serving on the new schema for a while
      await warte(3_000);
      phasen.migration = z.anfragen - phasen.vorher;
      const t1 = Date.now();
      for (const d of DIENSTE) {
        const e = await t.stoppe(d, 0);
        expect({ dienst: d, code: e.code }).toEqual({ dienst: d, code: 0 });
        await t.starte(d, 0, root);
      }
      phasen.neuStartMs = Date.now() - t1;
      await warte(3_000);
    } finally {
      aus = true;
      await last;
    }
    phasen.neu = z.anfragen - phasen.vorher - phasen.migration;
    expect(await angewandt()).toBe(journal.entries.length);
    expect(DIENSTE.map((d) => t.instanzen[d].map((p) => (p.wurzel === root ? 'neu' : 'alt')))).toEqual(DIENSTE.map(() => ['neu', 'alt']));

    const verloren: string[] = [];
    for (const b of bestaetigt) {
      const res = await fetch(`${t.gateway}/api/v1/dokumente/${b.id}/inhalt`, { headers: sb });
      const g = res.ok ? sha(new Uint8Array(await res.arrayBuffer())) : `${res.status}`;
      if (g !== b.sha256) verloren.push(`${b.id}: ${g}`);
    }
    expect({ n: z.fehler.length, erste: z.fehler.slice(0, 5) }).toEqual({ n: 0, erste: [] });
    expect(verloren).toEqual([]);
    expect(phasen.migration).toBeGreaterThan(0);
    berichte(
      context,
      'migration while the old version runs',
      `previous release ${commit.slice(0, 7)} at ${alteStufe} migrations, ${journal.entries.length - alteStufe} up to ${neueste} applied under load in ${phasen.migrationMs} ms; ` +
        `${z.anfragen} requests (${phasen.migration} while the old code served the new schema, ${phasen.neu} during ${Math.round(phasen.neuStartMs / 1000)} s of restarts onto the new code), ` +
        `${z.fehler.length} failed, ${z.wiederholt} retried after 503 + Retry-After, ${bestaetigt.length} Dokumente acknowledged, ${verloren.length} lost`,
    );
  });
});
