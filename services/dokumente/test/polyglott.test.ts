// Polyglot files, valid as two formats at once (PDF+ZIP, ZIP+PDF, PNG+JAR and GIF+JAR "GIFAR",
// PDF+HTML, a PDF with JavaScript, HTML named .pdf). As documented: the type is taken from the
// leading bytes and must fit the declared one and the allow-list; what is stored is served only
// as that type, as an attachment, with `nosniff` and a sandboxing CSP — never as a page.
import { berichte, expectProblem } from '@eakte/testing';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { baueApp, GIF, lade, neuerMandant, neuerVorgang, objekteUnter, pdf, PNG, spoolDateien, zeilen } from './hilfen.js';

async function zip(eintraege: Record<string, string>): Promise<Buffer> {
  const z = new ZipFile();
  for (const [name, inhalt] of Object.entries(eintraege)) z.addBuffer(Buffer.from(inhalt), name);
  z.end();
  const teile: Buffer[] = [];
  for await (const c of z.outputStream) teile.push(c as Buffer);
  return Buffer.concat(teile);
}

/** A PDF that runs JavaScript when opened (OpenAction). */
async function pdfMitJavaScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const aktion = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("polyglott")') });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(aktion));
  return Buffer.from(await doc.save());
}

const HTML = '<html><body><script>fetch("/api/v1/akten").then(r => r.text()).then(alert)</script></body></html>';

describe('polyglot files', () => {
  it('are stored as the type their leading bytes show, or refused, and served only as attachment with nosniff and a CSP sandbox', { timeout: 60_000 }, async (context) => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const jar = await zip({ 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\nMain-Class: Boese\n', 'Boese.class': 'CAFEBABE' });
    const html = await zip({ 'index.html': HTML });

    const faelle: { name: string; datei: string; typ: string; inhalt: Buffer; erwartet: string | { status: 415; code: string } }[] = [
      { name: 'PDF with a ZIP appended', datei: 'antrag.pdf', typ: 'application/pdf', inhalt: Buffer.concat([await pdf(), html]), erwartet: 'application/pdf' },
      {
        name: 'ZIP with a PDF appended, named .pdf',
        datei: 'antrag.pdf',
        typ: 'application/pdf',
        inhalt: Buffer.concat([html, await pdf()]),
        erwartet: { status: 415, code: 'TYP_WIDERSPRICHT_INHALT' },
      },
      {
        name: 'ZIP with a PDF appended, type not declared',
        datei: 'antrag.pdf',
        typ: 'application/octet-stream',
        inhalt: Buffer.concat([html, await pdf()]),
        erwartet: { status: 415, code: 'FORMAT_NICHT_ERLAUBT' },
      },
      { name: 'PNG with a JAR appended', datei: 'scan.png', typ: 'image/png', inhalt: Buffer.concat([PNG, jar]), erwartet: 'image/png' },
      { name: 'PNG with a JAR appended, named .pdf', datei: 'scan.pdf', typ: 'application/pdf', inhalt: Buffer.concat([PNG, jar]), erwartet: { status: 415, code: 'TYP_WIDERSPRICHT_INHALT' } },
      { name: 'GIFAR', datei: 'bild.gif', typ: 'image/gif', inhalt: Buffer.concat([GIF, jar]), erwartet: { status: 415, code: 'FORMAT_NICHT_ERLAUBT' } },
      { name: 'PDF header followed by HTML', datei: 'seite.pdf', typ: 'application/pdf', inhalt: Buffer.from(`%PDF-1.4\n${HTML}\n%%EOF\n`), erwartet: 'application/pdf' },
      { name: 'PDF with JavaScript', datei: 'formular.pdf', typ: 'application/pdf', inhalt: await pdfMitJavaScript(), erwartet: 'application/pdf' },
      { name: 'HTML named .pdf', datei: 'rechnung.pdf', typ: 'application/pdf', inhalt: Buffer.from(HTML), erwartet: { status: 415, code: 'TYP_WIDERSPRICHT_INHALT' } },
      // HTML is detected as HTML, which the default allow-list does not contain
      { name: 'HTML named .pdf, declared as HTML', datei: 'rechnung.pdf', typ: 'text/html', inhalt: Buffer.from(HTML), erwartet: { status: 415, code: 'FORMAT_NICHT_ERLAUBT' } },
      { name: 'HTML named .pdf, type not declared', datei: 'rechnung.pdf', typ: 'application/octet-stream', inhalt: Buffer.from(HTML), erwartet: { status: 415, code: 'FORMAT_NICHT_ERLAUBT' } },
      { name: 'HTML declared as plain text', datei: 'notiz.txt', typ: 'text/plain', inhalt: Buffer.from(HTML), erwartet: { status: 415, code: 'FORMAT_NICHT_ERLAUBT' } },
    ];

    let gespeichert = 0;
    let abgelehnt = 0;
    for (const f of faelle) {
      const res = await lade(t, m, v.vorgangId, { name: f.datei, type: f.typ, inhalt: f.inhalt });
      if (typeof f.erwartet !== 'string') {
        expectProblem(res, f.erwartet.status, f.erwartet.code);
        abgelehnt++;
        continue;
      }
      expect(res.statusCode, `${f.name}: ${res.body}`).toBe(201);
      const dok = res.json();
      expect(dok.aktuelleVersion.mimeType, f.name).toBe(f.erwartet);
      gespeichert++;
      for (const url of [`/api/v1/dokumente/${dok.id}/inhalt`, `/api/v1/dokumente/${dok.id}/versionen/1/inhalt`]) {
        const inhalt = await t.app.inject({ method: 'GET', url, headers: await m.header() });
        expect(inhalt.statusCode, f.name).toBe(200);
        expect(inhalt.headers['content-type'], f.name).toBe(f.erwartet);
        expect(inhalt.headers['content-disposition'], f.name).toMatch(/^attachment;/);
        expect(inhalt.headers['x-content-type-options'], f.name).toBe('nosniff');
        expect(inhalt.headers['content-security-policy'], f.name).toMatch(/(^|;\s*)sandbox(;|$)/);
        expect(inhalt.headers['content-security-policy'], f.name).toContain("default-src 'none'");
        expect(inhalt.rawPayload.equals(f.inhalt), f.name).toBe(true);
      }
    }
    expect((await zeilen(m.id)).dokumente).toHaveLength(gespeichert);
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(gespeichert);
    expect(spoolDateien(t)).toEqual([]);
    berichte(
      context,
      'polyglot (service, inject)',
      `${faelle.length} polyglot files, ${gespeichert} stored as the detected type and served as sandboxed attachment, ${abgelehnt} refused (415), 0 served inline`,
    );
  });
});
