import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import {
  anbieteverzeichnis,
  aussonderungsnachricht,
  bewertungEmpfangBestaetigen,
  leseBewertungsverzeichnis,
  leseImportbestaetigung,
  leseNachricht,
  type KopfDaten,
  type XAkte,
} from '../src/xdomea/nachrichten.js';
import { paket, paketName } from '../src/xdomea/paket.js';
import { absenderKennung, leseZip, xsdFehler } from './xdomea-hilfen.js';

const prozessId = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const KENNUNG = { behoerdenschluessel: { code: '16053000', listURI: 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags', listVersionID: '2024-01-31' }, praefix: { code: 'ags' } };
const kopf: KopfDaten = {
  prozessId,
  erstellt: new Date('2037-02-03T10:11:12.345Z'),
  absender: { behoerde: 'Landesamt für Straßenbau und Verkehr Thüringen', kurzbezeichnung: 'TLBV', organisationseinheit: 'Registratur', behoerdenkennung: KENNUNG },
  empfaenger: { behoerde: 'Landesarchiv Thüringen – Hauptstaatsarchiv Weimar', kurzbezeichnung: 'LATh' },
};

const h = (aktion: string) => ({ akteur: 'Jürgen Weiß (registratur)', datumUhrzeit: new Date('2030-05-06T07:08:09Z'), aktion });

function beispielAkte(): XAkte {
  const dok = (id: string, betreff: string, versionen: number) => ({
    id,
    betreff,
    vertraulichkeitsstufe: '002' as const,
    posteingangsdatum: '2026-03-01',
    datumDesSchreibens: '2026-02-27',
    bearbeiter: 'Änne Größe',
    historie: [h('dokument.erstellt')],
    versionen: Array.from({ length: versionen }, (_, i) => ({
      nummer: i + 1,
      dateien: [
        {
          dateiname: `0193a1b2-0000-7000-8000-${id.slice(-4)}0000000${i + 1}.pdf`,
          dateinameOriginal: `Stellungnahme Öffentlichkeitsbeteiligung v${i + 1}.pdf`,
          format: 'pdf',
          ersteller: 'Änne Größe',
          datumUhrzeit: new Date('2026-03-02T08:00:00Z'),
        },
        ...(i === 0
          ? [{ dateiname: `0193a1b2-0000-7000-8000-${id.slice(-4)}00000010.txt`, dateinameOriginal: 'Notiz.txt', format: 'txt', ersteller: null, datumUhrzeit: new Date('2026-03-02T08:00:00Z') }]
          : []),
      ],
    })),
  });
  return {
    id: '0193a1b2-0000-7000-8000-00000000aaaa',
    aktenzeichen: '21.04.3-0007/2026',
    betreff: 'Planfeststellung Ortsumgehung Bad Köstritz – Lärmschutz & Ausgleichsmaßnahmen',
    federfuehrung: 'Referat 21 Straßenplanung',
    aktenplaneinheit: { kennzeichen: '21.04.3', titel: 'Planfeststellungsverfahren' },
    vertraulichkeitsstufe: '002',
    medium: '001',
    bemerkung: 'enthält <Sonderzeichen> & "Anführungszeichen"',
    laufzeit: { beginn: '2026-01-15', ende: '2026-11-30' },
    zdaDatum: '2026-11-30',
    aufbewahrungsfrist: 10,
    aussonderungsart: 'A',
    aufbewahrungBis: '2036-12-31',
    historie: [h('akte.erstellt'), { ...h('akte.geaendert'), metadatumName: 'betreff', alt: 'Ortsumgehung', neu: 'Planfeststellung Ortsumgehung' }],
    vorgaenge: [
      {
        id: '0193a1b2-0000-7000-8000-00000000bbb1',
        kennzeichen: '21.04.3-0007/2026-001',
        betreff: 'Anhörung der Träger öffentlicher Belange',
        zdaDatum: '2026-06-30',
        laufzeit: { beginn: '2026-01-15', ende: '2026-06-30' },
        historie: [h('vorgang.erstellt')],
        dokumente: [dok('0193a1b2-0000-7000-8000-00000000ccc1', 'Stellungnahme Gemeinde', 2), dok('0193a1b2-0000-7000-8000-00000000ccc2', 'Stellungnahme Naturschutzbehörde', 1)],
      },
      {
        id: '0193a1b2-0000-7000-8000-00000000bbb2',
        kennzeichen: '21.04.3-0007/2026-002',
        betreff: 'Erörterungstermin',
        zdaDatum: '2026-11-30',
        laufzeit: { beginn: '2026-07-01', ende: '2026-11-30' },
        aussonderungsart: 'V',
        historie: [],
        dokumente: [dok('0193a1b2-0000-7000-8000-00000000ccc3', 'Niederschrift', 3)],
      },
    ],
  };
}

describe('0501 Anbieteverzeichnis', () => {
  it('validates against the xdomea 3.1.0 schema with umlauts, several Vorgänge and VS-NfD', async () => {
    const xml = anbieteverzeichnis(kopf, [beispielAkte(), { ...beispielAkte(), id: '0193a1b2-0000-7000-8000-00000000dddd', vorgaenge: [], aussonderungsart: 'B', aufbewahrungsfrist: 'unbefristet' }]);
    expect(await xsdFehler(xml)).toBe('');
    expect(xml).toContain('<xdomea:Aussonderung.Anbieteverzeichnis.0501 xmlns:xdomea="urn:xoev-de:xdomea:schema:3.1.0"');
    expect(xml).toContain(`<xdomea:ProzessID>${prozessId}</xdomea:ProzessID>`);
    expect(xml).toContain('Lärmschutz &amp; Ausgleichsmaßnahmen');
    expect(xml).toContain('<xdomea:Erstellungszeitpunkt>2037-02-03T10:11:12Z</xdomea:Erstellungszeitpunkt>');
    // metadata only, plain dates, children under Akteninhalt
    expect(xml).not.toContain('Primaerdokument');
    expect(xml).toMatch(/<xdomea:ZdADatum>2026-11-30<\/xdomea:ZdADatum>/);
    expect(xml).toMatch(/<xdomea:Akteninhalt>\s*<xdomea:Vorgang>/);
  });

  it('is refused by the schema when broken (the validation really checks)', async () => {
    const xml = anbieteverzeichnis(kopf, [beispielAkte()]).replace('<xdomea:ProzessID>', '<xdomea:ProzessIDX>').replace('</xdomea:ProzessID>', '</xdomea:ProzessIDX>');
    expect(await xsdFehler(xml)).toMatch(/ProzessIDX/);
  });
});

describe('0503 Aussonderung', () => {
  it('validates with every version and format as a Primaerdokument', async () => {
    const xml = aussonderungsnachricht(kopf, [beispielAkte()]);
    expect(await xsdFehler(xml)).toBe('');
    expect(xml.match(/<xdomea:Primaerdokument>/g)).toHaveLength(2 + 1 + 1 + 1 + 3 + 1);
    expect(xml).toContain('<xdomea:Importbestaetigung>1</xdomea:Importbestaetigung>');
    expect(xml).toContain('<xdomea:DateinameOriginal>Stellungnahme Öffentlichkeitsbeteiligung v2.pdf</xdomea:DateinameOriginal>');
  });

  it('writes a filed e-mail with its attachments as Dokument with Anlagen, valid against the schema', async () => {
    const akte = beispielAkte();
    const anlage = (id: string, name: string) => ({
      id,
      betreff: name,
      vertraulichkeitsstufe: '002' as const,
      historie: [],
      versionen: [{ nummer: 1, dateien: [{ dateiname: `${id}.pdf`, dateinameOriginal: name, format: 'pdf', ersteller: null, datumUhrzeit: new Date('2026-03-02T08:00:00Z') }] }],
    });
    akte.vorgaenge[0]!.dokumente[0] = {
      ...akte.vorgaenge[0]!.dokumente[0]!,
      betreff: 'E-Mail: Stellungnahme mit Anlagen',
      anlagen: [anlage('0193a1b2-0000-7000-8000-00000000eee1', 'Lageplan.pdf'), anlage('0193a1b2-0000-7000-8000-00000000eee2', 'Gutachten.pdf')],
    };
    for (const xml of [aussonderungsnachricht(kopf, [akte]), anbieteverzeichnis(kopf, [akte])]) {
      expect(await xsdFehler(xml)).toBe('');
      expect(xml.match(/<xdomea:Anlage>/g)).toHaveLength(2);
    }
    const xml = aussonderungsnachricht(kopf, [akte]);
    // each Anlage is inside its Dokument, with its own file
    const dokument = xml.slice(xml.indexOf('E-Mail: Stellungnahme mit Anlagen'));
    expect(dokument.indexOf('0193a1b2-0000-7000-8000-00000000eee1')).toBeLessThan(dokument.indexOf('</xdomea:Dokument>'));
    expect(xml).toContain('<xdomea:DateinameOriginal>Gutachten.pdf</xdomea:DateinameOriginal>');
  });

  it('packs a flat ZIP with UTF-8 names, the long XML name and the files streamed', async () => {
    const xml = aussonderungsnachricht(kopf, [beispielAkte()]);
    let geoeffnet = 0;
    const dateien = ['a.pdf', 'b.txt'].map((name) => ({
      name: `0193a1b2-0000-7000-8000-00000000000${name}`,
      oeffnen: async () => {
        geoeffnet++;
        return Readable.from([Buffer.from(`Inhalt ${name} äöü`)]);
      },
    }));
    const stream = paket(prozessId, '0503', xml, dateien);
    expect(geoeffnet).toBe(0);
    const eintraege = await leseZip(await buffer(stream));
    expect(paketName(prozessId, '0503')).toBe(`${prozessId}_Aussonderung.Aussonderung.0503.zip`);
    expect(eintraege.map((e) => e.name)).toEqual([`${prozessId}_Aussonderung.Aussonderung.0503.xml`, ...dateien.map((d) => d.name)]);
    expect(eintraege.every((e) => e.utf8 && !e.name.includes('/'))).toBe(true);
    expect(eintraege[0]!.inhalt.toString('utf8')).toBe(xml);
    expect(eintraege[2]!.inhalt.toString('utf8')).toBe('Inhalt b.txt äöü');
    expect(geoeffnet).toBe(2);
  });
});

describe('0505 receipt', () => {
  it('validates', async () => {
    const xml = bewertungEmpfangBestaetigen(kopf);
    expect(await xsdFehler(xml)).toBe('');
    expect(leseNachricht(xml).kopf).toMatchObject({ typ: '0505', prozessId });
  });
});

// Replies as x-man sends them: local time without offset, random order, codes without listURI.
const antwortKopf = (typ: string, name: string, extra = '') => `
  <xdomea:Kopf>
    <xdomea:ProzessID>${prozessId}</xdomea:ProzessID>
    <xdomea:Nachrichtentyp><code>${typ}</code><name>${name}</name></xdomea:Nachrichtentyp>
    <xdomea:Erstellungszeitpunkt>2037-03-01T14:05:00</xdomea:Erstellungszeitpunkt>
    <xdomea:Absender><xdomea:Institution><xdomea:Name>Landesarchiv Thüringen</xdomea:Name><xdomea:Kurzbezeichnung>LATh</xdomea:Kurzbezeichnung></xdomea:Institution></xdomea:Absender>
    <xdomea:Empfaenger><xdomea:Institution><xdomea:Name>TLBV</xdomea:Name></xdomea:Institution></xdomea:Empfaenger>
    <xdomea:SendendesSystem><xdomea:Produktname>X-MAN</xdomea:Produktname></xdomea:SendendesSystem>
    ${extra}
  </xdomea:Kopf>`;

export const bewertungsverzeichnis = (objekte: [string, 'A' | 'V'][]) => `<?xml version="1.0" encoding="UTF-8"?>
<xdomea:Aussonderung.Bewertungsverzeichnis.0502 xmlns:xdomea="urn:xoev-de:xdomea:schema:3.1.0">
  ${antwortKopf('0502', 'Aussonderung.Bewertungsverzeichnis', '<xdomea:Empfangsbestaetigung>true</xdomea:Empfangsbestaetigung>')}
  ${objekte
    .map(
      ([id, art]) =>
        `<xdomea:BewertetesObjekt><xdomea:ID>${id}</xdomea:ID><xdomea:Aussonderungsart><xdomea:Aussonderungsart><code>${art}</code></xdomea:Aussonderungsart></xdomea:Aussonderungsart></xdomea:BewertetesObjekt>`,
    )
    .join('\n  ')}
</xdomea:Aussonderung.Bewertungsverzeichnis.0502>`;

describe('Kopf/Absender/Behoerdenkennung', () => {
  it('names the agency in 0501, 0503 and 0505, with the code list attributes, valid against the schema', async () => {
    for (const xml of [anbieteverzeichnis(kopf, [beispielAkte()]), aussonderungsnachricht(kopf, [beispielAkte()]), bewertungEmpfangBestaetigen(kopf)]) {
      expect(await xsdFehler(xml)).toBe('');
      expect(absenderKennung(xml)).toEqual(KENNUNG);
    }
  });

  it('writes a Behördenschlüssel without code list as a bare code', async () => {
    const ohneListe = { behoerdenschluessel: { code: 'LFU 01' }, praefix: { code: 'dvdv' } };
    const xml = bewertungEmpfangBestaetigen({ ...kopf, absender: { ...kopf.absender, behoerdenkennung: ohneListe } });
    expect(await xsdFehler(xml)).toBe('');
    expect(absenderKennung(xml)).toEqual(ohneListe);
  });
});

describe("reading the archive's replies", () => {
  it('reads a 0502 in any order with local times and asks for a receipt', async () => {
    const xml = bewertungsverzeichnis([
      ['0193A1B2-0000-7000-8000-00000000BBB2', 'V'],
      ['0193a1b2-0000-7000-8000-00000000aaaa', 'A'],
      ['0193a1b2-0000-7000-8000-00000000bbb1', 'A'],
    ]);
    expect(await xsdFehler(xml)).toBe('');
    const r = leseBewertungsverzeichnis(xml);
    expect(r.kopf).toEqual({ typ: '0502', prozessId, erstellungszeitpunkt: '2037-03-01T14:05:00', absender: 'Landesarchiv Thüringen', empfangsbestaetigung: true });
    expect(r.bewertungen.get('0193a1b2-0000-7000-8000-00000000bbb2')).toBe('V');
    expect(r.bewertungen.get('0193a1b2-0000-7000-8000-00000000aaaa')).toBe('A');
    expect(r.bewertungen.size).toBe(3);
  });

  it('refuses a 0502 with an appraisal other than A or V, and a message of another type', () => {
    expect(() => leseBewertungsverzeichnis(bewertungsverzeichnis([['0193a1b2-0000-7000-8000-00000000aaaa', 'B' as 'A']]))).toThrow(/A oder V/);
    expect(() => leseBewertungsverzeichnis(bewertungEmpfangBestaetigen(kopf))).toThrow(/Erwartet 0502/);
    expect(() => leseBewertungsverzeichnis('<kaputt')).toThrow();
  });

  it('reads a 0506 with and without Archivkennung', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xdomea:Aussonderung.AussonderungImportBestaetigen.0506 xmlns:xdomea="urn:xoev-de:xdomea:schema:3.1.0">
  ${antwortKopf('0506', 'Aussonderung.AussonderungImportBestaetigen')}
  <xdomea:AusgesondertesSGO><xdomea:IDSGO>0193A1B2-0000-7000-8000-00000000BBB1</xdomea:IDSGO><xdomea:Erfolgreich>true</xdomea:Erfolgreich><xdomea:Archivkennung>0123</xdomea:Archivkennung></xdomea:AusgesondertesSGO>
  <xdomea:AusgesondertesSGO><xdomea:IDSGO>0193a1b2-0000-7000-8000-00000000ccc1</xdomea:IDSGO><xdomea:Erfolgreich>false</xdomea:Erfolgreich></xdomea:AusgesondertesSGO>
</xdomea:Aussonderung.AussonderungImportBestaetigen.0506>`;
    expect(await xsdFehler(xml)).toBe('');
    expect(leseImportbestaetigung(xml).meldungen).toEqual([
      { id: '0193a1b2-0000-7000-8000-00000000bbb1', erfolgreich: true, archivkennung: '0123' },
      { id: '0193a1b2-0000-7000-8000-00000000ccc1', erfolgreich: false, archivkennung: null },
    ]);
  });

  it('reads 0504 and 0507 (Kopf only)', async () => {
    for (const [typ, name] of [
      ['0504', 'Aussonderung.AnbietungEmpfangBestaetigen'],
      ['0507', 'Aussonderung.AussonderungEmpfangBestaetigen'],
    ] as const) {
      const xml = `<xdomea:${name}.${typ} xmlns:xdomea="urn:xoev-de:xdomea:schema:3.1.0">${antwortKopf(typ, name)}</xdomea:${name}.${typ}>`;
      expect(await xsdFehler(xml)).toBe('');
      expect(leseNachricht(xml).kopf.typ).toBe(typ);
    }
  });
});
