// Where the Posteingang sends its items: into a Vorgang, or on (Zuleitung) to an org unit's Postkorb
// or to a person, who files them into a Vorgang. The request body and the plain-German result of a
// bulk request, kept apart from the screen so that they are tested without a browser.
import type { Schemas } from '@eakte/api-client';
import { fehlertextFuer } from './texte';

export type Ziel = { art: 'vorgang'; vorgangId: string; kennzeichen: string } | { art: 'einheit'; organisationseinheitId: string; name: string } | { art: 'person'; sub: string; name: string };

export type ZielArt = Ziel['art'];

/** The body of the assignment (one item or several): the target, a Hinweis only when passing on. */
export function zuordnungsKoerper(ziel: Ziel, hinweis: string): Schemas['PosteingangZuordnung'] {
  if (ziel.art === 'vorgang') return { vorgangId: ziel.vorgangId };
  const h = hinweis.trim();
  const an = ziel.art === 'einheit' ? { organisationseinheitId: ziel.organisationseinheitId } : { sub: ziel.sub };
  return { an, ...(h ? { hinweis: h } : {}) };
}

/** The target as the button and the message name it. */
export const zielName = (ziel: Ziel) => (ziel.art === 'vorgang' ? ziel.kennzeichen : ziel.name);

/** A bulk request's result: how many went, and for each that did not, its Betreff and the reason. */
export function sammelMeldung(ergebnisse: Schemas['PosteingangSammelergebnis']['ergebnisse'], betreffVon: (id: string) => string): { erfolg: number; fehler: string[] } {
  return {
    erfolg: ergebnisse.filter((x) => x.status === 200).length,
    fehler: ergebnisse.filter((x) => x.status !== 200).map((x) => `${betreffVon(x.id)}: ${(x.problem && fehlertextFuer(x.problem.code)?.text) ?? x.problem?.detail ?? ''}`),
  };
}
