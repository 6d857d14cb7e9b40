import type { Handlers } from '@eakte/platform';

/** All handlers of the Dokumente service, keyed by operationId. */
export function dokumenteHandlers(): Handlers {
  return {};
}
