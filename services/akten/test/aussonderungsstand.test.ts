import { createDb, schema } from '@eakte/db';
import { expectContract } from '@eakte/testing';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it, inject } from 'vitest';
import { auth, baue, neueAkte, neueEinheit } from './hilfen.js';

describe('Aussonderung state on the Akte', () => {
  it('shows null before an offer and the archive id once the archive confirmed the import, in reads and lists', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id)).json();
    const h = await auth('demo', 'registratur');
    const vorher = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: h });
    expectContract(vorher, 'getAkte');
    expect(vorher.json().aussonderung).toBeNull();

    // what the Aussonderung service records after the 0506
    const owner = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const mandantId = inject('demo').demo!;
      await owner.withMandant(mandantId, async (tx) => {
        const aussonderungId = uuidv7();
        await tx.insert(schema.aussonderung).values({ id: aussonderungId, mandantId, erstelltVon: 'registratur', status: 'abgeschlossen' });
        await tx.insert(schema.aussonderungObjekt).values({ mandantId, aussonderungId, akteId: akte.id, bewertung: 'A', status: 'archiviert', archivkennung: 'DIMAG-1234', erfolgreich: true, inhaltGeloeschtAm: new Date() });
      });
    } finally {
      await owner.close();
    }
    const nachher = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: h });
    expectContract(nachher, 'getAkte');
    expect(nachher.json().aussonderung).toEqual({ status: 'archiviert', archivkennung: 'DIMAG-1234', inhaltEntfernt: true });
    const liste = await app.inject({ method: 'GET', url: `/api/v1/akten?aktenplaneinheit=${e.id}`, headers: h });
    expectContract(liste, 'listAkten');
    expect(liste.json().items.find((a: { id: string }) => a.id === akte.id).aussonderung).toMatchObject({ archivkennung: 'DIMAG-1234' });
  });
});
