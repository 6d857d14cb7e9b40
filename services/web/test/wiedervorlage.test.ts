// Wiedervorlage texts: the empty list names the chosen "Fällig bis", a day already past is said at
// the field in plain German, and "verschieben" proposes the days a clerk picks most.
import { describe, expect, it } from 'vitest';
import { fehlerAnzeige } from '../src/fehler';
import { T } from '../src/texte';
import { tagPlus } from '../src/ui';

describe('Wiedervorlage in plain German', () => {
  it('says nothing is due "today" only when the list runs up to today', () => {
    expect(T.wiedervorlagen.keine('2026-12-03', '2026-12-03')).toBe('Heute ist nichts zur Wiedervorlage fällig.');
    const spaeter = T.wiedervorlagen.keine('2026-12-10', '2026-12-03');
    expect(spaeter).not.toMatch(/Heute/);
    expect(spaeter).toContain('10.12.2026');
  });

  it('explains a day already past at the date field, not as the server sent it', () => {
    const a = fehlerAnzeige({
      status: 422,
      code: 'WIEDERVORLAGE_IN_VERGANGENHEIT',
      detail: 'Die Wiedervorlage am 2026-12-01 liegt in der Vergangenheit; frühestens heute (2026-12-03)',
      fehler: [{ ort: 'body', feld: '/datum', meldung: 'liegt in der Vergangenheit' }],
    });
    expect(a.text).toMatch(/Wiedervorlage/);
    expect(a.felder).toEqual([{ feld: 'datum', text: 'Bitte wählen Sie heute oder einen späteren Tag.' }]);
  });

  it('moves by calendar days across a month end', () => {
    expect(tagPlus('2026-12-29', 7)).toBe('2027-01-05');
    expect(tagPlus('2026-02-27', 1)).toBe('2026-02-28');
  });
});
