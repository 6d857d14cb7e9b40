import aktenApp from '@eakte/akten';
import { createClient } from '@eakte/api-client';
import { listen, token } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { importiereMandanten, type ImportZeile } from '../lib/tenant-import.js';

describe('tenant import from CSV', () => {
  it('creates new tenants, reports existing and bad rows, and is idempotent', async () => {
    const url = await listen(aktenApp);
    const client = createClient({ baseUrl: url, token: await token({ roles: ['plattformbetrieb'] }) });
    const tag = Math.random().toString(36).slice(2, 7);
    const csv = [
      'slug,name,behoerdenkennung,behoerdenschluesselListURI,behoerdenschluesselListVersionID,zustaendigesArchiv,erlaubteFormate,maxUploadGroesse',
      `welle-${tag}-a,"Amt für Straßenbau, Nord",ags:16053000,urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags,2024-01-31,Landesarchiv,application/pdf;image/tiff,1048576`,
      `welle-${tag}-b,Landesamt für Statistik,,,,,,`,
      'demo,Schon da,,,,,,',
      `FALSCH ${tag},Ungültiger Kurzname,,,,,,`,
      `welle-${tag}-c,Ohne Präfix,SB-N,,,,,`,
      `welle-${tag}-d,Doppeltes Leerzeichen,ags:16  053,,,,,`,
    ].join('\n');
    const progress: [number, number][] = [];
    const first = await importiereMandanten(csv, client, (_z, i, n) => progress.push([i, n]));
    expect(progress).toEqual([
      [1, 6],
      [2, 6],
      [3, 6],
      [4, 6],
      [5, 6],
      [6, 6],
    ]);
    expect(first.map((z: ImportZeile) => [z.zeile, z.ergebnis])).toEqual([
      [2, 'angelegt'],
      [3, 'angelegt'],
      [4, 'vorhanden'],
      [5, 'fehler'],
      [6, 'fehler'],
      [7, 'fehler'],
    ]);
    expect(first[3]!.meldung).toMatch(/slug/);
    // the form praefix:schluessel is checked here, the code rules by the API (422 naming the field)
    expect(first[4]!.meldung).toMatch(/behoerdenkennung: „SB-N“ hat nicht die Form praefix:schluessel/);
    expect(first[5]!.meldung).toMatch(/\/behoerdenkennung\/behoerdenschluessel\/code/);

    const second = await importiereMandanten(csv, client, () => {});
    expect(second.map((z) => z.ergebnis)).toEqual(['vorhanden', 'vorhanden', 'vorhanden', 'fehler', 'fehler', 'fehler']);

    const a = await createClient({ baseUrl: url, token: await token({ tenant: `welle-${tag}-a`, roles: ['sachbearbeitung'] }) }).GET('/mandant');
    expect(a.data).toMatchObject({
      name: 'Amt für Straßenbau, Nord',
      behoerdenkennung: {
        behoerdenschluessel: { code: '16053000', listURI: 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags', listVersionID: '2024-01-31' },
        praefix: { code: 'ags' },
      },
      einstellungen: { erlaubteFormate: ['application/pdf', 'image/tiff'], maxUploadGroesse: 1048576 },
    });
  });

  it('refuses a file with unknown columns before changing anything', async () => {
    const url = await listen(aktenApp);
    const client = createClient({ baseUrl: url, token: await token({ roles: ['plattformbetrieb'] }) });
    await expect(importiereMandanten('slug,name,passwort\nx,y,z\n', client, () => {})).rejects.toThrow(/unbekannte Spalten: passwort/);
  });
});
