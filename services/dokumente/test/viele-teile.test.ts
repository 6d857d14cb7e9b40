import { expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { baueApp, META, neuerMandant, neuerVorgang, objekteUnter, pdf, zeilen } from './hilfen.js';

describe('absurd multipart bodies', () => {
  it('refuses 1,001 parts and a field named __proto__ with a 4xx problem and stores nothing', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const headers = await m.header('sachbearbeitung');
    const send = async (form: FormData) => {
      const req = new Request('http://x', { method: 'POST', body: form });
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/vorgaenge/${v.vorgangId}/dokumente`,
        headers: { ...headers, 'content-type': req.headers.get('content-type')! },
        payload: Buffer.from(await req.arrayBuffer()),
      });
    };
    const viele = new FormData();
    for (const [k, w] of Object.entries(META)) viele.set(k, w);
    for (let i = 0; i < 1001; i++) viele.append(`feld${i}`, 'x');
    viele.set('datei', new Blob([new Uint8Array(await pdf())]), 'a.pdf');
    const r1 = await send(viele);
    expect(r1.statusCode, r1.body).toBeGreaterThanOrEqual(400);
    expect(r1.statusCode).toBeLessThan(500);
    expectProblem(r1, r1.statusCode);

    const proto = new FormData();
    for (const [k, w] of Object.entries(META)) proto.set(k, w);
    proto.set('__proto__', 'x');
    proto.set('constructor', 'y');
    proto.set('datei', new Blob([new Uint8Array(await pdf())]), 'b.pdf');
    const r2 = await send(proto);
    expectProblem(r2, 400);

    expect((await zeilen(m.id)).dokumente).toEqual([]);
    expect(await objekteUnter(`${m.id}/`)).toEqual([]);
  });
});
