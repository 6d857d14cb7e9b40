import { createDb, schema } from '@eakte/db';
import { expectContract, expectProblem, testDatenbankUrl } from '@eakte/testing';
import { eq } from 'drizzle-orm';
import { pruefeFixityAllerMandanten } from '../src/arbeiter/fixity.js';
import { describe, expect, inject, it } from 'vitest';
import { baueApp, lade, neuerMandant, neuerVorgang, pdf, speicher, zeilen } from './hilfen.js';

describe('POST /admin/fixity', () => {
  it('finds changed and missing objects, marks their Dokumente and audits it; intact ones are confirmed', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const ids: string[] = [];
    for (const n of ['eins', 'zwei', 'drei']) ids.push((await lade(t, m, v.vorgangId, { name: `${n}.pdf`, inhalt: await pdf(n) })).json().id);
    const versionen = (await zeilen(m.id)).versionen;
    const key = (id: string) => versionen.find((x) => x.dokumentId === id)!.speicherschluessel;
    // bit rot on one object, a lost one on another
    await speicher().put(key(ids[0]!), Buffer.from('verändert'), Buffer.byteLength('verändert'));
    await speicher().remove(key(ids[1]!));

    const headers = await m.header('registratur');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/fixity', headers });
    expect(res.statusCode, res.body).toBe(200);
    expectContract(res, 'runFixityCheck');
    const body = res.json();
    expect(body.dokumente).toBe(3);
    expect(body.versionen).toBe(3);
    expect(body.verletzt).toEqual(
      expect.arrayContaining([
        { dokumentId: ids[0], versionNr: 1, grund: 'abweichend' },
        { dokumentId: ids[1], versionNr: 1, grund: 'fehlt' },
      ]),
    );
    expect(body.verletzt).toHaveLength(2);

    const status = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}`, headers })).json().integritaet;
    expect([await status(ids[0]!), await status(ids[1]!), await status(ids[2]!)]).toEqual(['verletzt', 'verletzt', 'intakt']);
    const ereignisse = t.protokoll.filter((e) => e.aktion.startsWith('dokument.integritaet'));
    expect(
      ereignisse
        .filter((e) => e.aktion === 'dokument.integritaet.verletzt')
        .map((e) => e.objektId)
        .sort(),
    ).toEqual([ids[0], ids[1]].sort());
    expect(ereignisse.find((e) => e.objektId === ids[0])).toMatchObject({ ergebnis: 'fehler', akteId: v.akteId, aenderungen: [{ feld: 'integritaet', alt: 'ungeprueft', neu: 'verletzt' }] });
  });

  it('is for the Registratur only', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    for (const rolle of ['sachbearbeitung', 'pruefung', 'fachverfahren']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/fixity', headers: await m.header(rolle) });
      expectProblem(res, 403, 'KEINE_BERECHTIGUNG');
      expectContract(res, 'runFixityCheck');
    }
  });
});

describe('scheduled fixity run', () => {
  it('checks every tenant with the system as actor and records damage in the audit trail', async () => {
    const t = await baueApp();
    const m = await neuerMandant();
    const v = await neuerVorgang(m.id);
    const id = (await lade(t, m, v.vorgangId, { name: 'a.pdf', inhalt: await pdf('geplant') })).json().id as string;
    const key = (await zeilen(m.id)).versionen.find((x) => x.dokumentId === id)!.speicherschluessel;
    await speicher().put(key, Buffer.from('Bitfäule'), Buffer.byteLength('Bitfäule'));

    const appDb = createDb(testDatenbankUrl('dokumente'), { max: 2 });
    try {
      const verletzt = await pruefeFixityAllerMandanten({ db: appDb, storage: speicher(), log: t.app.log });
      expect(verletzt).toBeGreaterThanOrEqual(1);
      // the events are the Protokoll service's: read as the owner (the Dokumente role only appends)
      const owner = createDb(inject('ownerUrl'), { max: 1 });
      const ereignisse = await owner.withMandant(m.id, (tx) => tx.select().from(schema.ereignis).where(eq(schema.ereignis.aktion, 'dokument.integritaet.verletzt'))).finally(() => owner.close());
      expect(ereignisse).toHaveLength(1);
      expect(ereignisse[0]).toMatchObject({ objektId: id, akteurSub: 'system', akteId: v.akteId });
    } finally {
      await appDb.close();
    }
    const status = (await t.app.inject({ method: 'GET', url: `/api/v1/dokumente/${id}`, headers: await m.header('registratur') })).json().integritaet;
    expect(status).toBe('verletzt');
  });
});
