// The instances of one service behind the gateway: chosen in turn, an instance that refused a
// connection (or said it is stopping) left out until its /health answers again.
import { z } from 'zod';

/**
 * One or more instance URLs of a service, comma-separated (`http://a:3101,http://b:3101`). An instance
 * named twice counts once: a second entry is no other instance to repeat a request on.
 */
export const instanzListe = z
  .string()
  .transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().url()).min(1));

export interface Instanzen {
  readonly urls: readonly string[];
  /** The next instance in turn that is not `versucht` and not known to be down; a down one when no other is left. */
  waehle(versucht: ReadonlySet<string>): string | undefined;
  /** Leaves `url` out until its /health answers 200 (probed every `probeMs`). */
  ausfall(url: string): void;
  schliessen(): void;
}

export function instanzen(urls: readonly string[], probeMs = 250): Instanzen {
  let naechste = 0;
  const ausgefallen = new Map<string, NodeJS.Timeout>();
  const reihum = (passt: (url: string) => boolean) => {
    for (let i = 0; i < urls.length; i++) {
      const url = urls[(naechste + i) % urls.length]!;
      if (passt(url)) {
        naechste = (naechste + i + 1) % urls.length;
        return url;
      }
    }
    return undefined;
  };
  return {
    urls,
    waehle: (versucht) => reihum((u) => !versucht.has(u) && !ausgefallen.has(u)) ?? reihum((u) => !versucht.has(u)),
    ausfall(url) {
      if (ausgefallen.has(url) || urls.length < 2) return;
      let laeuft = false;
      const probe = setInterval(() => {
        if (laeuft) return;
        laeuft = true;
        fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })
          .then((res) => {
            if (res.ok && ausgefallen.get(url) === probe) {
              clearInterval(probe);
              ausgefallen.delete(url);
            }
            return res.body?.cancel();
          })
          .catch(() => undefined)
          .finally(() => (laeuft = false));
      }, probeMs);
      probe.unref();
      ausgefallen.set(url, probe);
    },
    schliessen() {
      for (const t of ausgefallen.values()) clearInterval(t);
      ausgefallen.clear();
    },
  };
}

const LESEND = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request that failed at one instance may go to another: when the connection was refused
 * (nothing of the request left the gateway) and its body can be sent again, or when it only reads.
 * A write whose body may have reached a service is never repeated: the client decides (503, Retry-After).
 */
export function wiederholbar(methode: string, fehlerCode: string, koerperWiederholbar: boolean) {
  if (fehlerCode === 'ECONNREFUSED') return koerperWiederholbar;
  return LESEND.has(methode) && /^(ECONNRESET|UND_ERR_SOCKET|EPIPE|UND_ERR_CLOSED)$/.test(fehlerCode);
}

/**
 * Whether a request an instance refused with 503 while stopping (`Connection: close`, server.ts) may
 * go to another: a read only. The refusal comes before any handler, but a write is the client's to repeat.
 */
export const wiederholbarNachAbweisung = (methode: string) => LESEND.has(methode);
