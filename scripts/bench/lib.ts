// Benchmark helpers: bounded load loops, percentiles, medians over repeated runs, and ratios
// against a baseline measured in the same run (these machines are shared and noisy).
import { performance } from 'node:perf_hooks';

export type Groesse = 'quick' | 'default' | 'scale';

export interface Messung {
  anfragen: number;
  sekunden: number;
  proSekunde: number;
  p50: number;
  p95: number;
  p99: number;
}

export function perzentil(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (xs: number[]) =>
  perzentil(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** Runs `task` `anfragen` times with `parallel` workers; latencies in ms. */
export async function messe(task: (i: number) => Promise<void>, anfragen: number, parallel: number): Promise<Messung> {
  const latenzen: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < anfragen) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latenzen.push(performance.now() - t0);
      }
    }),
  );
  const sekunden = (performance.now() - start) / 1000;
  latenzen.sort((a, b) => a - b);
  return { anfragen, sekunden, proSekunde: anfragen / sekunden, p50: perzentil(latenzen, 50), p95: perzentil(latenzen, 95), p99: perzentil(latenzen, 99) };
}

/** Median of each figure over several runs. */
export function medianVon(runs: Messung[]): Messung {
  const m = (k: keyof Messung) => median(runs.map((r) => r[k]));
  return { anfragen: m('anfragen'), sekunden: m('sekunden'), proSekunde: m('proSekunde'), p50: m('p50'), p95: m('p95'), p99: m('p99') };
}

export interface Zeile {
  fall: string;
  messung: Messung;
  basis?: Messung;
  /** throughput relative to the baseline (1.0 = as fast as the baseline) */
  verhaeltnis?: number;
  extra?: Record<string, number | string>;
}

/** Alternates subject and baseline runs so drift in machine load hits both alike. */
export async function vergleiche(fall: string, runs: number, subjekt: () => Promise<Messung>, basis: () => Promise<Messung>): Promise<Zeile> {
  const s: Messung[] = [];
  const b: Messung[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(await basis());
    s.push(await subjekt());
  }
  const ms = medianVon(s);
  const mb = medianVon(b);
  return { fall, messung: ms, basis: mb, verhaeltnis: ms.proSekunde / mb.proSekunde };
}

export function tabelle(name: string, zeilen: Zeile[]): string {
  const f = (n: number | undefined, d = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d));
  const head = '| case | req | per s | p50 ms | p95 ms | p99 ms | baseline per s | baseline p50 ms | ratio | extra |\n|---|---|---|---|---|---|---|---|---|---|';
  const rows = zeilen.map(
    (z) =>
      `| ${z.fall} | ${z.messung.anfragen} | ${f(z.messung.proSekunde)} | ${f(z.messung.p50, 2)} | ${f(z.messung.p95, 2)} | ${f(z.messung.p99, 2)} | ${f(z.basis?.proSekunde)} | ${f(z.basis?.p50, 2)} | ${f(z.verhaeltnis, 2)} | ${
        z.extra
          ? Object.entries(z.extra)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')
          : ''
      } |`,
  );
  return `### ${name}\n\n${head}\n${rows.join('\n')}\n`;
}

/** A minimal valid PDF (one empty page) padded with a comment to `bytes` bytes. */
export function pdf(bytes: number, marke = ''): Buffer {
  const kopf = '%PDF-1.4\n';
  const objekte = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ];
  let body = kopf;
  const offsets: number[] = [];
  for (const o of objekte) {
    offsets.push(body.length);
    body += o;
  }
  const xref = body.length;
  body += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const rest = Math.max(0, bytes - body.length);
  // padding as a comment after %%EOF keeps the file valid; the mark makes each file's hash distinct
  const pad = Buffer.alloc(rest, ' ');
  if (rest > 2) pad.write(`%${marke}`.slice(0, rest - 1), 0);
  if (rest > 0) pad[rest - 1] = 0x0a;
  return Buffer.concat([Buffer.from(body, 'latin1'), pad]);
}

/** JSON request against the platform; throws unless the status is 2xx. */
export async function api<T = unknown>(url: string, token: string, method: string, pfad: string, body?: unknown): Promise<T> {
  const { request } = await import('undici');
  const res = await request(`${url}${pfad}`, {
    method: method as 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  if (res.statusCode >= 300) throw new Error(`${method} ${pfad} answered ${res.statusCode}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An Akte with one Vorgang in the tenant's first Aktenplan unit, created through the API. */
export async function akteMitVorgang(url: string, token: string, betreff: string): Promise<{ akteId: string; vorgangId: string }> {
  const plan = await api<{ einheiten: { id: string; kennzeichen: string; parentId?: string | null }[] }>(url, token, 'GET', '/api/v1/aktenplan');
  const einheit = plan.einheiten.find((e) => e.parentId) ?? plan.einheiten[0]!;
  const akte = await api<{ id: string }>(url, token, 'POST', '/api/v1/akten', { aktenplaneinheitId: einheit.id, betreff });
  const vorgang = await api<{ id: string }>(url, token, 'POST', `/api/v1/akten/${akte.id}/vorgaenge`, { betreff });
  return { akteId: akte.id, vorgangId: vorgang.id };
}

export const MiB = 1024 * 1024;
export const KiB = 1024;
