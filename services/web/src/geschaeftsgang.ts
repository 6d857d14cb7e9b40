// The Geschäftsgang's client logic: the Postkorb's order and counts, where an item opens, the
// Laufweg drafted in the editor as the API takes it, and who may act on which step.
import type { Schemas } from '@eakte/api-client';
import { pfad } from './pfade';

/** An item as GET /postkorb sends it; `art` and the dates are read defensively (a newer server adds kinds, e.g. Wiedervorlagen). */
export type PostkorbEintrag = Partial<Omit<Schemas['PostkorbEintrag'], 'art'>> & { art?: string; datum?: string | null; [k: string]: unknown };

/** Overdue first (the earliest Frist on top), then the rest in the server's order (oldest first). */
export function postkorbOrdnen<E extends PostkorbEintrag>(items: readonly E[], heute: string): E[] {
  const frist = (e: E) => e.frist ?? e.datum ?? null;
  const ueber = items.filter((e) => {
    const f = frist(e);
    return f !== null && f < heute;
  });
  ueber.sort((a, b) => (frist(a)! < frist(b)! ? -1 : frist(a)! > frist(b)! ? 1 : 0));
  return [...ueber, ...items.filter((e) => !ueber.includes(e))];
}

export const istUeberfaellig = (e: PostkorbEintrag, heute: string) => {
  const f = e.frist ?? e.datum ?? null;
  return f !== null && f < heute;
};

/** The kind of an item: its `art`, else a step (the contract before kinds were added). */
export const artDes = (e: PostkorbEintrag): string => (typeof e.art === 'string' && e.art ? e.art : e.schrittId ? 'schritt' : 'rueckgabe');

/**
 * The Postkorb's counts as the server sends them (GET /postkorb/anzahl, the whole Postkorb, not the
 * page on hand): the kinds with items, then across them the overdue ones and those in Vertretung.
 */
export function postkorbZahlen(a: Schemas['PostkorbAnzahl']): { schluessel: string; n: number; davon: boolean }[] {
  const arten = [
    { schluessel: 'schritt', n: a.schritte, davon: false },
    { schluessel: 'rueckgabe', n: a.rueckgaben, davon: false },
    { schluessel: 'wiedervorlage', n: a.wiedervorlagen, davon: false },
    { schluessel: 'ueberfaellig', n: a.ueberfaellig, davon: true },
    { schluessel: 'inVertretung', n: a.inVertretung, davon: true },
  ];
  return arten.filter((z) => z.n > 0);
}

/** Where an item opens: a step on its Verfügung, a returned Verfügung to its author, anything else on its Vorgang. */
export function postkorbZiel(e: PostkorbEintrag): string | undefined {
  if (e.verfuegungId && e.schrittId) return `${pfad('verfuegung', { id: e.verfuegungId })}?schritt=${encodeURIComponent(e.schrittId)}`;
  if (e.verfuegungId) return pfad('verfuegung', { id: e.verfuegungId });
  if (e.vorgangId) return pfad('vorgang', { id: e.vorgangId });
  return undefined;
}

/** One row of the Laufweg editor. `parallel`: runs at the same time as the row above. */
export interface SchrittEntwurf {
  schluessel: number;
  art: 'person' | 'einheit';
  sub: string;
  organisationseinheitId: string;
  aktion: Schemas['SchrittAktion'];
  frist: string;
  hinweis: string;
  parallel: boolean;
}

/** The editor's rows as the API's Laufweg: consecutive parallel rows share one parallelGruppe. */
export function laufwegAusEntwurf(zeilen: readonly SchrittEntwurf[]): Schemas['SchrittNeu'][] {
  const gruppe: (number | undefined)[] = [];
  let n = 0;
  zeilen.forEach((z, i) => {
    if (i > 0 && z.parallel) {
      gruppe[i - 1] ??= ++n;
      gruppe[i] = gruppe[i - 1];
    }
  });
  return zeilen.map((z, i) => ({
    bearbeiter: z.art === 'person' ? { sub: z.sub.trim() } : { organisationseinheitId: z.organisationseinheitId },
    aktion: z.aktion,
    ...(z.frist ? { frist: z.frist } : {}),
    ...(z.hinweis.trim() ? { hinweis: z.hinweis.trim() } : {}),
    ...(gruppe[i] !== undefined ? { parallelGruppe: gruppe[i] } : {}),
  }));
}

/** A Laufweg template as the editor's rows (`neu` numbers each row): a step with its predecessor's parallelGruppe runs beside it. */
export function entwurfAusVorlage(laufweg: readonly Schemas['VorlageSchritt'][], neu: () => number): SchrittEntwurf[] {
  return laufweg.map((s, i) => ({
    schluessel: neu(),
    art: s.bearbeiter.organisationseinheitId ? 'einheit' : 'person',
    sub: s.bearbeiter.sub ?? '',
    organisationseinheitId: s.bearbeiter.organisationseinheitId ?? '',
    aktion: s.aktion,
    frist: '',
    hinweis: s.hinweis ?? '',
    parallel: i > 0 && s.parallelGruppe !== undefined && s.parallelGruppe === laufweg[i - 1]!.parallelGruppe,
  }));
}

/** The steps grouped by position (a parallel group is one position). */
export function positionen(laufweg: readonly Schemas['Schritt'][]): Schemas['Schritt'][][] {
  const m = new Map<number, Schemas['Schritt'][]>();
  for (const s of [...laufweg].sort((a, b) => a.position - b.position || a.zweig - b.zweig)) m.set(s.position, [...(m.get(s.position) ?? []), s]);
  return [...m.values()];
}

/** Does completing this current step end the Laufweg (no other current step, none planned after it)? Then it may carry the Schlussverfügung. */
export function endetLaufweg(v: Schemas['Verfuegung'], s: Schemas['Schritt']): boolean {
  return !v.laufweg.some((x) => x.id !== s.id && (x.zustand === 'aktuell' || (x.zustand === 'geplant' && x.position > s.position)));
}

/**
 * The current steps the user acts on: the one the Postkorb opened, else the user's own (or taken
 * over by them). Org-unit membership and deputies the server checks; it answers 403 otherwise.
 */
export function bearbeitbareSchritte(v: Schemas['Verfuegung'], sub: string, schrittId?: string | null): Schemas['Schritt'][] {
  if (v.status !== 'laufend') return [];
  return v.laufweg.filter((s) => s.zustand === 'aktuell' && (s.id === schrittId || s.bearbeiter.sub === sub || s.uebernommenVon === sub));
}

/** The author changes the remaining Laufweg of a Verfügung not finished (a returned one starts again). */
export const laufwegAenderbar = (v: Schemas['Verfuegung'], sub: string) =>
  v.verfasser === sub && v.status !== 'abgeschlossen' && !v.laufweg.some((s) => s.zustand === 'aktuell' && s.aktion === 'zeichnung');

/** May the step be taken over (a current org-unit step nobody took yet)? */
export const uebernehmbar = (s: Schemas['Schritt']) => s.zustand === 'aktuell' && !!s.bearbeiter.organisationseinheitId && !s.uebernommenVon;
