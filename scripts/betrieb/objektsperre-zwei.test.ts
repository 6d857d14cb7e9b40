// The object-lock job in the two-instance topology, on a real S3 server with Object Lock (a one-node
// Ceph RADOS Gateway, scripts/ceph-s3.sh; Debian packages radosgw ceph-mon ceph-osd): every job that
// applies a lock is worked by one instance, once, and every object version ends with the lock its
// Akte asks for — a legal hold while the Akte is open, the retention date once it is closed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createObjectStore, sperreFuer } from '@eakte/storage';
import { berichte } from '@eakte/testing';
import * as Minio from 'minio';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../lib/generated.js';
import { starteTopologie, type Topologie } from './topologie.js';

let t: Topologie;
let s3: Record<string, string>;
const cephDir = mkdtempSync(path.join(tmpdir(), 'eakte-betrieb-ceph-'));

beforeAll(async () => {
  try {
    execFileSync('sh', ['-c', 'command -v radosgw && command -v ceph-mon && command -v ceph-osd'], { stdio: 'ignore' });
  } catch {
    throw new Error('this suite needs a Ceph RADOS Gateway: install the Debian packages radosgw ceph-mon ceph-osd');
  }
  execFileSync('bash', ['scripts/ceph-s3.sh', 'start', cephDir], { cwd: root, env: { ...process.env, CEPH_S3_QUIET: '1' }, stdio: 'ignore' });
  s3 = Object.fromEntries(
    readFileSync(path.join(cephDir, 's3.env'), 'utf8')
      .split('\n')
      .flatMap((z) => {
        const m = /^(S3_\w+)=(.*)$/.exec(z.trim());
        return m ? [[m[1]!, m[2]!]] : [];
      }),
  );
  s3.S3_BUCKET = 'eakte-betrieb';
  s3.S3_PATH_STYLE = 'true';
  // created once before the instances start (each would otherwise try to create it with object lock)
  await createObjectStore({
    endpoint: s3.S3_ENDPOINT!,
    accessKey: s3.S3_ACCESS_KEY!,
    secretKey: s3.S3_SECRET_KEY!,
    region: s3.S3_REGION ?? 'us-east-1',
    bucket: s3.S3_BUCKET,
    pathStyle: true,
    objectLock: 'governance',
  }).ensureBucket();
  t = await starteTopologie({ s3, env: { S3_OBJECT_LOCK: 'governance', DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '1' }, gatewayEnv: { RATE_LIMIT_MAX: '100000' } });
});
afterAll(async () => {
  await t?.stop();
  try {
    execFileSync('bash', ['scripts/ceph-s3.sh', 'stop', cephDir], { cwd: root, stdio: 'ignore' });
  } finally {
    rmSync(cephDir, { recursive: true, force: true });
  }
});

const warte = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

function client() {
  const url = new URL(s3.S3_ENDPOINT!);
  return new Minio.Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey: s3.S3_ACCESS_KEY!,
    secretKey: s3.S3_SECRET_KEY!,
    region: s3.S3_REGION ?? 'us-east-1',
    pathStyle: true,
  });
}

type Stand = { schluessel: string; versionId: string; modus: string | null; bis: string | null; hold: string };

/** The lock of every version of the keys, as the server reports it. */
async function sperren(c: Minio.Client, schluessel: string[]): Promise<Stand[]> {
  const aus: Stand[] = [];
  for (const k of schluessel) {
    for await (const v of c.listObjects(s3.S3_BUCKET!, k, false, { IncludeVersion: true } as never) as AsyncIterable<{ name?: string; versionId?: string; isDeleteMarker?: boolean }>) {
      if (v.name !== k || v.isDeleteMarker) continue;
      const r = (await c.getObjectRetention(s3.S3_BUCKET!, k, { versionId: v.versionId! }).catch(() => null)) as { mode?: string; retainUntilDate?: string } | null;
      const h = (await c.getObjectLegalHold(s3.S3_BUCKET!, k, { versionId: v.versionId! }).catch(() => ({ Status: 'OFF' }))) as unknown as { Status: string };
      aus.push({ schluessel: k, versionId: v.versionId!, modus: r?.mode ?? null, bis: r?.retainUntilDate ? new Date(r.retainUntilDate).toISOString() : null, hold: h.Status });
    }
  }
  return aus;
}

async function bis<T>(was: string, f: () => Promise<T>, ok: (x: T) => boolean, ms = 90_000): Promise<T> {
  const ende = Date.now() + ms;
  for (;;) {
    const x = await f();
    if (ok(x)) return x;
    if (Date.now() > ende) throw new Error(`${was}: ${JSON.stringify(x)}`);
    await warte(500);
  }
}

describe('object lock with two instances of every service, on Ceph RGW', () => {
  it('applies each lock job once: legal hold on every new version, the retention date after z.d.A.', async (context) => {
    const kopf = await t.kopf(['registratur']);
    const h = { ...kopf, 'content-type': 'application/json' };
    const plan = await json<{ einheiten: { id: string; kennzeichen: string }[] }>(await fetch(`${t.gateway}/api/v1/aktenplan`, { headers: kopf }));
    const akte = await json<{ id: string }>(
      await fetch(`${t.gateway}/api/v1/akten`, {
        method: 'POST',
        headers: h,
        body: JSON.stringify({ aktenplaneinheitId: plan.einheiten.find((e) => e.kennzeichen === '4.2')!.id, betreff: 'Gesperrt' }),
      }),
    );
    const vorgang = await json<{ id: string }>(await fetch(`${t.gateway}/api/v1/akten/${akte.id}/vorgaenge`, { method: 'POST', headers: h, body: JSON.stringify({ betreff: 'Anzeige' }) }));
    const n = 8;
    for (let i = 0; i < n; i++) {
      const form = new FormData();
      form.set('betreff', `Gesperrt ${i}`);
      form.set('datumDesSchreibens', '2026-12-01');
      form.set('datei', new Blob([`Gewerbeanzeige ${i}\n`.repeat(20)], { type: 'text/plain' }), `anzeige-${i}.txt`);
      await json(await fetch(`${t.gateway}/api/v1/vorgaenge/${vorgang.id}/dokumente`, { method: 'POST', headers: kopf, body: form }));
    }
    const db = new pg.Client({ connectionString: t.infra.superuserUrl ?? t.infra.ownerUrl });
    await db.connect();
    let schluessel: string[];
    let aufbewahrungBis: string;
    try {
      const r = await db.query<{ k: string }>(
        `select v.speicherschluessel as k from dokumente.dokument_version v join dokumente.dokument d on d.id = v.dokument_id where d.vorgang_id = $1 order by 1`,
        [vorgang.id],
      );
      schluessel = r.rows.map((x) => x.k);
      expect(schluessel).toHaveLength(n);
      const c = client();
      // open Akte: a legal hold on every version, set by the job of its upload
      await bis(
        'legal hold on every version',
        () => sperren(c, schluessel),
        (s) => s.length === n && s.every((x) => x.hold === 'ON'),
      );
      await json(await fetch(`${t.gateway}/api/v1/vorgaenge/${vorgang.id}/zda`, { method: 'POST', headers: kopf }));
      await json(await fetch(`${t.gateway}/api/v1/akten/${akte.id}/zda`, { method: 'POST', headers: h, body: '{}' }));
      aufbewahrungBis = (await db.query<{ bis: string }>(`select aufbewahrung_bis::text as bis from akten.akte where id = $1`, [akte.id])).rows[0]!.bis;
      const erwartet = sperreFuer('governance', { aufbewahrungBis: new Date(aufbewahrungBis), unbefristet: false, loeschsperre: false })!;
      // closed: the retention date of the Akte's end on every version, the hold released
      const stand = await bis(
        'retention on every version',
        () => sperren(c, schluessel),
        (s) => s.length === n && s.every((x) => x.hold === 'OFF' && x.modus === 'GOVERNANCE' && x.bis === erwartet.retention!.retainUntilDate),
      );
      expect(new Set(stand.map((x) => x.bis))).toEqual(new Set([erwartet.retention!.retainUntilDate]));
    } finally {
      await db.end();
    }
    // a job that ran twice would show here; give a late second run the time to log
    await warte(3_000);
    const je = new Map<string, string[]>();
    for (const z of t.logs('dokumente')) {
      if (z.msg !== 'job done' || z.aufgabe !== 'objektsperre') continue;
      je.set(String(z.auftragId), [...(je.get(String(z.auftragId)) ?? []), String(z.prozess)]);
    }
    expect([...je.entries()].filter(([, p]) => p.length > 1)).toEqual([]);
    // one per upload and one for the z.d.A. (jobs queued under the same key while waiting are merged)
    expect(je.size).toBeGreaterThanOrEqual(2);
    const warnungen = t.logs('dokumente').filter((z) => z.msg === 'object lock could not be applied; retried');
    const proInstanz = ['dokumente-1', 'dokumente-2'].map((p) => `${p} ${[...je.values()].filter((x) => x[0] === p).length}`);
    berichte(
      context,
      'object lock, two instances (Ceph RGW, GOVERNANCE)',
      `${je.size} lock jobs for ${n} Dokumente and one z.d.A. (${proInstanz.join(', ')}), each done once, ${warnungen.length} retried; every version with legal hold while open, retain-until ${aufbewahrungBis!} 23:59:59 UTC after z.d.A.`,
    );
  });
});
