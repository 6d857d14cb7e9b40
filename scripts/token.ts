// pnpm --silent run token --tenant demo --role sachbearbeitung [--role registratur] [--sub id] [--ttl 1h] [--scope dokumente:write]
// Prints a bearer token of the development issuer (embedded default only).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadOrCreateDevKey, ROLLEN, signDevToken } from '@eakte/platform';
import { root } from './lib/generated.js';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string' },
    role: { type: 'string', multiple: true, default: [] },
    sub: { type: 'string' },
    name: { type: 'string' },
    ttl: { type: 'string', default: '1h' },
    scope: { type: 'string', multiple: true, default: [] },
  },
});

function fail(msg: string): never {
  process.stderr.write(`token: ${msg}\n`);
  process.exit(2);
}

const ttlMatch = /^(\d+)([smhd])$/.exec(values.ttl!);
if (!ttlMatch) fail('--ttl takes a number with s, m, h or d (e.g. 30m, 1h)');
const ttlSeconds = Number(ttlMatch[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[ttlMatch[2] as 's']!;
const roles = values.role!;
if (roles.length === 0) fail(`give at least one --role (${ROLLEN.join(', ')})`);
const unknown = roles.filter((r) => !(ROLLEN as readonly string[]).includes(r));
if (unknown.length) fail(`unknown role ${unknown.join(', ')} (known: ${ROLLEN.join(', ')})`);
if (!values.tenant && !roles.includes('plattformbetrieb')) fail('--tenant is required (omit it only for plattformbetrieb)');

const dataDir = process.env.DATA_DIR || path.join(root, '.data');
const keyDir = path.join(dataDir, 'dev-issuer');
if (!existsSync(path.join(keyDir, 'dev-issuer-key.json'))) fail('no development issuer key yet: run `pnpm start` first');
const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : '127.0.0.1';
const issuer = `http://${host}:${process.env.PORT || 3000}/dev-issuer`;
const sub = values.sub ?? `${values.tenant ?? 'plattform'}-${roles[0]}`;
const token = await signDevToken(await loadOrCreateDevKey(keyDir), {
  issuer,
  audience: process.env.OIDC_AUDIENCE || 'eakte',
  sub,
  name: values.name,
  mandant: values.tenant,
  rollen: roles,
  ttlSeconds,
  // a technical client's grants, e.g. --scope dokumente:write
  ...(values.scope!.length ? { extra: { scope: values.scope!.join(' ') } } : {}),
});
process.stdout.write(`${token}\n`);
