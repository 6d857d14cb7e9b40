// Tests of one tenant run side by side, and some add retired or future Aktenplan units: a test that
// files a new Akte takes the last unit that accepts one today, not just the last unit.
interface Einheit {
  id: string;
  gueltigAb?: string | null;
  gueltigBis?: string | null;
}

/** The last unit of an Aktenplan answer that takes new Akten today (as the Akten service checks it). */
export function einheitFuerNeueAkten<T extends { id: string }>(einheiten: readonly T[], heute = new Date().toISOString().slice(0, 10)): T {
  const offen = einheiten.filter((e) => {
    const { gueltigAb, gueltigBis } = e as Einheit;
    return !(gueltigBis && gueltigBis < heute) && !(gueltigAb && gueltigAb > heute);
  });
  const einheit = offen.at(-1);
  if (!einheit) throw new Error('the Aktenplan has no unit that takes new Akten today');
  return einheit;
}
