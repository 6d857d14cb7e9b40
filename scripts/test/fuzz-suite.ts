// The fuzz suite shared by scripts/test/fuzz.test.ts (services, inject) and
// scripts/aussen/fuzz.test.ts (gateway, socket): only the way a request is sent differs.
import { contract } from '@eakte/api-client/contract';
import { BERECHTIGUNGEN, operations, type OperationRef, type Rolle } from '@eakte/platform';
import { berichte, contractValidator } from '@eakte/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzAnfragen, type FuzzAnfrage } from './fuzz-generator.js';

export interface FuzzAntwort {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** For every operation: generated requests never get a 5xx, and every answer matches the contract. */
export function fuzzeJedeOperation(o: { titel: string; bericht: string; bearer: (rolle: Rolle) => Promise<string>; sende: (op: OperationRef, a: FuzzAnfrage) => Promise<FuzzAntwort> }) {
  const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
  const validator = contractValidator(contract);
  const ops = operations(contract);
  const zahlen = { anfragen: 0, serverfehler: 0, vertragsverletzungen: 0, operationen: 0 };

  describe(`${o.titel} (${RUNS} runs per operation)`, () => {
    it.each(ops.map((op) => [op.operationId, op] as const))('%s: no 5xx, every answer matches the contract', async (_id, op) => {
      const bearer = await o.bearer(BERECHTIGUNGEN[op.operationId]![0] as Rolle);
      await fc.assert(
        fc.asyncProperty(fuzzAnfragen(op, bearer), async (a) => {
          const res = await o.sende(op, a);
          const errors = validator.validate(op.operationId, res.status, res.contentType, res.body);
          zahlen.anfragen++;
          if (res.status >= 500) zahlen.serverfehler++;
          if (errors.length > 0) zahlen.vertragsverletzungen++;
          expect(res.status, `${op.operationId} ${a.url} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          expect(errors, `${op.operationId} ${res.status}: ${res.body.slice(0, 300)}`).toEqual([]);
        }),
        { numRuns: RUNS },
      );
      zahlen.operationen++;
    });

    it('fuzzed every operation', (context) => {
      expect(zahlen.operationen).toBe(ops.length);
      expect(zahlen.anfragen).toBeGreaterThanOrEqual(ops.length * RUNS);
      berichte(context, o.bericht, `${zahlen.anfragen} requests to ${zahlen.operationen} operations, ${zahlen.serverfehler} server errors, ${zahlen.vertragsverletzungen} contract violations`);
    });
  });
}
