import { createDb, schema } from '@eakte/db';
import { expectContract } from '@eakte/testing';
import { v7 as uuidv7 } from 'uuid';
import { eq } from 'drizzle-orm';
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
        await tx.insert(schema.aussonderung).values({ id: aussonderungId, mandantId, erstelltVon: 'registratur', status: 'abgegeben' });
        await tx
          .insert(schema.aussonderungObjekt)
          .values({ mandantId, aussonderungId, akteId: akte.id, bewertung: 'A', status: 'archiviert', archivkennung: 'DIMAG-1234', erfolgreich: true, inhaltGeloeschtAm: new Date() });
      });
    } finally {
      await owner.close();
    }
    const nachher = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: h });
    expectContract(nachher, 'getAkte');
    expect(nachher.json().aussonderung).toEqual({ status: 'archiviert', archivkennung: 'DIMAG-1234', inhaltEntfernt: true, teile: [] });
    const liste = await app.inject({ method: 'GET', url: `/api/v1/akten?aktenplaneinheit=${e.id}`, headers: h });
    expectContract(liste, 'listAkten');
    expect(liste.json().items.find((a: { id: string }) => a.id === akte.id).aussonderung).toMatchObject({ archivkennung: 'DIMAG-1234' });
  });
  it('a V-Akte whose Vorgang the archive appraised A: archived as their container, each part with its own state, destroyed parts never shown as archived', async () => {
    const { app } = await baue();
    const e = await neueEinheit(app);
    const akte = (await neueAkte(app, e.id)).json();
    const h = await auth('demo', 'registratur');
    const [gutachten, rechnungen] = [uuidv7(), uuidv7()];
    const owner = createDb(inject('ownerUrl'), { max: 1 });
    const aussonderungId = uuidv7();
    const mandantId = inject('demo').demo!;
    try {
      await owner.withMandant(mandantId, async (tx) => {
        await tx.insert(schema.vorgang).values([
          { id: gutachten, mandantId, akteId: akte.id, laufendeNummer: 1, kennzeichen: `${akte.aktenzeichen}-001`, betreff: 'Gutachten', erstelltVon: 'test' },
          { id: rechnungen, mandantId, akteId: akte.id, laufendeNummer: 2, kennzeichen: `${akte.aktenzeichen}-002`, betreff: 'Rechnungen', erstelltVon: 'test' },
        ]);
        await tx.insert(schema.aussonderung).values({ id: aussonderungId, mandantId, erstelltVon: 'registratur', status: 'abgegeben' });
        await tx.insert(schema.aussonderungObjekt).values({
          mandantId,
          aussonderungId,
          akteId: akte.id,
          bewertung: 'V',
          unterbewertungen: { [gutachten]: 'A' },
          status: 'archiviert',
          archivkennung: 'DIMAG-5678',
          erfolgreich: true,
          inhaltGeloeschtAm: new Date(),
        });
      });
      const teil = (id: string, kennzeichen: string, betreff: string, bewertung: string, status: string, archivkennung: string | null) => ({
        typ: 'vorgang',
        id,
        kennzeichen,
        betreff,
        bewertung,
        status,
        archivkennung,
      });
      const vorher = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: h });
      expectContract(vorher, 'getAkte');
      expect(vorher.json().aussonderung).toEqual({
        status: 'archiviert',
        archivkennung: 'DIMAG-5678',
        inhaltEntfernt: false,
        teile: [teil(gutachten, `${akte.aktenzeichen}-001`, 'Gutachten', 'A', 'archiviert', 'DIMAG-5678'), teil(rechnungen, `${akte.aktenzeichen}-002`, 'Rechnungen', 'V', 'bewertet', null)],
      });
      // the approved destruction of the V-part ran
      await owner.withMandant(mandantId, (tx) => tx.update(schema.aussonderungObjekt).set({ teilVernichtetAm: new Date() }).where(eq(schema.aussonderungObjekt.aussonderungId, aussonderungId)));
      const nachher = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte.id}`, headers: h });
      expect(nachher.json().aussonderung).toEqual({
        status: 'archiviert',
        archivkennung: 'DIMAG-5678',
        inhaltEntfernt: true,
        teile: [teil(gutachten, `${akte.aktenzeichen}-001`, 'Gutachten', 'A', 'archiviert', 'DIMAG-5678'), teil(rechnungen, `${akte.aktenzeichen}-002`, 'Rechnungen', 'V', 'vernichtet', null)],
      });
    } finally {
      await owner.close();
    }
  });
});
