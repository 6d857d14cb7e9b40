// The Dokumente service killed with SIGKILL in the middle of uploads, as a child process on the
// test's PostgreSQL and S3: after a restart on the same data no row lacks its object, every
// upload acknowledged with 201 before the kill is intact (SHA-256), and the sweeper removes
// what the dead process left behind (objects without row, spool files).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from '@eakte/platform';
import { berichte, freePort } from '@eakte/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { dokumenteRepository } from '../src/repositories/dokumente.js';
import { raeumeSpoolVerzeichnis, raeumeVerwaisteObjekte } from '../src/arbeiter/sweeper.js';
import { bis, neuerMandant, neuerVorgang, objekteUnter, ownerDb, speicher, zeilen } from './hilfen.js';
import { sende, sha256Von, starteDienst, stoppe, type Upload } from './kind.js';

const spoolDir = mkdtempSync(path.join(tmpdir(), 'eakte-kill-spool-'));
afterAll(() => rmSync(spoolDir, { recursive: true, force: true }));

const spoolDateien = () => readdirSync(spoolDir).filter((n) => n.endsWith('.upload'));

describe('kill -9 during uploads', () => {
  it('keeps every acknowledged upload intact, leaves no row without object, and the sweeper clears what the dead process left', { timeout: 90_000 }, async (context) => {
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const auth = await m.header();
    const port = await freePort();
    const erster = await starteDienst(port, spoolDir);

    // acknowledged before the kill: small ones and a large streamed one
    const vorher = [...Array.from({ length: 6 }, (_, i) => sende(port, auth, v.vorgangId, 64 * 1024 * (i + 1))), sende(port, auth, v.vorgangId, 16 * 1024 * 1024)];
    for (const u of vorher) expect(await u.antwort).toMatchObject({ status: 201 });

    // in flight at the kill: large uploads stopped mid-body, and a burst racing to commit
    const haengend = Array.from({ length: 3 }, () => sende(port, auth, v.vorgangId, 32 * 1024 * 1024, 2 * 1024 * 1024));
    await bis(() => spoolDateien().length >= 3, 20_000);
    const rennend = Array.from({ length: 12 }, () => sende(port, auth, v.vorgangId, 512 * 1024));
    // kill as soon as the first of the burst is committed: the others are spooling, storing or committing
    await Promise.race(rennend.map((u) => u.antwort));
    const beendet = new Promise((r) => erster.once('exit', r));
    erster.kill('SIGKILL');
    await beendet;

    const imFlug = await Promise.all([...haengend, ...rennend].map(async (u) => ({ u, a: await u.antwort })));
    // the stopped ones never got an answer; some of the burst may have been committed in time
    for (const { a } of imFlug.slice(0, haengend.length)) expect(a).toHaveProperty('fehler');
    const bestaetigt: { u: Upload; id: string }[] = [];
    for (const { u, a } of [...(await Promise.all(vorher.map(async (u) => ({ u, a: await u.antwort })))), ...imFlug.slice(haengend.length)]) {
      if ('fehler' in a) continue;
      expect(a.status).toBe(201);
      bestaetigt.push({ u, id: a.id! });
    }
    // the dead process left its spool files behind
    const liegengeblieben = spoolDateien();
    expect(liegengeblieben.length).toBeGreaterThanOrEqual(haengend.length);

    // objects the dead process stored but never committed a row for
    const referenziertNachKill = new Set((await zeilen(m.id)).versionen.map((x) => x.speicherschluessel));
    // a PUT whose body left the dead process completely is still being written by the emulator
    // (it runs in this process): wait until the listing is stable before taking it
    let liste = await objekteUnter(`${m.id}/`);
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const neu = await objekteUnter(`${m.id}/`);
      if (neu.length === liste.length) break;
      liste = neu;
    }
    const waisen = liste.filter((k) => !referenziertNachKill.has(k));

    const zweiter = await starteDienst(port, spoolDir);
    try {
      // every 201 before the kill: there, and byte for byte what was sent
      for (const { u, id } of bestaetigt) expect(await sha256Von(port, m, id), `${id} (${u.groesse} bytes)`).toBe(u.sha256);
      // no row points to a missing object; a commit whose 201 the kill swallowed is whole too
      const { dokumente, versionen } = await zeilen(m.id);
      expect(dokumente.length).toBeGreaterThanOrEqual(bestaetigt.length);
      for (const ver of versionen) expect(await speicher().stat(ver.speicherschluessel), ver.speicherschluessel).not.toBeNull();
      const gesendet = new Set([...vorher, ...haengend, ...rennend].map((u) => u.sha256));
      for (const d of dokumente) expect(gesendet.has(await sha256Von(port, m, d.id)), d.id).toBe(true);

      // the sweeper, as the restarted process would run it later: nothing within the grace period…
      const log = createServer({ logLevel: 'silent' }).log;
      const karenzMs = 60_000;
      const objekte = { db: ownerDb(), storage: speicher(), repo: dokumenteRepository, log, karenzMs, prefix: `${m.id}/` };
      expect((await raeumeVerwaisteObjekte(objekte)).entfernt).toEqual([]);
      expect(await raeumeSpoolVerzeichnis({ verzeichnis: spoolDir, log, karenzMs })).toEqual([]);
      // …and everything without a committed row after it
      const spaeter = Date.now() + 2 * karenzMs;
      const verwaist = await raeumeVerwaisteObjekte({ ...objekte, jetzt: spaeter });
      const spool = await raeumeSpoolVerzeichnis({ verzeichnis: spoolDir, log, karenzMs, jetzt: spaeter });
      expect(verwaist.entfernt.sort()).toEqual(waisen.sort());
      expect(spool.sort()).toEqual(liegengeblieben.sort());
      expect(spoolDateien()).toEqual([]);
      const referenziert = versionen.map((x) => x.speicherschluessel).sort();
      expect((await objekteUnter(`${m.id}/`)).sort()).toEqual(referenziert);
      // the restarted service still takes uploads
      expect(await sende(port, auth, v.vorgangId, 1024).antwort).toMatchObject({ status: 201 });

      berichte(
        context,
        'kill-9 (service process, socket)',
        `${vorher.length + haengend.length + rennend.length} uploads, ${bestaetigt.length} acknowledged and intact, ` +
          `${dokumente.length - bestaetigt.length} committed unacknowledged, ${verwaist.entfernt.length} orphaned objects and ${spool.length} spool files swept, 0 rows without object`,
      );
    } finally {
      await stoppe(zweiter);
    }
  });
});
