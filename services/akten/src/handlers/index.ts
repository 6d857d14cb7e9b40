import type { Handlers } from '@eakte/platform';
import type { AktenplanRepository } from '../repositories/aktenplan.js';
import { aktenplanHandlers } from './aktenplan.js';

export interface AktenRepositories {
  aktenplan: AktenplanRepository;
}

/** All handlers of the Akten service, keyed by operationId. */
export function aktenHandlers(repos: AktenRepositories): Handlers {
  return { ...aktenplanHandlers(repos.aktenplan) } as Handlers;
}
