// Property test of the appraisal per Akte and per Vorgang against the real database, storage and
// job worker: random trees (Akten, Vorgänge, Dokumente with Anlagen and versions), random x-man
// style 0502s (one BewertetesObjekt per Akte and per Vorgang), holds on any level placed and
// released at random moments, and the 0503, 0506, destruction request, approval and worker runs
// in random order. After every step the storage is listed and compared with what records law
// allows; at the end the Vernichtungsprotokoll and the Protokoll are read.
// EIGENSCHAFT_RUNS sets the number of runs (default 20).
import { sql } from '@eakte/db';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../dokumente/src/pdf/text.js';
import { x0502, x0506 } from './antworten.js';
import { arbeiteAlles, arbeiteEinmal, auth, bestand, baue, dokument, mandantId, neuerMandant, ownerDb, testSpeicher } from './hilfen.js';
import { leseZip } from './xdomea-hilfen.js';

const RUNS = Number(process.env.EIGENSCHAFT_RUNS ?? 20);

// Both hard cases are always generated: a Vorgang appraised A inside an Akte appraised V (it goes
// to the archive, not into the destruction), and a second 0502 after the 0503 (a transferred Akte
// keeps the appraisals of its Vorgänge, so nothing untransferred is removed after the 0506).

type B = 'A' | 'V';
interface BaumDokument {
  versionen: number;
  anlagen: number;
}
interface BaumVorgang {
  dokumente: BaumDokument[];
}
interface BaumAkte {
  vorgaenge: BaumVorgang[];
}
/** An appraisal as x-man writes it: the Akte, and each Vorgang (its own value or the Akte's). */
interface Bewertungen {
  akten: B[];
  vorgaenge: (B | null)[][];
}
type Ziel = { ebene: 'akte' | 'vorgang' | 'dokument'; a: number; v: number; d: number };
type Op =
  | { t: 'bewerten'; b: Bewertungen }
  | { t: 'beantragen' }
  | { t: 'freigeben'; wer: 'bernd' | 'anna' }
  | { t: 'abgabe' }
  | { t: 'import'; akten: boolean[]; erfolgreich: boolean }
  | { t: 'arbeiten' }
  | { t: 'sperre'; ziel: Ziel }
  | { t: 'aufheben'; k: number };

const MAX_AKTEN = 2;
const baumArb: fc.Arbitrary<BaumAkte[]> = fc.array(
  fc.record({
    vorgaenge: fc.array(fc.record({ dokumente: fc.array(fc.record({ versionen: fc.integer({ min: 1, max: 2 }), anlagen: fc.integer({ min: 0, max: 1 }) }), { minLength: 0, maxLength: 2 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  { minLength: 1, maxLength: MAX_AKTEN },
);

const bewertungArb = (baum: BaumAkte[]): fc.Arbitrary<Bewertungen> =>
  fc
    .tuple(
      fc.array(fc.constantFrom<B>('A', 'V'), { minLength: baum.length, maxLength: baum.length }),
      fc.tuple(...baum.map((a) => fc.array(fc.constantFrom<B | null>(null, 'A', 'V', 'V'), { minLength: a.vorgaenge.length, maxLength: a.vorgaenge.length }))),
    )
    // without the reverse case an A inside a V-Akte is written as the Akte's V
    .map(([akten, vorgaenge]) => ({ akten, vorgaenge }));

const zielArb: fc.Arbitrary<Ziel> = fc.record({ ebene: fc.constantFrom<Ziel['ebene']>('akte', 'vorgang', 'dokument'), a: fc.nat(9), v: fc.nat(9), d: fc.nat(9) });

const extraArb = (baum: BaumAkte[]): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ t: fc.constant('sperre' as const), ziel: zielArb }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('aufheben' as const), k: fc.nat(3) }) },
    { weight: 3, arbitrary: fc.constant({ t: 'arbeiten' as const }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('bewerten' as const), b: bewertungArb(baum) }) },
    { weight: 1, arbitrary: fc.constant({ t: 'beantragen' as const }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('freigeben' as const), wer: fc.constantFrom<'bernd' | 'anna'>('anna', 'bernd') }) },
    { weight: 1, arbitrary: fc.constant({ t: 'abgabe' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('import' as const), akten: fc.array(fc.boolean(), { minLength: baum.length, maxLength: baum.length }), erfolgreich: fc.boolean() }),
    },
  );

/**
 * A tree, its first appraisal, and the steps: the two paths (request → approval, 0503 → 0506)
 * interleaved at random, worker runs after them, and random other steps inserted anywhere.
 */
const fallArb = baumArb.chain((baum) =>
  fc.tuple(bewertungArb(baum), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.array(fc.tuple(fc.nat(10), extraArb(baum)), { maxLength: 10 })).map(([erste, mischung, extra]) => {
    const vernichtung: Op[] = [{ t: 'beantragen' }, { t: 'freigeben', wer: 'bernd' }];
    const abgabe: Op[] = [{ t: 'abgabe' }, { t: 'import', akten: baum.map(() => true), erfolgreich: true }];
    const pfade: Op[] = [];
    // each flag takes the next step of one path; what is left of both follows
    for (const m of mischung) {
      const naechster = (m ? vernichtung : abgabe).shift();
      if (naechster) pfade.push(naechster);
    }
    pfade.push(...vernichtung, ...abgabe);
    const ablauf: Op[] = [{ t: 'bewerten', b: erste }, ...pfade.flatMap((o) => [o, { t: 'arbeiten' as const }])];
    for (const [pos, op] of extra) ablauf.splice(Math.min(pos + 1, ablauf.length), 0, op);
    return { baum, ablauf };
  }),
);

/**
 * Always run first: an A-Akte with an A-Vorgang and a V-Vorgang, both with content, the whole
 * process in the usual order (the case the code before the per-Vorgang fix destroyed at the 0506).
 */
const mischfall: { baum: BaumAkte[]; ablauf: Op[] } = {
  baum: [{ vorgaenge: [{ dokumente: [{ versionen: 1, anlagen: 0 }] }, { dokumente: [{ versionen: 2, anlagen: 1 }] }] }],
  ablauf: [
    { t: 'bewerten', b: { akten: ['A'], vorgaenge: [['A', 'V']] } },
    { t: 'abgabe' },
    { t: 'import', akten: [true], erfolgreich: true },
    { t: 'arbeiten' },
    { t: 'beantragen' },
    { t: 'freigeben', wer: 'anna' },
    { t: 'freigeben', wer: 'bernd' },
    { t: 'arbeiten' },
  ],
};

interface Datei {
  schluessel: string;
  sha256: string;
}
interface Dok {
  id: string;
  a: number;
  v: number;
  vorgangId: string;
  dateien: Datei[];
}

describe('appraisal per Akte and per Vorgang with holds and the job worker (property, real database and storage)', () => {
  it('A-parts go only after their 0503 and a confirming 0506, V-parts only after an approval by a second user, nothing held goes, every destroyed part is in the Vernichtungsprotokoll', async () => {
    const { app } = await baue({ echtesProtokoll: true });
    const speicher = testSpeicher();
    let entfernt = 0;
    let vernichtet = 0;
    let teileVernichtet = 0;
    let nachImport = 0;
    await fc.assert(
      fc.asyncProperty(fallArb, async ({ baum, ablauf }) => {
        const t = await neuerMandant();
        const m = await mandantId(t);
        // the tree: one Akte per unit (bestand), Dokumente with versions and Anlagen, unique contents
        const akten: { id: string; aktenzeichen: string; vorgaenge: string[] }[] = [];
        for (const a of baum) akten.push((await bestand(t, { akten: 1, vorgaenge: a.vorgaenge.length, art: 'A' })).akten[0]!);
        const doks: Dok[] = [];
        for (const [i, a] of baum.entries()) {
          for (const [j, v] of a.vorgaenge.entries()) {
            const vorgangId = akten[i]!.vorgaenge[j]!;
            for (const [k, d] of v.dokumente.entries()) {
              const versionen = (n: number, was: string) =>
                Array.from({ length: n }, (_, x) => ({ dateiname: `${was}.txt`, mimeType: 'text/plain', inhalt: `Inhalt ${was} ${i}.${j}.${k} v${x + 1} ${vorgangId}` }));
              const haupt = await dokument(t, vorgangId, `Schreiben ${k + 1}`, versionen(d.versionen, 'Schreiben'));
              doks.push({ id: haupt.id, a: i, v: j, vorgangId, dateien: haupt.dateien });
              for (let x = 0; x < d.anlagen; x++) {
                const anlage = await dokument(t, vorgangId, `Anlage ${x + 1}`, versionen(1, `Anlage${x}`), haupt.id);
                doks.push({ id: anlage.id, a: i, v: j, vorgangId, dateien: anlage.dateien });
              }
            }
          }
        }
        const alleSchluessel = doks.flatMap((d) => d.dateien.map((f) => f.schluessel));
        const anna = await auth(t, 'registratur', 'anna');
        const bernd = await auth(t, 'registratur', 'bernd');
        const xml = { 'content-type': 'application/xml' };
        const erst = await app.inject({ method: 'POST', url: '/api/v1/aussonderungen', headers: anna, payload: { akten: akten.map((a) => a.id) } });
        expect(erst.statusCode).toBe(201);
        const id: string = erst.json().id;

        // ---- the model: what the archive said and what was done, as the test saw it -------------
        const akteB: (B | null)[] = baum.map(() => null);
        const vorgangB = new Map<string, B>();
        const abgegeben = new Set<number>();
        const archiviert = new Set<number>();
        const effektiv = (d: Dok): B | null => vorgangB.get(d.vorgangId) ?? akteB[d.a]!;
        let beantragt = false;
        let freigegeben = false;
        let einImport = false;
        /** Dokumente appraised V when the second user approved: the only ones a destruction may take. */
        const vBeiFreigabe = new Set<string>();
        /** Dokumente the archive received in a 0503, and those whose Akte a later 0506 confirmed. */
        const uebergeben = new Set<string>();
        const bestaetigt = new Set<string>();
        let letzte0503 = new Set<string>();
        const sperren: { id: string; doks: Set<string>; aktiv: boolean; akte: number }[] = [];
        const weg = new Set<string>();

        const unter = (z: Ziel): { doks: Dok[]; ziel: Record<string, string[]>; akte: number } => {
          const a = z.a % baum.length;
          const v = z.v % baum[a]!.vorgaenge.length;
          const imVorgang = doks.filter((d) => d.a === a && d.v === v);
          if (z.ebene === 'dokument' && imVorgang.length) {
            // a hold on a Dokument covers it (and, for a Hauptdokument, nothing else: Anlagen are Dokumente of their own)
            const d = imVorgang[z.d % imVorgang.length]!;
            return { doks: [d], ziel: { dokumente: [d.id] }, akte: a };
          }
          if (z.ebene === 'akte') return { doks: doks.filter((d) => d.a === a), ziel: { akten: [akten[a]!.id] }, akte: a };
          return { doks: imVorgang, ziel: { vorgaenge: [akten[a]!.vorgaenge[v]!] }, akte: a };
        };

        const schritte: string[] = [];
        for (const o of ablauf) {
          schritte.push(JSON.stringify(o));
          switch (o.t) {
            case 'bewerten': {
              const objekte: [string, B][] = akten.flatMap((a, i) => [
                [a.id, o.b.akten[i]!] as [string, B],
                // null: the archive names only the Akte for this Vorgang (it inherits)
                ...a.vorgaenge.flatMap((v, j) => (o.b.vorgaenge[i]![j] ? [[v, o.b.vorgaenge[i]![j]!] as [string, B]] : [])),
              ]);
              const r = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/bewertung`, headers: { ...anna, ...xml }, payload: x0502(id, objekte) });
              expect(r.statusCode, r.body).toBeLessThan(500);
              if (beantragt) expect(r.statusCode, 'Bewertung nach dem Vernichtungsantrag angenommen').toBe(409);
              else expect(r.statusCode, r.body).toBe(200);
              if (r.statusCode === 200) {
                // a transferred Akte keeps its appraisal, and so do its Vorgänge
                akten.forEach((a, i) => {
                  if (abgegeben.has(i)) return;
                  akteB[i] = o.b.akten[i]!;
                  a.vorgaenge.forEach((v, j) => o.b.vorgaenge[i]![j] && vorgangB.set(v, o.b.vorgaenge[i]![j]!));
                });
              }
              break;
            }
            case 'beantragen': {
              const r = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung`, headers: anna });
              expect(r.statusCode, r.body).toBeLessThan(500);
              if (r.statusCode === 200) beantragt = true;
              break;
            }
            case 'freigeben': {
              const r = await app.inject({ method: 'POST', url: `/api/v1/aussonderungen/${id}/vernichtung/freigabe`, headers: o.wer === 'bernd' ? bernd : anna });
              expect(r.statusCode, r.body).toBeLessThan(500);
              // the requester never approves her own request
              if (o.wer === 'anna') expect(r.statusCode, 'Freigabe durch die Antragstellerin').not.toBe(200);
              if (r.statusCode === 200) {
                expect(beantragt).toBe(true);
                freigegeben = true;
                for (const d of doks) if (effektiv(d) === 'V') vBeiFreigabe.add(d.id);
              }
              break;
            }
            case 'abgabe': {
              const r = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/abgabe`, headers: anna });
              expect(r.statusCode, r.body).toBeLessThan(500);
              if (r.statusCode === 200) {
                const z = await leseZip(r.rawPayload);
                const nachricht = z.find((e) => e.name.endsWith('_Aussonderung.Aussonderung.0503.xml'))!.inhalt.toString('utf8');
                letzte0503 = new Set([...nachricht.matchAll(/<xdomea:Identifikation>\s*<xdomea:ID>([^<]+)<\/xdomea:ID>/g)].map((x) => x[1]!.toLowerCase()));
                for (const d of doks) if (letzte0503.has(d.id)) uebergeben.add(d.id);
                // nothing appraised V is handed over; every A-part with content is
                for (const d of doks) {
                  if (effektiv(d) === 'V') expect(letzte0503.has(d.id), `V-Dokument ${d.id} in der 0503`).toBe(false);
                  if (effektiv(d) === 'A' && !archiviert.has(d.a)) expect(letzte0503.has(d.id), `A-Dokument ${d.id} (Akte ${d.a}, Vorgang ${d.v}) fehlt in der 0503`).toBe(true);
                }
                // every Akte in the 0503 is transferred, also a V-Akte with an A-Vorgang
                akten.forEach((a, i) => letzte0503.has(a.id.toLowerCase()) && abgegeben.add(i));
              } else if (!einImport && !freigegeben && akteB.every((b) => b !== null) && !sperren.some((s) => s.aktiv)) {
                // refused although all is appraised and nothing held: only when there is no A-part to hand over
                expect(
                  doks.filter((d) => effektiv(d) === 'A').map((d) => d.id),
                  `0503 verweigert (${r.body}), obwohl A-Teile da sind`,
                ).toEqual([]);
              }
              break;
            }
            case 'import': {
              // the archive confirms what it received (Akte, Vorgänge, Dokumente of the chosen Akten)
              const gewaehlt = akten.filter((_, i) => o.akten[i]);
              const ids = gewaehlt.flatMap((a) => [a.id, ...a.vorgaenge.filter((v) => letzte0503.has(v)), ...doks.filter((d) => d.a === akten.indexOf(a) && letzte0503.has(d.id)).map((d) => d.id)]);
              if (ids.length === 0) break;
              const r = await app.inject({
                method: 'POST',
                url: `/api/v1/aussonderungen/${id}/importbestaetigung`,
                headers: { ...anna, ...xml },
                payload: x0506(
                  id,
                  ids.map((x) => [x, o.erfolgreich, o.erfolgreich ? `LATh-${x.slice(-12)}` : null]),
                ),
              });
              expect(r.statusCode, r.body).toBeLessThan(500);
              if (r.statusCode === 200 && o.erfolgreich) {
                einImport = true;
                for (const d of doks) if (o.akten[d.a] && uebergeben.has(d.id)) bestaetigt.add(d.id);
                akten.forEach((_, i) => o.akten[i] && abgegeben.has(i) && archiviert.add(i));
              }
              break;
            }
            case 'arbeiten':
              await arbeiteEinmal(app, t);
              break;
            case 'sperre': {
              const u = unter(o.ziel);
              const r = await app.inject({ method: 'POST', url: '/api/v1/loeschsperren', headers: anna, payload: { bezeichnung: 'Prüfung', grund: 'Rechnungshof', ...u.ziel } });
              expect(r.statusCode, r.body).toBe(201);
              sperren.push({ id: r.json().id, doks: new Set(u.doks.filter((d) => !weg.has(d.id)).map((d) => d.id)), aktiv: true, akte: u.akte });
              break;
            }
            case 'aufheben': {
              const aktive = sperren.filter((s) => s.aktiv);
              const s = aktive[o.k % Math.max(aktive.length, 1)];
              if (s) {
                const r = await app.inject({ method: 'DELETE', url: `/api/v1/loeschsperren/${s.id}?grund=erledigt`, headers: anna });
                expect(r.statusCode, r.body).toBe(200);
                s.aktiv = false;
              }
              break;
            }
          }

          // ---- after every step: the bucket against the model --------------------------------
          const da = new Set<string>();
          for await (const x of speicher.list(`${m}/`)) da.add(x.key);
          for (const d of doks) {
            const vorhanden = d.dateien.filter((f) => da.has(f.schluessel)).length;
            // a Dokument loses all its versions at once, or none
            expect([0, d.dateien.length], `Dokument ${d.id}: ${vorhanden} von ${d.dateien.length} Versionen da`).toContain(vorhanden);
            const kontext = `nach ${schritte.join(' → ')}`;
            if (vorhanden === 0) {
              if (!weg.has(d.id)) entfernt++;
              weg.add(d.id);
              const durchVernichtung = freigegeben && vBeiFreigabe.has(d.id);
              const durchImport = uebergeben.has(d.id) && bestaetigt.has(d.id);
              expect(
                durchVernichtung || durchImport,
                `Dokument ${d.id} (Akte ${d.a} ${akteB[d.a]}, Vorgang ${d.v} ${effektiv(d)}) entfernt ohne Freigabe als V und ohne bestätigte Übergabe als A, ${kontext}`,
              ).toBe(true);
            }
            for (const s of sperren) {
              if (s.aktiv && s.doks.has(d.id)) expect(vorhanden, `Dokument ${d.id} unter aktiver Löschsperre entfernt, ${kontext}`).toBe(d.dateien.length);
            }
          }
        }

        // ---- the end: the jobs drained, then the Vernichtungsprotokoll and the Protokoll -----------
        await arbeiteAlles(app, t);
        const da = new Set<string>();
        for await (const x of speicher.list(`${m}/`)) da.add(x.key);
        const vernichteteDoks = doks.filter((d) => d.dateien.every((f) => !da.has(f.schluessel)) && !(uebergeben.has(d.id) && bestaetigt.has(d.id)));
        for (const d of vernichteteDoks) expect(vBeiFreigabe.has(d.id), `Dokument ${d.id} nach dem Abarbeiten ohne Freigabe entfernt`).toBe(true);
        for (const s of sperren)
          for (const d of doks)
            if (s.aktiv && s.doks.has(d.id))
              expect(
                d.dateien.every((f) => da.has(f.schluessel)),
                `Dokument ${d.id} gehalten, Inhalt weg`,
              ).toBe(true);
        vernichtet += vernichteteDoks.length;
        // V-parts of A-Akten destroyed, and A-parts removed after their confirmed transfer
        teileVernichtet += vernichteteDoks.filter((d) => akteB[d.a] === 'A').length;
        nachImport += doks.filter((d) => d.dateien.every((f) => !da.has(f.schluessel)) && uebergeben.has(d.id) && bestaetigt.has(d.id)).length;

        const db = ownerDb();
        await db.withMandant(m, async (tx) => {
          // the metadata stays: every version row of every Dokument
          const n = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM dokumente.dokument_version WHERE speicherschluessel = ANY(${`{${alleSchluessel.join(',')}}`}::text[])`);
          expect(n.rows[0]!.n).toBe(alleSchluessel.length);
          const ereignisse = await tx.execute<{ aktion: string; akteur_sub: string; objekt_id: string }>(
            sql`SELECT aktion, akteur_sub, objekt_id FROM protokoll.ereignis WHERE aktion IN ('akte.vernichtet', 'vorgang.vernichtet') AND details ->> 'aussonderungId' = ${id}`,
          );
          const v = await tx.execute<{
            beantragt_von: string;
            freigegeben_von: string | null;
            objekte: { aktenzeichen: string; akteId?: string; vorgangId?: string; dateien: { sha256: string }[] }[] | null;
            protokoll_schluessel: string | null;
          }>(sql`SELECT beantragt_von, freigegeben_von, objekte, protokoll_schluessel FROM aussonderung.vernichtung WHERE aussonderung_id = ${id}`);
          // objects destroyed after the protocol was written are named by its Nachträge
          const nachtraege = await tx.execute<{ nr: number; objekte: NonNullable<(typeof v.rows)[number]['objekte']> }>(
            sql`SELECT t.nr, t.objekte FROM aussonderung.vernichtungsnachtrag t JOIN aussonderung.vernichtung n ON n.id = t.vernichtung_id WHERE n.aussonderung_id = ${id} ORDER BY t.nr`,
          );
          if (vernichteteDoks.length === 0) return;
          // destroyed: approved by a second user, in the Protokoll by the approver
          expect(v.rows[0]).toMatchObject({ beantragt_von: 'anna', freigegeben_von: 'bernd' });
          expect(ereignisse.rows.length).toBeGreaterThan(0);
          expect(new Set(ereignisse.rows.map((e) => e.akteur_sub))).toEqual(new Set(['bernd']));
          // every destroyed Dokument's files are listed under its Akte (a V-Akte) or its Vorgang (V-part of an A-Akte)
          expect(v.rows[0]!.protokoll_schluessel, 'Vernichtungsprotokoll nicht erstellt').not.toBeNull();
          const liste = [...(v.rows[0]!.objekte ?? []), ...nachtraege.rows.flatMap((t) => t.objekte)];
          for (const d of vernichteteDoks) {
            const eintrag = liste.find((x) => (x.vorgangId ? x.vorgangId === d.vorgangId : x.akteId === akten[d.a]!.id || x.aktenzeichen === akten[d.a]!.aktenzeichen));
            expect(eintrag, `Dokument ${d.id} vernichtet, aber nicht im Vernichtungsprotokoll`).toBeDefined();
            for (const f of d.dateien) expect(eintrag!.dateien).toContainEqual({ sha256: f.sha256 });
          }
          // and nothing is listed whose content is still there
          const nochDa = new Set(doks.flatMap((d) => d.dateien.filter((f) => da.has(f.schluessel)).map((f) => f.sha256)));
          for (const x of liste) for (const f of x.dateien) expect(nochDa.has(f.sha256), `${x.aktenzeichen} im Protokoll, Datei noch da`).toBe(false);
          // the PDF as the user downloads it names them too
          let text = '';
          for (const frage of ['', ...nachtraege.rows.map((t) => `?nachtrag=${t.nr}`)]) {
            const pdf = await app.inject({ method: 'GET', url: `/api/v1/aussonderungen/${id}/vernichtungsprotokoll.pdf${frage}`, headers: anna });
            expect(pdf.statusCode).toBe(200);
            text += (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
          }
          for (const x of liste) expect(text).toContain(x.aktenzeichen);
          for (const d of vernichteteDoks) for (const f of d.dateien) expect(text).toContain(f.sha256);
        });
      }),
      { numRuns: RUNS, examples: [[mischfall]] },
    );
    // the runs did reach removals and destructions, so the checks above ran against removed content
    expect(entfernt).toBeGreaterThan(0);
    expect(vernichtet).toBeGreaterThan(0);
    expect(teileVernichtet).toBeGreaterThan(0);
    expect(nachImport).toBeGreaterThan(0);
  }, 600_000);
});
