import { pruefePdf } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { herkunftText, vernichtungsprotokollPdf } from '../src/domain/vernichtungsprotokoll.js';

describe('Vernichtungsprotokoll', () => {
  it('is a valid PDF with an embedded font, over several pages, with names outside WinAnsi', async () => {
    const objekte = Array.from({ length: 40 }, (_, i) => ({
      aktenzeichen: `21.04.3-${String(i + 1).padStart(4, '0')}/2026`,
      betreff: `Straßenausbaubeiträge Größenwahn – Ödön Erdős Nr. ${i + 1}`,
      laufzeitBeginn: '2026-01-01',
      laufzeitEnde: '2026-12-31',
      dateien: [{ sha256: 'a'.repeat(64) }, { sha256: 'b'.repeat(64) }],
      herkunft:
        i % 2
          ? { art: 'manuell' as const, zeichen: 'LATh-HStA 7511/2037', datum: '2037-02-20', archivar: 'Ödön Erdős', dokumentId: null, erfasstVon: 'Jürgen Weiß', erfasstAm: '2037-02-21T10:00:00Z' }
          : null,
    }));
    const pdf = await vernichtungsprotokollPdf({
      behoerde: 'Landesamt für Straßenbau',
      prozessId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      beantragtVon: 'Jürgen Weiß',
      beantragtAm: new Date('2037-04-01T08:00:00Z'),
      freigegebenVon: 'Őrs Szőke',
      freigegebenAm: new Date('2037-04-02T09:30:00Z'),
      objekte,
    });
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    expect(await pruefePdf(pdf)).toEqual({ code: 0, ausgabe: expect.stringMatching(/No syntax or stream encoding errors found/) });
    const roh = Buffer.from(pdf).toString('latin1');
    expect(roh).toMatch(/\/FontFile2/);
    expect(roh.match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
  });

  it('states per object how the decision was obtained: the 0502 with its message, or by hand with the letter and who entered it', () => {
    expect(
      herkunftText({
        art: '0502',
        nachrichtId: '0193a1b2-0000-7000-8000-000000000502',
        prozessId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        absender: 'Landesarchiv Thüringen',
        erstellungszeitpunkt: '2037-03-01T14:05:00',
        eingegangenAm: '2037-03-02T09:00:00Z',
      }),
    ).toBe(
      'Bewertung: Bewertungsverzeichnis (0502) des Archivs Landesarchiv Thüringen, ProzessID 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b, erstellt 2037-03-01T14:05:00, eingegangen am 02.03.2037 (Nachricht 0193a1b2-0000-7000-8000-000000000502)',
    );
    expect(
      herkunftText({
        art: 'manuell',
        zeichen: 'LATh-HStA 7511/2037',
        datum: '2037-02-20',
        archivar: 'Dr. Erika Mustermann',
        dokumentId: null,
        erfasstVon: 'Jürgen Weiß',
        erfasstAm: '2037-02-21T10:00:00Z',
      }),
    ).toBe('Bewertung: von Hand erfasst von Jürgen Weiß am 21.02.2037 nach Schreiben des Archivs, Zeichen LATh-HStA 7511/2037, vom 20.02.2037, Archivar/in Dr. Erika Mustermann');
    expect(herkunftText(null)).toBe('Bewertung: Herkunft nicht nachgewiesen');
  });
});
