// The mixed appraisal per Vorgang end to end through the gateway's socket with curl, on the platform
// as `pnpm start` starts it: an Akte the archive appraises A with a Vorgang it appraises V (a 0502
// written like x-man's: one BewertetesObjekt per Akte and per Vorgang), offered, transferred (0503
// downloaded with curl), confirmed (0507 and 0506 of `pnpm archiv:antwort`, posted with curl). The
// V-Vorgang keeps its content until a second Registratur user approves its destruction; the S3
// bucket, listed with curl (SigV4) against the platform's embedded S3 server before and after, loses
// exactly the A-part's versions after the 0506 and the V-part's after the approval, nothing else.
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, sql } from '@eakte/db';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../lib/generated.js';
import { pdfText } from '../../services/dokumente/src/pdf/text.js';
import { x0502 } from '../../services/aussonderung/test/antworten.js';
import { api, curl, lauf, plattform, token } from './lib.js';

const verzeichnisse: string[] = [];
afterAll(() => {
  for (const d of verzeichnisse) rmSync(d, { recursive: true, force: true });
});

/**
 * The platform's embedded S3 server: the port a process of this platform (its DATA_DIR) listens on
 * that answers like S3. Its address is logged only at info level, so it is found in /proc.
 */
async function s3Endpunkt(): Promise<string> {
  const { dataDir, port } = plattform();
  const inodes = new Set<string>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`DATA_DIR=${dataDir}`)) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]!);
      }
    } catch {
      // a process that ended meanwhile, or one of another user
    }
  }
  const ports = readFileSync('/proc/net/tcp', 'latin1')
    .split('\n')
    .slice(1)
    .map((z) => z.trim().split(/\s+/))
    .filter((f) => f[3] === '0A' && inodes.has(f[9]!))
    .map((f) => parseInt(f[1]!.split(':')[1]!, 16))
    .filter((p) => p !== port);
  for (const p of ports) {
    const r = await lauf('curl', ['-s', '--max-time', '2', `http://127.0.0.1:${p}/`]);
    if (r.stdout.toString().includes('ListAllMyBucketsResult') || r.stdout.toString().includes('<Error><Code>')) return `http://127.0.0.1:${p}`;
  }
  throw new Error(`no S3 server among the platform's ports ${ports.join(', ')}`);
}

const LEER_SHA256 = createHash('sha256').update('').digest('hex');

/** Every key of the bucket, listed with curl (ListObjectsV2, signed with s3rver's built-in account). */
async function bucketSchluessel(endpunkt: string, bucket = 'eakte'): Promise<Set<string>> {
  const out = new Set<string>();
  let weiter: string | null = null;
  for (;;) {
    const q = `list-type=2&max-keys=1000${weiter ? `&continuation-token=${encodeURIComponent(weiter)}` : ''}`;
    const r = await curl(['--aws-sigv4', 'aws:amz:us-east-1:s3', '--user', 'S3RVER:S3RVER', '-H', `x-amz-content-sha256: ${LEER_SHA256}`, `${endpunkt}/${bucket}?${q}`]);
    expect(r.status, r.text()).toBe(200);
    const xml = r.text();
    for (const m of xml.matchAll(/<Key>([^<]+)<\/Key>/g)) out.add(m[1]!.replaceAll('&amp;', '&'));
    weiter = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? (/<NextContinuationToken>([^<]+)<\/NextContinuationToken>/.exec(xml)?.[1] ?? null) : null;
    if (!weiter) return out;
  }
}

const ohne = (a: Set<string>, b: Set<string>) => new Set([...a].filter((x) => !b.has(x)));

/**
 * Of `schluessel`, those of Dokumente whose Akte is in another Aussonderung than `id`: the walkthrough
 * of docs/api.md may run one on the same platform meanwhile, and its removals are not this test's.
 */
async function inAndererAussonderung(ownerUrl: string, id: string, schluessel: Set<string>): Promise<Set<string>> {
  const db = createDb(ownerUrl, { max: 1 });
  const out = new Set<string>();
  try {
    // keys are `<mandantId>/<uuid>`: asked per tenant, under its row level security
    for (const mandant of new Set([...schluessel].map((k) => k.split('/')[0]!).filter((m) => /^[0-9a-f-]{36}$/.test(m)))) {
      const r = await db.withMandant(mandant, (tx) =>
        tx.execute<{ speicherschluessel: string }>(sql`
          SELECT dv.speicherschluessel FROM dokumente.dokument_version dv
            JOIN dokumente.dokument d ON d.id = dv.dokument_id JOIN akten.vorgang v ON v.id = d.vorgang_id
            JOIN aussonderung.aussonderung_objekt o ON o.akte_id = v.akte_id AND o.aussonderung_id <> ${id}
           WHERE dv.speicherschluessel = ANY(${`{${[...schluessel].join(',')}}`}::text[])`),
      );
      for (const x of r.rows) out.add(x.speicherschluessel);
    }
  } finally {
    await db.close();
  }
  return out;
}

async function warte<T>(was: string, fn: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const bis = Date.now() + ms;
  for (;;) {
    const r = await fn();
    if (r) return r;
    if (Date.now() > bis) throw new Error(`timed out waiting for ${was}`);
    await new Promise((res) => setTimeout(res, 500));
  }
}

describe('outside-in: appraisal per Vorgang (an A-Akte with a V-Vorgang)', () => {
  it('the V-Vorgang survives the 0506 (200), goes only with the four-eyes approval (410, in the Vernichtungsprotokoll), and the bucket loses exactly those objects', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eakte-gemischt-'));
    verzeichnisse.push(dir);
    const anna = ['-H', `Authorization: Bearer ${await token({ tenant: 'demo', roles: ['registratur'], sub: 'anna' })}`];
    const bernd = ['-H', `Authorization: Bearer ${await token({ tenant: 'demo', roles: ['registratur'], sub: 'bernd' })}`];
    const json = ['-H', 'content-type: application/json'];
    const xml = ['-H', 'content-type: application/xml'];
    // a download as a user saves it: curl -OJ / -o (without -i, which would write the headers into the file)
    const herunterladen = async (args: string[]) => {
      const r = await lauf('curl', [...anna, '-sS', '-w', '%{http_code}', ...args], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return Number(r.stdout.toString().trim());
    };
    const ok = async (args: string[], status = 200, opts: { cwd?: string } = {}) => {
      const r = await curl([...anna, ...args], opts);
      expect(r.status, `${args.join(' ')}: ${r.text().slice(0, 500)}`).toBe(status);
      return r;
    };

    // an Akte of 2.1 Straßenbau (proposed A), backdated so its retention has ended, with two Vorgänge
    const plan = (await ok([api('/aktenplan')])).json() as { einheiten: { id: string; kennzeichen: string }[] };
    const einheit = plan.einheiten.find((e) => e.kennzeichen === '2.1')!;
    const akte = (await ok([...json, '-d', JSON.stringify({ aktenplaneinheitId: einheit.id, betreff: 'Ausbau Ortsdurchfahrt Göß', laufzeitBeginn: '2012-03-01' }), api('/akten')], 201)).json() as {
      id: string;
      aktenzeichen: string;
    };
    const planung = (await ok([...json, '-d', '{"betreff":"Planfeststellung","laufzeitBeginn":"2012-03-01"}', api(`/akten/${akte.id}/vorgaenge`)], 201)).json() as { id: string; kennzeichen: string };
    const rechnungen = (await ok([...json, '-d', '{"betreff":"Rechnungen","laufzeitBeginn":"2012-04-01"}', api(`/akten/${akte.id}/vorgaenge`)], 201)).json() as { id: string; kennzeichen: string };
    const marke = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const inhalte = new Map<string, Buffer>();
    const lade = async (vorgangId: string, name: string, betreff: string) => {
      const inhalt = Buffer.from(`${betreff} (${marke}): ${name}\n`);
      writeFileSync(path.join(dir, name), inhalt);
      const r = await ok(['-F', `datei=@${name};type=text/plain`, '-F', `betreff=${betreff}`, '-F', 'datumDesSchreibens=2013-05-02', api(`/vorgaenge/${vorgangId}/dokumente`)], 201, { cwd: dir });
      const id = r.json().id as string;
      inhalte.set(`${id}/1`, inhalt);
      return id;
    };
    const beschluss = await lade(planung.id, 'Beschluss.txt', 'Planfeststellungsbeschluss');
    const rechnung = await lade(rechnungen.id, 'Rechnung-17.txt', 'Rechnung Nr. 17');
    const mahnung = await lade(rechnungen.id, 'Mahnung-17.txt', 'Mahnung zu Rechnung Nr. 17');
    // a second version of the invoice: both versions belong to the V-part
    const v2 = Buffer.from(`Rechnung Nr. 17, berichtigt (${marke})\n`);
    writeFileSync(path.join(dir, 'Rechnung-17b.txt'), v2);
    await ok(['-F', 'datei=@Rechnung-17b.txt;type=text/plain', api(`/dokumente/${rechnung}/versionen`)], 201, { cwd: dir });
    inhalte.set(`${rechnung}/2`, v2);
    // backdated like paper files: each Vorgang closes within its Akte's Laufzeit
    for (const v of [planung, rechnungen]) await ok([...json, '-d', '{"datum":"2014-06-30"}', api(`/vorgaenge/${v.id}/zda`)]);
    await ok([...json, '-d', '{"datum":"2014-06-30"}', api(`/akten/${akte.id}/zda`)]);

    // the storage keys of every version (what the Dokumente service stored), from the database
    const { ownerUrl } = JSON.parse(readFileSync(path.join(plattform().dataDir, 'embedded.json'), 'utf8')) as { ownerUrl: string };
    const db = createDb(ownerUrl, { max: 1 });
    const schluessel = new Map<string, string>();
    try {
      const demo = (await db.db.execute<{ id: string }>(sql`SELECT id FROM plattform.mandant WHERE slug = 'demo'`)).rows[0]!.id;
      const r = await db.withMandant(demo, (tx) =>
        tx.execute<{ dokument_id: string; nr: number; speicherschluessel: string; sha256: string }>(
          sql`SELECT dokument_id, nr, speicherschluessel, sha256 FROM dokumente.dokument_version WHERE dokument_id IN (${beschluss}, ${rechnung}, ${mahnung})`,
        ),
      );
      for (const x of r.rows) {
        schluessel.set(`${x.dokument_id}/${x.nr}`, x.speicherschluessel);
        expect(x.sha256).toBe(
          createHash('sha256')
            .update(inhalte.get(`${x.dokument_id}/${x.nr}`)!)
            .digest('hex'),
        );
      }
    } finally {
      await db.close();
    }
    expect(schluessel.size).toBe(4);
    const aTeil = new Set([schluessel.get(`${beschluss}/1`)!]);
    const vTeil = new Set([schluessel.get(`${rechnung}/1`)!, schluessel.get(`${rechnung}/2`)!, schluessel.get(`${mahnung}/1`)!]);

    const s3 = await s3Endpunkt();
    const vorher = await bucketSchluessel(s3);
    for (const k of [...aTeil, ...vTeil]) expect(vorher.has(k), k).toBe(true);

    // offer; the archive appraises the Akte and each Vorgang: Planfeststellung A, Rechnungen V
    const id = (await ok([...json, '-d', JSON.stringify({ akten: [akte.id] }), api('/aussonderungen')], 201)).json().id as string;
    expect(await herunterladen(['-OJ', api(`/aussonderungen/${id}/anbietung`)])).toBe(200);
    expect(readdirSync(dir)).toContain(`${id}_Aussonderung.Anbieteverzeichnis.0501.zip`);
    writeFileSync(
      path.join(dir, '0502.xml'),
      x0502(id, [
        [akte.id, 'A'],
        [planung.id, 'A'],
        [rechnungen.id, 'V'],
      ]),
    );
    const bewertet = (await ok([...xml, '--data-binary', '@0502.xml', api(`/aussonderungen/${id}/bewertung`)], 200, { cwd: dir })).json();
    expect(bewertet.objekte).toEqual([expect.objectContaining({ akteId: akte.id, bewertung: 'A', status: 'bewertet' })]);

    // transfer: the 0503 downloaded with curl, answered as an archive answers it (0507, 0506)
    expect(await herunterladen(['-OJ', api(`/aussonderungen/${id}/abgabe`)])).toBe(200);
    const zip = `${id}_Aussonderung.Aussonderung.0503.zip`;
    expect(readdirSync(dir)).toContain(zip);
    const antwort = await lauf(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'services/aussonderung/test/archiv-antwort.ts'), zip], { cwd: dir });
    expect(antwort.code, antwort.stderr).toBe(0);
    const x0506 = readFileSync(path.join(dir, '0506.xml'), 'utf8');
    // the archive confirms what it received: the A-part, not the V-Vorgang
    expect(x0506).toContain(beschluss);
    expect(x0506).toContain(planung.id);
    expect(x0506).not.toContain(rechnungen.id);
    expect(x0506).not.toContain(rechnung);
    expect(x0506).not.toContain(mahnung);
    await ok([...xml, '--data-binary', '@0507.xml', api(`/aussonderungen/${id}/empfangsbestaetigung`)], 200, { cwd: dir });
    const importiert = (await ok([...xml, '--data-binary', '@0506.xml', api(`/aussonderungen/${id}/importbestaetigung`)], 200, { cwd: dir })).json();
    expect(importiert.objekte).toEqual([expect.objectContaining({ akteId: akte.id, status: 'archiviert' })]);
    await warte('the removal after import', async () => {
      const a = (await ok([api(`/aussonderungen/${id}`)])).json();
      return a.objekte[0].loeschung === 'erledigt' && a;
    });

    // after the 0506: exactly the A-part's versions are gone; the V-Vorgang is readable
    const nachImport = await bucketSchluessel(s3);
    const weg = async (nach: Set<string>) => {
      const alle = ohne(vorher, nach);
      return ohne(alle, await inAndererAussonderung(ownerUrl, id, alle));
    };
    expect(await weg(nachImport)).toEqual(aTeil);
    const aInhalt = await curl([...anna, api(`/dokumente/${beschluss}/inhalt`)]);
    expect(aInhalt.status).toBe(410);
    expect(aInhalt.json().detail).toMatch(/an das Archiv abgegeben/);
    for (const [dok, nr] of [
      [rechnung, 1],
      [rechnung, 2],
      [mahnung, 1],
    ] as const) {
      const r = await curl([...anna, api(`/dokumente/${dok}/versionen/${nr}/inhalt`)]);
      expect(r.status, r.text()).toBe(200);
      expect(r.body.equals(inhalte.get(`${dok}/${nr}`)!)).toBe(true);
    }

    // the destruction of the V-part: anna requests, anna may not approve, bernd approves
    await ok(['-X', 'POST', api(`/aussonderungen/${id}/vernichtung`)]);
    const selbst = await curl([...anna, '-X', 'POST', api(`/aussonderungen/${id}/vernichtung/freigabe`)]);
    expect(selbst.status).toBe(409);
    expect(selbst.json().code).toBe('VIER_AUGEN');
    // nothing went for the refused approval
    expect(await weg(await bucketSchluessel(s3))).toEqual(aTeil);
    const frei = await curl([...bernd, '-X', 'POST', api(`/aussonderungen/${id}/vernichtung/freigabe`)]);
    expect(frei.status, frei.text()).toBe(200);
    await warte('the Vernichtungsprotokoll', async () => (await herunterladen(['-o', 'protokoll.pdf', api(`/aussonderungen/${id}/vernichtungsprotokoll.pdf`)])) === 200);

    // its content answers 410 naming the destruction; the Akte stays archived
    for (const dok of [rechnung, mahnung]) {
      const r = await curl([...anna, api(`/dokumente/${dok}/inhalt`)]);
      expect(r.status).toBe(410);
      expect(r.json().detail).toMatch(/vernichtet/);
    }
    const fertig = (await ok([api(`/aussonderungen/${id}`)])).json();
    expect(fertig.objekte).toEqual([expect.objectContaining({ akteId: akte.id, status: 'archiviert', bewertung: 'A' })]);
    expect(fertig.vernichtung).toMatchObject({ beantragtVon: 'anna', freigegebenVon: 'bernd' });

    // the protocol names the Vorgang by its Kennzeichen and each destroyed file by its SHA-256, and nothing of the A-part
    const text = (await pdfText(readFileSync(path.join(dir, 'protokoll.pdf')))).replace(/\s+/g, ' ');
    expect(text).toContain(rechnungen.kennzeichen);
    for (const k of [`${rechnung}/1`, `${rechnung}/2`, `${mahnung}/1`]) expect(text).toContain(createHash('sha256').update(inhalte.get(k)!).digest('hex'));
    expect(text).not.toContain(
      createHash('sha256')
        .update(inhalte.get(`${beschluss}/1`)!)
        .digest('hex'),
    );
    expect(text).not.toContain(planung.kennzeichen);

    // the bucket: the A-part's and the V-part's versions gone, every other object still there
    const nachher = await bucketSchluessel(s3);
    expect(await weg(nachher)).toEqual(new Set([...aTeil, ...vTeil]));
  });
});
