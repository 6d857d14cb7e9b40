// Ties a service's job runner to its Fastify app: it starts when the app is ready, stops (letting running
// jobs finish) when the app closes, which the platform's shutdown on SIGTERM does, and shows its queues in /health.
import type {} from '@eakte/platform'; // its declaration of app.healthChecks
import type { FastifyInstance } from 'fastify';
import type { Auftragslauf } from './lauf.js';

export function verbindeMitDienst(app: FastifyInstance, lauf: Auftragslauf): void {
  app.addHook('onReady', async () => lauf.start());
  app.addHook('onClose', async () => lauf.stop());
  // queue depth and the age of the oldest waiting job per task
  app.healthChecks.set('auftraege', async () => ({ aufgaben: await lauf.kennzahlen() }));
}
