// Visibility: the TS predicate and the SQL condition come from one `Sicht` and agree on every
// combination of role, clearance, tenant setting and org-unit membership, against a real database.
import { schema, sql, type Db } from '@eakte/db';
import type { Freigabe, Vertraulichkeitsstufe } from '@eakte/db/schema';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { akteSichtbar, akteSpaltenVon, istSichtbar, sichtbareStufen, sichtFuer, STUFEN_AUFSTEIGEND, stufeZulaessig, type Sichtbarkeit } from '../src/sichtbarkeit.js';
import { eigenerMandant, eindeutig } from './hilfen.js';

const FREIGABEN: Freigabe[] = ['offen', 'vs-nfd', 'vertraulich', 'geheim', 'streng-geheim'];

describe('sichtbarkeit', () => {
  let app: Db;
  let mandant: string;
  const oe = [uuidv7(), uuidv7()];
  const akten: { id: string; vertraulichkeitsstufe: Vertraulichkeitsstufe; federfuehrungId: string | null }[] = [];

  beforeAll(async () => {
    ({ app, mandant } = await eigenerMandant('sicht'));
    const einheit = uuidv7();
    await app.withMandant(mandant, async (tx) => {
      for (const [i, id] of oe.entries()) await tx.execute(sql`INSERT INTO akten.organisationseinheit (id, mandant_id, kuerzel, name) VALUES (${id}, ${mandant}, ${`OE${i}`}, ${`OE ${i}`})`);
      await tx.execute(sql`INSERT INTO akten.aktenplaneinheit (id, mandant_id, kennzeichen, titel) VALUES (${einheit}, ${mandant}, ${`S${eindeutig()}`}, 'Sicht')`);
      let nr = 0;
      for (const stufe of STUFEN_AUFSTEIGEND) {
        for (const federfuehrungId of [oe[0]!, oe[1]!, null]) {
          const id = uuidv7();
          nr++;
          await tx.execute(sql`INSERT INTO akten.akte (id, mandant_id, aktenplaneinheit_id, aktenzeichen, laufende_nummer, jahr, betreff, laufzeit_beginn, erstellt_von, vertraulichkeitsstufe, federfuehrung_id)
            VALUES (${id}, ${mandant}, ${einheit}, ${`S-${nr}/2026`}, ${nr}, 2026, 'Sicht', '2026-01-01', 'test', ${stufe}, ${federfuehrungId})`);
          akten.push({ id, vertraulichkeitsstufe: stufe, federfuehrungId });
        }
      }
    });
  });
  afterAll(() => app.close());

  it('TS predicate and SQL condition (table columns and raw alias) agree on all combinations', async () => {
    let faelle = 0;
    await app.withMandant(mandant, async (tx) => {
      for (const freigabe of FREIGABEN)
        for (const rollen of [['sachbearbeitung'], ['registratur'], ['sachbearbeitung', 'registratur'], []])
          for (const sichtbarkeit of ['behoerde', 'organisationseinheit'] as Sichtbarkeit[])
            for (const einheiten of [[], [oe[0]!], [oe[1]!], [oe[0]!, oe[1]!]]) {
              const sicht = sichtFuer({ freigabe, organisationseinheiten: einheiten }, rollen, { sichtbarkeit });
              const erwartet = akten
                .filter((a) => istSichtbar(sicht, a))
                .map((a) => a.id)
                .sort();
              const perSpalten = await tx.select({ id: schema.akte.id }).from(schema.akte).where(akteSichtbar(sicht));
              const perAlias = await tx.execute<{ id: string }>(sql`SELECT a.id FROM akten.akte a WHERE ${akteSichtbar(sicht, akteSpaltenVon('a'))}`);
              const ctx = JSON.stringify({ freigabe, rollen, sichtbarkeit, einheiten: einheiten.length });
              expect(perSpalten.map((r) => r.id).sort(), ctx).toEqual(erwartet);
              expect(perAlias.rows.map((r) => r.id).sort(), ctx).toEqual(erwartet);
              faelle++;
            }
    });
    expect(faelle).toBe(5 * 4 * 2 * 4);
  });

  it('the rule itself: clearance ranks the levels, the Registratur sees the whole agency, an Akte without Federführung only agency-wide', () => {
    expect(sichtbareStufen('offen')).toEqual(['003']);
    expect(sichtbareStufen('vs-nfd')).toEqual(['003', '002']);
    expect(sichtbareStufen('streng-geheim')).toEqual(STUFEN_AUFSTEIGEND);
    const clerk = { freigabe: 'vs-nfd' as const, organisationseinheiten: [oe[0]!] };
    expect(sichtFuer(clerk, ['sachbearbeitung'], 'organisationseinheit').organisationseinheiten).toEqual([oe[0]]);
    expect(sichtFuer(clerk, ['registratur'], 'organisationseinheit').organisationseinheiten).toBeNull();
    expect(sichtFuer(clerk, ['sachbearbeitung'], 'behoerde').organisationseinheiten).toBeNull();
    const s = sichtFuer(clerk, [], 'organisationseinheit');
    expect(istSichtbar(s, { vertraulichkeitsstufe: '003', federfuehrungId: null })).toBe(false);
    expect(istSichtbar(s, { vertraulichkeitsstufe: '003', federfuehrungId: oe[0]! })).toBe(true);
    expect(istSichtbar(s, { vertraulichkeitsstufe: '005', federfuehrungId: oe[0]! })).toBe(false);
    expect(stufeZulaessig('002', false)).toBe(true);
    expect(stufeZulaessig('005', false)).toBe(false);
    expect(stufeZulaessig('004', true)).toBe(true);
  });
});
