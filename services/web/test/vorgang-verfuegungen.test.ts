// The Vorgang page lists its Verfügungen (GET /vorgaenge/{id}/verfuegungen): each with its Betreff
// linking to the Verfügung, its state and who has it now (the current steps; a parallel group names each).
import type { Schemas } from '@eakte/api-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const OE = '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b70';
const schritt = (x: Partial<Schemas['Schritt']>): Schemas['Schritt'] => ({
  id: 's',
  position: 1,
  zweig: 1,
  bearbeiter: { sub: 'mueller' },
  uebernommenVon: null,
  aktion: 'mitzeichnung',
  frist: null,
  hinweis: null,
  zustand: 'aktuell',
  votum: null,
  kommentar: null,
  erledigtVon: null,
  erledigtAm: null,
  imAuftragVon: null,
  aufVorversion: false,
  vorversionGrund: null,
  ...x,
});
const verfuegung = (x: Partial<Schemas['VerfuegungUebersicht']>): Schemas['VerfuegungUebersicht'] => ({
  id: 'v',
  vorgangId: 'vg1',
  betreff: 'Stellungnahme',
  verfasser: 'meier',
  status: 'laufend',
  aktuellePosition: 1,
  aktuelleSchritte: [],
  schlussverfuegung: null,
  version: 1,
  erstelltAm: '2026-12-01T09:00:00Z',
  geaendertAm: '2026-12-01T09:00:00Z',
  ...x,
});
const SEITE: Schemas['VerfuegungListe'] = {
  items: [
    verfuegung({ id: 'v1', betreff: 'Anhörung', status: 'abgeschlossen', aktuellePosition: null, schlussverfuegung: { art: 'zum_vorgang' } }),
    verfuegung({
      id: 'v2',
      betreff: 'Bebauungsplan Nord',
      aktuelleSchritte: [schritt({ id: 's1', frist: '2026-12-10' }), schritt({ id: 's2', zweig: 2, bearbeiter: { organisationseinheitId: OE } })],
    }),
  ],
  nextCursor: null,
};
const anfragen: string[] = [];
vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
vi.stubGlobal(
  'fetch',
  vi.fn(async (eingabe: Request | string) => {
    anfragen.push(typeof eingabe === 'string' ? eingabe : eingabe.url);
    return new Response(JSON.stringify(SEITE), { status: 200, headers: { 'content-type': 'application/json' } });
  }),
);
let seite: typeof import('../src/seiten/Vorgang');
beforeAll(async () => {
  seite = await import('../src/seiten/Vorgang');
});

describe('Verfügungen on the Vorgang page', () => {
  it('are read from GET /vorgaenge/{id}/verfuegungen, page by page', async () => {
    expect(await seite.verfuegungenLaden('vg1')).toEqual(SEITE);
    expect(await seite.verfuegungenLaden('vg1', 'abc')).toEqual(SEITE);
    expect(anfragen.map((u) => `${new URL(u).pathname}${new URL(u).search}`)).toEqual(['/api/v1/vorgaenge/vg1/verfuegungen?limit=100', '/api/v1/vorgaenge/vg1/verfuegungen?limit=100&cursor=abc']);
  });

  it('show each with its Betreff as a link, its state and its current steps', () => {
    const html = renderToStaticMarkup(createElement(seite.VerfuegungTabelle, { verfuegungen: SEITE.items, oes: new Map([[OE, { id: OE, kuerzel: 'FB 3', name: 'Bauen' }]]) }));
    const zeilen = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((z) => z[1]!.replace(/<[^>]+>/g, '')));
    expect(zeilen).toEqual([
      ['Anhörung', 'abgeschlossen (z. Vg.)', '–'],
      ['Bebauungsplan Nord', 'im Geschäftsgang', 'Mitzeichnung: mueller (Frist 10.12.2026)Mitzeichnung: Organisationseinheit FB 3 – Bauen'],
    ]);
    expect(html).toContain('href="/verfuegungen/v1"');
    expect(html).toContain('href="/verfuegungen/v2"');
  });
});
