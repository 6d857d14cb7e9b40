// The per-Akte recompute of object locks: which lock each stored object gets.
import { describe, expect, it } from 'vitest';
import { sperrplan, type ObjektStand } from '../src/domain/objektsperre.js';

const geschlossen: ObjektStand = { schluessel: 'm/1', akteStatus: 'geschlossen', aufbewahrungBis: '2036-12-31', unbefristet: false, gesperrt: false };

describe('object lock per object of an Akte', () => {
  it('plans nothing when object lock is off', () => {
    expect(sperrplan('off', [geschlossen])).toEqual([]);
  });

  it('retains every object of a closed Akte until the end of its last retention day', () => {
    expect(sperrplan('compliance', [geschlossen, { ...geschlossen, schluessel: 'm/2' }])).toEqual([
      { schluessel: 'm/1', sperre: { retention: { mode: 'COMPLIANCE', retainUntilDate: '2036-12-31T23:59:59.000Z' }, legalHold: 'OFF' } },
      { schluessel: 'm/2', sperre: { retention: { mode: 'COMPLIANCE', retainUntilDate: '2036-12-31T23:59:59.000Z' }, legalHold: 'OFF' } },
    ]);
  });

  it('holds the objects of an open Akte (retention not running), even with a date left from an earlier z.d.A.', () => {
    expect(sperrplan('governance', [{ ...geschlossen, akteStatus: 'offen', aufbewahrungBis: null }])).toEqual([{ schluessel: 'm/1', sperre: { retention: null, legalHold: 'ON' } }]);
    expect(sperrplan('governance', [{ ...geschlossen, akteStatus: 'offen' }])[0]!.sperre).toEqual({ retention: null, legalHold: 'ON' });
  });

  it('holds objects of an Akte kept indefinitely or without a Frist', () => {
    expect(sperrplan('governance', [{ ...geschlossen, aufbewahrungBis: null, unbefristet: true }])[0]!.sperre).toEqual({ retention: null, legalHold: 'ON' });
    expect(sperrplan('governance', [{ ...geschlossen, aufbewahrungBis: null }])[0]!.sperre).toEqual({ retention: null, legalHold: 'ON' });
  });

  it('adds a legal hold only to the objects a Löschsperre covers', () => {
    const plan = sperrplan('governance', [
      { ...geschlossen, gesperrt: true },
      { ...geschlossen, schluessel: 'm/2' },
    ]);
    expect(plan.map((p) => [p.schluessel, p.sperre.legalHold, p.sperre.retention?.retainUntilDate])).toEqual([
      ['m/1', 'ON', '2036-12-31T23:59:59.000Z'],
      ['m/2', 'OFF', '2036-12-31T23:59:59.000Z'],
    ]);
  });
});
