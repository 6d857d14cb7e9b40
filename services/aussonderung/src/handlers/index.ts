import type { Handlers } from '@eakte/platform';

/** All handlers of the Aussonderung service, keyed by operationId. */
export function aussonderungHandlers(): Handlers {
  return {};
}
