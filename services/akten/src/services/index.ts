// The Akten service's use cases. Each mutation runs in ONE tenant transaction and records its
// audit event through the Protokollierer in that same transaction: if either fails, neither happens.
// Every use case takes the caller as an `Akteur` and parsed input, never the HTTP request.
import type { Db } from '@eakte/db';
import type { Protokollierer } from '@eakte/platform';
import { createAktenService } from './akten.js';
import { createAktenplanService } from './aktenplan.js';
import { createBenachrichtigungService, KEIN_MELDER, type Melder } from './benachrichtigung.js';
import { createGeschaeftsgangService } from './geschaeftsgang.js';
import { createGrundlage } from './kontext.js';
import { createLebenszyklusService } from './lebenszyklus.js';
import { createMandantenService, type Protokollzeile } from './mandanten.js';
import { createOrganisationService } from './organisation.js';
import { createSucheService } from './suche.js';
import { createVorgaengeService } from './vorgaenge.js';
import type { MandantenRepository } from '../repositories/mandanten.js';

export function createDienste(db: Db, protokolliere: Protokollierer, mandanten: MandantenRepository, log: Protokollzeile, melder: Melder = KEIN_MELDER) {
  const g = createGrundlage(db);
  const lebenszyklus = createLebenszyklusService(g, protokolliere);
  const vorgaenge = createVorgaengeService(g, protokolliere);
  return {
    organisation: createOrganisationService(g, protokolliere),
    aktenplan: createAktenplanService(g, protokolliere),
    akten: createAktenService(g, protokolliere),
    lebenszyklus,
    vorgaenge,
    geschaeftsgang: createGeschaeftsgangService(g, protokolliere, lebenszyklus, vorgaenge, melder),
    benachrichtigung: createBenachrichtigungService(g, protokolliere),
    suche: createSucheService(g),
    mandanten: createMandantenService(mandanten, log),
  };
}

export type Dienste = ReturnType<typeof createDienste>;
export type { AkteAnsicht, MandantAkteur, Seite } from './kontext.js';
export type { VerfuegungAnsicht, VerfuegungUebersicht } from './geschaeftsgang.js';
