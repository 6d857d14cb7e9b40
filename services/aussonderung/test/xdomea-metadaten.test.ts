// Metadata the archive reads from the 0501 and the 0503, read back from the parsed XML: the
// Vorgang's ArchivspezifischeMetadaten (inherited from its Akte), the unit's BetreffKurz, the Typ of
// Akte and Vorgang, the Dokument's Kennzeichen and Postausgangsdatum.
import { schema, sql } from '@eakte/db';
import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { x0502 } from './antworten.js';
import { auth, bestand, baue, dokument, mandantId, neuerMandant, ownerDb } from './hilfen.js';
import { leseZip, xsdFehler } from './xdomea-hilfen.js';

type K = Record<string, any>;
const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, isArray: (n) => ['Schriftgutobjekt', 'Vorgang', 'Dokument', 'Anlage'].includes(n) });
const lies = (xml: string, wurzel: string) => parser.parse(xml)[wurzel] as K;

describe('metadata of the 0501 and the 0503', () => {
  it('Vorgang Aussonderungsart and Bewertungsvorschlag from its Akte, BetreffKurz, Typ, Dokument Kennzeichen and Postausgangsdatum', async () => {
    const { app } = await baue({ echtesProtokoll: true });
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 2, vorgaenge: 2, art: 'A' });
    const [a1, a2] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];
    const m = await mandantId(t);
    await ownerDb().withMandant(m, async (tx) => {
      await tx.update(schema.aktenplaneinheit).set({ beschreibung: 'Planung, Bau und Unterhaltung der Landesstraßen' }).where(eq(schema.aktenplaneinheit.id, b.einheitId));
      // the second Akte's own Aussonderungsart overrides its unit's
      await tx.update(schema.akte).set({ aussonderungsart: 'V' }).where(eq(schema.akte.id, a2.id));
    });
    const d1 = await dokument(t, a1.vorgaenge[0]!, 'Bescheid an die Gemeinde', [{ dateiname: 'Bescheid.txt', mimeType: 'text/plain', inhalt: 'Bescheid' }]);
    const d2 = await dokument(t, a1.vorgaenge[0]!, 'E-Mail mit Anlage', [{ dateiname: 'mail.txt', mimeType: 'text/plain', inhalt: 'Mail' }]);
    const dA = await dokument(t, a1.vorgaenge[0]!, 'Anlage', [{ dateiname: 'anlage.txt', mimeType: 'text/plain', inhalt: 'Anlage' }], d2.id);
    await ownerDb().withMandant(m, (tx) => tx.execute(sql`UPDATE dokumente.dokument SET ausgangsdatum = '2024-05-08' WHERE id = ${d1.id}`));
    const reg = await auth(t, 'registratur');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [a1.id, a2.id] } })).json().id;

    const x0501 = (await leseZip((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg })).rawPayload))[0]!.inhalt.toString('utf8');
    await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/bewertung`,
      headers: { ...reg, 'content-type': 'application/xml' },
      payload: x0502(id, [
        [a1.id, 'A'],
        [a2.id, 'A'],
      ]),
    });
    const abgabe = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg });
    expect(abgabe.statusCode, abgabe.body).toBe(200);
    const x0503 = (await leseZip(abgabe.rawPayload)).find((e) => e.name.endsWith('.0503.xml'))!.inhalt.toString('utf8');

    for (const [xml, wurzel] of [
      [x0501, 'Aussonderung.Anbieteverzeichnis.0501'],
      [x0503, 'Aussonderung.Aussonderung.0503'],
    ] as const) {
      expect(await xsdFehler(xml)).toBe('');
      const akten = lies(xml, wurzel).Schriftgutobjekt.map((s: K) => s.Akte as K);
      const akte1 = akten.find((a: K) => a.Identifikation.ID === a1.id)!;
      const akte2 = akten.find((a: K) => a.Identifikation.ID === a2.id)!;
      expect(akte1.Typ).toBe('Sachakte');
      expect(akte1.AllgemeineMetadaten.Aktenplaneinheit).toEqual({
        Kennzeichen: b.kennzeichen,
        Inhaltsangabe: 'Planung, Bau und Unterhaltung der Landesstraßen',
        BetreffKurz: `Straßenbau Prüfeinheit ${b.kennzeichen}`,
      });
      // each Vorgang: Typ, and the Aussonderungsart and Bewertungsvorschlag of its Akte (own or its unit's)
      for (const [a, art] of [
        [akte1, 'A'],
        [akte2, 'V'],
      ] as const) {
        const vorgaenge = a.Akteninhalt.Vorgang as K[];
        expect(vorgaenge).toHaveLength(2);
        for (const v of vorgaenge) {
          expect(v.Typ).toBe('Sachvorgang');
          expect(v.ArchivspezifischeMetadaten).toEqual({
            Aussonderungsart: { Aussonderungsart: { code: art, name: art === 'A' ? 'archivwürdig' : 'vernichten' } },
            Bewertungsvorschlag: { code: art },
          });
        }
      }
      // the Dokument's Geschäftszeichen: Vorgangskennzeichen / running number; its Anlage one more
      const v1 = (akte1.Akteninhalt.Vorgang as K[]).find((v) => v.Identifikation.ID === a1.vorgaenge[0])!;
      const doks = v1.Dokument as K[];
      expect(doks.map((d) => [d.Identifikation.ID, d.Identifikation.NummerImUebergeordnetenContainer, d.AllgemeineMetadaten.Kennzeichen])).toEqual([
        [d1.id, '1', `${a1.aktenzeichen}-001/1`],
        [d2.id, '2', `${a1.aktenzeichen}-001/2`],
      ]);
      expect(doks[0]!.Postausgangsdatum).toBe('2024-05-08');
      expect(doks[1]!.Postausgangsdatum).toBeUndefined();
      expect(doks[1]!.Anlage.map((x: K) => [x.Identifikation.ID, x.AllgemeineMetadaten.Kennzeichen])).toEqual([[dA.id, `${a1.aktenzeichen}-001/2.1`]]);
    }
  });
});
