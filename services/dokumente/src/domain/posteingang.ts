// The Posteingang's rules that are not the database's: its errors and the form of an intake.
import createError from '@fastify/error';
import { z } from 'zod';

export const PosteingangFehler = {
  BereitsZugeordnet: createError('POSTEINGANG_BEREITS_ZUGEORDNET', '%s', 409),
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
