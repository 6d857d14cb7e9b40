// Users by their display name instead of their login id: the names of the tenant's user directory,
// one's own from the session; a user the directory does not name keeps the id.
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let namen: typeof import('../src/namen');
beforeAll(async () => {
  namen = await import('../src/namen');
});

describe('names of users', () => {
  it('takes the names of the user directory, skipping empty ones, and offers a person with the login id where it tells them apart', () => {
    const m = namen.namenAusVerzeichnis([
      { sub: 'erika', name: 'Erika Mustermann' },
      { sub: 'max', name: ' ' },
    ]);
    expect([...m]).toEqual([['erika', 'Erika Mustermann']]);
    expect(namen.personText({ sub: 'erika', name: 'Erika Mustermann' })).toBe('Erika Mustermann (erika)');
    expect(namen.personText({ sub: 'x1', name: 'x1' })).toBe('x1');
  });

  it('reads names from the directory only (one way for every screen)', async () => {
    const rechte = await import('../src/rechte');
    expect(rechte.BEREICHE.namen).toEqual(['listBenutzer']);
    for (const rolle of ['sachbearbeitung', 'registratur', 'fachadministration', 'pruefung']) expect(rechte.darf([rolle], 'namen')).toBe(true);
  });

  it('names the session user from the token, a known user by name, an unknown one by the login id', () => {
    const m = new Map([['erika', 'Erika Mustermann']]);
    const ich = { sub: 'demo-sachbearbeitung', name: 'Demo sachbearbeitung' };
    expect(namen.nameVon(m, 'erika', ich)).toBe('Erika Mustermann');
    expect(namen.nameVon(m, 'demo-sachbearbeitung', ich)).toBe('Demo sachbearbeitung');
    expect(namen.nameVon(m, 'unbekannt', ich)).toBe('unbekannt');
    expect(namen.nameVon(m, null, ich)).toBe('–');
  });
});
