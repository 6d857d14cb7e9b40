// Validates responses against the response schemas of the bundled contract (JSON Schema 2020-12).
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import type { OpenApiDocument } from '@eakte/platform';
import { operations } from '@eakte/platform';

const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function resolve(doc: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

export function contractValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (formatsPlugin as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ ...doc, $id: 'contract' } as never, 'contract');
  const byId = new Map(operations(doc).map((o) => [o.operationId, o]));

  return {
    /** Errors of a JSON request body against the operation's request schema ([] when valid). */
    requestBody(operationId: string, body: unknown): string[] {
      const op = byId.get(operationId);
      if (!op) return [`unknown operation ${operationId}`];
      let base = `#/paths/${escape(op.path)}/${op.method}/requestBody`;
      let rb = op.operation.requestBody as { $ref?: string; content?: Record<string, unknown> } | undefined;
      while (rb?.$ref) {
        base = rb.$ref;
        rb = resolve(doc, rb.$ref) as typeof rb;
      }
      if (!rb?.content?.['application/json']) return [`${operationId} takes no JSON body`];
      const validate = ajv.getSchema(`contract${base}/content/application~1json/schema`);
      if (!validate) return [`no request schema for ${operationId}`];
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    },

    validate(operationId: string, status: number, contentType: string | undefined, body: string): string[] {
      const op = byId.get(operationId);
      if (!op) return [`unknown operation ${operationId}`];
      const responses = (op.operation.responses ?? {}) as Record<string, { content?: Record<string, { schema?: unknown }> }>;
      const key = String(status) in responses ? String(status) : `${String(status)[0]}XX` in responses ? `${String(status)[0]}XX` : 'default';
      let base = `#/paths/${escape(op.path)}/${op.method}/responses/${key}`;
      let response = responses[key] as ({ $ref?: string } & (typeof responses)[string]) | undefined;
      while (response?.$ref) {
        base = response.$ref;
        response = resolve(doc, response.$ref) as typeof response;
      }
      if (!response) return [`status ${status} is not documented for ${operationId}`];
      if (!response.content) return body === '' ? [] : [`status ${status} of ${operationId} has no documented body`];
      const mediaType = (contentType ?? '').split(';')[0]!.trim();
      // a documented range (`image/*`, `*/*`) covers every concrete type in it
      const documented = [mediaType, `${mediaType.split('/')[0]}/*`, '*/*'].find((t) => t in response.content!);
      if (!documented) return [`content type ${mediaType} not documented for ${operationId} ${status}`];
      if (documented !== mediaType) return [];
      if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) return [];
      const pointer = `contract${base}/content/${escape(mediaType)}/schema`;
      const validate = ajv.getSchema(pointer);
      if (!validate) return [`no schema at ${pointer}`];
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return ['body is not JSON'];
      }
      return validate(parsed) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    },
  };
}
