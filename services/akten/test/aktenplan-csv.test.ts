import { authHeader, build, expectContract, expectProblem, testMandant } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import aktenApp from '../src/app.js';
import { leseAktenplanCsv, schreibeAktenplanCsv } from '../src/domain/aktenplan-csv.js';

const csv = (zeilen: string[]) => zeilen.join('\n') + '\n';

describe('Aktenplan CSV (rules)', () => {
  it('reports every bad row at once, with line and field', () => {
    const { fehler } = leseAktenplanCsv(
      csv(['kennzeichen,titel,frist,aussonderungsart', '1,Verwaltung,,', '1.1,,10,A', '1.2,Haushalt,zehn,X', '1.1,Doppelt,5,V', '9.9,Waise,5,V', '../x,Pfad,,']),
      new Set(),
    );
    expect(fehler).toEqual([
      { zeile: 3, feld: 'titel', meldung: expect.any(String) },
      { zeile: 4, feld: 'frist', meldung: expect.stringContaining('zehn') },
      { zeile: 4, feld: 'aussonderungsart', meldung: expect.any(String) },
      { zeile: 5, feld: 'kennzeichen', meldung: expect.stringContaining('Zeile 3') },
      { zeile: 6, feld: 'kennzeichen', meldung: 'übergeordnete Einheit 9 fehlt' },
      { zeile: 7, feld: 'kennzeichen', meldung: expect.stringContaining('ungültiges Kennzeichen') },
    ]);
  });

  it('accepts semicolons, a BOM, unbefristet and parents that already exist; writes what it reads', () => {
    const { einheiten, fehler } = leseAktenplanCsv('\uFEFFkennzeichen;titel;frist;aussonderungsart\n3.1.2;Unterhaltung;unbefristet;a\n3.1;Gewässer;10;V\n', new Set(['3']));
    expect(fehler).toEqual([]);
    expect(einheiten.map((e) => [e.kennzeichen, e.frist, e.aussonderungsart])).toEqual([
      ['3.1', 10, 'V'],
      ['3.1.2', 'unbefristet', 'A'],
    ]);
    expect(leseAktenplanCsv('kennzeichen,titel\n4,Nur Titel\n', new Set()).einheiten[0]).toMatchObject({ frist: undefined, aussonderungsart: undefined });
    const text = schreibeAktenplanCsv([{ kennzeichen: '3.1', titel: 'Gewässer, Seen "und" Flüsse', frist: 10, aussonderungsart: 'V' }]);
    expect(text).toBe('kennzeichen,titel,frist,aussonderungsart\r\n3.1,"Gewässer, Seen ""und"" Flüsse",10,V\r\n');
    expect(leseAktenplanCsv(text, new Set(['3'])).einheiten[0]).toMatchObject({ titel: 'Gewässer, Seen "und" Flüsse' });
  });
});

describe('Aktenplan CSV import and export', () => {
  it('imports a plan into an empty tenant, updates on a second import, and exports it again', async () => {
    const app = await build(aktenApp);
    const m = await testMandant('csv');
    const reg = { ...(await authHeader({ tenant: m.slug, roles: ['registratur'] })), 'content-type': 'text/csv' };
    const plan = csv(['kennzeichen,titel,frist,aussonderungsart', '2,Bauwesen,,', '2.1,Straßenbau,10,A', '2.1.3,Planfeststellung,unbefristet,A', '2.10,Bauaufsicht,30,B']);
    const erst = await app.inject({ method: 'POST', url: '/api/v1/aktenplan/import', headers: reg, payload: plan });
    expect(erst.statusCode, erst.body).toBe(200);
    expectContract(erst, 'importAktenplan');
    expect(erst.json()).toEqual({ angelegt: 4, aktualisiert: 0, unveraendert: 0 });

    const baum = (await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: reg })).json().einheiten;
    expect(baum.map((e: { kennzeichen: string; ebene: number }) => [e.kennzeichen, e.ebene])).toEqual([
      ['2', 1],
      ['2.1', 2],
      ['2.1.3', 3],
      ['2.10', 2],
    ]);

    const zweit = await app.inject({
      method: 'POST',
      url: '/api/v1/aktenplan/import',
      headers: reg,
      payload: csv(['kennzeichen,titel,frist', '2.1,Straßen- und Wegebau,15', '2.10,Bauaufsicht,30', '2.2,Hochbau,10']),
    });
    expect(zweit.json()).toEqual({ angelegt: 1, aktualisiert: 1, unveraendert: 1 });

    const exp = await app.inject({ method: 'GET', url: '/api/v1/aktenplan/export', headers: await authHeader({ tenant: m.slug, roles: ['sachbearbeitung'] }) });
    expect(exp.statusCode).toBe(200);
    expectContract(exp, 'exportAktenplan');
    expect(exp.headers['content-type']).toMatch(/^text\/csv/);
    expect(exp.body).toBe(
      'kennzeichen,titel,frist,aussonderungsart\r\n2,Bauwesen,,\r\n2.1,Straßen- und Wegebau,15,A\r\n2.1.3,Planfeststellung,unbefristet,A\r\n2.2,Hochbau,10,\r\n2.10,Bauaufsicht,30,B\r\n',
    );
  });

  it('changes nothing when any row is wrong and lists all errors', async () => {
    const app = await build(aktenApp);
    const m = await testMandant('csv');
    const reg = { ...(await authHeader({ tenant: m.slug, roles: ['registratur'] })), 'content-type': 'text/csv' };
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/aktenplan/import',
      headers: reg,
      payload: csv(['kennzeichen,titel,frist,aussonderungsart', '5,Gut,,', '5.1,Auch gut,10,A', '6.1,Ohne Eltern,10,A', '5.2,,x,Z']),
    });
    const body = expectProblem(res, 422, 'NICHT_VERARBEITBAR');
    expectContract(res, 'importAktenplan');
    expect((body.fehler as { zeile: number }[]).map((f) => f.zeile)).toEqual([4, 5, 5, 5]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/aktenplan', headers: reg })).json().einheiten).toEqual([]);
  });

  it('is for the Registratur only and takes only CSV', async () => {
    const app = await build(aktenApp);
    const m = await testMandant('csv');
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/v1/aktenplan/import',
        headers: { ...(await authHeader({ tenant: m.slug, roles: ['sachbearbeitung'] })), 'content-type': 'text/csv' },
        payload: 'kennzeichen,titel\n1,x\n',
      }),
      403,
    );
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/v1/aktenplan/import',
        headers: { ...(await authHeader({ tenant: m.slug, roles: ['registratur'] })), 'content-type': 'application/json' },
        payload: '{}',
      }),
      415,
    );
  });
});
