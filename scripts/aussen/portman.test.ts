// An outside contract fuzzer: Portman turns the started platform's /openapi.json into contract tests
// (strict response schemas), an invalid-token and an unknown-id variation and fuzz variations (required
// fields missing, values below minimum / above maximum, strings too short / too long, in bodies, query
// parameters and headers), Newman sends them to the gateway, once per role with that role's operations. Every failed check must be listed in portman/befunde.json with its reason,
// and every entry there must still occur, so the list neither hides new failures nor rots.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROLLEN, type Rolle } from '@eakte/platform';
import { ALLE_SCOPES, berichte } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { api, plattform, token } from './lib.js';
import { type Befund, fixturen, fuehreAus, generiere } from './portman/lauf.js';

interface Eintrag {
  operation: string;
  variante: string;
  check: string;
  rollen?: Rolle[];
  grund: string;
}

const befunde = JSON.parse(readFileSync(new URL('./portman/befunde.json', import.meta.url), 'utf8')) as Eintrag[];
const trifft = (e: Eintrag, b: Befund) => e.operation === b.operation && e.variante === b.variante && e.check === b.check && (!e.rollen || e.rollen.includes(b.rolle));

describe('outside-in: Portman + Newman against the gateway', () => {
  it('every generated check passes for every role, except the listed findings of the tool', { timeout: 600_000 }, async (ctx) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eakte-portman-'));
    ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const spec = await (await fetch(`${plattform().url}/openapi.json`)).json();
    const sachbearbeitung = await token({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const registratur = await token({ tenant: 'demo', roles: ['registratur'] });
    // the Vernichtung is released by a second person (four-eyes principle)
    const zweiteRegistraturToken = await token({ tenant: 'demo', roles: ['registratur'], sub: 'demo-registratur-2' });
    const start = Date.now();
    let anfragen = 0;
    let pruefungen = 0;
    const alle: Befund[] = [];
    const gesendet = new Set<string>();
    const collection = await generiere(spec, dir);
    for (const rolle of ROLLEN) {
      const bearerToken = await token({
        ...(rolle === 'plattformbetrieb' ? {} : { tenant: 'demo' }),
        roles: [rolle],
        ...(rolle === 'fachverfahren' ? { scope: ALLE_SCOPES } : {}),
      });
      const f = await fixturen(api(), { sachbearbeitung, registratur });
      // `sub`: the role's user, whom the generated Verfügung's first step names
      const sub = rolle === 'plattformbetrieb' ? 'plattform-plattformbetrieb' : `demo-${rolle}`;
      const e = await fuehreAus(spec, rolle, collection, { baseUrl: api(), bearerToken, zweiteRegistraturToken, neueEinheitId: f.einheitId!, sub, ...f });
      anfragen += e.anfragen;
      pruefungen += e.pruefungen;
      alle.push(...e.befunde);
      e.operationen.forEach((o) => gesendet.add(o));
    }
    const neu = alle.filter((b) => !befunde.some((e) => trifft(e, b)));
    const verschwunden = befunde.filter((e) => !alle.some((b) => trifft(e, b)));
    berichte(
      ctx,
      'portman (gateway, socket)',
      `${anfragen} requests, ${pruefungen} checks for ${ROLLEN.length} roles in ${Math.round((Date.now() - start) / 1000)} s, ${alle.length} failed, ${befunde.length} findings of the tool listed`,
    );
    const operationen = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p).flatMap((o) => o?.operationId ?? []));
    expect(
      operationen.filter((o) => !gesendet.has(o)),
      'operations of the contract no request was generated for',
    ).toEqual([]);
    expect(
      [...gesendet].filter((o) => !operationen.includes(o)),
      'requests that match no operation',
    ).toEqual([]);
    expect(
      neu.map(({ antwort, ...b }) => ({ ...b, antwort: antwort?.slice(0, 200) })),
      'failures not in portman/befunde.json',
    ).toEqual([]);
    expect(verschwunden, 'entries of portman/befunde.json that no longer occur').toEqual([]);
  });
});
