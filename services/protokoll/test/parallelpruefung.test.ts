// The verification's worker threads start as the service runs (under tsx), not only under the test
// runner: a worker that cannot load its module would fail every large verification with a 500.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const wurzel = fileURLToPath(new URL('../../..', import.meta.url));

describe('the verification worker pool', () => {
  it('starts its workers under tsx: a range against an unreachable database fails with the connection error', () => {
    const modul = new URL('../src/parallelpruefung.ts', import.meta.url).href;
    const code = `
      const { createPrueferpool } = await import(${JSON.stringify(modul)});
      const pool = createPrueferpool('postgres://niemand@127.0.0.1:1/keine', 1);
      try {
        await pool.pruefe({ nr: 0, mandantId: '00000000-0000-0000-0000-000000000000', snapshot: 'x', von: 1, bis: null, marken: [], anker: [], stapel: 10 });
        process.stdout.write('kein Fehler');
      } catch (err) {
        process.stdout.write(String(err.message));
      } finally {
        await pool.schliessen();
      }`;
    const aus = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: wurzel, encoding: 'utf8', timeout: 60_000 });
    expect(aus).toMatch(/Bereichs ab 1 fehlgeschlagen: .*ECONNREFUSED/);
  });
});
