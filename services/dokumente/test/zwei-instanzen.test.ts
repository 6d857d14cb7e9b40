// Two instances of the service on one database and one store: the storage sweep (and so every
// periodic task of the job runner) runs once per round across both, not once per instance.
import type { ObjectStore } from '@eakte/storage';
import { setTimeout as warte } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { baueApp, speicher } from './hilfen.js';

describe('two instances', { timeout: 60_000 }, () => {
  it('sweep the store once per round between them', async () => {
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
    // the first round may wait for a round another test left planned
    for (let i = 0; i < 150 && runden.length === 0; i++) await warte(100);
    const ab = runden.length;
    await warte(5_300);
    const imFenster = runden.length - ab;
    // one round a second: at most 6 in 5.3 s; each instance sweeping on its own would give up to 12
    expect(imFenster).toBeGreaterThanOrEqual(2);
    expect(imFenster).toBeLessThanOrEqual(6);
  });
});
