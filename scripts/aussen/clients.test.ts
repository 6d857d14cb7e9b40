// Clients the project did not write, against the platform as `pnpm start` runs it: curl with its default
// flags (multipart, chunked raw bodies, ranges, resumed downloads, the server's file name), Python's
// standard library and requests, Node's fetch. Needs curl and python3 (requests: python3-requests).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, sha256 } from './dateien.js';
import { akteMitVorgang, api, curl, lauf, python, token } from './lib.js';

let dir: string;
let t: string;
const auth = () => `Authorization: Bearer ${t}`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'eakte-clients-'));
  t = await token({ tenant: 'demo', roles: ['sachbearbeitung'] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Uploads `datei` (a path in `dir`) with curl -F as a user types it; answers the stored Dokument. */
async function curlUpload(vorgangId: string, datei: string, betreff = 'Outside-in') {
  const r = await curl(['-H', auth(), '-F', `datei=@${datei}`, '-F', `betreff=${betreff}`, '-F', 'datumDesSchreibens=2026-03-02', api(`/vorgaenge/${vorgangId}/dokumente`)], { cwd: dir });
  expect(r.status, r.text()).toBe(201);
  return r.json<{ id: string; aktuelleVersion: { sha256: string; groesse: number; dateiname: string } }>();
}

/** A Dokument of `groesse` bytes uploaded over the API (Node's fetch), with its bytes. */
async function dokument(groesse: number, dateiname = 'Bescheid.pdf') {
  const { vorgangId } = await akteMitVorgang(t);
  const inhalt = await pdf(`Bescheid ${dateiname}`, groesse);
  const form = new FormData();
  form.set('betreff', 'Bescheid');
  form.set('datumDesSchreibens', '2026-03-02');
  form.set('datei', new Blob([new Uint8Array(inhalt)], { type: 'application/pdf' }), dateiname);
  const res = await fetch(api(`/vorgaenge/${vorgangId}/dokumente`), { method: 'POST', headers: { authorization: `Bearer ${t}` }, body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return { id: ((await res.json()) as { id: string }).id, inhalt };
}

describe('curl with its default flags', () => {
  it('-F uploads a 5 MiB PDF as multipart; the download has its SHA-256', async () => {
    const inhalt = await pdf('Planfeststellungsbeschluss', 5 * 1024 * 1024);
    writeFileSync(path.join(dir, 'gross.pdf'), inhalt);
    const { vorgangId } = await akteMitVorgang(t);
    const dok = await curlUpload(vorgangId, 'gross.pdf');
    expect(dok.aktuelleVersion).toMatchObject({ sha256: sha256(inhalt), groesse: inhalt.length, dateiname: 'gross.pdf' });
    const r = await lauf('curl', ['-sS', '-w', '%{http_code}', '-H', auth(), '-o', 'gross-zurueck.pdf', api(`/dokumente/${dok.id}/inhalt`)], { cwd: dir });
    expect(r.stdout.toString()).toBe('200');
    expect(sha256(readFileSync(path.join(dir, 'gross-zurueck.pdf')))).toBe(sha256(inhalt));
  });

  it('-F uploads a file with a German name below 1 MiB; the Dokument keeps the name', async () => {
    const inhalt = await pdf('Stellungnahme', 200_000);
    writeFileSync(path.join(dir, 'Stellungnahme Größe Übung.pdf'), inhalt);
    const { vorgangId } = await akteMitVorgang(t);
    const dok = await curlUpload(vorgangId, 'Stellungnahme Größe Übung.pdf');
    expect(dok.aktuelleVersion).toMatchObject({ sha256: sha256(inhalt), dateiname: 'Stellungnahme Größe Übung.pdf' });
  });

  it('-T - sends a raw body chunked: an Aktenplan CSV from stdin is imported', async () => {
    const reg = await token({ tenant: 'demo2', roles: ['registratur'] });
    const csv = 'kennzeichen,titel,frist,aussonderungsart\n3.9,Hochwasserschutz (curl -T),10,A\n';
    const r = await curl(['-v', '-T', '-', '-X', 'POST', '-H', `Authorization: Bearer ${reg}`, '-H', 'content-type: text/csv', api('/aktenplan/import')], { eingabe: csv });
    expect(r.stderr).toMatch(/^> Transfer-Encoding: chunked\r?$/im);
    expect(r.status, r.text()).toBe(200);
    expect(r.json()).toEqual({ angelegt: 1, aktualisiert: 0, unveraendert: 0 });
    const plan = await curl(['-H', `Authorization: Bearer ${reg}`, api('/aktenplan')]);
    expect(plan.json().einheiten).toContainEqual(expect.objectContaining({ kennzeichen: '3.9', titel: 'Hochwasserschutz (curl -T)', aufbewahrungsfrist: 10, aussonderungsart: 'A' }));
  });

  it('-r asks for byte ranges: 206 with exactly those bytes; several ranges 200; outside 416', async () => {
    const { id, inhalt } = await dokument(300_000);
    const url = api(`/dokumente/${id}/inhalt`);
    const mitte = await curl(['-H', auth(), '-r', '1000-1999', url]);
    expect(mitte.status).toBe(206);
    expect(mitte.headers['content-range']).toBe(`bytes 1000-1999/${inhalt.length}`);
    expect(mitte.body.equals(inhalt.subarray(1000, 2000))).toBe(true);
    const ende = await curl(['-H', auth(), '-r', '-500', url]);
    expect(ende.status).toBe(206);
    expect(ende.body.equals(inhalt.subarray(inhalt.length - 500))).toBe(true);
    const mehrere = await curl(['-H', auth(), '-r', '0-9,20-29', url]);
    expect(mehrere.status).toBe(200);
    expect(mehrere.body.equals(inhalt)).toBe(true);
    const ausserhalb = await curl(['-H', auth(), '-r', `${inhalt.length + 10}-${inhalt.length + 20}`, url]);
    expect(ausserhalb.status).toBe(416);
  });

  it('-C - resumes a broken download: the partial file on disk becomes the whole file', async () => {
    const { id, inhalt } = await dokument(600_000);
    const datei = path.join(dir, 'fortgesetzt.pdf');
    writeFileSync(datei, inhalt.subarray(0, 250_000));
    const r = await lauf('curl', ['-sS', '-w', '%{http_code}', '-H', auth(), '-C', '-', '-o', datei, api(`/dokumente/${id}/inhalt`)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('206');
    expect(statSync(datei).size).toBe(inhalt.length);
    expect(sha256(readFileSync(datei))).toBe(sha256(inhalt));
  });

  it('-OJ saves under the name the server sends: the ASCII fallback of a German file name', async () => {
    const { id, inhalt } = await dokument(2000, 'Größe Übung für Müller.pdf');
    const ziel = mkdtempSync(path.join(dir, 'oj-'));
    const r = await lauf('curl', ['-sS', '-OJ', '-H', auth(), api(`/dokumente/${id}/inhalt`)], { cwd: ziel });
    expect(r.code, r.stderr).toBe(0);
    // curl takes filename= (it does not decode RFC 5987 filename*); umlauts lose their dots, ß becomes ss
    expect(readdirSync(ziel)).toEqual(['Groesse Uebung fuer Mueller.pdf']);
    expect(readFileSync(path.join(ziel, 'Groesse Uebung fuer Mueller.pdf')).equals(inhalt)).toBe(true);
  });
});

describe("Python's standard library", () => {
  it('urllib.request lists the Akten; http.client creates a Vorgang with JSON and uploads multipart built by hand', async () => {
    const { akteId } = await akteMitVorgang(t, 'Python Standardbibliothek');
    const inhalt = await pdf('Antrag aus Python', 50_000);
    writeFileSync(path.join(dir, 'python.pdf'), inhalt);
    const r = await python(
      `import http.client, json, sys, urllib.parse, urllib.request, uuid
basis, token, akte_id, datei = sys.argv[1:5]
auth = {"Authorization": "Bearer " + token}
# every page of the Akten list, following the cursor
gefunden, cursor = False, None
while True:
    url = basis + "/akten?limit=50" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
    with urllib.request.urlopen(urllib.request.Request(url, headers=auth)) as res:
        seite = json.load(res)
    gefunden = gefunden or any(a["id"] == akte_id for a in seite["items"])
    cursor = seite["nextCursor"]
    if not cursor:
        break
print("liste", gefunden)
u = urllib.parse.urlsplit(basis)
con = http.client.HTTPConnection(u.hostname, u.port)
con.request("POST", u.path + "/akten/" + akte_id + "/vorgaenge", body=json.dumps({"betreff": "Anhörung"}),
            headers={**auth, "Content-Type": "application/json"})
res = con.getresponse()
vorgang = json.load(res)
print("vorgang", res.status, vorgang["betreff"])
grenze = uuid.uuid4().hex
teile = []
for name, wert in (("betreff", "Antrag auf Förderung"), ("datumDesSchreibens", "2026-03-02")):
    teile.append(("--%s\\r\\nContent-Disposition: form-data; name=\\"%s\\"\\r\\n\\r\\n%s\\r\\n" % (grenze, name, wert)).encode())
teile.append(("--%s\\r\\nContent-Disposition: form-data; name=\\"datei\\"; filename=\\"Antrag Förderung.pdf\\"\\r\\nContent-Type: application/pdf\\r\\n\\r\\n" % grenze).encode())
teile.append(open(datei, "rb").read())
teile.append(("\\r\\n--%s--\\r\\n" % grenze).encode())
koerper = b"".join(teile)
con.request("POST", u.path + "/vorgaenge/" + vorgang["id"] + "/dokumente", body=koerper,
            headers={**auth, "Content-Type": "multipart/form-data; boundary=" + grenze})
res = con.getresponse()
dok = json.load(res)
print("dokument", res.status, dok["aktuelleVersion"]["dateiname"], dok["aktuelleVersion"]["sha256"])
with urllib.request.urlopen(urllib.request.Request(basis + "/dokumente/" + dok["id"] + "/inhalt", headers=auth)) as res:
    import hashlib
    print("inhalt", hashlib.sha256(res.read()).hexdigest())`,
      [api(), t, akteId, path.join(dir, 'python.pdf')],
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.toString().trim().split('\n')).toEqual(['liste True', 'vorgang 201 Anhörung', `dokument 201 Antrag Förderung.pdf ${sha256(inhalt)}`, `inhalt ${sha256(inhalt)}`]);
  });

  it('http.client sends a raw body chunked (no Expect: 100-continue): an Aktenplan CSV is imported', async () => {
    const reg = await token({ tenant: 'demo2', roles: ['registratur'] });
    const r = await python(
      `import http.client, json, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
con = http.client.HTTPConnection(u.hostname, u.port)
zeilen = iter([b"kennzeichen;titel;frist;aussonderungsart\\n", "3.8;Gewässerschau (Python);5;V\\n".encode()])
con.request("POST", u.path, body=zeilen, encode_chunked=True, headers={"Authorization": "Bearer " + sys.argv[2], "Content-Type": "text/csv"})
res = con.getresponse()
print(res.status, json.dumps(json.load(res), sort_keys=True))`,
      [api('/aktenplan/import'), reg],
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.toString().trim()).toBe('200 {"aktualisiert": 0, "angelegt": 1, "unveraendert": 0}');
  });

  it('urllib.request reads a problem as HTTPError with the problem+json body', async () => {
    const r = await python(
      `import json, sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]}))
except urllib.error.HTTPError as e:
    print(e.code, e.headers.get_content_type(), json.load(e)["code"])`,
      [api('/akten/01938f3e-7c1a-7b5e-9d0a-1f2e3d4c5b6a'), t],
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.toString().trim()).toBe('404 application/problem+json NICHT_GEFUNDEN');
  });
});

describe('Python requests (Debian: python3-requests)', () => {
  it('lists the Akten, creates a Vorgang with json=, uploads with files= and reads the content back', async () => {
    const { akteId } = await akteMitVorgang(t, 'Python requests');
    const inhalt = await pdf('Antrag aus requests', 80_000);
    writeFileSync(path.join(dir, 'requests.pdf'), inhalt);
    const r = await python(
      `import hashlib, sys, requests
basis, token, akte_id, datei = sys.argv[1:5]
s = requests.Session()
s.headers["Authorization"] = "Bearer " + token
liste = s.get(basis + "/akten", params={"limit": 5})
print("liste", liste.status_code, len(liste.json()["items"]) > 0)
v = s.post(basis + "/akten/" + akte_id + "/vorgaenge", json={"betreff": "Widerspruch"})
print("vorgang", v.status_code, v.json()["betreff"])
with open(datei, "rb") as f:
    d = s.post(basis + "/vorgaenge/" + v.json()["id"] + "/dokumente",
               data={"betreff": "Widerspruchsbescheid", "datumDesSchreibens": "2026-03-02"},
               files={"datei": ("Widerspruchsbescheid Müller.pdf", f, "application/pdf")})
print("dokument", d.status_code, d.json()["aktuelleVersion"]["dateiname"])
inhalt = s.get(basis + "/dokumente/" + d.json()["id"] + "/inhalt")
print("inhalt", inhalt.status_code, hashlib.sha256(inhalt.content).hexdigest())`,
      [api(), t, akteId, path.join(dir, 'requests.pdf')],
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.toString().trim().split('\n')).toEqual(['liste 200 True', 'vorgang 201 Widerspruch', 'dokument 201 Widerspruchsbescheid Müller.pdf', `inhalt 200 ${sha256(inhalt)}`]);
  });
});

describe("Node's fetch", () => {
  it('creates an Akte and a Vorgang, uploads with FormData and a Blob, reads the Dokument and its bytes back', async () => {
    const json = { authorization: `Bearer ${t}`, 'content-type': 'application/json' };
    const plan = (await (await fetch(api('/aktenplan'), { headers: json })).json()) as { einheiten: { id: string; kennzeichen: string }[] };
    const einheit = plan.einheiten.find((e) => e.kennzeichen === '2.1')!;
    const akte = await fetch(api('/akten'), { method: 'POST', headers: json, body: JSON.stringify({ aktenplaneinheitId: einheit.id, betreff: 'Radweg Mühlenstraße' }) });
    expect(akte.status).toBe(201);
    const akteId = ((await akte.json()) as { id: string }).id;
    const vg = await fetch(api(`/akten/${akteId}/vorgaenge`), { method: 'POST', headers: json, body: JSON.stringify({ betreff: 'Beteiligung' }) });
    expect(vg.status).toBe(201);
    const vorgangId = ((await vg.json()) as { id: string }).id;
    // fetch sends no Expect: 100-continue, so a body over 1 MiB goes straight through
    const inhalt = await pdf('Stellungnahme Radweg', 2 * 1024 * 1024);
    const form = new FormData();
    form.set('betreff', 'Stellungnahme ADFC');
    form.set('datumDesSchreibens', '2026-03-02');
    form.set('datei', new Blob([new Uint8Array(inhalt)], { type: 'application/pdf' }), 'Stellungnahme Mühlenstraße.pdf');
    const up = await fetch(api(`/vorgaenge/${vorgangId}/dokumente`), { method: 'POST', headers: { authorization: `Bearer ${t}` }, body: form });
    expect(up.status, await up.clone().text()).toBe(201);
    const id = ((await up.json()) as { id: string }).id;
    const dok = (await (await fetch(api(`/dokumente/${id}`), { headers: json })).json()) as { akteId: string; aktuelleVersion: { dateiname: string; sha256: string } };
    expect(dok).toMatchObject({ akteId, aktuelleVersion: { dateiname: 'Stellungnahme Mühlenstraße.pdf', sha256: sha256(inhalt) } });
    const zurueck = await fetch(api(`/dokumente/${id}/inhalt`), { headers: { authorization: `Bearer ${t}` } });
    expect(zurueck.status).toBe(200);
    expect(zurueck.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Stellungnahme Mühlenstraße.pdf')}`);
    expect(Buffer.from(await zurueck.arrayBuffer()).equals(inhalt)).toBe(true);
  });
});
