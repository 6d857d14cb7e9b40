// The split of a scan batch in a job runner process of its own (kind-arbeiter.ts), with the real
// zbarimg, Ghostscript and qpdf (system suite): its memory stays flat for a batch of 200 pages, and a
// runner killed with SIGKILL mid-split leaves nothing half-filed — once the job is taken again, each
// document of the batch exists exactly once and the batch is `fertig`.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '@eakte/platform';
import { schema, sql } from '@eakte/db';
import { berichte } from '@eakte/testing';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SCAN_ORDNER_PREFIX } from '../src/arbeiter/scanstapel.js';
import { raeumeOcrVerzeichnisse } from '../src/arbeiter/sweeper.js';
import { baueApp, bis, formular, neuerMandant, objekteUnter, ownerDb, speicher, type Mandant, type TestApp } from './hilfen.js';
import { BRIEFTEXT, png, rastere, textPdf } from './scan-hilfe.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const spoolDir = mkdtempSync(path.join(tmpdir(), 'eakte-stapel-spool-'));
const kinder: ChildProcess[] = [];
afterAll(() => {
  for (const k of kinder) if (k.exitCode === null && k.signalCode === null) k.kill('SIGKILL');
  rmSync(spoolDir, { recursive: true, force: true });
});
const A4 = [595, 842] as const;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every second pixel of every second row: a 300-dpi page as a 150-dpi scan. */
function halbiere(b: { breite: number; hoehe: number; pixel: Buffer }) {
  const [breite, hoehe] = [Math.floor(b.breite / 2), Math.floor(b.hoehe / 2)];
  const pixel = Buffer.alloc(breite * hoehe);
  for (let y = 0; y < hoehe; y++) for (let x = 0; x < breite; x++) pixel[y * breite + x] = b.pixel[2 * y * b.breite + 2 * x]!;
  return { breite, hoehe, pixel };
}

/**
 * A batch of `seiten` pages, every `jeDokument`-th a QR separator sheet. The pages are 150-dpi scans of
 * three letters (a page costs the split a quarter of a 300-dpi one, so 200 pages fit a test), each image
 * embedded once and shown on many pages (a small file; Ghostscript still renders every page).
 */
async function grosserStapel(seiten: number, jeDokument: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const briefe = [];
  for (const zeilen of [BRIEFTEXT, BRIEFTEXT.slice(2), ['Rechnung Nr. 4711 über die Straßenreinigung', 'zahlbar bis zum 31. März']])
    briefe.push(await doc.embedPng(png(halbiere(await rastere(await textPdf([zeilen]))), 150)));
  const qr = await doc.embedPng(await QRCode.toBuffer('PATCHT', { type: 'png', scale: 8, margin: 4 }));
  for (let i = 0; i < seiten; i++) {
    const p = doc.addPage([...A4]);
    if (i % jeDokument === jeDokument - 1) p.drawImage(qr, { x: 197, y: 421, width: 200, height: 200 });
    else p.drawImage(briefe[i % briefe.length]!, { x: 0, y: 0, width: A4[0], height: A4[1] });
  }
  return Buffer.from(await doc.save());
}

async function hochladen(t: TestApp, m: Mandant, inhalt: Buffer) {
  const { payload, headers } = await formular({ betreff: 'Tagespost', geraet: 'Fujitsu fi-7160 Poststelle EG', original: 'aufbewahren' }, { name: 'tagespost.pdf', type: 'application/pdf', inhalt });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/posteingang/scanstapel', payload, headers: { ...(await m.header('registratur')), ...headers } });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as string;
}

/** The job runner process of one tenant; `arbeite()` lets it work the due jobs and resolves when it says `fertig`. */
async function starteArbeiter(mandantId: string) {
  const kind = spawn(process.execPath, ['--import', 'tsx', 'services/dokumente/test/kind-arbeiter.ts', mandantId], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...inject('env'),
      LOG_LEVEL: 'warn',
      DOKUMENTE_SPOOL_DIR: spoolDir,
      DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: '0',
      DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '0',
      DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN: '0',
      POSTFACH_ABRUF_INTERVALL_SEKUNDEN: '0',
      DOKUMENTE_SCAN_ZBARIMG: 'zbarimg',
      DOKUMENTE_SCAN_GHOSTSCRIPT: 'gs',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  kinder.push(kind);
  let stdout = '';
  let stderr = '';
  kind.stdout!.on('data', (d) => (stdout += d));
  kind.stderr!.on('data', (d) => (stderr += d));
  const zeile = (re: RegExp, ms: number) =>
    bis(() => {
      if (kind.exitCode !== null) throw new Error(`job runner exited: ${stderr}`);
      return re.test(stdout);
    }, ms);
  await zeile(/^bereit$/m, 60_000);
  return {
    kind,
    pid: kind.pid!,
    los: () => kind.stdin!.write('los\n'),
    fertig: (ms: number) => zeile(/^fertig \d+$/m, ms),
  };
}

/** CPU seconds of a process and of its children it has waited for (Ghostscript, zbarimg, qpdf), from /proc. */
const cpuSekunden = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
};
const status = (pid: number, feld: 'VmRSS' | 'VmHWM') => Number(new RegExp(`^${feld}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

async function stapelZustand(m: Mandant, id: string) {
  return ownerDb().withMandant(m.id, async (tx) => ({
    stapel: (await tx.select().from(schema.scanstapel).where(eq(schema.scanstapel.id, id)))[0]!,
    eintraege: await tx.select().from(schema.posteingangEintrag),
    vermerke: await tx.select().from(schema.transfervermerk).where(eq(schema.transfervermerk.scanstapelId, id)),
  }));
}

describe('the split in a job runner process of its own', () => {
  it('keeps its memory flat for a batch of 200 pages', { timeout: 240_000 }, async (context) => {
    const t = await baueApp();
    const m = await neuerMandant();
    const id = await hochladen(t, m, await grosserStapel(200, 10));
    const a = await starteArbeiter(m.id);
    // the peak is measured from here: what the job adds, not the start-up's compiling
    writeFileSync(`/proc/${a.pid}/clear_refs`, '5');
    const vorher = status(a.pid, 'VmRSS');
    const cpuVorher = cpuSekunden(a.pid);
    const start = Date.now();
    a.los();
    await a.fertig(200_000);
    const dauer = (Date.now() - start) / 1000;
    const zuwachs = status(a.pid, 'VmHWM') - vorher;
    const cpu = cpuSekunden(a.pid) - cpuVorher;
    a.kind.kill('SIGKILL');

    const z = await stapelZustand(m, id);
    expect(z.stapel).toMatchObject({ status: 'fertig', seiten: 200 });
    expect(z.vermerke).toHaveLength(20);
    expect(z.vermerke.map((v) => v.letzteSeite - v.ersteSeite + 1)).toEqual(Array(20).fill(9));
    const mib = zuwachs / 1024 / 1024;
    berichte(
      context,
      'scan batch split, 200 pages (job runner process)',
      `${dauer.toFixed(1)} s (${cpu.toFixed(1)} s CPU with its programs), peak RSS growth ${mib.toFixed(1)} MiB over ${(vorher / 1024 / 1024).toFixed(0)} MiB`,
    );
    expect(mib).toBeLessThanOrEqual(64);
  });

  it('killed with SIGKILL mid-split and taken again, files each document of the batch exactly once', { timeout: 240_000 }, async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const stapelPdf = await grosserStapel(36, 6);
    const id = await hochladen(t, m, stapelPdf);
    const erster = await starteArbeiter(m.id);
    erster.los();
    // kill while Ghostscript renders and zbarimg reads the pages: the work folder holds page images
    const seitenbilder = () =>
      readdirSync(spoolDir)
        .filter((n) => n.startsWith(SCAN_ORDNER_PREFIX))
        .some((n) => {
          try {
            return readdirSync(path.join(spoolDir, n, 'seiten')).length > 0;
          } catch {
            return false;
          }
        });
    await bis(seitenbilder, 60_000);
    const weg = new Promise((r) => erster.kind.once('exit', r));
    erster.kind.kill('SIGKILL');
    await weg;

    // nothing filed, and the job is still locked by the dead runner
    let z = await stapelZustand(m, id);
    expect(z.stapel.status).toBe('ausstehend');
    expect(z.eintraege).toEqual([]);
    const schluessel = `scanstapel:${m.id}:${id}`;
    const job = await ownerDb().db.execute<{ locked_by: string | null; attempts: number }>(sql`select locked_by, attempts from auftraege_dokumente._private_jobs where key = ${schluessel}`);
    expect(job.rows[0]?.locked_by).toEqual(expect.any(String));
    // what the runner's heartbeat sweep does a minute after the kill (docs/auftraege.md), for this one dead
    // worker only: other test files' runners share the queue
    await ownerDb().db.execute(sql`select auftraege_dokumente.force_unlock_workers(array[${job.rows[0]!.locked_by}]::text[])`);

    const zweiter = await starteArbeiter(m.id);
    zweiter.los();
    await zweiter.fertig(200_000);
    zweiter.kind.kill('SIGKILL');

    z = await stapelZustand(m, id);
    expect(z.stapel).toMatchObject({ status: 'fertig', seiten: 36 });
    // six documents of five pages, each once, in batch order
    expect(z.vermerke.map((v) => [v.position, v.ersteSeite, v.letzteSeite]).sort((x, y) => x[0]! - y[0]!)).toEqual(Array.from({ length: 6 }, (_, i) => [i + 1, 6 * i + 1, 6 * i + 5]));
    expect(z.eintraege).toHaveLength(6);
    expect(new Set(z.eintraege.map((e) => e.id))).toEqual(new Set(z.vermerke.map((v) => v.eintragId)));
    // each item's object is there and is what its row says; nothing else is stored but the batch
    for (const e of z.eintraege) {
      const teile: Buffer[] = [];
      for await (const c of await speicher().get(e.speicherschluessel)) teile.push(c as Buffer);
      expect(sha(Buffer.concat(teile)), e.id).toBe(e.sha256);
    }
    expect((await objekteUnter(`${m.id}/`)).sort()).toEqual([z.stapel.speicherschluessel, ...z.eintraege.map((e) => e.speicherschluessel)].sort());
    const zerlegt = await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.ereignis).where(eq(schema.ereignis.aktion, 'posteingang.scanstapel.zerlegt')));
    expect(zerlegt.filter((e) => e.objektId === id)).toHaveLength(1);
    expect(z.stapel.sha256).toBe(sha(stapelPdf));

    // the dead run's work folder is left; the spool sweeper removes it after its grace period
    const liegengeblieben = readdirSync(spoolDir).filter((n) => n.startsWith(SCAN_ORDNER_PREFIX));
    expect(liegengeblieben).toHaveLength(1);
    const log = createServer({ logLevel: 'silent' }).log;
    expect(await raeumeOcrVerzeichnisse({ verzeichnis: spoolDir, prefix: SCAN_ORDNER_PREFIX, log, karenzMs: 3600_000, jetzt: Date.now() + 2 * 3600_000 })).toEqual(liegengeblieben);
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
