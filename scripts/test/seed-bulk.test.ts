// `seed-bulk --messen` against an external database measures through the Akten service with the
// Akten role's own URL (DATABASE_URL_AKTEN, else DATABASE_URL, as the service itself takes it), and
// says so before it spends its time seeding when there is none.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testDatenbankUrl, testMandant } from '@eakte/testing';
import { describe, expect, inject, it } from 'vitest';
import { imMandanten } from '../lib/mandant.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function seedBulk(args: string[], env: Record<string, string>) {
  return promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['scripts/seed-bulk.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_OWNER_URL: inject('ownerUrl'), ...env },
  });
}

async function anzahlAkten(mandantId: string): Promise<number> {
  const r = await imMandanten(inject('ownerUrl'), mandantId, (owner) => owner.query<{ n: number }>('SELECT count(*)::int AS n FROM akten.akte'));
  return r.rows[0]!.n;
}

describe('seed-bulk --nur-messen', { timeout: 120_000 }, () => {
  it('measures with the Akten role of DATABASE_URL_AKTEN when no DATABASE_URL is set', async () => {
    const m = await testMandant('bulk-messen');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-seed-bulk-'));
    try {
      const { stdout } = await seedBulk(['--tenant', m.slug, '--nur-messen'], { DATA_DIR: dataDir, DATABASE_URL_AKTEN: testDatenbankUrl('akten') });
      expect(stdout).toMatch(/^GET \/aktenplan \(whole tree\)\s+median/m);
      expect(stdout).toMatch(/^GET \/suche, \d+ bench queries: p50 /m);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('without a URL for the Akten role refuses --messen before seeding, naming the variable', async () => {
    const m = await testMandant('bulk-ohne-url');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-seed-bulk-'));
    try {
      const fehler = await seedBulk(['--tenant', m.slug, '--akten', '5', '--einheiten', '2', '--messen'], { DATA_DIR: dataDir }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(fehler, 'seed-bulk exits with an error').not.toBeNull();
      expect(fehler!.code).toBeGreaterThan(0);
      expect(fehler!.stderr).toContain('DATABASE_URL_AKTEN');
      expect(await anzahlAkten(m.id)).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
