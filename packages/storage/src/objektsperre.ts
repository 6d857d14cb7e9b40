// Object lock as defence in depth: maps a record's retention state to S3 object-lock settings.
// The application's own rules always apply; with a lock the storage refuses early deletion too.

export type ObjektsperreModus = 'off' | 'governance' | 'compliance';

export interface Aufbewahrungsstand {
  /** Last day of retention (after z.d.A.); null while the record is open (retention not running). */
  aufbewahrungBis: Date | null;
  unbefristet: boolean;
  /** A Löschsperre (legal hold) covers the record. */
  loeschsperre: boolean;
}

export interface Sperre {
  /** Retain-until (end of retention day, UTC), or null for none. */
  retention: { mode: 'GOVERNANCE' | 'COMPLIANCE'; retainUntilDate: string } | null;
  legalHold: 'ON' | 'OFF';
}

/**
 * - closed with a retention end: retain until the end of that day; destruction afterwards works
 * - open (no end yet) or `unbefristet`: legal hold, since no retain-until date exists
 * - a Löschsperre: legal hold on top, released when the last hold is released
 */
export function sperreFuer(modus: ObjektsperreModus, stand: Aufbewahrungsstand): Sperre | null {
  if (modus === 'off') return null;
  const mode = modus === 'compliance' ? 'COMPLIANCE' : 'GOVERNANCE';
  const ende = stand.aufbewahrungBis && !stand.unbefristet ? new Date(stand.aufbewahrungBis) : null;
  if (ende) ende.setUTCHours(23, 59, 59, 0);
  const ohneEnde = stand.unbefristet || stand.aufbewahrungBis === null;
  return {
    retention: ende ? { mode, retainUntilDate: ende.toISOString() } : null,
    legalHold: stand.loeschsperre || ohneEnde ? 'ON' : 'OFF',
  };
}
