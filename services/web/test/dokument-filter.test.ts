// The Dokumente of a Vorgang are filtered like the other tables: by text in Betreff or file name
// (folded: "strasse" finds "Straße"), by format and by the date of the letter; the filter form is the
// one every filtered table shares.
import type { Schemas } from '@eakte/api-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let f: typeof import('../src/dokument-filter');
let vorgang: typeof import('../src/seiten/Vorgang');
beforeAll(async () => {
  [f, vorgang] = await Promise.all([import('../src/dokument-filter'), import('../src/seiten/Vorgang')]);
});

const dok = (id: string, betreff: string | null, dateiname: string, datumDesSchreibens: string) =>
  ({ id, betreff, datumDesSchreibens, aktuelleVersion: { nr: 1, dateiname, groesse: 10, mimeType: 'application/pdf' } }) as unknown as Schemas['Dokument'];
const DOKS = [dok('1', 'Antrag Straßenbau', 'antrag.pdf', '2026-03-01'), dok('2', null, 'Lageplan.docx', '2026-05-10'), dok('3', 'Bescheid', 'bescheid.PDF', '2026-07-01')];

describe('filtering Dokumente', () => {
  it('by text in Betreff or file name, folded; by format; by date', () => {
    const ids = (x: Partial<import('../src/dokument-filter').DokumentFilter>) => f.dokumenteFiltern(DOKS, { ...f.OHNE_DOKUMENTFILTER, ...x }).map((d) => d.id);
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ text: 'STRASSEN' })).toEqual(['1']);
    expect(ids({ text: 'lageplan' })).toEqual(['2']);
    expect(f.formate(DOKS)).toEqual(['DOCX', 'PDF']);
    expect(ids({ format: 'PDF' })).toEqual(['1', '3']);
    expect(ids({ von: '2026-05-10' })).toEqual(['2', '3']);
    expect(ids({ von: '2026-04-01', bis: '2026-06-30' })).toEqual(['2']);
    expect(ids({ format: 'PDF', text: 'bescheid', bis: '2026-06-30' })).toEqual([]);
    expect(f.istGefiltert(f.OHNE_DOKUMENTFILTER)).toBe(false);
  });

  it('shows the filter form above the table, with German labels and the formats present', () => {
    const html = renderToStaticMarkup(createElement(vorgang.DokumentListe, { dokumente: DOKS }));
    expect(html).toMatch(/<form[^>]*aria-label="Filter: Dokumente"/);
    for (const label of ['Betreff oder Dateiname enthält', 'Format', 'Datum des Schreibens ab', 'Datum des Schreibens bis']) expect(html).toContain(`>${label}</label>`);
    expect(html).toContain('<option value="DOCX">DOCX</option>');
    expect(html.indexOf('<form')).toBeLessThan(html.indexOf('<table'));
  });
});
