// Generated artefacts of the contract and the database schema, produced the same way by
// `pnpm generate` and by the staleness check.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BERECHTIGUNGEN, ROLLEN } from '@eakte/platform';
import openapiTS, { astToString } from 'openapi-typescript';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const quietEnv = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

export const artefacts = {
  bundle: path.join(root, 'packages/api-client/src/openapi.json'),
  berechtigungen: path.join(root, 'openapi/berechtigungen.md'),
  types: path.join(root, 'packages/api-client/src/schema.ts'),
};

/** Bundles the split contract into one document with internal $refs only. */
export function bundleContract(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'eakte-bundle-'));
  try {
    const out = path.join(dir, 'openapi.json');
    execFileSync(bin('redocly'), ['bundle', 'openapi/openapi.yaml', '--config', 'openapi/redocly.yaml', '-o', out], {
      cwd: root,
      env: quietEnv,
      stdio: 'pipe',
    });
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    // The permission matrix is data in one place (packages/platform); the contract shows it per operation.
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        const id = op?.operationId as string | undefined;
        if (!id) continue;
        const rollen = BERECHTIGUNGEN[id] ?? [];
        op['x-eakte-rollen'] = [...rollen];
        const zeile = `**Berechtigte Rollen:** ${rollen.length ? rollen.map((r) => `\`${r}\``).join(', ') : 'keine'}`;
        op.description = op.description ? `${String(op.description).trimEnd()}\n\n${zeile}` : zeile;
        // the gateway's rate limit applies to every operation: one shared 429 (openapi.yaml components)
        op.responses = { ...(op.responses as Record<string, unknown>), '429': { $ref: '#/components/responses/Problem429' } };
      }
    }
    return JSON.stringify(doc, null, 2) + '\n';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function contractTypes(bundle: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(bundle), { alphabetize: false });
  return `// Generated from openapi/ by \`pnpm generate\`. Do not edit.\n\n${astToString(ast)}`;
}

/** The permission matrix as a Markdown table (operation × role), generated from BERECHTIGUNGEN. */
export function berechtigungenTabelle(bundle: string): string {
  const doc = JSON.parse(bundle) as { paths: Record<string, Record<string, { operationId?: string; summary?: string }>> };
  const zeilen: string[] = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op?.operationId) continue;
      const rollen = BERECHTIGUNGEN[op.operationId] ?? [];
      zeilen.push(`| \`${method.toUpperCase()} ${p}\` | ${op.operationId} | ${ROLLEN.map((r) => (rollen.includes(r) ? '✔' : '–')).join(' | ')} |`);
    }
  }
  return [
    '# Berechtigungen (permission matrix)',
    '',
    'Generated from `packages/platform/src/berechtigungen.ts` by `pnpm generate`; do not edit. ✔ = allowed, – = 403.',
    'A tenant-bound role acts only inside its own tenant; `plattformbetrieb` has no tenant and reads no tenant content.',
    '',
    `| operation | operationId | ${ROLLEN.join(' | ')} |`,
    `|---|---|${ROLLEN.map(() => '---').join('|')}|`,
    ...zeilen,
    '',
  ].join('\n');
}

export function lintContract(file: string): void {
  execFileSync(bin('redocly'), ['lint', file, '--config', 'openapi/redocly.yaml', '--format', 'codeframe'], {
    cwd: root,
    env: quietEnv,
    stdio: 'pipe',
  });
}

/**
 * Runs drizzle-kit generate against a copy of the migrations (`quelle`, relative to the root);
 * returns the files it would add. The copy lies below the root and is named relative to it:
 * drizzle-kit cannot read the snapshots of an absolute `--out` and then exits 0 having added
 * nothing, so an absolute temporary folder hid every drift. Its failure fails the check.
 */
export function pendingMigrations(quelle = 'db/migrations'): string[] {
  const cache = path.join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'eakte-migrations-'));
  try {
    cpSync(path.join(root, quelle), dir, { recursive: true });
    const before = new Set(readdirSync(dir));
    const ausgabe = execFileSync(bin('drizzle-kit'), ['generate', '--dialect', 'postgresql', '--schema', 'packages/db/src/schema/index.ts', '--out', path.relative(root, dir), '--name', 'drift'], {
      cwd: root,
      env: quietEnv,
      stdio: 'pipe',
      encoding: 'utf8',
    });
    const neu = readdirSync(dir).filter((f) => !before.has(f));
    if (neu.length === 0 && !/No schema changes/i.test(ausgabe)) throw new Error(`drizzle-kit generate did not compare the schema:\n${ausgabe}`);
    return neu;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
