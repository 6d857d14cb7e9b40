// Periodic checkpoints run by the job runner: two instances of the service on one database write one
// round per interval between them (the timer they replace ran one round per instance), never two at once,
// and /health shows the queue.
import { testMandant } from '@eakte/testing';
import { describe, expect, it, vi } from 'vitest';
import { AUFGABE_CHECKPOINTS } from '../src/app.js';
import { bauen, nEreignisse, testDienst } from './helpers.js';

// every service instance's rounds, counted where the runner calls them
const zaehler = vi.hoisted(() => ({ runden: [] as { instanz: number; zeit: number }[], gleichzeitig: 0, hoechstens: 0, instanzen: 0 }));
vi.mock('../src/pruefung.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/pruefung.js')>();
  return {
    ...original,
    createProtokollDienst: (...args: Parameters<typeof original.createProtokollDienst>) => {
      const dienst = original.createProtokollDienst(...args);
      const instanz = ++zaehler.instanzen;
      const periodisch = dienst.periodisch.bind(dienst);
      dienst.periodisch = async () => {
        zaehler.runden.push({ instanz, zeit: Date.now() });
        zaehler.hoechstens = Math.max(zaehler.hoechstens, ++zaehler.gleichzeitig);
        try {
          return await periodisch();
        } finally {
          zaehler.gleichzeitig--;
        }
      };
      return dienst;
    },
  };
});

describe('periodic checkpoints on the job runner', () => {
  it('two instances run each round once, and the tenant whose chain moved gets one checkpoint', async () => {
    const m = await testMandant();
    await nEreignisse(m.id, 3);
    const [a, b] = await Promise.all([bauen({ PROTOKOLL_CHECKPOINT_INTERVALL: '1' }), bauen({ PROTOKOLL_CHECKPOINT_INTERVALL: '1' })]);
    const health = await a!.inject({ method: 'GET', url: '/health' });
    expect(health.json().checks.auftraege).toMatchObject({ status: 'ok', details: { aufgaben: [expect.objectContaining({ aufgabe: AUFGABE_CHECKPOINTS })] } });

    // three rounds, however slow the machine; then at most one round per second between both (each
    // instance on its own timer would give two)
    await vi.waitFor(() => expect(zaehler.runden.length).toBeGreaterThanOrEqual(3), { timeout: 25_000, interval: 100 });
    await Promise.all([a!.close(), b!.close()]);
    const sekunden = (zaehler.runden.at(-1)!.zeit - zaehler.runden[0]!.zeit) / 1000;
    expect(zaehler.runden.length).toBeLessThanOrEqual(Math.floor(sekunden) + 2);
    expect(zaehler.hoechstens).toBe(1);
    const { repo } = testDienst();
    expect(await repo.checkpoints(m.id, 10)).toHaveLength(1);
  });
});
