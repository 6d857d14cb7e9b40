// The typed API client (generated from the contract) with the session's token, and the hooks
// every page uses to load data and to act, with errors as ApiFehler (problem+json).
import { createClient } from '@eakte/api-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { aktuelleSitzung } from './auth';
import { alsProblem, ApiFehler } from './fehler';
import { dateinameAus } from './upload';

export const api = createClient({ baseUrl: location.origin, token: () => aktuelleSitzung()?.token ?? '' });

/** Unwraps an openapi-fetch result: the data, or an ApiFehler with the problem. */
export async function ergebnis<D>(p: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let r: Awaited<typeof p>;
  try {
    r = await p;
  } catch {
    throw new ApiFehler({ status: 0, code: 'NETZ' });
  }
  if (r.error !== undefined || !r.response.ok) {
    if (r.response.status === 401) window.dispatchEvent(new Event('eakte:abgemeldet'));
    throw new ApiFehler(alsProblem(r.response.status, r.error));
  }
  return r.data as D;
}

/** Like `ergebnis`, with the ETag for a later change with If-Match. */
export async function mitEtag<D>(p: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<{ daten: D; etag: string }> {
  const r = await p.catch(() => {
    throw new ApiFehler({ status: 0, code: 'NETZ' });
  });
  const daten = await ergebnis(Promise.resolve(r));
  return { daten, etag: r.response.headers.get('etag') ?? '' };
}

export interface Laden<D> {
  daten?: D;
  fehler?: ApiFehler;
  laedt: boolean;
  neuLaden: () => void;
}

/** Loads on mount and whenever `deps` change; the latest request wins. */
export function useLaden<D>(laden: () => Promise<D>, deps: unknown[]): Laden<D> {
  const [zustand, setZustand] = useState<{ daten?: D; fehler?: ApiFehler; laedt: boolean }>({ laedt: true });
  const [runde, setRunde] = useState(0);
  const zaehler = useRef(0);
  useEffect(() => {
    const nr = ++zaehler.current;
    setZustand((z) => ({ ...z, laedt: true }));
    laden().then(
      (daten) => nr === zaehler.current && setZustand({ daten, laedt: false }),
      (e: unknown) => nr === zaehler.current && setZustand({ fehler: alsFehler(e), laedt: false }),
    );
    // deps are the caller's, plus the reload counter (no react-hooks lint plugin here)
  }, [...deps, runde]);
  const neuLaden = useCallback(() => setRunde((r) => r + 1), []);
  return { ...zustand, neuLaden };
}

export function alsFehler(e: unknown): ApiFehler {
  return e instanceof ApiFehler ? e : new ApiFehler({ status: 0, code: 'NETZ', detail: String(e) });
}

/** An action (a form submit): runs once at a time, keeps its last error. */
export function useAktion<A extends unknown[], R>(aktion: (...a: A) => Promise<R>) {
  const [laeuft, setLaeuft] = useState(false);
  const [fehler, setFehler] = useState<ApiFehler>();
  const ausfuehren = useCallback(
    async (...a: A): Promise<R | undefined> => {
      setLaeuft(true);
      setFehler(undefined);
      try {
        return await aktion(...a);
      } catch (e) {
        setFehler(alsFehler(e));
        return undefined;
      } finally {
        setLaeuft(false);
      }
    },
    [aktion],
  );
  return { ausfuehren, laeuft, fehler, setFehler };
}

/**
 * A list read page by page: the first page loads at once (again when `deps` change, e.g. a filter),
 * `mehr` appends the next; `cursor` is null after the last.
 */
export function useSeitenweise<D extends { items: unknown[]; nextCursor?: string | null }>(
  hole: (cursor?: string) => Promise<{ data?: D; error?: unknown; response: Response }>,
  deps: unknown[] = [],
) {
  const [weitere, setWeitere] = useState<D['items']>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const liste = useLaden(async () => {
    const s = await ergebnis(hole());
    setWeitere([]);
    setCursor(s.nextCursor ?? null);
    return s;
  }, deps);
  const mehr = useAktion(async () => {
    if (!cursor) return;
    const s = await ergebnis(hole(cursor));
    setWeitere((w) => [...w, ...s.items]);
    setCursor(s.nextCursor ?? null);
  });
  return { liste, weitere, cursor, mehr };
}

/** Fetches with the session's token (the API needs the header); a failed answer becomes an ApiFehler. */
async function mitToken(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${aktuelleSitzung()?.token ?? ''}` } });
  } catch {
    throw new ApiFehler({ status: 0, code: 'NETZ' });
  }
  if (!res.ok) throw new ApiFehler(alsProblem(res.status, await res.json().catch(() => undefined)));
  return res;
}

/** Fetches a document's content with the token (the API needs the header) as a Blob. */
export async function inhaltLaden(url: string): Promise<Blob> {
  return (await mitToken(url)).blob();
}

/** Downloads an API resource (ZIP, PDF, CSV …) with the token and saves it under the server's file name. */
export async function herunterladen(url: string, ersatz: string) {
  const res = await mitToken(url);
  speichern(await res.blob(), dateinameAus(res.headers.get('content-disposition'), ersatz));
}

/** Sends a file as the raw request body (an xdomea message as XML or ZIP); answers the JSON result. */
export async function dateiSenden<T>(url: string, datei: File): Promise<T> {
  const typ = /\.zip$/i.test(datei.name) ? 'application/zip' : 'application/xml';
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: datei, headers: { authorization: `Bearer ${aktuelleSitzung()?.token ?? ''}`, 'content-type': typ } });
  } catch {
    throw new ApiFehler({ status: 0, code: 'NETZ' });
  }
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiFehler(alsProblem(res.status, body));
  return body as T;
}

/** Saves a Blob under a file name (the browser's download). */
export function speichern(blob: Blob, dateiname: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = dateiname;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
