// Clients that hang up: 100 uploads and 20 downloads aborted at different points (the client
// destroys its socket). Afterwards the service (a child process, so its descriptors are its
// own) has no spool file left, no descriptor more on a file than before, and still answers.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as warte } from 'node:timers/promises';
import { berichte, freePort } from '@eakte/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { bis, META, neuerMandant, neuerVorgang, objekteUnter, zeilen } from './hilfen.js';
import { offeneDeskriptoren, sende, sha256Von, starteDienst, stoppe, text } from './kind.js';

const spoolDir = mkdtempSync(path.join(tmpdir(), 'eakte-abbruch-spool-'));
afterAll(() => rmSync(spoolDir, { recursive: true, force: true }));

/** Pool connections the child may keep open at most (DATABASE_POOL_MAX below). */
const DB_POOL = 4;

/** Sends `teile` over a raw connection, then destroys it without waiting for an answer. */
async function brichAb(port: number, teile: (string | Buffer)[], nachDaten = false) {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  for (const t of teile) if (!socket.write(t)) await new Promise((r) => socket.once('drain', r));
  // a download: hang up once the first bytes of the body came
  if (nachDaten) await new Promise((r) => socket.once('data', r));
  else await warte(20);
  socket.destroy();
}

/** File descriptors by kind: sockets, and everything else (files, pipes, event fds). */
function zaehle(pid: number) {
  const alle = offeneDeskriptoren(pid);
  const sockets = alle.filter((z) => z.startsWith('socket:')).length;
  return { sockets, andere: alle.length - sockets, alle };
}

describe('aborted uploads and downloads', () => {
  it('leave no spool file, no open descriptor and no row behind, and the service keeps answering', { timeout: 120_000 }, async (context) => {
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const auth = await m.header();
    const port = await freePort();
    const kind = await starteDienst(port, spoolDir, { DATABASE_POOL_MAX: String(DB_POOL) });
    try {
      // warm up: pools, lazily opened files and the Dokument the downloads read
      const gross = sende(port, auth, v.vorgangId, 8 * 1024 * 1024);
      const { id } = (await gross.antwort) as { status: number; id: string };
      expect(id).toBeDefined();
      expect(await sha256Von(port, m, id)).toBe(gross.sha256);
      await warte(500);
      const vorher = zaehle(kind.pid!);

      const boundary = 'grenzeabbruch';
      const kopf = (laenge: number) =>
        `POST /api/v1/vorgaenge/${v.vorgangId}/dokumente HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth.authorization}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${laenge}\r\n\r\n`;
      const felder = Object.entries(META)
        .map(([k, w]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${w}\r\n`)
        .join('');
      const dateiKopf = `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="abbruch.txt"\r\nContent-Type: text/plain\r\n\r\n`;
      const MB = 1024 * 1024;
      // where the client hangs up: in the headers, in a field, right after the file part began, deep in the file
      const abbruchstellen: (string | Buffer)[][] = [
        [kopf(10 * MB).slice(0, 60)],
        [kopf(10 * MB), felder.slice(0, 30)],
        [kopf(10 * MB), felder, dateiKopf, text(1024)],
        [kopf(10 * MB), felder, dateiKopf, text(MB)],
      ];
      let uploads = 0;
      for (let runde = 0; runde < 10; runde++) {
        await Promise.all(Array.from({ length: 10 }, (_, i) => brichAb(port, abbruchstellen[(runde + i) % abbruchstellen.length]!)));
        uploads += 10;
      }
      let downloads = 0;
      for (let runde = 0; runde < 4; runde++) {
        const get = `GET /api/v1/dokumente/${id}/inhalt HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth.authorization}\r\n\r\n`;
        await Promise.all(Array.from({ length: 5 }, () => brichAb(port, [get], true)));
        downloads += 5;
      }

      // no hang: the service finishes each aborted request, removes its spool file and closes its descriptors
      await bis(() => readdirSync(spoolDir).length === 0, 20_000);
      let nachher = zaehle(kind.pid!);
      await bis(() => {
        nachher = zaehle(kind.pid!);
        // files, pipes and event fds exactly as before; sockets: the listener and the database
        // pool as before, plus at most the pool's spare room (it may have grown under the load)
        // and idle keep-alive connections to S3 (closed by the storage server after its timeout)
        return nachher.andere === vorher.andere && nachher.sockets <= vorher.sockets + DB_POOL;
      }, 20_000).catch(() => {});
      expect(nachher.andere, nachher.alle.join('\n')).toBe(vorher.andere);
      expect(nachher.sockets, nachher.alle.join('\n')).toBeLessThanOrEqual(vorher.sockets + DB_POOL);
      expect(nachher.alle.filter((z) => z.startsWith(spoolDir))).toEqual([]);

      // nothing stored but the warm-up Dokument, and the service still answers
      expect((await zeilen(m.id)).dokumente.map((d) => d.id)).toEqual([id]);
      expect(await objekteUnter(`${m.id}/`)).toHaveLength(1);
      const danach = sende(port, auth, v.vorgangId, 1024);
      expect(await danach.antwort).toMatchObject({ status: 201 });

      berichte(
        context,
        'abbruch (service process, socket)',
        `${uploads} uploads and ${downloads} downloads aborted, 0 spool files left, ` +
          `file descriptors ${vorher.andere + vorher.sockets} before, ${nachher.andere + nachher.sockets} after (${nachher.sockets - vorher.sockets} more sockets), 0 stored`,
      );
    } finally {
      await stoppe(kind);
    }
  });
});
