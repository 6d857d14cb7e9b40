// The Posteingang's rules that are not the database's: its errors and the form of an intake.
import createError from '@fastify/error';
import { z } from 'zod';

export const PosteingangFehler = {
  BereitsZugeordnet: createError('POSTEINGANG_BEREITS_ZUGEORDNET', '%s', 409),
  /** The org unit or person to pass an item on to is not one of the tenant's (another tenant's id too). */
  EmpfaengerUnbekannt: createError('POSTEINGANG_EMPFAENGER_UNBEKANNT', '%s', 404),
  OhneTls: createError('POSTFACH_OHNE_TLS', 'Postfächer werden nur über TLS abgerufen (tls oder starttls); der Plattformbetrieb erlaubt keine unverschlüsselten Verbindungen', 422),
};

/** One code per rule of the target check (adapter/zielpruefung.ts), so a client can name it. */
export const ZielFehler = {
  LOOPBACK: createError('POSTFACH_ZIEL_LOOPBACK', '%s', 422),
  LINK_LOCAL: createError('POSTFACH_ZIEL_LINK_LOCAL', '%s', 422),
  PRIVAT: createError('POSTFACH_ZIEL_PRIVAT', '%s', 422),
  RESERVIERT: createError('POSTFACH_ZIEL_RESERVIERT', '%s', 422),
  EIGENE_ADRESSE: createError('POSTFACH_ZIEL_EIGENE_ADRESSE', '%s', 422),
  PLATTFORMDIENST: createError('POSTFACH_ZIEL_PLATTFORMDIENST', '%s', 422),
  HOST_UNBEKANNT: createError('POSTFACH_ZIEL_HOST_UNBEKANNT', '%s', 422),
};

const datum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'erwartet JJJJ-MM-TT')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'kein gültiges Datum');
const leerAlsFehlend = (s: unknown) => (typeof s === 'string' && s.trim() === '' ? undefined : s);

/** The fields of an intake form; an e-mail fills what is missing itself, other files need a Betreff. */
export const eingangSchema = z.object({
  betreff: z.preprocess(leerAlsFehlend, z.string().trim().min(1).max(500).optional()) as z.ZodType<string | undefined>,
  absender: z.preprocess(leerAlsFehlend, z.string().trim().max(500).optional()) as z.ZodType<string | undefined>,
  datumDesSchreibens: z.preprocess(leerAlsFehlend, datum.optional()) as z.ZodType<string | undefined>,
  eingangsdatum: z.preprocess(leerAlsFehlend, datum.optional()) as z.ZodType<string | undefined>,
});
export const EINGANG_FELDER = ['betreff', 'absender', 'datumDesSchreibens', 'eingangsdatum'] as const;

/** Whom an item is passed on to (Zuleitung): a person, or an org unit's Postkorb; as a step's Bearbeiter. */
export type Empfaenger = { sub: string; organisationseinheitId?: undefined } | { organisationseinheitId: string; sub?: undefined };

/** The caller as a receiver: null for the Registratur (the Poststelle acts on every item). */
export type AlsEmpfaenger = { sub: string; einheiten: string[] } | null;

/** Whether the caller may see and act on an item: the Poststelle always; a receiver what waits for them, and what they filed. */
export function darfEintrag(e: AlsEmpfaenger, row: { status: string; anSub: string | null; anOeId: string | null; zugeordnetVon: string | null }): boolean {
  if (!e) return true;
  if (row.status === 'weitergeleitet') return row.anSub === e.sub || (row.anOeId !== null && e.einheiten.includes(row.anOeId));
  return row.status === 'zugeordnet' && row.zugeordnetVon === e.sub && (row.anSub !== null || row.anOeId !== null);
}
