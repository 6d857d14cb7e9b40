// The platform as `pnpm start` runs it answers outside clients on its socket.
import { describe, expect, it } from 'vitest';
import { akteMitVorgang, api, curl, plattform, python, token } from './lib.js';

describe('outside-in: the started platform', () => {
  it('curl reads the health and the Aktenplan with a token', async () => {
    const health = await curl([`${plattform().url}/health`]);
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok' });
    const t = await token({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const plan = await curl(['-H', `Authorization: Bearer ${t}`, api('/aktenplan')]);
    expect(plan.status).toBe(200);
    expect(plan.json().einheiten.length).toBeGreaterThan(0);
  });

  it("Python's urllib creates an Akte and reads it back", async () => {
    const t = await token({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const { akteId } = await akteMitVorgang(t);
    const r = await python(
      `import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]})
with urllib.request.urlopen(req) as res:
    print(res.status, json.load(res)["id"])`,
      [api(`/akten/${akteId}`), t],
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.toString().trim()).toBe(`200 ${akteId}`);
  });
});
