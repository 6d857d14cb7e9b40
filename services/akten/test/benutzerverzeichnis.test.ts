// The tenant's user directory (GET /benutzer): people are shown and picked by name. Everyone who used
// the platform is in it, searchable by name or login id, by org unit, page by page; the clearance is
// shown to Fachadministration only.
import { readFileSync } from 'node:fs';
import { protokollAnhaengen } from '@eakte/audit';
import { createDb, schema, sql } from '@eakte/db';
import { authHeader, expectContract, expectProblem } from '@eakte/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { auth, baue, eindeutig, neuerMandant } from './hilfen.js';

const BEREINIGUNG = new URL('../../../db/migrations/0059_benutzerverzeichnis_ohne_technik.sql', import.meta.url);

async function welt() {
  const b = await baue();
  const T = await neuerMandant();
  const admin = await auth(T, 'fachadministration');
  const liste = (query: string, headers: Record<string, string>) => b.app.inject({ method: 'GET', url: `/api/v1/benutzer${query}`, headers });
  const setze = (sub: string, payload: Record<string, unknown>) => b.app.inject({ method: 'PUT', url: `/api/v1/benutzer/${sub}`, headers: admin, payload });
  const einheit = async () => {
    const r = await b.app.inject({ method: 'POST', url: '/api/v1/organisationseinheiten', headers: admin, payload: { kuerzel: `B${eindeutig()}`, name: 'Referat Verzeichnis' } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  return { ...b, T, admin, liste, setze, einheit };
}

describe('the user directory', () => {
  it('lists users set by Fachadministration and those who used the platform, by name, searchable', async () => {
    const w = await welt();
    const oe = await w.einheit();
    expect((await w.setze('erika', { name: 'Erika Mustermann', freigabe: 'vs-nfd', organisationseinheiten: [oe] })).statusCode).toBe(200);
    // a user nobody set enters the directory with their login's name on their first request
    const joerg = await authHeader({ tenant: w.T, roles: ['sachbearbeitung'], sub: 'j-strasse', name: 'Jörg Straße' });
    expect((await w.liste('', joerg)).statusCode).toBe(200);

    const clerk = await auth(w.T, 'sachbearbeitung', 'clerk');
    const alle = await w.liste('', clerk);
    expect(alle.statusCode, alle.body).toBe(200);
    expectContract(alle, 'listBenutzer');
    const namen = alle.json().items.map((i: { name: string }) => i.name);
    expect(namen).toEqual(expect.arrayContaining(['Erika Mustermann', 'Jörg Straße']));
    expect(namen).toEqual([...namen].sort());
    // no clearance for whoever is not Fachadministration
    expect(alle.json().items.find((i: { sub: string }) => i.sub === 'erika')).toEqual({ sub: 'erika', name: 'Erika Mustermann', organisationseinheiten: [oe] });

    // contains, folded: "strasse" finds "Straße", "muster" the name, "rik" the login id too
    expect((await w.liste('?suche=strasse', clerk)).json().items.map((i: { sub: string }) => i.sub)).toEqual(['j-strasse']);
    expect((await w.liste('?suche=MUSTER', clerk)).json().items.map((i: { sub: string }) => i.sub)).toEqual(['erika']);
    expect((await w.liste('?suche=%25', clerk)).json().items).toEqual([]);
    expect((await w.liste(`?organisationseinheit=${oe}`, clerk)).json().items.map((i: { sub: string }) => i.sub)).toEqual(['erika']);

    // Fachadministration sees the clearance; a setting made later keeps the name it set
    const fa = await w.liste('?suche=erika', w.admin);
    expectContract(fa, 'listBenutzer');
    expect(fa.json().items).toEqual([{ sub: 'erika', name: 'Erika Mustermann', freigabe: 'vs-nfd', organisationseinheiten: [oe] }]);
    await w.liste('', await authHeader({ tenant: w.T, roles: ['sachbearbeitung'], sub: 'erika', name: 'E. M.' }));
    expect((await w.liste('?suche=erika', clerk)).json().items[0].name).toBe('Erika Mustermann');
  });

  it('pages by keyset; a technical client is no person in it; a bad cursor is a 400', async () => {
    const w = await welt();
    for (const n of ['Anna', 'Bernd', 'Clara']) await w.setze(n.toLowerCase(), { name: `${n} Seite`, freigabe: 'offen', organisationseinheiten: [] });
    const fv = await auth(w.T, 'fachverfahren', 'scan-station');
    expect((await w.liste('?suche=seite', fv)).statusCode).toBe(200);
    const clerk = await auth(w.T, 'sachbearbeitung', 'clerk');
    const erste = (await w.liste('?suche=seite&limit=2', clerk)).json();
    expect(erste.items.map((i: { name: string }) => i.name)).toEqual(['Anna Seite', 'Bernd Seite']);
    const zweite = (await w.liste(`?suche=seite&limit=2&cursor=${erste.nextCursor}`, clerk)).json();
    expect(zweite).toEqual({ items: [{ sub: 'clara', name: 'Clara Seite', organisationseinheiten: [] }], nextCursor: null });
    expect((await w.liste('?suche=scan', clerk)).json().items).toEqual([]);
    expectProblem(await w.liste('?cursor=kaputt', clerk), 400, 'UNGUELTIGER_CURSOR');
    expectProblem(await w.liste('', await auth(w.T, 'plattformbetrieb')), 403);
  });

  it('never takes in a technical account (Plattformbetrieb, with or without Fachverfahren), and 0059 removes those the Protokoll backfill took in', async () => {
    const w = await welt();
    const subs = async () => (await w.liste('?limit=100', await auth(w.T, 'sachbearbeitung', 'clerk'))).json().items.map((i: { sub: string }) => i.sub);
    // requests that succeed leave no entry behind for a technical account
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/admin/mandanten', headers: await auth(w.T, 'plattformbetrieb', 'betrieb-jetzt') })).statusCode).toBe(200);
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: await auth(w.T, ['fachverfahren', 'plattformbetrieb'], 'verfahren-jetzt') })).statusCode).toBe(200);

    // what migration 0052 left: entries for whoever the Protokoll names, unless only the Fachverfahren role
    const db = createDb(inject('ownerUrl'), { max: 1 });
    try {
      const [m] = await db.db.select({ id: schema.mandant.id }).from(schema.mandant).where(eq(schema.mandant.slug, w.T));
      const mandantId = m!.id;
      const handelte = [
        { sub: 'betrieb-alt', name: 'Betrieb Nachtschicht', rollen: [['plattformbetrieb']] },
        { sub: 'verfahren-alt', name: 'Scanstrecke', rollen: [['fachverfahren', 'plattformbetrieb']] },
        // a person who also runs the platform, and an account Fachadministration set a clearance for: they stay
        { sub: 'paula-alt', name: 'Paula Alt', rollen: [['plattformbetrieb'], ['registratur']] },
        { sub: 'betrieb-gesetzt', name: 'Betrieb Leitstand', rollen: [['plattformbetrieb']] },
      ];
      await db.withMandant(mandantId, async (tx) => {
        for (const h of handelte) {
          await tx.insert(schema.benutzer).values({ mandantId, sub: h.sub, name: h.name, freigabe: h.sub === 'betrieb-gesetzt' ? 'vs-nfd' : 'offen' });
          for (const rollen of h.rollen) {
            await protokollAnhaengen(tx, { mandantId, akteur: { sub: h.sub, name: h.name, rollen }, aktion: 'aktenplaneinheit.geaendert', objektTyp: 'aktenplaneinheit', objektId: mandantId });
          }
        }
      });
      expect(await subs()).toEqual(expect.arrayContaining(handelte.map((h) => h.sub)));
      // the migration as it ran at deploy (again: it only removes, so a second run changes nothing more)
      for (const stmt of readFileSync(BEREINIGUNG, 'utf8').split('--> statement-breakpoint')) await db.db.execute(sql.raw(stmt));
    } finally {
      await db.close();
    }
    const danach = await subs();
    expect(danach).toEqual(expect.arrayContaining(['paula-alt', 'betrieb-gesetzt']));
    for (const technisch of ['betrieb-jetzt', 'verfahren-jetzt', 'betrieb-alt', 'verfahren-alt']) expect(danach).not.toContain(technisch);
  });
});
