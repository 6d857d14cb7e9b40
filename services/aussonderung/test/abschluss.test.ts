// An Aussonderung is `abgeschlossen` only once its Vernichtungsprotokoll exists and every object due
// for destruction is gone from storage; until then it says `vernichtung_ausstehend` and how many wait.
// The database refuses the state too, whoever writes it.
import { sql } from '@eakte/db';
import { LoeschungVerweigert } from '@eakte/storage';
import { toProblem } from '@eakte/platform';
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../dokumente/src/pdf/text.js';
import { legeAuftraegeAn } from '../src/repositories/auftraege.js';
import { inhalteAusDokumenten } from '../src/services/inhalte.js';
import type { InhaltDatei } from '../src/services/ports.js';
import { archivschreiben, arbeiteAlles, arbeiteEinmal, auth, bestand, baue, dokument, mandantId, neuerMandant, offeneAuftraege, ownerDb, testSpeicher } from './hilfen.js';

/** The real object store, refusing `n` deletions as object lock does while a retention runs. */
function gesperrterSpeicher(n: number) {
  const echt = inhalteAusDokumenten(testSpeicher());
  let rest = n;
  return {
    ...echt,
    async entferne(dateien: readonly InhaltDatei[]) {
      if (rest > 0) {
        rest--;
        throw new LoeschungVerweigert(dateien[0]!.schluessel, [{ code: 'AccessDenied', versionId: 'v1' }]);
      }
      await echt.entferne(dateien);
    },
  };
}

/** A process of `n` V-Akten (one file each), approved by a second person; returns its id. */
async function freigegeben(app: Awaited<ReturnType<typeof baue>>['app'], t: string, n: number) {
  const b = await bestand(t, { akten: n, vorgaenge: 1 });
  const dateien = [];
  for (const a of b.akten) dateien.push(...(await dokument(t, a.vorgaenge[0]!, 'Bescheid', [{ dateiname: 'Bescheid.txt', mimeType: 'text/plain', inhalt: `Bescheid ${a.id}` }])).dateien);
  const anna = await auth(t, 'registratur', 'anna');
  const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: b.akten.map((a) => a.id) } })).json().id;
  const bewertungen = Object.fromEntries(b.akten.map((a) => [a.id, 'V']));
  expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: anna, payload: { ...archivschreiben, bewertungen } })).statusCode).toBe(200);
  expect((await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna })).statusCode).toBe(200);
  const frei = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: await auth(t, 'registratur', 'bernd') });
  expect(frei.statusCode).toBe(200);
  return { id, akten: b.akten, dateien, anna };
}

async function stand(app: Awaited<ReturnType<typeof baue>>['app'], id: string, headers: Record<string, string>) {
  const r = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers });
  expectContract(r, 'getAussonderung');
  return r.json();
}

/** Writes the state directly, as a faulty service or a hand-made UPDATE would. */
async function setzeStatusDirekt(t: string, id: string, status: string) {
  const m = await mandantId(t);
  return ownerDb().withMandant(m, (tx) => tx.execute(sql`UPDATE aussonderung.aussonderung SET status = ${status} WHERE id = ${id}`));
}

describe('Aussonderung: abgeschlossen only with the protocol and everything destroyed', () => {
  it('after the last destruction and before the protocol the process waits for it, then is abgeschlossen', async () => {
    // the protocol's first write fails: the destruction is done, its record not yet
    const echt = testSpeicher();
    let protokollFehler = 1;
    const speicher = Object.assign(Object.create(echt) as typeof echt, {
      async put(...args: Parameters<typeof echt.put>) {
        if (args[0].includes('vernichtungsprotokoll') && protokollFehler-- > 0) throw new Error('S3 nicht erreichbar (Testfehler)');
        return echt.put(...args);
      },
    });
    const { app } = await baue({ storage: speicher });
    const t = await neuerMandant();
    const { id, anna } = await freigegeben(app, t, 2);
    expect(await stand(app, id, anna)).toMatchObject({ status: 'vernichtung_ausstehend', vernichtungsstand: { vernichtet: 0, ausstehend: 2, gesperrt: 0, protokoll: false } });

    await arbeiteEinmal(app, t);
    const zwischen = await stand(app, id, anna);
    expect(zwischen.objekte.map((o: { status: string }) => o.status)).toEqual(['vernichtet', 'vernichtet']);
    expect(zwischen).toMatchObject({ status: 'vernichtung_ausstehend', vernichtungsstand: { vernichtet: 2, ausstehend: 0, gesperrt: 0, protokoll: false } });
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna }), 409, 'FALSCHER_VERFAHRENSSCHRITT');
    // nor can anyone else mark it finished
    await expect(setzeStatusDirekt(t, id, 'abgeschlossen')).rejects.toMatchObject({ cause: expect.objectContaining({ hint: 'AUSSONDERUNG_NICHT_ABSCHLIESSBAR' }) });

    await arbeiteAlles(app, t);
    expect(await stand(app, id, anna)).toMatchObject({ status: 'abgeschlossen', vernichtungsstand: { vernichtet: 2, ausstehend: 0, gesperrt: 0, protokoll: true } });
    expect((await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna })).statusCode).toBe(200);
    // run again (a retry after a lost worker): nothing changes
    await arbeiteAlles(app, t);
    expect((await stand(app, id, anna)).status).toBe('abgeschlossen');
  });

  it('a destruction job that runs again after its work is done (a worker taken for dead) changes nothing and does not block the protocol', async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const { id, akten, anna } = await freigegeben(app, t, 2);
    await arbeiteAlles(app, t);
    expect((await stand(app, id, anna)).status).toBe('abgeschlossen');
    // the same job once more, after everything is done
    const m = await mandantId(t);
    await ownerDb().withMandant(m, (tx) =>
      legeAuftraegeAn(tx, [{ art: 'vernichtung', mandantId: m, aussonderungId: id, akteId: akten[0]!.id, akteur: { sub: 'bernd', name: 'bernd', rollen: ['registratur'], client: null } }]),
    );
    await arbeiteAlles(app, t);
    const ende = await stand(app, id, anna);
    expect(ende).toMatchObject({ status: 'abgeschlossen', vernichtungsstand: { vernichtet: 2, ausstehend: 0, gesperrt: 0, protokoll: true } });
    expect(ende.objekte.map((o: { loeschung: string }) => o.loeschung)).toEqual(['erledigt', 'erledigt']);
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtung.abgebrochen')).toEqual([]);
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtet')).toHaveLength(2);
    // and it is done, not retried for ever
    expect(await offeneAuftraege(m)).toEqual([]);
  });

  it('storage refusing the deletion (object lock retention): the object waits and is retried, no protocol before it is gone', async () => {
    const { app } = await baue({ inhalte: gesperrterSpeicher(2) });
    const t = await neuerMandant();
    const { id, anna, dateien } = await freigegeben(app, t, 1);
    await arbeiteEinmal(app, t);
    await arbeiteEinmal(app, t);
    const wartet = await stand(app, id, anna);
    expect(wartet).toMatchObject({ status: 'vernichtung_ausstehend', vernichtungsstand: { vernichtet: 0, ausstehend: 1, gesperrt: 0, protokoll: false } });
    expect(wartet.objekte[0]).toMatchObject({ status: 'bewertet', loeschung: 'ausstehend', loeschVersuche: 2, loeschFehler: expect.stringMatching(/verweigert/) });
    expect(await testSpeicher().stat(dateien[0]!.schluessel)).not.toBeNull();
    await expect(setzeStatusDirekt(t, id, 'abgeschlossen')).rejects.toMatchObject({ cause: expect.objectContaining({ hint: 'AUSSONDERUNG_NICHT_ABSCHLIESSBAR' }) });

    await arbeiteAlles(app, t);
    expect(await stand(app, id, anna)).toMatchObject({ status: 'abgeschlossen', vernichtungsstand: { vernichtet: 1, ausstehend: 0, gesperrt: 0, protokoll: true } });
    expect(await testSpeicher().stat(dateien[0]!.schluessel)).toBeNull();
  });

  it('a hold placed after the approval wins: the process says which object waits and is not abgeschlossen', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const { id, anna, akten } = await freigegeben(app, t, 2);
    const sperre = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Klage', grund: 'VG Weimar', akten: [akten[1]!.id] } });
    expect(sperre.statusCode).toBe(201);
    await arbeiteAlles(app, t);
    const s = await stand(app, id, anna);
    expect(s).toMatchObject({ status: 'vernichtung_ausstehend', vernichtungsstand: { vernichtet: 1, ausstehend: 0, gesperrt: 1 } });
    expect(s.objekte.find((o: { akteId: string }) => o.akteId === akten[1]!.id)).toMatchObject({ status: 'bewertet', loeschung: 'gesperrt', loeschFehler: 'LOESCHSPERRE' });
    await expect(setzeStatusDirekt(t, id, 'abgeschlossen')).rejects.toMatchObject({ cause: expect.objectContaining({ hint: 'AUSSONDERUNG_NICHT_ABSCHLIESSBAR' }) });
    const liste = await app.inject({ method: 'GET', url: '/api/v1/aussonderungen?status=vernichtung_ausstehend', headers: anna });
    expectContract(liste, 'listAussonderungen');
    expect(liste.json().items.map((x: { id: string }) => x.id)).toEqual([id]);
  });

  it('the hold released, the stopped destruction goes on: the object is destroyed, a Nachtrag to the protocol names it, the process is abgeschlossen', async () => {
    const { app, ereignisse } = await baue();
    const t = await neuerMandant();
    const { id, anna, akten, dateien } = await freigegeben(app, t, 2);
    const sperre = (await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Klage', grund: 'VG Weimar', akten: [akten[1]!.id] } })).json();
    await arbeiteAlles(app, t);
    const gehalten = await stand(app, id, anna);
    expect(gehalten).toMatchObject({ status: 'vernichtung_ausstehend', vernichtungsstand: { vernichtet: 1, gesperrt: 1, protokoll: true, nachtraege: 0 } });
    const erstesProtokoll = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna });
    expect(erstesProtokoll.statusCode).toBe(200);

    const frei = await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${sperre.id}?grund=Verfahren%20beendet`, headers: anna });
    expect(frei.statusCode).toBe(200);
    // the release itself queues the destruction again; it waits for the job, not for anyone's click
    expect(await stand(app, id, anna)).toMatchObject({ status: 'vernichtung_ausstehend', vernichtungsstand: { vernichtet: 1, ausstehend: 1, gesperrt: 0 } });
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtung.fortgesetzt')).toEqual([
      expect.objectContaining({ objektId: akten[1]!.id, details: expect.objectContaining({ aussonderungId: id, loeschsperreId: sperre.id }) }),
    ]);

    await arbeiteAlles(app, t);
    const ende = await stand(app, id, anna);
    expect(ende).toMatchObject({ status: 'abgeschlossen', vernichtungsstand: { vernichtet: 2, ausstehend: 0, gesperrt: 0, protokoll: true, nachtraege: 1 } });
    expect(ende.objekte.map((o: { status: string }) => o.status)).toEqual(['vernichtet', 'vernichtet']);
    for (const d of dateien) expect(await testSpeicher().stat(d.schluessel)).toBeNull();
    // destroyed by the approval of the second pair of eyes, not by whoever released the hold
    expect(ereignisse.filter((e) => e.aktion === 'akte.vernichtet').map((e) => e.details)).toEqual([
      expect.objectContaining({ freigegebenVon: 'bernd' }),
      expect.objectContaining({ freigegebenVon: 'bernd' }),
    ]);
    // the protocol stays as it was; the Nachtrag names the object destroyed after it
    const wieder = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf`, headers: anna });
    expect(wieder.rawPayload.equals(erstesProtokoll.rawPayload)).toBe(true);
    const nachtrag = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf?nachtrag=1`, headers: anna });
    expect(nachtrag.statusCode).toBe(200);
    expect(nachtrag.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(nachtrag.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Nachtrag 1 zum Vernichtungsprotokoll');
    expect(text).toContain(gehalten.objekte.find((o: { akteId: string }) => o.akteId === akten[1]!.id).aktenzeichen);
    expect(text).not.toContain(gehalten.objekte.find((o: { akteId: string }) => o.akteId === akten[0]!.id).aktenzeichen);
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf?nachtrag=2`, headers: anna }), 404, 'NICHT_GEFUNDEN');
    expect(ereignisse.filter((e) => e.aktion === 'aussonderung.vernichtungsprotokoll.nachtrag')).toEqual([expect.objectContaining({ details: expect.objectContaining({ nr: 1, objekte: 1 }) })]);
  });

  it('a destroyed object that no protocol names keeps the process from abgeschlossen, in the database', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const { id, anna, akten } = await freigegeben(app, t, 2);
    const sperre = (await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Klage', grund: 'VG Weimar', akten: [akten[1]!.id] } })).json();
    await arbeiteAlles(app, t);
    // the hold released and the object destroyed behind the service's back: no Nachtrag names it
    const m = await mandantId(t);
    await ownerDb().withMandant(m, async (tx) => {
      await tx.execute(sql`UPDATE aussonderung.loeschsperre SET aufgehoben_am = now(), aufgehoben_von = 'hand', aufhebungsgrund = 'Test' WHERE id = ${sperre.id}`);
      await tx.execute(
        sql`UPDATE aussonderung.aussonderung_objekt SET status = 'vernichtet', loeschung = 'erledigt', loesch_fehler = NULL, inhalt_geloescht_am = now() WHERE aussonderung_id = ${id} AND akte_id = ${akten[1]!.id}`,
      );
    });
    await expect(setzeStatusDirekt(t, id, 'abgeschlossen')).rejects.toMatchObject({ cause: expect.objectContaining({ hint: 'AUSSONDERUNG_NICHT_ABSCHLIESSBAR' }) });
    expect((await stand(app, id, anna)).status).toBe('vernichtung_ausstehend');
  });

  it('the database refuses abgeschlossen for a process whose objects are merely appraised', async () => {
    const { app } = await baue();
    const t = await neuerMandant();
    const b = await bestand(t, { akten: 1, vorgaenge: 1 });
    const anna = await auth(t, 'registratur', 'anna');
    const id: string = (await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: [b.akten[0]!.id] } })).json().id;
    await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: anna, payload: { ...archivschreiben, bewertungen: { [b.akten[0]!.id]: 'V' } } });
    const verweigert = await setzeStatusDirekt(t, id, 'abgeschlossen').catch((e: unknown) => e);
    expect(verweigert).toMatchObject({ cause: expect.objectContaining({ hint: 'AUSSONDERUNG_NICHT_ABSCHLIESSBAR' }) });
    // should a request ever reach the refusal, it answers as the rule's conflict, not as a 500
    expect(toProblem(verweigert as never)).toMatchObject({ status: 409, code: 'AUSSONDERUNG_NICHT_ABSCHLIESSBAR', detail: expect.stringContaining('ist nicht abgeschlossen') });
    expect((await stand(app, id, anna)).status).toBe('bewertet');
  });
});
