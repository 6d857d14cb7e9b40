// The route table: one line per page. `rollen` limits a page to roles (others see "not found").
import type { ReactNode } from 'react';
import type { Sitzung } from './auth';
import { PFADE, passt } from './pfade';
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

export interface Route {
  pfad: string;
  seite: (p: { params: Record<string, string>; sitzung: Sitzung }) => ReactNode;
  rollen?: string[];
}

export const ROUTEN: Route[] = [
  { pfad: PFADE.start, seite: ({ sitzung }) => <Start sitzung={sitzung} /> },
  { pfad: PFADE.aktenplan, seite: () => <Aktenplan /> },
  { pfad: PFADE.einheit, seite: ({ params, sitzung }) => <Einheit id={params.id!} sitzung={sitzung} /> },
  { pfad: PFADE.akte, seite: ({ params, sitzung }) => <Akte id={params.id!} sitzung={sitzung} /> },
  { pfad: PFADE.vorgang, seite: ({ params }) => <Vorgang id={params.id!} /> },
  { pfad: PFADE.dokument, seite: ({ params }) => <Dokument id={params.id!} /> },
  { pfad: PFADE.suche, seite: () => <Suche /> },
  { pfad: PFADE.wiedervorlagen, seite: () => <Wiedervorlagen /> },
  { pfad: PFADE.faellig, seite: () => <Faellig />, rollen: ['registratur'] },
  { pfad: PFADE.aussonderung, seite: ({ params, sitzung }) => <AussonderungSeite id={params.id!} sitzung={sitzung} />, rollen: ['registratur'] },
  { pfad: PFADE.pruefung, seite: () => <Pruefung />, rollen: ['pruefung'] },
];

export function seiteFuer(pfadname: string, sitzung: Sitzung): ReactNode {
  for (const r of ROUTEN) {
    const params = passt(r.pfad, pfadname);
    if (!params) continue;
    if (r.rollen && !r.rollen.some((x) => sitzung.rollen.includes(x))) break;
    // a key per path: a new object gets a fresh page state
    return <r.seite key={pfadname} params={params} sitzung={sitzung} />;
  }
  return <NichtGefunden />;
}
