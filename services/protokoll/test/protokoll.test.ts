// Reading the audit trail: filters, keyset pagination, an Akte's history, streamed export,
// checkpoints, the public key, and who may read.
import { createPublicKey } from 'node:crypto';
import { authHeader, expectContract, expectProblem, testMandant } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { pruefeCheckpointSignatur } from '../src/domain/kette.js';
import { abbruchZeile } from '../src/handlers/protokoll.js';
import { bauen, ereignisseAnlegen, nEreignisse, testDienst } from './helpers.js';

const kopf = async (slug: string, rolle = 'pruefung') => authHeader({ tenant: slug, roles: [rolle] });

describe('GET /protokoll', () => {
  it('pages newest first with a keyset cursor through all events', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 5);
    const h = await kopf(m.slug);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await app.inject({ method: 'GET', url: `/api/v1/protokoll?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: h });
      expect(res.statusCode).toBe(200);
      expectContract(res, 'listProtokoll');
      const body = res.json() as { items: { sequenz: number }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.sequenz));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
    expect(pages).toBe(3);
  });

  it('filters by object, Aktenzeichen prefix, actor, action and time', async () => {
    const app = await bauen();
    const m = await testMandant();
    const obj = crypto.randomUUID();
    const [a, , c] = await ereignisseAnlegen(m.id, [
      { objektId: obj, aktenzeichen: '2.1-0007/2026', aktion: 'akte.erstellt' },
      { aktenzeichen: '2.10-0001/2026', aktion: 'akte.erstellt', akteur: { sub: 'reg-9', name: 'Rita Registratur', rollen: ['registratur'] } },
      { objektId: obj, aktenzeichen: '2.1-0007/2026', aktion: 'akte.zda' },
      { aktenzeichen: '2_1-0001/2026', aktion: 'akte.erstellt' },
    ]);
    const h = await kopf(m.slug, 'registratur');
    const q = async (query: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/protokoll?${query}`, headers: h });
      expect(res.statusCode, res.body).toBe(200);
      expectContract(res, 'listProtokoll');
      return (res.json().items as { sequenz: number }[]).map((i) => i.sequenz);
    };
    expect(await q(`objektId=${obj}`)).toEqual([3, 1]);
    expect(await q('aktenzeichen=2.1-')).toEqual([3, 1]);
    expect(await q('aktenzeichen=2.1')).toEqual([3, 2, 1]);
    // LIKE wildcards in the prefix are literal
    expect(await q('aktenzeichen=2_1')).toEqual([4]);
    expect(await q('akteur=reg-9')).toEqual([2]);
    expect(await q('aktion=akte.zda')).toEqual([3]);
    expect(await q(`von=${encodeURIComponent(c!.zeit)}`)).toEqual([4, 3]);
    expect(await q(`bis=${encodeURIComponent(c!.zeit)}&von=${encodeURIComponent(a!.zeit)}`)).toEqual([2, 1]);
    expect(await q('aktion=akte.erstellt&aktenzeichen=2.1-')).toEqual([1]);
    // times compare at microsecond precision: [zeit, zeit + 1 µs) holds exactly that event
    const plus1 = c!.zeit.replace(/(\d{6})Z$/, (d) => `${String(Number(d.slice(0, 6)) + 1).padStart(6, '0')}Z`);
    expect(await q(`von=${encodeURIComponent(c!.zeit)}&bis=${encodeURIComponent(plus1)}`)).toEqual([3]);
  });

  it('returns every field of the chain and the stored hash', async () => {
    const app = await bauen();
    const m = await testMandant();
    const [e] = await ereignisseAnlegen(m.id, [{ details: { grund: 'Prüfung', n: 1 }, aenderungen: [{ feld: 'frist', alt: 10, neu: 30 }] }]);
    const res = await app.inject({ method: 'GET', url: '/api/v1/protokoll', headers: await kopf(m.slug) });
    expect(res.json().items).toEqual([e]);
  });

  it('refuses a limit above 200, a malformed cursor, clerks and platform operators', async () => {
    const app = await bauen();
    const m = await testMandant();
    const h = await kopf(m.slug);
    const big = await app.inject({ method: 'GET', url: '/api/v1/protokoll?limit=201', headers: h });
    expectProblem(big, 400, 'VALIDIERUNGSFEHLER');
    expectContract(big, 'listProtokoll');
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/protokoll?cursor=abc', headers: h }), 400, 'UNGUELTIGER_CURSOR');
    const clerk = await app.inject({ method: 'GET', url: '/api/v1/protokoll', headers: await kopf(m.slug, 'sachbearbeitung') });
    expectProblem(clerk, 403, 'KEINE_BERECHTIGUNG');
    expectContract(clerk, 'listProtokoll');
    // the refusal is itself an audit event of the tenant, with the clerk as actor
    const ereignisse = await app.inject({ method: 'GET', url: '/api/v1/protokoll?aktion=zugriff.verweigert', headers: h });
    expect(ereignisse.json().items).toMatchObject([
      { akteurSub: `${m.slug}-sachbearbeitung`, objektTyp: 'operation', objektId: 'listProtokoll', ergebnis: 'abgelehnt', details: { status: 403, methode: 'GET', pfad: '/api/v1/protokoll' } },
    ]);
    const betrieb = await app.inject({ method: 'GET', url: '/api/v1/protokoll', headers: await authHeader({ roles: ['plattformbetrieb'] }) });
    expectProblem(betrieb, 403, 'KEINE_BERECHTIGUNG');
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/protokoll' }), 401, 'NICHT_AUTHENTIFIZIERT');
  });

  it('shows each tenant only its own events', async () => {
    const app = await bauen();
    const a = await testMandant();
    const b = await testMandant();
    await nEreignisse(a.id, 2);
    const res = await app.inject({ method: 'GET', url: '/api/v1/protokoll', headers: await kopf(b.slug) });
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });
});

describe('GET /protokoll/akteure', () => {
  it('names every user of the Protokoll by the name last recorded, sorted by name, paged by a cursor', async () => {
    const app = await bauen();
    const m = await testMandant();
    const rita = { sub: 'reg-9', name: 'Rita Registratur', rollen: ['registratur'] };
    await ereignisseAnlegen(m.id, [{ akteur: { ...rita, name: 'Rita Alt' } }, {}, { akteur: rita }, { akteur: { sub: 'ab-1', name: 'Zora Amt', rollen: ['sachbearbeitung'] } }]);
    const h = await kopf(m.slug);
    const res = await app.inject({ method: 'GET', url: '/api/v1/protokoll/akteure', headers: h });
    expect(res.statusCode, res.body).toBe(200);
    expectContract(res, 'listProtokollAkteure');
    expect(res.json()).toEqual({
      items: [
        { sub: 'reg-9', name: 'Rita Registratur' },
        { sub: 'sb-1', name: 'Sam Bearbeiter' },
        { sub: 'ab-1', name: 'Zora Amt' },
      ],
      nextCursor: null,
    });
    const seite = await app.inject({ method: 'GET', url: '/api/v1/protokoll/akteure?limit=2', headers: h });
    expect(seite.json().items.map((a: { sub: string }) => a.sub)).toEqual(['reg-9', 'sb-1']);
    const rest = await app.inject({ method: 'GET', url: `/api/v1/protokoll/akteure?limit=2&cursor=${seite.json().nextCursor}`, headers: h });
    expect(rest.json()).toEqual({ items: [{ sub: 'ab-1', name: 'Zora Amt' }], nextCursor: null });
    // another tenant's users are not named; clerks may not ask
    const b = await testMandant();
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/akteure', headers: await kopf(b.slug) })).json()).toEqual({ items: [], nextCursor: null });
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/protokoll/akteure', headers: await kopf(m.slug, 'sachbearbeitung') }), 403, 'KEINE_BERECHTIGUNG');
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/protokoll/akteure?cursor=abc', headers: h }), 400, 'UNGUELTIGER_CURSOR');
  });
});

describe('GET /akten/{id}/historie', () => {
  it("gives an Akte's own events and those of objects in it, oldest first, to clerks too", async () => {
    const app = await bauen();
    const m = await testMandant();
    const akte = crypto.randomUUID();
    await ereignisseAnlegen(m.id, [
      { objektId: akte, objektTyp: 'akte', aktion: 'akte.erstellt' },
      { objektId: crypto.randomUUID(), objektTyp: 'akte', aktion: 'akte.erstellt' },
      { objektId: crypto.randomUUID(), objektTyp: 'vorgang', akteId: akte, aktion: 'vorgang.erstellt' },
      { objektId: crypto.randomUUID(), objektTyp: 'dokument', akteId: akte, aktion: 'dokument.inhalt.gelesen' },
    ]);
    const res = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte}/historie?limit=2`, headers: await kopf(m.slug, 'sachbearbeitung') });
    expect(res.statusCode).toBe(200);
    expectContract(res, 'getAkteHistorie');
    expect(res.json().items.map((i: { sequenz: number }) => i.sequenz)).toEqual([1, 3]);
    const next = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte}/historie?limit=2&cursor=${res.json().nextCursor}`, headers: await kopf(m.slug, 'sachbearbeitung') });
    expect(next.json().items.map((i: { aktion: string }) => i.aktion)).toEqual(['dokument.inhalt.gelesen']);
    expect(next.json().nextCursor).toBeNull();
  });

  it("answers 404 for an Akte without history (also another tenant's) and 400 for a bad id", async () => {
    const app = await bauen();
    const m = await testMandant();
    const other = await testMandant();
    const akte = crypto.randomUUID();
    await ereignisseAnlegen(other.id, [{ objektId: akte }]);
    const res = await app.inject({ method: 'GET', url: `/api/v1/akten/${akte}/historie`, headers: await kopf(m.slug) });
    expectProblem(res, 404, 'NICHT_GEFUNDEN');
    expectContract(res, 'getAkteHistorie');
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/akten/nope/historie', headers: await kopf(m.slug) }), 400, 'VALIDIERUNGSFEHLER');
  });
});

describe('GET /protokoll/export', () => {
  it('streams JSONL in sequence order, one event per line, chunked', async () => {
    const app = await bauen();
    const m = await testMandant();
    const events = await nEreignisse(m.id, 4);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${address}/api/v1/protokoll/export?format=jsonl&von=2`, { headers: await kopf(m.slug) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    const lines = (await res.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(events.slice(1));
  });

  it('writes CSV with a header, JSON for arrays and objects, and quoting', async () => {
    const app = await bauen();
    const m = await testMandant();
    await ereignisseAnlegen(m.id, [{ details: { text: 'a,"b"\nc' } }, {}]);
    const res = await app.inject({ method: 'GET', url: '/api/v1/protokoll/export?format=csv&bis=1', headers: await kopf(m.slug) });
    expect(res.statusCode).toBe(200);
    expectContract(res, 'exportProtokoll');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row, rest] = res.body.split('\r\n');
    expect(header).toBe('aenderungen,akteId,aktenzeichen,akteurClient,akteurName,akteurRollen,akteurSub,aktion,clientIp,details,ergebnis,mandantId,objektId,objektTyp,requestId,sequenz,zeit,hash');
    expect(row).toContain('"[""sachbearbeitung""]"');
    expect(row).toContain('"{""text"":""a,\\""b\\""\\nc""}"');
    expect(rest).toBe('');
  });

  it('exports exactly the entries of a search: every filter of the list, alone and combined', async () => {
    const app = await bauen();
    const m = await testMandant();
    const obj = crypto.randomUUID();
    const [a, , c] = await ereignisseAnlegen(m.id, [
      { objektId: obj, aktenzeichen: '2.1-0007/2026', aktion: 'akte.erstellt' },
      { aktenzeichen: '2.10-0001/2026', aktion: 'akte.erstellt', akteur: { sub: 'reg-9', name: 'Rita Registratur', rollen: ['registratur'] } },
      { objektId: obj, aktenzeichen: '2.1-0007/2026', aktion: 'akte.zda' },
      { aktenzeichen: '2_1-0001/2026', aktion: 'akte.erstellt' },
    ]);
    const h = await kopf(m.slug);
    const exportiert = async (query: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/protokoll/export?format=jsonl&${query}`, headers: h });
      expect(res.statusCode, res.body).toBe(200);
      expectContract(res, 'exportProtokoll');
      return res.body
        .trimEnd()
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { sequenz: number }).sequenz);
    };
    const gelistet = async (query: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/protokoll?${query}`, headers: h });
      return (res.json().items as { sequenz: number }[]).map((i) => i.sequenz).reverse();
    };
    const zeit = (z: string) => encodeURIComponent(z);
    const faelle: [string, string, number[]][] = [
      [`objektId=${obj}`, `objektId=${obj}`, [1, 3]],
      ['aktenzeichen=2.1-', 'aktenzeichen=2.1-', [1, 3]],
      ['aktenzeichen=2_1', 'aktenzeichen=2_1', [4]],
      ['akteur=reg-9', 'akteur=reg-9', [2]],
      ['aktion=akte.zda', 'aktion=akte.zda', [3]],
      [`zeitVon=${zeit(c!.zeit)}`, `von=${zeit(c!.zeit)}`, [3, 4]],
      [`zeitBis=${zeit(c!.zeit)}&zeitVon=${zeit(a!.zeit)}`, `bis=${zeit(c!.zeit)}&von=${zeit(a!.zeit)}`, [1, 2]],
      ['aktion=akte.erstellt&aktenzeichen=2.1-', 'aktion=akte.erstellt&aktenzeichen=2.1-', [1]],
      // the sequence range still narrows a search
      ['aktion=akte.erstellt&von=2', 'aktion=akte.erstellt', [2, 4]],
    ];
    for (const [exportQuery, listQuery, erwartet] of faelle) {
      expect(await exportiert(exportQuery), exportQuery).toEqual(erwartet);
      if (!exportQuery.includes('von=2')) expect(await gelistet(listQuery), listQuery).toEqual(erwartet);
    }
    // the German table honours the same filters
    const tabelle = await app.inject({ method: 'GET', url: `/api/v1/protokoll/export?format=tabelle&akteur=reg-9`, headers: h });
    expect(tabelle.body.slice(1).trimEnd().split('\r\n')).toHaveLength(2);
    expect(tabelle.body).toContain('Rita Registratur');
  });

  it('writes the German table: UTF-8 with BOM, semicolons, German headers, names and Berlin time', async () => {
    const app = await bauen();
    const m = await testMandant();
    await ereignisseAnlegen(m.id, [
      { aktion: 'vorgang.zda', objektTyp: 'vorgang', aktenzeichen: '2.1-0007/2026', aenderungen: [{ feld: 'betreff', alt: 'Alt; mit Semikolon', neu: 'Neu' }] },
      { aktion: 'akte.erstellt', details: { text: '=HYPERLINK("x")' }, akteur: { sub: 'reg-9', name: '=Rita; "R."', rollen: ['registratur'] } },
    ]);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${address}/api/v1/protokoll/export?format=tabelle`, { headers: await kopf(m.slug) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-disposition')).toMatch(/filename="protokoll-1-2\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const zeilen = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(zeilen[0]).toBe('Nr.;Zeit;Wer;Kennung;Aktion;Objekt;Aktenzeichen;Änderungen;Ergebnis');
    expect(zeilen[1]).toMatch(/^1;\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2};Sam Bearbeiter;sb-1;Vorgang zu den Akten verfügt;Vorgang;2\.1-0007\/2026;"Betreff: „Alt; mit Semikolon“ → „Neu“";Erfolg$/);
    // a name that looks like a formula stays text, quotes and semicolons are quoted
    expect(zeilen[2]).toMatch(/^2;[^;]+;"'=Rita; ""R\.""";reg-9;Akte angelegt;Akte;;;Erfolg$/);
    expect(zeilen.slice(3)).toEqual(['']);
  });

  it('ends an interrupted German table with a row that says so and where it stopped', () => {
    expect(abbruchZeile('tabelle', 10000, 'req-7')).toBe('#EXPORT_ABGEBROCHEN: Der Export ist nach Nr. 10000 abgebrochen, die Datei ist unvollständig;requestId=req-7\r\n');
  });

  it('refuses a range that ends before it starts, before the first byte', async () => {
    const app = await bauen();
    const m = await testMandant();
    await nEreignisse(m.id, 3);
    for (const format of ['jsonl', 'csv']) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/protokoll/export?format=${format}&von=3&bis=2`, headers: await kopf(m.slug) });
      expectProblem(res, 400, 'UNGUELTIGER_BEREICH');
    }
  });

  it('rejects an unknown format', async () => {
    const app = await bauen();
    const m = await testMandant();
    const res = await app.inject({ method: 'GET', url: '/api/v1/protokoll/export?format=xml', headers: await kopf(m.slug) });
    expectProblem(res, 400, 'VALIDIERUNGSFEHLER');
  });
});

describe('checkpoints and key', () => {
  it('signs the chain head on demand, stores it in the database and object storage, verifiable with the served key', async () => {
    const app = await bauen();
    const m = await testMandant();
    const events = await nEreignisse(m.id, 3);
    const h = await kopf(m.slug, 'registratur');
    const created = await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: h });
    expect(created.statusCode, created.body).toBe(201);
    expectContract(created, 'createProtokollCheckpoint');
    const c = created.json();
    expect(c).toMatchObject({ mandantId: m.id, sequenz: 3, hash: events[2]!.hash });
    expect(await testDienst().storage.stat(c.objektSchluessel)).toMatchObject({ size: expect.any(Number) });

    const key = await app.inject({ method: 'GET', url: '/api/v1/protokoll/schluessel', headers: h });
    expectContract(key, 'getProtokollSchluessel');
    const pub = createPublicKey(key.json().publicKeyPem);
    expect(key.json().schluesselId).toBe(c.schluesselId);
    expect(pruefeCheckpointSignatur(pub, c, c.signatur)).toBe(true);
    expect(pruefeCheckpointSignatur(pub, { ...c, sequenz: 2 }, c.signatur)).toBe(false);

    const list = await app.inject({ method: 'GET', url: '/api/v1/protokoll/checkpoints', headers: h });
    expectContract(list, 'listProtokollCheckpoints');
    expect(list.json()).toEqual({ items: [c], nextCursor: null });
  });

  it('periodic round writes a checkpoint only for tenants whose chain moved', async () => {
    const app = await bauen();
    const { dienst } = testDienst();
    const m = await testMandant();
    await nEreignisse(m.id, 2);
    await dienst.periodisch();
    const h = await kopf(m.slug);
    const first = (await app.inject({ method: 'GET', url: '/api/v1/protokoll/checkpoints', headers: h })).json().items;
    expect(first.map((c: { sequenz: number }) => c.sequenz)).toEqual([2]);
    await dienst.periodisch();
    expect((await app.inject({ method: 'GET', url: '/api/v1/protokoll/checkpoints', headers: h })).json().items).toHaveLength(1);
    await nEreignisse(m.id, 1);
    await dienst.periodisch();
    const after = (await app.inject({ method: 'GET', url: '/api/v1/protokoll/checkpoints', headers: h })).json().items;
    expect(after.map((c: { sequenz: number }) => c.sequenz)).toEqual([3, 2]);
  });

  it('answers 409 for an empty audit trail', async () => {
    const app = await bauen();
    const m = await testMandant();
    const res = await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: await kopf(m.slug) });
    expectProblem(res, 409, 'KONFLIKT');
    expectContract(res, 'createProtokollCheckpoint');
  });
});
