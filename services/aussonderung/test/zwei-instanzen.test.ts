// Two instances of the service on one database, both working the job queue at the same time: each
// destruction job and the Vernichtungsprotokoll run exactly once between them (counted: storage
// deletions, audit events). Each works only the test's tenant's jobs (other test files share the queue).
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
});
