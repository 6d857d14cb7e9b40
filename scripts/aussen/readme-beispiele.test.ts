// Every curl example of the README and of docs/*.md runs against the platform as `pnpm start` starts it,
// taken from the Markdown itself, so the documentation cannot drift from what the platform does.
// Per file, its ```sh/```bash/```shell blocks that call curl run in order in one bash session (a later
// block uses the ids an earlier one took), in a fresh directory, the way a reader pastes them: after
// `pnpm start`, in a checkout (`pnpm run token` signs with the platform's key). The prelude
// beispiel-rahmen.sh lets curl fail the example on any status but 2xx, or but the one a `# → 409 CODE`
// comment on the command's last line names; `pnpm start` and `pnpm install` are no-ops there.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../lib/generated.js';
import { curlBloecke, mitErwartetemStatus, nichtAusgefuehrteCurls } from './beispiele.js';
import { pdf } from './dateien.js';
import { lauf, plattform } from './lib.js';

const dateien = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => `docs/${n}`),
];

/** The files the examples upload (`@name.pdf`, `-T name.txt`) and do not create themselves: small ones, made here. */
async function legeDateienAn(dir: string, text: string) {
  for (const m of text.matchAll(/(?:@|-T\s+)([\wäöüÄÖÜß.-]+\.(pdf|txt))\b/g)) {
    const datei = path.join(dir, m[1]!);
    if (existsSync(datei)) continue;
    writeFileSync(datei, m[2] === 'pdf' ? await pdf(`${m[1]}: Bescheid über die Sondernutzung der Hauptstraße`) : `${m[1]}: Vermerk über das Telefonat mit dem Antragsteller.\n`);
  }
}

const verzeichnisse: string[] = [];
afterAll(() => {
  for (const d of verzeichnisse) rmSync(d, { recursive: true, force: true });
});

describe('the documentation examples run as written', () => {
  it('finds the examples and the statuses they expect', () => {
    // the README keeps its first steps; the guides in docs/ carry the rest of the examples
    expect(curlBloecke(readFileSync(path.join(root, 'README.md'), 'utf8')).length).toBeGreaterThanOrEqual(1);
    expect(curlBloecke(readFileSync(path.join(root, 'docs/api.md'), 'utf8')).length).toBeGreaterThanOrEqual(3);
    const md = [
      'Text',
      '  ```sh',
      '  curl -H "$H" \\',
      '    "$API/akten/x"   # → 404 NICHT_GEFUNDEN',
      '  curl "$API/health"',
      '  ```',
      '```sh',
      'pnpm start',
      '```',
      '```bash',
      'export API=127.0.0.1:3000/api/v1',
      '```',
    ].join('\n');
    const [block, ...rest] = curlBloecke(md);
    expect(rest).toEqual([{ zeile: 11, text: 'export API=127.0.0.1:3000/api/v1' }]);
    expect(block!.zeile).toBe(3);
    expect(mitErwartetemStatus(block!.text).split('\n')).toEqual([
      'export BEISPIEL_ERWARTET=404 BEISPIEL_CODE=NICHT_GEFUNDEN',
      'curl -H "$H" \\',
      '  "$API/akten/x"   # → 404 NICHT_GEFUNDEN',
      'unset BEISPIEL_ERWARTET BEISPIEL_CODE',
      'curl "$API/health"',
    ]);
  });

  it('finds curl commands the run would skip', () => {
    const md = [
      '```text',
      'curl -H "$H" "$API/akten"',
      '```',
      '```',
      '$ curl 127.0.0.1:3000/health',
      '```',
      '```sh',
      'curl "$API/health"',
      '#   curl -X POST "$API/x"',
      '```',
      '```json',
      '{"curl": 1}',
      '```',
    ].join('\n');
    expect(nichtAusgefuehrteCurls(md)).toEqual([
      { zeile: 2, text: 'curl -H "$H" "$API/akten"' },
      { zeile: 5, text: '$ curl 127.0.0.1:3000/health' },
      { zeile: 9, text: '#   curl -X POST "$API/x"' },
    ]);
  });

  // a curl example outside a shell block would silently go untested
  it.each(dateien)('%s: every curl example is in a block that runs', (datei) => {
    expect(nichtAusgefuehrteCurls(readFileSync(path.join(root, datei), 'utf8'))).toEqual([]);
  });

  for (const datei of dateien) {
    const bloecke = curlBloecke(readFileSync(path.join(root, datei), 'utf8'));
    if (bloecke.length === 0) continue;
    it(`${datei}: ${bloecke.length} blocks with curl`, { timeout: 300_000 }, async () => {
      const { port, dataDir } = plattform();
      const dir = mkdtempSync(path.join(tmpdir(), 'eakte-beispiele-'));
      verzeichnisse.push(dir);
      // a reader's checkout: `pnpm run token` and `pnpm tenant:import` as the root package.json defines them
      const paket = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
      const skripte = Object.fromEntries(Object.entries(paket.scripts).map(([k, v]) => [k, v.replace(/(^|\s)(scripts|services)\//g, `$1${root}/$2/`)]));
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, scripts: skripte }));
      const alle = bloecke.map((b) => b.text).join('\n');
      await legeDateienAn(dir, alle);
      // the reader's platform listens on 3000; this one on a free port
      const skript = [
        `source ${JSON.stringify(path.join(root, 'scripts/aussen/beispiel-rahmen.sh'))}`,
        ...bloecke.map((b) => `echo "@@block ${datei}:${b.zeile}" >&2\n${mitErwartetemStatus(b.text).replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`)}`),
        '',
      ].join('\n');
      writeFileSync(path.join(dir, 'beispiele.sh'), skript);
      const r = await lauf('bash', ['beispiele.sh'], {
        cwd: dir,
        timeoutMs: 280_000,
        env: { PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
      });
      const stderr = r.stderr.split('\n');
      const letzterBlock = stderr.filter((z) => z.startsWith('@@block ')).at(-1);
      expect(r.code, `${letzterBlock}\n${stderr.slice(-30).join('\n')}\n${r.stdout.toString().slice(-2000)}`).toBe(0);
    });
  }
});
