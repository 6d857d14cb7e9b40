// The Aussonderung wizard's client logic: when to look at the process again while its jobs run.
import type { Schemas } from '@eakte/api-client';
import { T } from './texte';

type Stand = Pick<Schemas['Aussonderung'], 'status' | 'fortschritt' | 'objekte' | 'vernichtungsstand'>;

/** A retried job waits minutes (the server's back-off): looking every two seconds would only load the server. */
export const ABFRAGE_LAUFEND = 2000;
export const ABFRAGE_WIEDERHOLUNG = 30_000;

/**
 * Milliseconds until the wizard reloads the process, or null when nothing changes by itself: once
 * `abgeschlossen`, or when only a person can move it on (a Löschsperre holds the waiting objects).
 */
export function naechsteAbfrage(d: Stand | undefined): number | null {
  if (!d || d.status === 'abgeschlossen') return null;
  const f = d.fortschritt;
  const v = d.vernichtungsstand;
  const jobLaeuft = !!f.schritt && f.erledigt < f.gesamt;
  // every destruction done or held: the protocol job comes next, then the state; nothing held and
  // still pending: a Nachtrag is on its way
  const protokollEntsteht = d.status === 'vernichtung_ausstehend' && !!v && (!v.protokoll || v.gesperrt === 0);
  if (!jobLaeuft && !protokollEntsteht && !(v && v.ausstehend > 0)) return null;
  const wartend = d.objekte.filter((o) => o.loeschung === 'ausstehend');
  return wartend.length > 0 && wartend.every((o) => o.loeschVersuche > 0) ? ABFRAGE_WIEDERHOLUNG : ABFRAGE_LAUFEND;
}

/** Why an object's content is not gone yet, for the objects table (the texts in `T.aussonderung.loeschung`). */
export function loeschungText(o: Pick<Schemas['AussonderungsObjekt'], 'loeschung' | 'loeschVersuche' | 'loeschFehler'>): string {
  const L = T.aussonderung.loeschung;
  if (o.loeschung === 'erledigt') return L.erledigt;
  if (o.loeschung === 'gesperrt') return L.gesperrt;
  if (o.loeschung === 'ausstehend') return o.loeschVersuche > 0 ? L.wartet(o.loeschVersuche, o.loeschFehler ?? '') : L.ausstehend;
  return '–';
}

/**
 * The protocol files to offer: the Vernichtungsprotokoll once written, and each Nachtrag (objects
 * destroyed after a Löschsperre stopping them was released), by number.
 */
export function protokollDateien(id: string, v: Stand['vernichtungsstand']): { pfad: string; dateiname: string; text: string }[] {
  if (!v?.protokoll) return [];
  const basis = `/api/v1/aussonderungen/${encodeURIComponent(id)}/vernichtungsprotokoll.pdf`;
  return [
    { pfad: basis, dateiname: 'Vernichtungsprotokoll.pdf', text: T.aussonderung.s6knopf },
    ...Array.from({ length: v.nachtraege }, (_, i) => ({
      pfad: `${basis}?nachtrag=${i + 1}`,
      dateiname: `Vernichtungsprotokoll_Nachtrag_${i + 1}.pdf`,
      text: T.aussonderung.nachtragKnopf(i + 1),
    })),
  ];
}
