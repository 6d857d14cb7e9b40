// The shape of a Laufweg and what a Votum leads to (docs/domaene.md R16).
import { describe, expect, it } from 'vitest';
import { folgeDerVorversion, folgeDesVotums, platziere, pruefeSchlussverfuegung } from '../src/laufweg.js';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return null;
};

describe('Laufweg (docs/domaene.md R16)', () => {
  it('places consecutive steps of one parallel group at one position', () => {
    expect(
      platziere([
        { aktion: 'bearbeitung' },
        { aktion: 'mitzeichnung', parallelGruppe: 4 },
        { aktion: 'mitzeichnung', parallelGruppe: 4 },
        { aktion: 'kenntnisnahme', parallelGruppe: 5 },
        { aktion: 'zeichnung' },
      ]),
    ).toEqual([
      { position: 1, zweig: 1 },
      { position: 2, zweig: 1 },
      { position: 2, zweig: 2 },
      { position: 3, zweig: 1 },
      { position: 4, zweig: 1 },
    ]);
  });

  it('refuses an empty Laufweg, a broken group, two Zeichnungen and a Zeichnung not alone at the end', () => {
    expect(code(() => platziere([]))).toBe('LAUFWEG_UNGUELTIG');
    expect(code(() => platziere([{ aktion: 'mitzeichnung', parallelGruppe: 1 }, { aktion: 'bearbeitung' }, { aktion: 'mitzeichnung', parallelGruppe: 1 }]))).toBe('LAUFWEG_UNGUELTIG');
    expect(code(() => platziere([{ aktion: 'zeichnung' }, { aktion: 'zeichnung' }]))).toBe('LAUFWEG_UNGUELTIG');
    expect(code(() => platziere([{ aktion: 'zeichnung' }, { aktion: 'kenntnisnahme' }]))).toBe('LAUFWEG_UNGUELTIG');
    expect(
      code(() =>
        platziere([
          { aktion: 'mitzeichnung', parallelGruppe: 2 },
          { aktion: 'zeichnung', parallelGruppe: 2 },
        ]),
      ),
    ).toBe('LAUFWEG_UNGUELTIG');
    expect(code(() => platziere([{ aktion: 'zeichnung' }]))).toBeNull();
  });

  it('needs a Votum for a Mitzeichnung only; nicht_einverstanden goes back', () => {
    expect(folgeDesVotums('mitzeichnung', 'einverstanden')).toBe('weiter');
    expect(folgeDesVotums('mitzeichnung', 'einverstanden_mit_aenderungen')).toBe('weiter');
    expect(folgeDesVotums('mitzeichnung', 'nicht_einverstanden')).toBe('zurueck');
    expect(code(() => folgeDesVotums('mitzeichnung', undefined))).toBe('VOTUM_UNGUELTIG');
    expect(code(() => folgeDesVotums('zeichnung', 'einverstanden'))).toBe('VOTUM_UNGUELTIG');
    expect(folgeDesVotums('kenntnisnahme', undefined)).toBe('weiter');
  });

  it('takes a date only with wv, which needs one; zum_vorgang and weglegen take none', () => {
    expect(code(() => pruefeSchlussverfuegung({ art: 'wv' }))).toBe('SCHLUSSVERFUEGUNG_UNZULAESSIG');
    expect(code(() => pruefeSchlussverfuegung({ art: 'wv', datum: '2031-01-01' }))).toBeNull();
    for (const art of ['zdA', 'zum_vorgang', 'weglegen'] as const) {
      expect(code(() => pruefeSchlussverfuegung({ art }))).toBeNull();
      expect(code(() => pruefeSchlussverfuegung({ art, datum: '2031-01-01' }))).toBe('SCHLUSSVERFUEGUNG_UNZULAESSIG');
    }
  });

  it('refuses a Zeichnung over Mitzeichnungen on an older version unless the signer asks again or gives a reason', () => {
    expect(code(() => folgeDerVorversion('zeichnung', 2, undefined, undefined))).toBe('MITZEICHNUNG_AUF_VORVERSION');
    expect(folgeDerVorversion('zeichnung', 0, undefined, undefined)).toEqual({ art: 'keine' });
    expect(folgeDerVorversion('mitzeichnung', 2, undefined, undefined)).toEqual({ art: 'keine' });
    expect(folgeDerVorversion('zeichnung', 1, 'erneut_mitzeichnen', undefined)).toEqual({ art: 'erneut' });
    expect(code(() => folgeDerVorversion('zeichnung', 1, 'uebergehen', undefined))).toBe('GRUND_ERFORDERLICH');
    expect(code(() => folgeDerVorversion('zeichnung', 1, 'uebergehen', '  '))).toBe('GRUND_ERFORDERLICH');
    expect(folgeDerVorversion('zeichnung', 1, 'uebergehen', ' Tippfehler ')).toEqual({ art: 'uebergehen', grund: 'Tippfehler' });
    // nothing to choose
    expect(code(() => folgeDerVorversion('zeichnung', 0, 'erneut_mitzeichnen', undefined))).toBe('NICHT_VERARBEITBAR');
    expect(code(() => folgeDerVorversion('bearbeitung', 1, 'uebergehen', 'x'))).toBe('NICHT_VERARBEITBAR');
    // a reason belongs to passing over, and to nothing else
    expect(code(() => folgeDerVorversion('zeichnung', 0, undefined, 'warum auch immer'))).toBe('NICHT_VERARBEITBAR');
    expect(code(() => folgeDerVorversion('zeichnung', 1, 'erneut_mitzeichnen', 'warum auch immer'))).toBe('NICHT_VERARBEITBAR');
  });
});
