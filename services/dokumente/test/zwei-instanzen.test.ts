// Two instances of the service on one database and one store: the storage sweep (and so every
// periodic task of the job runner) runs once per round across both, not once per instance, and each
// job (text extraction, object lock) is worked by one of them, once; /health shows the queue.
import type { ObjectStore } from '@eakte/storage';
import { setTimeout as warte } from 'node:timers/promises';
import { schema } from '@eakte/db';
import { berichte } from '@eakte/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { baueApp, bis, lade, neuerMandant, neuerVorgang, offeneAuftraege, ownerDb, speicher } from './hilfen.js';

describe('two instances', { timeout: 60_000 }, () => {
  it('sweep the store once per round between them', { timeout: 120_000 }, async () => {
    const runden: number[] = [];
    const echt = speicher();
    // a round of the storage sweep lists the store once
    const zaehlend: ObjectStore = Object.assign(Object.create(echt) as ObjectStore, {
      list: (prefix: string) => {
        runden.push(Date.now());
        return echt.list(prefix);
      },
    });
    const instanzen = { storage: zaehlend, dokumente: { DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: 1 } };
    await Promise.all([baueApp(instanzen), baueApp(instanzen)]);
    // the first round may wait for a round another test left planned, or left locked by an instance it
    // killed (kill-9, abbruch): the job runner frees a dead worker's lock after 60 s without heartbeat
    for (let i = 0; i < 800 && runden.length === 0; i++) await warte(100);
    const ab = runden.length;
    await warte(5_300);
    const imFenster = runden.length - ab;
    // one round a second: at most 6 in 5.3 s; each instance sweeping on its own would give up to 12
    expect(imFenster).toBeGreaterThanOrEqual(2);
    expect(imFenster).toBeLessThanOrEqual(6);
  });

  it('work each text-extraction and object-lock job exactly once between them', async (context) => {
    const echt = speicher();
    const gelesen = new Map<string, string[]>();
    const gesperrt = new Map<string, string[]>();
    const m = await neuerMandant();
    const merke = (karte: Map<string, string[]>, key: string, instanz: string) => {
      if (key.startsWith(`${m.id}/`)) karte.set(key, [...(karte.get(key) ?? []), instanz]);
    };
    // reads (text extraction) and locks (object lock, recorded: no test server implements it) per instance
    const zaehlend = (instanz: string): ObjectStore =>
      Object.assign(Object.create(echt) as ObjectStore, {
        get: (key: string, range?: never) => {
          merke(gelesen, key, instanz);
          return echt.get(key, range);
        },
        setzeSperre: async (key: string) => {
          merke(gesperrt, key, instanz);
        },
      });
    const mit = (instanz: string) => ({ storage: zaehlend(instanz), overrides: { S3_OBJECT_LOCK: 'governance' } });
    const [a, b] = await Promise.all([baueApp(mit('a')), baueApp(mit('b'))]);
    const v = await neuerVorgang(m.id);
    const N = 12;
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const res = await lade(i % 2 ? b : a, m, v.vorgangId, { name: `vermerk-${i}.txt`, type: 'text/plain', inhalt: Buffer.from(`Vermerk Nummer ${i} über die Ortsbegehung`) });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const volltext = async () => (await ownerDb().withMandant(m.id, (tx) => tx.select().from(schema.volltext))).filter((r) => r.status === 'extrahiert');
    const fertig = async () => (await volltext()).length === N && (await offeneAuftraege(m.id)).length === 0 && (await offeneAuftraege(m.id, 'objektsperre')).length === 0;
    // both instances work the queue at once (two workers each), round after round; only the test's
    // tenant's jobs (other test files share the queue)
    const ende = Date.now() + 30_000;
    const laufe = async (t: typeof a) => {
      while (Date.now() < ende && !(await fertig())) {
        await t.arbeite(m.id);
        await warte(100);
      }
    };
    await Promise.all([laufe(a), laufe(b), laufe(a), laufe(b)]);
    expect(await fertig()).toBe(true);
    expect((await volltext()).map((r) => r.dokumentId).sort()).toEqual([...ids].sort());
    expect(gelesen.size).toBe(N);
    expect([...gelesen.values()].filter((x) => x.length !== 1)).toEqual([]);
    expect(gesperrt.size).toBe(N);
    expect([...gesperrt.values()].filter((x) => x.length !== 1)).toEqual([]);
    const jeInstanz = (karte: Map<string, string[]>) => ['a', 'b'].map((i) => [...karte.values()].flat().filter((x) => x === i).length);
    berichte(
      context,
      'two Dokumente instances, one queue',
      `${N} uploads: ${N} text extractions (a/b: ${jeInstanz(gelesen).join('/')}), ${N} object locks (a/b: ${jeInstanz(gesperrt).join('/')}), each exactly once`,
    );
  });

  it('report the queue depth and the oldest job’s wait in /health', async () => {
    const echt = speicher();
    const m = await neuerMandant();
    let freigeben!: () => void;
    const frei = new Promise<void>((r) => (freigeben = r));
    // the tenant's reads hang until released: both job slots stay busy, the third job waits
    const haengend: ObjectStore = Object.assign(Object.create(echt) as ObjectStore, {
      get: async (key: string, range?: never) => {
        if (key.startsWith(`${m.id}/`)) await frei;
        return echt.get(key, range);
      },
    });
    const t = await baueApp({ storage: haengend, dokumente: { DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: 1 } });
    onTestFinished(() => freigeben());
    const v = await neuerVorgang(m.id);
    for (let i = 0; i < 3; i++) await lade(t, m, v.vorgangId, { name: `n${i}.txt`, type: 'text/plain', inhalt: Buffer.from(`Notiz ${i}`) });
    const kennzahl = async () => {
      const res = await t.app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode, res.body).toBe(200);
      const aufgaben = res.json().checks.auftraege.details.aufgaben as { aufgabe: string; wartend: number; laufend: number; aeltesterWartetSekunden: number }[];
      return aufgaben.find((x) => x.aufgabe === 'textextraktion')!;
    };
    await bis(async () => {
      const k = await kennzahl();
      return k.laufend >= 2 && k.wartend >= 1 && k.aeltesterWartetSekunden >= 2;
    }, 15_000);
    freigeben();
    await bis(async () => (await offeneAuftraege(m.id)).length === 0, 15_000);
  });
});
