// The outside verification script re-verifies an export with only the public key and the
// checkpoints, and names the first bad sequence number when the export was tampered with.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { protokollAnhaengen } from '@eakte/audit';
import { createDb } from '@eakte/db';
import protokollApp, { protokollConfigSchema } from '@eakte/protokoll';
import { authHeader, build, testMandant, testDatenbankUrl } from '@eakte/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { verifiziere } from '../verify-protokoll.js';
import { root } from '../lib/generated.js';

async function vorbereiten() {
  const m = await testMandant();
  const db = createDb(testDatenbankUrl('protokoll'), { max: 1 });
  try {
    const details = [{ grund: 'Prüfung „Ä“ 😀', n: [1, 2.5, { z: null, a: true }] }, {}, { leer: '' }, { tief: { b: { c: 'd' }, a: 1 } }, { x: 'y' }];
    for (const [i, d] of details.entries()) {
      await db.withMandant(m.id, (tx) =>
        protokollAnhaengen(tx, {
          mandantId: m.id,
          akteur: { sub: `u${i}`, name: 'Jörg Öffentlich', rollen: ['registratur', 'pruefung'], client: i === 1 ? 'fv' : null },
          aktion: 'akte.geaendert',
          objektTyp: 'akte',
          objektId: crypto.randomUUID(),
          aktenzeichen: `2.1-000${i}/2026`,
          aenderungen: [{ feld: 'betreff', alt: i === 0 ? null : `B${i}`, neu: `B${i + 1}` }],
          details: d,
          requestId: `req-${i}`,
          clientIp: '192.0.2.1',
        }),
      );
    }
  } finally {
    await db.close();
  }
  const app = await build(protokollApp as never, { PROTOKOLL_CHECKPOINT_INTERVALL: '0' }, protokollConfigSchema);
  const h = await authHeader({ tenant: m.slug, roles: ['pruefung'] });
  expect((await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: h })).statusCode).toBe(201);
  const dir = mkdtempSync(path.join(tmpdir(), 'verify-protokoll-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const files = { export: path.join(dir, 'export.jsonl'), schluessel: path.join(dir, 'key.pem'), checkpoints: path.join(dir, 'checkpoints.json') };
  writeFileSync(files.export, (await app.inject({ method: 'GET', url: '/api/v1/protokoll/export?format=jsonl', headers: h })).body);
  writeFileSync(files.schluessel, (await app.inject({ method: 'GET', url: '/api/v1/protokoll/schluessel', headers: h })).json().publicKeyPem);
  writeFileSync(files.checkpoints, (await app.inject({ method: 'GET', url: '/api/v1/protokoll/checkpoints', headers: h })).body);
  const zeilen = () =>
    readFileSync(files.export, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const schreibe = (z: Record<string, unknown>[]) => writeFileSync(files.export, z.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return { files, zeilen, schreibe };
}

describe('scripts/verify-protokoll.ts', () => {
  it('runs from the command line: exit 0 for an intact export, 1 naming the sequence for a tampered one', async () => {
    const { files, zeilen, schreibe } = await vorbereiten();
    const run = (args: string[]) =>
      promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['scripts/verify-protokoll.ts', ...args], { cwd: root }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const ok = await run(['--export', files.export, '--schluessel', files.schluessel, '--checkpoints', files.checkpoints]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({ gueltig: true, geprueft: 5, bisSequenz: 5, fehler: null });

    const z = zeilen();
    z[2]!.akteurName = 'Mallory';
    schreibe(z);
    const bad = await run(['--export', files.export]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).fehler).toMatchObject({ sequenz: 3, art: 'hash' });
    expect((await run(['--export'])).code).toBe(2);
  });

  it('finds a removed event, swapped events, a cut tail and a forged checkpoint', async () => {
    const { files, zeilen, schreibe } = await vorbereiten();
    const original = zeilen();
    const mit = { schluessel: files.schluessel, checkpoints: files.checkpoints };

    schreibe(original.filter((e) => e.sequenz !== 2));
    expect((await verifiziere({ export: files.export, ...mit })).fehler).toMatchObject({ sequenz: 2, art: 'luecke' });

    schreibe(original.map((e) => (e.sequenz === 3 ? original[3]! : e.sequenz === 4 ? original[2]! : e)).map((e, i) => ({ ...e, sequenz: i + 1 })));
    expect((await verifiziere({ export: files.export, ...mit })).fehler).toMatchObject({ sequenz: 3, art: 'reihenfolge' });

    schreibe(original.slice(0, 3));
    expect((await verifiziere({ export: files.export })).gueltig).toBe(true);
    expect((await verifiziere({ export: files.export, ...mit })).fehler).toMatchObject({ sequenz: 4, art: 'abgeschnitten' });

    schreibe(original);
    const cps = JSON.parse(readFileSync(files.checkpoints, 'utf8'));
    cps.items[0].sequenz = 4;
    writeFileSync(files.checkpoints, JSON.stringify(cps));
    expect((await verifiziere({ export: files.export, ...mit })).fehler).toMatchObject({ sequenz: 4, art: 'signatur' });
  });

  it('calls an export that broke off incomplete: the error line of the service, or a cut last line', async () => {
    const { files, zeilen } = await vorbereiten();
    const original = zeilen();
    const text = (z: Record<string, unknown>[]) => z.map((l) => JSON.stringify(l)).join('\n') + '\n';
    writeFileSync(files.export, text(original.slice(0, 3)) + JSON.stringify({ abgebrochen: { code: 'EXPORT_ABGEBROCHEN', letzteSequenz: 3, detail: 'unvollständig', requestId: 'r' } }) + '\n');
    expect(await verifiziere({ export: files.export })).toMatchObject({ gueltig: false, geprueft: 3, fehler: { sequenz: 4, art: 'abgeschnitten' } });
    // the connection broke in the middle of a line (no error line got through)
    writeFileSync(files.export, text(original.slice(0, 2)) + JSON.stringify(original[2]).slice(0, 40));
    expect(await verifiziere({ export: files.export })).toMatchObject({ gueltig: false, geprueft: 2, fehler: { sequenz: 3, art: 'abgeschnitten' } });
  });

  it('verifies a partial export from the hash before it', async () => {
    const { files, zeilen, schreibe } = await vorbereiten();
    const original = zeilen();
    schreibe(original.slice(2));
    expect(await verifiziere({ export: files.export, vorgaenger: original[1]!.hash as string })).toMatchObject({ gueltig: true, geprueft: 3 });
    expect((await verifiziere({ export: files.export, vorgaenger: original[0]!.hash as string })).fehler).toMatchObject({ sequenz: 3, art: 'hash' });
  });
});
