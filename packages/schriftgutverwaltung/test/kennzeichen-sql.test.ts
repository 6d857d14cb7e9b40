// The Vorgang-Kennzeichen has one SQL mirror: the system filing function forms it when it opens a
// Vorgang. It must agree with the TS rule the Akten service uses, around the three-digit boundary too.
import { createDb, sql } from '@eakte/db';
import { testDatenbankUrl } from '@eakte/testing';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { vorgangKennzeichen } from '../src/kennzeichen.js';
import { eigenerMandant, eindeutig } from './hilfen.js';

describe('Vorgang-Kennzeichen in SQL', () => {
  it('the system filing function forms the Kennzeichen the TS rule forms, for numbers 1, 99, 100, 101 and 1000', async () => {
    const { app, mandant } = await eigenerMandant('kennzeichen');
    const aussonderung = createDb(testDatenbankUrl('aussonderung'), { max: 1 });
    try {
      const p = eindeutig();
      const einheit = uuidv7();
      const akte = uuidv7();
      const aktenzeichen = `${p}-0001/2026`;
      await app.withMandant(mandant, async (tx) => {
        await tx.execute(sql`INSERT INTO akten.aktenplaneinheit (id, mandant_id, kennzeichen, titel) VALUES (${einheit}, ${mandant}, ${p}, 'K')`);
        await tx.execute(sql`INSERT INTO akten.akte (id, mandant_id, aktenplaneinheit_id, aktenzeichen, laufende_nummer, jahr, betreff, laufzeit_beginn, erstellt_von)
          VALUES (${akte}, ${mandant}, ${einheit}, ${aktenzeichen}, 1, 2026, 'A', '2026-01-01', 'test')`);
      });
      const gebildet: string[] = [];
      const erwartet: string[] = [];
      for (const nr of [1, 99, 100, 101, 1000]) {
        // the number before it is taken: the function opens Vorgang `nr`
        await app.withMandant(mandant, (tx) => tx.execute(sql`UPDATE akten.akte SET letzte_vorgang_nummer = ${nr - 1} WHERE id = ${akte}`));
        const r = await aussonderung.withMandant(mandant, (tx) =>
          tx.execute<{ r: { vorgangKennzeichen: string } }>(sql`SELECT akten.vorgang_fuer_systemdokument(${akte}::uuid, ${`Betreff ${nr}`}, ${uuidv7()}::uuid, 'test') AS r`),
        );
        gebildet.push(r.rows[0]!.r.vorgangKennzeichen);
        erwartet.push(vorgangKennzeichen(aktenzeichen, nr));
      }
      expect(gebildet).toEqual(erwartet);
    } finally {
      await Promise.all([app.close(), aussonderung.close()]);
    }
  });
});
