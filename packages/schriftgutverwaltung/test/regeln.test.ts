// The pure rules: closed objects, Aktenzeichen/Kennzeichen, tenant settings, retention dates and
// the Frist-shortening gate (property-tested).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berechneAufbewahrung, istVerkuerzung, wirksameFrist, type Frist } from '../src/aufbewahrung.js';
import { einstellungenAus, einstellungsFehler, STANDARD_EINSTELLUNGEN } from '../src/einstellungen.js';
import { istGeschlossen, pruefeAenderung, pruefeOffenFuerInhalt } from '../src/geschlossen.js';
import { bildeAktenzeichen, pruefeRegel, STANDARD_REGEL, vorgangKennzeichen } from '../src/kennzeichen.js';
import { pruefeFristaenderung, sichereFristaenderung } from '../src/loeschsperre.js';

const fehlerVon = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e as { code: string; statusCode: number; erweiterung?: { fehler: { feld: string }[] } };
  }
  return null;
};

describe('geschlossen: one answer for closed objects', () => {
  const zu = { akteStatus: 'geschlossen' as const, vorgangStatus: 'offen' as const };
  const offen = { akteStatus: 'offen' as const, vorgangStatus: 'offen' as const };

  it('a change without grund is 422 GRUND_ERFORDERLICH with a field error on /grund', () => {
    for (const grund of [undefined, null, '', '   ']) {
      const e = fehlerVon(() => pruefeAenderung(zu, ['registratur'], grund));
      expect(e?.code).toBe('GRUND_ERFORDERLICH');
      expect(e?.statusCode).toBe(422);
      expect(e?.erweiterung?.fehler.map((f) => f.feld)).toEqual(['/grund']);
    }
    expect(fehlerVon(() => pruefeAenderung(zu, ['registratur'], 'Aktenplanumstellung'))).toBeNull();
  });

  it('only the Registratur changes a closed object; an open one anyone', () => {
    expect(fehlerVon(() => pruefeAenderung(zu, ['sachbearbeitung'], 'Grund'))?.code).toBe('OBJEKT_GESCHLOSSEN');
    expect(fehlerVon(() => pruefeAenderung({ akteStatus: 'offen', vorgangStatus: 'geschlossen' }, ['sachbearbeitung'], 'Grund'))?.statusCode).toBe(409);
    expect(fehlerVon(() => pruefeAenderung(offen, ['sachbearbeitung'], undefined))).toBeNull();
  });

  it('a closed Vorgang or Akte takes no content, not even from the Registratur', () => {
    expect(fehlerVon(() => pruefeOffenFuerInhalt(zu))?.code).toBe('OBJEKT_GESCHLOSSEN');
    expect(fehlerVon(() => pruefeOffenFuerInhalt({ akteStatus: 'offen', vorgangStatus: 'geschlossen' }))?.code).toBe('OBJEKT_GESCHLOSSEN');
    expect(fehlerVon(() => pruefeOffenFuerInhalt(offen))).toBeNull();
    expect(istGeschlossen({ akteStatus: 'geschlossen' })).toBe(true);
    expect(istGeschlossen({ akteStatus: 'offen' })).toBe(false);
  });
});

describe('kennzeichen', () => {
  it('builds Aktenzeichen from the rule and Vorgang-Kennzeichen from the Aktenzeichen', () => {
    expect(bildeAktenzeichen(STANDARD_REGEL, { kennzeichen: '21.04.3', nr: 7, jahr: 2026 })).toBe('21.04.3-0007/2026');
    expect(bildeAktenzeichen(STANDARD_REGEL, { kennzeichen: '1', nr: 12345, jahr: 2026 })).toBe('1-12345/2026');
    expect(bildeAktenzeichen('{jahr}/{kennzeichen}/{nr}', { kennzeichen: '1.2', nr: 3, jahr: 2026 })).toBe('2026/1.2/3');
    expect(vorgangKennzeichen('21.04.3-0007/2026', 3)).toBe('21.04.3-0007/2026-003');
    expect(vorgangKennzeichen('X', 1234)).toBe('X-1234');
  });

  it('checks a rule', () => {
    expect(pruefeRegel(STANDARD_REGEL)).toBeNull();
    expect(pruefeRegel('{kennzeichen}/{jahr}')).toMatch(/\{nr\}/);
    expect(pruefeRegel('{kennzeichen}-{nr}')).toMatch(/\{jahr\}/);
    expect(pruefeRegel('{nr}/{jahr}')).toMatch(/\{kennzeichen\}/);
    expect(pruefeRegel('{kennzeichen}-{nr}/{jahr}-{foo}')).toMatch(/unbekannt/);
  });
});

describe('einstellungen: one validating parser', () => {
  it('takes the defaults for nothing stored', () => {
    for (const leer of [undefined, null, {}, [], 'x', 3]) expect(einstellungenAus(leer)).toEqual(STANDARD_EINSTELLUNGEN);
    expect(STANDARD_EINSTELLUNGEN.aktenzeichenRegel).toBe(STANDARD_REGEL);
  });

  it('keeps valid values and replaces invalid ones by their default, key by key; drops unknown keys', () => {
    const e = einstellungenAus({
      zustaendigesArchiv: 'Landesarchiv',
      sichtbarkeit: 'organisationseinheit',
      hoehereEinstufungenErlaubt: 'ja',
      maxUploadGroesse: -1,
      erlaubteFormate: ['application/pdf', 3],
      aktenzeichenRegel: '{kennzeichen}/{nr:3}/{jahr}',
      fremd: 1,
    });
    expect(e).toEqual({
      ...STANDARD_EINSTELLUNGEN,
      zustaendigesArchiv: 'Landesarchiv',
      sichtbarkeit: 'organisationseinheit',
      aktenzeichenRegel: '{kennzeichen}/{nr:3}/{jahr}',
    });
    expect(einstellungenAus({ sichtbarkeit: 'alle', maxUploadGroesse: 1.5 })).toEqual(STANDARD_EINSTELLUNGEN);
    expect(einstellungenAus({ zustaendigesArchiv: '  ' }).zustaendigesArchiv).toBeNull();
    // the result is a copy: a caller cannot change the defaults
    einstellungenAus({}).erlaubteFormate.push('x/y');
    expect(STANDARD_EINSTELLUNGEN.erlaubteFormate).not.toContain('x/y');
  });

  it('keeps a stored rule that breaks the Aktenzeichen rule (filing then says so) and names it as a field error on write', () => {
    expect(einstellungenAus({ aktenzeichenRegel: '{kennzeichen}-{nr}' }).aktenzeichenRegel).toBe('{kennzeichen}-{nr}');
    expect(einstellungsFehler({ aktenzeichenRegel: '{kennzeichen}-{nr}' })).toEqual([{ ort: 'body', feld: '/einstellungen/aktenzeichenRegel', meldung: 'die Aktenzeichenregel braucht {jahr}' }]);
    expect(einstellungsFehler({ aktenzeichenRegel: STANDARD_REGEL })).toEqual([]);
  });
});

describe('aufbewahrung', () => {
  it('computes the dates from the z.d.A. year', () => {
    expect(berechneAufbewahrung('2020-06-15', 10)).toEqual({ beginn: '2021-01-01', aufbewahrungBis: '2030-12-31', aussonderungFaelligAb: '2031-01-01' });
    expect(berechneAufbewahrung('2020-12-31', 0)).toEqual({ beginn: '2021-01-01', aufbewahrungBis: '2020-12-31', aussonderungFaelligAb: '2021-01-01' });
    expect(berechneAufbewahrung('2020-06-15', 'unbefristet')).toEqual({ beginn: '2021-01-01', aufbewahrungBis: null, aussonderungFaelligAb: null });
    expect(berechneAufbewahrung('2020-06-15', null)).toEqual({ beginn: null, aufbewahrungBis: null, aussonderungFaelligAb: null });
    expect(() => berechneAufbewahrung('15.06.2020', 10)).toThrow();
  });

  it('inherits the nearest Frist upwards unless the Akte has its own', () => {
    const ohne = { aufbewahrungsfrist: null, unbefristet: false };
    expect(wirksameFrist({ aufbewahrungsfrist: 5, unbefristet: false }, [{ aufbewahrungsfrist: 10, unbefristet: false }])).toEqual({ frist: 5, geerbt: false });
    expect(wirksameFrist({ aufbewahrungsfrist: null, unbefristet: true }, [])).toEqual({ frist: 'unbefristet', geerbt: false });
    expect(wirksameFrist(ohne, [ohne, { aufbewahrungsfrist: null, unbefristet: true }, { aufbewahrungsfrist: 3, unbefristet: false }])).toEqual({ frist: 'unbefristet', geerbt: true });
    expect(wirksameFrist(ohne, [ohne, { aufbewahrungsfrist: 3, unbefristet: false }])).toEqual({ frist: 3, geerbt: true });
    expect(wirksameFrist(ohne, [ohne])).toEqual({ frist: null, geerbt: true });
  });
});

describe('loeschsperre: the Frist-shortening gate', () => {
  const frist: fc.Arbitrary<Frist> = fc.oneof(fc.constant<Frist>(null), fc.constant<Frist>('unbefristet'), fc.integer({ min: 0, max: 200 }));

  it('refuses shortening under a hold, always allows lengthening', () => {
    expect(istVerkuerzung(10, 5)).toBe(true);
    expect(istVerkuerzung(10, 'unbefristet')).toBe(false);
    expect(istVerkuerzung('unbefristet', 30)).toBe(true);
    expect(istVerkuerzung(10, null)).toBe(true);
    expect(istVerkuerzung(null, 1)).toBe(false);
    expect(pruefeFristaenderung(10, 5, 1)?.code).toBe('LOESCHSPERRE');
    expect(pruefeFristaenderung(10, 5, 0)).toBeNull();
    expect(pruefeFristaenderung(10, 30, 3)).toBeNull();
    expect(pruefeFristaenderung(10, 'unbefristet', 3)).toBeNull();
  });

  it('property: under a hold a change passes exactly when retention does not end earlier; without one always', () => {
    const rang = (f: Frist) => (f === 'unbefristet' ? Infinity : f === null ? -1 : f);
    fc.assert(
      fc.property(frist, frist, fc.nat(3), (alt, neu, sperren) => {
        const v = pruefeFristaenderung(alt, neu, sperren);
        if (sperren === 0) return v === null;
        return (v === null) === rang(neu) >= rang(alt);
      }),
    );
    // shortening is not undone by a second step: alt → x → neu passes twice only if neu ≥ alt
    fc.assert(
      fc.property(frist, frist, frist, (alt, x, neu) => {
        const beide = pruefeFristaenderung(alt, x, 1) === null && pruefeFristaenderung(x, neu, 1) === null;
        return !beide || rang(neu) >= rang(alt);
      }),
    );
  });

  it('production form throws 409 LOESCHSPERRE', () => {
    const e = fehlerVon(() => sichereFristaenderung(10, 5, 1, 'gesperrt'));
    expect(e).toMatchObject({ code: 'LOESCHSPERRE', statusCode: 409, message: 'gesperrt' });
    expect(fehlerVon(() => sichereFristaenderung(10, 30, 1))).toBeNull();
  });
});
