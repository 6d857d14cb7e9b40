// Portman generates contract, variation and fuzz requests from the running platform's /openapi.json,
// Newman sends them; per role only the operations the permission matrix grants it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BERECHTIGUNGEN, type Rolle } from '@eakte/platform';
import { PDFDocument } from 'pdf-lib';
import { DEMO_MANDANTEN } from '../../lib/demo.js';
import { lauf } from '../lib.js';

const hier = path.dirname(new URL(import.meta.url).pathname);
const scriptsDir = path.resolve(hier, '../..');
const newman = createRequire(import.meta.url)('newman') as {
  run(o: object, cb: (err: Error | null, summary: NewmanSummary) => void): void;
};

interface NewmanSummary {
  run: {
    stats: { requests: { total: number }; assertions: { total: number; failed: number } };
    executions: {
      item: { name: string; request: { method: string; url: { path?: string[] } } };
      response?: { code: number; stream?: Buffer };
      requestError?: Error;
      assertions?: { assertion: string; error?: { message: string } }[];
    }[];
  };
}

/** One failed check of a run: which operation, which generated request, which assertion. */
export interface Befund {
  rolle: Rolle;
  operation: string;
  /** `Vertrag` for the plain request, else the variation portman appended, e.g. `[Fuzz][required betreff]`. */
  variante: string;
  check: string;
  status?: number;
  meldung: string;
  antwort?: string;
}

export interface Ergebnis {
  /** The operations of the requests sent (any variation). */
  operationen: Set<string>;
  anfragen: number;
  pruefungen: number;
  befunde: Befund[];
}

type Spec = { paths: Record<string, Record<string, { operationId?: string } | unknown>> };

function operationen(spec: Spec) {
  const liste: { methode: string; muster: RegExp; id: string; summary: string }[] = [];
  for (const [p, ops] of Object.entries(spec.paths))
    for (const [m, op] of Object.entries(ops)) {
      const { operationId: id, summary = '' } = op as { operationId?: string; summary?: string };
      if (id) liste.push({ methode: m.toUpperCase(), muster: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`), id, summary });
    }
  return (methode: string, pfad: string) => liste.find((o) => o.methode === methode && o.muster.test(pfad));
}

/** Generates the collection with portman (config in this folder), once for all roles. */
export async function generiere(spec: Spec, dir = mkdtempSync(path.join(tmpdir(), 'eakte-portman-'))): Promise<string> {
  const oas = path.join(dir, 'openapi.json');
  const ausgabe = path.join(dir, 'collection.json');
  writeFileSync(oas, JSON.stringify(spec));
  // the file the upload requests send (`datei` → schreiben.pdf, relative to newman's workingDir)
  writeFileSync(path.join(dir, 'schreiben.pdf'), await einPdf('Portman'));
  const r = await lauf(
    path.join(scriptsDir, 'node_modules/.bin/portman'),
    ['-l', oas, '-o', ausgabe, '-c', path.join(hier, 'portman-config.json'), '-s', path.join(hier, 'postman-config.json'), '--collectionName', 'E-Akte'],
    { cwd: dir, timeoutMs: 120_000 },
  );
  if (r.code !== 0 || !/Collection written/.test(r.stdout.toString())) throw new Error(`portman: ${r.code}\n${r.stdout}\n${r.stderr}`);
  return ausgabe;
}

async function einPdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText(text);
  return pdf.save();
}

interface Eintrag {
  name: string;
  item?: Eintrag[];
  request?: { method: string; url: { path?: string[] } };
}

const pfadVon = (r: NonNullable<Eintrag['request']>) => '/' + (r.url.path ?? []).join('/');

/** The collection reduced to the requests of the operations the permission matrix grants `rolle`. */
function fuerRolle(items: Eintrag[], opId: ReturnType<typeof operationen>, rolle: Rolle): Eintrag[] {
  return items.flatMap((e) => {
    if (e.item) {
      const kinder = fuerRolle(e.item, opId, rolle);
      return kinder.length ? [{ ...e, item: kinder }] : [];
    }
    const op = e.request && opId(e.request.method, pfadVon(e.request));
    return op && BERECHTIGUNGEN[op.id]?.includes(rolle) ? [e] : [];
  });
}

/**
 * Runs the generated collection for `rolle` with newman; variables as globals so that the collection
 * variables the requests assign (ids, ETags) take precedence.
 */
export function fuehreAus(spec: Spec, rolle: Rolle, collection: string, variablen: Record<string, string>): Promise<Ergebnis> {
  const opId = operationen(spec);
  const voll = JSON.parse(readFileSync(collection, 'utf8')) as { item: Eintrag[] };
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection: { ...voll, item: fuerRolle(voll.item, opId, rolle) },
        envVar: [{ key: 'baseUrl', value: variablen.baseUrl }],
        globalVar: Object.entries(variablen).map(([key, value]) => ({ key, value })),
        reporters: [],
        workingDir: path.dirname(collection),
        timeoutRequest: 30_000,
      },
      (err, summary) => {
        if (err) return reject(err);
        const befunde: Befund[] = [];
        const gesendet = new Set<string>();
        for (const e of summary.run.executions) {
          const pfad = pfadVon(e.item.request);
          const op = opId(e.item.request.method, pfad);
          const operation = op?.id ?? `${e.item.request.method} ${pfad}`;
          gesendet.add(operation);
          const variante = op && e.item.name.startsWith(op.summary) ? e.item.name.slice(op.summary.length) || 'Vertrag' : e.item.name;
          const basis = { rolle, operation, variante, status: e.response?.code, antwort: e.response?.stream?.toString('utf8').slice(0, 300) };
          if (e.requestError) befunde.push({ ...basis, check: 'request', meldung: e.requestError.message });
          for (const a of e.assertions ?? []) if (a.error) befunde.push({ ...basis, check: a.assertion.replace(/^\[[A-Z]+\]::\S+ - /, ''), meldung: a.error.message });
        }
        resolve({ operationen: gesendet, anfragen: summary.run.stats.requests.total, pruefungen: summary.run.stats.assertions.total, befunde });
      },
    );
  });
}

/** What the generated requests act on: objects made over the API before the run, fresh per role. */
export async function fixturen(apiBase: string, bearer: { sachbearbeitung: string; registratur: string }): Promise<Record<string, string>> {
  const rufe = async (t: string, methode: string, pfad: string, body?: unknown, erwartet = [200, 201]) => {
    const r = await fetch(apiBase + pfad, {
      method: methode,
      headers: { authorization: `Bearer ${t}`, ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    if (!erwartet.includes(r.status)) throw new Error(`fixture ${methode} ${pfad}: ${r.status} ${await r.text()}`);
    return (await r.json()) as Record<string, any>;
  };
  const sb = bearer.sachbearbeitung;
  const plan = await rufe(sb, 'GET', '/aktenplan');
  const einheiten = plan.einheiten as { id: string; parentId: string | null }[];
  const blatt = einheiten.filter((e) => !einheiten.some((k) => k.parentId === e.id));
  const einheitId = blatt.at(-1)!.id;
  const neueAkte = async (t: string, betreff: string, laufzeitBeginn?: string) =>
    (await rufe(t, 'POST', '/akten', { aktenplaneinheitId: einheitId, betreff, ...(laufzeitBeginn ? { laufzeitBeginn } : {}) })).id as string;
  const akteId = await neueAkte(sb, 'Portman: Akte');
  const vorgangId = (await rufe(sb, 'POST', `/akten/${akteId}/vorgaenge`, { betreff: 'Portman: Vorgang' })).id as string;
  const zdaVorgangId = (await rufe(sb, 'POST', `/akten/${akteId}/vorgaenge`, { betreff: 'Portman: Vorgang zu z.d.A.' })).id as string;
  const form = new FormData();
  form.set('betreff', 'Portman: Dokument');
  form.set('datumDesSchreibens', '2026-01-15');
  form.set('datei', new Blob([Buffer.from(await einPdf('Portman: Dokument'))], { type: 'application/pdf' }), 'schreiben.pdf');
  const dokumentId = (await rufe(sb, 'POST', `/vorgaenge/${vorgangId}/dokumente`, form)).id as string;
  const rg = bearer.registratur;
  // a current step of the org unit every demo user belongs to, to take over (übernehmen)
  const oeKuerzel = DEMO_MANDANTEN.find((m) => m.slug === 'demo')!.organisationseinheiten[0]!.kuerzel;
  const oe = ((await rufe(sb, 'GET', '/organisationseinheiten')).items as { id: string; kuerzel: string }[]).find((o) => o.kuerzel === oeKuerzel)!;
  const gruppe = await rufe(rg, 'POST', `/vorgaenge/${vorgangId}/verfuegungen`, { betreff: 'Portman: Gruppe', laufweg: [{ bearbeiter: { organisationseinheitId: oe.id }, aktion: 'kenntnisnahme' }] });
  const loeschEinheitId = (
    await rufe(rg, 'POST', '/aktenplan/einheiten', { parentId: null, kennzeichen: `L${Date.now()}`, titel: 'Portman: zu löschen', aufbewahrungsfrist: 10, aussonderungsart: 'B' })
  ).id as string;
  // an Akte closed long ago, due for Aussonderung
  const aussonderungAkteId = await neueAkte(rg, 'Portman: Akte zur Aussonderung', '1990-01-02');
  await rufe(rg, 'POST', `/akten/${aussonderungAkteId}/zda`, { datum: '2000-01-31' });
  return {
    einheitId,
    loeschEinheitId,
    aussonderungAkteId,
    zweiteEinheitId: blatt.at(-2)!.id,
    akteId,
    vorgangId,
    zdaVorgangId,
    dokumentId,
    gruppenSchrittId: gruppe.laufweg[0].id as string,
    // the Vorgang of the fixture's Dokument (the run's createVorgang reassigns vorgangId)
    verfuegungVorgangId: vorgangId,
    zdaAkteId: await neueAkte(sb, 'Portman: Akte zu z.d.A.'),
  };
}
