// What we generate always passes the run-time schema check: random rich trees (many Akten,
// Vorgänge, Dokumente, Anlagen, versions, history, any text) as 0501 and 0503 are valid xdomea 3.1.0,
// so the XDOMEA_ERZEUGUNG_UNGUELTIG guard never fires for data the model can hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anbieteverzeichnis, aussonderungsnachricht, bewertungEmpfangBestaetigen, type KopfDaten, type XAkte, type XDokument } from '../src/xdomea/nachrichten.js';
import { pruefeSchema } from '../src/xdomea/schema.js';
import { xsdFehler } from './xdomea-hilfen.js';

// any text the database can hold (Postgres text has no NUL), control and non-characters included
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map((s) => s.replaceAll('\u0000', ''));
const vielleicht = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const datum = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const zeit = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const id = fc.uuid({ version: 7 });
const historie = fc.array(fc.record({ akteur: text, datumUhrzeit: zeit, aktion: text, metadatumName: vielleicht(text), alt: vielleicht(text), neu: vielleicht(text) }), { maxLength: 3 });
const art = fc.constantFrom<'A' | 'B' | 'V' | null>('A', 'B', 'V', null);
const stufe = fc.constantFrom('001', '002', '003', '004', '005' as const);
const datei = fc.record({
  dateiname: id.map((u) => `${u}.pdf`),
  dateinameOriginal: text,
  format: fc.constantFrom('pdf', 'txt', 'docx', 'eml', 'xyz', 'bin'),
  mimeType: fc.constantFrom('application/pdf', 'text/plain', 'application/octet-stream', null),
  ersteller: vielleicht(text),
  datumUhrzeit: zeit,
});
const dokument = (anlagen: fc.Arbitrary<XDokument[]>): fc.Arbitrary<XDokument> =>
  fc.record({
    id,
    betreff: text,
    kennzeichen: vielleicht(text),
    vertraulichkeitsstufe: stufe,
    posteingangsdatum: vielleicht(datum),
    postausgangsdatum: vielleicht(datum),
    datumDesSchreibens: vielleicht(datum),
    bearbeiter: vielleicht(text),
    historie,
    versionen: fc.array(fc.record({ nummer: fc.integer({ min: 1, max: 99 }), dateien: fc.array(datei, { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
    anlagen,
  });
const vorgang = fc.record({
  id,
  kennzeichen: text,
  betreff: text,
  typ: vielleicht(text),
  zdaDatum: vielleicht(datum),
  laufzeit: fc.record({ beginn: vielleicht(datum), ende: vielleicht(datum) }),
  aussonderungsart: art,
  bewertungsvorschlag: art,
  historie,
  dokumente: fc.array(dokument(fc.array(dokument(fc.constant([])), { maxLength: 2 })), { maxLength: 3 }),
});
const akte: fc.Arbitrary<XAkte> = fc.record({
  id,
  aktenzeichen: text,
  betreff: text,
  typ: vielleicht(text),
  federfuehrung: vielleicht(text),
  aktenplaneinheit: fc.record({ kennzeichen: text, titel: text, beschreibung: vielleicht(text) }),
  vertraulichkeitsstufe: stufe,
  medium: fc.constantFrom('001', '002', '003' as const),
  bemerkung: vielleicht(text),
  laufzeit: fc.record({ beginn: vielleicht(datum), ende: vielleicht(datum) }),
  zdaDatum: vielleicht(datum),
  aufbewahrungsfrist: fc.oneof(fc.constant(null), fc.constant('unbefristet' as const), fc.integer({ min: 0, max: 200 })),
  aussonderungsart: art,
  aufbewahrungBis: vielleicht(datum),
  historie,
  vorgaenge: fc.array(vorgang, { maxLength: 3 }),
});
const kopf: fc.Arbitrary<KopfDaten> = fc.record({
  prozessId: id,
  erstellt: zeit,
  absender: fc.record({ behoerde: text, kurzbezeichnung: vielleicht(text), organisationseinheit: vielleicht(text) }),
  empfaenger: fc.record({ behoerde: text, kurzbezeichnung: vielleicht(text) }),
});

describe('generated messages are valid xdomea 3.1.0', () => {
  it('0501 and 0503 for random rich trees pass the run-time check', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(kopf, fc.array(akte, { minLength: 1, maxLength: 3 }), async (k, akten) => {
        for (const xml of [anbieteverzeichnis(k, akten), aussonderungsnachricht(k, akten), bewertungEmpfangBestaetigen(k)]) {
          expect(await pruefeSchema(xml)).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the run-time check agrees with xmllint on a broken message (it really checks)', async () => {
    const [k] = fc.sample(kopf, { numRuns: 1, seed: 7 });
    const [a] = fc.sample(akte, { numRuns: 1, seed: 7 });
    const kaputt = anbieteverzeichnis(k!, [a!]).replace('<xdomea:ProzessID>', '<xdomea:ProzessIDX>').replace('</xdomea:ProzessID>', '</xdomea:ProzessIDX>');
    expect(await xsdFehler(kaputt)).toMatch(/ProzessIDX/);
    expect(await pruefeSchema(kaputt)).toEqual([expect.objectContaining({ feld: 'xdomea:ProzessIDX', zeile: expect.any(Number) })]);
  });
});
