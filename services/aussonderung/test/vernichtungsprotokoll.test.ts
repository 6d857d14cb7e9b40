import { pruefePdf } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { vernichtungsprotokollPdf } from '../src/domain/vernichtungsprotokoll.js';

describe('Vernichtungsprotokoll', () => {
  it('is a valid PDF with an embedded font, over several pages, with names outside WinAnsi', async () => {
    const objekte = Array.from({ length: 40 }, (_, i) => ({
      aktenzeichen: `21.04.3-${String(i + 1).padStart(4, '0')}/2026`,
      betreff: `Straßenausbaubeiträge Größenwahn – Ödön Erdős Nr. ${i + 1}`,
      laufzeitBeginn: '2026-01-01',
      laufzeitEnde: '2026-12-31',
      dateien: [{ sha256: 'a'.repeat(64) }, { sha256: 'b'.repeat(64) }],
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
});
