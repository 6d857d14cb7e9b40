import { describe, expect, it } from 'vitest';
import { inBaumordnung, vergleicheKennzeichen } from '../src/domain/aktenplan.js';

describe('Kennzeichen order', () => {
  it('compares numeric segments as numbers and shorter prefixes first', () => {
    const sorted = ['2.10', '2.1.3', '10', '2', '2.1', '2.9'].sort(vergleicheKennzeichen);
    expect(sorted).toEqual(['2', '2.1', '2.1.3', '2.9', '2.10', '10']);
  });

  it('orders a tree depth-first and keeps orphans as roots', () => {
    const units = [
      { id: 'c', parentId: 'a', kennzeichen: '1.2' },
      { id: 'a', parentId: null, kennzeichen: '1' },
      { id: 'b', parentId: 'a', kennzeichen: '1.10' },
      { id: 'd', parentId: 'missing', kennzeichen: '0' },
    ];
    expect(inBaumordnung(units).map((u) => [u.id, u.ebene])).toEqual([
      ['d', 1],
      ['a', 1],
      ['c', 2],
      ['b', 2],
    ]);
  });
});
