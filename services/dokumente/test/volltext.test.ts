import { createDb, schema } from '@eakte/db';
import { testDatenbankUrl } from '@eakte/testing';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { schriften } from '../src/pdf/schrift.js';
import { sucheImVolltext } from '../src/arbeiter/textextraktion.js';
import { arbeiteAb, baueApp, lade, machFaellig, neuerMandant, neuerVorgang, offeneAuftraege, ownerDb, PNG } from './hilfen.js';

const appDb = createDb(testDatenbankUrl('dokumente'), { max: 2 });
afterAll(() => appDb.close());

async function pdfMitText(zeilen: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const { normal } = await schriften(doc);
  const p = doc.addPage([595, 842]);
  zeilen.forEach((z, i) => p.drawText(z, { x: 50, y: 780 - i * 18, size: 12, font: normal }));
  return Buffer.from(await doc.save());
}

describe('full-text extraction (background job)', () => {
  it('extracts PDF, text and XML after the upload and finds them with German stemming, per tenant', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const pdfDok = (await lade(t, m, v.vorgangId, { name: 'bescheid.pdf', inhalt: await pdfMitText(['Bescheid über die Baugenehmigung', 'für das Grundstück Müllerstraße 5']) })).json();
    const txtDok = (await lade(t, m, v.vorgangId, { name: 'n.txt', type: 'text/plain', inhalt: Buffer.from('Die Nachbarn erheben Einwände gegen den Anbau.') })).json();
    const xmlDok = (await lade(t, m, v.vorgangId, { name: 'x.xml', inhalt: Buffer.from('<?xml version="1.0"?><antrag><flurstueck>Gemarkung Lindenhof</flurstueck></antrag>') })).json();
    await lade(t, m, v.vorgangId, { name: 'bild.png', type: 'image/png', inhalt: PNG });

    // the request path only enqueued: three jobs (the PNG has no text), no text yet
    const vorher = { auftraege: await offeneAuftraege(m.id), volltext: await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.volltext)) };
    expect(vorher.auftraege).toHaveLength(3);
    expect(vorher.volltext).toEqual([]);

    await arbeiteAb(t, m.id);
    // inflected forms find each other: "Baugenehmigungen" ~ "Baugenehmigung", "Einwand" ~ "Einwände"
    expect((await sucheImVolltext(appDb, m.id, 'Baugenehmigungen')).map((h) => h.dokumentId)).toEqual([pdfDok.id]);
    expect((await sucheImVolltext(appDb, m.id, 'Müllerstraße')).map((h) => h.dokumentId)).toEqual([pdfDok.id]);
    expect((await sucheImVolltext(appDb, m.id, 'Einwand Anbau')).map((h) => h.dokumentId)).toEqual([txtDok.id]);
    expect((await sucheImVolltext(appDb, m.id, 'Lindenhof')).map((h) => h.dokumentId)).toEqual([xmlDok.id]);
    expect((await sucheImVolltext(appDb, m.id, 'flurstueck')).map((h) => h.dokumentId)).toEqual([]);
    const [treffer] = await sucheImVolltext(appDb, m.id, 'Baugenehmigung');
    expect(treffer!.ausschnitt).toContain('<b>Baugenehmigung</b>');

    // another tenant finds nothing of it
    const fremd = await neuerMandant();
    expect(await sucheImVolltext(appDb, fremd.id, 'Baugenehmigung')).toEqual([]);
    // the PDF reader's first load alone takes seconds on a busy machine
  }, 90_000);

  it('marks a PDF it cannot read as failed (a broken one at once, other faults after three tries) and keeps working on the others', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    // starts like a PDF, but is none: accepted by type detection, unreadable for extraction
    const kaputt = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    const dok = (await lade(t, m, v.vorgangId, { name: 'kaputt.pdf', inhalt: kaputt })).json();
    expect(dok.aktuelleVersion.mimeType).toBe('application/pdf');
    for (let i = 0; i < 3; i++) {
      // make the retry due at once
      await machFaellig(m.id);
      await t.arbeite(m.id);
    }
    await arbeiteAb(t, m.id);
    const rows = await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.volltext));
    expect(rows).toMatchObject([{ dokumentId: dok.id, status: 'fehler', inhalt: null }]);
  });
});
