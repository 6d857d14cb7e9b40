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
}
