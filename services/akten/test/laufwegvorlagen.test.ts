// Laufweg templates per org unit (issue 20): the Fachadministration sets a unit's named templates as
// a whole, each Laufweg checked as a Verfügung's; whoever writes Verfügungen reads them; every change
// is audited with the templates before and after.
import { expectContract, expectProblem } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { auth, baue, eindeutig, neuerMandant } from './hilfen.js';

const VORLAGE = {
  name: 'Stellungnahme an das Ministerium',
  laufweg: [
    { bearbeiter: { sub: 'mueller' }, aktion: 'mitzeichnung', parallelGruppe: 1 },
    { bearbeiter: { sub: 'meier' }, aktion: 'mitzeichnung', parallelGruppe: 1 },
    { bearbeiter: { sub: 'schmidt' }, aktion: 'zeichnung', hinweis: 'Bitte zeichnen' },
  ],
};

async function welt() {
  const b = await baue();
  const T = await neuerMandant();
  const admin = await auth(T, 'fachadministration');
  const einheit = async () => {
    const r = await b.app.inject({ method: 'POST', url: '/api/v1/organisationseinheiten', headers: admin, payload: { kuerzel: `V${eindeutig()}`, name: 'Referat Vorlagen' } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const setze = (oe: string, vorlagen: unknown[], headers = admin) => b.app.inject({ method: 'PUT', url: `/api/v1/organisationseinheiten/${oe}/laufwegvorlagen`, headers, payload: { vorlagen } });
  const liste = async (rolle = 'sachbearbeitung') => b.app.inject({ method: 'GET', url: '/api/v1/laufwegvorlagen', headers: await auth(T, rolle) });
  return { ...b, T, admin, einheit, setze, liste };
}

describe('Laufweg templates per org unit', () => {
  it('are set by the Fachadministration as a whole, read by the clerk, and audited', async () => {
    const w = await welt();
    const [oe1, oe2] = [await w.einheit(), await w.einheit()];
    expect((await w.liste()).json()).toEqual({ items: [] });

    const zweite = { name: 'Zur Kenntnis', laufweg: [{ bearbeiter: { organisationseinheitId: oe2 }, aktion: 'kenntnisnahme' }] };
    const r = await w.setze(oe1, [VORLAGE, zweite]);
    expect(r.statusCode, r.body).toBe(200);
    expectContract(r, 'setLaufwegvorlagen');
    expect(r.json()).toEqual({ organisationseinheitId: oe1, vorlagen: [VORLAGE, zweite] });
    expect(w.ereignisse.at(-1)).toMatchObject({
      aktion: 'laufwegvorlagen.gesetzt',
      objektTyp: 'organisationseinheit',
      objektId: oe1,
      aenderungen: [{ feld: 'vorlagen', alt: [], neu: [VORLAGE, zweite] }],
    });

    const gelesen = await w.liste();
    expectContract(gelesen, 'listLaufwegvorlagen');
    expect(gelesen.json()).toEqual({ items: [{ organisationseinheitId: oe1, vorlagen: [VORLAGE, zweite] }] });

    // replaced as a whole, in the given order; an empty list removes them
    expect((await w.setze(oe1, [zweite])).json().vorlagen).toEqual([zweite]);
    expect(w.ereignisse.at(-1)).toMatchObject({ aenderungen: [{ feld: 'vorlagen', alt: [VORLAGE, zweite], neu: [zweite] }] });
    expect((await w.setze(oe1, [])).statusCode).toBe(200);
    expect((await w.liste('registratur')).json()).toEqual({ items: [] });

    // a clerk reads but does not set them
    expectProblem(await w.setze(oe1, [VORLAGE], await auth(w.T, 'sachbearbeitung')), 403);
  });

  it('refuses a Laufweg a Verfügung could not have, a unit that does not exist, a name twice; nothing is written', async () => {
    const w = await welt();
    const oe = await w.einheit();
    expect((await w.setze(oe, [VORLAGE])).statusCode).toBe(200);
    const vorher = w.ereignisse.length;

    const zeichnungNichtLetzte = { name: 'Falsch', laufweg: [VORLAGE.laufweg[2], VORLAGE.laufweg[0]] };
    expectProblem(await w.setze(oe, [zeichnungNichtLetzte]), 422, 'LAUFWEG_UNGUELTIG');
    const fremdeEinheit = { name: 'Fremd', laufweg: [{ bearbeiter: { organisationseinheitId: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b70' }, aktion: 'bearbeitung' }] };
    expectProblem(await w.setze(oe, [fremdeEinheit]), 422, 'NICHT_VERARBEITBAR');
    expectProblem(await w.setze(oe, [VORLAGE, { ...VORLAGE, name: ` ${VORLAGE.name} ` }]), 422, 'NICHT_VERARBEITBAR');
    // no Frist in a template: it has no dates
    expectProblem(await w.setze(oe, [{ name: 'Mit Frist', laufweg: [{ bearbeiter: { sub: 'x' }, aktion: 'bearbeitung', frist: '2030-01-01' }] }]), 400, 'VALIDIERUNGSFEHLER');
    expectProblem(await w.setze('01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b71', [VORLAGE]), 404, 'NICHT_GEFUNDEN');

    expect((await w.liste()).json().items[0].vorlagen).toEqual([VORLAGE]);
    expect(w.ereignisse.length).toBe(vorher);
  });
});
