// Crash consistency: an object is stored before the row that references it is committed. If the
// process dies in between, or removing the object after a failed commit fails too, an object
// without row remains. The sweeper lists stored objects, asks Postgres set-based which keys no
// version references, and removes those older than the grace period. A process killed while it
// was spooling leaves its spool file behind too; those are removed once untouched for as long.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@eakte/db';
import type { ObjectStore } from '@eakte/storage';
import type { FastifyBaseLogger } from 'fastify';
import { leseSpeicherschluessel } from '../domain/speicherschluessel.js';
import type { DokumenteRepository } from '../repositories/dokumente.js';

const STAPEL = 1000;

export interface SweepErgebnis {
  geprueft: number;
  entfernt: string[];
}

export async function raeumeVerwaisteObjekte(opts: {
  db: Db;
  storage: ObjectStore;
  repo: DokumenteRepository;
  log: FastifyBaseLogger;
  karenzMs: number;
  jetzt?: number;
  /** Only keys under this prefix (a tenant), default all. */
  prefix?: string;
}): Promise<SweepErgebnis> {
  const jetzt = opts.jetzt ?? Date.now();
  const grenze = jetzt - opts.karenzMs;
  const ergebnis: SweepErgebnis = { geprueft: 0, entfernt: [] };
  const stapel = new Map<string, string[]>();

  async function pruefe(mandantId: string, keys: string[]) {
    // RLS: a tenant's versions are visible in its own transaction only; keys carry the tenant
    const unbenutzt = await opts.db.withMandant(mandantId, (tx) => opts.repo.unbenutzteSchluessel(tx, keys));
    for (const key of unbenutzt) {
      // the object itself must be old too: a slow upload whose PUT just finished is about to commit
      const info = await opts.storage.stat(key);
      if (!info || info.lastModified.getTime() > grenze) continue;
      await opts.storage.remove(key);
      ergebnis.entfernt.push(key);
      opts.log.info({ key }, 'removed stored object without committed row');
    }
  }

  for await (const { key } of opts.storage.list(opts.prefix ?? '')) {
    const info = leseSpeicherschluessel(key);
    // keys the application did not hand out are none of the sweeper's business
    if (!info || info.ausgegebenAm > grenze) continue;
    ergebnis.geprueft++;
    const liste = stapel.get(info.mandantId) ?? [];
    liste.push(key);
    stapel.set(info.mandantId, liste);
    if (liste.length >= STAPEL) {
      stapel.delete(info.mandantId);
      await pruefe(info.mandantId, liste);
    }
  }
  for (const [mandantId, keys] of stapel) await pruefe(mandantId, keys);
  return ergebnis;
}

/** Spool files (`*.upload`) not written to within the grace period: left by a process that died mid-upload. */
export async function raeumeSpoolVerzeichnis(opts: { verzeichnis: string; log: FastifyBaseLogger; karenzMs: number; jetzt?: number }): Promise<string[]> {
  const grenze = (opts.jetzt ?? Date.now()) - opts.karenzMs;
  let namen: string[];
  try {
    namen = await readdir(opts.verzeichnis);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entfernt: string[] = [];
  for (const name of namen) {
    if (!name.endsWith('.upload')) continue;
    const pfad = path.join(opts.verzeichnis, name);
    // a live upload writes continuously, and one being stored is far younger than the grace period
    const info = await stat(pfad).catch(() => null);
    if (!info?.isFile() || info.mtimeMs > grenze) continue;
    await rm(pfad, { force: true });
    entfernt.push(name);
    opts.log.info({ datei: name }, 'removed spool file of an upload that never finished');
  }
  return entfernt;
}

/**
 * Work folders of a job (`eakte-ocr-*`, a scan and its result; `eakte-scan-*`, a batch and its
 * pieces) not changed within the grace period: left by a process that died during the job. The
 * grace period outlasts a whole job (its runs' timeouts).
 */
export async function raeumeOcrVerzeichnisse(opts: { verzeichnis: string; log: FastifyBaseLogger; karenzMs: number; jetzt?: number; prefix?: string }): Promise<string[]> {
  const prefix = opts.prefix ?? 'eakte-ocr-';
  const grenze = (opts.jetzt ?? Date.now()) - opts.karenzMs;
  const namen = await readdir(opts.verzeichnis).catch(() => [] as string[]);
  const entfernt: string[] = [];
  for (const name of namen) {
    if (!name.startsWith(prefix)) continue;
    const pfad = path.join(opts.verzeichnis, name);
    const info = await stat(pfad).catch(() => null);
    if (!info?.isDirectory() || info.mtimeMs > grenze) continue;
    await rm(pfad, { recursive: true, force: true });
    entfernt.push(name);
    opts.log.info({ verzeichnis: name }, 'removed work folder of a job that never finished');
  }
  return entfernt;
}
