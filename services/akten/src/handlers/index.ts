import type { VertragsHandlers } from '@eakte/platform';
import type { Dienste } from '../services/index.js';
import { aktenHandlersFuer } from './akten.js';
import { aktenplanHandlers } from './aktenplan.js';
import { geschaeftsgangHandlers } from './geschaeftsgang.js';
import { mandantenHandlers } from './mandanten.js';

/** All handlers of the Akten service, keyed by operationId. */
export function aktenHandlers(dienste: Dienste) {
  return { ...aktenplanHandlers(dienste), ...aktenHandlersFuer(dienste), ...geschaeftsgangHandlers(dienste), ...mandantenHandlers(dienste) } satisfies VertragsHandlers;
}
