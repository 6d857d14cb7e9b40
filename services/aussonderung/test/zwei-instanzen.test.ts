// Two instances of the service on one database, both working the job queue at the same time: each
// destruction job and the Vernichtungsprotokoll run exactly once between them (counted: storage
// deletions, audit events). Each works only the test's tenant's jobs (other test files share the queue).
import { LoeschungVerweigert } from '@eakte/storage';
import { berichte } from '@eakte/testing';
import { setTimeout as warte } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { inhalteAusDokumenten } from '../src/services/inhalte.js';
import type { InhaltDatei } from '../src/services/ports.js';
import { archivschreiben, arbeiteEinmal, arbeiteGleichzeitig, auth, bestand, baue, dokument, mandantId, neuerMandant, offeneAuftraege, testSpeicher } from './hilfen.js';

describe('two instances', { timeout: 90_000 }, () => {
  it('run each destruction job and the protocol exactly once between them', async (context) => {
    const echt = inhalteAusDokumenten(testSpeicher());
    const entfernt: { instanz: string; schluessel: string[] }[] = [];
    const zaehlend = (instanz: string) => ({
      ...echt,
      async entferne(dateien: readonly InhaltDatei[]) {
        entfernt.push({ instanz, schluessel: dateien.map((d) => d.schluessel) });
        await echt.entferne(dateien);
      },
    });
    const [a, b] = await Promise.all([baue({ inhalte: zaehlend('a') }), baue({ inhalte: zaehlend('b') })]);
    const t = await neuerMandant();
    const N = 8;
    const best = await bestand(t, { akten: N, vorgaenge: 1 });
    for (const akte of best.akten) await dokument(t, akte.vorgaenge[0]!, 'Bescheid', [{ dateiname: 'Bescheid.txt', mimeType: 'text/plain', inhalt: `Bescheid ${akte.id}` }]);
    const anna = await auth(t, 'registratur', 'anna');
    const bernd = await auth(t, 'registratur', 'bernd');
    const id: string = (await a.app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: best.akten.map((x) => x.id) } })).json().id;
    const bewertungen = Object.fromEntries(best.akten.map((x) => [x.id, 'V']));
    expect((await a.app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: anna, payload: { ...archivschreiben, bewertungen } })).statusCode).toBe(200);
    expect((await b.app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna })).statusCode).toBeLessThan(300);
    expect((await a.app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: bernd })).statusCode).toBe(200);

    const m = await mandantId(t);
    const ereignisse = () => [...a.ereignisse, ...b.ereignisse];
    const fertig = async () => ereignisse().some((e) => e.aktion === 'aussonderung.vernichtungsprotokoll.erstellt') && (await offeneAuftraege(m)).length === 0;
    // both instances work the queue at once, round after round, until the protocol is written
    const ende = Date.now() + 60_000;
    const laufe = async (app: typeof a.app) => {
      while (Date.now() < ende && !(await fertig())) {
        await arbeiteGleichzeitig(app, t);
        await warte(100);
      }
    };
    await Promise.all([laufe(a.app), laufe(b.app), laufe(a.app), laufe(b.app)]);
    // one more round each: nothing is left to run twice
    expect(await arbeiteEinmal(a.app, t)).toBe(0);
    expect(await arbeiteEinmal(b.app, t)).toBe(0);
    const stand = (await a.app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna })).json();
    expect(stand).toMatchObject({ status: 'abgeschlossen', fortschritt: { schritt: 'vernichtung', erledigt: N, gesamt: N } });
    const vernichtet = ereignisse()
      .filter((e) => e.aktion === 'akte.vernichtet')
      .map((e) => e.objektId);
    expect(vernichtet.sort()).toEqual(best.akten.map((x) => x.id).sort());
    expect(ereignisse().filter((e) => e.aktion === 'aussonderung.vernichtungsprotokoll.erstellt')).toHaveLength(1);
    expect(entfernt).toHaveLength(N);
    expect(new Set(entfernt.flatMap((e) => e.schluessel)).size).toBe(N);
    const jeInstanz = ['a', 'b'].map((i) => entfernt.filter((e) => e.instanz === i).length);
    berichte(context, 'two Aussonderung instances, one queue', `${N} destruction jobs (a/b: ${jeInstanz.join('/')}) and 1 Vernichtungsprotokoll, each exactly once`);
  });

  it('with storage refusing deletions and the first write of the protocol failing: abgeschlossen only after the one protocol', async () => {
    const echt = inhalteAusDokumenten(testSpeicher());
    const verweigert = new Set<string>();
    const entfernt: string[] = [];
    // each file refused once, as under an object lock retention that runs out
    const inhalte = {
      ...echt,
      async entferne(dateien: readonly InhaltDatei[]) {
        const neu = dateien.find((d) => !verweigert.has(d.schluessel));
        if (neu) {
          verweigert.add(neu.schluessel);
          throw new LoeschungVerweigert(neu.schluessel, [{ code: 'AccessDenied' }]);
        }
        entfernt.push(...dateien.map((d) => d.schluessel));
        await echt.entferne(dateien);
      },
    };
    const speicher = testSpeicher();
    let protokollFehler = 1;
    const storage = Object.assign(Object.create(speicher) as typeof speicher, {
      async put(...args: Parameters<typeof speicher.put>) {
        if (args[0].includes('vernichtungsprotokoll') && protokollFehler-- > 0) throw new Error('S3 nicht erreichbar (Testfehler)');
        return speicher.put(...args);
      },
    });
    const [a, b] = await Promise.all([baue({ inhalte, storage }), baue({ inhalte, storage })]);
    const t = await neuerMandant();
    const N = 4;
    const best = await bestand(t, { akten: N, vorgaenge: 1 });
    for (const akte of best.akten) await dokument(t, akte.vorgaenge[0]!, 'Bescheid', [{ dateiname: 'Bescheid.txt', mimeType: 'text/plain', inhalt: `Bescheid ${akte.id}` }]);
    const anna = await auth(t, 'registratur', 'anna');
    const id: string = (await a.app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: best.akten.map((x) => x.id) } })).json().id;
    const bewertungen = Object.fromEntries(best.akten.map((x) => [x.id, 'V']));
    expect((await a.app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: anna, payload: { ...archivschreiben, bewertungen } })).statusCode).toBe(200);
    expect((await b.app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna })).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: await auth(t, 'registratur', 'bernd') })).statusCode).toBe(200);

    const m = await mandantId(t);
    const ereignisse = () => [...a.ereignisse, ...b.ereignisse];
    const gesehen: { status: string; protokoll: boolean | undefined }[] = [];
    const ende = Date.now() + 60_000;
    const laufe = async (app: typeof a.app) => {
      while (Date.now() < ende) {
        const s = (await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}`, headers: anna })).json();
        gesehen.push({ status: s.status, protokoll: s.vernichtungsstand?.protokoll });
        if (s.status === 'abgeschlossen' && (await offeneAuftraege(m)).length === 0) return;
        // a refused or failed job waits for its retry: make it due, as the back-off would
        await arbeiteEinmal(app, t);
        await warte(50);
      }
    };
    await Promise.all([laufe(a.app), laufe(b.app)]);
    expect(gesehen.at(-1)!.status).toBe('abgeschlossen');
    expect(gesehen.filter((g) => g.status === 'abgeschlossen').every((g) => g.protokoll === true)).toBe(true);
    expect(gesehen.some((g) => g.status === 'vernichtung_ausstehend')).toBe(true);
    expect(ereignisse().filter((e) => e.aktion === 'aussonderung.vernichtungsprotokoll.erstellt')).toHaveLength(1);
    expect(ereignisse().filter((e) => e.aktion === 'akte.vernichtet')).toHaveLength(N);
    expect(entfernt.sort()).toEqual([...verweigert].sort());
  });
});
