// The Postkorb's counts are the server's (GET /postkorb/anzahl, the whole Postkorb), never a count of
// the page of items the client has on hand: with 40 steps waiting and one page loaded it says 40.
import type { Schemas } from '@eakte/api-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const ANZAHL: Schemas['PostkorbAnzahl'] = { gesamt: 47, schritte: 40, wiedervorlagen: 0, rueckgaben: 7, ueberfaellig: 2, inVertretung: 1 };
const anfragen: string[] = [];
vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
vi.stubGlobal(
  'fetch',
  vi.fn(async (eingabe: Request | string) => {
    anfragen.push(typeof eingabe === 'string' ? eingabe : eingabe.url);
    return new Response(JSON.stringify(ANZAHL), { status: 200, headers: { 'content-type': 'application/json' } });
  }),
);
let postkorb: typeof import('../src/seiten/Postkorb');
beforeAll(async () => {
  postkorb = await import('../src/seiten/Postkorb');
});

describe('Postkorb counts', () => {
  it('are read from GET /postkorb/anzahl', async () => {
    expect(await postkorb.postkorbAnzahlLaden()).toEqual(ANZAHL);
    expect(anfragen.map((u) => new URL(u).pathname)).toEqual(['/api/v1/postkorb/anzahl']);
  });

  it('show the server counts per kind, the overdue steps and those in Vertretung; a kind without items is left out', () => {
    const html = renderToStaticMarkup(createElement(postkorb.PostkorbZahlen, { anzahl: ANZAHL }));
    const paare = [...html.matchAll(/<dt[^>]*>([^<]*)<\/dt><dd[^>]*>([^<]*)<\/dd>/g)].map((m) => [m[1], m[2]]);
    expect(paare).toEqual([
      ['Zur Bearbeitung', '40'],
      ['Zurückgegeben', '7'],
      ['davon überfällig', '2'],
      ['davon in Vertretung', '1'],
    ]);
  });
});
