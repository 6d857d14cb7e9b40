// Searching the Protokoll as a person: the user is picked by name (the `sub` stays behind the option),
// the export holds exactly the search's entries, and an entry opens with its changes and details in words.
import type { Schemas } from '@eakte/api-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let suche: typeof import('../src/protokoll-suche');
let pruefung: typeof import('../src/seiten/Pruefung');
beforeAll(async () => {
  [suche, pruefung] = await Promise.all([import('../src/protokoll-suche'), import('../src/seiten/Pruefung')]);
});

const eintrag = (e: Partial<Schemas['ProtokollEreignis']>): Schemas['ProtokollEreignis'] => ({
  mandantId: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a',
  sequenz: 17,
  zeit: '2026-12-02T23:30:00.000000Z',
  akteurSub: 'demo-registratur',
  akteurName: 'Demo Registratur',
  akteurRollen: ['registratur'],
  akteurClient: null,
  aktion: 'vorgang.zda',
  objektTyp: 'vorgang',
  objektId: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6b',
  aktenzeichen: '2.1-0007/2026',
  akteId: null,
  aenderungen: [],
  ergebnis: 'erfolg',
  details: {},
  requestId: 'req-1',
  clientIp: '10.0.0.1',
  hash: 'a'.repeat(64),
  ...e,
});

describe('Protokoll search for people', () => {
  it('offers the users by name; two of the same name are told apart by their Kennung', () => {
    const optionen = suche.akteurOptionen([
      { sub: 'reg-9', name: 'Rita Registratur' },
      { sub: 'sb-1', name: 'Sam Bearbeiter' },
      { sub: 'sb-2', name: 'Sam Bearbeiter' },
    ]);
    expect(optionen).toEqual([
      { wert: 'reg-9', text: 'Rita Registratur' },
      { wert: 'sb-1', text: 'Sam Bearbeiter (sb-1)' },
      { wert: 'sb-2', text: 'Sam Bearbeiter (sb-2)' },
    ]);
  });

  it('exports exactly the filters of the search, as the German table, the day from local midnight', () => {
    const url = new URL(suche.exportUrl({ aktenzeichen: '2.1-', akteur: 'reg-9', aktion: 'vorgang.zda', von: '2026-12-01' }), 'http://x');
    expect(url.pathname).toBe('/api/v1/protokoll/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'tabelle',
      aktenzeichen: '2.1-',
      akteur: 'reg-9',
      aktion: 'vorgang.zda',
      zeitVon: new Date('2026-12-01T00:00:00').toISOString(),
    });
    // what the list asks for is the same search
    expect(suche.abfrage({ aktenzeichen: '2.1-', akteur: 'reg-9', aktion: 'vorgang.zda', von: '2026-12-01' })).toEqual({
      aktenzeichen: '2.1-',
      akteur: 'reg-9',
      aktion: 'vorgang.zda',
      von: new Date('2026-12-01T00:00:00').toISOString(),
    });
    expect(Object.fromEntries(new URL(suche.exportUrl({ aktenzeichen: ' ', akteur: '', aktion: '', von: '' }), 'http://x').searchParams)).toEqual({ format: 'tabelle' });
  });

  it('opens an entry: who, what, old and new values in words, the details by name, no raw JSON', () => {
    const html = renderToStaticMarkup(
      createElement(pruefung.EintragDetails, {
        e: eintrag({
          aenderungen: [
            { feld: 'zdaDatum', alt: null, neu: '2026-12-03' },
            { feld: 'betreff', alt: 'Bauantrag', neu: 'Bauantrag Nordfeld' },
            { feld: 'laufweg', alt: [{ aktion: 'mitzeichnung', empfaenger: 'FB 3' }], neu: [] },
          ],
          details: { grund: 'Vorgang erledigt', anzahl: 2 },
        }),
      }),
    );
    expect(html).toContain('Eintrag Nr. 17');
    expect(html).toContain('Demo Registratur');
    expect(html).toContain('demo-registratur');
    expect(html).toContain('Vorgang zu den Akten verfügt');
    // one row per changed field: field, before, after
    expect(html).toMatch(/<th[^>]*>Feld<\/th><th[^>]*>Vorher<\/th><th[^>]*>Nachher<\/th>/);
    expect(html).toMatch(/<td[^>]*>z\.d\.A\.-Datum<\/td><td[^>]*>–<\/td><td[^>]*>03\.12\.2026<\/td>/);
    expect(html).toMatch(/<td[^>]*>Betreff<\/td><td[^>]*>„Bauantrag“<\/td><td[^>]*>„Bauantrag Nordfeld“<\/td>/);
    expect(html).toContain('aktion: mitzeichnung, empfaenger: FB 3');
    expect(html).toMatch(/>Weitere Angaben<\/h4>.*grund<\/dt><dd[^>]*>Vorgang erledigt<\/dd>/);
    expect(html).not.toMatch(/[{[]&quot;/);
  });

  it('shows the users of the table by name', () => {
    const html = renderToStaticMarkup(createElement(pruefung.ProtokollTabelle, { ereignisse: [eintrag({})], beschriftung: 'Test' }));
    expect(html).toContain('Demo Registratur');
    expect(html).not.toContain('demo-registratur');
  });
});
