import { describe, expect, it } from 'vitest';
import { sperreFuer } from '../src/objektsperre.js';

describe('object lock mapping', () => {
  const geschlossen = { aufbewahrungBis: new Date('2036-12-31T00:00:00Z'), unbefristet: false, loeschsperre: false };

  it('does nothing when object lock is off', () => {
    expect(sperreFuer('off', geschlossen)).toBeNull();
  });

  it('retains a closed record until the end of its last retention day', () => {
    expect(sperreFuer('compliance', geschlossen)).toEqual({
      retention: { mode: 'COMPLIANCE', retainUntilDate: '2036-12-31T23:59:59.000Z' },
      legalHold: 'OFF',
    });
    expect(sperreFuer('governance', geschlossen)?.retention?.mode).toBe('GOVERNANCE');
  });

  it('holds open and indefinitely kept records, which have no retain-until date', () => {
    expect(sperreFuer('governance', { aufbewahrungBis: null, unbefristet: false, loeschsperre: false })).toEqual({ retention: null, legalHold: 'ON' });
    expect(sperreFuer('governance', { ...geschlossen, unbefristet: true })).toEqual({ retention: null, legalHold: 'ON' });
  });

  it('adds a legal hold for a Löschsperre and lifts it when released', () => {
    expect(sperreFuer('compliance', { ...geschlossen, loeschsperre: true })?.legalHold).toBe('ON');
    expect(sperreFuer('compliance', { ...geschlossen, loeschsperre: false })?.legalHold).toBe('OFF');
  });
});
