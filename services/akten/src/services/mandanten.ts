// Use cases of tenants: the platform operator creates and lists them; a tenant reads and changes its own.
import type { components } from '@eakte/api-client';
import { decodeCursor, encodeCursor, Errors, pruefeBehoerdenkennung, pruefeIfMatch } from '@eakte/platform';
import { einstellungsFehler } from '@eakte/schriftgutverwaltung/einstellungen';
import { mandantDarstellung, mandantEtag, type Mandant } from '../domain/mandant.js';
import { mitErweiterung } from './fehler.js';
import type { MandantenRepository } from '../repositories/mandanten.js';
import type { MandantAkteur, Seite } from './kontext.js';

type S = components['schemas'];

/** Where a use case notes what it did (the service's pino logger). */
export interface Protokollzeile {
  info(obj: object, msg: string): void;
}

/** Settings about to be stored pass the one rule of tenant settings (docs/domaene.md), else 422 naming each field. */
function pruefeEinstellungen(einstellungen: S['MandantAenderung']['einstellungen'] | undefined) {
  const fehler = einstellungen ? einstellungsFehler(einstellungen) : [];
  if (fehler.length > 0) throw mitErweiterung(new Errors.NichtVerarbeitbar(fehler.map((f) => f.meldung).join('; ')), { fehler });
}

export function createMandantenService(repo: MandantenRepository, log: Protokollzeile) {
  return {
    async liste(q: { limit?: number; cursor?: string }): Promise<Seite<Mandant>> {
      const limit = q.limit ?? 50;
      const cursor = decodeCursor(q.cursor, { slug: 'text' });
      const rows = await repo.liste(limit + 1, cursor ? String(cursor.slug) : null);
      const page = rows.slice(0, limit);
      return { items: page.map(mandantDarstellung), nextCursor: rows.length > limit ? encodeCursor({ slug: page[page.length - 1]!.slug }) : null };
    },

    async anlegen(b: S['MandantNeu']): Promise<Mandant> {
      if (b.behoerdenkennung) pruefeBehoerdenkennung(b.behoerdenkennung);
      pruefeEinstellungen(b.einstellungen);
      const row = await repo.anlegen({ slug: b.slug, name: b.name, behoerdenkennung: b.behoerdenkennung ?? null, einstellungen: b.einstellungen ?? {} });
      if (!row) throw new Errors.Konflikt(`Ein Mandant mit dem Kurznamen ${b.slug} existiert bereits`);
      log.info({ mandant: row.slug }, 'tenant created');
      return mandantDarstellung(row);
    },

    async eigener(akteur: MandantAkteur): Promise<Mandant> {
      const row = await repo.eigener(akteur.mandantId);
      if (!row) throw new Errors.NichtGefunden('Mandant nicht gefunden');
      return mandantDarstellung(row);
    },

    async aendere(akteur: MandantAkteur, ifMatch: string | undefined, body: S['MandantAenderung']): Promise<Mandant> {
      if (body.behoerdenkennung) pruefeBehoerdenkennung(body.behoerdenkennung);
      pruefeEinstellungen(body.einstellungen);
      const row = await repo.aendern(akteur.mandantId, (aktuell) => pruefeIfMatch(ifMatch, mandantEtag(mandantDarstellung(aktuell))), body);
      if (!row) throw new Errors.NichtGefunden('Mandant nicht gefunden');
      return mandantDarstellung(row);
    },
  };
}
