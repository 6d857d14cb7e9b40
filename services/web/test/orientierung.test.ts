// Orientation: where one is (breadcrumbs Aktenplan › unit › Akte › Vorgang › Dokument), an Akte's
// unit, Federführung and Löschsperren on its overview, "z.d.A. am …", a released hold with who,
// when and why, and the Registratur's retention form on the overview.
import type { Schemas } from '@eakte/api-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Sitzung } from '../src/auth';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let ui: typeof import('../src/ui');
let akte: typeof import('../src/seiten/Akte');
let sperren: typeof import('../src/seiten/Loeschsperren');
let namen: typeof import('../src/namen');
beforeAll(async () => {
  [ui, akte, sperren, namen] = await Promise.all([import('../src/ui'), import('../src/seiten/Akte'), import('../src/seiten/Loeschsperren'), import('../src/namen')]);
});

const sitzung = (...rollen: string[]): Sitzung => ({ token: 't', ablauf: Date.now() / 1000 + 600, sub: 's', name: 'Demo', mandant: 'demo', rollen });
const EINHEIT = '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b01';
const AKTE = {
  id: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b02',
  aktenzeichen: '2.1-0007/2026',
  fruehereAktenzeichen: [],
  aktenplaneinheitId: EINHEIT,
  betreff: 'Radweg',
  federfuehrung: null,
  vertraulichkeitsstufe: '003',
  medium: '001',
  bemerkung: null,
  status: 'geschlossen',
  zdaDatum: '2026-12-02',
  laufzeit: { beginn: '2026-01-05', ende: '2026-12-02' },
  aufbewahrungsfrist: 10,
  aufbewahrungsfristGeerbt: true,
  aussonderungsart: 'A',
  aufbewahrungBis: '2036-12-31',
  aussonderungFaelligAb: '2037-01-01',
  aussonderung: null,
  version: 3,
  erstelltAm: '2026-01-05T09:00:00Z',
  geaendertAm: '2026-12-02T09:00:00Z',
} as unknown as Schemas['Akte'];

describe('orientation', () => {
  it('breadcrumbs: a navigation landmark, each step a link, the current page marked', () => {
    const html = renderToStaticMarkup(
      createElement(ui.Brotkrumen, { teile: [{ text: 'Aktenplan', href: '/aktenplan' }, { text: '2.1 Straßenbau', href: `/aktenplan/${EINHEIT}` }, { text: 'Akte 2.1-0007/2026' }] }),
    );
    expect(html).toMatch(/^<nav aria-label="Sie sind hier"/);
    expect(html).toContain('<a class="kern-link" href="/aktenplan">Aktenplan</a>');
    expect(html).toContain(`href="/aktenplan/${EINHEIT}"`);
    expect(html).toMatch(/<li[^>]*><span aria-current="page">Akte 2\.1-0007\/2026<\/span><\/li>/);
  });

  it('a closed object reads "z.d.A. am …"', () => {
    expect(ui.statusText('geschlossen', '2026-12-02')).toBe('z.d.A. am 02.12.2026');
    expect(ui.statusText('offen', null)).toBe('offen');
  });

  it('the overview links the Akte to its unit and offers the Registratur the retention form', () => {
    const reg = renderToStaticMarkup(createElement(akte.Uebersicht, { akte: AKTE, sitzung: sitzung('registratur'), geaendert: () => {} }));
    expect(reg).toContain(`href="/aktenplan/${EINHEIT}"`);
    expect(reg).toContain('z.d.A. am 02.12.2026');
    expect(reg).toContain('Aufbewahrung ändern');
    const clerk = renderToStaticMarkup(createElement(akte.Uebersicht, { akte: AKTE, sitzung: sitzung('sachbearbeitung'), geaendert: () => {} }));
    expect(clerk).not.toContain('Aufbewahrung ändern');
    expect(clerk).toContain('Federführung');
  });

  it('a released hold says who released it (by name), when and why', () => {
    const html = renderToStaticMarkup(
      createElement(sperren.SperreEintrag, {
        sperre: {
          id: 'x',
          bezeichnung: 'Verfahren 3 K 12/26',
          grund: 'Klage anhängig',
          aktenzeichenGericht: null,
          akten: [],
          vorgaenge: [],
          dokumente: [],
          aktiv: false,
          erstelltAm: '2026-11-02T09:00:00Z',
          erstelltVon: 'demo-registratur',
          aufgehobenAm: '2026-12-01T10:30:00Z',
          aufgehobenVon: 'demo-registratur-2',
          aufhebungsgrund: 'Verfahren abgeschlossen',
        } as unknown as Schemas['Loeschsperre'],
        name: (sub: string | null | undefined) => namen.nameVon(new Map([['demo-registratur-2', 'Erika Mustermann']]), sub),
      }),
    );
    expect(html).toContain('aufgehoben von Erika Mustermann am 1.12.2026');
    // a user the Protokoll does not know keeps the login id
    expect(html).toContain('gesetzt von demo-registratur am');
    expect(html).toContain('Verfahren abgeschlossen');
  });
});
