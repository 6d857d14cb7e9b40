// The Posteingang screen's own logic: what it sends for each target (a Vorgang, an org unit's Postkorb,
// a person), how it reports a bulk request item by item, and that the receiver's part of the Postkorb
// is shown to those who may file passed-on items.
import type { Schemas } from '@eakte/api-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Sitzung } from '../src/auth';
import { sammelMeldung, zielName, zuordnungsKoerper } from '../src/posteingang';
import { darf } from '../src/rechte';
import { T } from '../src/texte';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let postkorb: typeof import('../src/seiten/Postkorb');
beforeAll(async () => {
  postkorb = await import('../src/seiten/Postkorb');
});

const sitzung = (...rollen: string[]): Sitzung => ({ token: 't', ablauf: Date.now() / 1000 + 600, sub: 's', name: 'Demo', mandant: 'demo', rollen });

describe('Posteingang targets', () => {
  it('sends a Vorgang without a Hinweis, and an org unit or a person as the receiver with the Hinweis typed', () => {
    expect(zuordnungsKoerper({ art: 'vorgang', vorgangId: 'v1', kennzeichen: '2.1-0001/2026-001' }, 'ignoriert')).toEqual({ vorgangId: 'v1' });
    expect(zuordnungsKoerper({ art: 'einheit', organisationseinheitId: 'oe1', name: 'BA – Bauamt' }, '  zuständigkeitshalber ')).toEqual({
      an: { organisationseinheitId: 'oe1' },
      hinweis: 'zuständigkeitshalber',
    });
    expect(zuordnungsKoerper({ art: 'person', sub: 'm.weber', name: 'Maria Weber' }, '   ')).toEqual({ an: { sub: 'm.weber' } });
    expect(zielName({ art: 'person', sub: 'm.weber', name: 'Maria Weber' })).toBe('Maria Weber');
  });

  it('names the target on the button and in the message', () => {
    expect(T.posteingang.weiterleiten(2, 'BA – Bauamt')).toBe('2 Einträge an BA – Bauamt weiterleiten');
    expect(T.posteingang.weiterleiten(1, undefined)).toBe('Erst den Empfänger wählen');
    expect(T.posteingang.weiterleiten(0, 'BA – Bauamt')).toBe('Erst Einträge auswählen');
    expect(T.posteingang.weitergeleitet(3, 'Maria Weber')).toBe('3 Einträge wurden an Maria Weber weitergeleitet.');
  });

  it('reports a bulk request item by item: the Betreff and the plain-German reason of each one that failed', () => {
    const ergebnisse: Schemas['PosteingangSammelergebnis']['ergebnisse'] = [
      { id: 'a', status: 200, dokumentId: null, problem: null },
      { id: 'b', status: 409, dokumentId: null, problem: { type: 'about:blank', title: 'Konflikt', status: 409, code: 'POSTEINGANG_BEREITS_ZUGEORDNET', detail: 'x' } },
      { id: 'c', status: 409, dokumentId: null, problem: { type: 'about:blank', title: 'Konflikt', status: 409, code: 'POSTEINGANG_UNVERAENDERLICH', detail: 'Der Eingang ist unveränderlich' } },
    ];
    const betreff: Record<string, string> = { a: 'Antrag', b: 'Widerspruch', c: 'Foto' };
    expect(sammelMeldung(ergebnisse, (id) => betreff[id]!)).toEqual({
      erfolg: 1,
      fehler: ['Widerspruch: Der Eintrag wurde inzwischen zugeordnet.', 'Foto: Der Eingang ist unveränderlich'],
    });
  });
});

describe("the receiver's part of the Postkorb", () => {
  it('is offered to clerks and the Registratur, not to roles that file nothing', () => {
    expect(darf(['sachbearbeitung'], 'zugeleitet')).toBe(true);
    expect(darf(['registratur'], 'zugeleitet')).toBe(true);
    expect(darf(['fachadministration'], 'zugeleitet')).toBe(false);
    expect(darf(['pruefung'], 'zugeleitet')).toBe(false);
    expect(darf(['registratur'], 'weiterleiten')).toBe(true);
  });

  it('shows the Postkorb page of a clerk with its section for passed-on mail', () => {
    const html = renderToStaticMarkup(createElement(postkorb.PostkorbSeite, { sitzung: sitzung('sachbearbeitung') }));
    expect(html).toContain(`<h2 id="pe-zugeleitet-titel" class="kern-heading-medium">${T.posteingang.zugeleitetTitel}</h2>`);
    const fa = renderToStaticMarkup(createElement(postkorb.PostkorbSeite, { sitzung: sitzung('fachadministration') }));
    expect(fa).not.toContain(T.posteingang.zugeleitetTitel);
  });
});
