// Users by their display name instead of their login id: the names the Protokoll recorded (the
// latest one wins), one's own from the session; a user no record names keeps the id.
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let namen: typeof import('../src/namen');
beforeAll(async () => {
  namen = await import('../src/namen');
});

describe('names of users', () => {
  it('takes the latest name the Protokoll recorded for a user, skipping empty ones', () => {
    const m = namen.namenAusProtokoll([
      { akteurSub: 'erika', akteurName: 'Erika Muster' },
      { akteurSub: 'erika', akteurName: 'Erika Mustermann' },
      { akteurSub: 'max', akteurName: ' ' },
      { akteurSub: 'jobs', akteurName: null as unknown as string },
    ]);
    expect([...m]).toEqual([['erika', 'Erika Mustermann']]);
    expect([
      ...namen.namenAusAkteuren([
        { sub: 'a', name: 'Anna Beispiel' },
        { sub: 'b', name: '' },
      ]),
    ]).toEqual([['a', 'Anna Beispiel']]);
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
