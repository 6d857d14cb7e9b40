// Retention (Aufbewahrung) as plain date arithmetic, docs/domaene.md R1: retention starts on 1 January
// of the year after the (last) z.d.A.; a Frist of n years runs to 31 December of year
// (z.d.A. year + n); Aussonderung is due from the following 1 January. `unbefristet` is never due.

export type Frist = number | 'unbefristet' | null;

export interface Aufbewahrung {
  /** First day of the retention period (1 January after the z.d.A.). */
  beginn: string | null;
  /** Last day of the retention period (31 December). */
  aufbewahrungBis: string | null;
  /** Aussonderung (offer to the archive) due from this day (1 January). */
  aussonderungFaelligAb: string | null;
}

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

function jahrVon(datum: string): number {
  const m = ISO_DATUM.exec(datum);
  if (!m) throw new Error(`kein ISO-Datum: ${datum}`);
  return Number(m[1]);
}

const jahr4 = (j: number) => String(j).padStart(4, '0');

/** Retention dates for an Akte closed on `zdaDatum` (YYYY-MM-DD) with `frist`. */
export function berechneAufbewahrung(zdaDatum: string, frist: Frist): Aufbewahrung {
  const j = jahrVon(zdaDatum);
  const beginn = `${jahr4(j + 1)}-01-01`;
  if (frist === 'unbefristet') return { beginn, aufbewahrungBis: null, aussonderungFaelligAb: null };
  if (frist === null) return { beginn: null, aufbewahrungBis: null, aussonderungFaelligAb: null };
  if (!Number.isInteger(frist) || frist < 0) throw new Error(`ungültige Frist: ${frist}`);
  return { beginn, aufbewahrungBis: `${jahr4(j + frist)}-12-31`, aussonderungFaelligAb: `${jahr4(j + frist + 1)}-01-01` };
}

/** The retention that applies: the Akte's own, else the nearest Aktenplaneinheit's upwards. */
export function wirksameFrist(
  akte: { aufbewahrungsfrist: number | null; unbefristet: boolean },
  einheitenVonUntenNachOben: { aufbewahrungsfrist: number | null; unbefristet: boolean }[],
): { frist: Frist; geerbt: boolean } {
  if (akte.unbefristet) return { frist: 'unbefristet', geerbt: false };
  if (akte.aufbewahrungsfrist !== null) return { frist: akte.aufbewahrungsfrist, geerbt: false };
  for (const e of einheitenVonUntenNachOben) {
    if (e.unbefristet) return { frist: 'unbefristet', geerbt: true };
    if (e.aufbewahrungsfrist !== null) return { frist: e.aufbewahrungsfrist, geerbt: true };
  }
  return { frist: null, geerbt: true };
}

/** Today in Europe/Berlin (z.d.A. dates are local calendar days): the platform's one definition. */
export { heute } from '@eakte/platform';

/** True when `neu` ends retention earlier than `alt` (no Frist counts as the shortest). */
export function istVerkuerzung(alt: Frist, neu: Frist): boolean {
  const rang = (f: Frist) => (f === 'unbefristet' ? Number.POSITIVE_INFINITY : f === null ? -1 : f);
  return rang(neu) < rang(alt);
}
