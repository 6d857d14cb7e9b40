// A Wiedervorlage is a reminder for a coming day: today or later (the agency's calendar day).
import { Errors } from '@eakte/platform';

/** Refuses a day before `heute` with 422 `WIEDERVORLAGE_IN_VERGANGENHEIT` and a field error on `feld`. */
export function pruefeWiedervorlageDatum(datum: string, heute: string, feld: 'datum' | 'wiedervorlage'): void {
  if (datum >= heute) return;
  throw Object.assign(new Errors.WiedervorlageVergangen(`Die Wiedervorlage am ${datum} liegt in der Vergangenheit; frühestens heute (${heute})`), {
    erweiterung: { fehler: [{ ort: 'body', feld: `/${feld}`, meldung: 'liegt in der Vergangenheit' }] },
  });
}
