// Aktenzeichen and Vorgang-Kennzeichen (docs/domaene.md R3, R4). The Aktenzeichen comes from the
// tenant's rule, e.g. `{kennzeichen}-{nr:4}/{jahr}` → `21.04.3-0007/2026`; the n-th Vorgang of an
// Akte is `<Aktenzeichen>-<nnn>`. TS only: SQL never builds either, callers pass the result in.
export const STANDARD_REGEL = '{kennzeichen}-{nr:4}/{jahr}';
const PLATZHALTER = /\{(kennzeichen|jahr|nr)(?::(\d{1,2}))?\}/g;

/** Checks a rule: it must contain `{nr}` (the running number makes it unique), `{kennzeichen}` and `{jahr}`. */
export function pruefeRegel(regel: string): string | null {
  const rest = regel.replace(PLATZHALTER, '');
  if (/[{}]/.test(rest)) return 'unbekannter Platzhalter in der Aktenzeichenregel';
  if (!/\{nr(?::\d{1,2})?\}/.test(regel)) return 'die Aktenzeichenregel braucht {nr}';
  if (!/\{kennzeichen\}/.test(regel)) return 'die Aktenzeichenregel braucht {kennzeichen}';
  if (!/\{jahr\}/.test(regel)) return 'die Aktenzeichenregel braucht {jahr}';
  return null;
}

export function bildeAktenzeichen(regel: string, teile: { kennzeichen: string; nr: number; jahr: number }): string {
  return regel.replace(PLATZHALTER, (_m, name: string, breite?: string) => {
    if (name === 'kennzeichen') return teile.kennzeichen;
    if (name === 'jahr') return String(teile.jahr);
    return String(teile.nr).padStart(breite ? Number(breite) : 1, '0');
  });
}

/** Kennzeichen of the n-th Vorgang of an Akte: `21.04.3-0007/2026-003`. */
export function vorgangKennzeichen(aktenzeichen: string, nr: number): string {
  return `${aktenzeichen}-${String(nr).padStart(3, '0')}`;
}
