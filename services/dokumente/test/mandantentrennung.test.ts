// Generated from the contract: every Dokumente operation with an id in its path, called by another
// tenant with an object of this tenant, answers 404 like a missing id; multipart uploads carry a
// valid body so that only the tenant decides. New operations are covered automatically (an unknown
// path shape fails the test until it gets an object here).
import { contract } from '@eakte/api-client/contract';
import { BERECHTIGUNGEN, operations } from '@eakte/platform';
import { authHeader, expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { baueApp, formular, lade, META, neuerMandant, neuerVorgang, objekteUnter, pdf, zeilen } from './hilfen.js';

const MIT_ID = operations(contract).filter((o) => o.service === 'dokumente' && o.path.includes('{id}'));
const MISSING = '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a';

describe('tenant isolation of every Dokumente operation with a path id', () => {
  it('answers another tenant\'s id exactly like a missing one and changes nothing', async () => {
    expect(MIT_ID.length).toBeGreaterThanOrEqual(10);
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const dok = (await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() })).json();
    const ids: [string, string][] = [
      ['/vorgaenge/{id}', v.vorgangId],
      ['/dokumente/{id}', dok.id],
      ['/akten/{id}', v.akteId],
    ];
    const fremd = await neuerMandant();
    const strip = (b: string) => ({ ...JSON.parse(b), instance: undefined, requestId: undefined });
    for (const op of MIT_ID) {
      const id = ids.find(([prefix]) => op.path.startsWith(prefix))?.[1];
      expect(id, `no object for ${op.path}`).toBeDefined();
      const multipart = op.operation.requestBody && 'multipart/form-data' in ((op.operation.requestBody as { content: object }).content ?? {});
      const json = op.operation.requestBody && !multipart;
      const form = multipart ? await formular(META, { name: 'b.pdf', inhalt: await pdf() }) : null;
      const call = async (objektId: string) =>
        t.app.inject({
          method: op.method.toUpperCase() as 'GET',
          url: `/api/v1${op.path.replace('{id}', objektId).replace('{nr}', '1')}`,
          headers: { ...(await authHeader({ tenant: fremd.slug, roles: [...BERECHTIGUNGEN[op.operationId]!] })), 'if-match': '*', ...(form?.headers ?? {}) },
          ...(form ? { payload: form.payload } : json ? { payload: { betreff: 'fremd' } } : {}),
        });
      const a = await call(id!);
      const b = await call(MISSING);
      expectProblem(a, 404, 'NICHT_GEFUNDEN');
      expectContract(a, op.operationId);
      expect(strip(a.body), op.operationId).toEqual(strip(b.body));
    }
    const r = await zeilen(m.id);
    expect(r.dokumente).toMatchObject([{ id: dok.id, betreff: META.betreff, aktuelleVersion: 1 }]);
    expect(r.versionen).toHaveLength(1);
    expect(await objekteUnter(`${fremd.id}/`)).toEqual([]);
    expect(await objekteUnter(`${m.id}/`)).toHaveLength(1);
  });
});
