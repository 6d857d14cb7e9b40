import type { Handlers } from '@eakte/platform';

/** All handlers of the Protokoll service, keyed by operationId. */
export function protokollHandlers(): Handlers {
  return {};
}
