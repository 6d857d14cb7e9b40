// The Protokoll export over the gateway's socket: bad ranges are refused before the first byte, and
// an export that fails half-way says so in its last line and breaks the connection (no clean end).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KETTEN_FELDER } from '@eakte/audit';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ereignisseErzeugen } from '../bench/audit.js';
import { api, curl, plattform, token } from './lib.js';

const embedded = () => JSON.parse(readFileSync(path.join(plattform().dataDir, 'embedded.json'), 'utf8')) as { ownerUrl: string; superuserUrl: string };

describe('outside-in: Protokoll export', () => {
  const zuGross = ['9223372036854775296', '9007199254740992', '99999999999999999999'];

  it.each(['csv', 'jsonl'])('refuses a von or bis beyond the safe integers with a 400 before the first byte (%s)', async (format) => {
    const t = await token({ tenant: 'demo', roles: ['registratur'] });
    for (const wert of zuGross) {
      for (const feld of ['von', 'bis']) {
        const r = await curl(['-H', `Authorization: Bearer ${t}`, api(`/protokoll/export?format=${format}&${feld}=${wert}`)]);
        expect(r.code, `${feld}=${wert}: ${r.stderr}`).toBe(0);
        expect(r.status, `${feld}=${wert}`).toBe(400);
        expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(r.json().code).toBe('VALIDIERUNGSFEHLER');
      }
    }
    // the largest safe integer is still a range (behind the chain: an empty export, cleanly ended)
    const leer = await curl(['-H', `Authorization: Bearer ${t}`, api(`/protokoll/export?format=${format}&von=9007199254740991`)]);
    expect(leer.code, leer.stderr).toBe(0);
    expect(leer.status).toBe(200);
    expect(leer.text()).toBe(format === 'csv' ? `${[...KETTEN_FELDER, 'hash'].join(',')}\r\n` : '');
  });

  it('an export that fails after the headers ends with the documented error line and a broken connection', async () => {
    // a fresh tenant with three fetch batches of events, so the stream is still reading when its
    // database connection is terminated
    const admin = await token({ roles: ['plattformbetrieb'] });
    const slug = `export-${Date.now().toString(36)}`;
    const neu = await curl(['-H', `Authorization: Bearer ${admin}`, '-H', 'Content-Type: application/json', '--data', JSON.stringify({ slug, name: 'Export-Abbruch' }), api('/admin/mandanten')]);
    expect(neu.status, neu.text()).toBe(201);
    const mandantId = neu.json().id as string;
    // written in bulk with real hashes, as the benchmark does (12,000 appends over the API take minutes)
    await ereignisseErzeugen(embedded().ownerUrl, mandantId, 12_000);
    const t = await token({ tenant: slug, roles: ['registratur'] });
    const su = new pg.Client({ connectionString: embedded().superuserUrl });
    await su.connect();
    try {
      for (const format of ['jsonl', 'csv'] as const) {
        // a slow reader: once the headers are in, the export's database connection is terminated
        const curlLauf = spawn('curl', ['-sS', '--limit-rate', '200k', '-H', `Authorization: Bearer ${t}`, '-D', '-', api(`/protokoll/export?format=${format}`)]);
        const aus: Buffer[] = [];
        let stderr = '';
        curlLauf.stderr.on('data', (d) => (stderr += d));
        const kopfDa = new Promise<void>((resolve) =>
          curlLauf.stdout.on('data', (d: Buffer) => {
            aus.push(d);
            if (Buffer.concat(aus).includes('\r\n\r\n')) resolve();
          }),
        );
        const ende = new Promise<number | null>((resolve) => curlLauf.on('close', resolve));
        await kopfDa;
        const beendet = await su.query(`select pg_terminate_backend(pid) from pg_stat_activity where query like 'FETCH % FROM protokoll_strom' and pid <> pg_backend_pid()`);
        expect(beendet.rowCount, 'the stream was running').toBe(1);
        const r = { code: await ende, stdout: Buffer.concat(aus), stderr };
        const text = r.stdout.toString('utf8');
        const [kopf, ...rumpf] = text.split('\r\n\r\n');
        expect(kopf, r.stderr).toMatch(/^HTTP\/1\.1 200/);
        // curl sees the connection end before the chunked body did: "transfer closed with outstanding read data"
        expect(r.code, r.stderr).toBe(18);
        const zeilen = rumpf.join('\r\n\r\n').split(format === 'csv' ? '\r\n' : '\n');
        expect(zeilen.at(-1)).toBe('');
        const letzte = zeilen.at(-2)!;
        const vorher = zeilen.at(-3)!;
        const letzteSequenz =
          format === 'csv' ? Number((parse(vorher, { columns: [...KETTEN_FELDER, 'hash'] }) as { sequenz: string }[])[0]!.sequenz) : (JSON.parse(vorher) as { sequenz: number }).sequenz;
        // at least the first batch went out; under load the later batches may all be read before
        // the termination, and then it is the read-only transaction's end that fails
        expect(letzteSequenz).toBeGreaterThanOrEqual(5_000);
        expect(letzteSequenz).toBeLessThanOrEqual(12_000);
        if (format === 'jsonl') {
          expect(JSON.parse(letzte)).toEqual({
            abgebrochen: { code: 'EXPORT_ABGEBROCHEN', letzteSequenz, detail: expect.stringContaining('unvollständig'), requestId: expect.any(String) },
          });
        } else {
          expect(letzte).toMatch(new RegExp(`^#EXPORT_ABGEBROCHEN,letzteSequenz=${letzteSequenz},requestId=[A-Za-z0-9._:-]+$`));
        }
      }
    } finally {
      await su.end();
    }
  });
});
