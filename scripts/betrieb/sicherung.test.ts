// The backup and restore drill of the embedded default: load data through the API, back up, keep
// working, restore to the backup point into a fresh database and bucket, start the platform on it.
// Then rows against objects (same SHA-256), the later uploads as orphans, the audit rollback detected
// against the signed checkpoint in object storage until an operator acknowledges it with a reason.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, signDevToken } from '@eakte/platform';
import { berichte } from '@eakte/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { akteMitVorgang, api, pdf } from '../bench/lib.js';
import { root } from '../lib/generated.js';
import { startPlatform, type Platform } from '../lib/platform.js';
import { sicherungen, sicherungErstellen, sicherungsDirVon, walArchivVon, wiederherstellen, type SicherungsInfo, type WiederherstellungsInfo } from '../lib/sicherung.js';

const log = createServer({ logLevel: 'error' }).log;
const stille = { schritt() {}, weiter() {}, info() {} };
const dirs: string[] = [];
let laufend: Platform | undefined;
afterAll(async () => {
  await laufend?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function starten(dataDir: string, seed: boolean) {
  laufend = await startPlatform({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    // no periodic checkpoint round: the test signs them itself
    env: { ...process.env, PROTOKOLL_CHECKPOINT_INTERVALL: '0' },
    log,
    logLevel: 'error',
    pretty: false,
    seed,
    devIssuer: true,
    fast: true,
    walArchiv: walArchivVon(dataDir),
  });
  return laufend;
}

const token = (p: Platform, rollen: string[]) =>
  signDevToken(p.devIssuer!.key, { issuer: p.devIssuer!.issuer, audience: 'eakte', sub: `drill-${rollen[0]}`, mandant: 'demo', rollen, ttlSeconds: 3600 });

async function hochladen(p: Platform, t: string, vorgangId: string, marke: string): Promise<string> {
  const inhalt = pdf(64 * 1024 + marke.length * 997, marke);
  const form = new FormData();
  form.set('betreff', `Drill ${marke}`);
  form.set('datumDesSchreibens', '2026-11-02');
  form.set('datei', new Blob([new Uint8Array(inhalt)], { type: 'application/pdf' }), `${marke}.pdf`);
  const res = await fetch(`${p.url}/api/v1/vorgaenge/${vorgangId}/dokumente`, { method: 'POST', headers: { authorization: `Bearer ${t}` }, body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return createHash('sha256').update(inhalt).digest('hex');
}

async function zeilen(superuserUrl: string, tabelle = 'dokument_version'): Promise<{ schluessel: string; sha256: string }[]> {
  const db = new pg.Client({ connectionString: superuserUrl });
  await db.connect();
  try {
    return (await db.query<{ schluessel: string; sha256: string }>(`SELECT speicherschluessel AS schluessel, sha256 FROM dokumente.${tabelle} ORDER BY 1`)).rows;
  } finally {
    await db.end();
  }
}

/** The gateway's /health until `erwartet` holds for its hints (looked up in the background), at most 30 s. */
async function healthBis(p: Platform, erwartet: (hinweise: string) => boolean): Promise<{ status: string; hinweise?: string[] }> {
  const bis = Date.now() + 30_000;
  for (;;) {
    const h = (await (await fetch(`${p.url}/health`)).json()) as { status: string; hinweise?: string[] };
    if (erwartet((h.hinweise ?? []).join(' ')) || Date.now() > bis) return h;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function befehl(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return kommando(process.execPath, ['--import', 'tsx', ...args], { ...process.env, LOG_LEVEL: 'info' });
}

/** A command as an operator types it, run asynchronously (the platform under test runs in this process). */
function kommando(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const kind = spawn(cmd, args, { cwd: root, env });
    let stdout = '';
    let stderr = '';
    kind.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    kind.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    kind.on('error', reject);
    kind.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('backup and restore drill', () => {
  const alt = mkdtempSync(path.join(tmpdir(), 'eakte-drill-alt-'));
  const neu = path.join(mkdtempSync(path.join(tmpdir(), 'eakte-drill-neu-')), 'data');
  dirs.push(alt, path.dirname(neu));
  let sicherung: SicherungsInfo;
  let vorher: { schluessel: string; sha256: string }[];
  let danach: { schluessel: string; sha256: string }[];
  let objekteImStand: number;
  let wiederhergestellt: WiederherstellungsInfo;
  let spaeterCheckpoint: { sequenz: number; hash: string };

  it('backs up a running platform and restores it to the backup point in a fresh database and bucket', async () => {
    let p = await starten(alt, true);
    const sb = await token(p, ['sachbearbeitung']);
    const akten = [];
    for (let i = 0; i < 3; i++) akten.push(await akteMitVorgang(p.url, sb, `Drill vor der Sicherung ${i}`));
    const shas = [];
    for (const [i, a] of akten.entries()) for (const j of [0, 1]) shas.push(await hochladen(p, sb, a.vorgangId, `vorher-${i}-${j}`));
    const aufsicht = await token(p, ['pruefung']);
    await api(p.url, aufsicht, 'POST', '/api/v1/protokoll/checkpoints');

    sicherung = await sicherungErstellen({ dataDir: alt, fortschritt: stille });
    vorher = await zeilen(p.infra.superuserUrl!);
    expect(vorher.map((z) => z.sha256).sort()).toEqual(expect.arrayContaining(shas));

    // keep working after the backup: more uploads, more audit events, a signed checkpoint
    const spaeter = await akteMitVorgang(p.url, sb, 'Drill nach der Sicherung');
    await hochladen(p, sb, spaeter.vorgangId, 'danach-0');
    await hochladen(p, sb, akten[0]!.vorgangId, 'danach-1');
    spaeterCheckpoint = await api<{ sequenz: number; hash: string }>(p.url, aufsicht, 'POST', '/api/v1/protokoll/checkpoints');
    danach = await zeilen(p.infra.superuserUrl!);
    expect(danach.length).toBe(vorher.length + 2);
    // the next backup copies the bucket as it is now: it holds the later objects and the later checkpoint
    const zweite = await sicherungErstellen({ dataDir: alt, fortschritt: stille });
    objekteImStand = zweite.objekte;
    await p.stop();
    laufend = undefined;

    wiederhergestellt = await wiederherstellen({ aus: sicherungsDirVon(alt), nach: neu, sicherung: sicherung.id, fortschritt: stille });
    expect(wiederhergestellt.ziel).toEqual({ art: 'punkt', name: sicherung.wiederherstellungspunkt });

    p = await starten(neu, false);
    expect(await zeilen(p.infra.superuserUrl!)).toEqual(vorher);
  });

  it('finds every restored Dokument row with its object and the same SHA-256, and reports the later objects as orphans', async (context) => {
    const b = wiederhergestellt.bericht;
    expect(b.fehlend).toEqual([]);
    expect(b.abweichend).toEqual([]);
    expect(b.gleich).toBe(b.zeilen);
    expect(b.zeilen).toBeGreaterThanOrEqual(vorher.length);
    // the later uploads are orphans (and so are renditions text recognition wrote after the backup point)
    const verwaist = b.verwaist.map((v) => v.schluessel);
    expect(verwaist).toEqual(expect.arrayContaining(danach.filter((z) => !vorher.some((v) => v.schluessel === z.schluessel)).map((z) => z.schluessel)));
    expect(verwaist.filter((k) => vorher.some((v) => v.schluessel === k))).toEqual([]);
    // nothing in the bucket copy is left out of the report
    expect(b.zeilen + b.verwaist.length + b.plattform).toBe(objekteImStand);
    // the signed checkpoints in object storage are the newest ones, not the backup point's
    expect(b.plattform).toBeGreaterThan(0);

    // the same check as a command, on the running restored platform: exit code 1 for the orphans
    // (not spawnSync: the embedded S3 of the restored platform runs in this process and must answer)
    const pruefen = await befehl(['scripts/restore.ts', '--pruefen', '--nach', neu]);
    expect(pruefen.status, pruefen.stderr).toBe(1);
    expect(pruefen.stdout).toContain('orphaned object');
    expect(JSON.parse(readFileSync(path.join(neu, 'pruefbericht.json'), 'utf8'))).toMatchObject({ fehlend: [], abweichend: [], verwaist: expect.arrayContaining(b.verwaist) });

    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    berichte(
      context,
      'sicherung (embedded, files and S3 API)',
      `base backup ${mib(sicherung.bytes)} MiB in ${sicherung.dateien} files + ${sicherung.objekte} objects (${mib(sicherung.objektBytes)} MiB) in ${(sicherung.dauerMs / 1000).toFixed(1)} s; ` +
        `restore to the restore point in ${(wiederhergestellt.dauerMs / 1000).toFixed(1)} s (database with WAL replay ${(wiederhergestellt.dauerDatenbankMs / 1000).toFixed(1)} s, objects ${(wiederhergestellt.dauerObjekteMs / 1000).toFixed(1)} s); ` +
        `${b.gleich} of ${b.zeilen} rows with the same SHA-256, ${b.verwaist.length} orphans reported, 0 missing`,
    );
  });

  it('detects the rollback against the later signed checkpoint at /protokoll/pruefung and /health until an operator acknowledges it', async () => {
    const p = laufend!;
    const aufsicht = await token(p, ['pruefung']);
    const pruefung = await api<{ gueltig: boolean; fehler: { art: string } | null; checkpoint: { sequenz: number; quelle: string } | null }>(p.url, aufsicht, 'GET', '/api/v1/protokoll/pruefung');
    expect(pruefung.gueltig).toBe(false);
    expect(['abgeschnitten', 'checkpoint']).toContain(pruefung.fehler?.art);
    expect(pruefung.checkpoint).toMatchObject({ sequenz: spaeterCheckpoint.sequenz, quelle: 'objektspeicher' });

    const health = await healthBis(p, (h) => h.includes('Rücksetzung'));
    expect(health.status).toBe('ok');
    expect(health.hinweise?.join(' ')).toMatch(/Rücksetzung des Protokolls erkannt/);

    // work goes on on the restored data: a new checkpoint must not overwrite the witness in object storage
    await api(p.url, aufsicht, 'POST', '/api/v1/protokoll/checkpoints');
    expect((await api<{ gueltig: boolean }>(p.url, aufsicht, 'GET', '/api/v1/protokoll/pruefung')).gueltig).toBe(false);

    const ohneGrund = await fetch(`${p.url}/api/v1/protokoll/ruecksetzung/quittung`, {
      method: 'POST',
      headers: { authorization: `Bearer ${aufsicht}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(ohneGrund.status).toBe(400);
    const quittung = await api<{ checkpointSequenz: number; grund: string }>(p.url, aufsicht, 'POST', '/api/v1/protokoll/ruecksetzung/quittung', {
      grund: `Wiederherstellung der Sicherung ${sicherung.id} nach Ausfall, Ticket 4711`,
    });
    expect(quittung.checkpointSequenz).toBe(spaeterCheckpoint.sequenz);

    const nachher = await api<{ gueltig: boolean; fehler: unknown }>(p.url, aufsicht, 'GET', '/api/v1/protokoll/pruefung');
    expect(nachher).toMatchObject({ gueltig: true, fehler: null });
    const healthNachher = await healthBis(p, (h) => !h.includes('Rücksetzung'));
    expect(healthNachher.hinweise ?? []).toEqual([]);
    const ereignisse = await api<{ items: { aktion: string; details: { grund?: string } }[] }>(p.url, aufsicht, 'GET', '/api/v1/protokoll?aktion=protokoll.ruecksetzung.quittiert');
    expect(ereignisse.items[0]?.details.grund).toMatch(/Ticket 4711/);
  });
  it('pnpm backup as a command: a progress display, a restore to a point in time, and only the newest N backups kept', async (context) => {
    // the restored platform runs on `neu` and archives its WAL into neu/sicherung/wal
    const p = laufend!;
    const env = { ...process.env, DATA_DIR: neu, LOG_LEVEL: 'info' };
    const ziel = sicherungsDirVon(neu);
    // on a terminal (script(1) gives it one): one line per step, rewritten as it goes
    const erste = await kommando('script', ['-qec', 'pnpm backup', '/dev/null'], env);
    expect(erste.status, erste.stdout).toBe(0);
    expect(erste.stdout).toMatch(/\rdatabase files: \d+% [\d.]+ MiB of [\d.]+ MiB \([\d.]+ s\)/);
    expect(erste.stdout).toMatch(/\rbucket objects: \d+% /);
    expect(erste.stdout).toMatch(/backup \d{8}T\d{6}Z: restore it with {2}pnpm restore --nach/);

    const sb = await token(p, ['sachbearbeitung']);
    const a = await akteMitVorgang(p.url, sb, 'Drill Zeitpunkt');
    const shaVorher = await hochladen(p, sb, a.vorgangId, 'zeit-vorher');
    await new Promise((r) => setTimeout(r, 1_000));
    const zeit = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 1_000));
    const shaNachher = await hochladen(p, sb, a.vorgangId, 'zeit-nachher');
    const alle = await zeilen(p.infra.superuserUrl!);
    const [vorZeit, nachZeit] = [shaVorher, shaNachher].map((sha) => alle.find((z) => z.sha256 === sha)!.schluessel);

    // without a terminal: a log line per step; this copy of the bucket holds both uploads
    const zweite = await kommando('pnpm', ['--silent', 'backup'], env);
    expect(zweite.status, zweite.stdout + zweite.stderr).toBe(0);
    const zeilenLog = zweite.stdout.split('\n').flatMap((z) => (z.startsWith('{') ? [JSON.parse(z) as { msg: string; ms?: number }] : []));
    expect(zeilenLog.map((z) => z.msg)).toEqual(expect.arrayContaining(['base backup begins', 'database files done', 'bucket objects done', 'backup finished']));

    // to the time between the two uploads: from the first backup, WAL replayed up to that time
    const nachZeitDir = path.join(mkdtempSync(path.join(tmpdir(), 'eakte-drill-zeit-')), 'data');
    dirs.push(path.dirname(nachZeitDir));
    const t0 = Date.now();
    const zurueck = await kommando('pnpm', ['--silent', 'restore', '--nach', nachZeitDir, '--zeit', zeit], env);
    const dauerZeit = Date.now() - t0;
    // exit code 1: the later upload's object has no row, an orphan
    expect(zurueck.status, zurueck.stdout + zurueck.stderr).toBe(1);
    const info = JSON.parse(readFileSync(path.join(nachZeitDir, 'wiederherstellung.json'), 'utf8')) as WiederherstellungsInfo;
    expect(info.ziel).toEqual({ art: 'zeit', zeit });
    expect(info.sicherung).toBe(sicherungen(ziel)[0]!.id);
    expect(info.bericht.fehlend).toEqual([]);
    const verwaist = info.bericht.verwaist.map((v) => v.schluessel);
    expect(verwaist).toContain(nachZeit);
    // the earlier upload's row was restored (its object is no orphan)
    expect(verwaist).not.toContain(vorZeit);

    // keep the newest one: the older backups go, with the WAL and object contents only they needed
    const vorher = sicherungen(ziel);
    expect(vorher).toHaveLength(2);
    // a retention that is no whole number from 1 stops the command before it backs up
    const falsch = await kommando('pnpm', ['--silent', 'backup', '--behalten', '0'], env);
    expect(falsch.status).toBe(1);
    expect(falsch.stdout).toContain('--behalten 0: eine ganze Zahl ab 1');
    expect(sicherungen(ziel)).toEqual(vorher);
    const dritte = await kommando('pnpm', ['--silent', 'backup', '--behalten', '1'], env);
    expect(dritte.status, dritte.stdout + dritte.stderr).toBe(0);
    expect(dritte.stdout).toContain('kept the newest 1 backups, removed 2');
    const nachher = sicherungen(ziel);
    expect(nachher.map((s) => s.id)).toHaveLength(1);
    expect(vorher.map((s) => s.id)).not.toContain(nachher[0]!.id);
    const start = /\(file ([0-9A-F]{24})\)/.exec(readFileSync(path.join(ziel, 'basis', nachher[0]!.id, 'daten', 'backup_label'), 'utf8'))![1]!;
    const wal = readdirSync(path.join(ziel, 'wal')).filter((f) => /^[0-9A-F]{24}$/.test(f));
    expect(wal.length).toBeGreaterThan(0);
    expect(wal.filter((f) => f < start)).toEqual([]);
    expect(readdirSync(path.join(ziel, 'objekte', 'staende'))).toEqual([nachher[0]!.objektstand]);
    const genannt = new Set(
      readFileSync(path.join(ziel, 'objekte', 'staende', nachher[0]!.objektstand), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((z) => (JSON.parse(z) as { sha256: string }).sha256),
    );
    const inhalte = readdirSync(path.join(ziel, 'objekte', 'inhalt')).flatMap((d) => readdirSync(path.join(ziel, 'objekte', 'inhalt', d)));
    expect(new Set(inhalte)).toEqual(genannt);
    // the time before the kept backup cannot be reached any more, and restore says so
    const zuFrueh = path.join(path.dirname(nachZeitDir), 'zu-frueh');
    const abgelehnt = await kommando('pnpm', ['--silent', 'restore', '--nach', zuFrueh, '--zeit', zeit], env);
    expect(abgelehnt.status).toBe(2);
    expect(abgelehnt.stdout).toContain(`Keine Basissicherung endet vor ${zeit}`);
    expect(existsSync(path.join(zuFrueh, 'pg'))).toBe(false);

    const sekunden = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const dauer = (l: string) => zeilenLog.find((z) => z.msg === l)?.ms ?? 0;
    berichte(
      context,
      'pnpm backup / pnpm restore --zeit (commands)',
      `pnpm backup on a terminal and as log lines (database files ${sekunden(dauer('database files done'))}, bucket ${sekunden(dauer('bucket objects done'))}); ` +
        `pnpm restore --zeit between two uploads in ${sekunden(dauerZeit)}: the earlier one restored, the later one reported as orphan; ` +
        `--behalten 1 removed 2 backups, kept ${wal.length} WAL files and ${inhalte.length} object contents`,
    );
  });
});
