// Loading state, a 404 as the "not found" page, other problems as an alert.
import type { ReactNode } from 'react';
import type { Laden } from '../api';
import { Fehlermeldung, Laedt } from '../ui';
import { NichtGefunden } from './NichtGefunden';

export function Geladen<D>({ l, children }: { l: Laden<D>; children: (d: D) => ReactNode }) {
  if (l.fehler?.status === 404) return <NichtGefunden />;
  if (l.fehler) return <Fehlermeldung fehler={l.fehler} />;
  if (l.daten === undefined) return <Laedt />;
  return <>{children(l.daten)}</>;
}
