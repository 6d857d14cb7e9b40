// A typed client generated from the running platform's /openapi.json by a generator the project did
// not write (@hey-api/openapi-ts), compiled with tsc and run as an integrator runs it: the program of
// docs/erstes-dokument.md files a 5 MiB PDF through the gateway and reads it back.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { pdf } from '../bench/lib.js';
import { root } from '../lib/generated.js';
import { api, lauf, plattform, token } from './lib.js';

const MiB = 1024 * 1024;
const generator = path.join(root, 'scripts/node_modules/.bin/openapi-ts');
const tsc = path.join(root, 'node_modules/.bin/tsc');

const anleitung = () => readFileSync(path.join(root, 'docs/erstes-dokument.md'), 'utf8');

/** The TypeScript program of the guide, exactly as a reader copies it. */
function programmAusDerAnleitung(): string {
  const bloecke = [...anleitung().matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(bloecke, 'one TypeScript program in docs/erstes-dokument.md').toHaveLength(1);
  return bloecke[0]!;
}

/** The guide's tsconfig.json, plus where this repository keeps @types/node (the reader installs it). */
function tsconfigAusDerAnleitung(): string {
  const json = /cat > tsconfig\.json <<'EOF'\n([\s\S]*?)\nEOF/.exec(anleitung())?.[1];
  expect(json, 'the tsconfig.json of docs/erstes-dokument.md').toBeTruthy();
  const config = JSON.parse(json!) as { compilerOptions: Record<string, unknown> };
  config.compilerOptions.typeRoots = [path.join(root, 'node_modules/@types')];
  return JSON.stringify(config);
}

const kompiliere = (dir: string, ...args: string[]) => lauf(tsc, ['-p', '.', ...args], { cwd: dir, timeoutMs: 120_000 });

describe('outside-in: a generated client', () => {
  it('is generated from /openapi.json, compiles, and files a 5 MiB PDF that reads back with the same SHA-256', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eakte-client-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));

    const vertrag = await fetch(`${plattform().url}/openapi.json`);
    expect(vertrag.status).toBe(200);
    writeFileSync(path.join(dir, 'openapi.json'), Buffer.from(await vertrag.arrayBuffer()));
    writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
    writeFileSync(path.join(dir, 'tsconfig.json'), tsconfigAusDerAnleitung());
    const erzeugt = await lauf(generator, ['-i', 'openapi.json', '-o', 'api'], { cwd: dir, timeoutMs: 120_000 });
    expect(erzeugt.code, erzeugt.stderr + erzeugt.stdout.toString()).toBe(0);

    writeFileSync(path.join(dir, 'erstes-dokument.ts'), programmAusDerAnleitung());
    const kompiliert = await kompiliere(dir);
    expect(kompiliert.stdout.toString() + kompiliert.stderr, 'tsc').toBe('');
    expect(kompiliert.code).toBe(0);

    const datei = pdf(5 * MiB, `generierter-client-${Date.now()}`);
    writeFileSync(path.join(dir, 'antrag.pdf'), datei);
    const sha256 = createHash('sha256').update(datei).digest('hex');
    const t = await token({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const lauf1 = await lauf('node', ['dist/erstes-dokument.js', api(), t, 'antrag.pdf'], { cwd: dir, timeoutMs: 120_000 });
    expect(lauf1.stderr).toBe('');
    expect(lauf1.code).toBe(0);
    const ergebnis = JSON.parse(lauf1.stdout.toString()) as { aktenzeichen: string; dokument: string; gespeichert: string; gelesen: string };
    expect(ergebnis).toMatchObject({ gespeichert: sha256, gelesen: sha256 });
    expect(ergebnis.aktenzeichen).toMatch(/\S/);

    // the Dokument is there for any other client too, with the size that was sent
    const dok = await fetch(api(`/dokumente/${ergebnis.dokument}`), { headers: { authorization: `Bearer ${t}` } });
    expect(dok.status).toBe(200);
    expect(((await dok.json()) as { aktuelleVersion: { groesse: number } }).aktuelleVersion.groesse).toBe(5 * MiB);

    // the types come from the contract: a Akte without its Aktenplan unit does not compile
    writeFileSync(path.join(dir, 'falsch.ts'), "import { createAkte } from './api/sdk.gen.js';\nawait createAkte({ body: { betreff: 'ohne Einheit' } });\n");
    const falsch = await kompiliere(dir, '--noEmit');
    expect(falsch.code).not.toBe(0);
    expect(falsch.stdout.toString()).toMatch(/aktenplaneinheitId/);
  }, 300_000);
});
