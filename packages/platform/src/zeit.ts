// Browser-safe (the web client imports it too): no Node imports here.

/** Today in Europe/Berlin as YYYY-MM-DD: the agency's calendar day (z.d.A., Wiedervorlage, Fälligkeit). */
export function heute(jetzt: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(jetzt);
}
