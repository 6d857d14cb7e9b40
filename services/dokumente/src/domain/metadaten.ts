// The metadata of a filed Dokument as the upload form carries it: required subject and date of
// the letter, optional dates and people; empty form fields count as missing.
import { z } from 'zod';

const datum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'erwartet JJJJ-MM-TT')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'kein gültiges Datum');
const leerAlsFehlend = (s: unknown) => (typeof s === 'string' && s.trim() === '' ? undefined : s);

export const metadatenSchema = z.object({
  betreff: z.string().trim().min(1).max(500),
  datumDesSchreibens: datum,
  eingangsdatum: z.preprocess(leerAlsFehlend, datum.optional()) as z.ZodType<string | undefined>,
  ausgangsdatum: z.preprocess(leerAlsFehlend, datum.optional()) as z.ZodType<string | undefined>,
  absender: z.preprocess(leerAlsFehlend, z.string().trim().max(500).optional()) as z.ZodType<string | undefined>,
  bemerkung: z.preprocess(leerAlsFehlend, z.string().trim().max(4000).optional()) as z.ZodType<string | undefined>,
});
export const METADATEN_FELDER = ['betreff', 'datumDesSchreibens', 'eingangsdatum', 'ausgangsdatum', 'absender', 'bemerkung'] as const;
