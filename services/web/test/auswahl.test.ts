// Tables with bulk actions: rows are chosen one by one or all at once ("alle auswählen" over the rows
// that may be chosen — a held Akte cannot be offered to the archive); the due list sorts by column
// and is filtered by unit and year on the server.
import type { Schemas } from '@eakte/api-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let auswahl: typeof import('../src/auswahl');
let faellig: typeof import('../src/seiten/Faellig');
let einheit: typeof import('../src/seiten/Einheit');
let sperren: typeof import('../src/seiten/Loeschsperren');
beforeAll(async () => {
  [auswahl, faellig, einheit, sperren] = await Promise.all([import('../src/auswahl'), import('../src/seiten/Faellig'), import('../src/seiten/Einheit'), import('../src/seiten/Loeschsperren')]);
});

const akte = (id: string, aktenzeichen: string, gesperrt = false) =>
  ({
    id,
    aktenzeichen,
    betreff: `Betreff ${id}`,
    aktenplaneinheitId: 'e',
    aktenplanKennzeichen: '2.1',
    aufbewahrungBis: '2025-12-31',
    aussonderungFaelligAb: '2026-01-01',
    aussonderungsart: 'A',
    gesperrt,
  }) as Schemas['FaelligeAkte'];

describe('selection', () => {
  it('toggles one row, and "alle auswählen" chooses every selectable row or, when all are chosen, none', () => {
    expect([...auswahl.umschalten(new Set(['a']), 'b')]).toEqual(['a', 'b']);
    expect([...auswahl.umschalten(new Set(['a', 'b']), 'a')]).toEqual(['b']);
    expect([...auswahl.alleUmschalten(new Set(['a']), ['a', 'b', 'c'])].sort()).toEqual(['a', 'b', 'c']);
    expect([...auswahl.alleUmschalten(new Set(['a', 'b', 'c']), ['a', 'b', 'c'])]).toEqual([]);
    // rows hidden by a filter are not what "alle" means, and are not sent
    expect([...auswahl.alleUmschalten(new Set(['x']), ['a'])].sort()).toEqual(['a', 'x']);
    expect(auswahl.nurWaehlbare(new Set(['x', 'a']), ['a', 'b'])).toEqual(['a']);
  });

  it('the due list offers "alle auswählen" over the Akten not held, a box per row, and sortable columns', () => {
    const a = { auswahl: new Set<string>(['1']), setAuswahl: () => {}, umschalten: () => {}, alle: () => {}, leeren: () => {} };
    const html = renderToStaticMarkup(createElement(faellig.FaelligTabelle, { akten: [akte('1', '2.1-0001/2016'), akte('2', '2.1-0002/2016'), akte('3', '2.1-0003/2016', true)], auswahl: a }));
    expect(html).toMatch(/<input class="kern-form-check__checkbox" type="checkbox" id="[^"]+"\/><label class="kern-label" for="[^"]+">Alle auswählen \(2 Akten\)<\/label>/);
    expect(html).toContain('aria-label="2.1-0001/2016 auswählen" checked=""');
    expect(html).toMatch(/aria-label="2\.1-0003\/2016 auswählen" disabled=""/);
    for (const spalte of ['Aktenzeichen', 'Betreff', 'Aussonderung fällig ab']) expect(html).toMatch(new RegExp(`aria-sort="none"[^>]*><button[^>]*>${spalte}</button>`));
  });

  it('"alle auswählen" is checked once every selectable Akte is chosen', () => {
    const a = { auswahl: new Set<string>(['1', '2']), setAuswahl: () => {}, umschalten: () => {}, alle: () => {}, leeren: () => {} };
    const html = renderToStaticMarkup(createElement(faellig.FaelligTabelle, { akten: [akte('1', 'x'), akte('2', 'y'), akte('3', 'z', true)], auswahl: a }));
    expect(html).toMatch(/type="checkbox" id="[^"]+" checked=""\/><label[^>]*>Alle auswählen \(2 Akten\)/);
  });

  it('asks the server for the due Akten of a unit (with its sub-units) and a year', () => {
    expect(faellig.faelligAbfrage({ einheit: '', jahr: ' ' })).toEqual({});
    expect(faellig.faelligAbfrage({ einheit: 'e-1', jahr: ' 2026 ' })).toEqual({ aktenplaneinheit: 'e-1', jahr: '2026' });
    expect(faellig.faelligAbfrage({ einheit: '', jahr: '26' })).toEqual({});
    expect(
      faellig
        .einheitOptionen([
          { id: 'b', kennzeichen: '10', titel: 'Zehn' },
          { id: 'a', kennzeichen: '2.1', titel: 'Straßenbau' },
        ])
        .map((o) => o.text),
    ).toEqual(['2.1 Straßenbau', '10 Zehn']);
  });

  it('the Registratur chooses Akten of a unit to place one Löschsperre on all of them', () => {
    const a = { auswahl: new Set<string>(['1']), setAuswahl: () => {}, umschalten: () => {}, alle: () => {}, leeren: () => {} };
    const akten = [{ id: '1', aktenzeichen: '2.1-0001/2026', betreff: 'A', status: 'offen', zdaDatum: null, laufzeit: { beginn: '2026-01-01', ende: null } }] as unknown as Schemas['Akte'][];
    const mit = renderToStaticMarkup(createElement(einheit.AktenTabelle, { akten, beschriftung: 'Akten', auswahl: a }));
    expect(mit).toContain('Alle auswählen (1 Akte)');
    expect(mit).toContain('aria-label="2.1-0001/2026 auswählen" checked=""');
    // without a selection (every other role) the list is as before
    expect(renderToStaticMarkup(createElement(einheit.AktenTabelle, { akten, beschriftung: 'Akten' }))).not.toContain('checkbox');
    expect(sperren.sperreKoerper({ bezeichnung: ' Verfahren 3 ', grund: ' Klage ', aktenzeichenGericht: ' ' }, ['1', '2'])).toEqual({ bezeichnung: 'Verfahren 3', grund: 'Klage', akten: ['1', '2'] });
    expect(sperren.sperreKoerper({ bezeichnung: 'V', grund: 'G', aktenzeichenGericht: '1 K 2/26' }, ['1'])).toMatchObject({ aktenzeichenGericht: '1 K 2/26' });
  });
});
