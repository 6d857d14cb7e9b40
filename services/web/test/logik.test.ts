// The client's own logic: error texts, paths, upload progress, search snippets, token claims.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sitzungAusToken } from '../src/auth';
import { ApiFehler, alsProblem, fehlerAnzeige, feldFehler } from '../src/fehler';
import { PFADE, passt, pfad } from '../src/pfade';
import { ausschnittTeile, sprungZiel } from '../src/suche';
import { FEHLER, T } from '../src/texte';
import { Fehlermeldung } from '../src/ui';
import { betreffAusDateiname, dateinameAus, heute, prozent } from '../src/upload';

describe('problem+json in plain German', () => {
  it('explains a closed object and a legal hold with what to do', () => {
    const zu = fehlerAnzeige({ status: 409, code: 'OBJEKT_GESCHLOSSEN', detail: 'Der Vorgang 2.1-0001/2026-001 ist geschlossen', requestId: 'r-1' });
    expect(zu.text).toMatch(/zu den Akten verfügt/);
    expect(zu.tun).toMatch(/Wiederaufnahme/);
    expect(zu.details).toEqual(['Der Vorgang 2.1-0001/2026-001 ist geschlossen']);
    expect(zu.anfrageId).toBe('r-1');
    const sperre = fehlerAnzeige({ status: 409, code: 'LOESCHSPERRE' });
    expect(sperre.text).toMatch(/Löschsperre/);
    expect(sperre.tun).toMatch(/Registratur/);
  });

  it('lists the fields of a validation error instead of repeating the joined detail', () => {
    const a = fehlerAnzeige({
      status: 400,
      code: 'VALIDIERUNGSFEHLER',
      detail: 'body.betreff: must NOT have fewer than 1 characters',
      fehler: [{ ort: 'body', feld: '/betreff', meldung: 'must NOT have fewer than 1 characters' }],
    });
    expect(a.text).toBe(FEHLER.VALIDIERUNGSFEHLER!.text);
    expect(a.details).toEqual([]);
    expect(a.felder).toEqual([{ feld: 'betreff', text: 'Bitte füllen Sie dieses Feld aus.' }]);
  });

  it('says in plain German what is wrong with a field, never the validator text', () => {
    const feld = (meldung: string) => feldFehler({ status: 400, code: 'VALIDIERUNGSFEHLER', fehler: [{ ort: 'body', feld: '/laufzeitBeginn', meldung }] })[0]!;
    expect(feld('must NOT have more than 500 characters')).toEqual({ feld: 'laufzeitBeginn', text: 'Bitte geben Sie höchstens 500 Zeichen ein.' });
    expect(feld('must match format "date"').text).toBe('Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).');
    expect(feld('must match format "email"').text).toBe('Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.');
    expect(feld('must be equal to one of the allowed values').text).toBe('Bitte wählen Sie einen der angebotenen Werte.');
    expect(feld('must be integer').text).toBe('Bitte geben Sie eine ganze Zahl ein.');
    expect(feld('something new').text).toBe('Dieser Wert ist nicht gültig.');
    for (const f of [feld('must NOT have fewer than 1 characters'), feld('something new')]) expect(f.text).not.toMatch(/must|characters/);
    // a missing property names the field it misses
    expect(feldFehler({ status: 400, fehler: [{ ort: 'body', feld: '/betreff', meldung: "must have required property 'betreff'" }] })).toEqual([
      { feld: 'betreff', text: 'Bitte füllen Sie dieses Feld aus.' },
    ]);
  });

  it('falls back on the status for unknown codes and hides server details of 5xx', () => {
    expect(fehlerAnzeige({ status: 403, code: 'NEU_UND_UNBEKANNT' }).text).toBe(FEHLER.KEINE_BERECHTIGUNG!.text);
    expect(fehlerAnzeige({ status: 404 }).text).toBe(FEHLER.NICHT_GEFUNDEN!.text);
    const intern = fehlerAnzeige({ status: 500, code: 'INTERNER_FEHLER', detail: 'stack trace' });
    expect(intern.details).toEqual([]);
    expect(alsProblem(502, '<html>')).toMatchObject({ status: 502, code: 'INTERNER_FEHLER' });
    expect(alsProblem(404, undefined)).toMatchObject({ status: 404, code: 'NICHT_GEFUNDEN' });
    expect(alsProblem(409, { status: 409, code: 'LOESCHSPERRE' }).code).toBe('LOESCHSPERRE');
  });

  it('renders an alert a screen reader announces', () => {
    const html = renderToStaticMarkup(createElement(Fehlermeldung, { fehler: new ApiFehler({ status: 409, code: 'LOESCHSPERRE', requestId: 'abc' }) }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Löschsperre');
    expect(html).toContain('Fehlerkennung für den Support: abc');
    expect(html).not.toContain('Vorgangsnummer');
    expect(renderToStaticMarkup(createElement(Fehlermeldung, {}))).toBe('');
  });
});

describe('Aussonderung wording', () => {
  it('names a running job in words and counts Akten', () => {
    expect(T.aussonderung.fortschrittText(T.aussonderung.jobs.vernichtung!, 0, 1)).toBe('Vernichtung: 0 von 1 Akte');
    expect(T.aussonderung.fortschrittText(T.aussonderung.jobs.abgabe!, 2, 3)).toBe('Abgabe an das Archiv: 2 von 3 Akten');
  });
});

describe('paths', () => {
  it('fills and matches parameters, and nothing else', () => {
    expect(pfad('akte', { id: 'a b' })).toBe('/akten/a%20b');
    expect(passt(PFADE.akte, '/akten/a%20b')).toEqual({ id: 'a b' });
    expect(passt(PFADE.akte, '/akten/x/')).toEqual({ id: 'x' });
    expect(passt(PFADE.akte, '/akten')).toBeUndefined();
    expect(passt(PFADE.akte, '/akten/x/y')).toBeUndefined();
    expect(passt(PFADE.akte, '/akten/%E0%A4%A')).toBeUndefined();
    expect(passt(PFADE.start, '/')).toEqual({});
  });
});

describe('upload', () => {
  it('computes whole percentages within 0..100', () => {
    expect(prozent({ geladen: 0, gesamt: 0 })).toBe(0);
    expect(prozent({ geladen: 1, gesamt: 3 })).toBe(33);
    expect(prozent({ geladen: 5, gesamt: 4 })).toBe(100);
    expect(prozent({ geladen: 4, gesamt: 4 })).toBe(100);
  });
  it("takes a download's file name from Content-Disposition, RFC 6266 filename* first, never a path", () => {
    expect(dateinameAus(`attachment; filename="x.zip"; filename*=UTF-8''Vernichtungsprotokoll%20M%C3%BCller.pdf`, 'f')).toBe('Vernichtungsprotokoll Müller.pdf');
    expect(dateinameAus('attachment; filename="a_0501.zip"', 'f')).toBe('a_0501.zip');
    expect(dateinameAus('attachment; filename="../../etc/passwd"', 'f')).toBe('.._.._etc_passwd');
    expect(dateinameAus(null, 'ersatz.pdf')).toBe('ersatz.pdf');
    expect(dateinameAus(`attachment; filename*=UTF-8''%E0%A4%A`, 'ersatz')).toBe('ersatz');
  });
  it('takes the Betreff from the file name and today from Berlin', () => {
    expect(betreffAusDateiname('Antrag Müller.pdf')).toBe('Antrag Müller');
    expect(betreffAusDateiname('.pdf')).toBe('.pdf');
    expect(betreffAusDateiname('Bericht v1.2 final')).toBe('Bericht v1.2 final');
    // 23:30 UTC on 31 December is already 1 January in Berlin
    expect(heute(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('search', () => {
  it('splits a snippet at the «» marks without parsing HTML', () => {
    expect(ausschnittTeile('vor «Treffer» nach <b>x</b>')).toEqual([
      { text: 'vor ', treffer: false },
      { text: 'Treffer', treffer: true },
      { text: ' nach <b>x</b>', treffer: false },
    ]);
    expect(ausschnittTeile('«a»«b»')).toEqual([
      { text: 'a', treffer: true },
      { text: 'b', treffer: true },
    ]);
  });
  it('jumps only for exactly one Akte with that Aktenzeichen', () => {
    const akte = { typ: 'akte', id: '1', kennzeichen: '2.1-0001/2026' };
    expect(sprungZiel(' 2.1-0001/2026 ', [akte, { typ: 'vorgang', id: '2', kennzeichen: '2.1-0001/2026-001' }])).toBe('1');
    expect(sprungZiel('2.1-0001', [akte])).toBeUndefined();
    expect(sprungZiel('Straßenbau', [akte])).toBeUndefined();
  });
});

describe('session from the access token', () => {
  const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
  it('reads name, tenant and roles from Keycloak-style claims', () => {
    const s = sitzungAusToken(jwt({ sub: 'u1', name: 'Jürgen Groß', mandant: 'demo', realm_access: { roles: ['sachbearbeitung'] }, roles: ['registratur'], exp: 2_000_000_000 }));
    expect(s).toMatchObject({ sub: 'u1', name: 'Jürgen Groß', mandant: 'demo', rollen: ['sachbearbeitung', 'registratur'], ablauf: 2_000_000_000_000 });
  });
  it('refuses what is no JWT', () => {
    expect(() => sitzungAusToken('kein-token')).toThrow();
  });
});
