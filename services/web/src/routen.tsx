// The route table: one line per page. `bereich` limits a page to the roles the permission matrix
// allows its operations (others see "not found", as for an object they may not see).
import type { ReactNode } from 'react';
import type { Sitzung } from './auth';
import { PFADE, passt } from './pfade';
import { darf, type Bereich } from './rechte';
import { Akte } from './seiten/Akte';
import { Aktenplan } from './seiten/Aktenplan';
import { AussonderungSeite } from './seiten/Aussonderung';
import { Faellig } from './seiten/Faellig';
import { Pruefung } from './seiten/Pruefung';
import { Dokument } from './seiten/Dokument';
import { Einheit } from './seiten/Einheit';
import { NichtGefunden } from './seiten/NichtGefunden';
import { Start } from './seiten/Start';
import { Suche } from './seiten/Suche';
import { Vorgang } from './seiten/Vorgang';
import { Wiedervorlagen } from './seiten/Wiedervorlagen';
import { PostkorbSeite } from './seiten/Postkorb';
import { VerfuegungSeite } from './seiten/Verfuegung';
import { VerfuegungSchreiben } from './seiten/VerfuegungSchreiben';
import { VertretungSeite } from './seiten/Vertretung';
import { LaufwegvorlagenSeite } from './seiten/Laufwegvorlagen';
import { BenachrichtigungenSeite } from './seiten/Benachrichtigungen';
import { PosteingangSeite } from './seiten/Posteingang';

export interface Route {
  pfad: string;
  seite: (p: { params: Record<string, string>; sitzung: Sitzung }) => ReactNode;
  bereich?: Bereich;
}

export const ROUTEN: Route[] = [
  { pfad: PFADE.start, seite: ({ sitzung }) => <Start sitzung={sitzung} /> },
  { pfad: PFADE.aktenplan, seite: () => <Aktenplan />, bereich: 'aktenplan' },
  { pfad: PFADE.einheit, seite: ({ params, sitzung }) => <Einheit id={params.id!} sitzung={sitzung} />, bereich: 'aktenplan' },
  { pfad: PFADE.akte, seite: ({ params, sitzung }) => <Akte id={params.id!} sitzung={sitzung} />, bereich: 'akten' },
  { pfad: PFADE.vorgang, seite: ({ params, sitzung }) => <Vorgang id={params.id!} sitzung={sitzung} />, bereich: 'akten' },
  { pfad: PFADE.dokument, seite: ({ params, sitzung }) => <Dokument id={params.id!} sitzung={sitzung} />, bereich: 'akten' },
  { pfad: PFADE.suche, seite: () => <Suche />, bereich: 'suche' },
  { pfad: PFADE.wiedervorlagen, seite: ({ sitzung }) => <Wiedervorlagen sitzung={sitzung} />, bereich: 'wiedervorlagen' },
  { pfad: PFADE.faellig, seite: () => <Faellig />, bereich: 'aussonderung' },
  { pfad: PFADE.aussonderung, seite: ({ params, sitzung }) => <AussonderungSeite id={params.id!} sitzung={sitzung} />, bereich: 'aussonderung' },
  { pfad: PFADE.pruefung, seite: () => <Pruefung />, bereich: 'pruefung' },
  { pfad: PFADE.postkorb, seite: ({ sitzung }) => <PostkorbSeite sitzung={sitzung} />, bereich: 'postkorb' },
  { pfad: PFADE.verfuegung, seite: ({ params, sitzung }) => <VerfuegungSeite id={params.id!} sitzung={sitzung} />, bereich: 'postkorb' },
  { pfad: PFADE.verfuegungNeu, seite: ({ params }) => <VerfuegungSchreiben vorgangId={params.id!} />, bereich: 'verfuegungSchreiben' },
  { pfad: PFADE.vertretung, seite: ({ sitzung }) => <VertretungSeite sitzung={sitzung} />, bereich: 'vertretung' },
  { pfad: PFADE.laufwegvorlagen, seite: () => <LaufwegvorlagenSeite />, bereich: 'laufwegvorlagen' },
  { pfad: PFADE.benachrichtigungen, seite: ({ sitzung }) => <BenachrichtigungenSeite sitzung={sitzung} />, bereich: 'benachrichtigungen' },
  { pfad: PFADE.posteingang, seite: () => <PosteingangSeite />, bereich: 'posteingang' },
];

export function seiteFuer(pfadname: string, sitzung: Sitzung): ReactNode {
  for (const r of ROUTEN) {
    const params = passt(r.pfad, pfadname);
    if (!params) continue;
    if (r.bereich && !darf(sitzung.rollen, r.bereich)) break;
    // a key per path: a new object gets a fresh page state
    return <r.seite key={pfadname} params={params} sitzung={sitzung} />;
  }
  return <NichtGefunden />;
}
