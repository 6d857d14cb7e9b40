// xdomea checked at run time: what the archive sends is refused when it does not match the
// official 3.1.0 schema (nothing stored), what we would send is never sent when it does not.
import { buffer } from 'node:stream/consumers';
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import type { Historienquelle } from '../src/services/ports.js';
import { paket } from '../src/xdomea/paket.js';
import { bewertungDes0501, x0502, x0504, x0506, x0507 } from './antworten.js';
import { auth, bestand, baue, dokument, neuerMandant } from './hilfen.js';
import { leseZip, xsdFehler } from './xdomea-hilfen.js';

const xml = { 'content-type': 'application/xml' };

async function angeboten(opts: Parameters<typeof baue>[0] = {}) {
  const { app } = await baue(opts);
  const t = await neuerMandant();
  const b = await bestand(t, { akten: 2, vorgaenge: 2, art: 'A' });
  const reg = await auth(t, 'registratur');
  const res = await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: reg, payload: { akten: b.akten.map((a) => a.id) } });
  expect(res.statusCode, res.body).toBe(201);
  return { app, t, b, reg, id: res.json().id as string };
}

describe('incoming messages are validated against the xdomea schema', () => {
  it('a 0502 that breaks the schema gets 422 XDOMEA_UNGUELTIG naming line and element, and nothing is stored', async () => {
    const { app, b, reg, id } = await angeboten();
    // well-formed and readable, but an element x-man would never write sits in the BewertetesObjekt
    const falsch = x0502(id, [[b.akten[0]!.id, 'A']]).replace('<xdomea:BewertetesObjekt><xdomea:ID>', '<xdomea:BewertetesObjekt><xdomea:Notiz>gelesen</xdomea:Notiz><xdomea:ID>');
    expect(await xsdFehler(falsch)).not.toBe('');
    const zeile = falsch.split('\n').findIndex((l) => l.includes('xdomea:Notiz')) + 1;
    for (const [kopf, payload] of [
      [xml, falsch],
      [{ 'content-type': 'application/zip' }, await buffer(paket(id, '0502', falsch))],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...reg, ...kopf }, payload });
      expectContract(res, 'postBewertung');
      const p = expectProblem(res, 422, 'XDOMEA_UNGUELTIG');
      expect(p.detail).toContain(`Zeile ${zeile}`);
      expect(p.detail).toContain('xdomea:Notiz');
      expect(p.fehler).toEqual([expect.objectContaining({ zeile, feld: 'xdomea:Notiz', meldung: expect.stringContaining('not expected') })]);
    }
    const nachher = (await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json();
    expect(nachher.nachrichten).toEqual([]);
    expect(nachher.objekte.map((o: { bewertung: string | null }) => o.bewertung)).toEqual([null, null]);
    expect(nachher.bewertetAm).toBeNull();
  });

  it('0504, 0507 and 0506 that break the schema are refused too; valid ones are taken', async () => {
    const { app, b, reg, id } = await angeboten();
    const ohneAbsender = (x: string) => x.replace(/<xdomea:Absender>[\s\S]*?<\/xdomea:Absender>/, '');
    for (const falsch of [ohneAbsender(x0504(id)), ohneAbsender(x0507(id))]) {
      expect(await xsdFehler(falsch)).not.toBe('');
      const p = expectProblem(await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/empfangsbestaetigung`, headers: { ...reg, ...xml }, payload: falsch }), 422, 'XDOMEA_UNGUELTIG');
      expect(p.detail).toMatch(/Zeile \d+/);
      expect(p.detail).toContain('xdomea:Empfaenger');
    }
    // Erfolgreich is a boolean: "ja" is not
    const imp = x0506(id, [[b.akten[0]!.id, true, 'LATh-1']]).replace('<xdomea:Erfolgreich>true</xdomea:Erfolgreich>', '<xdomea:Erfolgreich>ja</xdomea:Erfolgreich>');
    const p = expectProblem(await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/importbestaetigung`, headers: { ...reg, ...xml }, payload: imp }), 422, 'XDOMEA_UNGUELTIG');
    expect(p.detail).toContain('xdomea:Erfolgreich');
    expect((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json().nachrichten).toEqual([]);
    const gut = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/empfangsbestaetigung`, headers: { ...reg, ...xml }, payload: x0504(id) });
    expect(gut.statusCode, gut.body).toBe(200);
    expect(gut.json().nachrichten.map((n: { typ: string }) => n.typ)).toEqual(['0504']);
  });
});

describe("the archive's 0502 at Vorgang level", () => {
  it('as x-man writes it (one BewertetesObjekt per Akte and per Vorgang), packed as a ZIP: the V-Vorgang stays out of the 0503', async () => {
    const { app, b, reg, id } = await angeboten();
    const [a1, a2] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];
    const bewertung = x0502(id, [
      [a1.id, 'A'],
      [a1.vorgaenge[0]!, 'A'],
      [a1.vorgaenge[1]!, 'V'],
      [a2.id, 'V'],
      [a2.vorgaenge[0]!, 'V'],
      [a2.vorgaenge[1]!, 'V'],
    ]);
    expect(await xsdFehler(bewertung)).toBe('');
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/bewertung`,
      headers: { ...reg, 'content-type': 'application/zip' },
      payload: await buffer(paket(id, '0502', bewertung)),
    });
    expectContract(res, 'postBewertung');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().nachrichten.map((n: { typ: string }) => n.typ)).toEqual(['0502']);
    expect(Object.fromEntries(res.json().objekte.map((o: { akteId: string; bewertung: string }) => [o.akteId, o.bewertung]))).toEqual({ [a1.id]: 'A', [a2.id]: 'V' });
    const z = await leseZip((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg })).rawPayload);
    const x0503 = z[0]!.inhalt.toString('utf8');
    expect(x0503).toContain(`<xdomea:ID>${a1.vorgaenge[0]}</xdomea:ID>`);
    expect(x0503).not.toContain(a1.vorgaenge[1]!);
    expect(x0503).not.toContain(a2.id);
  });

  it('pnpm archiv:antwort --vorgang: the archive appraises one Vorgang (by Kennzeichen) apart from its Akte, one BewertetesObjekt per Akte and per Vorgang', async () => {
    const { app, b, reg, id } = await angeboten();
    const [a1, a2] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];
    const x0501 = (await leseZip((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg })).rawPayload))[0]!.inhalt.toString('utf8');
    expect(bewertungDes0501(x0501)).toEqual([
      [a1.id, 'A'],
      [a2.id, 'A'],
    ]);
    const bewertet = bewertungDes0501(x0501, new Map([[`${a1.aktenzeichen}-002`, 'V']]));
    expect(bewertet).toEqual([
      [a1.id, 'A'],
      [a1.vorgaenge[0], 'A'],
      [a1.vorgaenge[1], 'V'],
      [a2.id, 'A'],
      [a2.vorgaenge[0], 'A'],
      [a2.vorgaenge[1], 'A'],
    ]);
    expect(() => bewertungDes0501(x0501, new Map([['99.9-0001/2020-001', 'V']]))).toThrow(/99\.9-0001\/2020-001/);
    const res = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...reg, ...xml }, payload: x0502(id, bewertet) });
    expect(res.statusCode, res.body).toBe(200);
    const x0503 = (await leseZip((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg })).rawPayload))[0]!.inhalt.toString('utf8');
    expect(x0503).toContain(`<xdomea:ID>${a1.vorgaenge[0]}</xdomea:ID>`);
    expect(x0503).not.toContain(a1.vorgaenge[1]!);
    expect(x0503).toContain(`<xdomea:ID>${a2.vorgaenge[1]}</xdomea:ID>`);
  });

  it('naming an object this Aussonderung did not offer gets 422 OBJEKT_NICHT_ANGEBOTEN with the id, as XML and as ZIP; nothing is stored', async () => {
    const { app, b, reg, id } = await angeboten();
    const fremd = '0193a1b2-0000-7000-8000-0000000f4e3d';
    const bewertung = x0502(id, [
      [b.akten[0]!.id, 'A'],
      [b.akten[0]!.vorgaenge[0]!, 'A'],
      [fremd, 'V'],
    ]);
    expect(await xsdFehler(bewertung)).toBe('');
    for (const [kopf, payload] of [
      [xml, bewertung],
      [{ 'content-type': 'application/zip' }, await buffer(paket(id, '0502', bewertung))],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...reg, ...kopf }, payload });
      expectContract(res, 'postBewertung');
      const p = expectProblem(res, 422, 'OBJEKT_NICHT_ANGEBOTEN');
      expect(p.detail).toContain(fremd);
      expect(p.objekte).toEqual([fremd]);
    }
    const nachher = (await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json();
    expect(nachher.nachrichten).toEqual([]);
    expect(nachher.objekte.every((o: { bewertung: string | null; status: string }) => o.bewertung === null && o.status === 'angeboten')).toBe(true);
  });
});

describe('a 0502 that appraises single Dokumente', () => {
  it('is taken when each Dokument has the decision of its Vorgang; a Dokument appraised apart from its Vorgang gets 422 BEWERTUNG_JE_DOKUMENT_ABWEICHEND and nothing is stored', async () => {
    const { app, t, b, reg, id } = await angeboten();
    const [a1, a2] = b.akten as [(typeof b.akten)[0], (typeof b.akten)[0]];
    const d1 = await dokument(t, a1.vorgaenge[0]!, 'Bescheid', [{ dateiname: 'Bescheid.txt', mimeType: 'text/plain', inhalt: 'Bescheid' }]);
    const d2 = await dokument(t, a1.vorgaenge[1]!, 'Rechnung', [{ dateiname: 'Rechnung.txt', mimeType: 'text/plain', inhalt: 'Rechnung' }]);
    // the 0501 offers the Dokumente with their ids, so an archive may name them in its 0502
    const x0501 = (await leseZip((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg })).rawPayload))[0]!.inhalt.toString('utf8');
    expect(x0501).toContain(d1.id);
    const grund: [string, 'A' | 'V'][] = [
      [a1.id, 'A'],
      [a1.vorgaenge[0]!, 'A'],
      [a1.vorgaenge[1]!, 'V'],
      [a2.id, 'V'],
    ];

    const abweichend = x0502(id, [...grund, [d1.id, 'A'], [d2.id, 'A']]);
    expect(await xsdFehler(abweichend)).toBe('');
    const res = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...reg, ...xml }, payload: abweichend });
    expectContract(res, 'postBewertung');
    const p = expectProblem(res, 422, 'BEWERTUNG_JE_DOKUMENT_ABWEICHEND');
    expect(p.objekte).toEqual([d2.id]);
    const vorher = (await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json();
    expect(vorher.nachrichten).toEqual([]);
    expect(vorher.objekte.every((o: { bewertung: string | null }) => o.bewertung === null)).toBe(true);

    const gleich = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...reg, ...xml }, payload: x0502(id, [...grund, [d1.id, 'A'], [d2.id, 'V']]) });
    expect(gleich.statusCode, gleich.body).toBe(200);
    const teile = gleich.json().objekte.find((o: { akteId: string }) => o.akteId === a1.id).teile as { id: string; bewertung: string }[];
    expect(teile.map((x) => [x.id, x.bewertung])).toEqual([
      [a1.vorgaenge[0], 'A'],
      [a1.vorgaenge[1], 'V'],
    ]);
  });
});

describe('outgoing messages are validated before they are sent', () => {
  it('a 0501 or 0503 that would break the schema is not sent: 500 XDOMEA_ERZEUGUNG_UNGUELTIG naming the error, and the 0503 changes nothing', async () => {
    // a history source that yields an entry without actor: the HistorienProtokollInformation would lack its required Akteur
    const historie: Historienquelle = {
      async historie(_tx, ids) {
        return new Map(ids.map((i) => [i, [{ akteur: '', datumUhrzeit: new Date('2026-01-02T03:04:05Z'), aktion: 'akte.geaendert' }]]));
      },
    };
    const { app, b, reg, id } = await angeboten({ historie });
    const anbietung = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/anbietung`, headers: reg });
    expectContract(anbietung, 'getAnbietung');
    const p = expectProblem(anbietung, 500, 'XDOMEA_ERZEUGUNG_UNGUELTIG');
    expect(p.detail).toContain('0501');
    expect(p.detail).toMatch(/Zeile \d+, xdomea:DatumUhrzeit: /);
    expect(p.fehler).toEqual(expect.arrayContaining([expect.objectContaining({ zeile: expect.any(Number), feld: 'xdomea:DatumUhrzeit', meldung: expect.stringContaining('Akteur') })]));
    await app.inject({
      method: 'POST',
      url: `/api/v1/aussonderungen/${id}/bewertung`,
      headers: { ...reg, ...xml },
      payload: x0502(
        id,
        b.akten.map((a) => [a.id, 'A'] as [string, 'A']),
      ),
    });
    const abgabe = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: reg });
    expectContract(abgabe, 'getAbgabe');
    expect(expectProblem(abgabe, 500, 'XDOMEA_ERZEUGUNG_UNGUELTIG').detail).toContain('0503');
    const nachher = (await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: reg })).json();
    expect(nachher.abgegebenAm).toBeNull();
    expect(nachher.objekte.map((o: { status: string }) => o.status)).toEqual(['bewertet', 'bewertet']);
  });
});
