// People by name on the Geschäftsgang screens: a step's Bearbeiter, who completed it "i. V." for whom,
// and the picker of a person (search field, announced hits, a name typed but not picked is refused).
import type { Schemas } from '@eakte/api-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let verfuegung: typeof import('../src/seiten/Verfuegung');
let personen: typeof import('../src/personen');
let T: typeof import('../src/texte').T;
beforeAll(async () => {
  [verfuegung, personen, { T }] = await Promise.all([import('../src/seiten/Verfuegung'), import('../src/personen'), import('../src/texte')]);
});

const NAMEN: Record<string, string> = { mueller: 'Maria Müller', meier: 'Max Meier' };
const name = (sub: string | null | undefined) => (sub ? (NAMEN[sub] ?? sub) : '–');

describe('people by name', () => {
  it('names a Bearbeiter and who completed a step, a deputy "i. V." for the one represented', () => {
    expect(verfuegung.bearbeiterText({ sub: 'mueller' }, new Map(), name)).toBe('Maria Müller');
    const erledigt = { erledigtVon: 'meier', imAuftragVon: 'mueller', erledigtAm: '2026-12-01T10:00:00Z' } as Schemas['Schritt'];
    expect(verfuegung.erledigtText(erledigt, name)).toContain('Max Meier i. V. für Maria Müller');
    expect(verfuegung.erledigtText({ ...erledigt, imAuftragVon: null }, name)).toContain('Max Meier');
  });

  it('picks a person with a labelled search field and announces the hits', () => {
    const html = renderToStaticMarkup(createElement(personen.PersonWahl, { label: 'Vertretung (Person)', name: 'vertreter/0/sub', sub: '', onWahl: () => {} }));
    expect(html).toMatch(/<label class="kern-label" for="([^"]+)">Vertretung \(Person\)<\/label>/);
    expect(html).toMatch(/<input[^>]*type="search"[^>]*name="vertreter\/0\/sub"|<input[^>]*name="vertreter\/0\/sub"[^>]*type="search"/);
    expect(html).toContain('role="status"');
    expect(html).toContain(T.person.hinweis);
    expect(personen.personStatus({ art: 'treffer', personen: [] })).toBe(T.person.keine);
    expect(
      personen.personStatus({
        art: 'treffer',
        personen: [
          { sub: 'a', name: 'A', organisationseinheiten: [] },
          { sub: 'b', name: 'B', organisationseinheiten: [] },
        ],
      }),
    ).toBe('2 Personen gefunden.');
    expect(personen.personStatus({ art: 'fehler' })).toBe(T.person.fehler);
    expect(personen.personStatus({ art: 'ruhe' }, { name: 'Maria Müller', sub: 'mueller' })).toBe('Gewählt: Maria Müller (Kennung mueller).');
  });

  it('shows a chosen person by name, not by login id', () => {
    const html = renderToStaticMarkup(createElement(personen.PersonWahl, { label: 'Person', name: 'laufweg/0/bearbeiter/sub', sub: 'demo-x', onWahl: () => {} }));
    // no directory read in this test: the id stands in, and the field marks no unpicked text
    expect(html).toContain('value="demo-x"');
    expect(html).not.toContain('data-ungewaehlt');
  });
});
