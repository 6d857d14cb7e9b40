import { describe, expect, it } from 'vitest';
import { baue, jahr, neueAkte, neueEinheit } from './hilfen.js';

describe('Aktenzeichen numbering', () => {
  it('is unique and gap-free under 50 concurrent creates', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const antworten = await Promise.all(Array.from({ length: 50 }, (_, i) => neueAkte(app, e.id, { betreff: `Parallel ${i}` })));
    expect(antworten.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const nummern = antworten.map((r) => r.json().aktenzeichen as string).sort();
    const erwartet = Array.from({ length: 50 }, (_, i) => `${e.kennzeichen}-${String(i + 1).padStart(4, '0')}/${jahr()}`);
    expect(nummern).toEqual(erwartet);
  });

  it('never reuses a number: a failed create does not consume one, a moved Akte keeps its old one reserved', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const ziel = await neueEinheit(app);
    expect((await neueAkte(app, e.id)).json().aktenzeichen).toBe(`${e.kennzeichen}-0001/${jahr()}`);
    // refused inside the transaction (unknown Federführung) → rolled back, number not used
    const abgelehnt = await neueAkte(app, e.id, { federfuehrung: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a' });
    expect(abgelehnt.statusCode).toBe(422);
    const zweite = (await neueAkte(app, e.id)).json();
    expect(zweite.aktenzeichen).toBe(`${e.kennzeichen}-0002/${jahr()}`);
    const { auth } = await import('./hilfen.js');
    const um = await app.inject({
      method: 'POST',
      url: `/api/v1/akten/${zweite.id}/umprotokollierung`,
      headers: await auth('demo', 'registratur'),
      payload: { aktenplaneinheitId: ziel.id, grund: 'Neuordnung' },
    });
    expect(um.statusCode, um.body).toBe(200);
    expect((await neueAkte(app, e.id)).json().aktenzeichen).toBe(`${e.kennzeichen}-0003/${jahr()}`);
  });
});
