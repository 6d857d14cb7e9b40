// The Protokoll as German spreadsheet software opens it: semicolons, UTF-8 with BOM, German headers
// and dates (dd.mm.yyyy, Berlin time), one row per filtered entry; a cell is never read as a formula.
import type { Schemas } from '@eakte/api-client';
import { describe, expect, it } from 'vitest';
import { protokollCsv } from '../src/protokoll-csv';

const eintrag = (e: Partial<Schemas['ProtokollEreignis']>) =>
  ({
    sequenz: 1,
    zeit: '2026-12-02T23:30:00Z',
    akteurSub: 'demo-registratur',
    akteurName: 'Demo Registratur',
    aktion: 'akte.zda',
    objektTyp: 'akte',
    aktenzeichen: '2.1-0007/2026',
    aenderungen: null,
    ergebnis: 'erfolg',
    ...e,
  }) as Schemas['ProtokollEreignis'];

describe('Protokoll CSV for German spreadsheets', () => {
  it('has a BOM, German headers, semicolons, CRLF and the local date', () => {
    const csv = protokollCsv([eintrag({}), eintrag({ sequenz: 2, aktion: 'akte.geaendert', aenderungen: [{ feld: 'betreff', alt: 'Alt; mit Semikolon', neu: 'Neu' }] })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const zeilen = csv.slice(1).split('\r\n');
    expect(zeilen[0]).toBe('Nr.;Zeit;Wer;Aktion;Objekt;Aktenzeichen;Änderungen;Ergebnis');
    // 23:30 UTC on 2 December is 00:30 on 3 December in Berlin
    expect(zeilen[1]).toBe('1;03.12.2026 00:30:00;Demo Registratur;Akte zu den Akten verfügt;Akte;2.1-0007/2026;;erfolg');
    expect(zeilen[2]).toBe('2;03.12.2026 00:30:00;Demo Registratur;Akte geändert;Akte;2.1-0007/2026;"Betreff: „Alt; mit Semikolon“ → „Neu“";erfolg');
    expect(zeilen).toHaveLength(4);
    expect(zeilen[3]).toBe('');
  });

  it('quotes quotes and line breaks, and keeps a leading = or + from being a formula', () => {
    const csv = protokollCsv([eintrag({ akteurName: '=HYPERLINK("x")', aktenzeichen: 'a\nb' })]);
    const zeile = csv.slice(1).split('\r\n')[1]!;
    expect(zeile).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"a\nb"');
  });
});
