// Ties a service's job runner to its Fastify app: it starts when the app is ready, stops (letting running
// jobs finish) when the app closes, which the platform's shutdown on SIGTERM does, and shows its queues in /health.
import type {} from '@eakte/platform'; // its declaration of app.healthChecks
import type { FastifyInstance } from 'fastify';
import type { Auftragslauf } from './lauf.js';

export function verbindeMitDienst(app: FastifyInstance, lauf: Auftragslauf): void {
  app.addHook('onReady', async () => lauf.start());
  app.addHook('onClose', async () => lauf.stop());
  // queue depth and the age of the oldest waiting job per task; jobs a dead instance left locked until a sweep frees them
  app.healthChecks.set('auftraege', async () => {
    lauf.pruefe();
    return { aufgaben: await lauf.kennzahlen(), verwaisteSperren: await lauf.verwaisteSperren() };
  });
  if (!app.hasDecorator('metriken')) return;
  // read at scrape time with the one grouped query /health uses: the job table holds only jobs not yet
  // done (graphile-worker deletes finished ones), so its size follows the backlog, not the number of records
  let stand: { zeit: number; werte: Promise<Awaited<ReturnType<Auftragslauf['kennzahlen']>>> } | undefined;
  const kennzahlen = () => {
    // both gauges of one scrape share one read
    if (!stand || Date.now() - stand.zeit > 1_000) stand = { zeit: Date.now(), werte: lauf.kennzahlen() };
    return stand.werte;
  };
  app.metriken.messwert({
    name: 'eakte_auftraege_jobs',
    help: 'Aufträge je Aufgabe und Zustand (wartend = fällig, geplant = später fällig, laufend, aufgegeben)',
    labelNames: ['aufgabe', 'zustand'],
    lies: async () => (await kennzahlen()).flatMap((k) => (['wartend', 'geplant', 'laufend', 'aufgegeben'] as const).map((zustand) => ({ labels: { aufgabe: k.aufgabe, zustand }, wert: k[zustand] }))),
  });
  app.metriken.messwert({
    name: 'eakte_auftraege_aeltester_wartend_seconds',
    help: 'Wie lange der älteste fällige Auftrag je Aufgabe schon wartet (0 = keiner)',
    labelNames: ['aufgabe'],
    lies: async () => (await kennzahlen()).map((k) => ({ labels: { aufgabe: k.aufgabe }, wert: k.aeltesterWartetSekunden })),
  });
  app.metriken.messwert({
    name: 'eakte_auftraege_verwaiste_sperren',
    help: 'Aufträge, die ein nicht mehr lebender Worker gesperrt hält, bis zur nächsten Räumung',
    lies: async () => [{ wert: await lauf.verwaisteSperren() }],
  });
}
