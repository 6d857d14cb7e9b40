// The running `pnpm start` platform as a stranger sees it: no metrics on the public port, under any
// path curl sends (the services' /metrics are on their own internal ports; docs/betrieb.md).
import { describe, expect, it } from 'vitest';
import { curl, plattform } from './lib.js';

describe('metrics stay off the public path', () => {
  it('GET /metrics and /api/v1/metrics through the gateway answer 404 problem+json without a metric', async () => {
    const basis = plattform().url;
    for (const pfad of ['/metrics', '/api/v1/metrics', '/api/v1/../metrics', '/metrics/', '/api/v1/akten/../../metrics', '/%6Detrics']) {
      const r = await curl(['--path-as-is', `${basis}${pfad}`]);
      expect(r.stderr, pfad).toBe('');
      expect(r.status, pfad).toBe(404);
      expect(r.headers['content-type'], pfad).toMatch(/^application\/problem\+json/);
      expect(r.text(), pfad).not.toMatch(/eakte_|# TYPE/);
    }
  });
});
