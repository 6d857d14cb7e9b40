// The whole paths on the real Postgres and S3, with stored documents and the real Protokoll:
// 0501 → 0502 → 0503 → 0506 (content removed after import), and the destruction path.
import { createDb, sql } from '@eakte/db';
import { expectContract } from '@eakte/testing';
import { describe, expect, it, inject } from 'vitest';
import { x0502, x0506 } from './antworten.js';
import { arbeiteAlles, auth, bestand, baue, dokument, mandantId, neuerMandant, offeneAkte, setzeEinstellungen, testSpeicher } from './hilfen.js';
import { createHash } from 'node:crypto';
import { leseZip, xsdFehler } from './xdomea-hilfen.js';

const xml = { 'content-type': 'application/xml' };

describe('whole paths with content', () => {
  it('0501 → 0502 → 0503 → 0506: every version packed under its Dateiname, history from the Protokoll, content gone after import', async () => {
    const { app } = await baue({ echtesProtokoll: true });
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 2, vorgaenge: 2, stufe: '002', art: 'A' });
    const [a1, a2] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];
    const d1 = await dokument(t, a1.vorgaenge[0]!, 'Stellungnahme der Gemeinde Größenwahn', [
      { dateiname: 'Stellungnahme Entwurf.txt', mimeType: 'text/plain', inhalt: 'Entwurf: Lärmschutz prüfen' },
      { dateiname: 'Stellungnahme endgültig.pdf', mimeType: 'application/pdf', inhalt: '%PDF-1.4 endgültig' },
    ]);
    const d2 = await dokument(t, a1.vorgaenge[1]!, 'Niederschrift Erörterung', [{ dateiname: 'Niederschrift.txt', mimeType: 'text/plain', inhalt: 'Niederschrift – Teilnehmer: Ä, Ö, Ü' }]);
    // a filed e-mail's attachment: an Anlage of d2
    const dA = await dokument(t, a1.vorgaenge[1]!, 'Anlage: Teilnehmerliste', [{ dateiname: 'Teilnehmerliste.txt', mimeType: 'text/plain', inhalt: 'Anlage – Teilnehmerliste' }], d2.id);
    const d3 = await dokument(t, a2.vorgaenge[0]!, 'Vermerk', [{ dateiname: 'Vermerk.txt', mimeType: 'text/plain', inhalt: 'nicht archivwürdig' }]);
    const reg = await auth(t, 'registratur');

    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [a1.id, a2.id] } })).json().id;
    const z0501 = await leseZip((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg })).rawPayload);
    const x0501 = z0501[0]!.inhalt.toString('utf8');
    expect(await xsdFehler(x0501)).toBe('');
    expect(x0501).toContain(`<xdomea:ID>${d1.id}</xdomea:ID>`);
    expect(x0501).not.toContain('Primaerdokument');
    expect(z0501).toHaveLength(1);

    const bew = await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/bewertung`,
      headers: { ...reg, ...xml },
      payload: x0502(id, [
        [a2.id, 'V'],
        [a1.id, 'A'],
      ]),
    });
    expectContract(bew, 'postBewertung');
    expect(bew.json().status).toBe('bewertet');

    const abgabe = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg });
    expectContract(abgabe, 'getAbgabe');
    const z0503 = await leseZip(abgabe.rawPayload);
    const nachricht = z0503.find((e) => e.name.endsWith('_Aussonderung.Aussonderung.0503.xml'))!.inhalt.toString('utf8');
    expect(await xsdFehler(nachricht)).toBe('');
    // every Primaerdokument/Dateiname is a ZIP root entry with exactly the stored bytes
    const namen = [...nachricht.matchAll(/<xdomea:Dateiname>([^<]+)<\/xdomea:Dateiname>/g)].map((m) => m[1]!);
    expect(namen).toHaveLength(4);
    // the attachment is an Anlage inside its Dokument
    const anlage = /<xdomea:Anlage>([\s\S]*?)<\/xdomea:Anlage>/.exec(nachricht)?.[1] ?? '';
    expect(anlage).toContain(`<xdomea:ID>${dA.id}</xdomea:ID>`);
    expect(anlage).toContain('<xdomea:DateinameOriginal>Teilnehmerliste.txt</xdomea:DateinameOriginal>');
    expect(namen.every((n) => /^[0-9a-f-]{36}\.(txt|pdf)$/.test(n))).toBe(true);
    const inhalte = new Map(z0503.map((e) => [e.name, e.inhalt]));
    expect(namen.map((n) => inhalte.get(n)?.toString('utf8')).sort()).toEqual([...d1.dateien, ...d2.dateien, ...dA.dateien].map((d) => d.inhalt.toString('utf8')).sort());
    expect(z0503).toHaveLength(5);
    expect(nachricht).toContain('<xdomea:DateinameOriginal>Stellungnahme endgültig.pdf</xdomea:DateinameOriginal>');
    // Dateiformat codes from the list: 018 PDF, 045 text; nothing left as Sonstiges
    const codes = [...nachricht.matchAll(/<xdomea:Name listURI="urn:xoev-de:xdomea:codeliste:dateiformat" listVersionID="1.0">\s*<code>(\d{3})<\/code>/g)].map((m) => m[1]).sort();
    expect(codes).toEqual(['018', '045', '045', '045']);
    expect(nachricht).not.toContain('SonstigerName');
    expect(nachricht).not.toContain(d3.id);
    // the history comes from the Protokoll: the offer and the appraisal of the Akte are in it
    expect(nachricht).toMatch(/<xdomea:Aktion>akte\.angeboten<\/xdomea:Aktion>/);
    expect(nachricht).toMatch(/<xdomea:MetadatumName>bewertung<\/xdomea:MetadatumName>\s*<xdomea:MetadatumNeuerWert>A<\/xdomea:MetadatumNeuerWert>/);

    const imp = await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/importbestaetigung`,
      headers: { ...reg, ...xml },
      payload: x0506(id, [
        [a1.id, true, 'DIMAG-0815'],
        [a1.vorgaenge[0]!, true, 'DIMAG-0815'],
        [d1.id, true, 'DIMAG-0815'],
      ]),
    });
    expectContract(imp, 'postImportbestaetigung');
    expect(imp.json().objekte.find((o: { akteId: string }) => o.akteId === a1.id)).toMatchObject({ status: 'archiviert', archivkennung: 'DIMAG-0815' });
    expect(imp.json().fortschritt).toEqual({ schritt: 'loeschung-nach-import', erledigt: 0, gesamt: 1 });
    const speicher = testSpeicher();
    // the content goes in a job
    for (const d of d1.dateien) expect(await speicher.stat(d.schluessel)).not.toBeNull();
    await arbeiteAlles(app, t);
    const nachJob = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg });
    expect(nachJob.json().fortschritt).toEqual({ schritt: 'loeschung-nach-import', erledigt: 1, gesamt: 1 });
    expect(nachJob.json().objekte.find((o: { akteId: string }) => o.akteId === a1.id)).toMatchObject({ status: 'archiviert', loeschung: 'erledigt', loeschVersuche: 0 });
    for (const d of [...d1.dateien, ...d2.dateien, ...dA.dateien]) expect(await speicher.stat(d.schluessel)).toBeNull();
    // the V-Akte keeps its content until its destruction is approved
    expect(await speicher.stat(d3.dateien[0]!.schluessel)).not.toBeNull();
    // the metadata stub stays
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const r = await db.withMandant(await mandantId(t), (tx) => tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM dokumente.dokument_version WHERE dokument_id = ${d1.id}`));
      expect(r.rows[0]!.n).toBe(2);
    } finally {
      await db.close();
    }
  });

  it('destruction: content of the V-Akte removed only after the second approval; protocol names the files and is filed as a Dokument', async () => {
    const { app } = await baue({ echtesProtokoll: true });
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 1 });
    const a = b.akten[0]!;
    const d = await dokument(t, a.vorgaenge[0]!, 'Antrag', [
      { dateiname: 'Antrag.txt', mimeType: 'text/plain', inhalt: 'Antrag v1' },
      { dateiname: 'Antrag.txt', mimeType: 'text/plain', inhalt: 'Antrag v2' },
    ]);
    // the Registratur's Akte "Aussonderung von Schriftgut" receives the protocols
    const ablage = await offeneAkte(t, b.einheitId, b.kennzeichen);
    await setzeEinstellungen(t, { aussonderungAblageAkte: ablage });
    const anna = await auth(t, 'registratur', 'anna');
    const bernd = await auth(t, 'registratur', 'bernd');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [a.id] } })).json().id;
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...anna, ...xml }, payload: x0502(id, [[a.id, 'V']]) });
    const antrag = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna });
    expectContract(antrag, 'postVernichtung');
    const speicher = testSpeicher();
    for (const f of d.dateien) expect(await speicher.stat(f.schluessel)).not.toBeNull();
    const frei = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd });
    expectContract(frei, 'postVernichtungFreigabe');
    // approved: the process waits for the destruction and its protocol
    expect(frei.json()).toMatchObject({
      status: 'vernichtung_ausstehend',
      vernichtungsstand: { vernichtet: 0, ausstehend: 1, gesperrt: 0, protokoll: false },
      objekte: [{ akteId: a.id, status: 'bewertet', loeschung: 'ausstehend' }],
    });
    for (const f of d.dateien) expect(await speicher.stat(f.schluessel)).not.toBeNull();
    await arbeiteAlles(app, t);
    const fertig = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna });
    expect(fertig.json()).toMatchObject({
      status: 'abgeschlossen',
      vernichtungsstand: { vernichtet: 1, ausstehend: 0, gesperrt: 0, protokoll: true },
      objekte: [{ akteId: a.id, status: 'vernichtet', loeschung: 'erledigt' }],
    });
    for (const f of d.dateien) expect(await speicher.stat(f.schluessel)).toBeNull();
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const m = await mandantId(t);
      const r = await db.withMandant(m, (tx) =>
        tx.execute<{ objekte: { aktenzeichen: string; dateien: { sha256: string }[] }[] }>(sql`SELECT objekte FROM aussonderung.vernichtung WHERE aussonderung_id = ${id}`),
      );
      expect(r.rows[0]!.objekte).toEqual([expect.objectContaining({ aktenzeichen: a.aktenzeichen, dateien: d.dateien.map((f) => ({ sha256: f.sha256 })) })]);
      // the destruction is in the Protokoll, by the approver
      const p = await db.withMandant(m, (tx) => tx.execute<{ akteur_sub: string }>(sql`SELECT akteur_sub FROM protokoll.ereignis WHERE objekt_id = ${a.id} AND aktion = 'akte.vernichtet'`));
      expect(p.rows.map((x) => x.akteur_sub)).toEqual(['bernd']);
    } finally {
      await db.close();
    }
    const pdf = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna });
    expectContract(pdf, 'getVernichtungsprotokoll');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // filed as a Dokument in the Vorgang "Aussonderung <id>" of the Ablage-Akte: same bytes, same checksum, audited
    const dokumentId: string = fertig.json().vernichtung.protokollDokumentId;
    expect(dokumentId).toMatch(/^[0-9a-f-]{36}$/);
    const db2 = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const m = await mandantId(t);
      const r = await db2.withMandant(m, (tx) =>
        tx.execute<{ betreff: string; kennzeichen: string; akte_id: string; sha256: string; schluessel: string; mime_type: string; auftraege: number }>(sql`
          SELECT v.betreff, v.kennzeichen, v.akte_id, dv.sha256, dv.speicherschluessel AS schluessel, dv.mime_type,
                 (SELECT count(*)::int FROM auftraege_dokumente._private_jobs j WHERE j.key = 'textextraktion:' || d.mandant_id || ':' || d.id || ':1') AS auftraege
          FROM dokumente.dokument d JOIN akten.vorgang v ON v.id = d.vorgang_id JOIN dokumente.dokument_version dv ON dv.dokument_id = d.id
          WHERE d.id = ${dokumentId}`),
      );
      expect(r.rows).toEqual([
        {
          betreff: `Aussonderung ${id}`,
          kennzeichen: `${b.kennzeichen}-9999/2026-001`,
          akte_id: ablage,
          sha256: createHash('sha256').update(pdf.rawPayload).digest('hex'),
          schluessel: expect.stringMatching(new RegExp(`^${m}/`)),
          mime_type: 'application/pdf',
          auftraege: 1,
        },
      ]);
      const inhalt = Buffer.concat(await (await speicher.get(r.rows[0]!.schluessel)).toArray());
      expect(inhalt.equals(pdf.rawPayload)).toBe(true);
      const p = await db2.withMandant(m, (tx) => tx.execute<{ aktion: string; akteur_sub: string }>(sql`SELECT aktion, akteur_sub FROM protokoll.ereignis WHERE akte_id = ${ablage} ORDER BY sequenz`));
      expect(p.rows).toEqual([
        { aktion: 'vorgang.erstellt', akteur_sub: 'bernd' },
        { aktion: 'dokument.erstellt', akteur_sub: 'bernd' },
      ]);
    } finally {
      await db2.close();
    }
  });

  it('mixed appraisal per Vorgang: after the 0506 only the A-parts lose their content; the V-Vorgang keeps it until its destruction is approved', async () => {
    const { app } = await baue({ echtesProtokoll: true });
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 2, art: 'A' });
    const a = b.akten[0]!;
    const [planfeststellung, rechnungen] = a.vorgaenge as [string, string];
    const dA = await dokument(t, planfeststellung, 'Planfeststellungsbeschluss', [{ dateiname: 'Beschluss.pdf', mimeType: 'application/pdf', inhalt: '%PDF-1.4 Beschluss' }]);
    const dV = await dokument(t, rechnungen, 'Rechnung Nr. 17', [{ dateiname: 'Rechnung.txt', mimeType: 'text/plain', inhalt: 'Rechnung über 1.234,56 €' }]);
    const reg = await auth(t, 'registratur', 'anna');

    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: [a.id] } })).json().id;
    // x-man appraises each Akte and each Vorgang: the Akte A, its Vorgang "Rechnungen" V
    const bew = await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/bewertung`,
      headers: { ...reg, ...xml },
      payload: x0502(id, [
        [a.id, 'A'],
        [planfeststellung, 'A'],
        [rechnungen, 'V'],
      ]),
    });
    expect(bew.statusCode).toBe(200);
    const z0503 = await leseZip((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg })).rawPayload);
    const nachricht = z0503.find((e) => e.name.endsWith('_Aussonderung.Aussonderung.0503.xml'))!.inhalt.toString('utf8');
    expect(nachricht).toContain(dA.id);
    expect(nachricht).not.toContain(rechnungen);
    expect(nachricht).not.toContain(dV.id);

    const imp = await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/importbestaetigung`,
      headers: { ...reg, ...xml },
      payload: x0506(id, [
        [a.id, true, 'DIMAG-4242'],
        [planfeststellung, true, 'DIMAG-4242'],
        [dA.id, true, 'DIMAG-4242'],
      ]),
    });
    expect(imp.statusCode).toBe(200);
    await arbeiteAlles(app, t);
    const speicher = testSpeicher();
    // the transferred part is gone, the V-Vorgang's content is untouched: nobody approved its destruction
    expect(await speicher.stat(dA.dateien[0]!.schluessel)).toBeNull();
    expect(await speicher.stat(dV.dateien[0]!.schluessel)).not.toBeNull();
    // not finished while the V-Vorgang waits for its destruction
    expect((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json().status).toBe('abgegeben');

    // the V-part goes the normal way: request, approval by a second Registratur user, job
    const antrag = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: reg });
    expectContract(antrag, 'postVernichtung');
    expect(antrag.statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: reg })).statusCode).toBe(409);
    await arbeiteAlles(app, t);
    expect(await speicher.stat(dV.dateien[0]!.schluessel)).not.toBeNull();
    const frei = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: await auth(t, 'registratur', 'bernd') });
    expectContract(frei, 'postVernichtungFreigabe');
    await arbeiteAlles(app, t);
    expect(await speicher.stat(dV.dateien[0]!.schluessel)).toBeNull();
    const fertig = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg });
    expect(fertig.json().objekte).toEqual([expect.objectContaining({ akteId: a.id, status: 'archiviert', archivkennung: 'DIMAG-4242' })]);
    expect(fertig.json().status).toBe('abgeschlossen');
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const m = await mandantId(t);
      // the protocol lists exactly the destroyed Vorgang, by its Kennzeichen, with its file
      const r = await db.withMandant(m, (tx) =>
        tx.execute<{ objekte: { aktenzeichen: string; vorgangId: string; dateien: { sha256: string }[] }[]; protokoll_sha256: string | null }>(
          sql`SELECT objekte, protokoll_sha256 FROM aussonderung.vernichtung WHERE aussonderung_id = ${id}`,
        ),
      );
      expect(r.rows[0]!.objekte).toEqual([expect.objectContaining({ aktenzeichen: `${a.aktenzeichen}-002`, vorgangId: rechnungen, dateien: [{ sha256: dV.dateien[0]!.sha256 }] })]);
      expect(r.rows[0]!.protokoll_sha256).toMatch(/^[0-9a-f]{64}$/);
      const o = await db.withMandant(m, (tx) =>
        tx.execute<{ teil: boolean; bewertung: string }>(sql`SELECT teil_vernichtet_am IS NOT NULL AS teil, bewertung FROM aussonderung.aussonderung_objekt WHERE akte_id = ${a.id}`),
      );
      expect(o.rows).toEqual([{ teil: true, bewertung: 'A' }]);
      const p = await db.withMandant(m, (tx) =>
        tx.execute<{ objekt_id: string; akteur_sub: string }>(sql`SELECT objekt_id, akteur_sub FROM protokoll.ereignis WHERE akte_id = ${a.id} AND aktion = 'vorgang.vernichtet'`),
      );
      expect(p.rows).toEqual([{ objekt_id: rechnungen, akteur_sub: 'bernd' }]);
    } finally {
      await db.close();
    }
    const pdf = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: reg });
    expect(pdf.statusCode).toBe(200);
  });

  it('mixed appraisal per Vorgang: a hold placed on the V-Vorgang after the approval stops its destruction', async () => {
    const { app } = await baue({ echtesProtokoll: true });
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 2, art: 'A' });
    const a = b.akten[0]!;
    const rechnungen = a.vorgaenge[1]!;
    const dV = await dokument(t, rechnungen, 'Rechnung Nr. 18', [{ dateiname: 'Rechnung.txt', mimeType: 'text/plain', inhalt: 'Rechnung über 99,00 €' }]);
    const anna = await auth(t, 'registratur', 'anna');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [a.id] } })).json().id;
    await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/bewertung`,
      headers: { ...anna, ...xml },
      payload: x0502(id, [
        [a.id, 'A'],
        [rechnungen, 'V'],
      ]),
    });
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: await auth(t, 'registratur', 'bernd') })).statusCode).toBe(200);
    const sperre = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Prüfung', grund: 'Rechnungshof', vorgaenge: [rechnungen] } });
    expect(sperre.statusCode).toBe(201);
    await arbeiteAlles(app, t);
    expect(await testSpeicher().stat(dV.dateien[0]!.schluessel)).not.toBeNull();
    // the stopped V-part shows the hold in its own state, the rest of the Akte is untouched
    const stand = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna });
    expectContract(stand, 'getAussonderung');
    expect(stand.json().objekte[0].teile.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [a.vorgaenge[0], 'bewertet'],
      [rechnungen, 'gesperrt'],
    ]);
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const m = await mandantId(t);
      const o = await db.withMandant(m, (tx) => tx.execute<{ teil: boolean }>(sql`SELECT teil_vernichtet_am IS NOT NULL AS teil FROM aussonderung.aussonderung_objekt WHERE akte_id = ${a.id}`));
      expect(o.rows).toEqual([{ teil: false }]);
      const r = await db.withMandant(m, (tx) => tx.execute<{ objekte: unknown[] }>(sql`SELECT objekte FROM aussonderung.vernichtung WHERE aussonderung_id = ${id}`));
      expect(r.rows[0]!.objekte).toEqual([]);
      const p = await db.withMandant(m, (tx) =>
        tx.execute<{ aktion: string }>(sql`SELECT aktion FROM protokoll.ereignis WHERE akte_id = ${a.id} AND aktion IN ('vorgang.vernichtet', 'akte.vernichtung.abgebrochen')`),
      );
      expect(p.rows).toEqual([{ aktion: 'akte.vernichtung.abgebrochen' }]);
    } finally {
      await db.close();
    }
  });
  it('mixed appraisal per Vorgang: the hold on the V-Vorgang released, its stopped destruction goes on and a Nachtrag names it', async () => {
    const { app } = await baue({ echtesProtokoll: true });
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 2, art: 'A' });
    const a = b.akten[0]!;
    const rechnungen = a.vorgaenge[1]!;
    const dA = await dokument(t, a.vorgaenge[0]!, 'Bescheid', [{ dateiname: 'Bescheid.txt', mimeType: 'text/plain', inhalt: 'Bescheid bleibt' }]);
    const dV = await dokument(t, rechnungen, 'Rechnung Nr. 19', [{ dateiname: 'Rechnung.txt', mimeType: 'text/plain', inhalt: 'Rechnung über 12,00 €' }]);
    const anna = await auth(t, 'registratur', 'anna');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [a.id] } })).json().id;
    await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/bewertung`,
      headers: { ...anna, ...xml },
      payload: x0502(id, [
        [a.id, 'A'],
        [rechnungen, 'V'],
      ]),
    });
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: await auth(t, 'registratur', 'bernd') })).statusCode).toBe(200);
    const sperre = (await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Prüfung', grund: 'Rechnungshof', vorgaenge: [rechnungen] } })).json();
    await arbeiteAlles(app, t);
    expect(await testSpeicher().stat(dV.dateien[0]!.schluessel)).not.toBeNull();

    const frei = await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sperre.id}?grund=Pr%C3%BCfung%20beendet`, headers: anna });
    expect(frei.statusCode).toBe(200);
    await arbeiteAlles(app, t);
    // the V-part is gone, destroyed on the approval it had; the A-part keeps its content for the archive
    expect(await testSpeicher().stat(dV.dateien[0]!.schluessel)).toBeNull();
    expect(await testSpeicher().stat(dA.dateien[0]!.schluessel)).not.toBeNull();
    const stand = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna });
    expectContract(stand, 'getAussonderung');
    expect(stand.json().objekte[0].teile.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [a.vorgaenge[0], 'bewertet'],
      [rechnungen, 'vernichtet'],
    ]);
    expect(stand.json().vernichtungsstand).toMatchObject({ gesperrt: 0, ausstehend: 0, nachtraege: 1 });
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const m = await mandantId(t);
      const p = await db.withMandant(m, (tx) =>
        tx.execute<{ aktion: string; objekt_id: string; akteur_sub: string }>(
          sql`SELECT aktion, objekt_id, akteur_sub FROM protokoll.ereignis WHERE akte_id = ${a.id} AND aktion IN ('vorgang.vernichtet', 'akte.vernichtung.abgebrochen', 'akte.vernichtung.fortgesetzt') ORDER BY sequenz`,
        ),
      );
      expect(p.rows.map((r) => r.aktion)).toEqual(['akte.vernichtung.abgebrochen', 'akte.vernichtung.fortgesetzt', 'vorgang.vernichtet']);
      // in the name of the second pair of eyes, not of whoever released the hold
      expect(p.rows[2]).toMatchObject({ objekt_id: rechnungen, akteur_sub: 'bernd' });
    } finally {
      await db.close();
    }
  });

  it('mixed appraisal, reverse: an A-Vorgang of a V-Akte goes to the archive inside its Akte; only the V-part is destroyed, with four eyes', async () => {
    const { app } = await baue({ echtesProtokoll: true });
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 2, art: 'V' });
    const a = b.akten[0]!;
    const [gutachten, rechnungen] = a.vorgaenge as [string, string];
    const dA = await dokument(t, gutachten, 'Gutachten zur Trassenführung', [{ dateiname: 'Gutachten.pdf', mimeType: 'application/pdf', inhalt: '%PDF-1.4 Gutachten' }]);
    const dV = await dokument(t, rechnungen, 'Rechnung Nr. 19', [{ dateiname: 'Rechnung.txt', mimeType: 'text/plain', inhalt: 'Rechnung über 12,00 €' }]);
    const anna = await auth(t, 'registratur', 'anna');
    const bernd = await auth(t, 'registratur', 'bernd');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [a.id] } })).json().id;
    // the Akte V, its Vorgang "Gutachten" A: the deepest appraised object wins
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/aussonderungen/${id}/bewertung`,
          headers: { ...anna, ...xml },
          payload: x0502(id, [
            [a.id, 'V'],
            [gutachten, 'A'],
          ]),
        })
      ).statusCode,
    ).toBe(200);
    // each part shows its own state
    const teile = async () => {
      const r = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna });
      expectContract(r, 'getAussonderung');
      return r.json().objekte[0].teile.map((x: { id: string; bewertung: string; status: string; archivkennung: string | null }) => [x.id, x.bewertung, x.status, x.archivkennung]);
    };
    expect(await teile()).toEqual([
      [gutachten, 'A', 'bewertet', null],
      [rechnungen, 'V', 'bewertet', null],
    ]);

    // the 0503 carries the Akte as the container with only its A-Vorgang
    const abgabe = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: anna });
    expectContract(abgabe, 'getAbgabe');
    const z0503 = await leseZip(abgabe.rawPayload);
    const nachricht = z0503.find((e) => e.name.endsWith('_Aussonderung.Aussonderung.0503.xml'))!.inhalt.toString('utf8');
    expect(await xsdFehler(nachricht)).toBe('');
    expect(nachricht).toContain(`<xdomea:ID>${a.id}</xdomea:ID>`);
    expect(nachricht).toContain(`<xdomea:ID>${gutachten}</xdomea:ID>`);
    expect(nachricht).toContain(dA.id);
    expect(nachricht).not.toContain(rechnungen);
    expect(nachricht).not.toContain(dV.id);
    expect(z0503).toHaveLength(2);
    expect(await teile()).toEqual([
      [gutachten, 'A', 'abgegeben', null],
      [rechnungen, 'V', 'bewertet', null],
    ]);

    const imp = await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/importbestaetigung`,
      headers: { ...anna, ...xml },
      payload: x0506(id, [
        [gutachten, true, 'DIMAG-7777'],
        [dA.id, true, 'DIMAG-7777'],
      ]),
    });
    expectContract(imp, 'postImportbestaetigung');
    expect(imp.json().objekte).toEqual([expect.objectContaining({ akteId: a.id, status: 'archiviert', archivkennung: 'DIMAG-7777' })]);
    await arbeiteAlles(app, t);
    const speicher = testSpeicher();
    expect(await speicher.stat(dA.dateien[0]!.schluessel)).toBeNull();
    expect(await speicher.stat(dV.dateien[0]!.schluessel)).not.toBeNull();

    expect(await teile()).toEqual([
      [gutachten, 'A', 'archiviert', 'DIMAG-7777'],
      [rechnungen, 'V', 'bewertet', null],
    ]);
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna })).statusCode).toBe(200);
    await arbeiteAlles(app, t);
    expect(await teile()).toEqual([
      [gutachten, 'A', 'archiviert', 'DIMAG-7777'],
      [rechnungen, 'V', 'vernichtung_beantragt', null],
    ]);
    expect(await speicher.stat(dV.dateien[0]!.schluessel)).not.toBeNull();
    expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd })).statusCode).toBe(200);
    await arbeiteAlles(app, t);
    expect(await speicher.stat(dV.dateien[0]!.schluessel)).toBeNull();
    expect(await teile()).toEqual([
      [gutachten, 'A', 'archiviert', 'DIMAG-7777'],
      [rechnungen, 'V', 'vernichtet', null],
    ]);
    // the Akte does not claim to be destroyed: a part of it is in the archive
    const fertig = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna });
    expect(fertig.json().objekte).toEqual([expect.objectContaining({ akteId: a.id, status: 'archiviert', archivkennung: 'DIMAG-7777' })]);
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const m = await mandantId(t);
      // the protocol lists the destroyed Vorgang only, never the transferred one
      const r = await db.withMandant(m, (tx) =>
        tx.execute<{ objekte: { aktenzeichen: string; vorgangId?: string }[] }>(sql`SELECT objekte FROM aussonderung.vernichtung WHERE aussonderung_id = ${id}`),
      );
      expect(r.rows[0]!.objekte).toEqual([expect.objectContaining({ aktenzeichen: `${a.aktenzeichen}-002`, vorgangId: rechnungen, dateien: [{ sha256: dV.dateien[0]!.sha256 }] })]);
      const p = await db.withMandant(m, (tx) =>
        tx.execute<{ aktion: string; objekt_id: string }>(
          sql`SELECT aktion, objekt_id FROM protokoll.ereignis WHERE akte_id = ${a.id} AND aktion IN ('akte.vernichtet', 'vorgang.vernichtet', 'akte.archiviert') ORDER BY sequenz`,
        ),
      );
      expect(p.rows).toEqual([
        { aktion: 'akte.archiviert', objekt_id: a.id },
        { aktion: 'vorgang.vernichtet', objekt_id: rechnungen },
      ]);
    } finally {
      await db.close();
    }
  });
});
