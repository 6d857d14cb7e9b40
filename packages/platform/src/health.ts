// Liveness and readiness: /health answers 200 only when every registered dependency answers.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { problem, sendProblem } from './errors.js';

/**
 * Resolves when the dependency answers; a string or an object it resolves with is shown as the check's detail.
 * An object with a `hinweis` is a finding that needs an operator but no failover (a rolled-back audit
 * trail): /health stays 200 and lists it under `hinweise`.
 */
export type HealthCheck = () => Promise<unknown>;

declare module 'fastify' {
  interface FastifyInstance {
    healthChecks: Map<string, HealthCheck>;
  }
}

const CHECK_TIMEOUT_MS = 3_000;

/**
 * Thrown by a check whose dependency works but lags (a backlog above its limit): /health still
 * answers 200, with status `degradiert`, so the instance stays in rotation while operators see it.
 */
export class Beeintraechtigt extends Error {
  constructor(
    message: string,
    readonly details: object,
  ) {
    super(message);
  }
}

async function runCheck(check: HealthCheck): Promise<{ status: 'ok' | 'degradiert' | 'fehler'; detail?: string; details?: object }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const wert = await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`keine Antwort nach ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    // a check may report what it found (a scanner's signature version; the job queues' depth and age)
    if (typeof wert === 'string' && wert) return { status: 'ok', detail: wert };
    if (typeof wert === 'object' && wert !== null) return { status: 'ok', details: wert };
    return { status: 'ok' };
  } catch (err) {
    if (err instanceof Beeintraechtigt) return { status: 'degradiert', detail: err.message, details: err.details };
    return { status: 'fehler', detail: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

export const healthPlugin = fp(
  async (app: FastifyInstance, opts: { service: string }) => {
    app.decorate('healthChecks', new Map<string, HealthCheck>());
    app.get('/health/live', async () => ({ status: 'ok', service: opts.service }));
    app.get('/health', async (_req, reply) => {
      const entries = await Promise.all([...app.healthChecks].map(async ([name, check]) => [name, await runCheck(check)] as const));
      const checks = Object.fromEntries(entries);
      const hinweise = entries.flatMap(([name, r]) => {
        const h = (r.details as { hinweis?: unknown } | undefined)?.hinweis;
        return typeof h === 'string' && h ? [`${name}: ${h}`] : [];
      });
      const failed = entries.filter(([, r]) => r.status === 'fehler').map(([n]) => n);
      if (!failed.length) return { status: entries.some(([, r]) => r.status === 'degradiert') ? 'degradiert' : 'ok', service: opts.service, checks, ...(hinweise.length ? { hinweise } : {}) };
      return sendProblem(reply, problem(503, 'DIENST_NICHT_VERFUEGBAR', `Nicht erreichbar: ${failed.join(', ')}`, { service: opts.service, checks }));
    });
  },
  { name: 'health' },
);
