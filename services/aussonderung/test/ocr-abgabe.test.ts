// A scanned Dokument goes to the archive with both formats of its version: the scan as it was filed
// and, beside it, the PDF/A the OCR made (Dateiformat 044, not 018); after the import both objects go.
import { createHash } from 'node:crypto';
import { schema } from '@eakte/db';
import { expectContract } from '@eakte/testing';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { x0502, x0506 } from './antworten.js';
import { arbeiteAlles, auth, bestand, baue, dokument, mandantId, neuerMandant, ownerDb, testSpeicher } from './hilfen.js';
import { leseZip, xsdFehler } from './xdomea-hilfen.js';

const xml = { 'content-type': 'application/xml' };

/** A rendition the Dokumente service's jobs file for version 1 (object and row): the OCR's PDF/A or a preview. */
async function pdfaRendition(tenant: string, dokumentId: string, inhalt: string, art: 'pdfa_ocr' | 'vorschau_miniatur' = 'pdfa_ocr') {
  const mandant = await mandantId(tenant);
  const bytes = Buffer.from(inhalt, 'utf8');
  const schluessel = `${mandant}/${uuidv7()}`;
  await testSpeicher().put(schluessel, bytes, bytes.length, 'application/pdf');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await ownerDb().withMandant(mandant, (tx) =>
    tx.insert(schema.dokumentFormat).values({
      mandantId: mandant,
      dokumentId,
      versionNr: 1,
      art,
      speicherschluessel: schluessel,
      groesse: bytes.length,
      sha256,
      mimeType: art === 'pdfa_ocr' ? 'application/pdf' : 'image/png',
      dateiname: art === 'pdfa_ocr' ? 'Bauantrag Scan.pdfa.pdf' : 'Bauantrag Scan.miniatur.png',
    }),
  );
  return { schluessel, sha256 };
}

describe('0503 of an Akte with a scan', () => {
  it('carries the scan and its PDF/A rendition as two Formats of the version, valid against the XSD; the import removes both', async () => {
    const { app } = await baue({ echtesProtokoll: true });
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 1, stufe: '002', art: 'A' });
    const akte = b.akten[0]!;
    const scan = await dokument(t, akte.vorgaenge[0]!, 'Bauantrag (Papier, gescannt)', [{ dateiname: 'Bauantrag Scan.png', mimeType: 'image/png', inhalt: 'Bilddaten des Scans' }]);
    const pdfa = await pdfaRendition(t, scan.id, '%PDF-1.7 PDF/A-2b mit Textebene');
    // the web client's preview is the platform's aid for reading: removed with the content, never sent
    const vorschau = await pdfaRendition(t, scan.id, 'PNG der ersten Seite', 'vorschau_miniatur');
    const reg = await auth(t, 'registratur');

    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [akte.id] } })).json().id;
    await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg });
    const bew = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...reg, ...xml }, payload: x0502(id, [[akte.id, 'A']]) });
    expect(bew.json().status).toBe('bewertet');

    const abgabe = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg });
    expectContract(abgabe, 'getAbgabe');
    const zip = await leseZip(abgabe.rawPayload);
    const nachricht = zip.find((e) => e.name.endsWith('_Aussonderung.Aussonderung.0503.xml'))!.inhalt.toString('utf8');
    expect(await xsdFehler(nachricht)).toBe('');

    // one Version with two Formats: PNG (019) first, the PDF/A (044) beside it
    const version = /<xdomea:Version>\s*<xdomea:Nummer>1<\/xdomea:Nummer>([\s\S]*?)<\/xdomea:Version>\s*<\/xdomea:Dokument>/.exec(nachricht)?.[1] ?? '';
    const formate = [...version.matchAll(/<xdomea:Format>([\s\S]*?)<\/xdomea:Format>/g)].map((m) => m[1]!);
    expect(formate).toHaveLength(2);
    const code = (f: string) => /<xdomea:Name[^>]*>\s*<code>(\d{3})<\/code>/.exec(f)?.[1];
    expect(formate.map(code)).toEqual(['019', '044']);
    expect(formate[0]).toContain('<xdomea:DateinameOriginal>Bauantrag Scan.png</xdomea:DateinameOriginal>');
    expect(formate[1]).toContain('<xdomea:DateinameOriginal>Bauantrag Scan.pdfa.pdf</xdomea:DateinameOriginal>');
    // both files are in the package with exactly the stored bytes
    const inhalte = new Map(zip.map((e) => [e.name, e.inhalt]));
    expect(nachricht).not.toContain('miniatur');
    expect(zip.some((e) => e.inhalt.toString('utf8') === 'PNG der ersten Seite')).toBe(false);
    const dateiname = (f: string) => /<xdomea:Dateiname>([^<]+)<\/xdomea:Dateiname>/.exec(f)![1]!;
    expect(inhalte.get(dateiname(formate[0]!))?.toString('utf8')).toBe('Bilddaten des Scans');
    expect(dateiname(formate[1]!)).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(
      createHash('sha256')
        .update(inhalte.get(dateiname(formate[1]!))!)
        .digest('hex'),
    ).toBe(pdfa.sha256);

    // after the archive's import confirmation the content goes: the scan and its rendition
    const imp = await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/importbestaetigung`,
      headers: { ...reg, ...xml },
      payload: x0506(id, [
        [akte.id, true, 'DIMAG-4711'],
        [akte.vorgaenge[0]!, true, 'DIMAG-4711'],
        [scan.id, true, 'DIMAG-4711'],
      ]),
    });
    expectContract(imp, 'postImportbestaetigung');
    await arbeiteAlles(app, t);
    const speicher = testSpeicher();
    expect(await speicher.stat(scan.dateien[0]!.schluessel)).toBeNull();
    expect(await speicher.stat(pdfa.schluessel)).toBeNull();
    expect(await speicher.stat(vorschau.schluessel)).toBeNull();
  });
});
