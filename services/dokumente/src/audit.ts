import type { Protokollierer } from '@eakte/platform';

// INTEGRATION: replace with @eakte/audit
/** Temporary stand-in until the audit package is merged: records nothing. */
export const protokolliereVorlaeufigNichts: Protokollierer = async () => {};
