// Search helpers: the matched words in a snippet, and when a query is an Aktenzeichen to jump to.
export interface Teil {
  text: string;
  treffer: boolean;
}

/** Splits a snippet at the server's «…» marks into plain and matched parts (no HTML is ever parsed). */
export function ausschnittTeile(ausschnitt: string): Teil[] {
  const teile: Teil[] = [];
  const re = /«([^»]*)»/g;
  let rest = 0;
  for (let m = re.exec(ausschnitt); m; m = re.exec(ausschnitt)) {
    if (m.index > rest) teile.push({ text: ausschnitt.slice(rest, m.index), treffer: false });
    teile.push({ text: m[1]!, treffer: true });
    rest = m.index + m[0].length;
  }
  if (rest < ausschnitt.length) teile.push({ text: ausschnitt.slice(rest), treffer: false });
  return teile;
}

/** The Akte to open directly: exactly one Akte whose Aktenzeichen equals the query. */
export function sprungZiel(q: string, treffer: { typ: string; id: string; kennzeichen: string }[]): string | undefined {
  const norm = (s: string) => s.trim().toLowerCase();
  const akten = treffer.filter((t) => t.typ === 'akte' && norm(t.kennzeichen) === norm(q));
  return akten.length === 1 ? akten[0]!.id : undefined;
}
