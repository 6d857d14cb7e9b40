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

/**
 * The path of a probe for `id`: further placeholders (a version number) get a value that exists for
 * the object, required query parameters (the grund of a release) a value, so only the id may be wrong.
 */
export function probePfad(op: OperationRef & { path: string }, id: string): string {
  const query = ((op.operation.parameters ?? []) as { name?: string; in?: string; required?: boolean }[]).filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=Probe`);
  // a rendition's kind (the one path parameter with fixed values) takes a real one
  const pfad = op.path.replace('{id}', id).replace('{nr}', '1').replace('{art}', 'pdfa_ocr');
  return `${pfad}${query.length ? `?${query.join('&')}` : ''}`;
}
