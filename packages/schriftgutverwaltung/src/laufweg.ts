// The Laufweg of a Verfügung (xdomea Beteiligungsschritt): its shape, and what completing a step
// with a Votum means. The database holds the same shape rules (migration 0036); these give the
// caller a 422 naming the step before anything is written.
import { Errors } from '@eakte/platform';
import type { MitzeichnungVotum, SchrittAktion } from '@eakte/db/schema';

export interface SchrittEntwurf {
  aktion: SchrittAktion;
  parallelGruppe?: number;
}

/** Where each step stands: its position, and its branch within a parallel group. */
export interface Platz {
  position: number;
  zweig: number;
}

/**
 * Places the steps: consecutive steps with the same `parallelGruppe` share a position. A group
 * label used again after another step, and a Zeichnung that is not alone at the end, are refused.
 */
export function platziere(schritte: readonly SchrittEntwurf[]): Platz[] {
  if (schritte.length === 0) throw new Errors.LaufwegUngueltig('Der Laufweg hat keinen Schritt');
  const plaetze: Platz[] = [];
  const verbraucht = new Set<number>();
  let position = 0;
  let zweig = 0;
  let gruppe: number | undefined;
  schritte.forEach((s, i) => {
    const g = s.parallelGruppe;
    if (g !== undefined && g === gruppe) {
      zweig += 1;
    } else {
      if (g !== undefined && verbraucht.has(g)) throw new Errors.LaufwegUngueltig(`Schritt ${i + 1}: die parallele Gruppe ${g} ist unterbrochen`);
      if (g !== undefined) verbraucht.add(g);
      position += 1;
      zweig = 1;
    }
    gruppe = g;
    plaetze.push({ position, zweig });
  });
  const zeichnungen = schritte.map((s, i) => (s.aktion === 'zeichnung' ? i : -1)).filter((i) => i >= 0);
  if (zeichnungen.length > 1) throw new Errors.LaufwegUngueltig('Der Laufweg hat mehr als eine Zeichnung');
  const z = zeichnungen[0];
  if (z !== undefined) {
    const letzte = plaetze[plaetze.length - 1]!.position;
    if (plaetze[z]!.position !== letzte || plaetze.filter((p) => p.position === letzte).length > 1) {
      throw new Errors.LaufwegUngueltig(`Schritt ${z + 1}: die Zeichnung ist der letzte Schritt und steht allein`);
    }
  }
  return plaetze;
}

/** What a completed step leads to: on, or back to the author. */
export type Folge = 'weiter' | 'zurueck';

/** A Mitzeichnung needs its Votum; the other actions carry only a comment. `nicht_einverstanden` returns the Verfügung. */
export function folgeDesVotums(aktion: SchrittAktion, votum: MitzeichnungVotum | undefined): Folge {
  if (aktion === 'mitzeichnung') {
    if (votum === undefined) throw new Errors.VotumUngueltig('Eine Mitzeichnung braucht ein Votum (einverstanden, einverstanden_mit_aenderungen, nicht_einverstanden)');
    return votum === 'nicht_einverstanden' ? 'zurueck' : 'weiter';
  }
  if (votum !== undefined) throw new Errors.VotumUngueltig(`Ein Schritt der Aktion ${aktion} trägt kein Votum, nur einen Kommentar`);
  return 'weiter';
}

export type Schlussart = 'zdA' | 'wv' | 'zum_vorgang' | 'weglegen';

/** `wv` needs its date; the others (z.d.A., zum Vorgang, weglegen) take none. */
export function pruefeSchlussverfuegung(s: { art: Schlussart; datum?: string } | undefined): void {
  if (s === undefined) return;
  if (s.art === 'wv' && !s.datum) throw new Errors.SchlussverfuegungUnzulaessig('Die Schlussverfügung wv braucht ein Datum (`datum`)');
  if (s.art !== 'wv' && s.datum) throw new Errors.SchlussverfuegungUnzulaessig(`Die Schlussverfügung ${s.art} nimmt kein Datum`);
}

export type VorversionWahl = 'erneut_mitzeichnen' | 'uebergehen';

/** What the signer chose about Mitzeichnungen on an older version: nothing to decide, ask them again, or sign over them with the reason. */
export type VorversionFolge = { art: 'keine' } | { art: 'erneut' } | { art: 'uebergehen'; grund: string };

/**
 * The Zeichnung over Mitzeichnungen given on an older version of a pinned Dokument (`aufVorversion`:
 * their number) asks the co-signers again or passes over them with a reason; without a choice it is
 * refused. A choice where there is nothing to choose is refused too.
 */
export function folgeDerVorversion(aktion: SchrittAktion, aufVorversion: number, wahl: VorversionWahl | undefined, grund: string | undefined): VorversionFolge {
  if (grund !== undefined && wahl !== 'uebergehen') throw new Errors.NichtVerarbeitbar('`grund` nur mit `vorversion: uebergehen`');
  if (wahl === undefined) {
    if (aktion === 'zeichnung' && aufVorversion > 0) {
      throw new Errors.MitzeichnungAufVorversion(
        `${aufVorversion} Mitzeichnung(en) wurden auf einer Vorversion gegeben: erneut mitzeichnen lassen (vorversion: erneut_mitzeichnen) oder mit Grund übergehen (vorversion: uebergehen, grund)`,
      );
    }
    return { art: 'keine' };
  }
  if (aktion !== 'zeichnung' || aufVorversion === 0) throw new Errors.NichtVerarbeitbar('`vorversion` nur bei einer Zeichnung über Mitzeichnungen auf einer Vorversion');
  if (wahl === 'erneut_mitzeichnen') return { art: 'erneut' };
  const g = grund?.trim();
  if (!g) {
    throw Object.assign(new Errors.GrundErforderlich('Wer Mitzeichnungen auf einer Vorversion übergeht, nennt den Grund (`grund`)'), {
      erweiterung: { fehler: [{ ort: 'body', feld: '/grund', meldung: 'ist beim Übergehen einer Mitzeichnung auf einer Vorversion erforderlich' }] },
    });
  }
  return { art: 'uebergehen', grund: g };
}
