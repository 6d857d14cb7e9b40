// pnpm tenant:import tenants.csv [--url http://127.0.0.1:3000] [--token TOKEN]
// Columns: slug,name,behoerdenkennung(praefix:schluessel),behoerdenschluesselListURI,behoerdenschluesselListVersionID,
//          zustaendigesArchiv,aktenzeichenRegel,erlaubteFormate(;-separated),maxUploadGroesse
// Token: --token, else EAKTE_TOKEN, else a plattformbetrieb token of the development issuer.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@eakte/api-client';
import { loadOrCreateDevKey, signDevToken } from '@eakte/platform';
import { root } from './lib/generated.js';
import { importiereMandanten } from './lib/tenant-import.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT || 3000}` }, token: { type: 'string' } },
});
const file = positionals[0];
if (!file || !existsSync(file)) {
  process.stderr.write('usage: pnpm tenant:import tenants.csv [--url URL] [--token TOKEN]\n');
  process.exit(2);
}

let token = values.token ?? process.env.EAKTE_TOKEN;
if (!token) {
  const keyDir = path.join(process.env.DATA_DIR || path.join(root, '.data'), 'dev-issuer');
  if (!existsSync(path.join(keyDir, 'dev-issuer-key.json'))) {
    process.stderr.write('tenant:import: give --token (or EAKTE_TOKEN) of a plattformbetrieb user\n');
    process.exit(2);
  }
  token = await signDevToken(await loadOrCreateDevKey(keyDir), {
    issuer: `${values.url}/dev-issuer`,
    audience: process.env.OIDC_AUDIENCE || 'eakte',
    sub: 'tenant-import',
    rollen: ['plattformbetrieb'],
    ttlSeconds: 3600,
  });
}

const client = createClient({ baseUrl: values.url!, token });
const ergebnisse = await importiereMandanten(readFileSync(file, 'utf8'), client, (z, i, n) => {
  process.stdout.write(`[${i}/${n}] Zeile ${z.zeile} ${z.slug}: ${z.ergebnis}${z.meldung ? ` – ${z.meldung}` : ''}\n`);
});
const zaehle = (e: string) => ergebnisse.filter((z) => z.ergebnis === e).length;
process.stdout.write(`${zaehle('angelegt')} angelegt, ${zaehle('vorhanden')} vorhanden, ${zaehle('fehler')} fehlerhaft\n`);
process.exit(zaehle('fehler') > 0 ? 1 : 0);
