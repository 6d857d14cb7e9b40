import type { Handlers } from '@eakte/platform';
import type { AktenplanRepository } from '../repositories/aktenplan.js';
import type { AktenService } from '../services/akten.js';
import { aktenHandlersFuer } from './akten.js';
import { aktenplanHandlers } from './aktenplan.js';
import type { MandantenRepository } from '../repositories/mandanten.js';
import { mandantenHandlers } from './mandanten.js';

export interface AktenRepositories {
  aktenplan: AktenplanRepository;
  mandanten: MandantenRepository;
  service: AktenService;
}

/** All handlers of the Akten service, keyed by operationId. */
export function aktenHandlers(repos: AktenRepositories): Handlers {
  return { ...aktenplanHandlers(repos.aktenplan, repos.service), ...aktenHandlersFuer(repos.service), ...mandantenHandlers(repos.mandanten) } as Handlers;
}
