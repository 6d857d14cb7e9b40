// The Aussonderung service's use cases. Each mutation runs in ONE tenant transaction, asks the
// domain gates, and records its audit event through the Protokollierer in that same transaction.
// Content is removed from storage only after the transaction that records the removal committed.
// One file per step of the process; they share the context in kontext.ts.
import type { Db } from '@eakte/db';
import { abgabeFaelle } from './abgabe.js';
import { auftragsFaelle } from './auftraege.js';
import { bewertungFaelle } from './bewertung.js';
import { faelligFaelle } from './faellig.js';
import { erstelleKontext } from './kontext.js';
import { loeschsperrenFaelle } from './loeschsperren.js';
import type { AussonderungDeps } from './modell.js';
import { prozessFaelle } from './prozess.js';
import { vernichtungFaelle } from './vernichtung.js';

export * from './modell.js';

export function createAussonderungService(db: Db, deps: AussonderungDeps) {
  const k = erstelleKontext(db, deps);
  return {
    ...loeschsperrenFaelle(k),
    ...faelligFaelle(k),
    ...prozessFaelle(k),
    ...bewertungFaelle(k),
    ...abgabeFaelle(k),
    ...vernichtungFaelle(k),
    ...auftragsFaelle(k),
  };
}

export type AussonderungService = ReturnType<typeof createAussonderungService>;
