// Backup and restore of the embedded default (`pnpm backup`, `pnpm restore`) with only the postgres
// binary: continuous WAL archiving, a base backup through the low-level API (pg_backup_start, a file
// copy, pg_backup_stop), point-in-time recovery to a named restore point or a time; the bucket as a
// content-addressed, versioned copy streamed through the S3 API. Layout of a backup directory:
//   wal/                          the WAL archive (archive_command of the running server)
//   basis/<id>/daten/…            a base backup; basis/<id>/sicherung.json its label and figures
//   objekte/inhalt/<sha256>       every object content once; objekte/staende/<zeit>.jsonl a bucket state
//   schluessel/…                  the embedded default's keys (signing key, mailbox key, dev issuer)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, chownSync, chmodSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { startEmbeddedPostgres, startEmbeddedS3 } from '@eakte/embedded';
import { createObjectStore, type ObjectStore } from '@eakte/storage';
import pg from 'pg';

export interface Fortschritt {
  /** A step begins (`gesamt` in bytes or items, when known). */
  schritt(name: string, gesamt?: number): void;
  /** `n` more bytes or items of the current step. */
  weiter(n: number): void;
  info(msg: string, felder?: Record<string, unknown>): void;
}

export const walArchivVon = (dataDir: string) => path.join(dataDir, 'sicherung', 'wal');
export const sicherungsDirVon = (dataDir: string) => path.join(dataDir, 'sicherung');

/** The keys of the embedded default kept beside the database (stack.ts); restored with it. */
const SCHLUESSEL_DIRS = ['protokoll', 'postfach', 'dev-issuer'];

interface S3Zugang {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
  bucket: string;
}

export interface Eingebettet {
  superuserUrl: string;
  s3?: S3Zugang;
}

export function eingebettetLesen(dataDir: string): Eingebettet {
  const datei = path.join(dataDir, 'embedded.json');
  if (!existsSync(datei)) throw new Error(`${datei} fehlt: läuft pnpm start auf diesem DATA_DIR?`);
  return JSON.parse(readFileSync(datei, 'utf8')) as Eingebettet;
}

const speicherFuer = (s3: S3Zugang) => createObjectStore({ ...s3, pathStyle: true, emulator: true });

export interface SicherungsInfo {
  id: string;
  beginn: string;
  ende: string;
  /** The named restore point written right after pg_backup_stop: the backup point. */
  wiederherstellungspunkt: string;
  stopLsn: string;
  walDatei: string;
  dateien: number;
  bytes: number;
  objekte: number;
  objektBytes: number;
  objektstand: string;
  dauerMs: number;
}

// Not copied (PostgreSQL docs, "Making a Base Backup Using the Low Level API"): WAL comes from the archive,
// the rest is rebuilt at start; backup_label comes from pg_backup_stop.
const AUSGENOMMEN = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'backup_label.old', 'recovery.signal', 'standby.signal']);
const LEER_KOPIEREN = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);

async function dateienUnter(wurzel: string): Promise<{ rel: string; groesse: number }[]> {
  const aus: { rel: string; groesse: number }[] = [];
  const gehe = async (rel: string) => {
    let eintraege: string[];
    try {
      eintraege = await readdir(path.join(wurzel, rel));
    } catch {
      return; // removed while we walk: the WAL replay recreates what is needed
    }
    for (const e of eintraege) {
      const r = rel ? `${rel}/${e}` : e;
      if (!rel && AUSGENOMMEN.has(e)) continue;
      if (e.startsWith('pgsql_tmp')) continue;
      const st = await lstat(path.join(wurzel, r)).catch(() => null);
      if (!st) continue;
      if (st.isDirectory()) {
        // directories too, empty ones included: the server expects pg_tblspc, pg_twophase and the like
        aus.push({ rel: `${r}/`, groesse: 0 });
        if (rel || !LEER_KOPIEREN.has(e)) await gehe(r);
      } else if (st.isFile()) aus.push({ rel: r, groesse: st.size });
    }
  };
  await gehe('');
  return aus;
}

/** Copies a file as a stream (never whole in memory); a file removed meanwhile is skipped. */
async function kopieren(von: string, nach: string, fortschritt: Fortschritt) {
  mkdirSync(path.dirname(nach), { recursive: true });
  const zaehler = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      fortschritt.weiter(chunk.length);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(von), zaehler, createWriteStream(nach));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

async function warteAufArchiv(walDir: string, datei: string, timeoutMs = 60_000) {
  const bis = Date.now() + timeoutMs;
  while (!existsSync(path.join(walDir, datei))) {
    if (Date.now() > bis) throw new Error(`WAL-Segment ${datei} ist nach ${timeoutMs} ms nicht archiviert`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A base backup of the running embedded database plus a copy of the bucket. The database first: the
 * bucket copy taken afterwards holds every object a row of the backup point names (objects are written
 * before their row commits and never overwritten).
 */
export async function sicherungErstellen(o: { dataDir: string; ziel?: string; fortschritt: Fortschritt; eingebettet?: Eingebettet }): Promise<SicherungsInfo> {
  const t0 = Date.now();
  const ziel = o.ziel ?? sicherungsDirVon(o.dataDir);
  const walDir = path.join(ziel, 'wal');
  const pgDir = path.join(o.dataDir, 'pg');
  const eingebettet = o.eingebettet ?? eingebettetLesen(o.dataDir);
  const db = new pg.Client({ connectionString: eingebettet.superuserUrl });
  await db.connect();
  try {
    const { rows: einst } = await db.query<{ archive_mode: string; archive_command: string }>(
      `SELECT current_setting('archive_mode') AS archive_mode, current_setting('archive_command') AS archive_command`,
    );
    if (einst[0]?.archive_mode !== 'on' || !einst[0].archive_command.includes(path.resolve(walDir))) {
      throw new Error(
        `Die Datenbank archiviert ihr WAL nicht nach ${walDir} (archive_mode=${einst[0]?.archive_mode}): pnpm start neu starten, ohne WAL_ARCHIV=off; mit --ziel DIR braucht es WAL_ARCHIV=DIR/wal`,
      );
    }
    const beginn = new Date();
    const id = beginn
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const basis = path.join(ziel, 'basis', id);
    const daten = path.join(basis, 'daten');
    mkdirSync(daten, { recursive: true });
    o.fortschritt.info('base backup begins', { id });
    await db.query(`SELECT pg_backup_start($1, true)`, [`eakte-${id}`]);
    let stop: { lsn: string; labelfile: string; spcmapfile: string | null };
    let dateien: { rel: string; groesse: number }[];
    try {
      dateien = await dateienUnter(pgDir);
      o.fortschritt.schritt(
        'database files',
        dateien.reduce((s, d) => s + d.groesse, 0),
      );
      for (const d of dateien) {
        if (d.rel.endsWith('/')) mkdirSync(path.join(daten, d.rel), { recursive: true });
        else await kopieren(path.join(pgDir, d.rel), path.join(daten, d.rel), o.fortschritt);
      }
    } finally {
      // in the same session that began it (non-exclusive backup); waits until the WAL it needs is archived
      stop = (await db.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(`SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(true)`)).rows[0]!;
    }
    writeFileSync(path.join(daten, 'backup_label'), stop.labelfile);
    if (stop.spcmapfile) writeFileSync(path.join(daten, 'tablespace_map'), stop.spcmapfile);
    // the backup point: a named restore point, its segment archived before the backup counts as done
    const punkt = `eakte-${id}`;
    await db.query(`SELECT pg_create_restore_point($1)`, [punkt]);
    const { rows: sw } = await db.query<{ datei: string }>(`SELECT pg_walfile_name(pg_switch_wal()) AS datei`);
    await warteAufArchiv(walDir, sw[0]!.datei);
    const ende = new Date();

    for (const s of SCHLUESSEL_DIRS) {
      if (existsSync(path.join(o.dataDir, s))) cpSync(path.join(o.dataDir, s), path.join(ziel, 'schluessel', s), { recursive: true });
    }
    const objekte = eingebettet.s3 ? await bucketSichern({ ziel, speicher: speicherFuer(eingebettet.s3), fortschritt: o.fortschritt }) : { stand: '', anzahl: 0, bytes: 0 };
    const info: SicherungsInfo = {
      id,
      beginn: beginn.toISOString(),
      ende: ende.toISOString(),
      wiederherstellungspunkt: punkt,
      stopLsn: stop.lsn,
      walDatei: sw[0]!.datei,
      dateien: dateien.filter((d) => !d.rel.endsWith('/')).length,
      bytes: dateien.reduce((s, d) => s + d.groesse, 0),
      objekte: objekte.anzahl,
      objektBytes: objekte.bytes,
      objektstand: objekte.stand,
      dauerMs: Date.now() - t0,
    };
    writeFileSync(path.join(basis, 'sicherung.json'), JSON.stringify(info, null, 2));
    o.fortschritt.info('backup finished', { ...info });
    return info;
  } finally {
    await db.end();
  }
}

interface StandZeile {
  key: string;
  sha256: string;
  size: number;
  etag: string;
}

const inhaltPfad = (ziel: string, sha: string) => path.join(ziel, 'objekte', 'inhalt', sha.slice(0, 2), sha);

function staende(ziel: string): string[] {
  const dir = path.join(ziel, 'objekte', 'staende');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
    : [];
}

function standLesen(ziel: string, stand: string): StandZeile[] {
  return readFileSync(path.join(ziel, 'objekte', 'staende', stand), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((z) => JSON.parse(z) as StandZeile);
}

/**
 * Copies the bucket into the backup: each object streamed through the S3 API into a content-addressed
 * file (kept once across all backups), and a state listing key → SHA-256. An object already copied with
 * the same ETag is not fetched again. Every state is kept: together they are the bucket's versions.
 */
export async function bucketSichern(o: { ziel: string; speicher: ObjectStore; fortschritt: Fortschritt }): Promise<{ stand: string; anzahl: number; bytes: number }> {
  const vorher = new Map<string, StandZeile>();
  const letzter = staende(o.ziel).at(-1);
  if (letzter) for (const z of standLesen(o.ziel, letzter)) vorher.set(`${z.key}\n${z.etag}`, z);
  const liste: { key: string; size: number }[] = [];
  for await (const e of o.speicher.list('')) liste.push(e);
  o.fortschritt.schritt(
    'bucket objects',
    liste.reduce((s, e) => s + e.size, 0),
  );
  const stand = `${new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d+)Z$/, '$1Z')}.jsonl`;
  const zeilen: StandZeile[] = [];
  const tmp = path.join(o.ziel, 'objekte', 'tmp');
  mkdirSync(tmp, { recursive: true });
  for (const e of liste) {
    const info = await o.speicher.stat(e.key);
    if (!info) continue; // deleted meanwhile
    const bekannt = vorher.get(`${e.key}\n${info.etag}`);
    if (bekannt && existsSync(inhaltPfad(o.ziel, bekannt.sha256))) {
      zeilen.push(bekannt);
      o.fortschritt.weiter(e.size);
      continue;
    }
    const hash = createHash('sha256');
    const datei = path.join(tmp, `${zeilen.length}`);
    const zaehler = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        o.fortschritt.weiter(chunk.length);
        cb(null, chunk);
      },
    });
    await pipeline(await o.speicher.get(e.key), zaehler, createWriteStream(datei));
    const sha256 = hash.digest('hex');
    const pfad = inhaltPfad(o.ziel, sha256);
    mkdirSync(path.dirname(pfad), { recursive: true });
    if (existsSync(pfad)) rmSync(datei);
    else renameSync(datei, pfad);
    zeilen.push({ key: e.key, sha256, size: statSync(pfad).size, etag: info.etag });
  }
  mkdirSync(path.join(o.ziel, 'objekte', 'staende'), { recursive: true });
  writeFileSync(path.join(o.ziel, 'objekte', 'staende', stand), zeilen.map((z) => JSON.stringify(z)).join('\n') + '\n');
  return { stand, anzahl: zeilen.length, bytes: zeilen.reduce((s, z) => s + z.size, 0) };
}

export function sicherungen(ziel: string): SicherungsInfo[] {
  const dir = path.join(ziel, 'basis');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((id) => existsSync(path.join(dir, id, 'sicherung.json')))
    .map((id) => JSON.parse(readFileSync(path.join(dir, id, 'sicherung.json'), 'utf8')) as SicherungsInfo)
    .sort((a, b) => a.ende.localeCompare(b.ende));
}

export interface Aufraeumbericht {
  /** the base backups removed (ids), oldest first */
  entfernt: string[];
  behalten: string[];
  walDateien: number;
  staende: number;
  inhalte: number;
  bytes: number;
}

/**
 * Keeps the newest `behalten` base backups and what a restore from them needs: the WAL from the oldest
 * kept backup's start segment on (point-in-time recovery reaches back to that backup's end, no further),
 * the bucket states from the oldest kept backup's on, and the object contents those states name.
 * Everything older is deleted. Never touches the newest backup.
 */
export function sicherungenAufraeumen(ziel: string, behalten: number): Aufraeumbericht {
  if (!Number.isInteger(behalten) || behalten < 1) throw new Error(`--behalten ${behalten}: mindestens 1 Sicherung bleibt`);
  const alle = sicherungen(ziel);
  const bleiben = alle.slice(-behalten);
  const weg = alle.slice(0, Math.max(0, alle.length - behalten));
  const bericht: Aufraeumbericht = { entfernt: weg.map((s) => s.id), behalten: bleiben.map((s) => s.id), walDateien: 0, staende: 0, inhalte: 0, bytes: 0 };
  const aeltester = bleiben[0];
  if (!aeltester || weg.length === 0) return bericht;
  const entferne = (pfad: string) => {
    bericht.bytes += statSync(pfad).size;
    rmSync(pfad);
  };
  for (const s of weg) {
    rmSync(path.join(ziel, 'basis', s.id), { recursive: true, force: true });
    bericht.bytes += s.bytes;
  }
  // the segment the oldest kept backup starts in, from its backup_label ("START WAL LOCATION: … (file …)")
  const label = readFileSync(path.join(ziel, 'basis', aeltester.id, 'daten', 'backup_label'), 'utf8');
  const start = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(label)?.[1];
  const walDir = path.join(ziel, 'wal');
  if (start && existsSync(walDir)) {
    for (const f of readdirSync(walDir)) {
      // timeline history files stay: a restore needs every one of them
      if (f.endsWith('.history') || !/^[0-9A-F]{24}/.test(f)) continue;
      if (f.slice(0, 24) < start) {
        entferne(path.join(walDir, f));
        bericht.walDateien++;
      }
    }
  }
  const alleStaende = staende(ziel);
  const ersterStand = aeltester.objektstand ? alleStaende.indexOf(aeltester.objektstand) : -1;
  if (ersterStand > 0) {
    for (const st of alleStaende.slice(0, ersterStand)) {
      rmSync(path.join(ziel, 'objekte', 'staende', st));
      bericht.staende++;
    }
    const genannt = new Set(alleStaende.slice(ersterStand).flatMap((st) => standLesen(ziel, st).map((z) => z.sha256)));
    const inhalt = path.join(ziel, 'objekte', 'inhalt');
    for (const teil of existsSync(inhalt) ? readdirSync(inhalt) : []) {
      for (const sha of readdirSync(path.join(inhalt, teil))) {
        if (genannt.has(sha)) continue;
        entferne(path.join(inhalt, teil, sha));
        bericht.inhalte++;
      }
    }
  }
  return bericht;
}

export interface WiederherstellungsOptionen {
  /** The backup directory (`pnpm backup`'s target). */
  aus: string;
  /** A fresh DATA_DIR: database and bucket are created there. */
  nach: string;
  /** Target: a backup's id (its restore point; default the newest) or a time (the newest base backup before it, WAL up to it). */
  sicherung?: string;
  zeit?: string;
  fortschritt: Fortschritt;
}

export interface WiederherstellungsInfo {
  sicherung: string;
  ziel: { art: 'punkt'; name: string } | { art: 'zeit'; zeit: string };
  objektstand: string;
  dauerMs: number;
  dauerDatenbankMs: number;
  dauerObjekteMs: number;
  bericht: Pruefbericht;
}

/**
 * Restores into a fresh DATA_DIR: the base backup, recovery.signal with restore_command and the target,
 * the embedded server replays the archived WAL and is promoted at the target. The bucket is filled from
 * the newest bucket state, never an older one: it holds the newest signed audit checkpoints
 * (`protokoll/checkpoints/…`), so the verification sees the rollback, and objects written after the
 * target, which the check reports as orphans. Then the check runs and its report is written.
 */
export async function wiederherstellen(o: WiederherstellungsOptionen): Promise<WiederherstellungsInfo> {
  const t0 = Date.now();
  const alle = sicherungen(o.aus);
  if (!alle.length) throw new Error(`In ${o.aus} liegt keine Basissicherung`);
  let basis: SicherungsInfo | undefined;
  let ziel: WiederherstellungsInfo['ziel'];
  if (o.zeit) {
    const zeit = new Date(o.zeit);
    if (Number.isNaN(zeit.getTime())) throw new Error(`--zeit ${o.zeit} ist keine Zeitangabe`);
    basis = alle.filter((s) => new Date(s.ende) <= zeit).at(-1);
    if (!basis) throw new Error(`Keine Basissicherung endet vor ${o.zeit}`);
    ziel = { art: 'zeit', zeit: zeit.toISOString() };
  } else {
    basis = o.sicherung ? alle.find((s) => s.id === o.sicherung) : alle.at(-1);
    if (!basis) throw new Error(`Sicherung ${o.sicherung} gibt es in ${o.aus} nicht (vorhanden: ${alle.map((s) => s.id).join(', ')})`);
    ziel = { art: 'punkt', name: basis.wiederherstellungspunkt };
  }
  const pgDir = path.join(o.nach, 'pg');
  if (existsSync(pgDir) || existsSync(path.join(o.nach, 's3'))) throw new Error(`${o.nach} ist nicht leer: die Wiederherstellung braucht ein frisches DATA_DIR`);
  mkdirSync(o.nach, { recursive: true });

  const daten = path.join(o.aus, 'basis', basis.id, 'daten');
  const dateien = await dateienUnter(daten);
  o.fortschritt.schritt(
    'database files',
    dateien.reduce((s, d) => s + d.groesse, 0),
  );
  for (const d of dateien) {
    if (d.rel.endsWith('/')) mkdirSync(path.join(pgDir, d.rel), { recursive: true });
    else await kopieren(path.join(daten, d.rel), path.join(pgDir, d.rel), o.fortschritt);
  }
  // backup_label was skipped by the walk above (it is never copied from a live cluster)
  cpSync(path.join(daten, 'backup_label'), path.join(pgDir, 'backup_label'));
  mkdirSync(path.join(pgDir, 'pg_wal', 'archive_status'), { recursive: true });
  const archiv = path.resolve(o.aus, 'wal').replaceAll("'", "''");
  // a numeric offset: the embedded server refuses ISO 8601's `Z` in recovery_target_time (no time zone abbreviations)
  const zielZeile = ziel.art === 'punkt' ? `recovery_target_name = '${ziel.name}'` : `recovery_target_time = '${ziel.zeit.replace('T', ' ').replace('Z', '+00:00')}'`;
  const auto = path.join(pgDir, 'postgresql.auto.conf');
  const bisher = existsSync(auto) ? readFileSync(auto, 'utf8') : '';
  writeFileSync(auto, `${bisher}\n# pnpm restore ${basis.id}\nrestore_command = 'cp "${archiv}/%f" "%p"'\n${zielZeile}\nrecovery_target_action = 'promote'\n`);
  writeFileSync(path.join(pgDir, 'recovery.signal'), '');
  eigentuemerSetzen(pgDir);
  for (const s of SCHLUESSEL_DIRS) {
    if (existsSync(path.join(o.aus, 'schluessel', s))) cpSync(path.join(o.aus, 'schluessel', s), path.join(o.nach, s), { recursive: true });
  }

  o.fortschritt.info('replaying archived WAL up to the target', { ziel });
  const tDb = Date.now();
  // the server's last lines tell why a recovery stopped (a missing WAL segment, a target not reached)
  const serverLog: string[] = [];
  const pgHandle = await startEmbeddedPostgres({ dataDir: pgDir, walArchiv: walArchivVon(o.nach), log: (m) => serverLog.push(m) && serverLog.splice(0, serverLog.length - 30) }).catch(
    (err: unknown) => {
      throw new Error(`Die Wiederherstellung der Datenbank ist gescheitert: ${err instanceof Error ? err.message : 'der Server hat sich beendet'}\n${serverLog.join('\n')}`);
    },
  );
  try {
    // the target is reached and the server promoted: the recovery settings are of no use any more
    const su = new pg.Client({ connectionString: pgHandle.superuserUrl });
    await su.connect();
    try {
      await su.query('ALTER SYSTEM RESET restore_command');
      await su.query('ALTER SYSTEM RESET recovery_target_name');
      await su.query('ALTER SYSTEM RESET recovery_target_time');
      await su.query('ALTER SYSTEM RESET recovery_target_action');
    } finally {
      await su.end();
    }
    const dauerDatenbankMs = Date.now() - tDb;

    const tObj = Date.now();
    const s3 = await startEmbeddedS3({ dataDir: path.join(o.nach, 's3') });
    try {
      const zugang: S3Zugang = { endpoint: s3.endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, region: s3.region, bucket: 'eakte' };
      const speicher = speicherFuer(zugang);
      await speicher.ensureBucket();
      const stand = staende(o.aus).at(-1);
      if (stand) {
        const zeilen = standLesen(o.aus, stand);
        o.fortschritt.schritt(
          'bucket objects',
          zeilen.reduce((s, z) => s + z.size, 0),
        );
        for (const z of zeilen) {
          const zaehler = new Transform({
            transform(chunk: Buffer, _enc, cb) {
              o.fortschritt.weiter(chunk.length);
              cb(null, chunk);
            },
          });
          await speicher.put(z.key, createReadStream(inhaltPfad(o.aus, z.sha256)).pipe(zaehler), z.size);
        }
      }
      const dauerObjekteMs = Date.now() - tObj;
      const bericht = await pruefen({ superuserUrl: pgHandle.superuserUrl, speicher, fortschritt: o.fortschritt });
      const info: WiederherstellungsInfo = { sicherung: basis.id, ziel, objektstand: stand ?? '', dauerMs: Date.now() - t0, dauerDatenbankMs, dauerObjekteMs, bericht };
      writeFileSync(path.join(o.nach, 'wiederherstellung.json'), JSON.stringify(info, null, 2));
      return info;
    } finally {
      await s3.stop();
    }
  } finally {
    await pgHandle.stop();
  }
}

/** As root the server runs as the `postgres` user, who must own its data directory (mode 0700). */
function eigentuemerSetzen(pgDir: string) {
  chmodSync(pgDir, 0o700);
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  const gehe = (p: string) => {
    chownSync(p, uid, gid);
    if (statSync(p).isDirectory()) for (const e of readdirSync(p)) gehe(path.join(p, e));
  };
  gehe(pgDir);
}

export interface Pruefbericht {
  /** Rows that name an object (Dokument versions, renditions, Posteingang items, scan batches, destruction protocols and their Nachträge). */
  zeilen: number;
  /** Rows whose object is there with the SHA-256 the row records. */
  gleich: number;
  fehlend: { tabelle: string; schluessel: string }[];
  abweichend: { tabelle: string; schluessel: string; erwartet: string; gefunden: string }[];
  /** Objects no row names: written after the restored point (or left by an aborted upload). */
  verwaist: { schluessel: string; groesse: number }[];
  /** Objects of the platform itself (signed audit checkpoints, markers): no row names them. */
  plattform: number;
}

// Who names an object; `sha256` where the row records the content's hash.
const VERWEISE = [
  { tabelle: 'dokumente.dokument_version', spalte: 'speicherschluessel', sha: 'sha256' },
  { tabelle: 'dokumente.dokument_format', spalte: 'speicherschluessel', sha: 'sha256' },
  { tabelle: 'dokumente.posteingang_eintrag', spalte: 'speicherschluessel', sha: null },
  { tabelle: 'dokumente.scanstapel', spalte: 'speicherschluessel', sha: 'sha256' },
  { tabelle: 'aussonderung.vernichtung', spalte: 'protokoll_schluessel', sha: null },
  { tabelle: 'aussonderung.vernichtungsnachtrag', spalte: 'schluessel', sha: 'sha256' },
] as const;
const PLATTFORM_PRAEFIXE = ['protokoll/', '.eakte/'];

/**
 * The set-based check after a restore: every row that names an object finds it with the same
 * SHA-256 (streamed, never buffered), and every object no row names is reported as an orphan.
 * Runs as the superuser: row-level security would hide other tenants' rows.
 */
export async function pruefen(o: { superuserUrl: string; speicher: ObjectStore; fortschritt: Fortschritt }): Promise<Pruefbericht> {
  const db = new pg.Client({ connectionString: o.superuserUrl });
  await db.connect();
  const erwartet = new Map<string, { tabelle: string; sha: string | null }>();
  try {
    for (const v of VERWEISE) {
      const { rows } = await db.query<{ k: string; sha: string | null }>(`SELECT ${v.spalte} AS k, ${v.sha ?? 'NULL::text'} AS sha FROM ${v.tabelle} WHERE ${v.spalte} IS NOT NULL`);
      for (const r of rows) erwartet.set(r.k, { tabelle: v.tabelle, sha: r.sha });
    }
  } finally {
    await db.end();
  }
  const bericht: Pruefbericht = { zeilen: erwartet.size, gleich: 0, fehlend: [], abweichend: [], verwaist: [], plattform: 0 };
  const vorhanden = new Map<string, number>();
  for await (const e of o.speicher.list('')) vorhanden.set(e.key, e.size);
  o.fortschritt.schritt('check objects', erwartet.size);
  for (const [schluessel, z] of erwartet) {
    o.fortschritt.weiter(1);
    if (!vorhanden.has(schluessel)) {
      bericht.fehlend.push({ tabelle: z.tabelle, schluessel });
      continue;
    }
    if (!z.sha) {
      bericht.gleich++;
      continue;
    }
    const hash = createHash('sha256');
    for await (const chunk of await o.speicher.get(schluessel)) hash.update(chunk as Buffer);
    const gefunden = hash.digest('hex');
    if (gefunden === z.sha) bericht.gleich++;
    else bericht.abweichend.push({ tabelle: z.tabelle, schluessel, erwartet: z.sha, gefunden });
  }
  for (const [schluessel, groesse] of vorhanden) {
    if (erwartet.has(schluessel)) continue;
    if (PLATTFORM_PRAEFIXE.some((p) => schluessel.startsWith(p))) bericht.plattform++;
    else bericht.verwaist.push({ schluessel, groesse });
  }
  return bericht;
}
