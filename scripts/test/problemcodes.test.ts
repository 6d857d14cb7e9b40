// One list of problem codes: what the code sends is what the contract publishes (ProblemCode).
import { contract } from '@eakte/api-client/contract';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gesendeteProblemcodes } from '../lib/problemcodes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const veroeffentlicht = new Set((contract as unknown as { components: { schemas: { ProblemCode: { enum: string[] } } } }).components.schemas.ProblemCode.enum);

describe('problem codes', () => {
  const gesendet = gesendeteProblemcodes(ROOT);

  it('publishes in the contract every code the services send', () => {
    const fehlend = [...gesendet].filter(([c]) => !veroeffentlicht.has(c)).map(([c, wo]) => `${c} (${wo.join(', ')})`);
    expect(fehlend, 'add them to ProblemCode in openapi/components/common.yaml, then pnpm generate').toEqual([]);
  });

  it('publishes no code that nothing sends any more', () => {
    expect([...veroeffentlicht].filter((c) => !gesendet.has(c))).toEqual([]);
  });

  it('finds codes in each way the code sends them', () => {
    // createError, problem(), `code:` on an error, [status, code, detail], a chosen `code =`
    for (const c of ['NICHT_GEFUNDEN', 'ZU_VIELE_ANFRAGEN', 'LAUFZEIT_ENDE_UNZULAESSIG', 'KOPFZEILEN_ZU_GROSS', 'PFADPARAMETER_ZU_LANG', 'UNGUELTIGE_ANFRAGE']) {
      expect(gesendet.has(c), c).toBe(true);
    }
    expect([...gesendet.keys()].filter((c) => /^(FST_|ERR_|HPE_)/.test(c))).toEqual([]);
  });
});
