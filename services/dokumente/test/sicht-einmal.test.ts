// The caller's view (clearance, org units, tenant settings) is read once per upload and per
// Eingangsstempel: the filing reuses it for its writes and for the answer.
import { describe, expect, it, vi } from 'vitest';
import { dokumenteRepository } from '../src/repositories/dokumente.js';
import { baueApp, lade, neuerMandant, neuerVorgang, pdf } from './hilfen.js';

describe('the caller’s view', () => {
  it('is resolved once for a new Dokument and once for its Eingangsstempel (it was twice for each)', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const spion = vi.spyOn(dokumenteRepository, 'sichtUndEinstellungen');
    try {
      const res = await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf() });
      expect(res.statusCode, res.body).toBe(201);
      expect(spion).toHaveBeenCalledTimes(1);

      spion.mockClear();
      const stempel = await t.app.inject({ method: 'POST', url: `/api/v1/dokumente/${res.json().id}/eingangsstempel`, headers: await m.header() });
      expect(stempel.statusCode, stempel.body).toBe(201);
      expect(spion).toHaveBeenCalledTimes(1);
    } finally {
      spion.mockRestore();
    }
  });
});
