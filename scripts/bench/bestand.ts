// The bulk tenant shared by the read and search benchmarks, loaded once per run with COPY
// (scripts/lib/bulk.ts, the loader behind scripts/seed-bulk.ts).
import { bulkSeeden, dokumenteSeeden } from '../lib/bulk.js';
import { mandantenAnlegen } from './audit.js';
import type { BenchKontext } from './index.js';

export interface Bestand {
  slug: string;
  mandantId: string;
  akten: number;
  dokumente: number;
  sekunden: number;
}

let geladen: Promise<Bestand> | undefined;
let grossGeladen: Promise<Bestand> | undefined;

/**
 * With --scale, a second tenant of 1M Akten (no Dokumente) for the due list; otherwise the
 * shared bulk tenant.
 */
export function aktenBestand(ctx: BenchKontext): Promise<Bestand> {
  if (ctx.groesse !== 'scale') return bestand(ctx);
  grossGeladen ??= (async () => {
    const akten = 1_000_000;
    const slug = 'bench-akten-1m';
    const { [slug]: mandantId } = await mandantenAnlegen(ctx.ownerUrl, [slug]);
    const t0 = performance.now();
    await bulkSeeden(ctx.ownerUrl, mandantId!, { akten, einheiten: 5_000 });
    return { slug, mandantId: mandantId!, akten, dokumente: 0, sekunden: (performance.now() - t0) / 1000 };
  })();
  return grossGeladen;
}

export function bestand(ctx: BenchKontext): Promise<Bestand> {
  geladen ??= (async () => {
    const akten = ctx.groesse === 'quick' ? 5_000 : ctx.groesse === 'scale' ? 100_000 : 60_000;
    const einheiten = ctx.groesse === 'quick' ? 500 : 5_000;
    const dokumente = ctx.groesse === 'quick' ? 10_000 : ctx.groesse === 'scale' ? 1_000_000 : 100_000;
    const slug = 'bench-bestand';
    const { [slug]: mandantId } = await mandantenAnlegen(ctx.ownerUrl, [slug]);
    const t0 = performance.now();
    await bulkSeeden(ctx.ownerUrl, mandantId!, { akten, einheiten });
    await dokumenteSeeden(ctx.ownerUrl, mandantId!, { dokumente, woerter: 30 });
    return { slug, mandantId: mandantId!, akten, dokumente, sekunden: (performance.now() - t0) / 1000 };
  })();
  return geladen;
}
