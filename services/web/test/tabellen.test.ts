// Tables that work: a column with a sort key sorts by it (German collation, numbers as numbers, both
// directions) and says so with aria-sort; the Akten of a unit are filtered by status, year and Betreff
// on the server.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let ui: typeof import('../src/ui');
let einheit: typeof import('../src/seiten/Einheit');
beforeAll(async () => {
  [ui, einheit] = await Promise.all([import('../src/ui'), import('../src/seiten/Einheit')]);
});

describe('tables', () => {
  it('sorts by a column: German words, numbers by value, ascending and descending', () => {
    const zeilen = [
      { id: '1', betreff: 'Zaun', nr: 10 },
      { id: '2', betreff: 'Ärger', nr: 9 },
      { id: '3', betreff: 'Baum', nr: 100 },
    ];
    expect(ui.sortiere(zeilen, (z) => z.betreff, 'aufsteigend').map((z) => z.id)).toEqual(['2', '3', '1']);
    expect(ui.sortiere(zeilen, (z) => z.nr, 'aufsteigend').map((z) => z.id)).toEqual(['2', '1', '3']);
    expect(ui.sortiere(zeilen, (z) => z.nr, 'absteigend').map((z) => z.id)).toEqual(['3', '1', '2']);
    expect(zeilen.map((z) => z.id)).toEqual(['1', '2', '3']);
  });

  it('offers a sort button in the header of a sortable column only', () => {
    const html = renderToStaticMarkup(
      createElement(ui.Tabelle<{ id: string; a: string }>, {
        zeilen: [{ id: '1', a: 'x' }],
        beschriftung: 'Test',
        spalten: [
          { titel: 'Sortierbar', zelle: (z: { a: string }) => z.a, sortWert: (z: { a: string }) => z.a },
          { titel: 'Fest', zelle: (z: { a: string }) => z.a },
        ],
      }),
    );
    expect(html).toMatch(/<th[^>]*aria-sort="none"[^>]*><button[^>]*type="button"[^>]*>Sortierbar/);
    expect(html).toMatch(/<th scope="col" class="kern-table__header">Fest<\/th>/);
  });

  it('asks the server for the Akten of a unit by status, year and Betreff', () => {
    expect(einheit.aktenAbfrage('e-1', { status: '', jahr: '', betreff: '  ', sortierung: 'aktenzeichen' })).toEqual({ aktenplaneinheit: 'e-1', sortierung: 'aktenzeichen' });
    expect(einheit.aktenAbfrage('e-1', { status: 'geschlossen', jahr: '2024', betreff: ' Brücke ', sortierung: 'geaendert' })).toEqual({
      aktenplaneinheit: 'e-1',
      status: 'geschlossen',
      laufzeitVon: '2024-01-01',
      laufzeitBis: '2024-12-31',
      betreff: 'Brücke',
      sortierung: 'geaendert',
    });
  });
});

describe("the Akte's Dokumente tab", () => {
  let akte: typeof import('../src/seiten/Akte');
  beforeAll(async () => {
    akte = await import('../src/seiten/Akte');
  });
  const vorgang = (n: number) => ({ id: `v${n}`, kennzeichen: `2.1-0001/2026-${n}`, betreff: `Vorgang ${n}` }) as unknown as import('@eakte/api-client').Schemas['Vorgang'];

  it('shows the Vorgänge open when there are few, folded when there are many', () => {
    const wenige = renderToStaticMarkup(createElement(akte.VorgaengeMitDokumenten, { vorgaenge: [vorgang(1), vorgang(2), vorgang(3)] }));
    expect(wenige.match(/<details class="eakte-aufklapp" open=""/g)).toHaveLength(3);
    const viele = renderToStaticMarkup(createElement(akte.VorgaengeMitDokumenten, { vorgaenge: [1, 2, 3, 4].map(vorgang) }));
    expect(viele).not.toContain('open=""');
    expect(viele.match(/<details/g)).toHaveLength(4);
  });
});

describe("the Akte's Vorgänge", () => {
  it('are filtered by status: all, open, or z.d.A.', async () => {
    const { nachStatus, GefilterteVorgaenge } = await import('../src/seiten/Vorgaenge');
    const v = [
      { id: '1', status: 'offen' },
      { id: '2', status: 'geschlossen' },
    ];
    expect(nachStatus(v, '').map((x) => x.id)).toEqual(['1', '2']);
    expect(nachStatus(v, 'offen').map((x) => x.id)).toEqual(['1']);
    expect(nachStatus(v, 'geschlossen').map((x) => x.id)).toEqual(['2']);
    const html = renderToStaticMarkup(createElement(GefilterteVorgaenge, { vorgaenge: [], beschriftung: 'Vorgänge' }));
    expect(html).toMatch(/<label class="kern-label" for="[^"]+">Status<\/label>/);
    expect(html).toContain('<option value="geschlossen">');
  });
});
