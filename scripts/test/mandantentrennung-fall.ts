// Shared by the tenant-isolation probe against each service (app.inject) and the one through the
// gateway on its socket (scripts/aussen/mandantentrennung.test.ts).
import type { OperationRef } from '@eakte/platform';

/** An id no tenant has. */
export const MISSING = '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a';

/** The contract's example body of `op` (JSON only), so the probe gets past body validation to the lookup. */
export function beispielBody(op: OperationRef): unknown {
  const body = op.operation.requestBody as { content?: Record<string, { example?: unknown; examples?: Record<string, { value?: unknown }> }> } | undefined;
  const json = body?.content?.['application/json'];
  if (!json) return undefined;
  return json.example ?? (json.examples ? Object.values(json.examples)[0]?.value : undefined) ?? {};
}
