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

export interface AktenGruppe<H> {
  akteId: string;
  aktenzeichen: string;
  akteBetreff: string;
  treffer: H[];
}

/** Hits grouped by their Akte, the groups in the order of their best hit, the hits in theirs. */
export function nachAkte<H extends { akteId: string; aktenzeichen: string; akteBetreff: string }>(treffer: H[]): AktenGruppe<H>[] {
  const gruppen = new Map<string, AktenGruppe<H>>();
  for (const t of treffer) {
    const g = gruppen.get(t.akteId) ?? { akteId: t.akteId, aktenzeichen: t.aktenzeichen, akteBetreff: t.akteBetreff, treffer: [] };
    g.treffer.push(t);
    gruppen.set(t.akteId, g);
  }
  return [...gruppen.values()];
}

/** The count as the server gives it: exact up to 1,000, beyond that "mehr als". */
export function anzahlText(anzahl: number, begrenzt: boolean): string {
  const zahl = anzahl.toLocaleString('de-DE');
  return begrenzt ? `mehr als ${zahl} Treffer` : `${zahl} Treffer`;
}
