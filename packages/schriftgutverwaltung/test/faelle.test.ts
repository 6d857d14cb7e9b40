import { describe, expect, it } from 'vitest';
// The cases the Akten service tested against its own copies, now against the one rule each.
import { berechneAufbewahrung, wirksameFrist } from '../src/aufbewahrung.js';
import { STANDARD_REGEL } from '../src/kennzeichen.js';
import { sichtbareStufen, sichtFuer, stufeZulaessig } from '../src/sichtbarkeit.js';

describe('retention (docs/domaene.md R1)', () => {
  it('starts on 1 January after the z.d.A. and ends on 31 December', () => {
    expect(berechneAufbewahrung('2026-03-15', 10)).toEqual({ beginn: '2027-01-01', aufbewahrungBis: '2036-12-31', aussonderungFaelligAb: '2037-01-01' });
  });

  it('treats a z.d.A. on 31 December and on 1 January as the same year', () => {
    expect(berechneAufbewahrung('2026-12-31', 5).aussonderungFaelligAb).toBe('2032-01-01');
    expect(berechneAufbewahrung('2026-01-01', 5).aussonderungFaelligAb).toBe('2032-01-01');
    expect(berechneAufbewahrung('2027-01-01', 5).aussonderungFaelligAb).toBe('2033-01-01');
  });

  it('is unaffected by leap days', () => {
    expect(berechneAufbewahrung('2028-02-29', 4)).toEqual({ beginn: '2029-01-01', aufbewahrungBis: '2032-12-31', aussonderungFaelligAb: '2033-01-01' });
  });

  it('never falls due for unbefristet, and gives no dates without any Frist', () => {
    expect(berechneAufbewahrung('2026-03-15', 'unbefristet')).toEqual({ beginn: '2027-01-01', aufbewahrungBis: null, aussonderungFaelligAb: null });
    expect(berechneAufbewahrung('2026-03-15', null)).toEqual({ beginn: null, aufbewahrungBis: null, aussonderungFaelligAb: null });
  });

  it('with Frist 0 falls due right after the year of the z.d.A.', () => {
    expect(berechneAufbewahrung('2026-06-01', 0)).toEqual({ beginn: '2027-01-01', aufbewahrungBis: '2026-12-31', aussonderungFaelligAb: '2027-01-01' });
  });

  it('counts from the last z.d.A. after a reopening', () => {
    const erste = berechneAufbewahrung('2026-03-15', 10);
    const zweite = berechneAufbewahrung('2029-07-01', 10);
    expect(zweite.aussonderungFaelligAb).toBe('2040-01-01');
    expect(zweite.aussonderungFaelligAb! > erste.aussonderungFaelligAb!).toBe(true);
  });

  it("takes the Akte's own Frist, else the nearest unit's", () => {
    const kette = [
      { aufbewahrungsfrist: null, unbefristet: false },
      { aufbewahrungsfrist: 30, unbefristet: false },
      { aufbewahrungsfrist: null, unbefristet: true },
    ];
    expect(wirksameFrist({ aufbewahrungsfrist: 5, unbefristet: false }, kette)).toEqual({ frist: 5, geerbt: false });
    expect(wirksameFrist({ aufbewahrungsfrist: null, unbefristet: true }, kette)).toEqual({ frist: 'unbefristet', geerbt: false });
    expect(wirksameFrist({ aufbewahrungsfrist: null, unbefristet: false }, kette)).toEqual({ frist: 30, geerbt: true });
    expect(wirksameFrist({ aufbewahrungsfrist: null, unbefristet: false }, [])).toEqual({ frist: null, geerbt: true });
  });
});

describe('visibility', () => {
  it('maps clearance to visible xdomea levels', () => {
    expect(sichtbareStufen('offen')).toEqual(['003']);
    expect(sichtbareStufen('vs-nfd')).toEqual(['003', '002']);
    expect(sichtbareStufen('streng-geheim')).toEqual(['003', '002', '005', '001', '004']);
    expect(stufeZulaessig('002', false)).toBe(true);
    expect(stufeZulaessig('005', false)).toBe(false);
    expect(stufeZulaessig('005', true)).toBe(true);
  });

  it('restricts to org units only when the tenant says so, never for registratur', () => {
    const b = { freigabe: 'offen' as const, organisationseinheiten: ['oe1'] };
    const behoerde = { sichtbarkeit: 'behoerde' as const, hoehereEinstufungenErlaubt: false, aktenzeichenRegel: STANDARD_REGEL };
    const oe = { ...behoerde, sichtbarkeit: 'organisationseinheit' as const };
    expect(sichtFuer(b, ['sachbearbeitung'], behoerde).organisationseinheiten).toBeNull();
    expect(sichtFuer(b, ['sachbearbeitung'], oe).organisationseinheiten).toEqual(['oe1']);
    expect(sichtFuer(b, ['registratur'], oe).organisationseinheiten).toBeNull();
  });
});
