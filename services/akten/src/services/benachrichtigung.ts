// E-mail notifications: a user's own setting, and the Melder through which the Geschäftsgang queues
// a mail job in the transaction of the step change (none without SMTP settings).
import { schema, type Db, type Tx } from '@eakte/db';
import { heute, type Protokollierer } from '@eakte/platform';
import * as repo from '../repositories/benachrichtigung.js';
import type { Grundlage, MandantAkteur } from './kontext.js';

/** Queues the mails of a step change inside its transaction. */
export interface Melder {
  /** Steps that just became current: their holders (and deputies in force) except `ausser`. */
  eingang(tx: Tx, schrittIds: string[], ausser: string): Promise<void>;
  /** A returned step: the Verfügung's author, unless it is `ausser`. */
  rueckgabe(tx: Tx, schrittId: string, ausser: string): Promise<void>;
}

/** Without SMTP settings: no mail, no job. */
export const KEIN_MELDER: Melder = { eingang: async () => {}, rueckgabe: async () => {} };

export const MAIL_MELDER: Melder = {
  eingang: async (tx, ids, ausser) => {
    await repo.reiheEingangEin(tx, ids, ausser, heute());
  },
  rueckgabe: async (tx, id, ausser) => {
    await repo.reiheRueckgabeEin(tx, id, ausser);
  },
};

export interface Einstellung {
  email: string | null;
  aktiv: boolean;
}

export function createBenachrichtigungService(g: Grundlage, protokolliere: Protokollierer) {
  return {
    einstellung: (akteur: MandantAkteur): Promise<Einstellung> => g.imKontext(akteur, (tx, k) => repo.einstellung(tx, k.sub)),

    setzeEinstellung: (akteur: MandantAkteur, body: Einstellung): Promise<Einstellung> =>
      g.imKontext(akteur, async (tx, k) => {
        const alt = await repo.einstellung(tx, k.sub);
        const neu = { email: body.email?.trim() || null, aktiv: body.aktiv };
        await repo.setzeEinstellung(tx, k.mandantId, k.sub, neu);
        // the address itself stays out of the audit trail: whether it changed is enough
        await protokolliere(tx, akteur, {
          aktion: 'benachrichtigung.gesetzt',
          objektTyp: 'benutzer',
          objektId: null,
          details: { sub: k.sub },
          aenderungen: [
            ...(alt.aktiv !== neu.aktiv ? [{ feld: 'benachrichtigungAktiv', alt: alt.aktiv, neu: neu.aktiv }] : []),
            ...(alt.email !== neu.email ? [{ feld: 'emailHinterlegt', alt: alt.email !== null, neu: neu.email !== null }] : []),
          ],
        });
        return neu;
      }),
  };
}

/**
 * The periodic Frist round: per tenant, the current steps whose Frist has passed are marked and their
 * mails queued in one transaction, so each overdue step is mailed once. `mandantId`: one tenant only.
 */
export async function meldeUeberfaelligeFristen(db: Db, log: { warn(o: object, m?: string): void; info(o: object, m?: string): void }, mandantId?: string): Promise<number> {
  const mandanten = mandantId ? [{ id: mandantId }] : await db.alsPlattformbetrieb((tx) => tx.select({ id: schema.mandant.id }).from(schema.mandant));
  let schritte = 0;
  for (const { id } of mandanten) {
    try {
      const r = await db.withMandant(id, (tx) => repo.meldeUeberfaelligeFristen(tx, heute()));
      schritte += r.schritte;
      if (r.schritte > 0) log.info({ mandantId: id, ...r }, 'overdue Fristen queued for mail');
    } catch (err) {
      log.warn({ err, mandantId: id }, 'overdue Frist round failed for a tenant');
    }
  }
  return schritte;
}
