// Reads of Dokument content over the gateway's socket with curl: the content is never left in a
// cache (no-store), and every answer that lets a client show it (200, 206, a 304 for its cached
// copy) is one `dokument.inhalt.gelesen` in the Protokoll.
import { describe, expect, it } from 'vitest';
import { akteMitVorgang, api, curl, token } from './lib.js';

const INHALT = Buffer.from(Array.from({ length: 400 }, (_, i) => `Zeile ${i}: Bescheid über die Baugenehmigung\n`).join(''));

async function leseEreignisse(dokumentId: string): Promise<number> {
  const t = await token({ tenant: 'demo', roles: ['pruefung'] });
  const r = await curl(['-H', `Authorization: Bearer ${t}`, api(`/protokoll?objektId=${dokumentId}&aktion=dokument.inhalt.gelesen&limit=100`)]);
  expect(r.status, r.text()).toBe(200);
  return (r.json().items as unknown[]).length;
}

describe('outside-in: reading Dokument content', () => {
  it('download, range (206) and a conditional 304 are three audited reads, and none may be stored', async () => {
    const t = await token({ tenant: 'demo', roles: ['sachbearbeitung'] });
    const { vorgangId } = await akteMitVorgang(t, 'Inhalt lesen');
    const neu = await curl(
      [
        '-H',
        `Authorization: Bearer ${t}`,
        '-F',
        'datei=@-;filename=Bescheid.txt;type=text/plain',
        '-F',
        'betreff=Bescheid',
        '-F',
        'datumDesSchreibens=2026-11-30',
        api(`/vorgaenge/${vorgangId}/dokumente`),
      ],
      { eingabe: INHALT },
    );
    expect(neu.status, neu.text()).toBe(201);
    const id = neu.json().id as string;
    const auth = ['-H', `Authorization: Bearer ${t}`];
    const url = api(`/dokumente/${id}/inhalt`);

    const ganz = await curl([...auth, url]);
    expect(ganz.status).toBe(200);
    expect(ganz.body.equals(INHALT)).toBe(true);
    expect(ganz.headers['cache-control']).toBe('private, no-store');
    const etag = ganz.headers.etag!;
    expect(await leseEreignisse(id)).toBe(1);

    const teil = await curl([...auth, '-r', '0-99', url]);
    expect(teil.status).toBe(206);
    expect(teil.body.equals(INHALT.subarray(0, 100))).toBe(true);
    expect(teil.headers['cache-control']).toBe('private, no-store');
    expect(await leseEreignisse(id)).toBe(2);

    // a client that kept a copy anyway and revalidates it: the 304 lets it show the content
    const bedingt = await curl([...auth, '-H', `If-None-Match: ${etag}`, url]);
    expect(bedingt.status).toBe(304);
    expect(bedingt.body.length).toBe(0);
    expect(bedingt.headers['cache-control']).toBe('private, no-store');
    expect(await leseEreignisse(id)).toBe(3);

    // the same for a version's content
    const version = await curl([...auth, '-H', `If-None-Match: ${etag}`, api(`/dokumente/${id}/versionen/1/inhalt`)]);
    expect(version.status).toBe(304);
    expect(await leseEreignisse(id)).toBe(4);

    // a 416 shows nothing and records no read
    const daneben = await curl([...auth, '-r', `${INHALT.length + 10}-${INHALT.length + 20}`, url]);
    expect(daneben.status).toBe(416);
    expect(await leseEreignisse(id)).toBe(4);
  });
});
