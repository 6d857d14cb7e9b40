// Protection every HTTP entry point shares: security headers and rate limits (429 with Retry-After).
import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { problem } from './errors.js';

export const schutzConfig = {
  /** Requests per window per bearer token (or per client IP without a token); 0 switches limits off. */
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
};

export interface SchutzOptions {
  rateLimitMax: number;
  rateLimitWindowMs: number;
}

/** Token holders are limited per token, everyone else per IP; a token is never kept in clear. */
function schluessel(req: FastifyRequest): string {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.length > 0) return `t:${createHash('sha256').update(auth).digest('base64url').slice(0, 32)}`;
  return `ip:${req.ip}`;
}

export const schutzPlugin = fp(
  async (app: FastifyInstance, opts: SchutzOptions) => {
    await app.register(helmet, { global: true });
    if (opts.rateLimitMax > 0) {
      await app.register(rateLimit, {
        global: false,
        max: opts.rateLimitMax,
        timeWindow: opts.rateLimitWindowMs,
        keyGenerator: schluessel,
        errorResponseBuilder: (_req, ctx) => {
          const p = problem(429, 'ZU_VIELE_ANFRAGEN', `Zu viele Anfragen; erneut möglich in ${Math.ceil(ctx.ttl / 1000)} s`);
          return Object.assign(new Error(p.detail), { statusCode: 429, code: p.code });
        },
      });
      // A global onRequest hook runs before the routes' own onRequest hooks (authentication), so
      // rejected token guesses are counted too.
      app.addHook('onRequest', app.rateLimit());
    }
  },
  { name: 'schutz', dependencies: ['errors'] },
);
