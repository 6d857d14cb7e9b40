// Two instances of every service behind one gateway (topologie.ts): background jobs run once (text
// extraction, fixity, sweeper, checkpoints, the Aussonderung's removal and protocol),
// Aktenzeichen stay gap-free, and a rolling restart under load loses nothing.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { berichte, einheitFuerNeueAkten } from '@eakte/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIENSTE, starteTopologie, type Topologie } from './topologie.js';

let t: Topologie;
const INTERVALL = 2;

beforeAll(async () => {
  t = await starteTopologie({
    env: {
      // the periodic rounds short, so a test sees many of them
      PROTOKOLL_CHECKPOINT_INTERVALL: String(INTERVALL),
      DOKUMENTE_FIXITY_INTERVALL_SEKUNDEN: String(INTERVALL),
      DOKUMENTE_SWEEPER_INTERVALL_SEKUNDEN: String(INTERVALL),
      DOKUMENTE_ARBEITER_INTERVALL_SEKUNDEN: '1',
      AUSSONDERUNG_ARBEITER_INTERVALL_SEKUNDEN: '1',
    },
    gatewayEnv: { RATE_LIMIT_MAX: '100000' },
  });
});
afterAll(async () => t?.stop());

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const warte = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function sachbearbeitung() {
  return { ...(await t.kopf(['sachbearbeitung'])), 'content-type': 'application/json' };
}

async function einheit() {
  const plan = await json<{ einheiten: { id: string }[] }>(await fetch(`${t.gateway}/api/v1/aktenplan`, { headers: await t.kopf(['sachbearbeitung']) }));
  return einheitFuerNeueAkten(plan.einheiten).id;
}

async function akteMitVorgang(betreff: string) {
  const h = await sachbearbeitung();
  const akte = await json<{ id: string }>(await fetch(`${t.gateway}/api/v1/akten`, { method: 'POST', headers: h, body: JSON.stringify({ aktenplaneinheitId: await einheit(), betreff }) }));
  const vorgang = await json<{ id: string }>(await fetch(`${t.gateway}/api/v1/akten/${akte.id}/vorgaenge`, { method: 'POST', headers: h, body: JSON.stringify({ betreff }) }));
  return { akteId: akte.id, vorgangId: vorgang.id };
}

function hochladen(vorgangId: string, inhalt: Uint8Array<ArrayBuffer>, name: string, headers: Record<string, string>) {
  const form = new FormData();
  form.set('betreff', name);
  form.set('datumDesSchreibens', '2026-12-01');
  form.set('datei', new Blob([inhalt], { type: 'text/plain' }), `${name}.txt`);
  return fetch(`${t.gateway}/api/v1/vorgaenge/${vorgangId}/dokumente`, { method: 'POST', headers, body: form });
}

/** The jobs a service's instances logged as done, by job id: each id must appear once. */
function erledigteAuftraege() {
  const je = new Map<string, { aufgabe: string; prozesse: string[] }>();
  for (const z of t.logs()) {
    if (z.msg !== 'job done') continue;
    const schluessel = `${String(z.dienst ?? z.prozess).replace(/-\d$/, '')}:${String(z.auftragId)}`;
    const e = je.get(schluessel) ?? { aufgabe: String(z.aufgabe), prozesse: [] };
    e.prozesse.push(String(z.prozess));
    je.set(schluessel, e);
  }
  return je;
}

describe('two instances of every service', () => {
  it('runs every background job once: text extraction, fixity, sweeper, checkpoints', async () => {
    const { vorgangId } = await akteMitVorgang('Aufträge einmal');
    const kopf = await t.kopf(['sachbearbeitung']);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await hochladen(vorgangId, Buffer.from(`Bescheid Nummer ${i} über die Aufträge\n`.repeat(50)), `Auftrag ${i}`, kopf);
      ids.push((await json<{ id: string }>(res)).id);
    }
    // several periodic rounds pass while both instances of each service are running
    await warte(5 * INTERVALL * 1000 + 2_000);
    const db = new pg.Client({ connectionString: t.infra.superuserUrl ?? t.infra.ownerUrl });
    await db.connect();
    try {
      // one extracted text per version
      const texte = await db.query<{ dokument_id: string; n: number }>(`select dokument_id, count(*)::int as n from dokumente.volltext where dokument_id = any($1::uuid[]) group by dokument_id`, [
        ids,
      ]);
      expect(texte.rows.map((r) => r.n)).toEqual(ids.map(() => 1));
      // the fixity check confirms each Dokument once (an audit event only when the state changes)
      const bestaetigt = await db.query<{ objekt_id: string; n: number }>(
        `select objekt_id, count(*)::int as n from protokoll.ereignis where aktion = 'dokument.integritaet.bestaetigt' and objekt_id = any($1::text[]) group by objekt_id`,
        [ids],
      );
      expect(bestaetigt.rows.map((r) => r.n).sort()).toEqual(ids.map(() => 1));
    } finally {
      await db.end();
    }
    // every job id was worked by one instance, once
    const auftraege = erledigteAuftraege();
    const doppelt = [...auftraege.entries()].filter(([, e]) => e.prozesse.length > 1);
    expect(doppelt).toEqual([]);
    const textJobs = [...auftraege.values()].filter((e) => e.aufgabe === 'textextraktion');
    expect(textJobs.length).toBeGreaterThanOrEqual(ids.length);
    // the periodic rounds: one per interval across both instances, never two at once
    for (const aufgabe of ['fixity', 'sweeper', 'checkpoints']) {
      const zeiten = t
        .logs()
        .filter((z) => z.msg === 'job done' && z.aufgabe === aufgabe)
        // when the round started: the next one is planned as a round starts, its end depends on the load
        .map((z) => Number(z.time) - Number(z.ms))
        .sort((a, b) => a - b);
      expect(zeiten.length, aufgabe).toBeGreaterThanOrEqual(4);
      const abstaende = zeiten.slice(1).map((x, i) => x - zeiten[i]!);
      expect(Math.min(...abstaende), `${aufgabe}: ${abstaende.join(', ')}`).toBeGreaterThan(INTERVALL * 1000 * 0.7);
    }
  });

  it('runs the Aussonderung jobs once: one removal per Akte, one Vernichtungsprotokoll, over both instances', async (context) => {
    const annaOhneInhalt = await t.kopf(['registratur'], 'demo', 'demo-anna');
    const anna = { ...annaOhneInhalt, 'content-type': 'application/json' };
    const bernd = await t.kopf(['registratur'], 'demo', 'demo-bernd');
    const plan = await json<{ einheiten: { id: string; kennzeichen: string }[] }>(await fetch(`${t.gateway}/api/v1/aktenplan`, { headers: anna }));
    // the demo plan's unit whose Akten are destroyed (aussonderungsart V)
    const einheitId = plan.einheiten.find((e) => e.kennzeichen === '4.2')!.id;
    const akten: string[] = [];
    for (let i = 0; i < 6; i++) {
      const akte = await json<{ id: string }>(
        await fetch(`${t.gateway}/api/v1/akten`, { method: 'POST', headers: anna, body: JSON.stringify({ aktenplaneinheitId: einheitId, betreff: `Gewerbe ${i}` }) }),
      );
      const vorgang = await json<{ id: string }>(await fetch(`${t.gateway}/api/v1/akten/${akte.id}/vorgaenge`, { method: 'POST', headers: anna, body: JSON.stringify({ betreff: 'Anzeige' }) }));
      await json(await hochladen(vorgang.id, Buffer.from(`Gewerbeanzeige ${i}\n`), `Anzeige ${i}`, annaOhneInhalt));
      await json(await fetch(`${t.gateway}/api/v1/vorgaenge/${vorgang.id}/zda`, { method: 'POST', headers: annaOhneInhalt }));
      await json(await fetch(`${t.gateway}/api/v1/akten/${akte.id}/zda`, { method: 'POST', headers: anna, body: '{}' }));
      akten.push(akte.id);
    }
    const db = new pg.Client({ connectionString: t.infra.superuserUrl ?? t.infra.ownerUrl });
    await db.connect();
    try {
      // a test cannot wait five years for the retention to end
      await db.query(`update akten.akte set aufbewahrung_bis = '2025-12-31', aussonderung_faellig_ab = '2026-01-01' where id = any($1::uuid[])`, [akten]);
      const { id } = await json<{ id: string }>(await fetch(`${t.gateway}/api/v1/aussonderungen`, { method: 'POST', headers: anna, body: JSON.stringify({ akten }) }));
      await json(
        await fetch(`${t.gateway}/api/v1/aussonderungen/${id}/bewertung`, {
          method: 'POST',
          headers: anna,
          body: JSON.stringify({ bewertungen: Object.fromEntries(akten.map((a) => [a, 'V'])), zeichen: 'LATh 7511/2026', datum: '2026-03-01', archivar: 'Dr. Erika Mustermann' }),
        }),
      );
      await json(await fetch(`${t.gateway}/api/v1/aussonderungen/${id}/vernichtung`, { method: 'POST', headers: annaOhneInhalt }));
      await json(await fetch(`${t.gateway}/api/v1/aussonderungen/${id}/vernichtung/freigabe`, { method: 'POST', headers: bernd }));
      const bis = Date.now() + 90_000;
      let a: { status: string; objekte: { status: string }[] };
      do {
        await warte(500);
        a = await json(await fetch(`${t.gateway}/api/v1/aussonderungen/${id}`, { headers: anna }));
      } while (a.status !== 'abgeschlossen' && Date.now() < bis);
      expect(a.status).toBe('abgeschlossen');
      expect(a.objekte.map((o) => o.status)).toEqual(akten.map(() => 'vernichtet'));
      // let a second run, if one were to happen, leave its trace
      await warte(3_000);
      const ereignisse = await db.query<{ aktion: string; objekt_id: string; n: number }>(
        `select aktion, objekt_id, count(*)::int as n from protokoll.ereignis
          where (aktion = 'akte.vernichtet' and objekt_id = any($1::text[])) or (aktion like 'aussonderung.vernichtungsprotokoll.%' and objekt_id = $2)
          group by 1, 2 order by 1, 2`,
        [akten, id],
      );
      expect(ereignisse.rows).toEqual([
        ...akten.map((a) => ({ aktion: 'akte.vernichtet', objekt_id: a, n: 1 })).sort((x, y) => x.objekt_id.localeCompare(y.objekt_id)),
        { aktion: 'aussonderung.vernichtungsprotokoll.erstellt', objekt_id: id, n: 1 },
      ]);
      const protokolle = await db.query<{ n: number; nachtraege: number }>(
        `select count(*)::int as n, (select count(*)::int from aussonderung.vernichtungsnachtrag nt where nt.vernichtung_id = any(array_agg(v.id))) as nachtraege
           from aussonderung.vernichtung v where v.aussonderung_id = $1 and v.protokoll_schluessel is not null`,
        [id],
      );
      expect(protokolle.rows[0]).toEqual({ n: 1, nachtraege: 0 });
    } finally {
      await db.end();
    }
    // each job of the Aussonderung done by one instance, once, and the work shared by both
    const jobs = [...erledigteAuftraege().entries()].filter(([k]) => k.startsWith('aussonderung'));
    expect(jobs.filter(([, e]) => e.prozesse.length > 1)).toEqual([]);
    expect(jobs.length).toBeGreaterThanOrEqual(akten.length + 1);
    const je = (p: string) => jobs.filter(([, e]) => e.prozesse[0] === p).length;
    berichte(
      context,
      'aussonderung jobs (two instances, processes)',
      `${akten.length} Akten destroyed after the four-eyes approval: ${jobs.length} jobs (aussonderung-1 ${je('aussonderung-1')}, aussonderung-2 ${je('aussonderung-2')}), each done once; ${akten.length} akte.vernichtet events, 1 Vernichtungsprotokoll, 0 Nachträge`,
    );
  });

  it('keeps Aktenzeichen gap-free under concurrent creates spread over both instances', async () => {
    const h = await sachbearbeitung();
    const einheitId = await einheit();
    const n = 40;
    const akten = await Promise.all(
      Array.from({ length: n }, async (_, i) =>
        json<{ aktenzeichen: string }>(await fetch(`${t.gateway}/api/v1/akten`, { method: 'POST', headers: h, body: JSON.stringify({ aktenplaneinheitId: einheitId, betreff: `Gleichzeitig ${i}` }) })),
      ),
    );
    const nummern = akten.map((a) => Number(/-(\d+)\//.exec(a.aktenzeichen)?.[1])).sort((a, b) => a - b);
    expect(new Set(nummern).size).toBe(n);
    expect(nummern[n - 1]! - nummern[0]!).toBe(n - 1);
    // both Akten instances created some of them
    const anlegende = new Set(
      t
        .logs('akten')
        .filter((z) => z.msg === 'incoming request' && (z.req as { method?: string; url?: string } | undefined)?.method === 'POST' && (z.req as { url?: string }).url === '/api/v1/akten')
        .map((z) => z.prozess),
    );
    expect([...anlegende].sort()).toEqual(['akten-1', 'akten-2']);
  });

  it('loses nothing in a rolling restart under load: each service loses one instance to SIGTERM and gets it back', async (context) => {
    const CLIENTS = 4;
    const vorgaenge = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => akteMitVorgang(`Last ${i}`)));
    const kopf = await t.kopf(['sachbearbeitung']);
    const bestaetigt: { id: string; sha256: string }[] = [];
    const z = { anfragen: 0, wiederholt: 0, fehler: [] as string[] };
    let aus = false;
    // a client as the API documents it: 503 with Retry-After is repeated (an upload with its Idempotency-Key)
    const mitWiederholung = async (anfrage: () => Promise<Response>) => {
      for (let versuch = 0; ; versuch++) {
        z.anfragen++;
        const res = await anfrage();
        const nachher = res.headers.get('retry-after');
        if (res.status !== 503 || !nachher || versuch >= 20) return res;
        z.wiederholt++;
        await res.body?.cancel();
        await warte(Math.min(Number(nachher) * 1000, 500));
      }
    };
    const lies = async (id: string) => {
      const res = await mitWiederholung(() => fetch(`${t.gateway}/api/v1/dokumente/${id}/inhalt`, { headers: kopf }));
      return { status: res.status, sha256: res.ok ? sha(new Uint8Array(await res.arrayBuffer())) : await res.text() };
    };
    const client = async (c: number) => {
      for (let n = 0; !aus; n++) {
        try {
          // text, as declared (the upload check compares the declared type with the content)
          // a text line first: random base64 may begin with `BM`, which the upload check takes for a bitmap
          const inhalt = Buffer.from(`Last ${c}-${n}\n${randomBytes(3_000 + Math.floor(Math.random() * 45_000)).toString('base64')}`);
          const schluessel = randomUUID();
          const res = await mitWiederholung(() => hochladen(vorgaenge[c]!.vorgangId, inhalt, `Last ${c}-${n}`, { ...kopf, 'idempotency-key': schluessel }));
          if (res.status !== 201) {
            z.fehler.push(`upload ${res.status}: ${await res.text()}`);
            continue;
          }
          const dok = (await res.json()) as { id: string; aktuelleVersion: { sha256: string } };
          if (dok.aktuelleVersion.sha256 !== sha(inhalt)) z.fehler.push(`upload ${dok.id}: SHA-256 ${dok.aktuelleVersion.sha256}`);
          bestaetigt.push({ id: dok.id, sha256: sha(inhalt) });
          const ziel = bestaetigt[Math.floor(Math.random() * bestaetigt.length)]!;
          const gelesen = await lies(ziel.id);
          if (gelesen.status !== 200 || gelesen.sha256 !== ziel.sha256) z.fehler.push(`read ${ziel.id}: ${gelesen.status} ${gelesen.sha256}`);
        } catch (err) {
          z.fehler.push(`client ${c}: ${(err as Error).message}`);
        }
      }
    };
    const last = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    await warte(2_000);
    const t0 = Date.now();
    const anfragenVorher = z.anfragen;
    const stopps: string[] = [];
    try {
      for (const d of DIENSTE) {
        const e = await t.stoppe(d, 0);
        expect({ dienst: d, code: e.code, signal: e.signal }).toEqual({ dienst: d, code: 0, signal: null });
        stopps.push(`${d} ${e.ms} ms`);
        await t.starte(d, 0);
      }
    } finally {
      await warte(2_000);
      aus = true;
      await last;
    }
    const dauer = Date.now() - t0;
    const waehrend = z.anfragen - anfragenVorher;

    // every acknowledged Dokument is there, with its bytes
    const verloren: string[] = [];
    for (const b of bestaetigt) {
      const g = await lies(b.id);
      if (g.status !== 200 || g.sha256 !== b.sha256) verloren.push(`${b.id}: ${g.status} ${g.sha256}`);
    }
    expect({ n: z.fehler.length, erste: z.fehler.slice(0, 5) }).toEqual({ n: 0, erste: [] });
    expect(verloren).toEqual([]);
    expect(bestaetigt.length).toBeGreaterThan(20);
    // a graceful stop leaves no job locked by a worker that is gone
    const db = new pg.Client({ connectionString: t.infra.superuserUrl ?? t.infra.ownerUrl });
    await db.connect();
    try {
      for (const d of DIENSTE) {
        const r = await db.query<{ n: number }>(
          `select count(*)::int as n from auftraege_${d}._private_jobs j where j.locked_by is not null and not exists (select 1 from auftraege_${d}.lebenszeichen l where l.worker_id = j.locked_by)`,
        );
        expect(r.rows[0]!.n, d).toBe(0);
      }
    } finally {
      await db.end();
    }
    const umgeleitet = t.logs('gateway').filter((l) => l.msg === 'upstream failed, request repeated on another instance').length;
    berichte(
      context,
      'rolling restart',
      `${waehrend} requests during ${Math.round(dauer / 1000)} s of restarts (${stopps.join(', ')}), ${z.fehler.length} failed, ${z.wiederholt} retried by the client after 503 + Retry-After, ${umgeleitet} repeated by the gateway on the other instance, ${bestaetigt.length} Dokumente acknowledged, ${verloren.length} lost`,
    );
  });
});
