// The Laufzeit of a Vorgang in the 0501 (issue 17): its own begin, never its creation day, so a
// Vorgang closed backdated is not inverted and lies within its Akte's Laufzeit.
import { schema } from '@eakte/db';
import { XMLParser } from 'fast-xml-parser';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { auth, bestand, baue, mandantId, neuerMandant, ownerDb } from './hilfen.js';
import { leseZip, xsdFehler } from './xdomea-hilfen.js';

interface Laufzeit {
  Beginn?: string;
  Ende?: string;
}
interface XVorgang {
  Identifikation: { ID: string };
  Laufzeit?: Laufzeit;
}
interface XAkte {
  Identifikation: { ID: string };
  Laufzeit?: Laufzeit;
  Akteninhalt?: { Vorgang: XVorgang[] };
}

describe('Laufzeit in the 0501', () => {
  it('writes a backdated Vorgang with its own Laufzeit, not inverted and within its Akte', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    // closed Akten 2020-03-01 – 2025-06-30
    const b = await bestand(t, { akten: 1, vorgaenge: 1 });
    const a = b.akten[0]!;
    // filed today by the Registratur from paper: begun 2021, closed 2024 (created today)
    const alt = uuidv7();
    const m = await mandantId(t);
    await ownerDb().withMandant(m, (tx) =>
      tx.insert(schema.vorgang).values({
        id: alt,
        mandantId: m,
        akteId: a.id,
        laufendeNummer: 9,
        kennzeichen: `${a.aktenzeichen}-009`,
        betreff: 'Altbestand aus der Papierakte',
        status: 'geschlossen',
        laufzeitBeginn: '2021-05-10',
        zdaDatum: '2024-11-15',
        erstelltVon: `${t}-registratur`,
      }),
    );
    const reg = await auth(t, 'registratur');
    const angelegt = await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [a.id] } });
    expect(angelegt.statusCode, angelegt.body).toBe(201);
    const zip = await leseZip((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${angelegt.json().id}/anbietung`, headers: reg })).rawPayload);
    const xml = zip[0]!.inhalt.toString('utf8');
    expect(await xsdFehler(xml)).toBe('');

    const doc = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (n) => n === 'Akte' || n === 'Vorgang' }).parse(xml) as Record<
      string,
      { Schriftgutobjekt: { Akte: XAkte[] }[] | { Akte: XAkte[] } }
    >;
    const nachricht = Object.values(doc).find((v) => typeof v === 'object' && v !== null && 'Schriftgutobjekt' in v)!;
    const objekte = [nachricht.Schriftgutobjekt].flat();
    const akte = objekte.flatMap((o) => o.Akte ?? []).find((x) => x.Identifikation.ID === a.id)!;
    expect(akte.Laufzeit).toEqual({ Beginn: '2020-03-01', Ende: '2025-06-30' });
    const vorgaenge = akte.Akteninhalt!.Vorgang;
    expect(vorgaenge.map((v) => v.Identifikation.ID).sort()).toEqual([...a.vorgaenge, alt].sort());
    expect(vorgaenge.find((v) => v.Identifikation.ID === alt)!.Laufzeit).toEqual({ Beginn: '2021-05-10', Ende: '2024-11-15' });
    for (const v of vorgaenge) {
      const { Beginn, Ende } = v.Laufzeit!;
      expect(Beginn! <= Ende!, `${v.Identifikation.ID}: ${Beginn} – ${Ende}`).toBe(true);
      expect(Beginn! >= akte.Laufzeit!.Beginn! && Ende! <= akte.Laufzeit!.Ende!, `${v.Identifikation.ID}: ${Beginn} – ${Ende}`).toBe(true);
    }
  });
});
