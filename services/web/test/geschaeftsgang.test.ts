// The Geschäftsgang in the client: the Postkorb puts overdue items first (its counts: postkorb.test.ts),
// each item opens where it is worked on; the editor's rows
// become the API's Laufweg with parallel groups; the Laufweg shows who did what, a deputy "i. V.";
// a problem with one deputy's field stands at that field.
import type { Schemas } from '@eakte/api-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fehlerAnzeige, feldFehler } from '../src/fehler';
import {
  bearbeitbareSchritte,
  endetLaufweg,
  entwurfAusVorlage,
  laufwegAenderbar,
  laufwegAusEntwurf,
  postkorbOrdnen,
  postkorbZiel,
  type PostkorbEintrag,
  type SchrittEntwurf,
} from '../src/geschaeftsgang';

vi.stubGlobal('location', { origin: 'http://127.0.0.1', pathname: '/', search: '' });
let seite: typeof import('../src/seiten/Verfuegung');
let vertretung: typeof import('../src/seiten/Vertretung');
let benachrichtigungen: typeof import('../src/seiten/Benachrichtigungen');
beforeAll(async () => {
  [seite, vertretung, benachrichtigungen] = await Promise.all([import('../src/seiten/Verfuegung'), import('../src/seiten/Vertretung'), import('../src/seiten/Benachrichtigungen')]);
});

const V = '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b10';
const OE = '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b70';
const eintrag = (x: Partial<PostkorbEintrag>): PostkorbEintrag => ({ art: 'schritt', verfuegungId: V, vorgangId: 'vg', schrittId: 's', frist: null, eingangAm: '2026-12-01T08:00:00Z', ...x });

describe('Postkorb', () => {
  it('puts overdue items first, the earliest Frist on top, the rest in the server order', () => {
    const l = [eintrag({ schrittId: 'a' }), eintrag({ schrittId: 'b', frist: '2026-12-10' }), eintrag({ schrittId: 'c', frist: '2026-12-02' }), eintrag({ schrittId: 'd', frist: '2026-11-20' })];
    expect(postkorbOrdnen(l, '2026-12-03').map((e) => e.schrittId)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('opens a step on its Verfügung, a returned Verfügung as such, a Wiedervorlage on its Vorgang', () => {
    expect(postkorbZiel(eintrag({ schrittId: 'sch 1' }))).toBe(`/verfuegungen/${V}?schritt=sch%201`);
    expect(postkorbZiel(eintrag({ art: 'rueckgabe', schrittId: null }))).toBe(`/verfuegungen/${V}`);
    expect(postkorbZiel({ art: 'wiedervorlage', vorgangId: 'vg1', datum: '2026-12-01' })).toBe('/vorgaenge/vg1');
  });
});

const zeile = (x: Partial<SchrittEntwurf>): SchrittEntwurf => ({
  schluessel: 0,
  art: 'person',
  sub: '',
  organisationseinheitId: '',
  aktion: 'mitzeichnung',
  frist: '',
  hinweis: '',
  parallel: false,
  ...x,
});

describe('Verfügung editor', () => {
  it('makes consecutive parallel rows one group, single rows none; an org unit by its id', () => {
    const l = laufwegAusEntwurf([
      zeile({ sub: ' mueller ', frist: '2026-12-10' }),
      zeile({ art: 'einheit', organisationseinheitId: OE, parallel: true }),
      zeile({ sub: 'meier', aktion: 'stellungnahme' }),
      zeile({ sub: 'a', aktion: 'kenntnisnahme' }),
      zeile({ sub: 'b', aktion: 'kenntnisnahme', parallel: true, hinweis: '  ' }),
      zeile({ sub: 'schmidt', aktion: 'zeichnung', hinweis: 'Bitte zeichnen' }),
    ]);
    expect(l).toEqual([
      { bearbeiter: { sub: 'mueller' }, aktion: 'mitzeichnung', frist: '2026-12-10', parallelGruppe: 1 },
      { bearbeiter: { organisationseinheitId: OE }, aktion: 'mitzeichnung', parallelGruppe: 1 },
      { bearbeiter: { sub: 'meier' }, aktion: 'stellungnahme' },
      { bearbeiter: { sub: 'a' }, aktion: 'kenntnisnahme', parallelGruppe: 2 },
      { bearbeiter: { sub: 'b' }, aktion: 'kenntnisnahme', parallelGruppe: 2 },
      { bearbeiter: { sub: 'schmidt' }, aktion: 'zeichnung', hinweis: 'Bitte zeichnen' },
    ]);
    // the first row has nothing to run beside
    expect(laufwegAusEntwurf([zeile({ sub: 'x', parallel: true })])).toEqual([{ bearbeiter: { sub: 'x' }, aktion: 'mitzeichnung' }]);
  });
});

const schritt = (x: Partial<Schemas['Schritt']>): Schemas['Schritt'] => ({
  id: 's',
  position: 1,
  zweig: 1,
  bearbeiter: { sub: 'mueller' },
  uebernommenVon: null,
  aktion: 'mitzeichnung',
  frist: null,
  hinweis: null,
  zustand: 'geplant',
  votum: null,
  kommentar: null,
  erledigtVon: null,
  erledigtAm: null,
  imAuftragVon: null,
  aufVorversion: false,
  vorversionGrund: null,
  ...x,
});
const verfuegung = (laufweg: Schemas['Schritt'][]): Schemas['Verfuegung'] => ({
  id: V,
  vorgangId: 'vg',
  betreff: 'Stellungnahme',
  verfasser: 'sachbearbeitung',
  status: 'laufend',
  aktuellePosition: 1,
  dokumente: [],
  laufweg,
  schlussverfuegung: null,
  version: 1,
  erstelltAm: '2026-12-01T08:00:00Z',
  geaendertAm: '2026-12-01T08:00:00Z',
});

describe('Verfügung and its Laufweg', () => {
  const lauf = verfuegung([
    schritt({
      id: 'm1',
      zustand: 'erledigt',
      votum: 'einverstanden_mit_aenderungen',
      kommentar: 'Absatz 2 kürzen',
      erledigtVon: 'vertreterin',
      imAuftragVon: 'mueller',
      erledigtAm: '2026-12-02T09:30:00Z',
    }),
    schritt({ id: 'm2', zweig: 2, bearbeiter: { organisationseinheitId: OE }, zustand: 'aktuell' }),
    schritt({ id: 'z', position: 2, bearbeiter: { sub: 'chefin' }, aktion: 'zeichnung' }),
  ]);

  it('shows each step with its state, Votum and who did it, a deputy "i. V."', () => {
    const html = renderToStaticMarkup(createElement(seite.Laufweg, { v: lauf, oes: new Map([[OE, { id: OE, kuerzel: 'FB 3', name: 'Bauen' }]]) }));
    expect(html).toContain('Schritt 1 (2 parallel)');
    expect(html).toContain('vertreterin i. V. für mueller');
    expect(html).toContain('Votum: einverstanden mit Änderungen');
    expect(html).toContain('Kommentar: Absatz 2 kürzen');
    expect(html).toContain('Organisationseinheit FB 3 – Bauen');
    expect(html).toContain('Schlusszeichnung</strong>: chefin – geplant');
    // no take-over offered unless the Postkorb opened that group step
    expect(html).not.toContain('Übernehmen');
    const mit = renderToStaticMarkup(createElement(seite.Laufweg, { v: lauf, oes: new Map(), uebernehmen: { schritt: 'm2', aktion: () => {}, laeuft: false } }));
    expect(mit).toContain('aria-label="Übernehmen: Mitzeichnung"');
  });

  it('turns a Laufweg template into the editor rows, and back into the same Laufweg', () => {
    let n = 0;
    const vorlage: Schemas['VorlageSchritt'][] = [
      { bearbeiter: { sub: 'mueller' }, aktion: 'mitzeichnung', parallelGruppe: 1 },
      { bearbeiter: { organisationseinheitId: OE }, aktion: 'mitzeichnung', parallelGruppe: 1 },
      { bearbeiter: { sub: 'meier' }, aktion: 'stellungnahme', parallelGruppe: 2 },
      { bearbeiter: { sub: 'schmidt' }, aktion: 'zeichnung', hinweis: 'Bitte zeichnen' },
    ];
    const zeilen = entwurfAusVorlage(vorlage, () => ++n);
    expect(zeilen.map((z) => [z.schluessel, z.art, z.parallel, z.frist])).toEqual([
      [1, 'person', false, ''],
      [2, 'einheit', true, ''],
      [3, 'person', false, ''],
      [4, 'person', false, ''],
    ]);
    // a group of one is no group: the Laufweg sent says the same as the template
    expect(laufwegAusEntwurf(zeilen)).toEqual([vorlage[0], vorlage[1], { bearbeiter: { sub: 'meier' }, aktion: 'stellungnahme' }, vorlage[3]]);
  });

  it('names each pinned document with its version and marks the Entwurf', () => {
    const html = renderToStaticMarkup(
      createElement(seite.Dokumente, {
        dokumente: [
          { dokumentId: 'd1', version: 2, entwurf: true },
          { dokumentId: 'd2', version: 1, entwurf: false },
        ],
      }),
    );
    expect(html).toContain('(Version 2, Entwurf)');
    expect(html).toContain('(Version 1)');
    expect(html.match(/Entwurf/g)).toHaveLength(1);
  });

  it('offers the Schlussverfügung only on the step that ends the Laufweg', () => {
    expect(endetLaufweg(lauf, lauf.laufweg[1]!)).toBe(false);
    const letzte = verfuegung([schritt({ id: 'm1', zustand: 'erledigt' }), schritt({ id: 'z', position: 2, aktion: 'zeichnung', zustand: 'aktuell' })]);
    expect(endetLaufweg(letzte, letzte.laufweg[1]!)).toBe(true);
    const parallel = verfuegung([schritt({ id: 'a', zustand: 'aktuell' }), schritt({ id: 'b', zweig: 2, zustand: 'aktuell' })]);
    expect(endetLaufweg(parallel, parallel.laufweg[0]!)).toBe(false);
  });

  it('gives the form for the step the Postkorb opened or the user’s own current one, none on a finished Verfügung', () => {
    expect(bearbeitbareSchritte(lauf, 'jemand', 'm2').map((s) => s.id)).toEqual(['m2']);
    expect(bearbeitbareSchritte(lauf, 'jemand').map((s) => s.id)).toEqual([]);
    expect(bearbeitbareSchritte({ ...lauf, laufweg: [schritt({ id: 'x', zustand: 'aktuell' })] }, 'mueller').map((s) => s.id)).toEqual(['x']);
    expect(bearbeitbareSchritte({ ...lauf, status: 'abgeschlossen' }, 'jemand', 'm2')).toEqual([]);
  });

  it('lets the author send a returned Verfügung again with a new Laufweg and a reason', () => {
    const zurueck = { ...lauf, status: 'zurueckgegeben' as const, aktuellePosition: null };
    expect(laufwegAenderbar(zurueck, 'sachbearbeitung')).toBe(true);
    expect(laufwegAenderbar(zurueck, 'mueller')).toBe(false);
    expect(laufwegAenderbar({ ...lauf, status: 'abgeschlossen' }, 'sachbearbeitung')).toBe(false);
    // once the Schlusszeichnung lies before its signer, nothing may follow it
    expect(laufwegAenderbar(verfuegung([schritt({ id: 'z', aktion: 'zeichnung', zustand: 'aktuell' })]), 'sachbearbeitung')).toBe(false);
    const html = renderToStaticMarkup(createElement(seite.LaufwegAendern, { v: zurueck, fertig: () => {} }));
    expect(html).toContain('Grund der Änderung');
    expect(html).toContain('name="laufweg/0/bearbeiter/sub"');
    expect(html).toContain('Erneut senden');
    // a running one opens the form on request only
    const laufend = renderToStaticMarkup(createElement(seite.LaufwegAendern, { v: lauf, fertig: () => {} }));
    expect(laufend).not.toContain('Grund der Änderung');
    expect(laufend).toContain('aria-expanded="false"');
  });

  it('explains the Geschäftsgang problems in plain German', () => {
    expect(fehlerAnzeige({ status: 409, code: 'SCHRITT_UEBERNOMMEN' }).text).toMatch(/schon übernommen/);
    expect(fehlerAnzeige({ status: 403, code: 'NICHT_BEARBEITER' }).text).toMatch(/nicht bei Ihnen/);
    const lw = fehlerAnzeige({ status: 422, code: 'LAUFWEG_UNGUELTIG', detail: 'Schritt 2: die Zeichnung ist der letzte Schritt und steht allein' });
    expect(lw.tun).toMatch(/Schlusszeichnung/);
    expect(lw.details).toEqual(['Schritt 2: die Zeichnung ist der letzte Schritt und steht allein']);
  });
});

describe('Vertretung', () => {
  it('names the field of the one deputy a problem is about', () => {
    expect(feldFehler({ status: 422, fehler: [{ ort: 'body', feld: '/vertreter/1/abwesendBis', meldung: 'liegt vor abwesendVon' }] })).toEqual([
      { feld: 'abwesendBis', pfad: 'vertreter/1/abwesendBis', text: 'Dieser Wert ist nicht gültig.' },
    ]);
  });

  it('sends filled rows only, open ends as null', () => {
    expect(
      vertretung.vertreterAus([
        { schluessel: 1, sub: ' mueller ', abwesendVon: '2026-12-03', abwesendBis: '' },
        { schluessel: 2, sub: '  ', abwesendVon: '', abwesendBis: '' },
      ]),
    ).toEqual([{ sub: 'mueller', abwesendVon: '2026-12-03', abwesendBis: null }]);
  });
});

describe('Benachrichtigungen', () => {
  it('sends an empty address as none, and the switch as it is', () => {
    expect(benachrichtigungen.einstellungAus('  ', true)).toEqual({ email: null, aktiv: true });
    expect(benachrichtigungen.einstellungAus(' erika@behoerde.example ', false)).toEqual({ email: 'erika@behoerde.example', aktiv: false });
  });
});

describe('Laufweg templates of an org unit', () => {
  it('turn into editor rows and back into the same templates, without dates, names trimmed', async () => {
    const { vorlageEntwurf, vorlagenAusEntwurf } = await import('../src/seiten/Laufwegvorlagen');
    const vorlage = {
      name: 'Zwei Mitzeichnungen',
      laufweg: [
        { bearbeiter: { sub: 'mueller' }, aktion: 'mitzeichnung' as const, parallelGruppe: 1 },
        { bearbeiter: { organisationseinheitId: '01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b70' }, aktion: 'mitzeichnung' as const, parallelGruppe: 1 },
        { bearbeiter: { sub: 'leitung' }, aktion: 'zeichnung' as const, hinweis: 'Bitte zeichnen' },
      ],
    };
    const e = vorlageEntwurf(vorlage);
    expect(vorlagenAusEntwurf([{ ...e, name: `  ${e.name} ` }])).toEqual([vorlage]);
    // a row with a Frist (none is offered) sends none
    expect(vorlagenAusEntwurf([{ ...e, zeilen: e.zeilen.map((z) => ({ ...z, frist: '2030-01-01' })) }])[0]!.laufweg.some((s) => 'frist' in s)).toBe(false);
    // a new template starts with a Mitzeichnung and the Schlusszeichnung
    expect(vorlageEntwurf().zeilen.map((z) => z.aktion)).toEqual(['mitzeichnung', 'zeichnung']);
  });

  it('is a screen of Fachadministration only', async () => {
    const { darf } = await import('../src/rechte');
    expect(darf(['fachadministration'], 'laufwegvorlagen')).toBe(true);
    expect(darf(['sachbearbeitung'], 'laufwegvorlagen')).toBe(false);
  });
});
