// Role-aware screens: per role the client offers only what the permission matrix lets it open.
import { BERECHTIGUNGEN, ROLLEN } from '@eakte/platform/berechtigungen';
import { createElement, isValidElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Sitzung } from '../src/auth';
import { BEREICHE, darf } from '../src/rechte';

// api.ts builds its client from the page's origin when loaded; the pages are imported after this
vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let layout: typeof import('../src/layout');
let routen: typeof import('../src/routen');
let start: typeof import('../src/seiten/Start');
let nichtGefunden: typeof import('../src/seiten/NichtGefunden');
let einheit: typeof import('../src/seiten/Einheit');
beforeAll(async () => {
  [layout, routen, start, nichtGefunden, einheit] = await Promise.all([
    import('../src/layout'),
    import('../src/routen'),
    import('../src/seiten/Start'),
    import('../src/seiten/NichtGefunden'),
    import('../src/seiten/Einheit'),
  ]);
});

const sitzung = (...rollen: string[]): Sitzung => ({ token: 't', ablauf: Date.now() / 1000 + 600, sub: 's', name: 'Demo', mandant: 'demo', rollen });

describe('role-aware navigation', () => {
  it('names only operations of the permission matrix', () => {
    for (const ops of Object.values(BEREICHE)) for (const op of ops) expect(BERECHTIGUNGEN[op], op).toBeDefined();
  });

  it('shows an auditor only the start page and the Prüfung, without the search box', () => {
    expect(layout.navigation(['pruefung']).map(([t]) => t)).toEqual(['Start', 'Prüfung']);
    const html = renderToStaticMarkup(createElement(layout.Rahmen, { sitzung: sitzung('pruefung'), children: 'Inhalt' }));
    expect(html).not.toContain('href="/aktenplan"');
    expect(html).not.toContain('href="/wiedervorlagen"');
    expect(html).not.toContain('role="search"');
    expect(html).toContain('href="/pruefung"');
  });

  it('shows clerks and records managers what their roles open', () => {
    expect(layout.navigation(['sachbearbeitung']).map(([t]) => t)).toEqual(['Start', 'Postkorb', 'Aktenplan', 'Wiedervorlagen', 'Vertretung', 'Benachrichtigungen']);
    expect(layout.navigation(['registratur']).map(([t]) => t)).toEqual([
      'Start',
      'Postkorb',
      'Posteingang',
      'Aktenplan',
      'Wiedervorlagen',
      'Aussonderung',
      'Prüfung',
      'Vertretung',
      'Benachrichtigungen',
    ]);
    expect(layout.navigation(['plattformbetrieb']).map(([t]) => t)).toEqual(['Start']);
    const html = renderToStaticMarkup(createElement(layout.Rahmen, { sitzung: sitzung('sachbearbeitung'), children: 'Inhalt' }));
    expect(html).toContain('role="search"');
  });

  it('every link offered to a role opens a page that role may load, every other one is not found', () => {
    const istNichtGefunden = (e: unknown) => isValidElement(e) && (e as ReactElement).type === nichtGefunden.NichtGefunden;
    for (const rolle of ROLLEN) {
      const s = sitzung(rolle);
      const angeboten = new Set(layout.navigation([rolle]).map(([, href]) => href));
      for (const href of ['/', '/postkorb', '/posteingang', '/aktenplan', '/wiedervorlagen', '/registratur/faellig', '/pruefung', '/vertretung', '/einstellungen/benachrichtigungen']) {
        expect(istNichtGefunden(routen.seiteFuer(href, s)), `${rolle} ${href}`).toBe(!angeboten.has(href));
      }
    }
    expect(istNichtGefunden(routen.seiteFuer('/akten/00000000-0000-4000-8000-000000000000', sitzung('pruefung')))).toBe(true);
    expect(istNichtGefunden(routen.seiteFuer('/suche', sitzung('pruefung')))).toBe(true);
    expect(darf(['pruefung'], 'loeschsperren')).toBe(true);
    expect(darf(['sachbearbeitung'], 'loeschsperren')).toBe(false);
  });

  it('the start page of an auditor asks for nothing it may not load', () => {
    const pruefer = renderToStaticMarkup(createElement(start.Start, { sitzung: sitzung('pruefung') }));
    expect(pruefer).not.toContain('Meine Wiedervorlagen heute');
    expect(pruefer).not.toContain('href="/aktenplan"');
    expect(pruefer).toContain('href="/pruefung"');
    const clerk = renderToStaticMarkup(createElement(start.Start, { sitzung: sitzung('sachbearbeitung') }));
    expect(clerk).toContain('Meine Wiedervorlagen heute');
    // the clerk starts with the Postkorb; the auditor has none
    expect(clerk).toContain('Mein Postkorb');
    expect(pruefer).not.toContain('Mein Postkorb');
    expect(clerk).toContain('href="/aktenplan"');
    expect(clerk).not.toContain('href="/pruefung"');
  });

  it('offers a field only to the roles the API lets set it: "Laufzeit ab" to the Registratur, not to a clerk', () => {
    const formular = (rolle: string) => renderToStaticMarkup(createElement(einheit.NeueAkte, { einheitId: 'e', sitzung: sitzung(rolle) }));
    expect(formular('sachbearbeitung')).toContain('Betreff');
    expect(formular('sachbearbeitung')).not.toContain('Laufzeit ab');
    expect(formular('registratur')).toContain('Laufzeit ab');
  });
});
