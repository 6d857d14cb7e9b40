// The search page: hits grouped by Akte with its Aktenzeichen and Betreff, where each hit matched,
// the count, and the hint that fresh documents are not yet searchable by their text.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Ergebnisliste } from '../src/seiten/Suchergebnis';
import { anzahlText, nachAkte } from '../src/suche';

const treffer = (typ: 'akte' | 'vorgang' | 'dokument', id: string, akteId: string, fundstelle: 'aktenzeichen' | 'betreff' | 'text', extra: Record<string, unknown> = {}) => ({
  typ,
  id,
  akteId,
  aktenzeichen: `AZ-${akteId}`,
  akteBetreff: `Betreff ${akteId}`,
  kennzeichen: `K-${id}`,
  betreff: `B-${id}`,
  status: 'offen' as const,
  trefferArt: fundstelle === 'aktenzeichen' ? ('aktenzeichen' as const) : ('volltext' as const),
  fundstelle,
  relevanz: 1,
  ...extra,
});

describe('search page', () => {
  it('groups hits by Akte in the order of their best hit', () => {
    const g = nachAkte([treffer('dokument', 'd1', 'a1', 'text'), treffer('akte', 'a2', 'a2', 'betreff'), treffer('vorgang', 'v1', 'a1', 'betreff')]);
    expect(g.map((x) => [x.akteId, x.aktenzeichen, x.akteBetreff, x.treffer.map((t) => t.id)])).toEqual([
      ['a1', 'AZ-a1', 'Betreff a1', ['d1', 'v1']],
      ['a2', 'AZ-a2', 'Betreff a2', ['a2']],
    ]);
  });

  it('says how many hits there are, "mehr als 1.000" when capped', () => {
    expect(anzahlText(1, false)).toBe('1 Treffer');
    expect(anzahlText(37, false)).toBe('37 Treffer');
    expect(anzahlText(1000, true)).toBe('mehr als 1.000 Treffer');
  });

  it('shows the Akte of each group, where each hit matched, the count and the pending-text hint', () => {
    const html = renderToStaticMarkup(
      createElement(Ergebnisliste, {
        erg: {
          items: [treffer('dokument', 'd1', 'a1', 'text', { ausschnitt: 'die «Einwände» der Anwohner' }), treffer('vorgang', 'v1', 'a1', 'betreff')],
          nextCursor: null,
          anzahl: 2,
          anzahlBegrenzt: false,
          textAusstehend: 3,
        },
      }),
    );
    expect(html).toContain('2 Treffer');
    expect(html).toContain('AZ-a1');
    expect(html).toContain('Betreff a1');
    expect(html).toContain('(im Text)');
    expect(html).toContain('(im Betreff)');
    expect(html).toContain('3 Dokumente');
    expect(html).toContain('<mark>Einwände</mark>');
  });

  it('says "Keine Treffer" with the pending-text hint right after an upload', () => {
    const html = renderToStaticMarkup(createElement(Ergebnisliste, { erg: { items: [], nextCursor: null, anzahl: 0, anzahlBegrenzt: false, textAusstehend: 1 } }));
    expect(html).toContain('Keine Treffer');
    expect(html).toContain('1 Dokument ');
  });
});
